"""Tests of single words that the entity rules share: is it a common noun, a role, a name word?

German capitalises every noun, so most of what tells a name from a noun is in these tests and the
lexicons they read (`entity_lists`).
"""
from __future__ import annotations

from functools import lru_cache

from storyline.analyze.entities.place_names import is_place_compound
from storyline.analyze.places.geocode import is_town_name, lookup_name

ARABIC_ARTICLES = ("al-", "el-", "ad-", "as-", "ar-", "an-", "at-", "az-")
# name particles that may stand inside a person's name after a role word ("Ursula von der Leyen")
NAME_PARTICLES = {"von", "van", "de", "der", "den", "da", "di", "al", "bin", "el", "la", "le", "zu", "della", "del", "dos",
                  "do", "du", "ter", "ten", "ibn", "abu"}
# ends of German place names that are also nouns ("Tais|kirchen", "Gelsen|kirchen", "Wolfs|burg")
PLACE_NAME_ENDINGS = ("kirchen", "hausen", "dorf", "felde", "feld", "berg", "burg", "heim", "stadt", "stedt", "bach",
                      "brück", "brücken", "furt", "hofen", "ingen", "weiler", "walde", "wald", "rode", "hagen", "marken")
# prepositions that a sentence may begin with, capitalised, before a name ("Laut Regierung", "Nach Angaben")
PREPOSITIONS = frozenset({"laut", "nach", "bei", "beim", "mit", "aus", "für", "gegen", "seit", "trotz", "wegen", "zum", "zur",
                          "im", "am", "vom", "in", "an", "auf", "unter", "über", "durch", "ohne", "um", "dank", "während"})


def is_acronym(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word.isupper()


def is_short_form(word: str) -> bool:
    """An abbreviation of a name: "WWF", "ICOMOS", "AfD", "VKSt" (capitals with at most two small
    letters). Not roman numerals ("III"), and not two letters ("TV", "KB"), which are mostly units
    and common words in the news training data."""
    capitals = sum(ch.isupper() for ch in word)
    return (3 <= len(word) <= 5 and word.isalpha() and word[0].isupper() and capitals >= 2
            and len(word) - capitals <= 2 and not set(word) <= set("IVXLCDM"))


def is_no_name(token, nouns: frozenset[str]) -> bool:
    """A word that is no name on its own: a common noun, a role ("US-Präsident"), or a word
    without a capital letter ("russischen": adjectives of names are not names in Storyline)."""
    return ((token.lower_ in nouns and not token.is_upper) or not any(ch.isupper() for ch in token.text)
            or role_of(token) is not None or is_noun_compound(token.text, nouns))


def is_unknown_noun_compound(word: str, nouns: frozenset[str]) -> bool:
    """A long word that ends in a common noun ("Einsatz|gebiet", "Zuwanderer|familien") and that
    no gazetteer knows as a place, nor ends like a town ("Taiskirchen"). Only for places: many
    surnames end in nouns ("Goldstein")."""
    return (len(word) >= 9 and word.isalpha() and not word.lower().endswith(PLACE_NAME_ENDINGS)
            and ends_in_common_noun(word.lower(), nouns) and not lookup_name(word, villages=True)
            and not is_place_compound(word))


def ends_in_common_noun(lower: str, nouns: frozenset[str]) -> bool:
    """The word's last part of five letters or more, after at least four, is a common noun."""
    return any(lower[k:] in nouns for k in range(4, len(lower) - 4))


def is_noun_compound(word: str, nouns: frozenset[str]) -> bool:
    """"EZB-Daten", "Vox-Programm": a name joined to a common noun is that noun, not a name
    (GermEval marks only the part; 82 of 84 such words in its training part are no names). A
    one-letter first part makes brands instead: "E-Plus". A head that is itself a compound counts
    ("US-Finanzministerium"), unless a town comes first ("Kaiserslautern-Innenstadt")."""
    first, hyphen, head = word.partition("-")
    if len(first) < 2 or "-" in head or not head.isalpha():
        return False
    if head[0].islower():
        return True  # "US-amerikanischen": an adjective
    return head.lower() in nouns or (ends_in_common_noun(head.lower(), nouns) and not is_town_name(first))


def role_of(token) -> str | None:
    """Gender of a capitalised role noun ("Kremlsprecher" -> m), from the shared role lexicon;
    None for words ending in "-mann", which ends many surnames (Hermann, Lehmann)."""
    return role_of_word(token.text, token.lower_)


@lru_cache(maxsize=65536)
def role_of_word(text: str, lower: str) -> str | None:
    """`role_of` remembered per word: the rules ask it for nearly every token of every article
    (the role lexicon tries each ending of the word), and the answer depends on the word alone."""
    from storyline.analyze.quotes.lexicon import role_gender

    if not text[:1].isupper() or lower.endswith(("mann", "männer")):
        return None
    return role_gender(text)


def is_common_noun(token, nouns: frozenset[str]) -> bool:
    return token.is_title and token.lower_ in nouns


def is_name_word(token) -> bool:
    return is_name_text(token.text)


def is_name_text(text: str) -> bool:
    """Capitalised word, hyphenated name ("Alliot-Marie") or Arabic article name ("al-Nuaimi")."""
    if text[:3] in ARABIC_ARTICLES and len(text) > 4 and text[3].isupper():
        text = text[3:]
    return text[:1].isupper() and text.replace("-", "").isalpha() and not text.isupper()
