"""Places of an English article: its location names geocoded with the shared gazetteer.

The gazetteer's GeoNames alternate names hold the English exonyms ("Munich", "Cologne",
"Pyongyang"), so an English and a German report of one town resolve to the same place. Only the
names the English entity reader found are geocoded: the German text scan's stop list and
common-noun check are German, and an English capitalised word that is also a hamlet somewhere
must not become a place.
"""
from __future__ import annotations

from storyline.model import Article, Mention, Place


def find_english_places(article: Article, mentions: list[Mention]) -> list[Place]:
    """Every LOC mention (and named building) geocoded, in text order, as the German stage does."""
    from storyline.analyze.places.geocode import (apply_head, candidates_from_mentions, confident_anchors,
                                                  context_countries, is_supported, resolve)

    # apply_head: a province named like a town of its country ('Pyongyang') is the town here too
    candidates = sorted((apply_head(article, c) for c in candidates_from_mentions(article, mentions)),
                        key=lambda c: c.start)
    anchors = confident_anchors(candidates)
    countries = context_countries(anchors)
    places = []
    for candidate in candidates:
        place = resolve(candidate, countries, anchors)
        if place.name is not None and not is_supported(candidate, place, countries):
            place.confidence = round(place.confidence * 0.5, 3)
        places.append(place)
    return places
