"""Rules that add place names the model missed: gazetteer names, place compounds ("Baikalsee")
and towns after a place cue ("aus Büdingen").

They run last in the rule layer (`entities.apply_rules`): the spans found before win every overlap.
"""
from __future__ import annotations

from functools import lru_cache

from storyline.analyze.word_lists import (NameIndex, load_common_nouns, load_common_words, load_curated,
                                            load_gazetteer, longest_listed_at)
from storyline.analyze.places.geocode import lookup_name
from storyline.analyze.times.rules import MONTHS

# German names of lakes, seas, mountains and islands are compounds: "Baikalsee", "Uralgebirge"
PLACE_SUFFIXES = ("halbinsel", "gebirge", "insel", "meer", "see", "bucht", "wüste")
# words after which a lone capitalised word is mostly a place: prepositions of place and
# kinds of settlement ("von" is left out: "von Scharnhorst", "von Toyota")
TOWN_CUES = frozenset({"in", "aus", "nach", "bei", "Gemeinde", "Stadt", "Dorf", "Ortsteil", "Ortschaft"})
# "östlich von Wostotschny": after a compass word "von" introduces a place
COMPASS_WORDS = frozenset({"östlich", "westlich", "nördlich", "südlich", "nordöstlich", "nordwestlich",
                           "südöstlich", "südwestlich", "unweit", "nahe"})
# "Mitte Juni", "Ende der Woche", "Anfang 2019": a time, though Mitte is a Berlin district
TIME_POSITIONS = frozenset({"Anfang", "Mitte", "Ende"})


@lru_cache(maxsize=65536)
def is_place_compound(word: str) -> bool:
    """'Baikalsee' is a lake's name, 'Stausee' a kind of lake: the stem must be no ordinary word."""
    lower = word.lower()
    if not word[:1].isupper() or not word.isalpha():
        return False
    suffix = next((s for s in PLACE_SUFFIXES if lower.endswith(s)), None)
    if suffix is None or len(lower) - len(suffix) < 3:
        return False
    common = load_common_words()
    stem = lower[: -len(suffix)]
    return lower not in common and stem not in common and stem.rstrip("s") not in common


def add_gazetteer_names(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add known place names and place compounds the model missed; the model's spans win overlaps."""
    index = load_gazetteer()
    taken = [(s, e) for s, e, _ in spans]
    i = 0
    while i < len(doc):
        match = longest_name_at(doc, i, index)
        if match and not any(s < match[1] and match[0] < e for s, e in taken):
            spans.append(match)
            taken.append(match[:2])
        i += 1
    return spans


def starts_time_phrase(doc, i: int) -> bool:
    """"Mitte Juni", "Mitte der Woche", "Ende 2019": a time word before a month, a number or a
    lower-case word."""
    if doc[i].text not in TIME_POSITIONS or i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    return after.is_lower or after.like_num or after.lower_.rstrip(".") in MONTHS


def longest_name_at(doc, i: int, index: NameIndex):
    """The longest gazetteer name starting at token i, as (start_char, end_char, label)."""
    if not doc[i].text[:1].isupper() or starts_time_phrase(doc, i):
        return None
    match = longest_listed_at(doc, i, index)
    if match and not (match[1] == doc[i].idx + len(doc[i]) and doc[i].lower_ in load_common_nouns()):
        return match  # one-word places that are also common nouns ("Namen" = Namur, "Mitte") need the model
    if is_place_compound(doc[i].text) or is_place_genitive(doc[i].text, index):
        return doc[i].idx, doc[i].idx + len(doc[i]), "LOC"
    return None


def is_place_genitive(word: str, index: NameIndex) -> bool:
    """"Leipzigs", "Kanadas": a listed one-word place with the genitive s (GermEval-train labels 16
    of 19 such words a place). Not words the corpora use as ordinary words."""
    stem = word[:-1]
    return (len(word) >= 5 and word.endswith("s") and word.isalpha() and index.names.get(stem) == "LOC"
            and word.lower() not in load_common_words() and stem.lower() not in load_common_nouns())


def add_towns_after_cues(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A lone capitalised word after "in", "aus", "nach", "bei" or "Gemeinde" that the full
    gazetteer (villages too) knows is a place, where no span stands ("ein Fall aus Büdingen").
    Not common words ("in Kraft"), not the first of several capitalised words ("in Bad Tölz" is
    the gazetteer's or the model's)."""
    nouns, words = load_common_nouns(), load_common_words()
    for token in doc[1:]:
        text = token.text
        if (doc[token.i - 1].text in TOWN_CUES and text[:1].isupper() and len(text) >= 4
                and text.lower() not in nouns and text.lower() not in words
                and not (token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper())
                and not any(s < token.idx + len(text) and token.idx < e for s, e, _ in spans)
                and lookup_name(text, villages=True)):
            spans.append((token.idx, token.idx + len(text), "LOC"))
    return spans


def places_the_model_called_organisations(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A one-word "organisation" right after "in" or "östlich von" that the place gazetteer knows
    and the curated list does not call an organisation is a place ("kamen in Wostotschny nicht
    über ihre Lippen"); the text's other mentions of the name follow by majority."""
    curated = load_curated().names
    starts = {token.idx: token.i for token in doc}
    relabelled = []
    for start, end, label in spans:
        i = starts.get(start)
        if (label == "ORG" and i is not None and i >= 1 and doc[i].idx + len(doc[i]) == end
                and (doc[i - 1].text == "in" or (doc[i - 1].text == "von" and i >= 2 and doc[i - 2].lower_ in COMPASS_WORDS))
                and curated.get(doc[i].text) != "ORG" and lookup_name(doc[i].text, False)):
            label = "LOC"
        relabelled.append((start, end, label))
    return relabelled
