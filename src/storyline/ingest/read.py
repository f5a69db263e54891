"""Read files and folders of any supported format into articles, reporting what cannot be read.

Format detection looks at the content, not the file name, because news dumps arrive with
arbitrary names; `--format` overrides it.
"""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.dependencies import MissingDependency
from storyline.ingest import feed, html, seedtext, tabular, warc
from storyline.ingest.article import ArticleError, make_article
from storyline.ingest.dates import DateError
from storyline.ingest.decode import BinaryInput, decode_bytes
from storyline.ingest.problems import Problem
from storyline.ingest.raw import RawArticle
from storyline.limits import TIME_LIMIT, TimeLimitExceeded, time_limit
from storyline.model import Article

FORMATS = ("seed", "jsonl", "json", "csv", "html", "warc", "feed", "text")
MAX_FILE_BYTES = 200 * 1024 * 1024
SKIP_NAMES = {"LICENSE", "ATTRIBUTION.md", "README.md", "SOURCE.txt"}
STORE_FILES = (".db-wal", ".db-shm", ".db-journal", ".link-lock")  # a store's companions, never articles
SQLITE_HEADER = b"SQLite format 3\x00"


class CleaningTimeout(TimeLimitExceeded):
    """An article's text took longer than the per-article limit to clean and split into sentences."""


@dataclass
class ReadOptions:
    format: str | None = None  # one of FORMATS; None detects from the content
    fields: tabular.FieldMap = field(default_factory=tabular.FieldMap)
    fetch: bool = False  # feeds: fetch each entry's linked page
    allow_private: bool = False  # ... also from loopback and private addresses (ingest.net)


def list_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files in the order given, folders recursed in name order; hidden files skipped."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts) \
                        and child.name not in SKIP_NAMES and not child.name.endswith(STORE_FILES):
                    yield child
        else:
            yield path


def read_paths(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | Problem]:
    """Every article in the given files and folders, and a Problem for each thing set aside."""
    options = options or ReadOptions()
    for path in list_files(paths):
        yield from read_file(path, options)


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | Problem]:
    """A reader that fails (a missing library, a bug) costs this file's remaining records, not the run."""
    try:
        for item in _raw_items(path, options):
            if isinstance(item, Problem):
                yield item
            else:
                yield from build_article(item)
    except MissingDependency as error:
        yield Problem(str(path), f"cannot read this file: {error}")
    except Exception as error:  # noqa: BLE001 - one file's failure must not end the batch
        yield Problem(str(path), f"reading failed ({type(error).__name__}: {error}); the file's later "
                                 "records were not read")


def build_article(raw: RawArticle) -> Iterator[Article | Problem]:
    """Clean and structure a raw record; a bad record becomes a Problem, never an exception."""
    broken = next((name for name in ("text", "id", "title", "outlet", "url", "date")
                   if not _is_unicode(getattr(raw, name))), None)
    if broken:
        yield Problem(raw.path, f"the {broken} holds a lone surrogate (\\ud800-\\udfff): not valid Unicode", raw.where)
        return
    try:
        with time_limit(TIME_LIMIT, CleaningTimeout, "cleaning and sentence splitting"):
            article = make_article(raw.text, id=raw.id, date=raw.date, title=raw.title, outlet=raw.outlet,
                                   url=raw.url, path=raw.path)
    except (ArticleError, DateError, CleaningTimeout) as error:
        yield Problem(raw.path, str(error), raw.where)
        return
    if article.date is None:
        yield Problem(raw.path, "no date: stored without a date", raw.where, severity="warning")
    yield article


def _is_unicode(value: str | None) -> bool:
    """False for text with lone surrogates, which JSON's \\uD800 escapes can make: no store,
    terminal or web page can take them."""
    try:
        value is None or value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _raw_items(path: Path, options: ReadOptions) -> Iterator[RawArticle | Problem]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Problem(str(path), f"file too large ({size:,} bytes, limit {MAX_FILE_BYTES:,})")
            return
        with open(path, "rb") as stream:
            head = stream.read(16)
    except OSError as error:
        yield Problem(str(path), f"cannot read file: {error.strerror or error}")
        return
    if head == SQLITE_HEADER:  # e.g. the store itself, when its folder is ingested
        yield Problem(str(path), "an SQLite database (a Storyline store?), not articles: skipped", severity="warning")
        return
    head = head[:8] if options.format is None else b""
    if options.format == "warc" or warc.is_warc(head) or (head[:2] == b"\x1f\x8b" and _gzip_is_warc(path)):
        yield from warc.read_warc(path)
        return
    try:
        data, broken = gunzip_capped(path.read_bytes(), MAX_FILE_BYTES)
        text, warning = decode_bytes(data)
    except (BinaryInput, OSError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        yield Problem(str(path), str(error) if isinstance(error, BinaryInput) else f"cannot read: {error}")
        return
    format = options.format or detect_format(text, path)
    if broken and format in ("jsonl", "csv", "seed"):  # the last line stopped in the middle
        text = text[:text.rfind("\n") + 1]
    if broken and not text.strip():
        yield Problem(str(path), f"cannot read: {broken.split(';')[0]}, and no complete line before the break")
        return
    for note in (warning, broken):
        if note:
            yield Problem(str(path), note, severity="warning")
    yield from _read_text(text, path, format, options)


def _gzip_is_warc(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as stream:
            return stream.read(5) == b"WARC/"
    except (OSError, EOFError, zlib.error):
        return False


GZIP_RATIO = 100  # news text compresses 3-10x; a file that inflates far beyond that is a bomb
GZIP_RATIO_FLOOR = 10_000_000  # below this size the ratio is not checked (small, repetitive files)


def gunzip_capped(data: bytes, limit: int) -> tuple[bytes, str | None]:
    """Gzip data inflated in a stream up to `limit` bytes, and up to GZIP_RATIO times its own size
    beyond GZIP_RATIO_FLOOR (a few MB of a gzip bomb must not become GBs in memory), and a note when
    the stream breaks off: what came before the break is kept."""
    if data[:2] != b"\x1f\x8b":
        return data, None
    limit = min(limit, max(GZIP_RATIO_FLOOR, GZIP_RATIO * len(data)))
    inflater, out = zlib.decompressobj(16 + zlib.MAX_WBITS), bytearray()
    try:
        out += inflater.decompress(data, limit + 1 - len(out))
        while inflater.unconsumed_tail and len(out) <= limit:
            out += inflater.decompress(inflater.unconsumed_tail, limit + 1 - len(out))
    except zlib.error as error:
        if not out:
            raise
        return bytes(out), f"damaged gzip data ({error}); the complete lines before the damage were read"
    if len(out) > limit:
        raise OSError(f"inflates to more than {limit:,} bytes (limit: {GZIP_RATIO}x its compressed size "
                      f"beyond {GZIP_RATIO_FLOOR:,} bytes, or the file limit); not read")
    if not inflater.eof:
        if not out:
            raise EOFError("truncated gzip file: nothing before the break")
        return bytes(out), "truncated gzip file; the complete lines before the break were read"
    return bytes(out), None


def detect_format(text: str, path: Path) -> str:
    """Guess the format from the first characters; the file name only breaks CSV/text ties."""
    start = text.lstrip()[:1]
    if seedtext.is_seedtext(text):
        return "seed"
    if feed.is_feed(text):
        return "feed"
    if html.is_html(text):
        return "html"
    if start == "[" and tabular.is_json_array(text):
        return "json"
    if start and start in "{[" or path.name.lower().removesuffix(".gz").endswith((".jsonl", ".ndjson")):
        return "jsonl"  # by name too: a .jsonl whose first line is junk is still JSON Lines (fuzz/hostile_run.py)
    if path.suffix.lower() in (".csv", ".tsv") or _looks_like_csv(text):
        return "csv"
    return "text"


def _looks_like_csv(text: str) -> bool:
    header = text.split("\n", 1)[0].lower()
    return "," in header and "text" in [cell.strip().strip('"') for cell in header.split(",")]


def _read_text(text: str, path: Path, format: str, options: ReadOptions) -> Iterator[RawArticle | Problem]:
    if format == "seed":
        yield from seedtext.read_seedtext(text, path)
    elif format == "jsonl":
        yield from tabular.read_jsonl(text, path, options.fields)
    elif format == "json":
        yield from tabular.read_json_array(text, path, options.fields)
    elif format == "csv":
        yield from tabular.read_csv(text, path, options.fields)
    elif format == "html":
        yield from html.read_html(text, path)
    elif format == "feed":
        yield from feed.read_feed(text, path, fetch=options.fetch, allow_private=options.allow_private)
    elif format == "text":
        yield RawArticle(text=text, path=str(path), id=path.stem)
    else:
        yield Problem(str(path), f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
