"""Hostile networks (issue 19, classes 9–11): feeds and their links reach only public addresses by
default, and a redirect loop, a huge or undecodable answer costs one page, never the watcher."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from storyline.flow import watch_feeds
from storyline.ingest import net
from storyline.ingest.watch import WatchOptions

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Lokal</title>
<item><title>Treffen</title><link>{base}/artikel</link><guid>a1</guid></item></channel></rss>"""


@pytest.fixture
def site():
    """A server on 127.0.0.1 that counts requests: a feed, a page, a redirect loop, a big and a broken answer."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path in ("/schleife-a", "/schleife-b"):
                self.send_response(302)
                self.send_header("Location", "/schleife-b" if self.path == "/schleife-a" else "/schleife-a")
                self.end_headers()
                return
            body = {"/feed.xml": FEED.format(base=base).encode(), "/gross": b"x" * 5000}.get(self.path, b"<p>Hallo</p>")
            self.send_response(200)
            if self.path == "/kaputt":
                self.send_header("Content-Encoding", "gzip")  # but the body is not gzip
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://localhost:8000/feed", "http://10.1.2.3/",
                                 "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://192.168.0.1/"])
def test_loopback_private_and_link_local_addresses_are_refused(url):
    assert "non-public address" in net.refused_address(url)
    assert net.refused_address(url, allow_private=True) is None


def test_only_http_is_fetched():
    assert net.refused_address("file:///etc/passwd", allow_private=True).startswith("not an http(s) address")


def test_watch_refuses_a_loopback_feed_by_default_and_sends_it_nothing(store, site):
    base, hits = site
    [poll] = watch_feeds(store, [f"{base}/feed.xml"], WatchOptions(every=0, delay=0, max_polls=1, retries=0))
    assert hits == [] and poll.added == []
    assert "non-public address 127.0.0.1" in poll.problems[0].reason


def test_a_changed_dns_answer_is_caught_at_the_connection(site, monkeypatch):
    base, hits = site
    monkeypatch.setattr(net, "refused_address", lambda url, allow_private=False: None)  # as if DNS said "public"
    with httpx.Client() as client, pytest.raises(net.FetchError, match="connection reached the non-public"):
        net.get(client, f"{base}/artikel")


def test_redirect_loops_big_and_undecodable_answers_are_one_clear_error(site):
    base, _ = site
    with httpx.Client() as client:
        with pytest.raises(net.FetchError, match="more than 5 redirects"):
            net.get(client, f"{base}/schleife-a", allow_private=True)
        with pytest.raises(net.FetchError, match="larger than 1,000 bytes"):
            net.get(client, f"{base}/gross", allow_private=True, max_bytes=1000)
        with pytest.raises(net.FetchError, match="undecodable"):
            net.get(client, f"{base}/kaputt", allow_private=True)
        assert net.get(client, f"{base}/artikel", allow_private=True).text == "<p>Hallo</p>"


def test_serve_answers_only_its_own_host_names(tmp_path):
    from fastapi.testclient import TestClient

    from storyline.cli.web_commands import allowed_hosts
    from storyline.web.app import create_app

    hosts = allowed_hosts("127.0.0.1", None)
    assert "localhost" in hosts and "*" not in hosts and allowed_hosts("0.0.0.0", None) == ["*"]
    app = create_app(str(tmp_path / "leer.db"), allowed_hosts=hosts)
    rebound = TestClient(app, base_url="http://evil.example").get("/api/stories")
    assert rebound.status_code == 400 and rebound.headers.get("content-security-policy")
    assert TestClient(app, base_url="http://localhost:8000").get("/api/stories").status_code == 200
