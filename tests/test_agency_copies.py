"""Agency copies: two outlets print the same dpa text. The story lists each of its quotes and
statements once, with both outlets, and a fact only the copies state has a single source."""
import json

import pytest

from conftest import run_cli, run_json

COPY = ("Die Lufthansa kündigte wegen eines Warnstreiks der Gewerkschaft Verdi an sechs deutschen Flughäfen "
        "massive Flugausfälle für Mittwoch an. „Wir bitten alle Fluggäste um Verständnis“, sagte ein Sprecher der "
        "Lufthansa in Frankfurt. Betroffen sind die Flughäfen München, Frankfurt und Düsseldorf.")
ARTICLES = [
    {"id": "gmx", "date": "2016-04-26", "outlet": "gmx.at", "title": "Warnstreik an sechs Flughäfen",
     "text": COPY},
    {"id": "borken", "date": "2016-04-26", "outlet": "borkenerzeitung.de", "title": "Verdi: Warnstreik an Flughäfen",
     "text": "Frankfurt/Main (dpa) - " + COPY + " Reisende sollten sich vorab informieren."},
    {"id": "tz", "date": "2016-04-26", "outlet": "tz.de", "title": "Flughafen München: Warnstreik am Mittwoch",
     "text": "Verdi hat das Bodenpersonal an sechs Flughäfen zum Warnstreik am Mittwoch aufgerufen. "
             "„Der Streik trifft vor allem Urlauber“, sagte ein Sprecher der Lufthansa in Frankfurt. "
             "In München fallen nach Angaben der Flughafengesellschaft 400 Flüge aus."},
]


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    folder = tmp_path_factory.mktemp("copies")
    source, db = folder / "warnstreik.jsonl", str(folder / "copies.db")
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    run_cli("ingest", str(source), "--db", db)
    story_id = next(s["id"] for s in run_json("stories", "--db", db)["stories"] if s["article_count"] >= 2)
    return run_json("story", story_id, "--db", db)


def test_a_quote_printed_by_two_outlets_is_listed_once_with_both(story):
    assert {"gmx", "borken"} <= {a["id"] for a in story["articles"]}
    quotes = [q for group in story["quotes_by_speaker"] for q in group["quotes"]]
    copied = [q for q in quotes if "Fluggäste um Verständnis" in q["text"]]
    assert len(copied) == 1
    assert {copied[0]["article"]} | {c["article"] for c in copied[0].get("also", [])} == {"gmx", "borken"}


def test_a_fact_stated_only_by_copies_is_one_statement(story):
    for fact in story["facts"]:
        sentences = [" ".join(v["sentence"].split()) for v in fact["values"]]
        assert len(sentences) == len(set(sentences)), fact  # no statement twice
        if fact["status"] == "agreed":  # agreement needs two different statements
            assert len(fact["values"]) >= 2
    assert any(v.get("also") for fact in story["facts"] for v in fact["values"])


def test_a_page_that_prints_its_body_twice_lists_each_quote_once(tmp_path):
    body = ("Die Zahl der Verletzten habe ebenfalls zugelegt, erklärte der Sicherheitsminister des Landes. "
            "Staatschef Rafael Correa hatte zuvor von über 2000 Verletzten gesprochen.")
    source, db = tmp_path / "doppelt.jsonl", str(tmp_path / "doppelt.db")
    source.write_text(json.dumps({"id": "doppelt", "date": "2016-04-18", "outlet": "beispiel.de",
                                  "text": body + "\n\n" + body}, ensure_ascii=False) + "\n", encoding="utf-8")
    run_cli("ingest", str(source), "--db", db)
    story = run_json("story", run_json("stories", "--db", db)["stories"][0]["id"], "--db", db)
    texts = [q["text"] for group in story["quotes_by_speaker"] for q in group["quotes"]]
    assert texts.count("Die Zahl der Verletzten habe ebenfalls zugelegt") == 1
