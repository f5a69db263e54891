"""Posted articles are ingested in a worker process owned by the app, never in the server's threads.

The per-article time limit is SIGALRM-based (`storyline.limits`) and so works only in a process's
main thread: in the worker it holds as in the CLI. The worker also gets an address-space cap
(`RLIMIT_AS`), so one huge or pathological article costs a MemoryError in its own analysis (or at
worst the worker, which is restarted), not the server's memory. Requests wait for the worker
without holding one of the server's threads, and only a few may wait at once: the rest get 503,
so GETs always find a free thread.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import resource
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from storyline.limits import MEMORY_LIMIT, TIME_LIMIT

MAX_WAITING = 4  # posts queued for the worker (the running one included); more get 503
DEADLINE = 30 * TIME_LIMIT  # one post's whole ingest; a worker still busy then is stopped


class WorkerBusy(RuntimeError):
    """Too many posts are waiting; the client should retry later (503)."""


class WorkerFailed(RuntimeError):
    """The worker ran out of time or memory, or died; it was restarted (503)."""


@dataclass
class IngestWorker:
    """One worker process for one app, started on the first post."""

    database_url: str
    memory_limit: int | None = MEMORY_LIMIT
    time_limit: float = TIME_LIMIT  # per article and step, as in the CLI
    deadline: float = DEADLINE
    waiting: int = 0
    _pool: ProcessPoolExecutor | None = None
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def _executor(self) -> ProcessPoolExecutor:
        with self._guard:
            if self._pool is None:  # spawn, not fork: forking a threaded server copies held locks
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=start_worker,
                                                 initargs=(os.getpid(), self.memory_limit, self.time_limit))
            return self._pool

    async def run(self, function, *args):
        """`function(database_url, *args)` in the worker; at most MAX_WAITING posts at once."""
        if self.waiting >= MAX_WAITING:
            raise WorkerBusy(f"{self.waiting} Einspielungen warten schon")
        self.waiting += 1
        try:
            try:
                future = self._executor().submit(function, self.database_url, *args)
            except BrokenProcessPool:  # the worker died since the last post (killed, out of memory)
                self.stop()
                future = self._executor().submit(function, self.database_url, *args)
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), self.deadline)
            except TimeoutError as error:  # asyncio.wait_for
                self.stop()
                raise WorkerFailed(f"das Einspielen dauerte länger als {self.deadline:g} s") from error
            except BrokenProcessPool as error:
                self.stop()
                raise WorkerFailed("der Analyseprozess ist abgestürzt (Speichergrenze?)") from error
            except Exception as error:  # MemoryError (or an import failing under the cap) outside an article
                self.stop()
                raise WorkerFailed(f"der Analyseprozess scheiterte ({type(error).__name__})") from error
        finally:
            self.waiting -= 1

    def stop(self) -> None:
        """End the worker (a stuck one too); the next post starts a new one."""
        with self._guard:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()  # a worker stuck in C code ignores everything gentler
        pool.shutdown(wait=False, cancel_futures=True)


def start_worker(parent: int, memory_limit: int | None, time_limit: float) -> None:
    """Worker initializer: die with the server, cap the address space, set the time limits."""
    from storyline.analyze import pipeline
    from storyline.ingest import read

    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"  # one article at a time; OpenBLAS spins when the cap refuses its threads
    pipeline.TIME_LIMIT = read.TIME_LIMIT = time_limit
    if memory_limit:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))


def _exit_with(parent: int) -> None:
    """End the worker when the server is gone, even killed. (Not PR_SET_PDEATHSIG: that fires when
    the thread that started the worker ends, and a server's threads come and go.)"""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


_stores: dict = {}


def _store(database_url: str):
    from storyline.store.db import Store

    if database_url not in _stores:
        _stores[database_url] = Store(database_url)
    return _stores[database_url]


def ingest_in_worker(database_url: str, name: str, data: bytes, format: str | None) -> dict:
    """Runs in the worker's main thread: the posted file through `ingest_paths`, as the CLI does."""
    import tempfile

    from storyline.flow import ingest_paths
    from storyline.ingest.read import ReadOptions
    from storyline.web.lookups import stories_of_articles

    store = _store(database_url)
    with tempfile.TemporaryDirectory(prefix="storyline-post-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        report = ingest_paths(store, [path], ReadOptions(format=format), workers=1)
    ids = report.added + report.duplicates
    return {"added": report.added, "duplicates": report.duplicates, "stories": stories_of_articles(store, ids),
            "problems": [{"where": p.where, "reason": p.reason, "severity": p.severity} for p in report.problems]}
