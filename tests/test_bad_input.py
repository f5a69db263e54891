"""Bad input is reported with file, place and reason; the batch goes on; stored data stays."""
import gzip
import shutil

import pytest

from storyline.flow import ingest_paths

from conftest import INPUTS, SEEDS, run_cli


def reasons(report):
    return {(p.path.rsplit("/", 1)[-1], p.where, p.severity): p.reason for p in report.problems}


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "eingang"
    folder.mkdir()
    shutil.copy(SEEDS / "004_956d5f3b9d4ee0dc.txt", folder)
    return folder


def test_binary_file_is_reported_by_name_and_the_rest_goes_in(store, folder):
    (folder / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    report = ingest_paths(store, [folder])
    assert reasons(report) == {("bild.png", None, "error"): "binary file, not text"}
    assert report.added == ["004_956d5f3b9d4ee0dc"]


def test_empty_file(store, folder):
    (folder / "leer.txt").write_text("")
    report = ingest_paths(store, [folder])
    assert reasons(report)[("leer.txt", None, "error")] == "empty article text"
    assert len(report.added) == 1


def test_latin1_file_is_read_correctly_with_a_warning(store, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("date 2023-09-13 Der Präsident traf Kim in Pjöngjang. Größer wird es nicht.".encode("latin-1"))
    report = ingest_paths(store, [path])
    assert "read as Windows-1252/Latin-1" in reasons(report)[("latin1.txt", None, "warning")]
    assert "Pjöngjang" in store.get_article("latin1").text


def test_missing_date_is_stored_without_inventing_one(store, tmp_path):
    path = tmp_path / "artikel.jsonl"
    path.write_text('{"id": "ohne-datum", "text": "Putin traf Kim in Wostotschny."}\n')
    report = ingest_paths(store, [path])
    assert reasons(report)[("artikel.jsonl", "line 1", "warning")] == "no date: stored without a date"
    assert store.get_article("ohne-datum").date is None


def test_impossible_date_is_set_aside(store, tmp_path):
    path = tmp_path / "artikel.jsonl"
    path.write_text('{"id": "a", "text": "Erster Text über Kim.", "date": "2023-13-45"}\n'
                    '{"id": "b", "text": "Zweiter Text über Putin.", "date": "2023-09-13"}\n')
    report = ingest_paths(store, [path])
    assert reasons(report)[("artikel.jsonl", "line 1", "error")] == "impossible month 2023-13"
    assert report.added == ["b"]


def test_gigantic_article_is_set_aside(store, tmp_path):
    path = tmp_path / "riesig.txt"
    path.write_text("date 2023-09-13 " + "Putin traf Kim. " * 1_300_000)  # about 20 MB
    report = ingest_paths(store, [path])
    assert "article text too large" in reasons(report)[("riesig.txt", None, "error")]
    assert store.count_articles() == 0


def test_broken_html_still_yields_its_text_or_a_reason(store, tmp_path):
    good = tmp_path / "kaputt.html"
    good.write_text("<html><body><div><p>Putin traf Kim auf dem Weltraumbahnhof Wostotschny im Fernen Osten. "
                    "Die beiden sprachen mehr als zwei Stunden über Zusammenarbeit<div><p>und Raketen</b></i>")
    empty = tmp_path / "leer.html"
    empty.write_text("<html><body><div><script>alert(1)</script></div>")
    report = ingest_paths(store, [good, empty])
    assert len(report.added) == 1
    assert reasons(report)[("leer.html", None, "error")] == "no main text found in the HTML page"


def test_truncated_gzip_and_warc(store, tmp_path):
    data = (INPUTS / "archiv.warc.gz").read_bytes()
    (tmp_path / "abgebrochen.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    (tmp_path / "abgebrochen.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "Kim."}\n')[:20])
    report = ingest_paths(store, [tmp_path])
    problems = reasons(report)
    assert any(name == "abgebrochen.warc.gz" and "truncated" in reason for (name, _, _), reason in problems.items())
    assert any(name == "abgebrochen.jsonl.gz" and "cannot read" in reason for (name, _, _), reason in problems.items())
    assert report.added, "the records before the damage are kept"


def test_jsonl_line_that_is_not_json(store, tmp_path):
    path = tmp_path / "artikel.jsonl"
    path.write_text('{"id": "a", "text": "Erster Text über Kim.", "date": "2023-09-13"}\n'
                    '{"id": "b", "text": kaputt\n'
                    '{"id": "c", "text": "Dritter Text über Putin.", "date": "2023-09-14"}\n')
    report = ingest_paths(store, [path])
    assert reasons(report)[("artikel.jsonl", "line 2", "error")].startswith("not JSON")
    assert report.added == ["a", "c"]


def test_nothing_already_stored_changes(store, tmp_path):
    ingest_paths(store, [SEEDS])
    before = {a.id: a.text for a in store.list_articles()}
    (tmp_path / "bild.bin").write_bytes(bytes(range(256)) * 10)
    ingest_paths(store, [tmp_path, SEEDS])
    assert {a.id: a.text for a in store.list_articles()} == before


def test_cli_summary_and_exit_codes(tmp_path):
    db = str(tmp_path / "cli.db")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    only_bad = run_cli("ingest", str(tmp_path / "bild.png"), "--db", db, check=False)
    assert only_bad.returncode == 1
    assert "bild.png: binary file, not text" in only_bad.stderr
    mixed = run_cli("ingest", str(tmp_path / "bild.png"), str(SEEDS), "--db", db)
    assert "Stored 2 new articles" in mixed.stdout
    assert "bild.png: binary file, not text" in mixed.stderr
