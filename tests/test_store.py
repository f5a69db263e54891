"""The SQLite store: migrations, duplicates, near-duplicates, search."""
import sqlite3

from storyline.ingest.article import make_article
from storyline.flow import ingest_paths
from storyline.store.db import Store
from storyline.store.schema import MIGRATIONS

from conftest import INPUTS, SEEDS

AGENCY = ("Der nordkoreanische Machthaber Kim Jong Un ist zu einem Treffen mit Präsident Wladimir Putin im Fernen "
          "Osten Russlands eingetroffen. Kremlsprecher Dimitri Peskow bestätigte am Dienstag die Ankunft des "
          "gepanzerten Zuges. Wo und wann das Treffen stattfinden soll, blieb offen. Spekuliert wurde über die "
          "Hafenstadt Wladiwostok, die Kim bereits im April 2019 besucht hatte.")


def test_ingesting_twice_adds_nothing(store):
    first = ingest_paths(store, [SEEDS])
    second = ingest_paths(store, [SEEDS])
    assert len(first.added) == 2 and second.added == [] and len(second.duplicates) == 2
    assert store.count_articles() == 2


def test_agency_copies_are_linked_not_dropped(store, tmp_path):
    copy = AGENCY.replace("Hafenstadt", "Großstadt") + " Mehr dazu später."
    (tmp_path / "a.jsonl").write_text(
        f'{{"id": "zeitung-a", "text": "{AGENCY}", "outlet": "A", "date": "2023-09-12"}}\n'
        f'{{"id": "zeitung-b", "text": "{copy}", "outlet": "B", "date": "2023-09-12"}}\n')
    report = ingest_paths(store, [tmp_path])
    assert report.added == ["zeitung-a", "zeitung-b"]
    assert [other for other, _ in store.near_duplicates_of("zeitung-a")] == ["zeitung-b"]


def test_unrelated_articles_are_not_near_duplicates(store):
    report = ingest_paths(store, [SEEDS, INPUTS / "artikel.jsonl"])
    assert report.near_duplicates == []


def test_search_finds_words_and_survives_query_syntax(store):
    ingest_paths(store, [SEEDS])
    assert [hit.article_id for hit in store.search("Wostotschny")] == ["000_a83f360c9ad2210f"]
    assert len(store.search('Kim" (')) == 2  # quotes and brackets are not query syntax
    assert store.search("Pjongjang")  # diacritics are folded


def test_migrations_are_recorded_and_reopening_upgrades_nothing(tmp_path):
    path = tmp_path / "s.db"
    Store(path).add_article(make_article("Putin traf Kim.", id="x"))
    Store(path)
    rows = sqlite3.connect(path).execute("SELECT version, name FROM schema_migrations").fetchall()
    assert [r[0] for r in rows] == list(range(1, len(MIGRATIONS) + 1))
    assert Store(path).get_article("x").text == "Putin traf Kim."


def test_a_different_text_under_a_known_id_is_reported(store, tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "gleich", "text": "Erster Text."}\n{"id": "gleich", "text": "Anderer Text."}\n')
    report = ingest_paths(store, [tmp_path])
    assert report.added == ["gleich"] and report.id_taken == ["gleich"]
    assert "already used by a different article" in report.errors[0].reason


def test_store_is_sound_after_ingest(store):
    ingest_paths(store, [SEEDS, INPUTS])
    assert store.integrity_problems() == []
