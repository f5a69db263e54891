"""RSS and Atom feed files: each entry is an article; linked pages are fetched only on request."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

from storyline.dependencies import require
from storyline.ingest.html import extract_html
from storyline.ingest.problems import Problem
from storyline.ingest.raw import RawArticle

FEED_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+(?:rss|feed|rdf)[^>]*>\s*)?"
                        r"(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)


def is_feed(text: str) -> bool:
    return bool(FEED_START.match(text[:2048]))


def read_feed(text: str, path: Path, fetch: bool = False,
              allow_private: bool = False) -> Iterator[RawArticle | Problem]:
    feedparser = require("feedparser")
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        yield Problem(str(path), f"broken feed ({parsed.get('bozo_exception')})")
        return
    outlet = parsed.feed.get("title")
    if fetch:
        yield from _fetched_entries(parsed.entries, str(path), outlet, allow_private)
        return
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, str(path), f"entry {number}", outlet)


def _fetched_entries(entries, path: str, outlet: str | None, allow_private: bool) -> Iterator[RawArticle | Problem]:
    """The linked pages, one client for the feed and the watch command's host gate: two requests
    to one host are spaced by its delay (2 s), so a feed of 50 links to one site is not a burst."""
    with _client() as client:
        gate = _gate()
        for number, entry in enumerate(entries, start=1):
            where = f"entry {number}"
            if entry.get("link"):
                yield _fetched(entry, path, where, allow_private, client, gate)
            else:
                yield _entry_article(entry, path, where, outlet)


def _client():
    import httpx

    return httpx.Client(timeout=20, headers={"User-Agent": "storyline (news analysis)"})


def _gate():
    from storyline.ingest.watch import HostGate, WatchOptions

    return HostGate(WatchOptions().delay)


def _entry_article(entry, path: str, where: str, outlet: str | None) -> RawArticle | Problem:
    body = _entry_html(entry)
    text = _strip_tags(body)
    if not text.strip():
        return Problem(path, "feed entry has no text", where)
    return RawArticle(text=text, path=path, where=where, id=entry.get("id") or entry.get("link"),
                      date=_entry_date(entry), title=entry.get("title"), outlet=outlet, url=entry.get("link"))


def _entry_html(entry) -> str:
    if entry.get("content"):
        return " ".join(part.get("value", "") for part in entry["content"])
    return entry.get("summary") or entry.get("description") or ""


def _strip_tags(html: str) -> str:
    from lxml import html as lxml_html

    if "<" not in html:
        return html
    try:
        root = lxml_html.fromstring(f"<div>{html}</div>")
    except Exception:
        return re.sub(r"<[^>]+>", " ", html)
    paragraphs = [p.text_content().strip() for p in root.iter("p")] or [root.text_content().strip()]
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _fetched(entry, path: str, where: str, allow_private: bool, client, gate) -> RawArticle | Problem:
    import httpx

    from storyline.ingest import net

    url = entry["link"]
    try:
        gate.wait(url)
        response = net.get(client, url, allow_private=allow_private)
        response.raise_for_status()
        html = page_html(response.content, response.encoding if response.charset_encoding else None)
    except (httpx.HTTPError, net.FetchError, OSError, EOFError, ValueError) as error:
        return Problem(path, f"could not fetch {url}: {error}", where)
    article = extract_html(html, path, where, url=url, fallback_date=_entry_date(entry))
    if isinstance(article, RawArticle):
        article.id = entry.get("id") or url
        article.title = article.title or entry.get("title")
    return article


def page_html(data: bytes, charset: str | None) -> str:
    """A fetched page as text: a gzip file (`page.html.gz` served as is, not as Content-Encoding)
    is inflated with the reader's cap; the charset the server names, else UTF-8 or Windows-1252."""
    from storyline.ingest import net
    from storyline.ingest.decode import decode_bytes
    from storyline.ingest.read import gunzip_capped

    if data[:2] == b"\x1f\x8b":
        data, _ = gunzip_capped(data, net.MAX_BYTES)
        charset = None
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)[0]
