"""Load test of `storyline serve` on loopback with a 100,000-article store.

The store: the bundled Wikinews sample (148 articles) ingested by the real path (analysis,
entities, stories), then copied in SQL until it holds `--articles` articles: each copy gets new
article and story ids and its own search-index rows, so every copy is a separate story of its own
articles (the bulk path only for the benchmark; users' stores are built by `storyline ingest`).

The load: a bounded asyncio client (httpx) on the same machine, `--concurrency` requests in
flight, `--requests` per route (and at most `--seconds` per route), against the story list, a
story page, the search page, and the JSON API (story list and one story). Reported per route:
requests/s, p50/p95/p99 latency, errors. The baseline beside it is /healthz-like cheapest route
the app has (`/openapi.json`, served from memory), which is the ceiling of the server + client.

Usage: .venv/bin/python benchmarks/load.py [--articles 100000] [--requests 400] [--concurrency 8]
"""
from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "storyline" / "data" / "sample"
CACHE = ROOT / "build" / "load"
WORDS = ["Astronaut", "Regierung", "Polizei", "Berlin", "Wahl", "Präsident", "Fußball", "Erdbeben", "Streik", "Euro"]
COPIED = {  # table: the columns that name an article or a story, which get a per-copy suffix
    "articles": ("id",), "articles_fts": ("article_id",), "analyses": ("article_id",),
    "entity_articles": ("article_id",), "quotes": ("article_id",), "stories": ("id",),
    "story_articles": ("article_id", "story_id"),
}


def build_seed_store() -> Path:
    """The sample through `storyline ingest` once; cached in build/load/seed.db."""
    seed = CACHE / "seed.db"
    if not seed.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "storyline.cli", "ingest", str(SAMPLE), "--db", str(seed)],
                       check=True, capture_output=True)
    return seed


def build_store(articles: int) -> Path:
    """Copy the seed's rows until the store holds `articles` articles; cached by size."""
    target = CACHE / f"store-{articles}.db"
    if target.exists():
        return target
    seed = build_seed_store()
    partial = target.with_suffix(".partial")
    shutil.copy(seed, partial)
    conn = sqlite3.connect(partial)
    base = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    columns = {table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")] for table in COPIED}
    conn.execute("ATTACH DATABASE ? AS seed", (str(seed),))
    for copy in range(1, -(-articles // base)):
        copy_rows(conn, columns, copy)
    conn.commit()
    conn.close()
    partial.rename(target)  # a killed build never leaves a store that looks complete
    return target


def migrate_store(db: Path) -> float:
    """Run the store's pending migrations before the server starts (a cached store may predate an
    index; building it on 1.5 GB would otherwise land in the server's start-up or first requests)."""
    from storyline.store.db import Store

    started = time.perf_counter()
    Store(db).engine.dispose()
    return time.perf_counter() - started


def copy_rows(conn: sqlite3.Connection, columns: dict[str, list[str]], copy: int) -> None:
    """One copy of every seed row, with article and story ids (and the text's hash) made unique."""
    for table, renamed in COPIED.items():
        names = columns[table]
        values = [f"{name} || '~{copy}'" if name in renamed else
                  f"substr(content_hash, 1, 30) || printf('%010d', {copy})" if name == "content_hash" else name
                  for name in names]
        conn.execute(f"INSERT INTO main.{table} ({', '.join(names)}) "
                     f"SELECT {', '.join(values)} FROM seed.{table}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/openapi.json", timeout=5)
            return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("storyline serve did not start")


async def hammer(base: str, paths: list[str], count: int, concurrency: int, seconds: float) -> dict:
    """`count` GETs over `paths` (round robin), `concurrency` at a time, stopped after `seconds`."""
    import httpx

    latencies, errors, queue = [], [], iter(range(count))
    deadline = time.perf_counter() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        for number in queue:
            if time.perf_counter() > deadline:
                return
            started = time.perf_counter()
            try:
                response = await client.get(paths[number % len(paths)])
                if response.status_code != 200:
                    errors.append(response.status_code)
            except httpx.HTTPError as error:
                errors.append(type(error).__name__)
            latencies.append(time.perf_counter() - started)

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return summarize(latencies, errors, wall)


def summarize(latencies: list[float], errors: list, wall: float) -> dict:
    ordered = sorted(latencies)
    pick = lambda q: 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"requests": len(ordered), "rps": len(ordered) / wall, "p50": pick(0.50), "p95": pick(0.95),
            "p99": pick(0.99), "mean": 1000 * statistics.fmean(ordered), "errors": errors}


def routes(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """Paths per route: story ids and search words drawn at random from the store."""
    conn = sqlite3.connect(db)
    story_ids = [row[0] for row in conn.execute("SELECT id FROM stories ORDER BY random() LIMIT 200")]
    conn.close()
    return {
        "baseline: /openapi.json (no store access)": ["/openapi.json"],
        "story list /": ["/", "/?offset=50", "/?offset=5000"],
        "story page /stories/{id}": [f"/stories/{i}" for i in story_ids],
        "search /search?q=": [f"/search?q={rng.choice(WORDS)}" for _ in range(50)],
        "JSON /api/stories": ["/api/stories", "/api/stories?offset=50"],
        "JSON /api/stories/{id}": [f"/api/stories/{i}" for i in story_ids],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    print("Command: .venv/bin/python benchmarks/load.py " + " ".join(sys.argv[1:]))
    started = time.perf_counter()
    db = build_store(args.articles)
    migrated = migrate_store(db)
    conn = sqlite3.connect(db)
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "stories")]
    conn.close()
    print(f"Store: {counts[0]:,} articles, {counts[1]:,} stories, {db.stat().st_size / 1e6:,.0f} MB "
          f"(ready after {time.perf_counter() - started:.0f} s, {migrated:.0f} s of it for migrations)")
    server, base = start_server(db)
    try:
        print(f"\n{args.requests} requests per route, {args.concurrency} in flight, at most {args.seconds:.0f} s\n")
        print("| route | requests | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|---:|")
        for name, paths in routes(db, random.Random(5)).items():
            result = asyncio.run(hammer(base, paths, args.requests, args.concurrency, args.seconds))
            print(f"| {name} | {result['requests']} | {result['rps']:.1f} | {result['p50']:.0f} | "
                  f"{result['p95']:.0f} | {result['p99']:.0f} | {len(result['errors'])} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
