"""End to end on the seeds: one story, Putin's quotes under his name, the place superseded."""
import pytest

from conftest import SEEDS, run_cli, run_json


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("stories") / "news.db")
    run_cli("ingest", str(SEEDS), "--db", path)
    return path


def test_both_seed_articles_form_one_story_with_the_place_superseded(db):
    page = run_json("stories", "--db", db)
    assert page["total"] == 1
    story = run_json("story", page["stories"][0]["id"], "--db", db)
    assert sorted(a["id"] for a in story["articles"]) == ["000_a83f360c9ad2210f", "004_956d5f3b9d4ee0dc"]
    place = next(f for f in story["facts"] if f["slot"] == "place")
    assert place["status"] == "superseded"
    assert place["values"][0]["value"] == "Wladiwostok (speculated)"
    assert place["values"][-1]["value"].endswith("Wostotschny")


def test_quotes_by_speaker_name_variant(db):
    result = run_json("quotes", "--speaker", "Putin", "--db", db)
    assert result["speaker"]["name"] == "Wladimir Putin"
    texts = [q["text"] for q in result["quotes"]]
    assert any(t.startswith("Lieber ein alter Freund als zwei neue") for t in texts)
    assert any(t.startswith("Das ist natürlich machbar") for t in texts)


def test_entities_and_entity_page(db):
    people = {e["name"]: e for e in run_json("entities", "--type", "PER", "--db", db)}
    assert sorted(people["Wladimir Putin"]["variants"]) == ["Putin", "Wladimir Putin"]
    assert "Kremlsprecher" in people["Dimitri Peskow"]["roles"]
    detail = run_json("entity", "Peskov", "--db", db)  # the English spelling finds the German one
    assert detail["name"] == "Dimitri Peskow"


def test_recluster_gives_the_same_stories(db):
    before = run_json("stories", "--db", db)["stories"][0]["article_count"]
    run_cli("recluster", "--db", db)
    after = run_json("stories", "--db", db)
    assert after["total"] == 1 and after["stories"][0]["article_count"] == before


def test_indirect_speech_is_shown_without_quotation_marks_of_its_own():
    from storyline.cli.story_commands import shown_quote

    assert shown_quote({"text": "Danke Kim!", "kind": "direct"}) == "„Danke Kim!“"
    assert shown_quote({"text": "Es gebe „viele Fragen“ zu besprechen", "kind": "indirect"}) == \
        "Es gebe „viele Fragen“ zu besprechen"
