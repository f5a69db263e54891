"""`ingest --fetch`: feed entries' linked pages are fetched (here from a server on 127.0.0.1)."""
import http.server
import threading
from functools import partial

import pytest

from storyline.ingest.read import ReadOptions, read_paths

from conftest import INPUTS


@pytest.fixture
def site(tmp_path):
    (tmp_path / "seite.html").write_bytes((INPUTS / "seite.html").read_bytes())
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetch_reads_the_linked_page_and_reports_a_missing_one(site, tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Lokal</title>
<item><title>Kosmodrom</title><link>{site}/seite.html</link><pubDate>Wed, 13 Sep 2023 10:00:00 GMT</pubDate>
<description>Kurzfassung.</description></item>
<item><title>Fehlt</title><link>{site}/fehlt.html</link><description>Kurz.</description></item>
</channel></rss>""")
    items = list(read_paths([feed], ReadOptions(fetch=True, allow_private=True)))
    article = next(i for i in items if hasattr(i, "text"))
    assert "„Lieber ein alter Freund als zwei neue“, sagte Putin" in article.text
    assert article.url == f"{site}/seite.html" and article.date.value == "2023-09-13"
    problem = next(i for i in items if not hasattr(i, "text"))
    assert problem.where == "entry 2" and "could not fetch" in problem.reason and "404" in problem.reason


def test_fetch_waits_between_requests_to_one_host_and_reads_a_gzipped_page(site, tmp_path, monkeypatch):
    import gzip

    from storyline.ingest import feed as feed_module
    from storyline.ingest.watch import HostGate

    (tmp_path / "seite2.html.gz").write_bytes(gzip.compress((INPUTS / "seite.html").read_bytes()))
    pauses = []
    monkeypatch.setattr(feed_module, "_gate", lambda: HostGate(2.0, clock=lambda: 100.0, sleep=pauses.append))
    feed = tmp_path / "feed.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Lokal</title>
<item><title>Eins</title><link>{site}/seite.html</link></item>
<item><title>Zwei</title><link>{site}/seite2.html.gz</link></item>
</channel></rss>""")
    items = list(read_paths([feed], ReadOptions(fetch=True, allow_private=True)))
    articles = [i for i in items if hasattr(i, "text")]
    assert len(articles) == 2
    assert "„Lieber ein alter Freund als zwei neue“, sagte Putin" in articles[1].text  # inflated, not gzip bytes
    assert pauses == [2.0]  # the second request to the same host waited the gate's delay
