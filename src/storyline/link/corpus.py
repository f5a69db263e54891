"""The link step over a set of analysed articles: entities, speakers, labels, stories."""
from __future__ import annotations

from storyline.link.entities import EntityRegistry
from storyline.model import AnalyzedArticle, Mention


def _date_order(analyzed: AnalyzedArticle) -> tuple:
    date = analyzed.article.date
    return (date.start if date else None) is None, date.start if date else None, analyzed.article.id


def link_entities(items: list[AnalyzedArticle], registry: EntityRegistry | None = None) -> EntityRegistry:
    """Give every mention its corpus entity id, then every quote its speaker's id."""
    registry = registry or EntityRegistry()
    for analyzed in sorted(items, key=_date_order):
        registry.add_article(analyzed.article, analyzed.mentions)
        _drop_people_as_places(analyzed)
        for quote in analyzed.quotes:
            quote.speaker = speaker_entity(quote, analyzed.mentions)
        for label in analyzed.labels:
            label.entity = _entity_at(analyzed.mentions, label.mention_start, label.mention_end)
    return registry


def _drop_people_as_places(analyzed: AnalyzedArticle) -> None:
    """An unresolved place on a span that linking showed to be a person (`Peskow`) is no place."""
    people = {(m.start, m.end) for m in analyzed.mentions if m.type == "PER"}
    analyzed.places = [p for p in analyzed.places if p.lat is not None or (p.start, p.end) not in people]


def _entity_at(mentions: list[Mention], start: int | None, end: int | None) -> str | None:
    if start is None or end is None:
        return None
    return next((m.entity for m in mentions if m.start < end and start < m.end and m.entity), None)


def speaker_entity(quote, mentions: list[Mention]) -> str | None:
    """The entity of the resolved speaker mention (coreference), else of the speaker span itself."""
    spans = [(getattr(quote, "resolved_start", None), getattr(quote, "resolved_end", None)),
             (quote.speaker_start, quote.speaker_end)]
    for start, end in spans:
        if start is None:
            continue
        for mention in mentions:
            if mention.type in ("PER", "ORG") and mention.start < end and start < mention.end and mention.entity:
                return mention.entity
    return None


def link_stories(items: list[AnalyzedArticle]) -> list[dict]:
    """Cluster the articles into stories (stream order = date order) and describe each story."""
    from storyline.link.features import features_of
    from storyline.link.stories import cluster_articles
    from storyline.link.story_view import describe_story

    features = [features_of(a) for a in items]
    assignment = cluster_articles(features)
    stories: dict[str, list[AnalyzedArticle]] = {}
    for analyzed in sorted(items, key=_date_order):
        stories.setdefault(assignment[analyzed.article.id], []).append(analyzed)
    return [describe_story(story_id, members) for story_id, members in stories.items()]
