"""Cross-source facts: a later report settles an earlier speculation about the place."""
from storyline.ingest.article import make_article
from storyline.link.compare import compare_places
from storyline.model import AnalyzedArticle, Place


def analyzed(text: str, date: str, places: list[tuple[str, str, float, float, str]], id: str) -> AnalyzedArticle:
    article = make_article(text, date=date, id=id)
    found = []
    for surface, name, lat, lon, feature in places:
        start = text.index(surface)
        found.append(Place(start, start + len(surface), surface, name, lat, lon, "RU", feature, 0.9))
    return AnalyzedArticle(article=article, places=found)


BEFORE = analyzed("Ort und Zeitpunkt blieben geheim. Spekuliert wurde, das Treffen erfolge in der Großstadt "
                  "Wladiwostok. Ein Sprecher des Ministeriums in Seoul äußerte sich nicht.", "2023-09-12",
                  [("Wladiwostok", "Vladivostok", 43.1, 131.9, "P"), ("Seoul", "Seoul", 37.6, 127.0, "P")], "vorher")
AFTER = analyzed("Auf dem Weltraumbahnhof Wostotschny empfing Putin seinen Gast. Kim reist danach nach Wladiwostok.",
                 "2023-09-13", [("Wostotschny", "Kosmodrom Wostotschny", 51.8, 128.3, "S"),
                                ("Wladiwostok", "Vladivostok", 43.1, 131.9, "P")], "nachher")
AGAIN = analyzed("Das Treffen fand in Wostotschny statt.", "2023-09-14",
                 [("Wostotschny", "Kosmodrom Wostotschny", 51.8, 128.3, "S")], "nochmal")


def test_speculation_settled_by_a_later_report_is_superseded():
    (fact,) = compare_places([BEFORE, AFTER])
    assert fact["status"] == "superseded"
    assert [(v["value"], v["article"]) for v in fact["values"]] == [
        ("Wladiwostok (speculated)", "vorher"), ("Wostotschny", "nachher")]
    assert fact["values"][0]["sentence"].startswith("Spekuliert wurde")


def test_two_reports_of_the_same_place_agree_and_directions_do_not_count():
    (fact,) = compare_places([AFTER, AGAIN])
    assert fact["status"] == "agreed"
    assert {v["article"] for v in fact["values"]} == {"nachher", "nochmal"}


def test_different_asserted_places_conflict():
    elsewhere = analyzed("Das Treffen fand in Chabarowsk statt.", "2023-09-14",
                         [("Chabarowsk", "Khabarovsk", 48.5, 135.1, "P")], "anders")
    (fact,) = compare_places([AFTER, elsewhere])
    assert fact["status"] == "conflicting"


def test_a_speculation_is_not_settled_by_an_earlier_report():
    earlier = analyzed("Das Treffen fand in Chabarowsk statt.", "2023-09-01",
                       [("Chabarowsk", "Khabarovsk", 48.5, 135.1, "P")], "früher")
    (fact,) = compare_places([earlier, BEFORE])
    assert fact["status"] == "single-source"
