"""Python's cyclic garbage collector, run less often while articles are read and analysed.

CPython starts a collection after every 700 net new container objects. Reading and analysing an
article makes hundreds of thousands of short-lived tokens, matches and lists that reference
counting frees anyway, so most of those collections find nothing; they cost about 4 % of the
analysis (docs/speed.md, round five). Cycles are still collected, only in larger steps.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FIRST_THRESHOLD = 10_000  # net new objects before a young-generation collection; CPython: 700


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the young-generation threshold inside the block, then restore the caller's."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], FIRST_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
