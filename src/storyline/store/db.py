"""The store: SQLite by default (one file), PostgreSQL by URL, through SQLAlchemy Core.

All SQL lives in this package. Each article is written in one transaction, so an interrupted
ingest leaves whole articles or none.
"""
from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, event, func, insert, select, text
from sqlalchemy.engine import Engine

from storyline.ingest.dedupe import NEAR_DUPLICATE, Fingerprint, similarity
from storyline.model import Article
from storyline.store import schema
from storyline.store.rows import article_row, row_article
from storyline.store.search import SearchHit, search_articles

BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another process's lock before failing


def default_db_path() -> Path:
    """$STORYLINE_DB, else storyline.db in the user's data directory (XDG)."""
    if os.environ.get("STORYLINE_DB"):
        return Path(os.environ["STORYLINE_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "storyline" / "storyline.db"


def database_url(db: str | Path | None) -> str:
    if db is None:
        db = default_db_path()
    value = str(db)
    if "://" in value:
        return value
    Path(value).expanduser().parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(value).expanduser()}"


@dataclass
class AddResult:
    status: str  # "added" | "duplicate" | "id-taken"
    article_id: str
    near_duplicates: list[tuple[str, float]] = field(default_factory=list)


class Store:
    def __init__(self, db: str | Path | None = None):
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        with self.writing() as conn:
            schema.migrate(conn)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def writing(self):
        """A write transaction that takes SQLite's write lock at its start (BEGIN IMMEDIATE).

        A transaction that reads first and writes later cannot wait for another writer: SQLite
        fails it at once with "database is locked" (its snapshot is stale), whatever the
        busy_timeout. Taking the lock first makes a second ingest or migration wait its turn.
        """
        with self.engine.begin() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            yield conn

    def add_article(self, article: Article, print_: Fingerprint | None = None) -> AddResult:
        """Store one article with its near-duplicate links in one transaction."""
        with self.writing() as conn:
            known = conn.execute(select(schema.articles.c.id).where(
                schema.articles.c.content_hash == article.content_hash)).scalar()
            if known is not None:
                return AddResult("duplicate", known)
            if conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == article.id)).scalar():
                return AddResult("id-taken", article.id)
            links = self._near_duplicates(conn, print_) if print_ else []
            conn.execute(insert(schema.articles).values(article_row(article, print_.signature if print_ else None)))
            if print_:
                conn.execute(insert(schema.article_bands),
                             [{"band_hash": band, "article_id": article.id} for band in print_.bands])
            for other, score in links:
                conn.execute(insert(schema.near_duplicates), [
                    {"article_id": article.id, "other_id": other, "similarity": score},
                    {"article_id": other, "other_id": article.id, "similarity": score}])
            self._index_text(conn, article)
        return AddResult("added", article.id, links)

    def _near_duplicates(self, conn, print_: Fingerprint) -> list[tuple[str, float]]:
        bands = schema.article_bands
        candidates = conn.execute(select(bands.c.article_id).where(bands.c.band_hash.in_(print_.bands))
                                  .distinct().limit(200)).scalars().all()
        if not candidates:
            return []
        rows = conn.execute(select(schema.articles.c.id, schema.articles.c.signature)
                            .where(schema.articles.c.id.in_(candidates))).all()
        scored = [(row.id, similarity(print_.signature, row.signature)) for row in rows if row.signature]
        return sorted([(i, round(s, 3)) for i, s in scored if s >= NEAR_DUPLICATE], key=lambda pair: -pair[1])

    def _index_text(self, conn, article: Article) -> None:
        if self.dialect == "sqlite":
            conn.execute(text("INSERT INTO articles_fts (article_id, title, text) VALUES (:id, :title, :text)"),
                         {"id": article.id, "title": article.title or "", "text": article.text})

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[Article]:
        """Newest first (by publication date, then by ingest order)."""
        query = (select(schema.articles).order_by(schema.articles.c.date_start.desc().nulls_last(),
                                                  schema.articles.c.ingested_at.desc(), schema.articles.c.id)
                 .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return [row_article(row) for row in conn.execute(query)]

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).first()
        return row_article(row) if row else None

    def near_duplicates_of(self, article_id: str) -> list[tuple[str, float]]:
        table = schema.near_duplicates
        with self.engine.connect() as conn:
            rows = conn.execute(select(table.c.other_id, table.c.similarity)
                                .where(table.c.article_id == article_id).order_by(table.c.similarity.desc()))
            return [(row.other_id, row.similarity) for row in rows]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        with self.engine.connect() as conn:
            return search_articles(conn, query, limit)

    def integrity_problems(self) -> list[str]:
        """SQLite's own integrity and foreign-key checks; empty when the file is sound."""
        if self.dialect != "sqlite":
            return []
        with self.engine.connect() as conn:
            problems = [r[0] for r in conn.execute(text("PRAGMA integrity_check")) if r[0] != "ok"]
            problems += [str(tuple(r)) for r in conn.execute(text("PRAGMA foreign_key_check"))]
        return problems


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers (the web app) work while an ingest writes; waits instead of failing on locks."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def switch_to_wal(cursor) -> None:
    """WAL is stored in the file, so usually there is nothing to do. Two processes that open a new
    file at the same moment both try to switch it, and SQLite answers the second "database is
    locked" at once, without its busy handler: wait and retry for as long as busy_timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
