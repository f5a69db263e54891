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


def test_an_agency_sentence_in_two_reports_is_one_entry_even_when_a_page_cut_it_short():
    """Two reports printed one agency sentence; one page lost its end. The timeline lists the
    fuller wording once, with both outlets (it listed the sentence twice per date before)."""
    full = "Die Riegel seien Anfang Januar in den Niederlanden produziert worden, berichtete ein Sprecher."
    cut = "Die Riegel seien Anfang Januar in den Niederlanden produziert worden, berichtet"
    members = []
    for text, outlet in ((cut, "a.de"), (full, "b.de")):
        article = make_article(text, date="2016-02-23", id=outlet, outlet=outlet)
        start = text.index("Anfang Januar")
        members.append(AnalyzedArticle(article=article, times=[TimeRef(start, start + 13, "Anfang Januar",
                                                                       "2016-01-01/2016-01-10")]))
    (event,) = build_timeline(members)
    assert event["sentence"] == full and event["outlet"] == "b.de"
    assert event["also"] == [{"article": "a.de", "outlet": "a.de"}]


def test_two_different_sentences_on_one_day_stay_two_entries():
    texts = ("Am Mittwoch streikten die Piloten der Lufthansa an allen Flughäfen des Landes.",
             "Am Mittwoch streikten die Piloten der Lufthansa, sagte ein Sprecher der Gewerkschaft Cockpit.")
    members = [AnalyzedArticle(article=make_article(text, date="2016-04-22", id=str(n)),
                               times=[TimeRef(3, 11, "Mittwoch", "2016-04-20")]) for n, text in enumerate(texts)]
    assert len(build_timeline(members)) == 2
