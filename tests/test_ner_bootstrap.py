"""The NER benchmark's bootstrap intervals: how far a figure moves with another sample of sentences."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import ner as bench  # noqa: E402


def sentences(found_per_sentence: list[int]) -> tuple[list[set], list[set]]:
    """Gold of two names per sentence; the system finds the first n of them."""
    gold = [{(0, 4, "PER"), (10, 14, "LOC")} for _ in found_per_sentence]
    predicted = [set(sorted(g)[:n]) for g, n in zip(gold, found_per_sentence)]
    return gold, predicted


def test_interval_brackets_the_measured_f1_and_narrows_with_more_sentences():
    gold, predicted = sentences([2, 1, 0, 2] * 25)
    measured = bench.score(gold, predicted)["micro"][2]
    low, high = bench.bootstrap_interval(bench.sentence_counts(gold, predicted))
    assert low < measured < high
    more_gold, more_predicted = sentences([2, 1, 0, 2] * 250)
    more_low, more_high = bench.bootstrap_interval(bench.sentence_counts(more_gold, more_predicted))
    assert more_high - more_low < (high - low) / 2


def test_paired_difference_is_zero_for_the_same_output_and_positive_for_a_better_system():
    gold, weaker = sentences([1, 0, 2, 1] * 50)
    _, stronger = sentences([2, 1, 2, 2] * 50)
    weaker_counts = bench.sentence_counts(gold, weaker)
    assert bench.bootstrap_interval(weaker_counts, weaker_counts) == (0.0, 0.0)
    low, _ = bench.bootstrap_interval(bench.sentence_counts(gold, stronger), weaker_counts)
    assert low > 0
