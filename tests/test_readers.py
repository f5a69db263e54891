"""Every reader on a small real file: the fields a user would check."""
from pathlib import Path

from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, read_paths
from storyline.ingest.tabular import FieldMap

from conftest import INPUTS, SEEDS


def articles_in(*paths, **options):
    items = list(read_paths(paths, ReadOptions(**options)))
    return [i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)]


def test_seed_format_with_leading_space_and_month_date():
    articles, problems = articles_in(SEEDS)
    assert [a.id for a in articles] == ["000_a83f360c9ad2210f", "004_956d5f3b9d4ee0dc"]
    assert all(a.date.value == "2023-09" and a.date.precision == "month" for a in articles)
    assert articles[0].text.startswith("Das Treffen zwischen Wladimir Putin")
    assert articles[1].credits == ["dpa"]
    assert problems == []


def test_jsonl_keeps_ids_and_fields():
    articles, _ = articles_in(INPUTS / "artikel.jsonl")
    first = articles[0]
    assert (first.id, first.date.value, first.outlet, first.title) == (
        "dpa-1", "2023-09-13", "Beispielblatt", "Kim trifft Putin in Wostotschny")
    assert articles[1].date.precision == "month"


def test_csv_with_quoted_quotes():
    articles, _ = articles_in(INPUTS / "artikel.csv")
    assert [a.id for a in articles] == ["csv-1", "csv-2"]
    assert '"Es gibt viele Fragen", sagte Putin.' in articles[0].text


def test_renamed_fields(tmp_path):
    path = tmp_path / "eigene.jsonl"
    path.write_text('{"nr": "x1", "inhalt": "Putin traf Kim in Wostotschny.", "datum": "2023-09-13"}\n')
    articles, _ = articles_in(path, fields=FieldMap.parse(["id=nr", "text=inhalt", "date=datum"]))
    assert (articles[0].id, articles[0].date.value) == ("x1", "2023-09-13")


def test_html_main_text_without_navigation_with_metadata():
    (article,), _ = articles_in(INPUTS / "seite.html")
    assert article.title == "Putin empfängt Kim auf dem Kosmodrom"
    assert article.outlet == "Beispiel-Zeitung"
    assert article.date.value == "2023-09-13"
    assert "Startseite" not in article.text and "Impressum" not in article.text
    assert "„Lieber ein alter Freund als zwei neue“, sagte Putin" in article.text


def test_warc_and_warc_gz_read_html_responses_only():
    for name in ("archiv.warc", "archiv.warc.gz"):
        articles, problems = articles_in(INPUTS / name)
        assert [a.url for a in articles] == ["https://beispiel-zeitung.de/kosmodrom", "https://beispiel-zeitung.de/werk"]
        assert problems == []


def test_rss_and_atom_entries_become_articles():
    rss, _ = articles_in(INPUTS / "feed.rss")
    assert [a.title for a in rss] == ["Kim in Russland eingetroffen", "Treffen in Wostotschny"]
    assert rss[0].outlet == "Beispiel-Nachrichten" and rss[0].date.value == "2023-09-12"
    assert "Das bestätigte Kremlsprecher Dimitri Peskow." in rss[0].text
    (atom,), _ = articles_in(INPUTS / "feed.atom")
    assert atom.id == "urn:beispiel:1" and atom.date.value == "2023-09-15"


def test_format_can_be_forced(tmp_path):
    path = tmp_path / "artikel.data"
    path.write_text("id,text,date\nz1,Putin traf Kim in Wostotschny.,2023-09-13\n")
    articles, _ = articles_in(path, format="csv")
    assert articles[0].id == "z1"


def test_folders_are_read_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "tief.txt").write_text("date 2023-09-13 Putin traf Kim in Wostotschny.")
    articles, _ = articles_in(tmp_path)
    assert [a.id for a in articles] == ["tief"]
