"""`storyline watch` against a feed and pages served on loopback: ETag, retries, per-host cap."""
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.flow import watch_feeds
from storyline.ingest.watch import HostGate, WatchOptions, parse_interval

from conftest import run_cli

PAGE = """<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Startseite | Politik</nav>
<article><h1>{title}</h1><p>{body}</p><p>{more}</p></article><footer>Impressum</footer></body></html>"""
PAGES = {
    "/kim-putin.html": PAGE.format(
        title="Kim trifft Putin in Wostotschny",
        body="Der nordkoreanische Machthaber Kim Jong Un ist am Mittwoch auf dem Weltraumbahnhof Wostotschny mit "
             "dem russischen Präsidenten Wladimir Putin zusammengetroffen.",
        more="Kremlsprecher Dmitri Peskow sagte, beide Seiten wollten über eine engere Zusammenarbeit sprechen. "
             "Südkorea und die USA befürchten Waffenlieferungen an Russland."),
    "/kim-zug.html": PAGE.format(
        title="Kims gepanzerter Zug erreicht Wostotschny",
        body="Mit seinem gepanzerten Zug ist Kim Jong Un zum Treffen mit Wladimir Putin in Wostotschny "
             "eingetroffen, wie Kremlsprecher Dmitri Peskow bestätigte.",
        more="Putin und Kim besichtigten den Weltraumbahnhof Wostotschny. Über Waffenlieferungen an Russland "
             "wird spekuliert."),
}
FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lokale Nachrichten</title>
<link>http://127.0.0.1/</link><description>Test</description>{items}</channel></rss>"""
ITEM = ("<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        "<pubDate>Wed, 13 Sep 2023 10:00:00 +0200</pubDate></item>")
ETAG = '"feed-v1"'


class Site:
    """The test server's state: which paths fail how often, and every request it answered."""

    def __init__(self):
        self.failures: Counter = Counter()
        self.requests: list[tuple[str, int]] = []


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, body, headers = self.answer()
            site.requests.append((self.path, status))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body.encode("utf-8"))

        def answer(self):
            if site.failures[self.path] > 0:
                site.failures[self.path] -= 1
                return 503, "busy", {"Retry-After": "1"}
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == ETAG:
                    return 304, "", {"ETag": ETAG}
                base = f"http://127.0.0.1:{self.server.server_port}"
                items = "".join(ITEM.format(title=p, base=base, path=p) for p in PAGES)
                return 200, FEED.format(items=items), {"ETag": ETAG, "Content-Type": "application/rss+xml"}
            if self.path in PAGES:
                return 200, PAGES[self.path], {"Content-Type": "text/html; charset=utf-8"}
            return 404, "nicht gefunden", {}

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def site():
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.feed = f"http://127.0.0.1:{server.server_port}/feed.xml"
    yield state
    server.shutdown()
    server.server_close()


def fast(**changes) -> WatchOptions:
    return WatchOptions(**{"every": 0, "delay": 0, "backoff": 0.5, "max_polls": 2, "allow_private": True, **changes})


def test_new_articles_are_stored_and_an_unchanged_feed_costs_a_304(store, site):
    sleeps = []
    polls = watch_feeds(store, [site.feed], fast(), sleep=sleeps.append)
    assert sorted(polls[0].added) == [site.feed.replace("feed.xml", p.lstrip("/")) for p in sorted(PAGES)]
    assert polls[1].added == [] and polls[1].unchanged == [site.feed]
    assert site.requests.count(("/feed.xml", 304)) == 1 and site.requests.count(("/kim-zug.html", 200)) == 1
    article = store.get_article(site.feed.replace("feed.xml", "kim-putin.html"))
    assert article.title == "Kim trifft Putin in Wostotschny" and article.outlet == "Lokale Nachrichten"
    assert article.date.value == "2023-09-13" and "Startseite" not in article.text
    assert len(polls[0].stories) == 1  # both reports of the meeting make one story


def test_a_busy_server_is_retried_with_backoff(store, site):
    site.failures["/kim-zug.html"] = 2
    sleeps = []
    polls = watch_feeds(store, [site.feed], fast(max_polls=1), sleep=sleeps.append)
    assert len(polls[0].added) == 2 and polls[0].problems == []
    assert sleeps == [1.0, 1.0]  # Retry-After: 1, twice
    assert [s for p, s in site.requests if p == "/kim-zug.html"] == [503, 503, 200]


def test_a_page_that_stays_down_is_tried_again_next_poll(store, site):
    site.failures["/kim-zug.html"] = 3
    polls = watch_feeds(store, [site.feed], fast(retries=2), sleep=lambda _: None)
    assert len(polls[0].added) == 1 and "after 3 attempts (HTTP 503)" in polls[0].problems[0].reason
    assert polls[1].added == [site.feed.replace("feed.xml", "kim-zug.html")]


def test_the_per_host_cap_defers_pages_to_the_next_poll(store, site):
    polls = watch_feeds(store, [site.feed], fast(per_host=1), sleep=lambda _: None)
    assert (len(polls[0].added), polls[0].deferred) == (1, 1)
    assert (len(polls[1].added), polls[1].deferred) == (1, 0)


def test_requests_to_one_host_are_spaced_by_the_delay():
    now, sleeps = [100.0], []
    gate = HostGate(2.0, clock=lambda: now[0], sleep=lambda s: (sleeps.append(s), now.__setitem__(0, now[0] + s)))
    gate.wait("http://a.example/1")
    now[0] += 0.5
    gate.wait("http://a.example/2")
    gate.wait("http://b.example/1")
    assert sleeps == [1.5]


def test_intervals():
    assert [parse_interval(t) for t in ("90s", "10m", "1h", "30")] == [90, 600, 3600, 30]
    with pytest.raises(ValueError):
        parse_interval("zehn Minuten")


def test_watch_command_polls_once_and_remembers_the_feed(site, tmp_path):
    db = str(tmp_path / "w.db")
    first = run_cli("watch", site.feed, "--once", "--delay", "0", "--allow-private", "--db", db)
    assert "poll 1: 2 new articles, 0 feeds unchanged, 1 stories updated" in first.stdout
    second = run_cli("watch", site.feed, "--once", "--delay", "0", "--allow-private", "--db", db)
    assert "poll 1: 0 new articles, 1 feeds unchanged" in second.stdout
