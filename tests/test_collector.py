"""The analysis runs Python's cycle collector less often, but still runs it."""
import gc
import weakref

from storyline.collector import FIRST_THRESHOLD, fewer_collections


class Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_threshold_is_raised_inside_and_restored_after():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == max(before[0], FIRST_THRESHOLD)
    assert gc.get_threshold() == before


def test_cycles_made_inside_are_still_collected_without_an_explicit_call():
    assert gc.isenabled()
    with fewer_collections():
        first = weakref.ref(Node())
        for _ in range(5 * FIRST_THRESHOLD):
            Node()
        assert first() is None


def test_the_threshold_is_restored_when_the_block_raises():
    before = gc.get_threshold()
    try:
        with fewer_collections():
            raise ValueError("a failing article")
    except ValueError:
        pass
    assert gc.get_threshold() == before
