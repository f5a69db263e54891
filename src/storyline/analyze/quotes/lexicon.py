"""The word lists behind quote, speaker and coreference rules, read once from models/lexicons.

Keeping the lists in small text files (not in code) lets an editor extend them without touching
the rules, and makes clear what ships: hand-written lists, no model trained on annotated data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[2] / "models" / "lexicons"

INFLECTIONS = ("n", "en", "s", "es", "r", "ns")  # case and plural endings of role nouns

# Lowercase words ending in -e that are never a Konjunktiv I verb form.
NOT_VERBS = frozenset(
    "eine keine meine deine seine ihre unsere eure diese jene welche solche manche alle beide viele "
    "einige wenige andere mehrere heute gerne ohne bitte alleine lange gerade ebenfalls ferne nahe "
    "ganze gleiche weise beinahe ende obere untere innere äußere letzte erste zweite dritte nächste "
    "halbe jede jeder die sie wie nie hie ihre sowie müde leise böse öde träge feige rege trübe lose "
    "selbe dieselbe derselbe".split()
)
# Words after which a lowercase -e form can be a finite verb: a pronoun subject or an adverb.
VERB_CONTEXT = frozenset(
    "er sie es man das dies wer nicht auch noch bereits nun schon jetzt dann nur zudem weiter derzeit "
    "bald kaum sich".split()
)


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    particle: str | None


def _lines(name: str) -> list[str]:
    text = (LEXICONS / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_speech_verbs() -> dict[str, list[SpeechVerb]]:
    """Lowercase verb form -> the verbs it can be; participles and particle+form are added whole."""
    forms: dict[str, list[SpeechVerb]] = {}
    for line in _lines("speech_verbs.txt"):
        head, _, rest = line.partition(":")
        words, _, particle = rest.partition("|")
        particle = particle.strip() or None
        verb = SpeechVerb(head.strip(), particle)
        for form in words.split():
            if particle and form.startswith(particle):  # the participle holds its particle: "angekündigt"
                forms.setdefault(form.lower(), []).append(SpeechVerb(verb.lemma, None))
                continue
            forms.setdefault(form.lower(), []).append(verb)
            if particle:  # verb-final: "mitteilte"
                forms.setdefault(particle + form.lower(), []).append(SpeechVerb(verb.lemma, None))
    return forms


@lru_cache(maxsize=1)
def load_source_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Phrases standing before the source ("laut") and after it ("zufolge"), lowercase."""
    found: dict[str, list[str]] = {"before": [], "after": [], "noun": [], "document": []}
    for line in _lines("source_phrases.txt"):
        where, _, phrase = line.partition(":")
        found[where.strip()].append(phrase.strip().lower())
    return tuple(found["before"]), tuple(found["after"])


@lru_cache(maxsize=1)
def load_document_nouns() -> frozenset[str]:
    """Nouns naming a written source ("Bericht", "Presseerklärung") that can speak in the passive."""
    return frozenset(line.partition(":")[2].strip().lower() for line in _lines("source_phrases.txt")
                     if line.startswith("document:"))


@lru_cache(maxsize=1)
def load_group_nouns() -> frozenset[str]:
    """Nouns for groups, institutions and writings that can be a source ("Polizei", "Fraktion")."""
    return frozenset(word.lower() for word in _lines("groups.txt"))


def is_group_noun(word: str) -> bool:
    """"Polizei", "Behörden", "SPD-Landtagsfraktion": a group noun or a compound ending in one."""
    lower = word.lower().rpartition("-")[2]
    groups = load_group_nouns()
    stems = [lower] + [lower[:-len(ending)] for ending in INFLECTIONS + ("e", "ien") if lower.endswith(ending)]
    return any(stem.endswith(noun) for stem in stems for noun in groups if len(stem) >= len(noun))


@lru_cache(maxsize=1)
def load_person_nouns() -> frozenset[str]:
    """Nouns for people ("Ermittler", "Experte"), derived from a noun lexicon (see the file's header)."""
    return frozenset(_lines("person_nouns.txt"))


def is_person_noun(word: str) -> bool:
    """"Ermittler", "Ermittlerinnen", "Innenexperten": a person noun, or a compound ending in one
    (a listed noun of five letters or more; shorter ones only as the whole word)."""
    lower = word.lower().rpartition("-")[2]
    nouns = load_person_nouns()
    stems = {lower} | {lower[:-len(ending)] for ending in ("innen", "in", "en", "n", "e", "s", "es")
                       if lower.endswith(ending)}
    return any(stem in nouns or any(stem[-size:] in nouns for size in range(5, len(stem)))
               for stem in stems)


@lru_cache(maxsize=1)
def load_source_nouns() -> frozenset[str]:
    """Nouns that make "nach …" an attribution: "nach ersten Angaben", "dem Vernehmen nach"."""
    return frozenset(line.partition(":")[2].strip().lower() for line in _lines("source_phrases.txt")
                     if line.startswith("noun:"))


@lru_cache(maxsize=1)
def load_konjunktiv() -> tuple[frozenset[str], frozenset[str]]:
    """Konjunktiv I forms and the Konjunktiv II forms German uses in their place."""
    first, second = set(), set()
    for line in _lines("konjunktiv.txt"):
        if line.startswith("II:"):
            second.update(line[3:].split())
        else:
            first.update(line.split())
    return frozenset(first), frozenset(second)


@lru_cache(maxsize=1)
def load_roles() -> dict[str, str]:
    """Role noun (lowercase) -> gender m / f / n; looked up as the ending of a compound."""
    return {word: gender for word, gender in (line.split() for line in _lines("roles.txt"))}


@lru_cache(maxsize=1)
def load_first_names() -> dict[str, str]:
    return {name: gender for name, gender in (line.split() for line in _lines("first_names.txt"))}


def role_gender(word: str) -> str | None:
    """Gender of a role noun or a compound ending in one ("Kremlsprecher" -> m), else None."""
    roles = load_roles()
    lower = word.lower()
    stems = [lower] + [lower[:-len(ending)] for ending in INFLECTIONS if lower.endswith(ending)]
    for stem in stems:  # "Präsidenten", "Präsidents"; not "Türkei" for "Türke"
        for size in range(len(stem), 3, -1):
            gender = roles.get(stem[-size:])
            if gender:
                return gender
        gender = roles.get(stem.rpartition("-")[2])  # a short role after a hyphen: "Crocs-CEO", "CEO"
        if gender:
            return gender
    return None


def is_konjunktiv(word: str, previous: str | None = None, following: str | None = None) -> bool:
    """Konjunktiv I by list, or by rule: a lowercase -e form (not -te, the weak past tense) after
    a noun, pronoun or adverb, and not an attributive adjective (before a capitalised noun)."""
    first, second = load_konjunktiv()
    if previous and previous.lower() == "ich":
        return False
    if word in first or word in second:
        return True
    if not re.fullmatch(r"[a-zäöüß]{3,}[^et]e", word) or word in NOT_VERBS:
        return False
    if not previous or not (previous[:1].isupper() or previous.lower() in VERB_CONTEXT):
        return False
    if word.endswith(("ische", "liche", "ene", "ste", "ale", "are", "ive", "elle")):
        return False
    return not (following and following[:1].isupper())
