"""Cross-source facts: a later report settles an earlier speculation about the place; figures rise,
agree or conflict; airports named together are one strike's sites."""
from storyline.ingest.article import make_article
from storyline.analyze.quantities import find_quantities
from storyline.link.compare import compare_places
from storyline.link.counts import compare_counts
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


def counted(text: str, date: str, id: str, places: list[tuple[str, str, float, float]] = ()) -> AnalyzedArticle:
    """An article with its quantities (the analysis' own finder) and hand-placed towns."""
    article = make_article(text, date=date, id=id)
    found = [Place(text.index(s), text.index(s) + len(s), s, name, lat, lon, "DE", "P", 0.9)
             for s, name, lat, lon in places]
    return AnalyzedArticle(article=article, quantities=find_quantities(article), places=found)


def count_facts(*members: AnalyzedArticle) -> list[dict]:
    return [f for f in compare_counts(list(members)) if f["slot"] == "count"]


def test_a_rising_death_toll_in_later_reports_is_superseded():
    sunday = counted("Mindestens 233 Menschen starben bei dem Erdbeben in Ecuador.", "2016-04-17", "sonntag")
    monday = counted("Die Zahl der Toten beläuft sich auf 272. Es werden weitere Opfer befürchtet.", "2016-04-18", "montag")
    later = counted("Nach dem Erdbeben sind bereits 350 Tote geborgen worden.", "2016-04-18", "abend")
    (fact,) = count_facts(sunday, monday, later)
    assert (fact["status"], fact["counted"]) == ("superseded", "Tote")
    assert [(v["value"], v["article"]) for v in fact["values"]] == [
        ("mindestens 233 Tote", "sonntag"), ("272 Tote", "montag"), ("350 Tote", "abend")]


def test_different_figures_of_the_same_day_conflict_and_a_close_approximation_agrees():
    exact = counted("Die Lufthansa hat 930 Flüge gestrichen.", "2015-11-10", "exakt")
    about = counted("Die Lufthansa hat fast 900 Flüge gestrichen.", "2015-11-10", "ungefähr")
    other = counted("Die Lufthansa hat 700 Flüge gestrichen.", "2015-11-10", "anders")
    (agreed,) = count_facts(exact, about)
    assert agreed["status"] == "agreed"
    (conflict,) = count_facts(exact, other)
    assert conflict["status"] == "conflicting"
    assert {v["value"] for v in conflict["values"]} == {"930 Flüge", "700 Flüge"}


def test_a_lower_toll_in_a_later_report_conflicts():
    first = counted("Bei dem Unglück kamen 40 Menschen ums Leben.", "2016-04-17", "erst")
    second = counted("Bei dem Unglück gab es 25 Tote.", "2016-04-18", "dann")
    (fact,) = count_facts(first, second)
    assert fact["status"] == "conflicting"


def test_figures_for_other_days_or_other_places_are_other_things():
    wednesday = counted("Die Lufthansa streicht am Mittwoch 930 Flüge.", "2015-11-10", "mittwoch")
    friday = counted("Die Lufthansa streicht am Freitag 941 Flüge.", "2015-11-12", "freitag")
    assert count_facts(wednesday, friday) == []
    total = counted("Allein die Lufthansa streicht 900 Flüge.", "2016-04-26", "gesamt")
    munich = counted("In München wird es nur rund 90 Flüge geben.", "2016-04-26", "muenchen",
                     [("München", "Munich", 48.14, 11.58)])
    assert count_facts(total, munich) == []


def test_towns_that_list_what_is_counted_do_not_restrict_it():
    listed = counted("Verdi streikt an den sechs Flughäfen München, Frankfurt und Hannover.", "2016-04-27", "liste",
                     [("München", "Munich", 48.14, 11.58), ("Frankfurt", "Frankfurt am Main", 50.1, 8.7),
                      ("Hannover", "Hannover", 52.4, 9.7)])
    plain = counted("Insgesamt waren acht Flughäfen betroffen.", "2016-04-27", "bilanz")
    (fact,) = count_facts(listed, plain)
    assert fact["status"] == "conflicting" and fact["counted"] == "Flughäfen"


def test_airports_named_together_are_sites_of_one_strike_not_a_conflict():
    def strike(text, id, towns):
        coords = {"München": ("Munich", 48.14, 11.58), "Frankfurt": ("Frankfurt am Main", 50.1, 8.7),
                  "Düsseldorf": ("Düsseldorf", 51.2, 6.8)}
        return analyzed(text, "2015-11-10", [(t, *coords[t], "P") for t in towns], id)

    listed = strike("Gestreikt wird an den Flughäfen München, Frankfurt und Düsseldorf.", "liste",
                    ["München", "Frankfurt", "Düsseldorf"])
    one = strike("Der Streik in Düsseldorf traf viele Reisende.", "eins", ["Düsseldorf"])
    other = strike("Der Streik in München traf viele Reisende.", "zwei", ["München"])
    (fact,) = compare_places([one, other, listed])
    assert fact["status"] == "agreed"
    assert set(fact["sites"]) == {"Düsseldorf", "München"}
    (alone,) = compare_places([one, other])
    assert alone["status"] == "conflicting"  # nobody says the strike was at both


def test_an_english_wire_reads_english_number_formats_and_its_toll_meets_the_german_one():
    from storyline.analyze.quantities.english import find_english_quantities

    text = ("The death toll from the earthquake in Ecuador has risen to 350, officials said on July 24 at 10:30. "
            "More than 2,000 people were injured. The company will pay $2.5 billion and cut 1,200 jobs.")
    wire = make_article(text, date="2016-04-18", id="wire")
    found = {q.text: (q.value, q.unit, q.noun) for q in find_english_quantities(wire)}
    assert found == {"350": (350.0, None, "dead"), "More than 2,000 people": (2000.0, None, "people"),
                     "$2.5 billion": (2.5e9, "USD", None), "1,200 jobs": (1200.0, None, "jobs")}
    german = counted("Die Zahl der Todesopfer ist auf 350 gestiegen, mehr als 2000 Menschen wurden verletzt.", "2016-04-18", "de")
    english = AnalyzedArticle(article=wire, quantities=find_english_quantities(wire))
    facts = {f["counted"]: f for f in count_facts(german, english)}
    assert facts["Tote"]["status"] == "agreed" and {v["article"] for v in facts["Tote"]["values"]} == {"de", "wire"}
    assert {v["article"] for v in facts["Verletzte"]["values"]} == {"de", "wire"}


def english_report(text: str, date: str, places: list[tuple[str, str, float, float, str]], id: str) -> AnalyzedArticle:
    analyzed_article = analyzed(text, date, places, id)
    analyzed_article.article.language = "en"
    return analyzed_article


def test_an_english_report_settles_a_german_speculation_and_agrees_with_a_german_report():
    english = english_report("Putin received Kim at the Vostochny spaceport on Wednesday. Kim then travelled to "
                             "Vladivostok. A spokesman for the ministry in Seoul declined to comment.", "2023-09-13",
                             [("Vostochny", "Kosmodrom Wostotschny", 51.8, 128.3, "S"),
                              ("Vladivostok", "Vladivostok", 43.1, 131.9, "P"), ("Seoul", "Seoul", 37.6, 127.0, "P")],
                             "wire")
    (fact,) = compare_places([BEFORE, english])
    assert fact["status"] == "superseded"
    assert [(v["value"], v["article"]) for v in fact["values"]] == [
        ("Wladiwostok (speculated)", "vorher"), ("Vostochny", "wire")]
    (fact,) = compare_places([AGAIN, english])
    assert fact["status"] == "agreed"
    rumour = english_report("The meeting may take place in Vladivostok, officials said.", "2023-09-12",
                            [("Vladivostok", "Vladivostok", 43.1, 131.9, "P")], "rumour")
    (fact,) = compare_places([rumour, AGAIN])
    assert fact["status"] == "superseded" and fact["values"][0]["value"] == "Vladivostok (speculated)"


def test_a_relative_named_once_in_passing_is_no_participant():
    from storyline.link.compare import compare_participants
    from storyline.model import Mention

    text = ("Kim traf Putin in Wostotschny. Wie schon sein Vater Kim Jong Il reiste Kim im Zug. "
            "Innenminister Thomas de Maizière verurteilte das Treffen.")
    spans = [("Kim", "kim_jong_un"), ("Putin", "putin"), ("Kim Jong Il", "kim_jong_il"), ("Kim", "kim_jong_un"),
             ("Thomas de Maizière", "de_maiziere")]
    mentions, offset = [], 0
    for surface, entity in spans:
        start = text.index(surface, offset)
        offset = start + len(surface)
        mentions.append(Mention(start, offset, surface, "PER", entity))
    single = AnalyzedArticle(make_article(text, date="2023-09-13", id="a"), mentions=mentions)
    other = AnalyzedArticle(make_article("Putin empfing seinen Gast.", date="2023-09-13", id="b"),
                            mentions=[Mention(0, 5, "Putin", "PER", "putin")])
    facts = {fact["values"][0]["value"]: fact["status"] for fact in compare_participants([single, other])}
    assert facts == {"Putin": "agreed", "Kim": "single-source", "Thomas de Maizière": "single-source"}
