"""The per-article analysis: one ordered tuple of stages, each a plain function.

`analyze_article` is a pure function of (article, shipped models), so it runs the same in
process, in a process pool and inside Spark's mapPartitions. Entity ids and speakers' entity ids
are filled later by the link step, which sees the whole corpus.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from storyline import limits
from storyline.collector import fewer_collections
from storyline.model import AnalyzedArticle, Article

TIME_LIMIT = limits.TIME_LIMIT  # seconds per article; callers (and tests) read and set it here


class AnalysisTimeout(limits.TimeLimitExceeded):
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


def add_english_mentions(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.entities.english import find_english_mentions

    analyzed.mentions = find_english_mentions(analyzed.article)


def add_english_quotes(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.quotes.english import find_english_quotes

    analyzed.quotes = find_english_quotes(analyzed.article, analyzed.mentions)


def add_english_times(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.times.english import find_english_times

    analyzed.times = find_english_times(analyzed.article)


def add_english_quantities(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.quantities.english import find_english_quantities

    analyzed.quantities = find_english_quantities(analyzed.article)


def add_english_places(analyzed: AnalyzedArticle) -> None:
    from storyline.analyze.places.english import find_english_places

    analyzed.places = find_english_places(analyzed.article, analyzed.mentions)


# English articles: the German model, cue lists, number formats and tone lexicon would misread
# them, so they get their own readers (figures in English number formats) and no labels or tone.
ENGLISH_STAGES: tuple[tuple[str, Stage], ...] = (
    ("entities", add_english_mentions),
    ("quotes", add_english_quotes),
    ("times", add_english_times),
    ("places", add_english_places),
    ("quantities", add_english_quantities),
)
ANALYSED_LANGUAGES = (None, "de", "en")


def stages_for(language: str | None) -> tuple[tuple[str, Stage], ...]:
    """The stages for a language, looked up at call time (tests and benchmarks replace STAGES)."""
    return ENGLISH_STAGES if language == "en" else STAGES


def analyze_article(article: Article, time_limit: float | None = None, parsed: list | None = None,
                    vectors: bool = True) -> AnalyzedArticle:
    """Run the stages of the article's language; with `time_limit`, raise AnalysisTimeout once
    the article exceeds it.

    `parsed`: the model's Docs of the article's sentences (an empty list for an article the
    model does not read), when `analyze_articles` parsed several articles together; the entity
    stage then reads them instead of calling the model, and `analyze_articles` adds the vectors
    of the chunk after all its articles ran their stages.
    """
    analyzed = AnalyzedArticle(article=article)
    if not is_analysed(article):
        return analyzed  # no readers for this language: stored and marked, not misread
    deadline = time.monotonic() + time_limit if time_limit else None
    with fewer_collections(), _alarm(time_limit):
        for _name, stage in stages_for(article.language):
            if stage is add_mentions and parsed is not None:
                add_parsed_mentions(analyzed, parsed)
            else:
                stage(analyzed)
            if deadline and time.monotonic() > deadline:
                raise AnalysisTimeout(f"analysis took longer than {time_limit:g} s")
        if parsed is None and vectors:
            analyzed.vector = encode_vectors([article])[0]
    return analyzed


def is_analysed(article: Article) -> bool:
    return article.language in ANALYSED_LANGUAGES


def is_german(article: Article) -> bool:
    return article.language in (None, "de")


def encode_vectors(articles: list[Article]) -> list:
    """The articles' vectors (None for each when the encoder fails: the story linker then uses
    terms and names alone)."""
    from storyline.analyze.article_vector import encode_articles

    try:
        return encode_articles(articles)
    except Exception:  # noqa: BLE001 - a vector is a help for linking, never a reason to lose an article
        return [None] * len(articles)


def add_parsed_mentions(analyzed: AnalyzedArticle, parsed: list) -> None:
    from storyline.analyze.entities import find_mentions

    analyzed.mentions = find_mentions(analyzed.article, parsed)


def analyze_articles(articles: list[Article], time_limit: float | None = None,
                     vectors: bool = True) -> list[AnalyzedArticle | Exception]:
    """`analyze_article` for several articles, with one model call for the entities of all.

    A worker with a chunk of articles saves the model's fixed cost per call (≈ 1 ms per article,
    docs/speed.md round three), with the same entities. Each article still runs its stages alone:
    one that fails, exceeds `time_limit` or the memory limit (`limits.memory_limit`, for a process
    that was not started capped) comes back as its exception, in its place, and the others go on.
    If the shared model call fails or exceeds a limit, each article calls the model itself, as
    `analyze_article` does. The vectors are encoded after the limit, once for the chunk.

    `vectors=False` leaves out the article vectors, which only the story linker reads and only
    across languages: `storyline analyze` adds them afterwards when its input is mixed
    (`add_vectors_across_languages`), so German input does not pay for the encoder.
    """
    results: list[AnalyzedArticle | Exception] = []
    with fewer_collections(), limits.memory_limit():  # a MemoryError costs its article (or the shared parse)
        for article, parsed in zip(articles, parse_together(articles, time_limit)):
            try:
                results.append(analyze_article(article, time_limit, parsed, vectors))
            except Exception as error:  # one bad article must not cost the others their analysis
                results.append(error)
    if vectors:
        add_vectors([r for r in results if isinstance(r, AnalyzedArticle)])
    return results


def add_vectors(analyzed: list[AnalyzedArticle]) -> None:
    """Encode the analysed articles that have no vector yet, in one go."""
    waiting = [item for item in analyzed if item.vector is None and is_analysed(item.article)]
    for item, vector in zip(waiting, encode_vectors([item.article for item in waiting])):
        item.vector = vector


def crosses_languages(analyzed: list[AnalyzedArticle]) -> bool:
    """Whether an analysed article is not German: only then does the story linker compare vectors."""
    return any(is_analysed(item.article) and not is_german(item.article) for item in analyzed)


def add_vectors_across_languages(analyzed: list[AnalyzedArticle]) -> None:
    """Vectors for articles analysed without them, when they are needed (`crosses_languages`)."""
    if crosses_languages(analyzed):
        add_vectors(analyzed)


def parse_together(articles: list[Article], time_limit: float | None) -> list[list | None]:
    """Each article's parsed sentences from one model call, or None for every article when that
    call fails (each article then parses its own, and fails or times out alone)."""
    from storyline.analyze.entities.mentions import BATCH_SIZE
    from storyline.analyze.entities.spacy_runtime import parse_articles

    german = [article for article in articles if is_german(article)]
    try:
        with _alarm(time_limit):
            parsed = iter(parse_articles(german, BATCH_SIZE))
    except Exception:  # noqa: BLE001 - the articles alone will show (and report) the problem
        return [None] * len(articles)
    return [next(parsed) if is_german(article) else [] if is_analysed(article) else None for article in articles]


def _alarm(seconds: float | None):
    """Interrupt a stage that hangs: an unattended ingest must not stall on one pathological text."""
    return limits.time_limit(seconds, AnalysisTimeout, "analysis")
