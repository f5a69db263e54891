"""The bundled demo sample (`make demo`) shows what Storyline is for: events told by several outlets.

Ingests src/storyline/data/demo_sample into a fresh SQLite file through the CLI, as `make demo` does.
"""
import json

import pytest

from conftest import ROOT, run_cli, run_json

SAMPLE = ROOT / "src" / "storyline" / "data" / "demo_sample"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("demo") / "demo.db")
    run_cli("ingest", str(SAMPLE), "--db", path)
    return path


def test_sample_is_small_and_every_article_carries_its_licence():
    files = list(SAMPLE.iterdir())
    assert sum(f.stat().st_size for f in files) < 10_000_000
    records = [json.loads(line) for line in (SAMPLE / "demo_de.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(record["licence"] and record["source"] for record in records)
    assert {"000_a83f360c9ad2210f", "004_956d5f3b9d4ee0dc"} <= {record["id"] for record in records}


def test_demo_has_five_stories_told_by_three_outlets_or_more(demo_db):
    stories = run_json("stories", "--db", demo_db, "--limit", "100")["stories"]
    wide = [story for story in stories if len(story["outlets"]) >= 3]
    assert len(wide) >= 5, [(s["title"], s["outlets"]) for s in stories]


def test_digest_shows_quotes_and_what_differs(demo_db):
    stories = run_json("digest", "--db", demo_db, "--limit", "20")["stories"]
    differing = [s for s in stories if len(s["outlets"]) >= 3 and s["quote_count"] and s["differences"]]
    assert len(differing) >= 2, [(s["title"], s["differences"]) for s in stories]
    seeds = next(s for s in stories if s["article_count"] == 2 and not s["outlets"])
    assert any(d.startswith("place superseded: Wladiwostok") for d in seeds["differences"])


def test_digest_prints_one_block_per_story(demo_db):
    out = run_cli("digest", "--db", demo_db, "--limit", "3").stdout
    assert out.count("  differs: ") == 3
    assert "outlets, 2016-04-22 – 2016-04-27" in out
