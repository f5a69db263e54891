"""The local batch engine: the batch flow in a process pool, without Spark (the default).

Each worker process loads the models once (the stages' cached loaders) and then analyses the
articles it is sent; with one worker everything runs in this process.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from storyline.analyze.parallel import CHUNK  # articles per task, as ingest and analyze send them
from storyline.engine.batch import BatchOptions, BatchReport, describe_pair, unique_articles, write_parquet
from storyline.engine.inputs import read_inputs
from storyline.engine.rows import analyze_rows, problem_row, row_features
from storyline.engine.windows import assign_windowed
from storyline.ingest.problems import Problem
from storyline.limits import cap_memory



@contextmanager
def worker_map(workers: int):
    """A `map` over `workers` processes, or the built-in map for one worker; `chunksize` items
    go to a worker at a time."""
    if workers <= 1:
        yield lambda fn, *iterables, chunksize=CHUNK: map(fn, *iterables)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=cap_memory) as pool:
        yield lambda fn, *iterables, chunksize=CHUNK: pool.map(fn, *iterables, chunksize=chunksize)


def analyze_chunks(map_, articles: list) -> tuple[list[dict], list[dict]]:
    """The rows of all articles and the problem rows of those whose analysis failed, CHUNK
    articles per task: a worker parses a chunk's sentences in one model call (`analyze_rows`),
    which saves ≈ 1 ms per article (docs/speed.md, round three)."""
    chunks = [articles[start:start + CHUNK] for start in range(0, len(articles), CHUNK)]
    results = [result for results in map_(analyze_rows, chunks, chunksize=1) for result in results]
    return [row for row, _ in results], [problem for _, problems in results for problem in problems]


def read_articles(paths, options: BatchOptions) -> tuple[list, list[Problem]]:
    articles, problems = [], []
    for item in read_inputs(paths, options.read):
        (problems if isinstance(item, Problem) else articles).append(item)
    return unique_articles(articles), problems


def group_stories(rows: list[dict], assignment: dict[str, str]) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(assignment[row["id"]], []).append(row)
    return sorted(groups.items())


def run_local(paths, options: BatchOptions, on_step: Callable[[str], None] | None = None) -> BatchReport:
    """Read, analyse, cluster and describe; writes articles/, stories/ and problems/ under `options.out`."""
    started = time.perf_counter()
    say = on_step or (lambda _: None)
    articles, problems = read_articles(paths, options)
    with worker_map(options.workers) as map_:
        say(f"analysing {len(articles)} articles")
        rows, failed = analyze_chunks(map_, articles)
        rows.sort(key=lambda row: (row["date_start"] or "~", row["id"]))
        write_parquet(rows, options.out, "articles")
        say("assigning stories")
        assignment = assign_windowed([row_features(row) for row in rows], options.window_days,
                                     options.overlap_days, map_=map_)
        stories = list(map_(describe_pair, group_stories(rows, assignment)))
    write_parquet(stories, options.out, "stories")
    problem_rows = [problem_row(p) for p in problems] + failed
    write_parquet(problem_rows, options.out, "problems")
    return BatchReport("local", len(rows), len(stories), len(problem_rows), time.perf_counter() - started,
                       str(options.out))
