"""How fast the story page renders for a story of ~200 articles (target: under 300 ms).

The store is built once (and cached) by the real ingest path from 200 German articles made from the
sentences of the seed articles and test inputs (shuffled, 8 outlets, September 2023), so they
cluster into one story. Timed, in-process through the test client, median of the runs:
  - baseline 1: `views.story_detail` alone (the library call every view starts with);
  - baseline 2: the JSON twin /api/stories/{id} (same data, no template, no map);
  - ours: the HTML page /stories/{id} (template + server-drawn SVG map);
  - also: the self-contained HTML report.

Usage: .venv/bin/python benchmarks/web_speed.py [--articles 200] [--runs 15] [--db /tmp/storyline-web-bench.db]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["Beispielblatt", "Morgenpost", "Tagesblatt", "Abendzeitung", "Rundschau", "Kurier", "Anzeiger", "Bote"]


def source_sentences() -> list[str]:
    """Content sentences of the seed articles and the JSON Lines inputs (real German news text)."""
    from storyline.ingest.article import make_article

    texts = [p.read_text(encoding="utf-8").split(" ", 2)[2] for p in sorted((ROOT / "tests/data/seeds").glob("*.txt"))]
    texts += [json.loads(line)["text"] for line in (ROOT / "tests/data/inputs/artikel.jsonl").read_text().splitlines()
              if line.strip()]
    sentences = []
    for text in texts:
        article = make_article(text, date="2023-09")
        sentences += [article.text[s.start:s.end] for s in article.content_sentences()]
    return sentences


def write_articles(path: Path, count: int) -> None:
    rng = random.Random(7)
    sentences = source_sentences()
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            picked = rng.sample(sentences, k=min(12, len(sentences)))
            record = {"id": f"bench-{number:03d}", "date": f"2023-09-{1 + number % 28:02d}",
                      "outlet": OUTLETS[number % len(OUTLETS)], "title": picked[0][:80],
                      "text": "\n\n".join(" ".join(picked[i:i + 3]) for i in range(0, len(picked), 3))}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def build_store(db: Path, count: int) -> None:
    from storyline.ingest.read import ReadOptions
    from storyline.flow import ingest_paths
    from storyline.store.db import Store

    source = db.with_suffix(".jsonl")
    write_articles(source, count)
    started = time.perf_counter()
    report = ingest_paths(Store(db), [source], ReadOptions(format="jsonl"))
    print(f"built {db}: {len(report.added)} articles in {time.perf_counter() - started:.0f} s")


def time_ms(call, runs: int) -> tuple[float, float]:
    """(median, best) in ms; the best shows the cost on an idle machine (the 2 cores here are shared)."""
    call()  # warm caches (templates, world outlines), as a running server would have them
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path, default=Path("/tmp/storyline-web-bench.db"))
    args = parser.parse_args()
    if not args.db.exists():
        build_store(args.db, args.articles)
    from fastapi.testclient import TestClient

    from storyline import views
    from storyline.web.app import create_app
    from storyline.web.report import story_html

    app = create_app(str(args.db))
    client = TestClient(app)
    story = max(views.list_stories(app.state.store, limit=200)["stories"], key=lambda s: s["article_count"])
    detail = views.story_detail(app.state.store, story["id"])
    rows = [("views.story_detail (library call)", lambda: views.story_detail(app.state.store, story["id"])),
            (f"GET /api/stories/{story['id']} (JSON twin)", lambda: client.get(f"/api/stories/{story['id']}")),
            (f"GET /stories/{story['id']} (HTML page)", lambda: client.get(f"/stories/{story['id']}")),
            ("story_html (mailable report, data given)", lambda: story_html(detail))]
    print(f"story {story['id']}: {story['article_count']} articles, {len(detail['quotes_by_speaker'])} speakers, "
          f"{len(detail['timeline'])} timeline entries, {len(detail['places'])} places; {args.runs} runs")
    print(f"  {'':<55} {'median':>9} {'best':>9}")
    for name, call in rows:
        median, best = time_ms(call, args.runs)
        print(f"  {name:<55} {median:6.1f} ms {best:6.1f} ms")
    size = len(client.get(f"/stories/{story['id']}").content)
    print(f"  HTML page size: {size:,} bytes")


if __name__ == "__main__":
    main()
