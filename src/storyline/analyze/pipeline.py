"""The per-article analysis: one ordered tuple of stages, each a plain function.

`analyze_article` is a pure function of (article, shipped models), so it runs the same in
process, in a process pool and inside Spark's mapPartitions. Entity ids and speakers' entity ids
are filled later by the link step, which sees the whole corpus.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from storyline.model import AnalyzedArticle, Article

TIME_LIMIT = 60.0  # seconds per article; a typical 400-word article takes well under 0.1 s


class AnalysisTimeout(RuntimeError):
    """One article took longer than the per-article limit; the caller stores it unanalysed."""

Stage = Callable[[AnalyzedArticle], None]


def add_mentions(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.entities import find_mentions

    analyzed.mentions = find_mentions(analyzed.article)


def add_quotes(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.quotes import find_quotes

    analyzed.quotes = find_quotes(analyzed.article, analyzed.mentions)


def add_labels(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.labels import find_labels

    analyzed.labels = find_labels(analyzed.article, analyzed.mentions)


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
    ("labels", add_labels),
    ("times", add_times),
    ("places", add_places),
    ("quantities", add_quantities),
    ("tone", add_tone),
)


def analyze_article(article: Article, time_limit: float | None = None) -> AnalyzedArticle:
    """Run every stage; with `time_limit`, raise AnalysisTimeout once the article exceeds it."""
    analyzed = AnalyzedArticle(article=article)
    if article.language not in (None, "de"):
        return analyzed  # the models are German: other languages are stored and marked, not misread
    deadline = time.monotonic() + time_limit if time_limit else None
    with _alarm(time_limit):
        for _name, stage in STAGES:
            stage(analyzed)
            if deadline and time.monotonic() > deadline:
                raise AnalysisTimeout(f"analysis took longer than {time_limit:g} s")
    return analyzed


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Interrupt a stage that hangs (SIGALRM, main thread only); other threads get the check
    between stages. An unattended ingest must not stall for months on one pathological text."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum, _frame):
        raise AnalysisTimeout(f"analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
