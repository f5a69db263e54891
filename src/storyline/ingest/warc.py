"""WARC / WARC.gz web archives: every HTML response record becomes an article."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storyline.dependencies import require
from storyline.ingest.html import extract_html
from storyline.ingest.decode import decode_bytes
from storyline.ingest.problems import Problem
from storyline.ingest.raw import RawArticle


MAX_PAGE_BYTES = 20 * 1024 * 1024  # one HTML page, decompressed (a news page is well under 1 MB)


def is_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


def read_warc(path: Path) -> Iterator[RawArticle | Problem]:
    """A truncated archive yields the records before the damage, then one problem."""
    ArchiveIterator = require("warcio.archiveiterator").ArchiveIterator
    number, size = 0, path.stat().st_size
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                number += 1
                item = _record_article(record, path, number)
                if item is not None:
                    yield item
            unread = size - records.offset
    except Exception as error:  # warcio and zlib raise several kinds for damaged archives
        yield Problem(str(path), f"damaged or truncated archive after record {number} "
                                 f"({type(error).__name__}: {error})", f"record {number + 1}")
        return
    if unread > 4:  # warcio stops quietly at a cut-off record: compare with the file size
        yield Problem(str(path), f"truncated archive: the last {unread:,} bytes after record {number} "
                                 "could not be read", f"record {number + 1}")


def _record_article(record, path: Path, number: int) -> RawArticle | Problem | None:
    if record.rec_type != "response" or not record.http_headers:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    status = record.http_headers.get_statuscode()
    if "html" not in content_type.lower() or status != "200":
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"record {number} ({url})"
    payload = record.content_stream().read(MAX_PAGE_BYTES + 1)  # a bomb inflates only this far
    if len(payload) > MAX_PAGE_BYTES:
        return Problem(str(path), f"page larger than {MAX_PAGE_BYTES:,} bytes (limit); not read", where)
    try:
        html, _ = decode_bytes(payload)
    except ValueError as error:
        return Problem(str(path), str(error), where)
    crawl_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return extract_html(html, str(path), where, url=url, fallback_date=crawl_date)
