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
    every = " ".join(d for s in stories for d in s["differences"])
    assert "Airport" not in every and "place conflicting" not in every  # strike airports are sites, not a conflict


def test_the_ecuador_death_toll_rises_from_report_to_report(demo_db):
    stories = run_json("stories", "--db", demo_db, "--limit", "100")["stories"]
    quake = next(s for s in stories if "Ecuador" in s["title"])
    facts = run_json("story", quake["id"], "--db", demo_db)["facts"]
    toll = next(f for f in facts if f["slot"] == "count" and f["counted"] == "Tote")
    assert toll["status"] == "superseded"
    assert [v["number"] for v in toll["values"]][0] == 233 and toll["values"][-1]["number"] == 350


def test_photo_credits_are_no_participants(demo_db):
    people = {entity["name"] for entity in run_json("entities", "--type", "PER", "--limit", "1000", "--db", demo_db)}
    assert not people & {"Peter Kneffel", "Boris Roessler", "Frank Rumpenhorst", "Bernd Wüstneck", "Kay Nietfeld"}


def test_digest_prints_one_block_per_story(demo_db):
    out = run_cli("digest", "--db", demo_db, "--limit", "3").stdout
    assert out.count("  differs: ") == 3
    assert "outlets, 2016-04-22 – 2016-04-27" in out


def test_digest_says_when_a_story_names_no_outlet(demo_db):
    """The two seed reports carry no outlet: the digest says so rather than "0 outlets"."""
    out = run_cli("digest", "--db", demo_db, "--limit", "20").stdout
    assert "2 articles, no outlet named, 2023-09" in out
    assert "0 outlets" not in out


def test_one_story_is_told_in_german_and_english(demo_db):
    stories = run_json("stories", "--db", demo_db, "--limit", "100")["stories"]
    both = [story for story in stories if story["languages"] == ["de", "en"]]
    assert [story["title"] for story in both] == ["Opferzahl in Ecuador auf 350 Tote gestiegen"]
    assert both[0]["article_count"] == 5


def test_each_story_lists_each_person_once(demo_db):
    """Real reports from many outlets name one person in many ways ("Putin", "Wladimir Putin",
    "Kremlchef Putin"): a story's actors hold each person once. Two people who share a surname are
    listed apart only under two different given names (Kim Jong Il and Kim Jong-un)."""
    stories = run_json("stories", "--db", demo_db, "--limit", "100")["stories"]
    for story in stories:
        people = [a for a in run_json("story", story["id"], "--db", demo_db)["actors"] if a["type"] == "PER"]
        for n, person in enumerate(people):
            for other in people[n + 1:]:
                shared = {v.split()[-1] for v in person["variants"]} & {v.split()[-1] for v in other["variants"]}
                if shared:
                    given = {person["name"].split()[0], other["name"].split()[0]}
                    assert len(given) == 2 and len(person["name"].split()) > 1 < len(other["name"].split()), \
                        (story["title"], person["variants"], other["variants"])
