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
    """Every complete record's page; a truncated or damaged archive yields the records before the
    damage, then one problem naming the record where it starts (never a silent end, never a page
    cut short)."""
    ArchiveIterator = require("warcio.archiveiterator").ArchiveIterator
    number, size, rest, ending = 0, path.stat().st_size, b"", b""
    try:
        with open(path, "rb") as stream:
            compressed = stream.read(2) == b"\x1f\x8b"
            stream.seek(0)
            records = ArchiveIterator(stream)
            for record in records:
                number += 1
                item = _record_article(record, path, number)
                missing = _missing_bytes(record, records)
                if missing:
                    yield Problem(str(path), f"truncated archive: record {number} is cut off "
                                             f"({missing})", f"record {number}")
                    return
                if item is not None:
                    yield item
            stream.seek(records.offset)
            rest = stream.read(64).strip()
            stream.seek(max(0, size - 4))
            ending = stream.read(4)
    except Exception as error:  # warcio and zlib raise several kinds for damaged archives
        yield Problem(str(path), f"damaged or truncated archive after record {number} "
                                 f"({type(error).__name__}: {error})", f"record {number + 1}")
        return
    if rest:  # warcio also stops quietly inside a record's header or a gzip member's frame
        yield Problem(str(path), f"truncated archive: the last {size - records.offset:,} bytes after record "
                                 f"{number} could not be read", f"record {number + 1}")
    elif number and not compressed and not ending.replace(b"\r", b"").endswith(b"\n\n"):
        # an uncompressed record ends with a blank line (CRLF CRLF): without it the file was cut
        yield Problem(str(path), f"truncated archive: the file ends inside the blank line after record {number}",
                      f"record {number + 1}")


def _missing_bytes(record, records) -> str | None:
    """Why a record is incomplete, or None. warcio ends a cut-off record's stream quietly, so read
    it to its end and compare with its declared Content-Length; in a .warc.gz, its gzip member
    must end too (a member cut in its checksum still holds the whole page, but the file is cut)."""
    declared = record.rec_headers.get_header("Content-Length")
    if declared is None or not declared.strip().isdigit():
        return "no Content-Length in its header"
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    left = getattr(stream, "limit", None)
    if left is None:
        return "its header is incomplete"
    if left:
        return f"{left:,} of {int(declared):,} bytes missing"
    records.read_to_end()  # the blank lines after the record, and the end of its gzip member
    decompressor = getattr(records.reader, "decompressor", None)
    if decompressor is not None and not getattr(decompressor, "eof", True):
        return "its gzip member ends early"
    return None


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
