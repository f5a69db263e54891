"""`storyline export`: articles, entities, quotes or stories from the store as JSON Lines, CSV or Parquet.

Rows are streamed from the database in id order, so an export of a large store needs little
memory and two exports of the same store are byte-identical (JSON Lines, CSV). JSON Lines keeps
nested values (an article is its JSON-contract document, see docs/json.md); CSV and Parquet are
flat, so lists and objects become JSON strings in their cells.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from storyline.store import schema

TABLES = ("articles", "entities", "quotes", "stories")
FORMATS = ("jsonl", "csv", "parquet")
BATCH = 500
INT = "int"
FLOAT = "float"

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {"id": "str", "date": "str", "title": "str", "outlet": "str", "url": "str", "path": "str",
                 "language": "str", "text": "str", "story": "str", "entities": "json", "quotes": "json",
                 "times": "json", "places": "json", "quantities": "json", "tone": "json", "labels": "json"},
    "entities": {"id": "str", "name": "str", "type": "str", "variants": "json", "roles": "json", "article_count": INT},
    "quotes": {"article": "str", "number": INT, "start": INT, "end": INT, "text": "str", "kind": "str", "cue": "str",
               "speaker_text": "str", "speaker": "str", "speaker_name": "str"},
    "stories": {"id": "str", "title": "str", "first_date": "str", "last_date": "str", "article_count": INT,
                "articles": "json", "data": "json"},
}


def stream(conn, query) -> Iterator:
    """Rows in batches from a server-side cursor where the database has one (PostgreSQL)."""
    yield from conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)


def article_rows(conn) -> Iterator[dict]:
    from storyline.jsondoc import article_json
    from storyline.serialize import analysis_from_dict
    from storyline.store.rows import row_article

    a, n, sa = schema.articles, schema.analyses, schema.story_articles
    query = (select(a, n.c.data.label("analysis"), sa.c.story_id).outerjoin(n, n.c.article_id == a.c.id)
             .outerjoin(sa, sa.c.article_id == a.c.id).order_by(a.c.id))
    keep = set(COLUMNS["articles"])
    for row in stream(conn, query):
        analyzed = analysis_from_dict(row_article(row), json.loads(row.analysis or "{}"))
        document = {key: value for key, value in article_json(analyzed).items() if key in keep}
        yield {**document, "story": row.story_id}


def entity_rows(conn) -> Iterator[dict]:
    for row in stream(conn, select(schema.entities).order_by(schema.entities.c.id)):
        yield {"id": row.id, "name": row.name, "type": row.type, "variants": json.loads(row.variants),
               "roles": json.loads(row.roles), "article_count": row.article_count}


def quote_rows(conn) -> Iterator[dict]:
    q, e = schema.quotes, schema.entities
    query = (select(q, e.c.name.label("speaker_name")).outerjoin(e, e.c.id == q.c.speaker)
             .order_by(q.c.article_id, q.c.number))
    for row in stream(conn, query):
        yield {"article": row.article_id, "number": row.number, "start": row.start, "end": row.end, "text": row.text,
               "kind": row.kind, "cue": row.cue, "speaker_text": row.speaker_text, "speaker": row.speaker,
               "speaker_name": row.speaker_name}


def story_rows(conn) -> Iterator[dict]:
    s, sa, a = schema.stories, schema.story_articles, schema.articles
    members: dict[str, list[str]] = {}
    for row in conn.execute(select(sa.c.story_id, sa.c.article_id).join(a, a.c.id == sa.c.article_id)
                            .order_by(sa.c.story_id, a.c.date_start, a.c.id)):
        members.setdefault(row.story_id, []).append(row.article_id)
    for row in stream(conn, select(s).order_by(s.c.id)):
        yield {"id": row.id, "title": row.title, "first_date": row.first_date, "last_date": row.last_date,
               "article_count": row.article_count, "articles": members.get(row.id, []),
               "data": json.loads(row.data or "{}")}


READERS = {"articles": article_rows, "entities": entity_rows, "quotes": quote_rows, "stories": story_rows}


def flat_row(row: dict, columns: dict[str, str]) -> dict:
    """Lists and objects as JSON text, for the flat formats."""
    return {name: json.dumps(row.get(name), ensure_ascii=False, sort_keys=True) if kind == "json"
            and row.get(name) is not None else row.get(name) for name, kind in columns.items()}


def write_jsonl(rows: Iterator[dict], handle) -> int:
    count = 0
    for count, row in enumerate(rows, start=1):
        handle.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    return count


def write_csv(rows: Iterator[dict], handle, columns: dict[str, str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, row in enumerate(rows, start=1):
        writer.writerow({name: defuse_formula(value) for name, value in flat_row(row, columns).items()})
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(value):
    """A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`) gets a leading
    apostrophe, as OWASP recommends against CSV injection; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def parquet_schema(columns: dict[str, str]):
    import pyarrow as pa

    kinds = {INT: pa.int64(), FLOAT: pa.float64()}
    return pa.schema([(name, kinds.get(kind, pa.string())) for name, kind in columns.items()])


def write_parquet(rows: Iterator[dict], path: Path, columns: dict[str, str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema_ = parquet_schema(columns)
    count, batch = 0, []
    with pq.ParquetWriter(path, schema_) as writer:
        for row in rows:
            batch.append(flat_row(row, columns))
            if len(batch) == BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema_))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema_))
    return count + len(batch)


def export_table(store, table: str, format: str, out: Path | None = None) -> int:
    """Write one table of the store to `out` (stdout for JSON Lines and CSV); returns the row count."""
    if table not in TABLES or format not in FORMATS:
        raise ValueError(f"export takes one of {', '.join(TABLES)} as one of {', '.join(FORMATS)}")
    if format == "parquet" and out is None:
        raise ValueError("Parquet is binary: give --out FILE")
    with store.engine.connect() as conn:
        rows = READERS[table](conn)
        if format == "parquet":
            return write_parquet(rows, Path(out), COLUMNS[table])
        handle = open(out, "w", encoding="utf-8", newline="") if out else io.TextIOWrapper(
            sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
        try:
            return write_jsonl(rows, handle) if format == "jsonl" else write_csv(rows, handle, COLUMNS[table])
        finally:
            handle.flush()
            if out:
                handle.close()
            else:
                handle.detach()
