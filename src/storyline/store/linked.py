"""What the analysis and link steps write: analyses, entities, quotes, stories, stream state.

Each article's analysis, its quotes and the entities it touched are written in one transaction,
so the store never holds quotes whose speaker entity is missing.
"""
from __future__ import annotations

import json
import pickle
import zlib
from collections import Counter
from datetime import datetime, timezone
from functools import lru_cache

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from storyline.link.entities import Entity, EntityRegistry
from storyline.model import AnalyzedArticle
from storyline.serialize import analysis_from_dict, analysis_to_dict
from storyline.store import schema
from storyline.store.rows import row_article


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def upsert(conn, table, rows: list[dict], keys: list[str]) -> None:
    """Insert or replace rows by their key columns, in SQLite and PostgreSQL alike."""
    if rows:
        conn.execute(upsert_statement(conn.dialect.name, table, tuple(rows[0]), tuple(keys)), rows)


@lru_cache(maxsize=64)
def upsert_statement(dialect_name: str, table, columns: tuple[str, ...], keys: tuple[str, ...]):
    """Built once per table and column set: making the `excluded` columns anew for every row cost
    more than the write itself (a fifth of an ingest's main process, docs/speed.md)."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(table)
    updated = {c: statement.excluded[c] for c in columns if c not in keys}
    return (statement.on_conflict_do_update(index_elements=list(keys), set_=updated) if updated
            else statement.on_conflict_do_nothing(index_elements=list(keys)))


def load_registry(store) -> EntityRegistry:
    registry = EntityRegistry()
    with store.engine.connect() as conn:
        entities = [Entity(r.id, r.name, r.type, r.key, json.loads(r.variants), json.loads(r.roles))
                    for r in conn.execute(select(schema.entities))]
        keys = [tuple(r) for r in conn.execute(select(schema.entity_keys.c.type, schema.entity_keys.c.key,
                                                      schema.entity_keys.c.entity_id))]
        by_id = {entity.id: entity for entity in entities}
        # each entity's articles: the context in which a later lone surname is judged
        for entity_id, article_id in conn.execute(select(schema.entity_articles.c.entity_id,
                                                         schema.entity_articles.c.article_id)):
            if entity_id in by_id:
                by_id[entity_id].articles.append(article_id)
    registry.load(entities, keys)
    return registry


def save_analysis(store, analyzed: AnalyzedArticle, registry: EntityRegistry) -> None:
    """The analysis of one article with its quotes and the entities it touched, in one transaction."""
    article_id = analyzed.article.id
    mentions = Counter(m.entity for m in analyzed.mentions if m.entity)
    with store.engine.begin() as conn:
        upsert(conn, schema.analyses, [{"article_id": article_id, "data": json.dumps(analysis_to_dict(analyzed)),
                                        "analyzed_at": _now()}], ["article_id"])
        conn.execute(delete(schema.analysis_failures).where(schema.analysis_failures.c.article_id == article_id))
        _save_entities(conn, [registry.entities[i] for i in mentions], registry)
        conn.execute(delete(schema.entity_articles).where(schema.entity_articles.c.article_id == article_id))
        upsert(conn, schema.entity_articles, [{"entity_id": e, "article_id": article_id, "mentions": n}
                                              for e, n in mentions.items()], ["entity_id", "article_id"])
        _refresh_counts(conn, list(mentions))
        conn.execute(delete(schema.quotes).where(schema.quotes.c.article_id == article_id))
        upsert(conn, schema.quotes, [
            {"article_id": article_id, "number": n, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
             "cue": q.cue, "speaker_text": q.speaker_text, "speaker": q.speaker}
            for n, q in enumerate(analyzed.quotes)], ["article_id", "number"])


def _save_entities(conn, entities: list[Entity], registry: EntityRegistry) -> None:
    upsert(conn, schema.entities, [
        {"id": e.id, "name": e.name, "type": e.type, "key": e.key, "variants": json.dumps(e.variants, ensure_ascii=False),
         "roles": json.dumps(e.roles, ensure_ascii=False), "article_count": 0} for e in entities], ["id"])
    upsert(conn, schema.entity_keys, [{"type": t, "key": k, "entity_id": i} for t, k, i in registry.new_keys],
           ["type", "key"])
    registry.new_keys.clear()


def _refresh_counts(conn, entity_ids: list[str]) -> None:
    """Each entity's article count, in one statement for all the entities an article touched."""
    if not entity_ids:
        return
    links, entities = schema.entity_articles, schema.entities
    count = select(func.count()).select_from(links).where(links.c.entity_id == entities.c.id).scalar_subquery()
    conn.execute(update(entities).where(entities.c.id.in_(entity_ids)).values(article_count=count))


def load_analysis(store, article_id: str) -> AnalyzedArticle | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.articles, schema.analyses.c.data)
                           .join(schema.analyses, schema.analyses.c.article_id == schema.articles.c.id)
                           .where(schema.articles.c.id == article_id)).first()
    return analysis_from_dict(row_article(row), json.loads(row.data)) if row else None


def analyzed_without_story(store) -> list[str]:
    """Articles analysed but not yet in a story: after a crash, the next run picks them up."""
    a, s = schema.analyses, schema.story_articles
    with store.engine.connect() as conn:
        rows = conn.execute(select(a.c.article_id).outerjoin(s, s.c.article_id == a.c.article_id)
                            .where(s.c.article_id.is_(None)))
        return [r[0] for r in rows]


def unanalyzed_articles(store, include_failed: bool = True) -> list[str]:
    """Stored articles without an analysis; `include_failed=False` leaves out those whose analysis
    failed before (`record_failure`), so a pathological article costs its time limit once, not every run."""
    a, n, f = schema.articles, schema.analyses, schema.analysis_failures
    query = select(a.c.id).outerjoin(n, n.c.article_id == a.c.id).where(n.c.article_id.is_(None))
    if not include_failed:
        query = query.where(a.c.id.not_in(select(f.c.article_id)))
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(query.order_by(a.c.date_start, a.c.id))]


def record_failure(store, article_id: str, reason: str) -> None:
    with store.engine.begin() as conn:
        upsert(conn, schema.analysis_failures, [{"article_id": article_id, "reason": reason, "failed_at": _now()}],
               ["article_id"])


def load_state(store, name: str):
    with store.engine.connect() as conn:
        data = conn.execute(select(schema.link_state.c.data).where(schema.link_state.c.name == name)).scalar()
    return pickle.loads(zlib.decompress(data)) if data else None


def load_json_state(store, name: str):
    """A JSON state saved under `name` (such as the feeds' validators), or None."""
    with store.engine.connect() as conn:
        data = conn.execute(select(schema.link_state.c.data).where(schema.link_state.c.name == name)).scalar()
    return json.loads(data) if data else None


def save_json_state(store, name: str, value) -> None:
    with store.engine.begin() as conn:
        upsert(conn, schema.link_state, [{"name": name, "data": json.dumps(value).encode()}], ["name"])


def forget_stories(store) -> None:
    """Every story, membership and the stream state, before a rebuild from scratch."""
    with store.engine.begin() as conn:
        conn.execute(delete(schema.story_articles))
        conn.execute(delete(schema.stories))
        conn.execute(delete(schema.link_state).where(schema.link_state.c.name == "story_index"))


def save_stories(store, index, stories: list[dict]) -> None:
    """Story rows, article memberships and the stream state, in one transaction."""
    with store.engine.begin() as conn:
        upsert(conn, schema.link_state, [{"name": "story_index", "data": zlib.compress(pickle.dumps(index))}],
               ["name"])
        for story in stories:
            upsert(conn, schema.stories, [{
                "id": story["id"], "title": story.get("title"), "first_date": story.get("first_date"),
                "last_date": story.get("last_date"), "article_count": len(story["articles"]), "updated_at": _now(),
                "data": json.dumps({k: v for k, v in story.items() if k not in ("id", "title", "articles")},
                                   ensure_ascii=False, default=str)}], ["id"])
            upsert(conn, schema.story_articles, [{"article_id": a, "story_id": story["id"]} for a in story["articles"]],
                   ["article_id"])
        live = select(schema.story_articles.c.story_id).distinct()
        conn.execute(delete(schema.stories).where(schema.stories.c.id.not_in(live)))
