"""Places on real German sentences: found, geocoded, and left unresolved when unknown."""
from pathlib import Path

import pytest

from storyline.analyze.places.geocode import find_places
from storyline.analyze.places.index import distance_km, lookup_all
from storyline.ingest.article import make_article
from storyline.model import Mention

SEEDS = Path(__file__).parent / "data" / "seeds"
# True locations (well-known coordinates of each place) and the allowed error in km.
TRUTH = {
    "Wostotschny": (51.88, 128.33, 150), "Wladiwostok": (43.12, 131.89, 50),
    "Komsomolsk am Amur": (50.55, 137.02, 50), "Pjöngjang": (39.04, 125.76, 50),
    "Seoul": (37.57, 126.98, 50), "Moskau": (55.76, 37.62, 50),
}


def read_seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8").split(" ", 3)[3]


def places_of(text: str, mentions: list[Mention] | None = None):
    article = make_article(text, date="2023-09")
    return find_places(article, mentions or [])


def mention(text: str, word: str, type_: str = "LOC") -> Mention:
    start = text.index(word)
    return Mention(start, start + len(word), word, type_)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_places_land_near_the_true_place(seed):
    places = places_of(read_seed(seed))
    checked = 0
    for place in places:
        if place.text in TRUTH:
            lat, lon, tolerance = TRUTH[place.text]
            assert distance_km(lat, lon, place.lat, place.lon) <= tolerance, place
            checked += 1
    assert checked >= 4


def test_seed_spans_point_into_the_text():
    text = read_seed("000_a83f360c9ad2210f.txt")
    article = make_article(text, date="2023-09")
    for place in find_places(article, []):
        assert article.text[place.start:place.end] == place.text


def test_inflected_german_forms_resolve():
    text = ("Im Fernen Osten Russlands traf Kim den Präsidenten. In Moskaus Zentrum blieb es ruhig. "
            "Am Baikalsee wurde gefeiert, dann ging es zurück nach Nordkorea.")
    found = {(p.text, p.country, p.feature_class) for p in places_of(text)}
    assert found == {("Fernen Osten", "RU", "L"), ("Russlands", "RU", "A"), ("Moskaus", "RU", "P"),
                     ("Baikalsee", "RU", "H"), ("Nordkorea", "KP", "A")}


def test_common_nouns_and_person_names_are_not_places():
    text = ("Wladimir Putin empfing Kim Jong-un. Es gab Stör mit Pilzen und Kartoffeln, "
            "danach sprach Kim in den Hallen über Satelliten.")
    assert places_of(text) == []


def test_a_german_noun_is_no_foreign_city_that_shares_its_spelling():
    text = "Die Kitas in Hannover bleiben am Montag geschlossen, teilte Verdi mit."
    assert [(p.text, p.country) for p in places_of(text)] == [("Hannover", "DE")]
    assert "Quito" in {entry.name for entry in lookup_all("Kitas")}  # the gazetteer still knows the variant


def test_a_common_noun_tagged_as_place_is_no_foreign_town():
    text = "Allein am Airport in Frankfurt wurden 392 Flüge gestrichen."
    places = places_of(text, [mention(text, "Airport"), mention(text, "Frankfurt")])
    assert all(p.country == "DE" for p in places)  # not Airport, Hawaii
    assert [(p.text, p.kind) for p in places] == [("Airport in Frankfurt", "facility")]
    assert distance_km(50.03, 8.57, places[0].lat, places[0].lon) < 5  # the airfield, not the town centre


def test_a_noun_keeps_its_german_town_and_a_name_that_is_also_a_noun_resolves():
    text = "In Essen und in Kirchen an der Sieg blieben die Kitas geschlossen."
    places = {p.text: p for p in places_of(text, [mention(text, "Essen"), mention(text, "Kirchen")])}
    assert places["Essen"].country == "DE"
    assert places["Kirchen an der Sieg"].country == "DE"  # the mention grows by the town's long name


def test_unknown_location_mention_stays_unresolved():
    text = "Der Zug hielt in Kleinostheimerbrunn, bevor er Moskau erreichte."
    places = places_of(text, [mention(text, "Kleinostheimerbrunn"), mention(text, "Moskau")])
    assert [(p.text, p.name, p.lat, p.lon) for p in places][0] == ("Kleinostheimerbrunn", None, None, None)
    assert places[1].country == "RU" and distance_km(55.76, 37.62, places[1].lat, places[1].lon) < 50


def test_context_picks_the_namesake_in_the_country_of_the_article():
    alone = "Die Ausstellung wurde in Paris eröffnet."
    texan = "Der Tornado zog durch Texas. Auch in Paris wurden Dächer abgedeckt."
    assert places_of(alone, [mention(alone, "Paris")])[0].country == "FR"
    place = places_of(texan, [mention(texan, "Paris")])[-1]
    assert (place.text, place.country) == ("Paris", "US")


def test_person_mention_blocks_the_text_scan():
    text = "Denzel Washington drehte einen Film in Berlin."
    places = places_of(text, [mention(text, "Denzel Washington", "PER")])
    assert [p.text for p in places] == ["Berlin"]


def test_building_named_as_organisation_is_a_place():
    text = "Der Kreml wies die Vorwürfe zurück."
    places = places_of(text, [mention(text, "Kreml", "ORG")])
    assert [(p.text, p.country, p.feature_class) for p in places] == [("Kreml", "RU", "S")]


def test_gazetteer_knows_german_exonyms():
    for exonym, english in [("Peking", "Beijing"), ("Pjöngjang", "Pyongyang"), ("Moskau", "Moscow"),
                            ("Wladiwostok", "Vladivostok"), ("Lüttich", "Liège")]:
        assert english in {entry.name for entry in lookup_all(exonym)}


def test_mention_cut_before_its_tail_is_extended():
    text = "Danach reiste Kim nach Komsomolsk am Amur weiter."
    mentions = [mention(text, "Komsomolsk"), mention(text, "Amur")]
    places = places_of(text, mentions)
    assert [(p.text, p.country) for p in places] == [("Komsomolsk am Amur", "RU")]
    assert distance_km(50.55, 137.02, places[0].lat, places[0].lon) < 50


def test_ner_noise_is_dropped_or_doubted():
    text = "Es gab Stör mit Pilzen, sagte der russischen Delegation ein Sprecher in Moskau."
    mentions = [mention(text, "Pilzen"), mention(text, "russischen"), mention(text, "Moskau")]
    places = {p.text: p for p in places_of(text, mentions)}
    assert "russischen" not in places  # lower case and unknown: an adjective, not a place
    assert places["Pilzen"].confidence <= 0.5 < places["Moskau"].confidence


GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "places_wikinews.jsonl"


def test_wikinews_gold_floor():
    """Evaluation gate (see docs/accuracy-places.md): gold spans as LOC mentions."""
    import json

    right = resolved = total = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        article = make_article(doc["text"], id=doc["id"], date=doc["date"])
        mentions = [Mention(g["start"], g["end"], g["text"], "LOC") for g in doc["places"]]
        found = {(p.start, p.end): p for p in find_places(article, mentions)}
        for gold in doc["places"]:
            total += 1
            place = found.get((gold["start"], gold["end"]))
            if place and place.lat is not None:
                resolved += 1
                right += distance_km(gold["lat"], gold["lon"], place.lat, place.lon) <= gold["radius_km"]
    assert total >= 150
    assert resolved / total >= 0.90 and right / resolved >= 0.95


def test_countries_are_shown_by_the_name_german_news_uses():
    from storyline.analyze.places.index import lookup_major

    def shown(alias: str) -> str:
        return next(e.name for e in lookup_major(alias) if e.fcode == "PCLI")

    assert shown("Bundesrepublik") == "Deutschland"
    assert shown("Emirate") == "Vereinigte Arabische Emirate"
    assert shown("Burma") == "Myanmar"
