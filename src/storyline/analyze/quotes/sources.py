"""Written sources as speakers: "In der Pressemitteilung heißt es", "In einem Bericht wurde
vermutet", "heißt es in einer gestern verbreiteten Erklärung".

A document speaks through "heißt es" or a passive cue and is named after "in"/"im"; a lexicon of
document nouns keeps places ("in Berlin") out.
"""
from __future__ import annotations

from storyline.analyze.quotes.cues import CLAUSE_BREAKS, DETERMINERS, RELATIVE_OPENERS, Token, is_noun, read_noun_phrase
from storyline.analyze.quotes.lexicon import load_document_nouns, load_source_nouns


def document_source(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """"In der Pressemitteilung des WWF heißt es", "heißt es im Bericht": the noun phrase after
    "in"/"im"/"auf" in the clause of the verb."""
    start, stop = verb, verb + 1
    while start > 0 and tokens[start - 1].text not in CLAUSE_BREAKS:
        start -= 1
    while stop < len(tokens) and tokens[stop].text not in CLAUSE_BREAKS:
        stop += 1
    found = _document_in(tokens, start, stop)
    if found is None and start > 1 and tokens[start - 1].text == ",":
        # "In der Vorabversion des Berichts, der … ins Netz gestellt wurde, heißt es": the
        # document stands before the relative clause that ends at the comma
        relative = start - 1
        while relative > 0 and tokens[relative - 1].text not in CLAUSE_BREAKS:
            relative -= 1
        if relative > 1 and tokens[relative - 1].text == "," and tokens[relative].lower in RELATIVE_OPENERS:
            before = relative - 1
            while before > 0 and tokens[before - 1].text not in CLAUSE_BREAKS:
                before -= 1
            found = _document_in(tokens, before, relative - 1)
    return found


def _document_in(tokens: list[Token], start: int, stop: int) -> tuple[int, int] | None:
    for j in range(start, stop - 1):
        if tokens[j].lower in {"in", "im", "auf", "aus"}:
            end = read_noun_phrase(tokens, j + 1)
            end = end if end > j + 1 else _loose_phrase_end(tokens, j + 1, stop)
            if end > j + 1:
                return j + 1, min(end, stop)
    return None


def _loose_phrase_end(tokens: list[Token], i: int, stop: int) -> int:
    """"einer gestern verbreiteten Erklärung": an article, a few lowercase words, then the noun."""
    if tokens[i].lower not in DETERMINERS:
        return i
    for k in range(i + 1, min(i + 5, stop)):
        if is_noun(tokens[k]):
            return k + 1
    return i


def written_source(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """"In einer Presseerklärung, die …, wurde verkündet", "So wird in einer Pressemitteilung der
    Organisation gefordert": a document after "in"/"im" anywhere before the verb; the head noun
    must name a document, so that "in Berlin" is no source."""
    for j in range(verb - 1):
        if tokens[j].lower not in {"in", "im"}:
            continue
        end = read_noun_phrase(tokens, j + 1)
        heads = [t for t in tokens[j + 1:end] if t.capitalised]
        if heads and is_document_noun(heads[0]):
            return j + 1, min(end, verb)
    return None


EMERGES = frozenset({"hervorgeht", "hervorging", "hervorgehe"})


def emerging_source(tokens: list[Token], start: int, stop: int) -> tuple[int, int] | None:
    """"Dies geht aus einer Pressemitteilung des Konzerns hervor", "Wie aus einer Verlautbarung
    der ISAF hervorgeht, …": what something "emerges from" is its written source, the noun phrase
    after "aus" in tokens[start:stop] (the clause whose verb is "hervorgehen")."""
    at = next((j for j in range(start, stop - 1) if tokens[j].lower == "aus"), None)
    if at is None:
        return None
    end = read_noun_phrase(tokens, at + 1)
    end = end if end > at + 1 else _loose_phrase_end(tokens, at + 1, stop)
    return (at + 1, min(end, stop)) if end > at + 1 else None


def is_document_noun(token: Token) -> bool:
    """"Bericht", or a compound ending in one: "Presseerklärung", "Abschlussbericht"."""
    lower = token.lower
    return token.capitalised and any(lower.endswith(noun) for noun in load_document_nouns())


def is_passive_cue(tokens: list[Token], verb: int) -> bool:
    """A participle cue with a passive auxiliary before it in the sentence ("wurde verkündet")."""
    return verb > 0 and any(t.lower in {"wird", "wurde", "werden", "wurden"} for t in tokens[max(0, verb - 8):verb])


LINKING_S_STEMS = ("ung", "heit", "keit", "schaft", "tion", "tät", "ium", "um", "amt", "ment", "tum", "en")


def compound_source(word: str) -> str | None:
    """The source a compound source noun names: "Regierungsangaben" -> "Regierung",
    "Polizeiangaben" -> "Polizei", "UN-Angaben" -> "UN"; None for a bare noun
    ("Angaben", "ersten Informationen").

    A reader asked who said "Nach Regierungsangaben seien 40 Menschen getötet worden" answers
    "the government", not "Regierungsangaben": the figures are the government's, and the article
    names no person, so the speaker is the named group, never a person resolved from the context.
    A bare source noun names nobody; it stays the speaker phrase and is not resolved either."""
    head, _, tail = word.rpartition("-")
    if head and tail.lower() in load_source_nouns():
        return head  # "UN-Angaben"
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    lower = word.lower()
    if lower in load_source_nouns():
        return None  # "Einschätzung" is a noun of the list, not "Ein" + "Schätzung"
    nouns = [noun for noun in load_source_nouns() if lower.endswith(noun) and len(lower) - len(noun) >= 3
             and noun.endswith("n")]  # plural statements ("Polizeiangaben"); "Abschlussbericht" names a kind
    if not nouns:
        return None
    stem = word[:len(word) - max(len(noun) for noun in nouns)]
    if stem.endswith("s") and stem[:-1].lower().endswith(LINKING_S_STEMS):
        stem = stem[:-1]  # the linking s: "Regierungs-", "Ministeriums-", "Unternehmens-"
    return stem if len(stem) >= 3 else None
