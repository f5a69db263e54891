"""Grid search of the story clustering's constants on half A of the labelled set only.

Runs the analyze path of `clustering.py` once (cached analyses), then clusters the whole set for
every setting of join threshold, name bonus and time decay, and ranks the settings by pairwise F1
on half A (ties: BCubed F1 on half A, then the higher threshold, then the middle name bonus of the
tied run). Half B and "all" are printed beside each row but play no part in the choice. The last
line shows the chosen setting with the town rule switched off, to show what the rule does.

Usage: .venv/bin/python benchmarks/clustering_tune.py [--top 15]
"""
from __future__ import annotations

import argparse
import sys
from itertools import product
from pathlib import Path

from storyline.link import stories

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clustering import (  # noqa: E402
    DATA, read_records, restrict, run_pipeline_features, score_bcubed, score_pairs, split_half,
)

THRESHOLDS = (0.125, 0.15, 0.175, 0.2, 0.225, 0.25)
NAME_BONUSES = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45)
DECAYS = (10.0, 20.0, 40.0)


def score_setting(features: list, gold: dict[str, str], halves: dict[str, set[str]], setting: tuple) -> dict:
    """Cluster with one setting of the module constants; pairwise and BCubed F1 per part."""
    stories.JOIN_THRESHOLD, stories.NAME_BONUS, stories.DECAY_DAYS = setting
    predicted = stories.cluster_articles(features)
    scores = {}
    for part, ids in halves.items():
        truth, mine = restrict(gold, ids), restrict(predicted, ids)
        scores[part] = (score_pairs(truth, mine)[2], score_bcubed(truth, mine)[2])
    return scores


def choose(rows: list[tuple[tuple, dict]]) -> tuple:
    """Best pairwise F1 on A; ties by BCubed on A, then higher threshold, then the middle bonus."""
    best = max((r[1]["A"] for r in rows))
    tied = [setting for setting, scores in rows if scores["A"] == best]
    top_threshold = max(s[0] for s in tied)
    tied = sorted((s for s in tied if s[0] == top_threshold), key=lambda s: (s[2], s[1]))
    return tied[(len(tied) - 1) // 2]


def print_row(setting: tuple, scores: dict, note: str = "") -> None:
    threshold, bonus, decay = setting
    print(f"| {threshold} | {bonus} | {decay:.0f} | **{scores['A'][0]:.3f}** | {scores['A'][1]:.3f} | "
          f"{scores['all'][0]:.3f} | {scores['all'][1]:.3f} | {scores['B'][0]:.3f} | {scores['B'][1]:.3f} |{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    records = read_records(DATA)
    gold = {r["id"]: r["event"] for r in records}
    halves = {h: {r["id"] for r in records if split_half(r["event"]) == h} for h in "AB"}
    halves["all"] = set(gold)
    features = run_pipeline_features(records)
    saved = (stories.JOIN_THRESHOLD, stories.NAME_BONUS, stories.DECAY_DAYS, stories.TOWN_MISMATCH)
    rows = [(s, score_setting(features, gold, halves, s)) for s in product(THRESHOLDS, NAME_BONUSES, DECAYS)]
    chosen = choose(rows)
    print(f"command: {' '.join([Path(sys.executable).name] + sys.argv)}")
    print(f"{len(rows)} settings; ranked by pairwise F1 on half A; town mismatch factor {saved[3]}\n")
    print("| join | name bonus | decay days | A pair F1 | A BCubed | all pair | all BCubed | B pair | B BCubed |")
    print("|---|---|---|---|---|---|---|---|---|")
    ranked = sorted(rows, key=lambda r: (r[1]["A"], r[0][0]), reverse=True)
    for setting, scores in ranked[: args.top]:
        print_row(setting, scores, " chosen" if setting == chosen else "")
    stories.TOWN_MISMATCH = 1.0
    print_row(chosen, score_setting(features, gold, halves, chosen), " chosen, town rule off")
    stories.JOIN_THRESHOLD, stories.NAME_BONUS, stories.DECAY_DAYS, stories.TOWN_MISMATCH = saved


if __name__ == "__main__":
    main()
