"""How the batch story step's time grows with the corpus: 10k, 100k, … articles.

Synthetic but realistic features: the clustering features of the real Wikinews sample articles,
copied with new ids, dates spread over the period (about 3,000 articles a day at 1M a year's
month, as in a month of German news), a random fifth of each copy's terms dropped and fresh
SimHash bits (so copies are near, not exact, duplicates). Baseline beside it: the single stream
(`cluster_articles`, what `storyline recluster` runs). Sizes that would take longer than
`--budget` seconds are skipped and extrapolated linearly from the largest measured size (said so).

    .venv/bin/python benchmarks/story_step_scale.py --sizes 10000 100000 1000000 --budget 600
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from storyline.engine.rows import SortedSet
from storyline.engine.windows import assign_windowed
from storyline.ingest.article import make_article
from storyline.link.features import ArticleFeatures, features_from_article
from storyline.link.stories import cluster_articles

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "storyline" / "data" / "sample" / "wikinews_de.jsonl"


def real_features() -> list[ArticleFeatures]:
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    return [features_from_article(make_article(r["text"], id=r["id"], title=r.get("title"), date=r.get("date")))
            for r in records]


def synthetic(base: list[ArticleFeatures], count: int, days: int, seed: int = 7) -> list[ArticleFeatures]:
    rng = random.Random(seed)
    start = date(2023, 9, 1)
    items = []
    for n in range(count):
        source = base[n % len(base)]
        terms = {t: w for t, w in source.terms.items() if rng.random() > 0.2}
        day = start + timedelta(days=rng.randrange(days))
        items.append(ArticleFeatures(id=f"syn-{n:07d}", date=day, date_end=day, terms=terms,
                                     entities=SortedSet(source.entities), places=SortedSet(source.places),
                                     simhash=rng.getrandbits(64)))
    return items


def measure(fn, items) -> float:
    started = time.perf_counter()
    fn(items)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--per-day", type=int, default=3000, help="articles per day (sets the period)")
    parser.add_argument("--budget", type=float, default=600.0, help="skip a size whose estimate exceeds this")
    args = parser.parse_args()
    base = real_features()
    print(f"command: {' '.join([os.path.relpath(sys.executable, ROOT), *sys.argv])}")
    print(f"{'articles':>10}{'windowed s':>14}{'stream s':>12}{'art/s windowed':>16}  note")
    rate = None
    for size in args.sizes:
        estimate = size / rate if rate else 0
        if estimate > args.budget:
            print(f"{size:>10}{estimate:>14.0f}{estimate:>12.0f}{rate:>16.0f}  extrapolated (linear), not run")
            continue
        items = synthetic(base, size, max(1, size // args.per_day))
        windowed = measure(assign_windowed, items)
        stream = measure(cluster_articles, items)
        rate = size / windowed
        print(f"{size:>10}{windowed:>14.1f}{stream:>12.1f}{rate:>16.0f}  measured", flush=True)


if __name__ == "__main__":
    main()
