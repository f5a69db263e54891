"""`storyline analyze` on the two seed reports, checked as an editor would read the output."""
import math

import pytest

from conftest import SEEDS, run_json

TRUE_PLACES = {  # lat, lon, tolerance in km
    "Wostotschny": (51.88, 128.33, 150), "Wladiwostok": (43.12, 131.89, 50),
    "Komsomolsk am Amur": (50.55, 137.02, 50), "Pjöngjang": (39.04, 125.76, 50),
    "Seoul": (37.57, 126.98, 50), "Moskau": (55.76, 37.62, 50),
}


def km(lat1, lon1, lat2, lon2):
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371 * math.acos(min(1, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)))


@pytest.fixture(scope="module")
def document():
    return run_json("analyze", str(SEEDS))


@pytest.fixture(scope="module")
def articles(document):
    return {a["id"][:3]: a for a in document["articles"]}


def entity_names(document):
    return {e["id"]: e["name"] for e in document["entities"]}


def test_people_and_places_in_seed_004(articles):
    found = {(e["text"], e["type"]) for e in articles["004"]["entities"]}
    for person in ("Dimitri Peskow", "Kim Il Sung", "Kim Jong Il"):
        assert (person, "PER") in found
    for place in ("Wladiwostok", "Seoul", "Baikalsee"):
        assert (place, "LOC") in found


def test_seed_places_land_near_the_true_place(articles):
    seen = set()
    for article in articles.values():
        for place in article["places"]:
            for name, (lat, lon, tolerance) in TRUE_PLACES.items():
                if name in place["text"] and place["lat"] is not None:
                    assert km(lat, lon, place["lat"], place["lon"]) <= tolerance, place
                    seen.add(name)
    assert seen == set(TRUE_PLACES)


def test_times_resolved_against_the_month_date(articles):
    values = {t["text"]: t["value"] for t in articles["004"]["times"]}
    assert values["April 2019"] == "2019-04"
    wednesday = next(t for t in articles["000"]["times"] if t["text"] == "Mittwoch")
    assert wednesday["value"].startswith("2023-08-30/")  # any Wednesday the month allows, no guessed day


def test_every_quote_named_in_the_issue_gets_its_speaker(document, articles):
    names = entity_names(document)
    said = {q["text"][:25]: (q["kind"], q["speaker_text"], names.get(q["speaker"]))
            for a in articles.values() for q in a["quotes"]}
    assert said["Lieber ein alter Freund a"][2] == "Wladimir Putin"
    assert said["Wir haben immer die Entsc"][1] == "der Gewaltherrscher aus Pjöngjang"
    assert said["Wir haben immer die Entsc"][2].startswith("Kim Jong")
    assert said["Gleichzeitig soll es aber"][1:] == ("das Staatsoberhaupt", "Wladimir Putin")
    assert said["Das ist natürlich machbar"][1:] == ("er", "Wladimir Putin")
    assert said["Kim sei mit seinem gepanz"] == ("indirect", "Kremlsprecher Dimitri Peskow", "Dimitri Peskow")
    quoted = " ".join(q["text"] for a in articles.values() for q in a["quotes"])
    for scare in ("Gipfel", "Ehrengast", "ewige Präsident"):
        assert not any(q["text"] == scare for a in articles.values() for q in a["quotes"]), scare
    assert quoted


def test_one_story_with_the_place_superseded(document):
    (story,) = document["stories"]
    assert len(story["articles"]) == 2
    place = next(f for f in story["facts"] if f["slot"] == "place")
    assert place["status"] == "superseded"
    assert "Wladiwostok" in place["values"][0]["value"] and "Wostotschny" in place["values"][-1]["value"]


def test_commentary_is_more_negative_and_subjective_than_the_report(articles):
    assert articles["000"]["tone"]["polarity"] < articles["004"]["tone"]["polarity"]
    assert articles["000"]["tone"]["subjectivity"] > articles["004"]["tone"]["subjectivity"]
