"""`storyline export`: the store's tables as JSON Lines, CSV and Parquet."""
import csv
import io
import json

import pytest

from storyline.export import export_table
from storyline.flow import ingest_paths

from conftest import INPUTS, SEEDS, run_cli


@pytest.fixture
def filled(store):
    ingest_paths(store, [SEEDS, INPUTS / "artikel.jsonl"])
    return store


def test_articles_as_jsonl_follow_the_json_contract(filled, tmp_path):
    count = export_table(filled, "articles", "jsonl", tmp_path / "a.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert count == len(rows) == 4
    dpa = next(row for row in rows if row["id"] == "dpa-1")
    assert (dpa["date"], dpa["outlet"], dpa["title"]) == ("2023-09-13", "Beispielblatt",
                                                          "Kim trifft Putin in Wostotschny")
    assert all(dpa["text"][e["start"]:e["end"]] == e["text"] for e in dpa["entities"])
    assert dpa["story"] is not None and len({row["story"] for row in rows}) == 1


def test_quotes_as_csv_name_their_speaker(filled, tmp_path):
    export_table(filled, "quotes", "csv", tmp_path / "q.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "q.csv").read_text(encoding="utf-8"))))
    assert rows and list(rows[0]) == ["article", "number", "start", "end", "text", "kind", "cue", "speaker_text",
                                      "speaker", "speaker_name"]
    first = next(row for row in rows if row["article"] == "000_a83f360c9ad2210f" and row["number"] == "0")
    assert (first["text"], first["kind"], first["cue"], first["speaker_name"]) == (
        "Lieber ein alter Freund als zwei neue, wie man bei uns im Volk sagt", "direct", "sagt", "Wladimir Putin")


def test_entities_and_stories_as_parquet(filled, tmp_path):
    import pyarrow.parquet as pq

    export_table(filled, "entities", "parquet", tmp_path / "e.parquet")
    export_table(filled, "stories", "parquet", tmp_path / "s.parquet")
    entities = pq.read_table(tmp_path / "e.parquet").to_pylist()
    putin = next(e for e in entities if e["name"] == "Wladimir Putin")
    assert putin["type"] == "PER" and putin["article_count"] >= 3 and "Putin" in json.loads(putin["variants"])
    stories = pq.read_table(tmp_path / "s.parquet").to_pylist()
    assert len(stories) == 1 and sorted(json.loads(stories[0]["articles"])) == [
        "000_a83f360c9ad2210f", "004_956d5f3b9d4ee0dc", "dpa-1", "dpa-2"]


def test_an_empty_store_exports_an_empty_parquet_file(store, tmp_path):
    import pyarrow.parquet as pq

    assert export_table(store, "quotes", "parquet", tmp_path / "q.parquet") == 0
    assert pq.read_table(tmp_path / "q.parquet").num_rows == 0


def test_export_command_writes_csv_to_stdout(tmp_path):
    db = str(tmp_path / "s.db")
    run_cli("ingest", str(SEEDS), "--db", db)
    result = run_cli("export", "entities", "--format", "csv", "--db", db)
    header, *rows = result.stdout.splitlines()
    assert header == "id,name,type,variants,roles,article_count"
    assert any(",Wladimir Putin,PER," in row for row in rows)
    refused = run_cli("export", "entities", "--format", "parquet", "--db", db, check=False)
    assert refused.returncode == 2 and "--out" in refused.stderr
