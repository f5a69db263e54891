"""The one place that knows the order: read → analyse → link → store.

The CLI, the web API, `watch` and the batch engines call these functions; the stages below never
call back up. Ingest order of writes, each its own transaction: the article; its analysis with its
entities and quotes; then, for the batch, the stories. A run killed at any point loses no stored
article, and the next run finishes what is missing (articles without analysis, analyses without
story). The analysis runs in worker processes (`analyze.parallel`) and comes back in input order,
so the link step sees what one process would see.
"""
from __future__ import annotations

import fcntl
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.ingest.dedupe import fingerprint
from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, read_paths
from storyline.model import AnalyzedArticle, Article

OnItem = Callable[[Article | Problem], None]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # already stored (same text)
    id_taken: list[str] = field(default_factory=list)  # an id already used by a different text
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # stories that gained articles

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def read(self) -> int:
        return len(self.added) + len(self.duplicates) + len(self.id_taken)

    def as_dict(self) -> dict:
        return {
            "added": len(self.added), "duplicates": len(self.duplicates), "id_taken": self.id_taken,
            "near_duplicates": [{"article": a, "copy_of": b, "similarity": s} for a, b, s in self.near_duplicates],
            "problems": [problem_dict(p) for p in self.problems],
            "added_ids": self.added, "stories": self.stories,
        }


def problem_dict(problem: Problem) -> dict:
    return {"path": problem.path, "where": problem.where, "reason": problem.reason, "severity": problem.severity}


STORED_UNANALYSED = "; stored without analysis (`storyline ingest --retry-failed` tries again)"


def analysis_problem(article: Article, error: Exception, retry: str = STORED_UNANALYSED) -> Problem:
    """The report line for an article whose analysis failed or ran out of time; `retry` says
    what became of the article (ingest stores it unanalysed, analyze leaves it out)."""
    from storyline.analyze.pipeline import AnalysisTimeout

    if isinstance(error, AnalysisTimeout):
        return Problem(article.path or "?", f"{article.id}: {error}{retry}")
    traceback.print_exception(error)
    return Problem(article.path or "?", f"analysis failed for {article.id}: {type(error).__name__}: {error}{retry}")


# --- analyse files without a store (`storyline analyze`) -----------------------------------------

def analyze_paths(paths: Iterable[str | Path], options: ReadOptions | None = None, on_article: OnItem | None = None,
                  workers: int | None = None) -> tuple[dict, list[Problem]]:
    """The JSON document of `docs/json.md` for the given files, and what was set aside."""
    from storyline.analyze.parallel import analyze_stream
    from storyline.analyze.pipeline import TIME_LIMIT, add_vectors_across_languages
    from storyline.jsondoc import analysis_document
    from storyline.link.corpus import link_entities, link_stories

    analyzed, problems = [], []
    articles = _articles_only(read_paths(paths, options), problems, on_article)
    for article, result in analyze_stream(articles, workers, TIME_LIMIT, vectors=False):
        if isinstance(result, Exception):
            problems.append(analysis_problem(article, result, "; left out of the analysis"))
        else:
            analyzed.append(result)
        if on_article:
            on_article(article)
    add_vectors_across_languages(analyzed)  # German input needs no encoder: no vectors, no load
    registry = link_entities(analyzed)
    stories = link_stories(analyzed) if analyzed else []
    document = analysis_document(analyzed, registry.as_list(), stories, problems=[problem_dict(p) for p in problems])
    return document, problems


def _articles_only(items: Iterable[Article | Problem], problems: list[Problem],
                   on_article: OnItem | None) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            if on_article:
                on_article(item)
        else:
            yield item


# --- ingest into a store ------------------------------------------------------------------------

class Linker:
    """Analyses stored articles and links them: entities as they come, stories at the end of a batch."""

    def __init__(self, store, time_limit: float | None = None, workers: int | None = None,
                 retry_failed: bool = False):
        from storyline.analyze.pipeline import TIME_LIMIT
        from storyline.store.linked import load_registry

        self.store = store
        self.time_limit = time_limit or TIME_LIMIT
        self.workers = workers
        self.retry_failed = retry_failed  # analyse again the articles an earlier run could not
        self.failed: set[str] = set()  # not retried in this run's `finish`
        self._lock = hold_link_lock(store)
        self.registry = load_registry(store)

    def analyze(self, articles: Iterable[Article], report: IngestReport, on_article: OnItem | None = None) -> None:
        """Analyse (in workers), link and save each article; a failed one is reported, stays
        stored unanalysed and is recorded, so later runs leave it alone until `--retry-failed`."""
        from storyline.analyze.parallel import analyze_stream
        from storyline.store.linked import record_failure

        for article, result in analyze_stream(articles, self.workers, self.time_limit, vectors=False):
            if isinstance(result, Exception):
                self.failed.add(article.id)
                problem = analysis_problem(article, result)
                report.problems.append(problem)
                record_failure(self.store, article.id, problem.reason)
            else:
                self.save(result)
            if on_article:
                on_article(article)

    def save(self, analyzed: AnalyzedArticle) -> None:
        from storyline.link.corpus import link_entities
        from storyline.store.linked import save_analysis

        link_entities([analyzed], self.registry)
        save_analysis(self.store, analyzed, self.registry)

    def finish(self, report: IngestReport) -> None:
        """Analyse what an earlier, interrupted run left, then assign stories."""
        from storyline.store.linked import analyzed_without_story, unanalyzed_articles

        left = [article_id for article_id in unanalyzed_articles(self.store, include_failed=self.retry_failed)
                if article_id not in self.failed]
        self.analyze((self.store.get_article(article_id) for article_id in left), report)
        waiting = analyzed_without_story(self.store)
        if waiting:
            report.stories = assign_stories(self.store, waiting)
        self.release()

    def release(self) -> None:
        """Let another process link (closing the lock file releases the lock); safe to repeat."""
        if self._lock:
            self._lock.close()
            self._lock = None


def hold_link_lock(store):
    """An exclusive lock on `<store file>.link-lock`, held until `finish` (or the process dies).

    The entity registry and the story stream state are read once and written back later; two
    analysing ingests into one SQLite file would overwrite each other's entities and stories. The
    second one waits here instead. The kernel drops the lock of a killed process.
    """
    database = store.engine.url.database
    if store.dialect != "sqlite" or not database or database == ":memory:":
        return None
    handle = open(f"{database}.link-lock", "a")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def ingest_paths(store, paths: Iterable[str | Path], options: ReadOptions | None = None,
                 on_article: OnItem | None = None, analyze: bool = True, workers: int | None = None,
                 retry_failed: bool = False) -> IngestReport:
    """Store every readable article, analyse and link the new ones; a bad file or record never
    stops the batch. `on_article` is called once per item read, when it is done with. Articles an
    earlier run stored without analysis are analysed too, except those whose analysis failed
    (reported once), unless `retry_failed`."""
    report = IngestReport()
    items = read_paths(paths, options)
    if not analyze:
        for _ in store_new(store, items, report, on_article, notify_new=True):
            pass
        return report
    linker = Linker(store, workers=workers, retry_failed=retry_failed)
    try:
        linker.analyze(store_new(store, items, report, on_article), report, on_article)
        linker.finish(report)
    finally:
        linker.release()
    return report


def store_new(store, items: Iterable[Article | Problem], report: IngestReport, on_article: OnItem | None = None,
              notify_new: bool = False) -> Iterator[Article]:
    """Store each article once and yield the ones that are new; problems and duplicates go to the
    report (and to `on_article` at once; new articles only with `notify_new`, else after analysis)."""
    for item in items:
        new = isinstance(item, Article) and store_one(store, item, report)
        if isinstance(item, Problem):
            report.problems.append(item)
        if new:
            yield item
        if on_article and (notify_new or not new):
            on_article(item)


def store_one(store, article: Article, report: IngestReport) -> bool:
    result = store.add_article(article, fingerprint(article.text))
    if result.status == "added":
        report.added.append(result.article_id)
        report.near_duplicates += [(result.article_id, other, score) for other, score in result.near_duplicates]
        return True
    if result.status == "duplicate":
        report.duplicates.append(result.article_id)
    else:
        report.id_taken.append(result.article_id)
        report.problems.append(Problem(article.path or "?", f"id {article.id!r} is already used by a different "
                                       "article; this one was not stored", severity="error"))
    return False


# --- stories over the store ---------------------------------------------------------------------

def assign_stories(store, article_ids: list[str], index=None) -> list[str]:
    """Assign the given analysed articles in date order; returns the ids of the stories touched.

    The stream state (`StoryIndex`) is saved with the story rows in one transaction, so an
    interrupted run leaves analysed articles without a story, and the next run assigns them.
    """
    from storyline.link.features import features_of
    from storyline.link.stories import assign_story
    from storyline.link.story_index import StoryIndex, resolve_story
    from storyline.link.story_view import date_order, describe_story
    from storyline.store.linked import load_analysis, load_state, save_stories

    index = index or load_state(store, "story_index") or StoryIndex()
    items = sorted(filter(None, (load_analysis(store, i) for i in article_ids)), key=date_order)
    add_vectors_when_needed(store, index, items)
    for analyzed in items:
        assign_story(index, features_of(analyzed))
    touched = sorted({resolve_story(index, index.article_story[a.article.id]) for a in items})
    stories = [describe_story(story_id, [load_analysis(store, a) for a in index.story_articles[story_id]])
               for story_id in touched]
    save_stories(store, index, stories)
    return touched


def add_vectors_when_needed(store, index, items: list[AnalyzedArticle]) -> None:
    """Article vectors only where stories may cross languages: when an analysed article in another
    language than German is among the new ones, or the stories hold one already. A German-only
    store never loads the encoder (about 9 ms per article); the first article in another language
    gives the open stories their vectors then, from their stored articles."""
    import numpy as np

    from storyline.analyze.pipeline import add_vectors, crosses_languages
    from storyline.link.crosslingual import vector_stories
    from storyline.store.linked import load_analysis

    if not vector_stories(index) and not crosses_languages(items):
        return
    add_vectors(items)
    for story in index.stories.values():
        if getattr(story, "vector_sum", None) is None:
            members = list(filter(None, (load_analysis(store, i) for i in index.story_articles.get(story.id, ()))))
            add_vectors(members)
            vectors = [member.vector for member in members if member.vector is not None]
            if vectors:
                story.vector_sum = np.sum(vectors, axis=0).astype(np.float32)
                story.vector_count = len(vectors)


def recluster(store) -> list[str]:
    """Forget every story and rebuild them from scratch in date order."""
    from storyline.link.story_index import StoryIndex
    from storyline.store.linked import analyzed_without_story, forget_stories

    forget_stories(store)
    return assign_stories(store, analyzed_without_story(store), StoryIndex())


# --- batch (`storyline batch`): the same analysis over many files, on a process pool or Spark ------

def run_batch(paths: list[str], options, engine: str = "local", master: str | None = None):
    """Analyse into Parquet (articles/, stories/, problems/ under `options.out`); see `engine.batch`."""
    if engine == "spark":
        from storyline.engine.spark import run_spark

        return run_spark(paths, options, master=master)
    if engine == "local":
        from storyline.engine.local import run_local

        return run_local(paths, options)
    from storyline.engine.batch import ENGINES

    raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


# --- feeds (`storyline watch`) ------------------------------------------------------------------

@dataclass
class Poll:
    number: int
    report: IngestReport = field(default_factory=IngestReport)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # feeds that could not be read this poll
    deferred: int = 0  # entries left for the next poll by the per-host cap

    @property
    def added(self) -> list[str]:
        return self.report.added

    @property
    def stories(self) -> list[str]:
        return self.report.stories

    @property
    def problems(self) -> list[Problem]:
        return self.report.problems

    def as_dict(self) -> dict:
        return {"poll": self.number, "unchanged": self.unchanged, "failed_feeds": self.failed,
                "deferred": self.deferred, **self.report.as_dict()}


def watch_feeds(store, feeds: list[str], options, on_poll: Callable[[Poll], None] | None = None,
                sleep: Callable[[float], None] = time.sleep) -> list[Poll]:
    """Poll every `options.every` seconds until `max_polls` (or forever); returns the polls made.
    Which entries were seen and each feed's validators are kept in the store between runs."""
    import httpx

    from storyline.ingest.watch import HostGate

    states, polls = load_feed_states(store), []
    gate = HostGate(options.delay, sleep=sleep)
    headers = {"User-Agent": options.user_agent}
    with httpx.Client(timeout=options.timeout, follow_redirects=False, headers=headers) as client:  # see ingest.net
        while options.max_polls is None or len(polls) < options.max_polls:
            started = time.monotonic()
            polls.append(poll_once(store, feeds, states, len(polls) + 1, options, client, gate, sleep))
            if on_poll:
                on_poll(polls[-1])
            if options.max_polls is not None and len(polls) >= options.max_polls:
                break
            sleep(max(0.0, options.every - (time.monotonic() - started)))
    return polls


def poll_once(store, feeds: list[str], states: dict, number: int, options, client, gate, sleep=time.sleep) -> Poll:
    """One round over all feeds; each new page is stored and analysed as it comes, and stories
    are assigned once at the end of the round."""
    from storyline.ingest.watch import FeedState, poll_feed

    poll, linker, per_host = Poll(number), Linker(store, workers=1), {}

    def take(items: list) -> None:
        linker.analyze(store_new(store, items, poll.report), poll.report)

    try:
        for url in feeds:
            found = poll_feed(take, client, gate, url, states.setdefault(url, FeedState()), options, per_host, sleep)
            if found.unchanged:
                poll.unchanged.append(url)
            if found.problems:
                poll.failed.append(url)
            poll.deferred += found.deferred
            poll.report.problems += found.problems
        linker.finish(poll.report)
    finally:
        linker.release()
        save_feed_states(store, states)  # what this pass saw is kept even when it ends early
    return poll


def load_feed_states(store) -> dict:
    from storyline.ingest.watch import FeedState
    from storyline.store.linked import load_json_state

    return {url: FeedState(**value) for url, value in (load_json_state(store, "feeds") or {}).items()}


def save_feed_states(store, states: dict) -> None:
    from storyline.ingest.watch import SEEN_KEPT
    from storyline.store.linked import save_json_state

    save_json_state(store, "feeds", {url: {"etag": s.etag, "modified": s.modified, "seen": s.seen[-SEEN_KEPT:]}
                                     for url, s in states.items()})
