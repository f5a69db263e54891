"""The per-article analysis over a stream of articles, in worker processes, in input order.

`analyze_article` is a pure function of the article, so workers need no shared state: each loads
the models once (the stages' cached loaders) and analyses chunks of articles, one model call per
chunk (`analyze_articles`). Results come back in input order, so everything after this step (the
entity registry, the story stream) sees what one process would see, and the output is the same
for any number of workers. At most a few chunks per worker are in flight: memory stays flat on
an input of any length. An input of one chunk or less is analysed in this process, so one short
article does not pay for starting workers; there the memory limit is set around each chunk
(`analyze_articles`, `limits.memory_limit`) instead of once per worker (`limits.cap_memory`).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from storyline.analyze.pipeline import analyze_articles
from storyline.limits import cap_memory
from storyline.model import AnalyzedArticle, Article

CHUNK = 8  # articles per task: enough to hide the pickling, small enough to balance the workers
PR_SET_PDEATHSIG = 1  # prctl(2)
IN_FLIGHT = 3  # chunks per worker submitted ahead of the one being collected

Result = tuple[Article, "AnalyzedArticle | Exception"]


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_stream(articles: Iterable[Article], workers: int | None = None,
                   time_limit: float | None = None, vectors: bool = True) -> Iterator[Result]:
    """(article, its analysis or the exception it raised) for every article, in input order.
    `vectors=False` leaves out the article vectors (see `analyze_articles`)."""
    workers = workers or default_workers()
    chunks = _chunked(iter(articles))
    head = list(islice(chunks, 2))
    if workers <= 1 or len(head) < 2:
        for chunk in chain(head, chunks):
            yield from zip(chunk, analyze_chunk(chunk, time_limit, vectors))
        return
    yield from _analyze_in_pool(chain(head, chunks), workers, time_limit, vectors)


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end when the parent ends, even by SIGKILL. An orphaned worker would wait
    forever on its task queue and keep every file the parent had open, such as the ingest's link
    lock, so the next ingest would wait for it forever."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker still ends when its queue closes
        return
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _start_worker(parent: int) -> None:
    """Worker initializer: die with the parent, and cap the address space (`limits.cap_memory`)."""
    _die_with_parent(parent)
    cap_memory()


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),))


def analyze_chunk(chunk: list[Article], time_limit: float | None,
                  vectors: bool = True) -> list[AnalyzedArticle | Exception]:
    """One task: a chunk of articles, one model call for their entities (`analyze_articles`)."""
    return analyze_articles(chunk, time_limit, vectors)


def _chunked(source: Iterator[Article]) -> Iterator[list[Article]]:
    while chunk := list(islice(source, CHUNK)):
        yield chunk


def _analyze_in_pool(chunks: Iterator[list], workers: int, time_limit: float | None,
                     vectors: bool) -> Iterator[Result]:
    pending: deque[tuple[list, Future]] = deque()
    pool = _pool(workers)
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(analyze_chunk, chunk, time_limit, vectors)))
            while len(pending) > workers * IN_FLIGHT:
                pool = yield from _collect(pending, pool, workers, time_limit, vectors)
        while pending:
            pool = yield from _collect(pending, pool, workers, time_limit, vectors)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(pending: deque, pool: ProcessPoolExecutor, workers: int, time_limit: float | None, vectors: bool):
    """Yield the oldest chunk's results. A worker that died (killed, out of memory) costs only a
    few articles: the chunks still pending are retried in a new pool, one article per task."""
    chunk, future = pending.popleft()
    try:
        results = future.result()
    except BrokenProcessPool:
        waiting = chunk + [article for article_chunk, _ in pending for article in article_chunk]
        pending.clear()
        pool = yield from _retry_alone(waiting, pool, workers, time_limit, vectors)
        return pool
    yield from zip(chunk, results)
    return pool


def _retry_alone(waiting: list, pool: ProcessPoolExecutor, workers: int, time_limit: float | None, vectors: bool):
    """Each article alone; when the pool breaks again, the oldest unfinished article is given up
    (it is the likeliest culprit) and the rest go to a new pool, so this always ends."""
    while waiting:
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _pool(workers)
        futures = [pool.submit(analyze_chunk, [article], time_limit, vectors) for article in waiting]
        for number, (article, future) in enumerate(zip(waiting, futures)):
            try:
                result = future.result()[0]
            except BrokenProcessPool:
                yield article, RuntimeError("the worker process analysing this article died")
                waiting = waiting[number + 1:]
                break
            yield article, result
        else:
            waiting = []
    return pool
