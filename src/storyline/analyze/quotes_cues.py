"""Tokens, speech cues and speaker phrases: the small grammar shared by the quote rules.

German attributes speech in few shapes — "…, sagte Putin", "Putin sagte, …", "…, so Putin",
"laut Putin …", "Putin zufolge …" — so a token list with offsets, a verb lexicon and a noun-phrase
reader that knows determiners, adjectives, names and a trailing genitive or origin ("der
Gewaltherrscher aus Pjöngjang", "ein Sprecher des Verteidigungsministeriums in Seoul") cover them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.analyze.quotes_lexicon import load_source_nouns, load_source_phrases, load_speech_verbs

TOKEN = re.compile(r"\w+(?:[-.’']\w+)*|\S")
CLAUSE_BREAKS = {",", ".", ":", ";", "!", "?", "–", "„", "“", "»", "«", '"', "(", ")"}
PRONOUNS = {"er": "m", "sie": "f", "ich": None, "wir": None, "man": None, "es": None}
DETERMINERS = set(
    "der die das des dem den ein eine einer eines einem einen einige einiger mehrere viele zwei drei "
    "vier fünf zahlreiche manche alle beide sein seine ihr ihre dessen deren unser unsere".split()
)
SKIP_AFTER_VERB = set(
    "dann später zudem auch außerdem weiter nun bereits noch inzwischen dazu damals zuvor jedoch "
    "aber gestern heute morgen abends schließlich zuletzt erneut ebenfalls wörtlich demnach "
    "zunächst offenbar sogar wiederum hingegen dagegen etwa bisher sich am im vom".split()
)
LEADING_ADVERBIALS = set(
    "über gegenüber für mit zu von aus unter durch trotz wegen laut um ohne zum zur beim vom "
    "am im in an auf bei nach vor seit während dann später zudem auch danach daher deshalb so "
    "zuvor gestern heute dabei damit darauf jetzt nun bereits schon weiter wie wo als".split()
)
SUBORDINATORS = set("wo als weil nachdem während da wenn obwohl wie".split())
CONJUNCTIONS = {"und", "aber", "doch", "denn", "sondern", "oder"}
NP_LINKS = {"aus", "von", "in", "bei"}
MODALS = set("werden worden wurden sollen müssen können wollen dürfen mögen lassen".split())
AUXILIARIES = set("hat haben hatte hatten ist sind war waren wurde wurden habe sei".split())


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [Token(start + m.start(), start + m.end(), m.group()) for m in TOKEN.finditer(text[start:end])]


def clause_end(tokens: list[Token], i: int) -> int:
    """Index of the first clause break at or after i (or len)."""
    while i < len(tokens) and tokens[i].text not in CLAUSE_BREAKS:
        i += 1
    return i


def is_speech_verb(tokens: list[Token], i: int) -> bool:
    """A speech verb form at i; a separable verb ("stellte … fest") needs its particle later in
    the clause, so that "stellte" alone (put) is not read as "stellte fest" (stated)."""
    verbs = load_speech_verbs().get(tokens[i].lower)
    if not verbs:
        return False
    if any(v.particle is None for v in verbs):
        return True
    rest = {t.lower for t in tokens[i + 1:]}
    return any(v.particle in rest for v in verbs)


def source_phrase_before(tokens: list[Token], i: int) -> int:
    """Length in tokens of a "laut" / "nach Angaben von" phrase starting at i, else 0."""
    before, _ = load_source_phrases()
    for phrase in sorted(before, key=len, reverse=True):
        words = phrase.split()
        if [t.lower for t in tokens[i:i + len(words)]] == words:
            return len(words)
    return _source_noun_phrase(tokens, i)


def _source_noun_phrase(tokens: list[Token], i: int) -> int:
    """"Nach ersten Informationen" / "nach einer Stellungnahme": length up to the noun, else 0."""
    if tokens[i].lower != "nach":
        return 0
    j = i + 1
    while j < len(tokens) and j < i + 4 and tokens[j].text.islower():
        j += 1
    return j + 1 - i if j < len(tokens) and tokens[j].lower in load_source_nouns() else 0


def source_phrase_after(tokens: list[Token], i: int) -> bool:
    """True when token i ends a "zufolge" phrase ("Putin zufolge", "Angaben zufolge")."""
    _, after = load_source_phrases()
    if tokens[i].lower == "nach" and i and tokens[i - 1].lower in load_source_nouns():
        return True  # "Dem Vernehmen nach"
    return tokens[i].lower in {phrase.split()[-1] for phrase in after}


def read_noun_phrase(tokens: list[Token], i: int) -> int:
    """End index (exclusive) of the noun phrase starting at i, or i when there is none."""
    j = i
    while j < len(tokens) and tokens[j].lower in DETERMINERS:
        j += 1
    while j < len(tokens) and _is_adjective(tokens[j]):
        j += 1
    head = j
    while j < len(tokens) and _is_noun(tokens[j]):
        j += 1
    if j == head:
        return i
    return _read_attachment(tokens, j)


def _read_attachment(tokens: list[Token], j: int) -> int:
    """A genitive ("des Ministeriums") or an origin ("aus Pjöngjang") after the head noun."""
    for _ in range(2):
        if j < len(tokens) and tokens[j].lower in {"des", "der"}:
            k = read_noun_phrase(tokens, j)
            j = k if k > j + 1 else j
        if j + 1 < len(tokens) and tokens[j].lower in NP_LINKS and _is_noun(tokens[j + 1]):
            j += 1
            while j < len(tokens) and _is_noun(tokens[j]):
                j += 1
    return j


def _is_adjective(token: Token) -> bool:
    if token.lower in AUXILIARIES or token.lower in MODALS:
        return False
    return token.text.islower() and token.text.endswith(("e", "en", "er", "es", "em")) and len(token.text) > 3


def _is_noun(token: Token) -> bool:
    return token.capitalised and (token.text[0].isalpha()) and token.text not in CLAUSE_BREAKS


def speaker_after(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Token range of the subject right after a verb or "so": skips adverbials ("dann",
    "am Dienstag"); a pronoun or a noun phrase; "es" ("hieß es") is no speaker."""
    while i < len(tokens) and tokens[i].lower in SKIP_AFTER_VERB:
        i += 2 if tokens[i].lower in {"am", "im", "vom"} else 1
    if i >= len(tokens):
        return None
    if tokens[i].lower in PRONOUNS:
        return None if tokens[i].lower in {"es", "man"} else (i, i + 1)
    end = read_noun_phrase(tokens, i)
    return (i, end) if end > i else None


def speaker_before(tokens: list[Token], start: int, verb: int) -> tuple[int, int] | None:
    """Token range of the subject standing before the verb ("Putin sagte"), or None when the
    clause opens with an adverbial and the subject follows the verb. After a relative clause
    ("Deiss, der … hatte, sagte") the subject is the noun phrase opening the sentence."""
    while start < verb and tokens[start].lower in CONJUNCTIONS:
        start += 1
    if start >= verb:
        return _sentence_subject(tokens, verb) if verb and tokens[verb - 1].text == "," else None
    if tokens[start].lower in SUBORDINATORS:  # "wo Putin … erklärt hatte"
        return _subordinate_subject(tokens, start + 1)
    if tokens[start].lower in LEADING_ADVERBIALS:
        return None
    if tokens[start].lower in PRONOUNS and start + 1 == verb:
        return None if tokens[start].lower in {"es", "man"} else (start, verb)
    end = _coordinated_phrase(tokens, start, verb)
    gap = end
    while gap < verb and tokens[gap].lower in AUXILIARIES | SKIP_AFTER_VERB:
        gap += 1  # "Putin hat am Dienstag gesagt"
    if gap == verb and end > start:
        return start, end
    return (start, verb) if end > start and verb - start <= 8 else None


def _coordinated_phrase(tokens: list[Token], start: int, verb: int) -> int:
    end = read_noun_phrase(tokens, start)
    while end < verb and tokens[end].lower == "und":  # "Moskau und Pjöngjang bekräftigten"
        nxt = read_noun_phrase(tokens, end + 1)
        if nxt == end + 1:
            break
        end = nxt
    return end


def _subordinate_subject(tokens: list[Token], i: int) -> tuple[int, int] | None:
    if i < len(tokens) and tokens[i].lower in PRONOUNS:
        return None if tokens[i].lower in {"es", "man"} else (i, i + 1)
    end = read_noun_phrase(tokens, i)
    return (i, end) if end > i else None


def _sentence_subject(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    start = 0
    while start < verb and tokens[start].lower in CONJUNCTIONS:
        start += 1
    if start >= verb or tokens[start].lower in LEADING_ADVERBIALS | SUBORDINATORS:
        return None
    end = read_noun_phrase(tokens, start)
    return (start, end) if end > start and end < verb and tokens[end].text == "," else None


@dataclass
class Found:
    """A quote before speakers are resolved: message, cue and speaker as character spans."""

    start: int
    end: int
    kind: str  # direct | partial | indirect
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    confidence: float = 1.0
    carried: bool = False  # speaker taken over from a neighbouring quote


def char_span(tokens: list[Token], token_range: tuple[int, int] | None) -> tuple[int, int] | None:
    if token_range is None:
        return None
    return tokens[token_range[0]].start, tokens[token_range[1] - 1].end
