"""Ingest: read every input, store each article once, analyse it, link it, report what was set aside.

Order of writes, each its own transaction: the article; its analysis with its entities and
quotes; then, for the batch, the stories. A run killed at any point loses no stored article, and
the next run finishes what is missing (articles without analysis, analyses without story).
"""
from __future__ import annotations

import fcntl
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.ingest.dedupe import fingerprint
from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, read_paths
from storyline.model import Article


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
            "problems": [{"path": p.path, "where": p.where, "reason": p.reason, "severity": p.severity}
                         for p in self.problems],
            "added_ids": self.added, "stories": self.stories,
        }


class Linker:
    """Analyses stored articles and links them (entities now, stories at the end of the batch)."""

    def __init__(self, store, time_limit: float | None = None):
        from storyline.analyze.pipeline import TIME_LIMIT
        from storyline.store.linked import load_registry

        self.store = store
        self.time_limit = time_limit or TIME_LIMIT
        self.failed: set[str] = set()  # not retried in this run's `finish`
        self._lock = hold_link_lock(store)
        self.registry = load_registry(store)

    def analyze(self, article: Article, report: IngestReport) -> None:
        from storyline.analyze.pipeline import AnalysisTimeout, analyze_article
        from storyline.link.corpus import link_entities
        from storyline.store.linked import save_analysis

        try:
            analyzed = analyze_article(article, self.time_limit)
        except AnalysisTimeout as error:  # stored unanalysed; the next run tries again
            self.failed.add(article.id)
            report.problems.append(Problem(article.path or "?", f"{article.id}: {error}; stored without "
                                           "analysis", severity="error"))
            return
        except Exception as error:  # one article's failure must not stop the batch
            self.failed.add(article.id)
            report.problems.append(Problem(article.path or "?", f"analysis failed for {article.id}: "
                                           f"{type(error).__name__}: {error}", severity="error"))
            traceback.print_exc()
            return
        link_entities([analyzed], self.registry)
        save_analysis(self.store, analyzed, self.registry)

    def finish(self, report: IngestReport) -> None:
        """Analyse what an earlier, interrupted run left, then assign stories."""
        from storyline.link.stream import assign_stories
        from storyline.store.linked import analyzed_without_story, unanalyzed_articles

        for article_id in unanalyzed_articles(self.store):
            if article_id not in self.failed:
                self.analyze(self.store.get_article(article_id), report)
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
                 on_article: Callable[[Article | Problem], None] | None = None, analyze: bool = True) -> IngestReport:
    """Store every readable article; a bad file or record never stops the batch."""
    report = IngestReport()
    linker = Linker(store) if analyze else None
    try:
        for item in read_paths(paths, options):
            if isinstance(item, Problem):
                report.problems.append(item)
            elif _store_one(store, item, report) and linker:
                linker.analyze(item, report)
            if on_article:
                on_article(item)
        if linker:
            linker.finish(report)
    finally:
        if linker:
            linker.release()
    return report


def _store_one(store, article: Article, report: IngestReport) -> bool:
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
