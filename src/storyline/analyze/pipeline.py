"""The per-article analysis: one ordered tuple of stages, each a plain function.

`analyze_article` is a pure function of (article, shipped models), so it runs the same in
process, in a process pool and inside Spark's mapPartitions. Entity ids and speakers' entity ids
are filled later by the link step, which sees the whole corpus.
"""
from __future__ import annotations

from collections.abc import Callable

from storyline.model import AnalyzedArticle, Article

Stage = Callable[[AnalyzedArticle], None]


def add_mentions(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.entities import find_mentions

    analyzed.mentions = find_mentions(analyzed.article)


def add_quotes(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.quotes import find_quotes

    analyzed.quotes = find_quotes(analyzed.article, analyzed.mentions)


def add_times(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.times import find_times

    analyzed.times = find_times(analyzed.article)


def add_places(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.places import find_places

    analyzed.places = find_places(analyzed.article, analyzed.mentions)


def add_quantities(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.quantities import find_quantities

    analyzed.quantities = find_quantities(analyzed.article)


def add_tone(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.tone import add_tone as measure

    measure(analyzed)


# In dependency order: quotes and places read the mentions, tone leaves quoted speech out.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("entities", add_mentions),
    ("quotes", add_quotes),
    ("times", add_times),
    ("places", add_places),
    ("quantities", add_quantities),
    ("tone", add_tone),
)


def analyze_article(article: Article) -> AnalyzedArticle:
    analyzed = AnalyzedArticle(article=article)
    if article.language not in (None, "de"):
        return analyzed  # the models are German: other languages are stored and marked, not misread
    for _name, stage in STAGES:
        stage(analyzed)
    return analyzed
