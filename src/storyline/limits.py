"""The per-article time and memory limits, for every step that reads untrusted text (cleaning and analysis).

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
# the CLI and of both batch engines), and what analysis in an uncapped process may add to its size
# (`memory_limit`): the models take about 0.75 GB; the quote step on a 2-million-character text
# took 3–6.5 GB.
MEMORY_LIMIT = 3 * 1024 ** 3


def cap_memory(limit: int | None = MEMORY_LIMIT) -> None:
    """Cap this worker process's address space at its size now plus `limit`, so that one
    pathological article costs a MemoryError in its own analysis, not the machine. The cap counts
    from the worker's own size: a worker forked from a large process (a test run, an application
    that embeds Storyline) inherits its address space and would otherwise start at the cap.
    BLAS is held to one thread first: OpenBLAS spins when the cap refuses its threads (the
    workers run one article at a time anyway). A lower cap already in place (Spark's
    `spark.executor.pyspark.memory`) is kept."""
    import os
    import resource

    if not limit:
        return
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"  # for a BLAS loaded after this
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)  # for one loaded before (a forked worker)
    limit = _lowest((_address_space() or 0) + limit, resource.getrlimit(resource.RLIMIT_AS)[1])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@contextmanager
def memory_limit(limit: int | None = MEMORY_LIMIT) -> Iterator[None]:
    """Let the block grow this process's address space by at most `limit` bytes: beyond it an
    allocation raises MemoryError, which costs the article being analysed, not the machine.

    For analysis in a process that was not started capped (`cap_memory`): the CLI analysing one
    short input itself, a single-worker batch. Only the soft limit is lowered, to the current
    size plus `limit`, and put back afterwards (the hard limit stays, so it can be). In a capped
    worker the cap is already lower and nothing is changed. The limit is the whole process's, so
    only the main thread sets it (as `time_limit`), and other threads' allocations count too.
    """
    import resource

    size = _address_space() if limit and threading.current_thread() is threading.main_thread() else None
    if size is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    lowered = _lowest(size + limit, soft, hard)
    if lowered == soft:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (lowered, hard))
    try:
        yield
    finally:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (_lowest(soft, hard), hard))


def _address_space() -> int | None:
    """This process's address space in bytes (what RLIMIT_AS limits), or None where /proc is missing."""
    import os

    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _lowest(*limits: int) -> int:
    """The lowest of some rlimit values, RLIM_INFINITY counting as infinite."""
    import resource

    finite = [limit for limit in limits if limit != resource.RLIM_INFINITY]
    return min(finite) if finite else resource.RLIM_INFINITY
