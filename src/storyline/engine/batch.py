"""`storyline batch`: the shared flow of both engines, and the Parquet layout they write.

read → (one article per id) → analyse each article (pure, parallel) → articles/*.parquet →
windowed story step over the features (see `windows`) → describe each story (parallel) →
stories/*.parquet. Problems with the input go to problems/*.parquet. The local engine runs this in
a process pool, the Spark engine in `mapPartitions`; the functions that compute values are the same.
`storyline.flow.run_batch` chooses the engine.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.engine.rows import ARTICLE_COLUMNS, PROBLEM_COLUMNS, STORY_COLUMNS, pick_row, row_analysis, story_row
from storyline.engine.windows import OVERLAP_DAYS, WINDOW_DAYS
from storyline.ingest.read import ReadOptions
from storyline.model import Article

ENGINES = ("local", "spark")
LIST_COLUMNS = {"outlets", "articles"}
INT_COLUMNS = {"article_count"}


@dataclass
class BatchOptions:
    out: Path
    workers: int = 2
    window_days: int = WINDOW_DAYS
    overlap_days: int = OVERLAP_DAYS
    read: ReadOptions = field(default_factory=ReadOptions)


@dataclass
class BatchReport:
    engine: str
    articles: int = 0
    stories: int = 0
    problems: int = 0
    seconds: float = 0.0
    out: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__, articles_per_second=round(self.articles / self.seconds, 2) if self.seconds else None)


def pick_article(left: Article, right: Article) -> Article:
    """One article per id, chosen by content (not by which file came first): engines agree."""
    keys = [{"content_hash": a.content_hash, "path": a.path, "text": a.text} for a in (left, right)]
    return left if pick_row(*keys) is keys[0] else right


def unique_articles(articles: Iterable[Article]) -> list[Article]:
    chosen: dict[str, Article] = {}
    for article in articles:
        chosen[article.id] = pick_article(chosen[article.id], article) if article.id in chosen else article
    return list(chosen.values())


def describe_group(story_id: str, rows: Iterable[dict]) -> dict:
    """One story's row from its articles' rows (the same `describe_story` as the store uses)."""
    from storyline.link.story_view import describe_story

    return story_row(describe_story(story_id, [row_analysis(row) for row in rows]))


def describe_pair(item: tuple[str, list[dict]]) -> dict:
    return describe_group(*item)


def arrow_schema(columns: tuple[str, ...]):
    import pyarrow as pa

    def kind(name):
        if name in LIST_COLUMNS:
            return pa.list_(pa.string())
        return pa.int64() if name in INT_COLUMNS else pa.string()

    return pa.schema([(name, kind(name)) for name in columns])


def spark_schema(columns: tuple[str, ...]):
    from pyspark.sql import types as T

    def kind(name):
        if name in LIST_COLUMNS:
            return T.ArrayType(T.StringType())
        return T.LongType() if name in INT_COLUMNS else T.StringType()

    return T.StructType([T.StructField(name, kind(name)) for name in columns])


SCHEMAS = {"articles": ARTICLE_COLUMNS, "stories": STORY_COLUMNS, "problems": PROBLEM_COLUMNS}


def write_parquet(rows: list[dict], out: Path, name: str) -> Path:
    """One Parquet file in `out/name/`, the folder layout Spark writes, so readers take either."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_SUCCESS").unlink(missing_ok=True)  # first: a run killed from here on leaves no marker
    for old in folder.glob("part-*.parquet"):
        old.unlink()
    table = pa.Table.from_pylist(rows, schema=arrow_schema(SCHEMAS[name]))
    partial = folder / "part-00000.parquet.tmp"
    pq.write_table(table, partial)
    os.replace(partial, folder / "part-00000.parquet")
    (folder / "_SUCCESS").touch()  # last, as Spark's committer does
    return folder


class IncompleteOutput(RuntimeError):
    """A batch output folder without its `_SUCCESS` marker: the run that wrote it did not finish."""


def read_parquet(out: Path, name: str) -> list[dict]:
    """All rows of one output table (either engine's), sorted by id or by path for problems."""
    import pyarrow.parquet as pq

    folder = Path(out) / name
    if not (folder / "_SUCCESS").exists():
        raise IncompleteOutput(f"{folder} has no _SUCCESS marker: the batch that wrote it did not finish")
    files = sorted(folder.glob("*.parquet"))
    rows = [row for path in files for row in pq.read_table(path).to_pylist()]
    key = "id" if name != "problems" else "path"
    return sorted(rows, key=lambda row: (row[key] or "", str(sorted(row.items()))))
