"""A speaker phrase in the nominative, for naming a speaker the text gives only by a role.

Quotes keep their speaker as written ("Nach Angaben eines Unternehmenssprechers" → `eines
Unternehmenssprechers`). A story lists its speakers by name, and an unnamed one under the phrase
itself: written in the genitive or dative it reads wrongly as a heading ("Ihrem Sprecher",
"Anlegervertretern") and is listed apart from the same role in the nominative in another report.
`nominative` rewrites the phrase's determiner, adjectives and head noun; what follows the head (a
genitive complement, "des Verteidigungsministeriums in Seoul") is already in its own case and stays.
The rules know the determiners and the endings; a noun's gender comes from the role lexicon or a
neuter ending (-ium, -um, -ment, -chen, -en); where the gender decides the form and is unknown, the
phrase stays as written.
"""
from __future__ import annotations

import re

# Determiner as written (lower case) -> (nominative, case): "gen"/"dat" singular, "den" undecided.
DETERMINERS = {
    "des": ("der", "gen"), "dem": ("der", "dat"), "den": ("der", "den"), "eines": ("ein", "gen"),
    "einem": ("ein", "dat"), "einer": ("eine", "fem"), "seines": ("sein", "gen"), "seinem": ("sein", "dat"),
    "seiner": ("seine", "fem"), "ihres": ("ihr", "gen"), "ihrem": ("ihr", "dat"), "ihrer": ("ihre", "fem"),
    "unseres": ("unser", "gen"), "unserem": ("unser", "dat"), "dieses": ("dieser", "gen"),
    "diesem": ("dieser", "dat"), "einigen": ("einige", "plural"), "mehreren": ("mehrere", "plural"),
}
NOMINATIVE = frozenset("der die das ein eine einige mehrere beide sein seine ihr ihre unser unsere dieser diese "
                       "dieses jener jene".split())
NEUTER_ENDING = re.compile(r"(?:ium|um|ment|chen|lein|tum|en|nis)$")
WORD = re.compile(r"\S+")


def nominative(phrase: str) -> str:
    """`eines Unternehmenssprechers` → `ein Unternehmenssprecher`, `Ihrem Sprecher` → `ihr Sprecher`,
    `den UN-Sanktionen gegen Nordkorea` → `die UN-Sanktionen gegen Nordkorea`, `Anlegervertretern`
    → `Anlegervertreter`, `Das Unternehmen` → `das Unternehmen`. A name or anything else as written."""
    words = WORD.findall(phrase)
    if not words:
        return phrase
    first = words[0].lower()
    if first in NOMINATIVE and len(words) > 1 and words[1][:1].isupper():
        return " ".join([first, *words[1:]])  # "Das Unternehmen" at a sentence's start
    if first not in DETERMINERS:
        if len(words) == 1 and _plural_dative(words[0]):
            return words[0][:-1]  # "Anlegervertretern"
        return phrase
    head = next((i for i, word in enumerate(words[1:], 1) if word[:1].isupper()), None)
    if head is None:
        return phrase
    base, case = DETERMINERS[first]
    noun = words[head]
    if case == "gen":
        noun = _without_genitive(noun)
    elif case in ("den", "plural") and (case == "plural" or noun.endswith("n")):
        base, case = ("die" if first == "den" else base), "plural"
        noun = noun[:-1] if _plural_dative(noun) else noun
    gender = _gender(noun) if case != "plural" else "p"
    if gender is None and (base in ("der", "dieser") or head > 1):
        return phrase  # "des Konzerns": der or das? "eines großen Konzerns": -er or -es? Left as written.
    if base in ("der", "dieser") and gender == "n":
        base = {"der": "das", "dieser": "dieses"}[base]
    elif base in ("der", "dieser") and gender == "f":
        base = {"der": "die", "dieser": "diese"}[base]
    adjectives = [_adjective(word, base, gender) for word in words[1:head]]
    return " ".join([base, *adjectives, noun, *words[head + 1:]])


def _plural_dative(word: str) -> bool:
    """`Anlegervertretern`: a noun in -er/-el (a role, or a compound ending in a common noun) with the
    dative plural's -n; not a name such as `Bayern`."""
    from storyline.analyze.quotes.lexicon import role_gender
    from storyline.analyze.word_lists import load_common_nouns

    if not word.endswith(("ern", "eln")) or not word[:1].isupper():
        return False
    stem = word[:-1]
    nouns = load_common_nouns()
    return role_gender(stem) is not None or any(stem[i:].lower() in nouns for i in range(len(stem) - 4))


def _without_genitive(noun: str) -> str:
    """`Unternehmenssprechers` → `Unternehmenssprecher`, `Landes` → `Land`, `Ministeriums` → `Ministerium`."""
    if noun.endswith("es") and len(noun) > 4 and not noun.endswith(("ees", "ses")) and noun[-3] not in "aeiou":
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3:
        return noun[:-1]
    return noun


def _gender(noun: str) -> str | None:
    """m, f or n from the role lexicon, n by a neuter ending, else None (unknown)."""
    from storyline.analyze.quotes.lexicon import role_gender

    gender = role_gender(noun)
    if gender in ("m", "f", "n"):
        return gender
    return "n" if NEUTER_ENDING.search(noun.lower()) else None


def _adjective(word: str, base: str, gender: str) -> str:
    """`südamerikanischen` after `der` → `südamerikanische`; after `ein` (masculine) → `-er`."""
    if not word.endswith("en") or not word[:1].islower():
        return word
    stem = word[:-2]
    if gender == "p":
        return word if base == "die" else stem + "e"
    if base in ("ein", "sein", "ihr", "unser"):
        return stem + ("er" if gender == "m" else "es" if gender == "n" else "e")
    return stem + "e"
