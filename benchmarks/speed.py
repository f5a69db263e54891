"""Analysis throughput on the German Wikinews texts, beside spaCy's blank German tokenizer.

Prints, in one run on the same texts:
- the floor: spacy.blank("de") tokenizing every text (articles/s, words/s);
- the commands as users run them, end to end: `storyline analyze FILE --json` and `storyline
  ingest FILE` into a new SQLite file, with all cores (the default) and with `--workers 1`;
- our end-to-end analysis (cleaning + every stage) with 1 and 2 worker processes, each worker
  loading the models once (pool initializer), then the link step (entities, stories) after it;
- the time per stage (cleaning, NER, quotes with coreference, times, places, quantities, tone,
  story assignment), in one process, as wall time and as CPU time;
- CPU time per article in the workers and in the parent process: on a machine shared with other
  jobs the wall time mostly measures the other jobs, the CPU time much less;
- peak memory (main process and largest worker) and `storyline analyze` on one article from
  a cold start.

Words are whitespace-separated tokens of the text, counted the same way for every row.

Usage: .venv/bin/python benchmarks/speed.py [--source auto|sample|shared] [--workers 1 2] [--limit N]
       [--min-words 300]  (long articles only: the issue's target is for 400-word articles)
       [--batch 8]  (articles per worker task, parsed in one model call; 1 = one call per article)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from multiprocessing import get_context
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "storyline" / "data" / "sample" / "wikinews_de.jsonl"
SHARED = ROOT.parent / "shared" / "data" / "spkatt2023"
ONE_ARTICLE = ROOT / "tests" / "data" / "seeds" / "004_956d5f3b9d4ee0dc.txt"
CLUSTERING = ROOT / "benchmarks" / "data" / "clustering_de.jsonl"
SMARTDATA = ROOT.parent / "shared" / "data" / "smartdata"


def load_records(source: str, limit: int | None) -> tuple[str, list[dict]]:
    """The 848 SpkAtt Wikinews texts when ../shared is there, else the 148 shipped with the package."""
    if source == "shared" or (source == "auto" and SHARED.exists()):
        sys.path.insert(0, str(ROOT / "scripts"))
        from wikinews import read_folder

        docs = read_folder(SHARED / "train") + read_folder(SHARED / "test_blind_texts")
        records = [{"id": d.id, "title": d.title, "date": d.date or None, "text": d.text} for d in docs]
        name = "SpkAtt-2023 Wikinews (train + test_blind_texts)"
    else:
        records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
        name = "bundled Wikinews sample"
    return name, records[:limit] if limit else records


def load_long_records(source: str, min_words: int) -> tuple[str, list[dict]]:
    """Articles of at least `min_words` words, to measure the issue's "400-word articles" directly:
    the Wikinews texts of `load_records`, the clustering set (Wikinews and SmartData news, shipped
    in benchmarks/data) and, with ../shared, SmartData's news pages (no tweets, RSS or traffic
    reports). A text already taken from an earlier pool is not taken again."""
    name, records = load_records(source, None)
    pools = [(name, records), ("clustering set", read_clustering())]
    if SMARTDATA.exists():
        pools.append(("SmartData news pages", read_smartdata_news()))
    seen, selected, parts = set(), [], []
    for pool_name, pool in pools:
        kept = [r for r in pool if count_words([r]) >= min_words and text_key(r) not in seen]
        seen.update(text_key(r) for r in kept)
        selected += kept
        parts.append(f"{pool_name} {len(kept)} of {len(pool)}")
    return f"texts of at least {min_words} words ({', '.join(parts)})", selected


def text_key(record: dict) -> str:
    return " ".join(record["text"].split())[:300]


def read_clustering() -> list[dict]:
    rows = [json.loads(line) for line in CLUSTERING.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"id": r["id"], "title": r.get("title"), "date": r.get("date"), "text": r["text"]} for r in rows]


def read_smartdata_news() -> list[dict]:
    """The documents SmartData marks as news pages, from every file of ../shared (deduplicated)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from times import read_avro_json, smartdata_day, unwrap

    records = {}
    for path in sorted(SMARTDATA.glob("*/*.json.gz")):
        for record in read_avro_json(path):
            if ((record.get("refids") or {}).get("map") or {}).get("source") == "news":
                records[record["id"]] = {"id": record["id"], "date": smartdata_day(unwrap(record["date"])),
                                         "text": unwrap(record["text"])}
    return list(records.values())


def count_words(records: list[dict]) -> int:
    return sum(len(r["text"].split()) for r in records)


def time_baseline(records: list[dict]) -> float:
    """spaCy's blank German pipeline (tokenizer only): what any spaCy-based tool pays at least."""
    import spacy

    nlp = spacy.blank("de")
    nlp("Aufwärmen.")
    started = time.perf_counter()
    for record in records:
        nlp(record["text"])
    return time.perf_counter() - started


BATCH = 8  # articles per worker task, parsed in one model call: the local engine's CHUNK


def warm_worker() -> None:
    """Pool initializer: load every model once per worker, before the clock starts."""
    analyze_records([{"id": "warm", "date": "2023-09", "text": "Putin sagte am Mittwoch in Berlin: „Ja.“"}])


def analyze_records(records: list[dict]) -> list:
    """The analyses of a chunk of records, with one model call for their entities
    (`analyze_articles`); None for one that fails (counted and reported, as ingest does)."""
    from storyline.analyze.pipeline import analyze_articles
    from storyline.ingest.article import make_article

    articles = [make_article(r["text"], id=r["id"], date=r.get("date"), title=r.get("title")) for r in records]
    results = []
    for record, analyzed in zip(records, analyze_articles(articles)):
        if isinstance(analyzed, Exception):  # a bug in one stage must not hide the throughput of the others
            print(f"analysis failed for {record['id']}: {type(analyzed).__name__}: {analyzed}", file=sys.stderr)
            analyzed = None
        results.append(analyzed)
    return results


def analyze_timed(records: list[dict]):
    """The analyses of a chunk of records and the CPU seconds the worker spent on them."""
    started = time.process_time()
    analyzed = analyze_records(records)
    return analyzed, time.process_time() - started


class PoolRun(NamedTuple):
    analysis: float  # wall seconds
    link: float  # wall seconds of the link step after it
    worker_cpu: float  # CPU seconds summed over the workers
    parent_cpu: float  # CPU seconds of this process while the workers ran (receiving results)
    analyzed: list


def time_pool(records: list[dict], workers: int, batch: int = BATCH) -> PoolRun:
    """Wall and CPU time of the per-article analysis in `workers` processes, `batch` articles per
    task (and per model call), then the link step."""
    chunks = [records[start:start + batch] for start in range(0, len(records), batch)]
    with get_context("fork").Pool(workers, initializer=warm_worker) as pool:
        pool.map(time.sleep, [0.05] * workers)  # every worker has run its initializer
        started, parent_started = time.perf_counter(), time.process_time()
        results = pool.map(analyze_timed, chunks, chunksize=1)
        analysis, parent_cpu = time.perf_counter() - started, time.process_time() - parent_started
    analyzed = [a for batch_results, _ in results for a in batch_results if a is not None]
    return PoolRun(analysis, time_link(analyzed), sum(cpu for _, cpu in results), parent_cpu, analyzed)


def time_link(analyzed: list) -> float:
    from storyline.link.corpus import link_entities, link_stories

    started = time.perf_counter()
    link_entities(analyzed)
    link_stories(analyzed)
    return time.perf_counter() - started


def time_stages(records: list[dict]) -> tuple[dict[str, float], dict[str, float]]:
    """Wall and CPU seconds per stage over all records, in this process (models already loaded)."""
    from storyline.analyze.pipeline import STAGES
    from storyline.ingest.article import make_article
    from storyline.model import AnalyzedArticle

    from storyline.analyze import pipeline

    encode = getattr(pipeline, "encode_vectors", None)  # the article vector (cross-lingual stories), if this code has it
    if encode:
        from storyline.analyze.article_vector import load_encoder

        load_encoder()  # loaded once per process, like the other models: its 1.3 s CPU is no per-article cost
    totals = {"cleaning + sentences": 0.0, **{name: 0.0 for name, _ in STAGES}, **({"article vector": 0.0} if encode else {})}
    cpu = dict(totals)
    analyzed_all = []

    def timed(name: str, step):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = step()
        totals[name] += time.perf_counter() - started
        cpu[name] += time.process_time() - cpu_started
        return result

    for record in records:
        article = timed("cleaning + sentences", lambda: make_article(
            record["text"], id=record["id"], date=record.get("date"), title=record.get("title")))
        analyzed = AnalyzedArticle(article=article)
        try:
            for name, stage in STAGES if article.language in (None, "de") else ():
                timed(name, lambda: stage(analyzed))
            if encode and article.language in (None, "de"):
                analyzed.vector = timed("article vector", lambda: encode([article])[0])
        except Exception:  # reported by the pool run above
            continue
        analyzed_all.append(analyzed)
    cpu_started = time.process_time()
    totals["entity linking + story assignment"] = time_link(analyzed_all)
    cpu["entity linking + story assignment"] = time.process_time() - cpu_started
    return totals, cpu


def time_cli_one_article(repeats: int = 3) -> float:
    """Median wall time of `storyline analyze ONE_FILE --json`, start-up and model loading included."""
    command = [str(Path(sys.executable).parent / "storyline"), "analyze", str(ONE_ARTICLE), "--json"]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def time_cli_end_to_end(records: list[dict], workers: int | None) -> tuple[float, float]:
    """Wall seconds of `storyline analyze FILE --json > out.json` and of `storyline ingest FILE`
    into a fresh SQLite file, as users run them: start-up, reading, analysis, link step, output."""
    import tempfile

    command = [str(Path(sys.executable).parent / "storyline")]
    chosen = ["--workers", str(workers)] if workers else []
    with tempfile.TemporaryDirectory(prefix="storyline-speed-") as folder:
        source = Path(folder) / "articles.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        with open(Path(folder) / "out.json", "w") as out:
            started = time.perf_counter()
            subprocess.run([*command, "analyze", str(source), "--json", *chosen], check=True, stdout=out,
                           stderr=subprocess.DEVNULL)
            analyze = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run([*command, "ingest", str(source), "--db", str(Path(folder) / "speed.db"), *chosen],
                       check=True, capture_output=True)
        return analyze, time.perf_counter() - started


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of the largest child (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def rate_row(label: str, seconds: float, articles: int, words: int) -> str:
    return f"| {label} | {seconds:.2f} | {articles / seconds:,.1f} | {words / seconds:,.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=["auto", "sample", "shared"], default="auto")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--min-words", type=int, default=None,
                        help="only articles of at least this many words, from every pool (load_long_records)")
    parser.add_argument("--cli", action=argparse.BooleanOptionalAction, default=True,
                        help="also time the `analyze` and `ingest` commands end to end (all cores, then one)")
    parser.add_argument("--cli-only", action="store_true",
                        help="only the baseline and the commands end to end (and the cold start): a quick check")
    parser.add_argument("--batch", type=int, default=BATCH,
                        help="articles per worker task and model call (1: one model call per article, as before round three)")
    args = parser.parse_args()
    if args.min_words:
        name, records = load_long_records(args.source, args.min_words)
        records = records[:args.limit] if args.limit else records
    else:
        name, records = load_records(args.source, args.limit)
    words = count_words(records)
    print(f"Texts: {name}: {len(records)} articles, {words:,} words ({words / len(records):.0f} per article)\n")
    print(f"Load average before the run: {load_average()}\n")
    print("| run | seconds | articles/s | words/s |\n|---|---:|---:|---:|")
    print(rate_row("baseline: spaCy blank('de') tokenizer, 1 process", time_baseline(records), len(records), words))
    for workers in (None, 1) if args.cli else ():
        label = "default: all cores" if workers is None else f"--workers {workers}"
        analyze, ingest = time_cli_end_to_end(records, workers)
        print(rate_row(f"`storyline analyze FILE --json` end to end ({label})", analyze, len(records), words))
        print(rate_row(f"`storyline ingest FILE` into new SQLite end to end ({label})", ingest, len(records), words))
    if args.cli_only:
        print(f"\n`storyline analyze` on one article, cold start (median of 3): {time_cli_one_article():.2f} s")
        print(f"Load average after the run: {load_average()}")
        print(f"\ncommand: .venv/bin/python benchmarks/{Path(__file__).name} {' '.join(sys.argv[1:])}")
        return
    cpu_rows = []
    for workers in args.workers:
        run = time_pool(records, workers, args.batch)
        if len(run.analyzed) < len(records):
            print(f"| ({len(records) - len(run.analyzed)} article(s) failed, see standard error) | | | |")
        print(rate_row(f"Storyline analysis, {workers} worker(s)", run.analysis, len(records), words))
        print(rate_row(f"Storyline analysis + link step, {workers} worker(s)", run.analysis + run.link, len(records), words))
        cpu_rows.append(f"| {workers} | {1000 * run.worker_cpu / len(records):.1f} | "
                        f"{1000 * run.parent_cpu / len(records):.2f} | {run.worker_cpu / run.analysis / workers:.0%} |")
    print("\n| workers | worker CPU ms per article | parent CPU ms per article | worker CPU / (wall × workers) |")
    print("|---:|---:|---:|---:|\n" + "\n".join(cpu_rows))
    stages, cpu = time_stages(records)
    print("\n| stage (1 process) | ms per article | CPU ms per article | share |\n|---|---:|---:|---:|")
    for stage, seconds in stages.items():
        print(f"| {stage} | {1000 * seconds / len(records):.1f} | {1000 * cpu[stage] / len(records):.1f} "
              f"| {seconds / sum(stages.values()):.0%} |")
    print(f"| total | {1000 * sum(stages.values()) / len(records):.1f} | "
          f"{1000 * sum(cpu.values()) / len(records):.1f} | |")
    own, child = peak_rss_mb()
    print(f"\nPeak RSS: main process {own:,.0f} MB, largest worker {child:,.0f} MB")
    print(f"`storyline analyze` on one article, cold start (median of 3): {time_cli_one_article():.2f} s")
    print(f"Load average after the run: {load_average()}")
    print(f"\ncommand: .venv/bin/python benchmarks/{Path(__file__).name} {' '.join(sys.argv[1:])}")


def load_average() -> str:
    """The 1-, 5- and 15-minute load: other jobs on the machine slow every wall-clock figure."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
