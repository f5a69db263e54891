"""Small read helpers the API and the pages share, on top of `storyline.views` and the store."""
from __future__ import annotations

from storyline.store import queries


def search_hits(store, query: str, limit: int = 20) -> list[dict]:
    """Full-text hits, each with the story its article belongs to, so results can link to stories."""
    hits = store.search(query, limit=limit) if query.strip() else []
    with store.engine.connect() as conn:
        return [{**hit.__dict__, "story": queries.story_of_article(conn, hit.article_id),
                 "headline": hit.title or headline_of(store, hit.article_id)} for hit in hits]


def headline_of(store, article_id: str) -> str:
    """Untitled articles (plain text input) are listed by the start of their text, as in the CLI."""
    from storyline.views import article_summary

    article = store.get_article(article_id)
    return article_summary(article)["headline"] if article else article_id


def resolve_entity(store, name_or_id: str | None) -> str | None:
    """An entity filter may be typed as a name ("Putin"); the store filters by id."""
    if not name_or_id:
        return None
    with store.engine.connect() as conn:
        entity = queries.find_entity(conn, name_or_id)
    return entity["id"] if entity else name_or_id


def list_outlets(store) -> list[str]:
    with store.engine.connect() as conn:
        return queries.select_outlets(conn)


def stories_of_articles(store, article_ids: list[str]) -> dict[str, str | None]:
    with store.engine.connect() as conn:
        return {article_id: queries.story_of_article(conn, article_id) for article_id in article_ids}


def split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """FTS marks hits with [ and ]; as (text, is_hit) pieces the template can escape and highlight."""
    pieces, rest = [], snippet
    while "[" in rest and "]" in rest[rest.index("["):]:
        before, _, tail = rest.partition("[")
        hit, _, rest = tail.partition("]")
        pieces += [(before, False), (hit, True)]
    pieces.append((rest, False))
    return [piece for piece in pieces if piece[0]]
