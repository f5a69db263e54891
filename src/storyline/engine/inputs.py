"""Batch inputs: the ingest readers, plus Parquet, with paths named the same way in every engine.

Both engines must build identical articles from the same files. The local engine reads files with
`storyline.ingest.read`; Spark hands workers records (JSON Lines, Parquet) or whole files (WARC and
the rest), which go through the same record and file functions here.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote, urlparse

from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, build_article, list_files, read_file
from storyline.model import Article

PARQUET_MAGIC = b"PAR1"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def display_path(location: str) -> str:
    """Local files by absolute path (Spark says `file:/x`, we say `/x`); other filesystems by URI."""
    if location.startswith("file:"):
        return unquote(urlparse(location).path)
    return str(Path(location).resolve()) if "://" not in location else location


def is_parquet(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(4) == PARQUET_MAGIC
    except OSError:
        return False


def plain_value(value):
    """Parquet and Spark give dates as objects; the readers expect the strings a JSON line holds."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def record_articles(record: dict, path: str, where: str | None, options: ReadOptions) -> list[Article | Problem]:
    """One JSON object or table row to an article (or the problem that set it aside)."""
    if not isinstance(record, dict):
        return [Problem(path, "a JSON line must be an object", where)]
    raw = options.fields.raw({key: plain_value(value) for key, value in record.items()}, Path(path), where)
    return [raw] if isinstance(raw, Problem) else list(build_article(raw))


def line_articles(line: str, path: str, where: str | None, options: ReadOptions) -> list[Article | Problem]:
    """One JSON Lines line, read as `storyline.ingest.tabular.read_jsonl` reads it."""
    if not line.strip():
        return []
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return [Problem(path, f"not JSON ({error.msg})", where)]
    return record_articles(record, path, where, options)


def file_articles(name: str, data: bytes, options: ReadOptions) -> list[Article | Problem]:
    """A whole file's bytes (WARC, HTML, feeds, seed text) through the ingest readers.

    The readers take paths, so the bytes go to a temporary file of the same name (the name is
    the article id of seed and text files); paths in the results are set back to `name`.
    """
    with tempfile.TemporaryDirectory(prefix="storyline-") as folder:
        local = Path(folder) / Path(urlparse(name).path).name
        local.write_bytes(data)
        items = list(read_file(local, options))
    return [replace(item, path=name) if isinstance(item, Problem) else _with_path(item, name) for item in items]


def _with_path(article: Article, path: str) -> Article:
    article.path = path
    return article


def parquet_articles(path: Path, options: ReadOptions, batch_rows: int = 2048) -> Iterator[Article | Problem]:
    import pyarrow.parquet as pq

    name = display_path(str(path))
    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        for record in batch.to_pylist():
            number += 1
            yield from record_articles(record, name, f"row {number}", options)


def read_inputs(paths, options: ReadOptions | None = None) -> Iterator[Article | Problem]:
    """Every article in the given local files and folders, named by absolute path."""
    options = options or ReadOptions()
    for path in list_files(paths):
        if is_parquet(path):
            yield from parquet_articles(path, options)
            continue
        name = display_path(str(path))
        for item in read_file(path, options):
            yield replace(item, path=name) if isinstance(item, Problem) else _with_path(item, name)
