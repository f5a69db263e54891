"""Library functions behind the CLI, the JSON API and the web pages: one code path for all three.

Each returns plain dicts and lists, ready for JSON or a template.
"""
from __future__ import annotations

import re
from collections import defaultdict

from storyline.analyze.grammar.nominative import nominative
from storyline.link.compare import fold_copies, same_words
from storyline.link.timeline import build_timeline
from storyline.store import queries
from storyline.store.linked import load_analysis


def article_summary(article) -> dict:
    return {"id": article.id, "date": article.date.value if article.date else None, "title": article.title,
            "outlet": article.outlet, "url": article.url, "language": article.language,
            "headline": (article.title or article.text[:100].replace("\n", " ")).strip(),
            "credits": article.credits}


def list_stories(store, **filters) -> dict:
    limit, offset = filters.setdefault("limit", 50), filters.setdefault("offset", 0)
    with store.engine.connect() as conn:
        stories, total = queries.select_stories(conn, **filters)
    return {"stories": stories, "total": total, "limit": limit, "offset": offset}


def story_detail(store, story_id: str) -> dict | None:
    with store.engine.connect() as conn:
        story = queries.select_story(conn, story_id)
        if story is None:
            return None
        ids = [r[0] for r in conn.execute(queries.select(queries.SA.c.article_id)
                                          .where(queries.SA.c.story_id == story_id))]
    members = sorted(filter(None, (load_analysis(store, i) for i in ids)),
                     key=lambda a: (a.article.date is None, a.article.date.start if a.article.date else None))
    from storyline.link.summary import summarize

    entities = _entities_by_id(store, {m.entity for a in members for m in a.mentions if m.entity})
    return {**story, "articles": [{**article_summary(a.article), "tone": _tone(a)} for a in members],
            "summary": summarize(members), "actors": _actors(members, entities),
            "quotes_by_speaker": _quotes_by_speaker(members, entities), "places": _places(members),
            "timeline": build_timeline(members), "framing": _framing(members, entities)}


def _entities_by_id(store, ids: set[str]) -> dict[str, dict]:
    with store.engine.connect() as conn:
        rows = conn.execute(queries.select(queries.E).where(queries.E.c.id.in_(ids)))
        return {r.id: queries.entity_row(r) for r in rows}


def _tone(analyzed) -> dict | None:
    tone = analyzed.tone
    return {"polarity": tone.polarity, "subjectivity": tone.subjectivity, "genre": tone.genre} if tone else None


def _actors(members, entities: dict[str, dict]) -> list[dict]:
    """People and organisations by how many of the story's articles name them, with their labels."""
    counts: dict[str, set[str]] = defaultdict(set)
    for analyzed in members:
        for mention in analyzed.mentions:
            if mention.entity in entities and mention.type in ("PER", "ORG"):
                counts[mention.entity].add(analyzed.article.id)
    labels = _labels_by_entity(members)
    actors = [{**entities[e], "articles_in_story": len(ids), "labels": labels.get(e, {})}
              for e, ids in counts.items()]
    return sorted(actors, key=lambda a: (-a["articles_in_story"], a["name"]))[:20]


def _labels_by_entity(members) -> dict[str, dict[str, list[str]]]:
    """entity → outlet → labels (epithets and roles the outlet attaches to the entity)."""
    result: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for analyzed in members:
        outlet = analyzed.article.outlet or analyzed.article.id
        for label in analyzed.labels:
            if label.label not in result[label.entity][outlet]:
                result[label.entity][outlet].append(label.label)
    return {e: dict(by_outlet) for e, by_outlet in result.items()}


def _speaker_key(quote, text: str) -> str:
    """The entity, or for a speaker the text names only by a role with its complement, the nouns
    of the phrase (`text`, the phrase in the nominative): "der Sicherheitsminister des
    südamerikanischen Landes" and "der Sicherheitsminister des Landes" are one speaker. A bare role
    ("ein Sprecher") stays as written: two reports' spokesmen may speak for different sides."""
    if quote.speaker:
        return quote.speaker
    nouns = [word for word in re.findall(r"\w[\w-]*", text) if word[:1].isupper()]
    if len(nouns) >= 2 and text[:1].islower():
        return "role:" + " ".join(nouns).casefold()
    return f"text:{text}"


def _quotes_by_speaker(members, entities: dict[str, dict]) -> list[dict]:
    groups: dict[str, dict] = {}
    for analyzed in members:
        seen = set()  # a page that prints its body twice repeats its quotes: each once, the first
        for quote in analyzed.quotes:
            if same_words(quote.text) in seen:
                continue
            seen.add(same_words(quote.text))
            # "eines Unternehmenssprechers" is listed, and grouped, as "ein Unternehmenssprecher"
            written = nominative(quote.speaker_text or "") if not quote.speaker else ""
            key = _speaker_key(quote, written)
            name = entities.get(quote.speaker, {}).get("name") if quote.speaker else written
            # no name for an unknown speaker: the page, report or CLI says "unknown" in its language
            group = groups.setdefault(key, {"speaker": quote.speaker, "name": name or None, "quotes": []})
            group["quotes"].append({"text": quote.text, "kind": quote.kind, "cue": quote.cue,
                                    "speaker_text": quote.speaker_text, "speaker_kind": quote.speaker_kind,
                                    "article": analyzed.article.id,
                                    "outlet": analyzed.article.outlet, "start": quote.start, "end": quote.end})
    for group in groups.values():  # an agency copy repeats the quote: once, with its other outlets
        group["quotes"] = fold_copies(group["quotes"], ("text",))
    return sorted(groups.values(), key=lambda g: (g["speaker"] is None, -len(g["quotes"])))


def _places(members) -> list[dict]:
    """Resolved places, named as the articles name them (`Moskau`, not the gazetteer's `Moscow`)."""
    places: dict[tuple, dict] = {}
    for analyzed in members:
        for place in analyzed.places:
            if place.lat is None:
                continue
            entry = places.setdefault((place.lat, place.lon), {
                "name": place.name, "gazetteer_name": place.name, "lat": place.lat, "lon": place.lon,
                "country": place.country, "feature_class": place.feature_class,
                "kind": getattr(place, "kind", None), "mentions": 0, "texts": {}})
            entry["mentions"] += 1
            entry["texts"][place.text] = entry["texts"].get(place.text, 0) + 1
    for entry in places.values():
        entry["name"] = max(entry["texts"], key=lambda text: (entry["texts"][text], -len(text)))
        entry["texts"] = list(entry["texts"])
    return sorted(places.values(), key=lambda p: -p["mentions"])


def _framing(members, entities: dict[str, dict]) -> list[dict]:
    """Per outlet: mean tone, genres, and the labels it gives each actor."""
    outlets: dict[str, dict] = {}
    labels = _labels_by_entity(members)
    for analyzed in members:
        name = analyzed.article.outlet or analyzed.article.id
        entry = outlets.setdefault(name, {"outlet": name, "articles": 0, "polarity": 0.0, "subjectivity": 0.0,
                                          "genres": [], "labels": {}})
        entry["articles"] += 1
        if analyzed.tone:
            entry["polarity"] += analyzed.tone.polarity
            entry["subjectivity"] += analyzed.tone.subjectivity
            if analyzed.tone.genre and analyzed.tone.genre not in entry["genres"]:
                entry["genres"].append(analyzed.tone.genre)
    for entry in outlets.values():
        entry["polarity"] = round(entry["polarity"] / entry["articles"], 3)
        entry["subjectivity"] = round(entry["subjectivity"] / entry["articles"], 3)
        entry["labels"] = {entities[e]["name"]: by_outlet[entry["outlet"]] for e, by_outlet in labels.items()
                           if e in entities and entry["outlet"] in by_outlet}
    return list(outlets.values())


def list_entities(store, type: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    with store.engine.connect() as conn:
        return queries.select_entities(conn, type=type, limit=limit, offset=offset)


def entity_detail(store, name_or_id: str) -> dict | None:
    with store.engine.connect() as conn:
        entity = queries.find_entity(conn, name_or_id)
        if entity is None:
            return None
        article_ids = queries.entity_article_ids(conn, entity["id"])
        stories = sorted({queries.story_of_article(conn, a) for a in article_ids} - {None})
        quotes = queries.select_quotes(conn, speaker=entity["id"])
    members = [a for a in (load_analysis(store, i) for i in article_ids[:100]) if a]
    story_rows = [s for s in (story_summary(store, sid) for sid in stories) if s]
    return {**entity, "stories": story_rows, "quotes": quotes,
            "labels": _labels_by_entity(members).get(entity["id"], {}),
            "articles": [article_summary(a.article) for a in members]}


def story_summary(store, story_id: str) -> dict | None:
    with store.engine.connect() as conn:
        return queries.select_story(conn, story_id)


def list_quotes(store, speaker: str | None = None, limit: int = 200) -> dict:
    entity = None
    if speaker:
        with store.engine.connect() as conn:
            entity = queries.find_entity(conn, speaker)
        if entity is None:
            return {"speaker": None, "quotes": []}
    with store.engine.connect() as conn:
        quotes = queries.select_quotes(conn, speaker=entity["id"] if entity else None, limit=limit)
    return {"speaker": entity, "quotes": quotes}


def article_detail(store, article_id: str) -> dict | None:
    from storyline.jsondoc import article_json

    analyzed = load_analysis(store, article_id)
    if analyzed is None:
        article = store.get_article(article_id)
        if article is None:
            return None
        from storyline.model import AnalyzedArticle

        analyzed = AnalyzedArticle(article=article)
    with store.engine.connect() as conn:
        story_id = queries.story_of_article(conn, article_id)
    return {**article_json(analyzed), "story": story_id,
            "near_duplicates": [{"article": o, "similarity": s} for o, s in store.near_duplicates_of(article_id)]}
