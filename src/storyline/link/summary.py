"""Extractive multi-source summary: central sentences, never the same sentence twice.

Agency copies repeat sentences word for word or nearly so; a sentence whose words overlap a
chosen one by more than `REPEAT` is skipped, so the summary draws on different sources.
"""
from __future__ import annotations

import re
from collections import Counter

from storyline.link.story_view import shown_sentence
from storyline.model import AnalyzedArticle

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
REPEAT = 0.5


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def summarize(members: list[AnalyzedArticle], size: int = 4) -> list[dict]:
    """Up to `size` sentences: those sharing most words with the whole story, from the leads first."""
    candidates = []
    for analyzed in members:
        article = analyzed.article
        for rank, sentence in enumerate(article.content_sentences()[:12]):
            text = shown_sentence(article.text[sentence.start:sentence.end])
            if len(text) > 40 and not _is_heading(analyzed, sentence.start):
                candidates.append((article, rank, text))
    counts = Counter(w for _, _, text in candidates for w in _words(text))
    scored = sorted(candidates, key=lambda c: -(sum(counts[w] for w in _words(c[2])) / (len(_words(c[2])) + 3)
                                                 / (1 + 0.15 * c[1])))
    chosen: list[dict] = []
    for article, _rank, text in scored:
        if all(_overlap(text, c["sentence"]) <= REPEAT for c in chosen):
            chosen.append({"sentence": text, "article": article.id, "outlet": article.outlet})
        if len(chosen) == size:
            break
    return chosen


def _overlap(a: str, b: str) -> float:
    left, right = _words(a), _words(b)
    return len(left & right) / (min(len(left), len(right)) or 1)


def _is_heading(analyzed: AnalyzedArticle, offset: int) -> bool:
    return any(b.kind == "heading" and b.start <= offset < b.end for b in analyzed.article.blocks)
