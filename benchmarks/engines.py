"""Articles per second of `storyline batch`: local engine with 1 and 2 workers, Spark local[2].

Baseline beside them: the one-shot flow of `storyline analyze` (read, analyse one by one, link) in
this process. Input: N articles made from the bundled Wikinews sample (real German texts; copies
get new ids and dates, and a changed first sentence so they are not exact duplicates).

    .venv/bin/python benchmarks/engines.py --articles 10000
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "storyline" / "data" / "sample" / "wikinews_de.jsonl"


def make_input(count: int, folder: Path) -> Path:
    """`count` JSON lines cycling through the sample with new ids and dates spread over a year."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    path = folder / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            record = dict(records[n % len(records)])
            record["id"] = f"bench-{n:07d}"
            record["date"] = (date(2023, 1, 1) + timedelta(days=(n * 7) % 365)).isoformat()
            if n >= len(records):
                record["text"] = f"Meldung {n}. " + record["text"]
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def time_baseline(path: Path) -> float:
    from storyline.flow import analyze_paths

    started = time.perf_counter()
    analyze_paths([path])
    return time.perf_counter() - started


def time_engine(path: Path, out: Path, engine: str, workers: int = 2) -> float:
    from storyline.engine.batch import BatchOptions
    from storyline.flow import run_batch

    report = run_batch([str(path)], BatchOptions(out=out, workers=workers), engine=engine, master="local[2]")
    return report.seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--skip", nargs="*", default=[], help="baseline local1 local2 spark")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = make_input(args.articles, Path(folder))
        runs = {"baseline": lambda: time_baseline(path),
                "local1": lambda: time_engine(path, Path(folder) / "l1", "local", 1),
                "local2": lambda: time_engine(path, Path(folder) / "l2", "local", 2),
                "spark": lambda: time_engine(path, Path(folder) / "sp", "spark")}
        print(f"command: {' '.join([os.path.relpath(sys.executable, ROOT), *sys.argv])}  (cpus: {os.cpu_count()})")
        print(f"{'run':<42}{'seconds':>10}{'articles/s':>12}")
        labels = {"baseline": "baseline: storyline analyze (one process)", "local1": "batch --engine local --workers 1",
                  "local2": "batch --engine local --workers 2", "spark": "batch --engine spark --master local[2]"}
        for name, run in runs.items():
            if name not in args.skip:
                seconds = run()
                print(f"{labels[name]:<42}{seconds:>10.1f}{args.articles / seconds:>12.1f}", flush=True)


if __name__ == "__main__":
    main()
