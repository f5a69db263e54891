"""English quotes: quoted speech with its speech verb, reported speech ("X said that …") and
sources ("according to X").

The German attribution reads "sagte", Konjunktiv I and "laut"; English news marks speech with a
handful of verbs around a quotation or a that-clause, so a few cue patterns over the sentence
suffice. The speaker is the name next to the cue; "he"/"she" is the last person named before.
"""
from __future__ import annotations

import re

from storyline.analyze.entities.english import role_before
from storyline.model import Article, Mention, Quote, Sentence

VERBS = r"(?:said|says|told|added|explained|warned|insisted|argued|stressed|claimed|wrote|tweeted|announced|" \
        r"admitted|confirmed|noted|replied|urged|stated)"
DIRECT = re.compile(r"[\"“”]([^\"“”]{8,}?)[\"“”]")
PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
CUE = re.compile(rf"\b{VERBS}\b")
REPORTED = re.compile(rf"\b(?P<cue>{VERBS})(?: (?:reporters|journalists|officials|lawmakers|supporters|the [A-Z][\w ]{{1,30}}?|[A-Z]\w+(?: [A-Z]\w+)*|"
                      rf"him|her|them|us|me))?(?: (?:on|in) \w+)?,?(?: that)? (?P<clause>[^\"“”]{{12,}})$")
ACCORDING = re.compile(r"\b(?P<cue>[Aa]ccording to) (?P<source>[^,.;]{2,80}?)(?=[,.;]|$)")
SPEAKER_TYPES = ("PER", "ORG", "LOC")  # "South Korea said": a country speaks for its government


def mentions_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if start <= m.start and m.end <= end and m.type in SPEAKER_TYPES]


def last_person_before(mentions: list[Mention], offset: int) -> Mention | None:
    people = [m for m in mentions if m.type == "PER" and m.end <= offset]
    return people[-1] if people else None


def speaker_near(article: Article, mentions: list[Mention], cue_start: int, cue_end: int,
                 sentence: Sentence, outside: tuple[int, int]) -> tuple[str | None, Mention | None, tuple[int, int] | None]:
    """The name right after the cue ("said Smith"), else the nearest name before it, else a pronoun
    resolved to the last person named; spans inside the quote itself do not count."""
    candidates = [m for m in mentions_in(mentions, sentence.start, sentence.end)
                  if not (outside[0] <= m.start < outside[1])]
    after = [m for m in candidates if 0 <= m.start - cue_end <= 2 or named_after_role(article.text[cue_end:m.start])]
    before = [m for m in candidates if m.end <= cue_start]
    if after:
        return after[0].text, after[0], (after[0].start, after[0].end)
    if before:
        return before[-1].text, before[-1], (before[-1].start, before[-1].end)
    window = article.text[max(sentence.start, cue_start - 20):cue_start]
    pronoun = list(PRONOUN.finditer(window))
    if pronoun:
        start = max(sentence.start, cue_start - 20) + pronoun[-1].start()
        person = last_person_before(mentions, start)
        return pronoun[-1].group(), person, (start, start + len(pronoun[-1].group()))
    return None, None, None


def named_after_role(gap: str) -> bool:
    """Whether the words between a cue and a name are the speaker's office: "said Prosecutor
    Wolfgang Giese", "said Kremlin spokesman Dmitry Peskov"."""
    role = role_before(gap) if 0 < len(gap) <= 60 else None
    return role is not None and gap.strip() == role


def make_quote(start: int, end: int, article: Article, kind: str, cue: str, speaker) -> Quote:
    speaker_text, person, span = speaker
    quote = Quote(start, end, article.text[start:end], kind, cue, speaker_text,
                  span[0] if span else None, span[1] if span else None)
    if person is not None:
        quote.resolved_start, quote.resolved_end, quote.resolved_text = person.start, person.end, person.text
        quote.resolved_confidence = 1.0 if person.text == speaker_text else 0.6
        quote.speaker_kind = "name" if person.text == speaker_text else "pronoun"
    return quote


def direct_quotes(article: Article, sentence: Sentence, mentions: list[Mention]) -> list[Quote]:
    text = article.text[sentence.start:sentence.end]
    quotes = []
    for m in DIRECT.finditer(text):
        rest = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        cue = CUE.search(rest)
        if not cue:
            continue
        start, end = strip_span(article.text, sentence.start + m.start(1), sentence.start + m.end(1))
        cue_start, cue_end = sentence.start + cue.start(), sentence.start + cue.end()
        speaker = speaker_near(article, mentions, cue_start, cue_end, sentence, (start, end))
        kind = "direct" if len(m.group(1).split()) >= 4 else "partial"
        quotes.append(make_quote(start, end, article, kind, cue.group(), speaker))
    return quotes


def reported_quotes(article: Article, sentence: Sentence, mentions: list[Mention]) -> list[Quote]:
    text = article.text[sentence.start:sentence.end].rstrip()
    if DIRECT.search(text):
        return []
    found = REPORTED.search(text) or ACCORDING.search(text)
    if not found:
        return []
    if "source" in found.groupdict():
        source_start = sentence.start + found.start("source")
        person = next((m for m in mentions_in(mentions, source_start, sentence.start + found.end("source"))), None)
        speaker = (found.group("source"), person, (source_start, sentence.start + found.end("source")))
        rest = (text[:found.start()] + text[found.end():]).strip(" ,.")
        if len(rest) < 12:
            return []
        start = sentence.start + (found.end() + 1 if found.start() == 0 else 0)
        end = sentence.start + (found.start() if found.start() > 0 else len(text))
        start, end = strip_span(article.text, start, end)
        return [make_quote(start, end, article, "indirect", found.group("cue"), speaker)] if end - start >= 12 else []
    cue_start, cue_end = sentence.start + found.start("cue"), sentence.start + found.end("cue")
    clause_start = sentence.start + found.start("clause")
    speaker = speaker_near(article, mentions, cue_start, cue_end, sentence, (clause_start, sentence.end))
    if speaker[0] is None:
        return []
    start, end = strip_span(article.text, clause_start, sentence.start + len(text))
    return [make_quote(start, end, article, "indirect", found.group("cue"), speaker)]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:":
        start += 1
    while end > start and text[end - 1] in " ,;:.":
        end -= 1
    return start, end


def find_english_quotes(article: Article, mentions: list[Mention]) -> list[Quote]:
    """Quotes of an English article in text order, one reading per sentence part."""
    quotes = []
    for sentence in article.content_sentences():
        quotes.extend(direct_quotes(article, sentence, mentions) or reported_quotes(article, sentence, mentions))
    return quotes
