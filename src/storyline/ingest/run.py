"""Ingest: read every input, store each article once, and report what was set aside."""
from __future__ import annotations

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
            "added_ids": self.added,
        }


def ingest_paths(store, paths: Iterable[str | Path], options: ReadOptions | None = None,
                 on_article: Callable[[Article | Problem], None] | None = None) -> IngestReport:
    """Store every readable article; a bad file or record never stops the batch."""
    report = IngestReport()
    for item in read_paths(paths, options):
        if isinstance(item, Problem):
            report.problems.append(item)
        else:
            _store_one(store, item, report)
        if on_article:
            on_article(item)
    return report


def _store_one(store, article: Article, report: IngestReport) -> None:
    result = store.add_article(article, fingerprint(article.text))
    if result.status == "added":
        report.added.append(result.article_id)
        report.near_duplicates += [(result.article_id, other, score) for other, score in result.near_duplicates]
    elif result.status == "duplicate":
        report.duplicates.append(result.article_id)
    else:
        report.id_taken.append(result.article_id)
        report.problems.append(Problem(article.path or "?", f"id {article.id!r} is already used by a different "
                                       "article; this one was not stored", severity="error"))
