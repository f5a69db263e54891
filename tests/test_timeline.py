"""The story timeline narrows "am Mittwoch" in a month-dated article with the other articles' dates."""
from datetime import date

from storyline.ingest.article import make_article
from storyline.link.timeline import build_timeline, narrow
from storyline.model import AnalyzedArticle, TimeRef

from conftest import INPUTS, SEEDS, run_cli, run_json

WEDNESDAYS = ("2023-09-06", "2023-09-13", "2023-09-20", "2023-09-27")


def test_a_single_fitting_candidate_narrows_and_several_do_not():
    assert narrow(WEDNESDAYS, [date(2023, 9, 12), date(2023, 9, 14)]) == "2023-09-13"
    assert narrow(WEDNESDAYS, [date(2023, 9, 1), date(2023, 9, 30)]) is None
    assert narrow(WEDNESDAYS, []) is None


def test_month_dated_article_keeps_its_interval_without_evidence():
    article = make_article("Am Mittwoch trafen sich beide.", date="2023-09", id="m")
    time = TimeRef(3, 11, "Mittwoch", "2023-09-06/2023-09-27", candidates=WEDNESDAYS)
    (event,) = build_timeline([AnalyzedArticle(article=article, times=[time])])
    assert (event["value"], event["narrowed"]) == ("2023-09-06/2023-09-27", False)


def test_a_dateline_alone_is_no_event_but_the_sentence_after_it_is():
    text = "22.04.2016, 11:30 Uhr\n\nVerdi will am Mittwoch an sechs Flughäfen streiken."
    article = make_article(text, date="2016-04-22", id="d")
    times = [TimeRef(0, 10, "22.04.2016", "2016-04-22"), TimeRef(12, 21, "11:30 Uhr", "2016-04-22T11:30", kind="time"),
             TimeRef(text.index("Mittwoch"), text.index("Mittwoch") + 8, "Mittwoch", "2016-04-27")]
    events = build_timeline([AnalyzedArticle(article=article, times=times)])
    assert [e["text"] for e in events] == ["Mittwoch"]
    assert events[0]["sentence"] == "Verdi will am Mittwoch an sechs Flughäfen streiken."


def test_seed_wednesday_becomes_the_13th_with_a_dated_report_in_the_story(tmp_path):
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(SEEDS), str(INPUTS / "artikel.jsonl"), "--db", db)
    story = run_json("stories", "--db", db)["stories"][0]
    timeline = run_json("story", story["id"], "--db", db)["timeline"]
    wednesday = next(e for e in timeline if e["text"] == "Mittwoch" and e["article"].startswith("000"))
    assert wednesday["narrowed"] and wednesday["value"] == "2023-09-13"
    assert wednesday["original_value"] != "2023-09-13"


def test_a_timeline_sentence_is_shown_without_the_list_bullet_it_opened_with():
    text = "Die Swiss streicht Flüge.\n– Es sei am Mittwoch mit weiteren Verspätungen zu rechnen, schreibt die Swiss."
    article = make_article(text, date="2016-04-26", id="s")
    start = text.index("Mittwoch")
    (event,) = build_timeline([AnalyzedArticle(article=article, times=[TimeRef(start, start + 8, "Mittwoch", "2016-04-27")])])
    assert event["sentence"] == "Es sei am Mittwoch mit weiteren Verspätungen zu rechnen, schreibt die Swiss."
