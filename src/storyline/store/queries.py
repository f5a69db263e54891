"""Read queries for the CLI, the API and the web pages (the store's read side)."""
from __future__ import annotations

import json

from sqlalchemy import and_, func, or_, select

from storyline.store import schema
from storyline.store.rows import row_article

S, SA, A, E, EA, Q = (schema.stories, schema.story_articles, schema.articles, schema.entities,
                      schema.entity_articles, schema.quotes)


def story_row(row) -> dict:
    data = json.loads(row.data or "{}")
    return {"id": row.id, "title": row.title, "first_date": row.first_date, "last_date": row.last_date,
            "article_count": row.article_count, "updated_at": row.updated_at, **data}


def select_stories(conn, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                   entity: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """Stories newest first (by their last article's date), filtered; returns (page, total)."""
    conditions = []
    if since:
        conditions.append(S.c.last_date >= since)
    if until:
        conditions.append(S.c.first_date <= until)
    if outlet:
        conditions.append(S.c.id.in_(select(SA.c.story_id).join(A, A.c.id == SA.c.article_id)
                                     .where(outlet_condition(conn, outlet))))
    if entity:
        conditions.append(S.c.id.in_(select(SA.c.story_id).join(EA, EA.c.article_id == SA.c.article_id)
                                     .where(EA.c.entity_id == entity)))
    where = and_(*conditions) if conditions else True
    total = conn.execute(select(func.count()).select_from(S).where(where)).scalar_one()
    rows = conn.execute(select(S).where(where).order_by(S.c.last_date.desc().nulls_last(), S.c.updated_at.desc())
                        .limit(limit).offset(offset))
    return [story_row(r) for r in rows], total


def outlet_condition(conn, outlet: str):
    """Articles of an outlet given by name in any case ('SPIEGEL' for 'Spiegel') or by its domain
    ('spiegel.de', 'www.spiegel.de', 'https://www.spiegel.de/'). Names are compared in Python, where
    case folding knows umlauts (SQLite's lower() does not)."""
    wanted = outlet.strip().casefold()
    names = [name for name in select_outlets(conn) if name.casefold() == wanted]
    domain = wanted.split("://")[-1].split("/")[0].removeprefix("www.")
    by_domain = [A.c.url.ilike(f"%://{host}/%") | A.c.url.ilike(f"%://{host}") for host in (domain, "www." + domain)]
    return or_(A.c.outlet.in_(names), *by_domain) if "." in domain else A.c.outlet.in_(names)


def select_story(conn, story_id: str) -> dict | None:
    row = conn.execute(select(S).where(S.c.id == story_id)).first()
    return story_row(row) if row else None


def story_of_article(conn, article_id: str) -> str | None:
    return conn.execute(select(SA.c.story_id).where(SA.c.article_id == article_id)).scalar()


def select_articles(conn, ids: list[str]) -> list:
    rows = conn.execute(select(A).where(A.c.id.in_(ids)))
    by_id = {r.id: row_article(r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def entity_row(row) -> dict:
    return {"id": row.id, "name": row.name, "type": row.type, "variants": json.loads(row.variants),
            "roles": json.loads(row.roles), "article_count": row.article_count}


def select_entities(conn, *, type: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    query = select(E).order_by(E.c.article_count.desc(), E.c.name).limit(limit).offset(offset)
    if type:
        query = query.where(E.c.type == type.upper())
    return [entity_row(r) for r in conn.execute(query)]


def find_entity(conn, name_or_id: str) -> dict | None:
    """By id; else by canonical name or any variant's key, the most mentioned entity first."""
    from storyline.link.names import name_key

    row = conn.execute(select(E).where(E.c.id == name_or_id)).first()
    if row is None:
        keyed = select(schema.entity_keys.c.entity_id).where(schema.entity_keys.c.key == name_key(name_or_id))
        row = conn.execute(select(E).where(or_(func.lower(E.c.name) == name_or_id.lower(), E.c.id.in_(keyed)))
                           .order_by(E.c.article_count.desc(), func.length(E.c.name).desc(), E.c.id)).first()
    return entity_row(row) if row else None


def entity_article_ids(conn, entity_id: str, limit: int = 200) -> list[str]:
    rows = conn.execute(select(EA.c.article_id).join(A, A.c.id == EA.c.article_id).where(EA.c.entity_id == entity_id)
                        .order_by(A.c.date_start.desc().nulls_last()).limit(limit))
    return [r[0] for r in rows]


def select_quotes(conn, *, speaker: str | None = None, article_ids: list[str] | None = None,
                  limit: int = 200) -> list[dict]:
    query = (select(Q, E.c.name.label("speaker_name"), A.c.date_value, A.c.outlet)
             .outerjoin(E, E.c.id == Q.c.speaker).join(A, A.c.id == Q.c.article_id)
             .order_by(A.c.date_start.desc().nulls_last(), Q.c.article_id, Q.c.number).limit(limit))
    if speaker:
        query = query.where(Q.c.speaker == speaker)
    if article_ids is not None:
        query = query.where(Q.c.article_id.in_(article_ids))
    return [{"article": r.article_id, "start": r.start, "end": r.end, "text": r.text, "kind": r.kind,
             "cue": r.cue, "speaker_text": r.speaker_text, "speaker": r.speaker, "speaker_name": r.speaker_name,
             "date": r.date_value, "outlet": r.outlet} for r in conn.execute(query)]


def select_outlets(conn) -> list[str]:
    return [r[0] for r in conn.execute(select(A.c.outlet).where(A.c.outlet.is_not(None)).distinct()
                                       .order_by(A.c.outlet))]
