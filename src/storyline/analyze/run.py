"""`storyline analyze`: read files, analyse each article, link across them, build the JSON document."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from storyline.analyze.pipeline import analyze_article
from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, read_paths
from storyline.jsondoc import analysis_document
from storyline.link.corpus import link_entities, link_stories


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
    registry = link_entities(analyzed)
    stories = link_stories(analyzed) if analyzed else []
    problem_dicts = [{"path": p.path, "where": p.where, "reason": p.reason, "severity": p.severity} for p in problems]
    return analysis_document(analyzed, registry.as_list(), stories, problems=problem_dicts), problems
