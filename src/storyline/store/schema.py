"""Tables, and the ordered migrations that create and upgrade them.

Each migration is a plain `fn(conn)` recorded by number in `schema_migrations`, as in
sqlite-utils: a store made by an older Storyline is upgraded in place on open.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import (BigInteger, Column, Float, ForeignKey, Integer, LargeBinary, MetaData, String, Table, Text, insert, select,
                        text)
from sqlalchemy.engine import Connection

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(300), primary_key=True),
    Column("content_hash", String(40), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("outlet", String(300)),
    Column("url", Text),
    Column("path", Text),
    Column("date_value", String(10)),
    Column("date_start", String(10), index=True),
    Column("date_end", String(10)),
    Column("date_precision", String(5)),
    Column("language", String(8)),
    Column("credits", Text, nullable=False, default="[]"),
    Column("blocks", Text, nullable=False, default="[]"),
    Column("sentences", Text, nullable=False, default="[]"),
    Column("signature", LargeBinary),
    Column("ingested_at", String(40), nullable=False),
)

article_bands = Table(
    "article_bands", metadata,
    Column("band_hash", BigInteger, nullable=False, index=True),
    Column("article_id", String(300), nullable=False),
)

near_duplicates = Table(
    "near_duplicates", metadata,
    Column("article_id", String(300), primary_key=True),
    Column("other_id", String(300), primary_key=True),
    Column("similarity", Float, nullable=False),
)


analyses = Table(
    "analyses", metadata,
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("data", Text, nullable=False),
    Column("analyzed_at", String(40), nullable=False),
)

analysis_failures = Table(  # articles whose analysis failed or timed out: not retried on every run
    "analysis_failures", metadata,
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("failed_at", String(40), nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", String(300), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("key", Text, nullable=False),
    Column("variants", Text, nullable=False),
    Column("roles", Text, nullable=False),
    Column("article_count", Integer, nullable=False, default=0, index=True),
)

entity_keys = Table(
    "entity_keys", metadata,
    Column("type", String(8), primary_key=True),
    Column("key", String(300), primary_key=True),
    Column("entity_id", String(300), ForeignKey("entities.id"), nullable=False),
)

entity_articles = Table(
    "entity_articles", metadata,
    Column("entity_id", String(300), ForeignKey("entities.id"), primary_key=True),
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("mentions", Integer, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("cue", Text),
    Column("speaker_text", Text),
    Column("speaker", String(300), ForeignKey("entities.id"), index=True),
)

stories = Table(
    "stories", metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text),
    Column("first_date", String(10), index=True),
    Column("last_date", String(10), index=True),
    Column("article_count", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("data", Text, nullable=False, default="{}"),
)

story_articles = Table(
    "story_articles", metadata,
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String(40), nullable=False, index=True),
)

link_state = Table(
    "link_state", metadata,
    Column("name", String(40), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)


def _create_core_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=[articles, article_bands, near_duplicates])


def _create_search_index(conn: Connection) -> None:
    """SQLite FTS5 with diacritics folded; PostgreSQL gets a German tsvector index instead."""
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "article_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
        ))
    elif conn.dialect.name == "postgresql":
        conn.execute(text(
            "CREATE INDEX articles_fts ON articles USING gin "
            "(to_tsvector('german', coalesce(title, '') || ' ' || text))"
        ))


def _create_analysis_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=[analyses, entities, entity_keys, entity_articles, quotes, stories,
                                      story_articles, link_state])


def _index_outlets(conn: Connection) -> None:
    """The outlet filter and list read every article without it (found by benchmarks/load.py)."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_outlet ON articles (outlet)"))


def _create_failure_table(conn: Connection) -> None:
    metadata.create_all(conn, tables=[analysis_failures])


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("core tables: articles, near-duplicate bands and links", _create_core_tables),
    ("full-text search index", _create_search_index),
    ("analyses, entities, quotes, stories and the story-stream state", _create_analysis_tables),
    ("index on articles.outlet", _index_outlets),
    ("articles whose analysis failed, reported once and retried on request", _create_failure_table),
]


def migrate(conn: Connection) -> list[str]:
    """Apply the migrations this store has not seen yet, in order; return their names."""
    metadata.create_all(conn, tables=[schema_migrations])
    done = set(conn.execute(select(schema_migrations.c.version)).scalars())
    applied = []
    for version, (name, step) in enumerate(MIGRATIONS, start=1):
        if version in done:
            continue
        step(conn)
        conn.execute(insert(schema_migrations).values(
            version=version, name=name, applied_at=datetime.now(timezone.utc).isoformat()))
        applied.append(name)
    return applied
