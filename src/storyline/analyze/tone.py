"""Tone and framing of one article: polarity, subjectivity and a genre guess.

Only the author's words count: quoted speech is the source's voice, not the outlet's, so quote
spans are left out. Polarity comes from the German Polarity Lexicon (Klenner et al., Apache 2.0);
subjectivity from opinion markers: evaluative words and epithets, intensifiers, rhetorical
questions, exclamations and the first person.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from storyline.model import AnalyzedArticle, Tone

LEXICONS = Path(__file__).resolve().parents[1] / "models" / "lexicons"
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
ENDINGS = ("", "e", "en", "er", "es", "em", "n", "s", "ern")
NEGATIONS = {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "kaum"}
FIRST_PERSON = {"ich", "wir", "mir", "mich", "uns", "unser", "unsere", "mein", "meine"}


@lru_cache(maxsize=1)
def load_polarity() -> dict[str, float]:
    words: dict[str, float] = {}
    for line in (LEXICONS / "polarity_de.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, polarity, intensity = line.split("\t")
            words[form.lower()] = float(polarity) * float(intensity)
    return words


@lru_cache(maxsize=1)
def load_opinion_markers() -> tuple[dict[str, float], frozenset[str]]:
    """Epithets and evaluative words with polarity, and intensifiers."""
    evaluative: dict[str, float] = {}
    intensifiers: set[str] = set()
    section = ""
    for line in (LEXICONS / "opinion_de.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "intensifiers":
            intensifiers.add(line.strip())
        else:
            word, polarity = line.rsplit(" ", 1)
            evaluative[word] = float(polarity)
    return evaluative, frozenset(intensifiers)


def _lookup(word: str, table: dict[str, float]) -> float | None:
    lower = word.lower()
    for ending in ENDINGS:
        if ending and not lower.endswith(ending):
            continue
        stem = lower[: len(lower) - len(ending)] if ending else lower
        if stem in table:
            return table[stem]
    return None


@lru_cache(maxsize=65536)
def score_word(word: str) -> tuple[float | None, float | None, int]:
    """A word's opinion marker value, its polarity value (the marker's when it is one) and its
    intensifier/first-person count, remembered per process: tone looks up the same few thousand
    words in article after article, each with up to nine endings, and the lexicons never change."""
    polarity_words, (evaluative, intensifiers) = load_polarity(), load_opinion_markers()
    marker = _lookup(word, evaluative)
    value = marker if marker is not None else _lookup(word, polarity_words)
    lower = word.lower()
    return marker, value, (lower in intensifiers) + (lower in FIRST_PERSON)


def author_text(analyzed: AnalyzedArticle) -> str:
    """The article's content sentences with direct and partial quotes blanked out."""
    article = analyzed.article
    chars = list(article.text)
    for quote in analyzed.quotes:
        if quote.kind in ("direct", "partial"):
            chars[quote.start:quote.end] = " " * (quote.end - quote.start)
    return " ".join("".join(chars[s.start:s.end]) for s in article.content_sentences())


def measure_tone(text: str) -> Tone:
    words = WORD.findall(text)
    if not words:
        return Tone(0.0, 0.0, None)
    scores, opinion = [], 0.0
    for index, word in enumerate(words):
        marker, value, cues = score_word(word)
        if value is not None:
            negated = any(w.lower() in NEGATIONS for w in words[max(0, index - 3):index])
            scores.append(-value if negated else value)
        opinion += (marker is not None) * 2 + cues
    opinion += 2 * len(re.findall(r"\?(?!\s*[“\"«»])", text)) + len(re.findall(r"!(?!\s*[“\"«»])", text))
    polarity = sum(scores) / (len(scores) + 5)  # damped: a few words should not swing an article
    subjectivity = min(1.0, (opinion + 0.5 * len(scores)) / len(words) * 10)
    return Tone(round(polarity, 4), round(subjectivity, 4), None)


def guess_genre(text: str, tone: Tone) -> str:
    """Interview (question/answer turns), commentary (opinionated), or report."""
    turns = len(re.findall(r"(?m)^(?:Frage|[A-ZÄÖÜ][\w.]+):\s", text))
    if turns >= 4 or text.count("?") >= 6 and turns >= 2:
        return "interview"
    return "commentary" if tone.subjectivity >= 0.45 else "report"


def add_tone(analyzed: AnalyzedArticle) -> None:
    text = author_text(analyzed)
    tone = measure_tone(text)
    tone.genre = guess_genre(analyzed.article.text, tone)
    analyzed.tone = tone
