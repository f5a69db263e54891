"""Where `storyline ingest` and `storyline analyze` spend their CPU on 2 cores: main process vs workers.

The commands analyse in worker processes and do the rest in the main process (reading and
cleaning, storing, the link step, the JSON document). This runs `flow.ingest_paths` and
`flow.analyze_paths` in this process with N workers and prints, per article, the CPU time of the
main process and of the workers (the operating system's accounting of each), the wall time, and
with --profile the main process's largest costs (cProfile, cumulative).

Usage: .venv/bin/python benchmarks/flow_split.py [--workers 2] [--limit N] [--profile]
       (texts: the 848 SpkAtt Wikinews texts with ../shared, else the bundled sample; as benchmarks/speed.py)
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import load_records  # noqa: E402


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure(label: str, run, articles: int, profile: bool) -> None:
    own, kids, started = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN), time.perf_counter()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    run()
    if profiler:
        profiler.disable()
    wall = time.perf_counter() - started
    main = cpu_seconds(resource.RUSAGE_SELF) - own
    workers = cpu_seconds(resource.RUSAGE_CHILDREN) - kids
    print(f"| {label} | {wall:.1f} | {articles / wall:.1f} | {1000 * main / articles:.1f} | "
          f"{1000 * workers / articles:.1f} | {main / (main + workers):.0%} |")
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(r"storyline|somajo|sqlalchemy", 25)
        print("\n```\n" + text.getvalue().strip() + "\n```\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--profile", action="store_true", help="cProfile the main process (slows it)")
    args = parser.parse_args()
    from storyline.flow import analyze_paths, ingest_paths
    from storyline.store.db import Store

    name, records = load_records("auto", args.limit)
    print(f"Texts: {name}: {len(records)} articles; {args.workers} workers; load average {os.getloadavg()[0]:.2f}\n")
    print("| command (in process) | wall s | articles/s | main process CPU ms/article | workers CPU ms/article "
          "| main share |\n|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="storyline-split-") as folder:
        source = Path(folder) / "articles.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        measure("analyze", lambda: analyze_paths([source], workers=args.workers), len(records), args.profile)
        store = Store(Path(folder) / "split.db")
        measure("ingest into new SQLite", lambda: ingest_paths(store, [source], workers=args.workers), len(records),
                args.profile)
    print(f"command: .venv/bin/python benchmarks/{Path(__file__).name} {' '.join(sys.argv[1:])}")


if __name__ == "__main__":
    main()
