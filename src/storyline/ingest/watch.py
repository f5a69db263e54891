"""`storyline watch`, the reading half: poll RSS/Atom feeds and fetch the new articles' pages.

`storyline.flow.watch_feeds` stores, analyses and links what this module reads.

A polite client: conditional requests (ETag / Last-Modified) so an unchanged feed costs a 304, a
minimum delay between two requests to one host, a cap on pages per host and poll (the rest wait
for the next poll), and retries with exponential backoff on timeouts, 429 and 5xx (honouring
Retry-After). Which entries were seen and the validators of each feed are kept in the store, so
a restarted watcher neither refetches everything nor misses what came in meanwhile.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlparse

import httpx

from storyline.dependencies import MissingDependency, require
from storyline.ingest.feed import _entry_date
from storyline.ingest import net
from storyline.ingest.html import extract_html
from storyline.ingest.problems import Problem
from storyline.ingest.read import build_article

RETRY_STATUS = {429, 500, 502, 503, 504}
GONE_STATUS = {404, 410}
SEEN_KEPT = 5000
MAX_RETRY_AFTER = 300.0


@dataclass
class WatchOptions:
    every: float = 600.0  # seconds between polls
    max_polls: int | None = None  # None: until interrupted
    delay: float = 2.0  # seconds between two requests to one host
    per_host: int = 30  # new pages per host and poll
    retries: int = 3
    backoff: float = 1.0  # first retry wait in seconds, doubled each time
    timeout: float = 20.0
    user_agent: str = "storyline/0.1 (news analysis; polite feed reader)"
    allow_private: bool = False  # fetch from loopback and private addresses too (a local test server, an intranet)


@dataclass
class FeedState:
    etag: str | None = None
    modified: str | None = None
    seen: list[str] = field(default_factory=list)


@dataclass
class FeedPass:
    """What one pass over one feed found; the new pages themselves went to `take`."""

    unchanged: bool = False  # the feed answered 304
    deferred: int = 0  # entries left for the next poll by the per-host cap
    problems: list[Problem] = field(default_factory=list)


def parse_interval(text: str) -> float:
    """'90s', '10m', '1h' or plain seconds, to seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not match:
        raise ValueError(f"not an interval: {text!r} (use e.g. 90s, 10m, 1h)")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


class HostGate:
    """Spaces requests to one host by at least `delay` seconds (other hosts do not wait)."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = urlparse(url).netloc
        if host in self.last:
            pause = self.last[host] + self.delay - self.clock()
            if pause > 0:
                self.sleep(pause)
        self.last[host] = self.clock()


def retry_wait(response: httpx.Response | None, attempt: int, options: WatchOptions) -> float:
    """Retry-After when the server sends seconds, else exponential backoff."""
    header = response.headers.get("Retry-After", "") if response is not None else ""
    if header.strip().isdigit():
        return min(float(header), MAX_RETRY_AFTER)
    return options.backoff * 2 ** attempt


def fetch(client: httpx.Client, gate: HostGate, url: str, options: WatchOptions, headers: dict | None = None,
          sleep: Callable[[float], None] = time.sleep) -> httpx.Response | Problem:
    """GET with politeness and retries; a Problem when the page cannot be had."""
    for attempt in range(options.retries + 1):
        gate.wait(url)
        response, error = None, None
        try:
            response = net.get(client, url, headers, allow_private=options.allow_private)
        except net.FetchError as refused:  # retrying will not change it
            return Problem(url, str(refused))
        except httpx.TransportError as caught:
            error = f"{type(caught).__name__}: {caught}"
        if response is not None and response.status_code not in RETRY_STATUS:
            return response
        if attempt < options.retries:
            sleep(retry_wait(response, attempt, options))
    reason = error or f"HTTP {response.status_code}"
    return Problem(url, f"could not fetch after {options.retries + 1} attempts ({reason})")


def conditional_headers(state: FeedState) -> dict:
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.modified:
        headers["If-Modified-Since"] = state.modified
    return headers


def read_feed_entries(client, gate, url: str, state: FeedState, options: WatchOptions, sleep=time.sleep):
    """(entries, outlet) of a changed feed; None when it is unchanged (304); a Problem on failure."""
    try:
        feedparser = require("feedparser")
    except MissingDependency as error:
        return Problem(url, f"cannot read feeds: {error}")
    response = fetch(client, gate, url, options, conditional_headers(state), sleep)
    if isinstance(response, Problem):
        return response
    if response.status_code == 304:
        return None
    if response.status_code != 200:
        return Problem(url, f"feed answered HTTP {response.status_code}")
    parsed = feedparser.parse(response.content)
    if parsed.bozo and not parsed.entries:
        return Problem(url, f"broken feed ({parsed.get('bozo_exception')})")
    state.etag = response.headers.get("ETag") or state.etag
    state.modified = response.headers.get("Last-Modified") or state.modified
    return parsed.entries, parsed.feed.get("title")


def entry_key(entry) -> str | None:
    return entry.get("id") or entry.get("link")


def fetch_entry(client, gate, entry, feed_url: str, outlet: str | None, options: WatchOptions, sleep=time.sleep):
    """The entry's page through trafilatura, as a list of Article | Problem (build_article's output)."""
    url = entry.get("link")
    response = fetch(client, gate, url, options, sleep=sleep)
    if isinstance(response, Problem):
        return [response]
    if response.status_code != 200:
        return [Problem(url, f"page answered HTTP {response.status_code}", severity="error")]
    raw = extract_html(response.text, feed_url, entry_key(entry), url=str(response.url),
                       fallback_date=_entry_date(entry))
    if isinstance(raw, Problem):
        return [raw]
    raw.id, raw.url = entry.get("id") or url, url
    raw.title, raw.outlet = raw.title or entry.get("title"), outlet or raw.outlet
    return list(build_article(raw))


def poll_feed(take: Callable[[list], None], client, gate, url: str, state: FeedState, options: WatchOptions,
              per_host: dict[str, int], sleep=time.sleep) -> FeedPass:
    """Fetch the feed's new entries' pages and hand each page's articles and problems to `take`
    (the caller stores and analyses them), so that a page is kept before the next is fetched."""
    validators = (state.etag, state.modified)
    found = read_feed_entries(client, gate, url, state, options, sleep)
    if found is None:
        return FeedPass(unchanged=True)
    if isinstance(found, Problem):
        return FeedPass(problems=[found])
    entries, outlet = found
    seen, result = set(state.seen), FeedPass()
    for entry in entries:
        key, link = entry_key(entry), entry.get("link")
        if key is None or key in seen or not link:
            continue
        host = urlparse(link).netloc
        if per_host.get(host, 0) >= options.per_host:
            result.deferred += 1  # not marked as seen: the next poll fetches it
            continue
        per_host[host] = per_host.get(host, 0) + 1
        items = fetch_entry(client, gate, entry, url, outlet, options, sleep)
        take(items)
        if not _is_transient(items):
            state.seen.append(key)
            seen.add(key)
    if any(entry_key(entry) not in seen for entry in entries if entry.get("link")):
        state.etag, state.modified = validators  # entries left over: the next poll must get the full feed
    return result


def _is_transient(items: list) -> bool:
    """A page that failed after all retries is tried again next poll; a 404 or an empty page is not."""
    return any(isinstance(i, Problem) and i.reason.startswith("could not fetch") for i in items)
