"""The per-article analysis: one ordered tuple of stages, each a plain function.

`analyze_article` is a pure function of (article, shipped models), so it runs the same in
process, in a process pool and inside Spark's mapPartitions.
"""
from __future__ import annotations

from collections.abc import Callable

from storyline.model import AnalyzedArticle, Article

Stage = Callable[[AnalyzedArticle], None]


def _stages() -> tuple[Stage, ...]:
    """Stages in the order they depend on each other; each fills fields of the AnalyzedArticle."""
    return ()


def analyze_article(article: Article) -> AnalyzedArticle:
    analyzed = AnalyzedArticle(article=article)
    for stage in _stages():
        stage(analyzed)
    return analyzed
