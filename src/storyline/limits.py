"""The per-article time limit, for every step that reads untrusted text (cleaning and analysis).

A pathological text (100,000 digits in a row make SoMaJo's sentence splitter quadratic) must cost
its own article a bounded time, never stall an unattended ingest.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

TIME_LIMIT = 60.0  # seconds per article and step; a typical 400-word article takes well under 0.1 s


class TimeLimitExceeded(RuntimeError):
    """One article's step took longer than its limit; the caller reports the article and goes on."""


@contextmanager
def time_limit(seconds: float | None, error: type[TimeLimitExceeded], what: str) -> Iterator[None]:
    """Raise `error("<what> took longer than N s")` when the block runs longer than `seconds`.

    SIGALRM, so only in a process's main thread (the CLI, a worker process); elsewhere (the web
    server's threads) the block runs unbounded and the caller checks between steps.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum, _frame):
        raise error(f"{what} took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

# Address space of a process that analyses untrusted text (`web.worker`, the analysis workers of
# the CLI and of `batch`): the models take about 0.75 GB of it; the quote step on a
# 2-million-character text took 3–6.5 GB.
MEMORY_LIMIT = 3 * 1024 ** 3


def cap_memory(limit: int | None = MEMORY_LIMIT) -> None:
    """Cap this worker process's address space, so that one pathological article costs a
    MemoryError in its own analysis, not the machine. BLAS is held to one thread first: OpenBLAS
    spins when the cap refuses its threads (the workers run one article at a time anyway)."""
    import os
    import resource

    if not limit:
        return
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"  # for a BLAS loaded after this
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)  # for one loaded before (a forked worker)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
