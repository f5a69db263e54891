"""Crash safety: `storyline ingest` killed with SIGKILL at random points, then rerun, loses nothing.

Each rerun must leave every article stored exactly once (rows, search index, analysis), a store
that passes SQLite's integrity and foreign-key checks, and after the last full run every article
analysed and in a story. Most kills hit store-only runs (`--skip-analysis`) because they are fast;
some hit runs with analysis so that kills land inside analysis and story writes too.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import text

from conftest import ROOT

SAMPLE = ROOT / "src" / "storyline" / "data" / "sample" / "wikinews_de.jsonl"


def write_articles(path: Path, count: int, tag: str = "") -> list[str]:
    """`count` distinct articles from the Wikinews sample: own ids and a sentence of their own."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            record = dict(records[number % len(records)])
            record["id"] = f"{record['id']}-{tag}{number}"
            record["text"] = f"Diese Meldung {tag}trägt die laufende Nummer {number}. " + record["text"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            ids.append(record["id"])
    return ids


def start_ingest(source: Path, db: Path, analyze: bool) -> subprocess.Popen:
    args = [sys.executable, "-m", "storyline.cli", "ingest", str(source), "--db", str(db)]
    return subprocess.Popen(args + ([] if analyze else ["--skip-analysis"]), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, "LANG": "C.UTF-8"})


def kill_after(process: subprocess.Popen, seconds: float) -> bool:
    """SIGKILL the process after `seconds` unless it ended before; True if it was killed."""
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stderr.close()
        return True
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.returncode == 0, stderr
    return False


def store_counts(db: Path) -> dict:
    """What a user would count: rows per table, duplicates, and SQLite's own checks."""
    from storyline.store.db import Store
    from storyline.store.linked import analyzed_without_story, unanalyzed_articles

    store = Store(db)
    with store.engine.connect() as conn:
        count = lambda sql: conn.execute(text(sql)).scalar_one()  # noqa: E731
        counts = {
            "articles": count("SELECT count(*) FROM articles"),
            "distinct_texts": count("SELECT count(DISTINCT content_hash) FROM articles"),
            "search_rows": count("SELECT count(*) FROM articles_fts"),
            "search_ids": count("SELECT count(DISTINCT article_id) FROM articles_fts"),
            "orphan_analyses": count("SELECT count(*) FROM analyses WHERE article_id NOT IN "
                                     "(SELECT id FROM articles)"),
        }
        ids = set(conn.execute(text("SELECT id FROM articles")).scalars())
    counts.update(integrity=store.integrity_problems(), unanalyzed=len(unanalyzed_articles(store)),
                  without_story=len(analyzed_without_story(store)), ids=ids)
    store.engine.dispose()
    return counts


def assert_sound(counts: dict, expected_ids: set[str] | None = None) -> None:
    assert counts["integrity"] == []
    assert counts["articles"] == counts["distinct_texts"] == counts["search_rows"] == counts["search_ids"]
    assert counts["orphan_analyses"] == 0
    if expected_ids is not None:
        assert counts["ids"] == expected_ids


def crash_and_recover(tmp_path: Path, articles: int, kills: int, with_analysis: int, seed: int) -> dict:
    """SIGKILL ingests at seeded random times until `kills` runs were really killed (the first
    `with_analysis` of them analysing, while there is still analysis left to interrupt), check
    the store after every run, then run one ingest to the end and return what it left."""
    source, db = tmp_path / "artikel.jsonl", tmp_path / "crash.db"
    expected = set(write_articles(source, articles))
    rng = random.Random(seed)
    started = time.monotonic()
    full_run = _time_full_run(source, tmp_path / "timing.db")
    killed = runs = killed_analysing = 0
    while killed < kills and runs < 2 * kills:
        analyze = killed < with_analysis
        # a rerun reads everything again but skips what is stored, so it ends a little sooner
        was_killed = kill_after(start_ingest(source, db, analyze), rng.uniform(0.3, full_run * (2 if analyze else 0.9)))
        killed, killed_analysing, runs = killed + was_killed, killed_analysing + (was_killed and analyze), runs + 1
        counts = store_counts(db) if db.exists() else None
        if counts:
            assert_sound(counts)
            assert counts["ids"] <= expected
    assert kill_after(start_ingest(source, db, analyze=True), 3600) is False
    counts = store_counts(db)
    assert_sound(counts, expected)
    return {**counts, "killed": killed, "killed_analysing": killed_analysing, "runs": runs,
            "seconds": time.monotonic() - started}


def _time_full_run(source: Path, db: Path) -> float:
    """How long one uninterrupted store-only ingest takes, so kill times spread over a whole run."""
    started = time.monotonic()
    assert kill_after(start_ingest(source, db, analyze=False), 3600) is False
    return time.monotonic() - started


def test_killed_ingests_lose_nothing_and_store_nothing_twice(tmp_path):
    result = crash_and_recover(tmp_path, articles=200, kills=5, with_analysis=2, seed=9)
    assert result["killed"] == 5  # the kills really interrupted runs
    assert result["articles"] == 200
    assert result["unanalyzed"] == 0 and result["without_story"] == 0


@pytest.mark.slow
def test_twenty_five_kills_during_a_2000_article_ingest(tmp_path):
    result = crash_and_recover(tmp_path, articles=2000, kills=25, with_analysis=5, seed=2026)
    print(f"\ncrash test: {result['killed']} of {result['runs']} runs killed ({result['killed_analysing']} "
          f"analysing), {result['articles']} articles, {result['seconds']:.0f} s, "
          f"load average at the end {os.getloadavg()}")
    assert result["killed"] == 25
    assert result["articles"] == 2000
    assert result["unanalyzed"] == 0 and result["without_story"] == 0


def serve_site(pages: dict[str, str]) -> tuple[ThreadingHTTPServer, str]:
    """A feed and its pages on a free loopback port, served from a thread of the test process."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml" if self.path.endswith(".xml") else "text/html")
            self.end_headers()
            self.wfile.write((body or "").encode("utf-8"))

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def news_site(count: int, base: str) -> dict[str, str]:
    """`count` pages made from the Wikinews sample (own sentence each) and an RSS feed listing them."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    pages, items = {}, []
    for number in range(count):
        record = records[number % len(records)]
        paragraphs = "".join(f"<p>{part}</p>" for part in record["text"].split(". ") if part)
        pages[f"/artikel/{number}.html"] = (
            f"<html><head><title>{record['title']}</title></head><body><article><h1>{record['title']}</h1>"
            f"<p>Diese Meldung trägt die laufende Nummer {number}.</p>{paragraphs}</article></body></html>")
        url = f"{base}/artikel/{number}.html"
        items.append(f"<item><title>{record['title']}</title><link>{url}</link><guid>{url}</guid>"
                     f"<pubDate>Wed, 13 Sep 2023 10:00:00 +0200</pubDate></item>")
    pages["/feed.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Nachrichten'
                          f"</title><link>{base}/</link>{''.join(items)}</channel></rss>")
    return pages


def start_watch(feed: str, db: Path) -> subprocess.Popen:
    args = [sys.executable, "-m", "storyline.cli", "watch", feed, "--once", "--delay", "0",
            "--allow-private", "--per-host", "1000",
            "--db", str(db)]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killed_watch_polls_lose_nothing_and_store_nothing_twice(tmp_path):
    pages: dict[str, str] = {}
    server, base = serve_site(pages)
    pages.update(news_site(20, base))
    db, rng = tmp_path / "watch.db", random.Random(13)
    started = time.monotonic()
    assert kill_after(start_watch(base + "/feed.xml", tmp_path / "timing.db"), 600) is False
    full_run = time.monotonic() - started
    killed = runs = 0
    while killed < 3 and runs < 8:
        # reruns skip the pages already stored, so they end sooner than the timing run
        killed += kill_after(start_watch(base + "/feed.xml", db), rng.uniform(0.3, 0.8 * full_run))
        runs += 1
        if db.exists():
            assert_sound(store_counts(db))
    assert kill_after(start_watch(base + "/feed.xml", db), 600) is False
    server.shutdown()
    counts = store_counts(db)
    assert killed == 3
    assert_sound(counts, {f"{base}/artikel/{number}.html" for number in range(20)})
    assert counts["unanalyzed"] == 0 and counts["without_story"] == 0


def read_batch_output(out: Path) -> list[dict] | None:
    """The articles table as a reader sees it: its rows, or None when the output says incomplete."""
    from storyline.engine.batch import IncompleteOutput, read_parquet

    try:
        return read_parquet(out, "articles")
    except (IncompleteOutput, FileNotFoundError):
        return None


def test_a_killed_batch_never_leaves_output_that_reads_as_complete(tmp_path):
    source, out = tmp_path / "artikel.jsonl", tmp_path / "ergebnis"
    expected = set(write_articles(source, 40))
    command = [sys.executable, "-m", "storyline.cli", "batch", str(source), "--out", str(out), "--engine", "local",
               "--workers", "1"]
    started = time.monotonic()
    assert kill_after(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE), 600) is False
    full_run, rng, killed = time.monotonic() - started, random.Random(4), 0
    for _ in range(4):
        killed += kill_after(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE),
                             rng.uniform(0.5, full_run))
        rows = read_batch_output(out)
        # the last complete output, or refused: never a partial table taken as complete
        assert rows is None or {row["id"] for row in rows} == expected
    assert killed >= 2
    assert kill_after(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE), 600) is False
    assert {row["id"] for row in read_batch_output(out)} == expected


def kill_group_after(process: subprocess.Popen, seconds: float) -> bool:
    """Like `kill_after`, for a process started in its own session: SIGKILL the whole group (the CLI,
    Spark's JVM and its Python workers) and wait until none of them is left; True if it was killed."""
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 30
        while _group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _group_alive(process.pid), "a Spark process survived the kill"
        return True
    assert process.returncode == 0, process.stderr.read().decode()[-3000:]
    return False


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def start_spark_batch(source: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "storyline.cli", "batch", str(source), "--out", str(out), "--engine", "spark",
               "--master", "local[2]"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def read_spark_tables(out: Path, expected: set[str]) -> str:
    """"complete" or "incomplete" for each table; a readable table must hold the whole input."""
    from storyline.engine.batch import IncompleteOutput, read_parquet

    states = []
    for name in ("articles", "stories"):
        try:
            rows = read_parquet(out, name)
        except (IncompleteOutput, FileNotFoundError):
            states.append("incomplete")
            continue
        ids = [row["id"] for row in rows] if name == "articles" else \
            [article for row in rows for article in row["articles"]]
        assert sorted(ids) == sorted(expected), f"{name} reads as complete but is not"
        states.append("complete")
    return "/".join(states)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (apt install openjdk-17-jre)")
def test_a_killed_spark_batch_never_leaves_output_that_reads_as_complete(tmp_path):
    pytest.importorskip("pyspark", reason="needs pyspark (pip install -e .[spark])")
    source, out = tmp_path / "artikel.jsonl", tmp_path / "ergebnis"
    expected = set(write_articles(source, 200))
    started = time.monotonic()
    assert kill_group_after(start_spark_batch(source, tmp_path / "zeitlauf"), 1800) is False
    full_run, rng, killed, runs, seen = time.monotonic() - started, random.Random(7), 0, 0, []
    while killed < 4 and runs < 8:
        # one seeded time in each quarter of the run after the JVM's start-up, so that kills land in
        # the analysis and in the story step (the articles table written, the stories table not yet)
        stratum = 0.25 + 0.1875 * (runs % 4)
        killed += kill_group_after(start_spark_batch(source, out), rng.uniform(stratum, stratum + 0.1875) * full_run)
        runs += 1
        seen.append(read_spark_tables(out, expected))
    assert kill_group_after(start_spark_batch(source, out), 1800) is False
    assert read_spark_tables(out, expected) == "complete/complete"
    print(f"\nspark crash test: {killed} of {runs} runs killed, full run {full_run:.0f} s, after each kill: "
          f"{seen}, {time.monotonic() - started:.0f} s in all, load average {os.getloadavg()}")
    assert killed >= 3
