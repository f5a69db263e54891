"""Full-text search: SQLite FTS5, or PostgreSQL's German text search."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from storyline.store.search_query import fts5, parse, tsquery


@dataclass
class SearchHit:
    article_id: str
    title: str | None
    snippet: str
    date: str | None
    outlet: str | None


def search_articles(conn, query: str, limit: int) -> list[SearchHit]:
    """Articles ranked by relevance (bm25 / ts_rank); syntax and folding in search_query.py."""
    parsed = parse(query)
    if not parsed:
        return []
    if conn.dialect.name == "sqlite":
        terms = fts5(parsed)
        rows = conn.execute(text(
            "SELECT f.article_id, a.title, snippet(articles_fts, 2, '[', ']', ' … ', 12) AS snippet, "
            "a.date_value, a.outlet FROM articles_fts f JOIN articles a ON a.id = f.article_id "
            "WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts) LIMIT :limit"), {"q": terms, "limit": limit})
    else:
        rows = conn.execute(text(
            "SELECT a.id, a.title, ts_headline('german', a.text, to_tsquery('german', :q), "
            "'StartSel=[,StopSel=],MaxWords=20,MinWords=8') AS snippet, a.date_value, a.outlet FROM articles a "
            "WHERE to_tsvector('german', coalesce(a.title, '') || ' ' || a.text) @@ to_tsquery('german', :q) "
            "ORDER BY ts_rank(to_tsvector('german', coalesce(a.title, '') || ' ' || a.text), "
            "to_tsquery('german', :q)) DESC LIMIT :limit"), {"q": tsquery(parsed), "limit": limit})
    return [SearchHit(r[0], r[1], r[2], r[3], r[4]) for r in rows]
