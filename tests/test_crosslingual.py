"""German and English news side by side: English articles get their own readers, and one event
told in both languages becomes one story while unrelated English news stays apart."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import DATA, SHARED, run_cli, run_json
from storyline.analyze.entities.english import find_english_mentions
from storyline.analyze.pipeline import analyze_article
from storyline.analyze.quotes.english import find_english_quotes
from storyline.analyze.times.english import find_english_times
from storyline.ingest.article import make_article
from storyline.link.features import features_from_article
from storyline.link.stories import assign_story
from storyline.link.story_index import StoryIndex
from storyline.serialize import analysis_from_dict, analysis_to_dict

MIXED = DATA / "mixed_de_en"
KOREA = (
    "North Korea declares emergency after suspected Covid case\n\n"
    "North Korean leader Kim Jong Un declared a state of emergency in the border town of Kaesong, state "
    "media reported on Sunday. \"The vicious virus could have entered the country,\" Kim said at a meeting "
    "in Pyongyang. According to the state news agency KCNA, the man had returned from South Korea last week. "
    "South Korea's unification ministry said that it was checking the report."
)


def english(text: str, date: str = "2020-07-26"):
    return make_article(text, id="en-1", date=date)


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("mixed") / "mixed.db")
    run_cli("ingest", str(MIXED), "--db", path)
    return path


def members_by_story(db: str) -> list[set[str]]:
    ids = [story["id"] for story in run_json("stories", "--db", db, "--limit", "100")["stories"]]
    return [{article["id"] for article in run_json("story", story_id, "--db", db)["articles"]} for story_id in ids]


def test_one_event_in_german_and_english_is_one_story_that_lists_both_languages(mixed_db):
    stories = run_json("stories", "--db", mixed_db, "--limit", "100")["stories"]
    groups = members_by_story(mixed_db)
    assert {"brücke-de", "bridge-en", "brücke-de-2"} in groups
    assert {"rhodos-de", "rhodes-en"} in groups
    assert sorted(story["languages"] for story in stories if len(story["languages"]) > 1) == [["de", "en"], ["de", "en"]]


def test_unrelated_english_articles_stay_apart(mixed_db):
    groups = members_by_story(mixed_db)
    for article_id in ("cricket-en", "rates-en", "phone-en"):
        assert {article_id} in groups


def test_story_page_shows_german_and_english_side_by_side(mixed_db):
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    story_id = next(s["id"] for s in run_json("stories", "--db", mixed_db, "--limit", "100")["stories"]
                    if "Rhodes" in s["title"] or "Rhodos" in s["title"])
    page = TestClient(create_app(mixed_db)).get(f"/stories/{story_id}").text
    assert "Languages: de, en" in page
    columns = page[page.index('<div class="languages">'):]
    german, english_column = columns.index('lang="de"><h3>Deutsch</h3>'), columns.index('lang="en"><h3>English</h3>')
    assert german < columns.index("Waldbrand auf Rhodos") < english_column < columns.index("Wildfire on Rhodes")


def test_english_article_goes_through_english_readers_not_the_german_model():
    analyzed = analyze_article(english(KOREA))
    names = {(m.text, m.type) for m in analyzed.mentions}
    assert {("Kim Jong Un", "PER"), ("Kaesong", "LOC"), ("Pyongyang", "LOC"), ("KCNA", "ORG")} <= names
    assert analyzed.tone is None  # the German tone lexicon is not used
    assert {p.name for p in analyzed.places} >= {"Pyongyang"}
    assert analyzed.vector is not None and analyzed.vector.shape == (512,)


def test_english_quotes_said_according_to_and_reported_speech():
    article = english(KOREA)
    quotes = find_english_quotes(article, find_english_mentions(article))
    found = {(q.kind, q.cue, q.speaker_text, q.text) for q in quotes}
    assert ("direct", "said", "Kim", "The vicious virus could have entered the country") in found
    assert ("indirect", "According to", "the state news agency KCNA",
            "the man had returned from South Korea last week") in found
    assert ("indirect", "said", "South Korea", "it was checking the report") in found


@pytest.mark.parametrize("sentence, expected", [
    ("The minister said on Wednesday that talks had failed.", [("Wednesday", "2020-07-22")]),
    ("Prices rose in July 2020 and fell on 24 July.", [("July 2020", "2020-07"), ("24 July", "2020-07-24")]),
    ("The vote is expected on September 3, the party said last month.",
     [("September 3", "2020-09-03"), ("last month", "2020-06")]),
    ("Yesterday police arrested him; last week was quiet.",
     [("Yesterday", "2020-07-25"), ("last week", "2020-07-13/2020-07-19")]),
    ("Theresa May may visit in spring.", []),
    ("The quake struck on Saturday evening.", [("Saturday evening", "2020-07-25TEV")]),
])
def test_english_times_resolve_against_the_article_date(sentence, expected):
    article = english(sentence)  # 2020-07-26 is a Sunday
    assert [(t.text, t.value) for t in find_english_times(article)] == expected


def test_english_exonyms_find_the_same_place_as_the_german_name():
    german = analyze_article(make_article("Kim Jong Un reiste von Pjöngjang nach Moskau. " * 3, id="d", date="2020-07-26"))
    english_places = analyze_article(english("Kim Jong Un travelled from Pyongyang to Moscow on Sunday. " * 3)).places
    assert {p.name for p in german.places} == {p.name for p in english_places} == {"Pyongyang", "Moscow"}


def test_vector_survives_the_store_round_trip():
    analyzed = analyze_article(english(KOREA))
    again = analysis_from_dict(analyzed.article, json.loads(json.dumps(analysis_to_dict(analyzed))))
    assert float(np.dot(again.vector, analyzed.vector)) > 0.999


def test_german_articles_among_german_stories_ignore_the_vector():
    """German stories are linked exactly as before: the vector counts only across languages."""
    first = make_article("Warnstreik an Flughäfen\n\nVerdi ruft zum Warnstreik an den Flughäfen auf.", id="a",
                         date="2024-03-01")
    second = make_article("Bahn erhöht Preise\n\nDie Deutsche Bahn erhöht zum Fahrplanwechsel die Preise.", id="b",
                          date="2024-03-01")
    same = np.ones(512, dtype=np.float32) / np.sqrt(512)  # identical vectors would join across languages
    index = StoryIndex()
    assert assign_story(index, features_from_article(first, vector=same)) != assign_story(
        index, features_from_article(second, vector=same))


def test_english_analysis_keeps_the_json_contract():
    checker = SHARED / "contract" / "check_analyze.py"
    if not checker.exists():
        pytest.skip("needs ../shared/contract (not in a user's clone)")
    document = run_cli("analyze", str(MIXED / "articles.jsonl"), "--json").stdout
    result = subprocess.run([sys.executable, str(checker)], input=document, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    languages = {article["language"] for article in json.loads(document)["articles"]}
    assert languages == {"de", "en"}


def test_names_and_places_meet_across_spellings():
    """Wladimir Putin / Vladimir Putin become one entity; Pjöngjang / Pyongyang one place."""
    from storyline.link.corpus import link_entities

    german = analyze_article(make_article("Wladimir Putin empfing Kim Jong Un in Pjöngjang. Putin sprach lange.",
                                          id="de-1", date="2020-07-26"))
    english_report = analyze_article(english(
        "Russian President Vladimir Putin met the North Korean leader Kim Jong Un in Pyongyang on Sunday, state "
        "media said. Putin and Kim spoke for more than two hours about the economy, the Kremlin said."))
    link_entities([german, english_report])

    def entity_of(analyzed, text):
        return next(m.entity for m in analyzed.mentions if m.text == text)

    assert entity_of(german, "Wladimir Putin") == entity_of(english_report, "Vladimir Putin") is not None
    assert {p.name for p in german.places} == {p.name for p in english_report.places} == {"Pyongyang"}


def test_analyze_joins_languages_too_and_german_input_never_calls_the_encoder(monkeypatch):
    from storyline.analyze import pipeline
    from storyline.flow import analyze_paths

    encoded = []
    real_encode = pipeline.encode_vectors

    def counting_encode(articles):
        encoded.extend(article.id for article in articles)
        return real_encode(articles)

    monkeypatch.setattr(pipeline, "encode_vectors", counting_encode)
    document, _ = analyze_paths([MIXED / "articles.jsonl"], workers=1)
    groups = [set(story["articles"]) for story in document["stories"]]
    assert {"rhodos-de", "rhodes-en"} in groups and "brücke-de" in encoded

    encoded.clear()
    document, _ = analyze_paths([DATA / "seeds"], workers=1)
    assert document["articles"] and encoded == []  # German only: the story linker never reads a vector


def test_german_only_ingest_never_calls_the_encoder(tmp_path, monkeypatch):
    from storyline.analyze import pipeline
    from storyline.flow import ingest_paths
    from storyline.store.db import Store

    encoded = []
    monkeypatch.setattr(pipeline, "encode_vectors", lambda articles: encoded.extend(articles) or [None] * len(articles))
    report = ingest_paths(Store(str(tmp_path / "de.db")), [DATA / "seeds"], workers=1)
    assert report.added and report.stories and encoded == []


def test_an_english_report_arriving_later_joins_the_german_story_stored_before(tmp_path):
    records = [json.loads(line) for line in (MIXED / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    german, english_only = tmp_path / "de.jsonl", tmp_path / "en.jsonl"
    for path, keep in ((german, lambda r: not r["id"].endswith("-en")), (english_only, lambda r: r["id"].endswith("-en"))):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records if keep(r)), encoding="utf-8")
    db = str(tmp_path / "later.db")
    run_cli("ingest", str(german), "--db", db)  # German only: stored without vectors
    run_cli("ingest", str(english_only), "--db", db)
    groups = members_by_story(db)
    assert {"rhodos-de", "rhodes-en"} in groups and {"cricket-en"} in groups


def test_reports_filed_from_different_towns_stay_apart_even_when_their_leads_read_alike():
    """Two protest reports of one weekend read alike; their datelines tell the events apart, and a
    translation filed from the same town still joins."""
    from storyline.link.features import features_of

    oakland = ("Courthouse set on fire during protest\n\nOAKLAND, Calif. -- Protesters set fire to a courthouse "
               "and damaged police cars on Saturday night, police said.")
    seattle = ("Fires and pepper spray as thousands march\n\nSEATTLE - Protesters set fires and clashed with "
               "police on Saturday night, police said.")
    german = ("Gerichtsgebäude bei Protest in Brand gesetzt\n\nOAKLAND, Kalifornien -- Demonstranten haben am "
              "Samstagabend ein Gerichtsgebäude in Brand gesetzt, teilte die Polizei mit.")
    same = np.ones(512, dtype=np.float32) / np.sqrt(512)  # as if the vectors could not tell them apart
    index, stories = StoryIndex(), {}
    for name, text in (("oakland", oakland), ("seattle", seattle), ("german", german)):
        analysed = analyze_article(make_article(text, id=name, date="2020-07-26"))
        analysed.vector = same
        features = features_of(analysed)
        assert features.dateline, name
        stories[name] = assign_story(index, features)
    assert stories["oakland"] != stories["seattle"]
    assert stories["german"] == stories["oakland"]


FARMERS = {  # two farmers' protests of one weekend in two towns, each in German and in English
    "bremen-de": ("2024-01-13", "Tausende Landwirte blockieren Bremer Innenstadt\n\nMit rund 2.000 Traktoren haben "
                  "Landwirte am Samstag die Bremer Innenstadt lahmgelegt. Die Kundgebung auf der Bürgerweide "
                  "richtete sich gegen die geplante Streichung der Agrardiesel-Beihilfe. Der Bremer Bauernverband "
                  "sprach von 6.000 Teilnehmern, die Polizei von 4.500. Verbandspräsident Hinrich Lüders forderte "
                  "die Bundesregierung auf, die Kürzungen zurückzunehmen. Auf der Hochstraße am Breitenweg staute "
                  "sich der Verkehr über Stunden."),
    "bremen-en": ("2024-01-13", "Farmers bring Bremen to a standstill with 2,000 tractors\n\nAround 2,000 tractors "
                  "rolled into the centre of Bremen on Saturday as farmers protested against the planned end of tax "
                  "relief on agricultural diesel. Police put the crowd at the Bürgerweide rally at 4,500, while the "
                  "regional farmers' association counted 6,000. \"Take the cuts back,\" association president "
                  "Hinrich Lüders told the crowd. Traffic on the Breitenweg flyover was backed up for hours."),
    "dresden-de": ("2024-01-14", "Bauernprotest in Dresden: Sternfahrt zum Landtag\n\nMehrere hundert Landwirte aus "
                   "ganz Sachsen sind am Sonntag mit ihren Traktoren nach Dresden gefahren. Auf dem "
                   "Bernhard-von-Lindenau-Platz vor dem Landtag protestierten sie gegen die Sparpläne der "
                   "Bundesregierung beim Agrardiesel. Der Sächsische Landesbauernverband zählte 800 Fahrzeuge. "
                   "Landwirtschaftsminister Wolfram Günther (Grüne) sprach zu den Demonstranten und wurde "
                   "ausgepfiffen. Die Elbbrücken waren am Vormittag gesperrt."),
    "dresden-en": ("2024-01-14", "Saxony's farmers drive tractors to Dresden parliament\n\nSeveral hundred farmers "
                   "from across Saxony drove their tractors to Dresden on Sunday to protest outside the state "
                   "parliament against federal plans to cut diesel subsidies. The Saxon farmers' association said "
                   "800 vehicles took part in the convoy. State agriculture minister Wolfram Günther of the Greens "
                   "addressed the crowd and was met with whistles and jeers. Bridges over the Elbe were closed "
                   "during the morning."),
}


def test_two_protests_of_one_weekend_stay_two_stories_in_both_languages():
    """Both reports are about farmers, tractors and diesel subsidies, so their vectors are close
    (the English Dresden report is closer to the English Bremen report than to the German Dresden
    one); the towns and names they share tell which reports belong together."""
    from storyline.link.features import features_of

    index = StoryIndex()
    for name, (date, text) in FARMERS.items():  # in date order, each German report before its English one
        assign_story(index, features_of(analyze_article(make_article(text, id=name, date=date))))
    groups = sorted(sorted(members) for members in index.story_articles.values() if members)
    assert groups == [["bremen-de", "bremen-en"], ["dresden-de", "dresden-en"]]
