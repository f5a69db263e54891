"""Per-article cost of story assignment as the corpus grows to 100,000 synthetic articles.

Synthetic articles are duplicated and perturbed from the real ones in the evaluation set at the
feature level (terms dropped and reweighted, rare terms and names renamed per copy so that each
copy is a new event with its own names and its own SimHash), 300 articles a day. Feature
extraction is not timed: it is per article and independent of the corpus by construction.
The baseline beside it is the same stream with the index made exhaustive (every open story
scored), cut off after 2,000 articles because its cost grows with the corpus.

Usage: .venv/bin/python benchmarks/clustering_scale.py [--total 100000]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from storyline.ingest.article import make_article
from storyline.link import story_index
from storyline.link.features import features_from_article, load_idf
from storyline.link.stories import assign_story
from storyline.link.story_index import StoryIndex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clustering import DATA, read_records  # noqa: E402

PER_DAY = 300
COMMON_DF = 40  # words in more than 40 of the 848 Wikinews texts stay shared across copies
START = date(2016, 1, 1)


def real_features(analyzed: bool = False) -> list:
    """Features of the real articles: text only, or (`analyzed`) with NER names and geocoded towns."""
    records = read_records(DATA)
    if not analyzed:
        return [features_from_article(make_article(r["text"], id=r["id"], date=r["date"])) for r in records]
    from clustering import run_pipeline_features

    return run_pipeline_features(records)


def perturb(base, copy: int, number: int, rng: random.Random):
    """A new article in the style of `base`: rare words renamed for this copy, weights jittered."""
    df, _ = load_idf()
    terms = {}
    for term, weight in base.terms.items():
        if rng.random() < 0.2:
            continue
        name = term if df.get(term, 0) > COMMON_DF else f"{term}~{copy}"
        terms[name] = weight * rng.uniform(0.7, 1.3)
    day = START + timedelta(days=number // PER_DAY)
    renamed = {"towns": {f"{t}~{copy}" for t in base.towns}} if getattr(base, "towns", None) else {}
    return replace(base, id=f"syn{number}", date=day, date_end=day, terms=terms,
                   entities={f"{e}~{copy}" for e in base.entities},
                   simhash=rng.getrandbits(64) if copy else base.simhash, **renamed)


def make_stream(bases: list, total: int, seed: int = 6):
    rng = random.Random(seed)
    for number in range(total):
        copy = number // len(bases)
        yield perturb(bases[number % len(bases)], copy, number, rng)


def time_stream(bases: list, total: int, block: int) -> list[tuple[int, float, float, int, int]]:
    """Wall and CPU microseconds per article for each block, with open stories and postings.

    CPU time is shown beside wall time because the machine is shared: other jobs stretch the
    wall clock of a block, not the CPU time this process spends on it.
    """
    index, rows = StoryIndex(), []
    started, cpu_started = time.perf_counter(), time.process_time()
    for count, features in enumerate(make_stream(bases, total), start=1):
        assign_story(index, features)
        if count % block == 0:
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            rows.append((count, wall / block * 1e6, cpu / block * 1e6, len(index.stories), len(index.postings)))
            started, cpu_started = time.perf_counter(), time.process_time()
    return rows


def time_exhaustive(bases: list, total: int, block: int) -> list[tuple[int, float, int, int]]:
    """Baseline: score every open story (what an index-free stream clustering does)."""
    stories_module = sys.modules["storyline.link.stories"]
    original = stories_module.find_candidates
    stories_module.find_candidates = lambda index, features: [
        s for s in index.stories.values() if story_index.is_recent(s, features)
    ]
    try:
        return time_stream(bases, total, block)
    finally:
        stories_module.find_candidates = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--block", type=int, default=10_000)
    parser.add_argument("--baseline-total", type=int, default=2_000)
    parser.add_argument("--analyzed", action="store_true",
                        help="start from the analyze path's features (NER names, geocoded towns; cached under build/)")
    args = parser.parse_args()
    bases = real_features(args.analyzed)
    print(f"command: {' '.join([Path(sys.executable).name] + sys.argv)}")
    print(f"{len(bases)} real articles perturbed into {args.total:,} synthetic ones, {PER_DAY} a day\n")
    print("| system | articles so far | µs per article, wall (last block) | µs CPU | open stories | posting keys |")
    print("|---|---|---|---|---|---|")
    for count, micros, cpu, stories, keys in time_stream(bases, args.total, args.block):
        print(f"| indexed stream | {count:,} | {micros:,.0f} | {cpu:,.0f} | {stories:,} | {keys:,} |")
    if args.baseline_total:
        for count, micros, cpu, stories, keys in time_exhaustive(bases, args.baseline_total, args.baseline_total // 5):
            print(f"| exhaustive (no index) | {count:,} | {micros:,.0f} | {cpu:,.0f} | {stories:,} | {keys:,} |")


if __name__ == "__main__":
    main()
