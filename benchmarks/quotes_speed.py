"""What the issue-22 quote rules and their part-of-speech tagger cost in end-to-end analysis.

    .venv/bin/python benchmarks/quotes_speed.py [--base 8f5b6ce] [--rounds 3]

`analyze_article` (every stage, the shipped models) over the 148 bundled Wikinews articles, in one
process each, best of N rounds, as CPU time of the process (the machine is shared: wall time
mostly measures the other jobs) and wall time:
- the code at the base commit (unpacked by benchmarks/quotes.py into build/quotes_base/<commit>);
- this checkout with the tagger off (the rules see no tags);
- this checkout as shipped.
The quote step (quotes, speakers, coreference) is timed apart: its change against the base commit's
quote step, as a share of the whole analysis, is what the step costs throughput.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes import BASE, REPO_ROOT  # noqa: E402

SAMPLE = REPO_ROOT / "src" / "storyline" / "data" / "sample" / "wikinews_de.jsonl"


def measure(rounds: int, tagger: bool) -> dict:
    from storyline.analyze import pipeline
    from storyline.analyze.pipeline import analyze_article
    from storyline.ingest.article import make_article

    spent = [0.0]

    def timed(stage):
        def run(analyzed):
            started = time.process_time()
            stage(analyzed)
            spent[0] += time.process_time() - started
        return run

    german = tuple((name, timed(stage) if name == "quotes" else stage) for name, stage in pipeline.STAGES)
    pipeline.STAGES = german
    if hasattr(pipeline, "STAGES_BY_LANGUAGE"):  # newer code: stages chosen per language
        pipeline.STAGES_BY_LANGUAGE.update({None: german, "de": german})

    if not tagger:
        import storyline.analyze.quotes.attribution as attribution

        attribution.load_tagger = lambda: None
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [make_article(row["text"], date=row.get("date")) for row in rows]
    analyze_article(articles[0])  # load the models outside the clock
    cpu, wall, quotes = [], [], []
    for _ in range(rounds):
        c, w, spent[0] = time.process_time(), time.perf_counter(), 0.0
        for article in articles:
            analyze_article(article)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
        quotes.append(spent[0])
    words = sum(len(a.text.split()) for a in articles)
    return {"articles": len(articles), "words": words, "cpu": min(cpu), "wall": min(wall), "quotes": min(quotes)}


def run_system(name: str, rounds: int, base: str) -> dict:
    env = dict(os.environ)
    if name == "base":
        env["PYTHONPATH"] = str(REPO_ROOT / "build" / "quotes_base" / base / "src")
        if not Path(env["PYTHONPATH"]).exists():
            sys.exit("run benchmarks/quotes.py once first: it unpacks the base commit")
    command = [sys.executable, __file__, "--measure", name, "--rounds", str(rounds)]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=BASE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.rounds, tagger=args.measure == "shipped")))
        return
    names = {"base": f"code at {args.base}", "untagged": "this checkout, tagger off", "shipped": "this checkout"}
    results = {name: run_system(name, args.rounds, args.base) for name in names}
    print(f"command: `.venv/bin/python benchmarks/quotes_speed.py --rounds {args.rounds}`\n")
    print("| system | articles | analyze CPU s | quote step CPU s | quote step vs base, share of analyze | wall s |")
    print("|---|---|---|---|---|---|")
    base = results["base"]
    for name, label in names.items():
        r = results[name]
        extra = (r["quotes"] - base["quotes"]) / (r["cpu"] - r["quotes"] + base["quotes"]) * 100
        print(f"| {label} | {r['articles']} | {r['cpu']:.2f} | {r['quotes']:.2f} | {extra:+.1f} % | {r['wall']:.2f} |")
    print("\nThe other stages differ between the base commit and this checkout (other work); the quote step's")
    print("cost is its CPU time beside the base commit's quote step, as a share of analyze time.")


if __name__ == "__main__":
    main()
