"""`storyline analyze`: read files, analyse each article, link across them, build the JSON document."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from storyline.analyze.pipeline import analyze_article
from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, read_paths
from storyline.jsondoc import analysis_document


def analyze_paths(paths: Iterable[str | Path], options: ReadOptions | None = None,
                  on_article: Callable[[object], None] | None = None) -> tuple[dict, list[Problem]]:
    analyzed, problems = [], []
    for item in read_paths(paths, options):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            analyzed.append(analyze_article(item))
        if on_article:
            on_article(item)
    problem_dicts = [{"path": p.path, "where": p.where, "reason": p.reason, "severity": p.severity} for p in problems]
    return analysis_document(analyzed, problems=problem_dicts), problems
