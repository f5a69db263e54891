"""Named entities from the shipped German model: real sentences, exact offsets, offline loading."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.analyze.entities.mentions import MODEL_DIR, find_mentions, find_mentions_in_text, trim_span
from storyline.ingest.article import make_article

ROOT = Path(__file__).resolve().parents[1]
SEED_004 = next((ROOT / "tests" / "data" / "seeds").glob("004_*.txt"))
SHARED = ROOT.parent / "shared" / "data"
GERMEVAL_F1_FLOOR = 0.61  # pinned a little under the 0.625 in docs/accuracy-ner.md


@pytest.fixture(scope="module")
def article_004():
    raw = SEED_004.read_text(encoding="utf-8")
    date, text = re.match(r"\s*date (\d{4}-\d{2}) (.*)", raw, re.S).groups()
    return make_article(text, date=date)


@pytest.fixture(scope="module")
def mentions_004(article_004):
    return find_mentions(article_004)


def found(mentions, label: str) -> set[str]:
    return {m.text for m in mentions if m.type == label}


def test_seed_004_people(mentions_004):
    assert {"Dimitri Peskow", "Kim Il Sung", "Kim Jong Il"} <= found(mentions_004, "PER")


def test_seed_004_places(mentions_004):
    assert {"Wladiwostok", "Seoul", "Baikalsee"} <= found(mentions_004, "LOC")


def test_seed_004_offsets_point_into_article_text(article_004, mentions_004):
    assert mentions_004, "no mentions at all"
    for mention in mentions_004:
        assert article_004.text[mention.start:mention.end] == mention.text
    peskow = next(m for m in mentions_004 if m.text == "Dimitri Peskow")
    assert article_004.text.index("Kremlsprecher Dimitri Peskow") + len("Kremlsprecher ") == peskow.start


def test_seed_004_skips_page_furniture(article_004, mentions_004):
    furniture = article_004.text.index("Anzeige | Zum Weiterlesen scrollen")
    assert not [m for m in mentions_004 if furniture <= m.start < furniture + 34]


def test_plain_text_offsets_across_lines():
    text = "Der Kremlsprecher Dimitri Peskow äußerte sich am Morgen.\nDanach reiste Kim nach Wladiwostok."
    mentions = find_mentions_in_text(text)
    assert [(m.text, m.type) for m in mentions if m.type in ("PER", "LOC")][-1] == ("Wladiwostok", "LOC")
    wladiwostok = mentions[-1]
    assert (wladiwostok.start, wladiwostok.end) == (text.index("Wladiwostok"), len(text) - 1)
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_gazetteer_finds_german_exonyms():
    mentions = find_mentions_in_text("Die Delegation flog von Pjöngjang über Peking nach Moskau.")
    assert found(mentions, "LOC") == {"Pjöngjang", "Peking", "Moskau"}


def test_role_cue_marks_person():
    text = "Kremlsprecher Dimitri Peskow widersprach, Bundeskanzlerin Angela Merkel schwieg."
    mentions = find_mentions_in_text(text)
    assert {"Dimitri Peskow", "Angela Merkel"} <= found(mentions, "PER")
    assert not [m for m in mentions if m.text.startswith(("Kremlsprecher", "Bundeskanzlerin"))]


def test_a_company_role_before_a_name_is_no_part_of_it():
    """A real page listed "Crocs-CEO Andrew Rees" and "Crocs-CEO Rees" as two people."""
    mentions = find_mentions_in_text("Crocs-CEO Andrew Rees sagte, das Geschäft laufe gut. Tesla-Gründer Elon Musk schwieg.")
    assert {"Andrew Rees", "Elon Musk"} <= found(mentions, "PER")
    assert not [m for m in mentions if m.text.startswith(("Crocs", "Tesla-Gründer"))]


def test_role_cue_stops_at_place_and_particles_stay_inside():
    mentions = find_mentions_in_text("Der Präsident Frankreichs traf Kommissionschefin Ursula von der Leyen.")
    assert found(mentions, "PER") == {"Ursula von der Leyen"}
    assert "Frankreichs" not in found(mentions, "PER")


def test_curated_organisations():
    text = "Die Internationale Atomenergiebehörde IAEA, die NATO und die SPD forderten Aufklärung."
    mentions = find_mentions_in_text(text)
    assert {"Internationale Atomenergiebehörde", "IAEA", "NATO", "SPD"} <= found(mentions, "ORG")


def test_a_company_named_after_its_founder_is_an_organisation_and_the_founder_a_person():
    company = find_mentions_in_text("Die Aktie von Hugo Boss stieg, nachdem Bosch Zahlen vorgelegt hatte.")
    assert {"Hugo Boss", "Bosch"} <= found(company, "ORG") and not found(company, "PER")
    founder = find_mentions_in_text("Ferdinand Porsche gründete das Unternehmen 1931 in Stuttgart.")
    assert "Ferdinand Porsche" in found(founder, "PER")


def test_a_place_the_model_reads_as_an_organisation_is_a_place_after_in():
    """The seed report names the spaceport three times; the model called it an organisation."""
    text = ("Auf dem Weltraumbahnhof Wostotschny führt er den Diktator durch die Hallen. Mehr als Worte "
            "kamen in Wostotschny nicht über ihre Lippen. Komsomolsk liegt 2.000 Kilometer östlich von Wostotschny.")
    spaceport = {m.type for m in find_mentions_in_text(text) if m.text == "Wostotschny"}
    assert spaceport == {"LOC"}
    assert "Siemens" in found(find_mentions_in_text("Der Fonds investiert in Siemens."), "ORG")  # a listed company


def test_common_nouns_are_no_names():
    mentions = find_mentions_in_text("Am Montag sagte ein Sprecher der Bundesregierung in Berlin, man prüfe den Fall.")
    assert not {"Montag", "Sprecher"} & {m.text for m in mentions}
    assert ("Bundesregierung", "ORG") in [(m.text, m.type) for m in mentions]
    assert ("Berlin", "LOC") in [(m.text, m.type) for m in mentions]


@pytest.mark.parametrize("text, person", [
    ("Nach der Niederlage hat ihr Trainer Matthew Williams Liebeskummer.", "Matthew Williams"),
    ("Seit Wochen hat Sängerin Laura Becker Lampenfieber.", "Laura Becker"),
    ("Nach dem Umzug hatte Peter Sandmann Heimweh.", "Peter Sandmann"),
])
def test_a_name_ends_before_a_dictionary_noun(text, person):
    """Nouns too rare for the corpus-made noun list still end a name: Wiktionary knows them."""
    assert [(m.text, m.type) for m in find_mentions_in_text(text)] == [(person, "PER")]


def test_roles_and_adjectives_alone_are_no_names():
    mentions = find_mentions_in_text("Der US-Präsident sprach mit russischen Diplomaten in Genf.")
    assert [(m.text, m.type) for m in mentions] == [("Genf", "LOC")]


def test_given_names_mark_people_the_model_does_not_know():
    mentions = find_mentions_in_text("Der Trainer Torsten Frings lobte Teemu Tainio, Anders als erwartet spielte er.")
    assert {"Torsten Frings", "Teemu Tainio"} <= found(mentions, "PER")
    assert not [m for m in mentions if m.text.startswith("Anders")]
    assert "Ab Herbst" not in {m.text for m in find_mentions_in_text("Ab Herbst soll das Gesetz gelten.")}


def test_a_given_name_that_begins_a_place_name_makes_no_person():
    mentions = find_mentions_in_text("Er reiste über Ada Bazar weiter.")
    assert [(m.text, m.type) for m in mentions] == [("Ada Bazar", "LOC")]


@pytest.mark.parametrize("text", ["Israel greift erneut Ziele im Gazastreifen an.",
                                  "Laut Israel wurden drei Raketen abgefangen."])
def test_a_country_that_acts_is_still_a_place(text):
    assert [(m.text, m.type) for m in find_mentions_in_text(text)][0] == ("Israel", "LOC")


def test_compounds_of_a_name_and_a_common_noun_are_no_names():
    from storyline.analyze.entities.words import is_noun_compound
    from storyline.analyze.word_lists import load_common_nouns

    nouns = load_common_nouns()
    assert is_noun_compound("EZB-Daten", nouns) and is_noun_compound("Vox-Programm", nouns)
    assert not any(is_noun_compound(word, nouns) for word in ("E-Plus", "Baden-Württemberg", "Coca-Cola", "Kim"))
    mentions = find_mentions_in_text("Nach EZB-Daten legte die Summe der Kredite in Frankfurt zu.")
    assert "EZB-Daten" not in {m.text for m in mentions}


def test_place_nouns_and_us_compounds_are_no_places():
    from storyline.analyze.entities.mentions import drop_common_nouns
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of

    text = "Im Einsatzgebiet der US-amerikanischen Truppen sank der US-Automobilabsatz, in Kaiserslautern-Innenstadt nicht."
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    spans = [(doc[i].idx, doc[i].idx + len(doc[i]), "LOC") for i in range(len(doc)) if doc[i].text[:1].isupper()]
    kept = [text[s:e] for s, e, _ in drop_common_nouns(doc, spans)]
    assert "Kaiserslautern-Innenstadt" in kept
    from storyline.analyze.entities.words import is_unknown_noun_compound
    from storyline.analyze.word_lists import load_common_nouns
    assert not is_unknown_noun_compound("Taiskirchen", load_common_nouns())  # ends like a town
    assert not {"Einsatzgebiet", "US-amerikanischen", "US-Automobilabsatz"} & set(kept)


def test_an_adjective_before_a_name_stays_outside_it():
    from storyline.analyze.entities.mentions import drop_common_nouns
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of

    text = "Er zog ins englische Hatfield und später zu von Weizsäcker."
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    spans = [(text.index("englische"), text.index(" und"), "LOC"),
             (text.index("von"), text.index("."), "PER")]
    assert [text[s:e] for s, e, _ in drop_common_nouns(doc, spans)] == ["Hatfield", "von Weizsäcker"]


def test_a_person_span_loses_roles_and_nouns_around_it_and_two_people_stay_two():
    from storyline.analyze.entities.mentions import drop_common_nouns
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of

    text = ("Wissenschaftsoffizier Jeffrey Nels William sah Wolfgang Schäubles Wohnort. Tina Maze landete Janica "
            "Kostelić. Giacomo della Porta baute.")
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    wide = [(0, text.index(" sah"), "PER"), (text.index("Wolfgang"), text.index("."), "PER"),
            (text.index("Tina"), text.index(". Giacomo"), "PER"), (text.index("Giacomo"), text.index(" baute"), "PER")]
    assert [text[s:e] for s, e, _ in drop_common_nouns(doc, wide)] == [
        "Jeffrey Nels William", "Wolfgang Schäubles", "Tina Maze", "Janica Kostelić", "Giacomo della Porta"]


def test_an_acronym_is_no_person():
    from storyline.analyze.entities.mentions import drop_common_nouns
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of

    text = "Gegen AIDS half auch die WHO."
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    spans = [(text.index("AIDS"), text.index("AIDS") + 4, "PER"), (text.index("WHO"), text.index("WHO") + 3, "ORG")]
    assert drop_common_nouns(doc, spans) == spans[1:]


@pytest.mark.parametrize("text, organisations", [
    ("Der WWF fordert Konsequenzen, und seiner UMP bleibt nur das Elsass.", ["WWF", "UMP"]),
    ("Die von der RFdS erstellten Gutachten liegen vor.", ["RFdS"]),
    ("Das Programm kostet 50 Millionen ECU.", []),          # a unit after a number
    ("Am Samstag spielt der VfL Osnabrück in Paderborn.", []),  # part of a longer name: the model's
    ("Er las Band III im TV.", []),                          # roman numerals, two letters
])
def test_a_lone_abbreviation_is_an_organisation(text, organisations):
    from storyline.analyze.entities.mentions import add_short_form_organisations
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of

    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    found = add_short_form_organisations(doc, [])
    assert [(text[s:e], label) for s, e, label in found] == [(name, "ORG") for name in organisations]


@pytest.mark.parametrize("text, expected", [
    ("Dem „Spiegel“ zufolge arbeiten beide Länder zusammen.", [("Spiegel", "ORG")]),
    ('Wie die "Welt" berichtet, kommt er.', [("Welt", "ORG")]),
    ("Er schaute lange in den Spiegel.", []),  # out of quotes a common noun
])
def test_a_paper_named_in_quotes_is_an_organisation(text, expected):
    assert [(m.text, m.type) for m in find_mentions_in_text(text)] == expected


def test_a_place_in_the_genitive_is_a_place():
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of
    from storyline.analyze.entities.place_names import add_gazetteer_names

    text = "Die Anbindung an den Südraum Leipzigs und Kanadas Norden wächst, sagt Moses."
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    assert [text[s:e] for s, e, _ in add_gazetteer_names(doc, [])] == ["Leipzigs", "Kanadas"]


def test_a_village_after_a_place_cue_is_a_place():
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of
    from storyline.analyze.entities.place_names import add_towns_after_cues

    text = "Ein Fall aus Büdingen trat in Kraft, berichtet von Scharnhorst aus Bad Tölz."
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    assert [text[s:e] for s, e, _ in add_towns_after_cues(doc, [])] == ["Büdingen"]
    person = [(text.index("Büdingen"), text.index(" trat"), "PER")]
    assert add_towns_after_cues(doc, list(person)) == person  # a span found before wins


def test_the_name_after_a_quote_and_a_speech_verb_is_a_person():
    from storyline.analyze.entities.mentions import add_speaker_names
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of

    text = "„Das reicht nicht“, sagt Eymer der Zeitung. „Bald“, so Ketterer, „und“, sagte Betriebsrat Gierl."
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    assert [text[s:e] for s, e, _ in add_speaker_names(doc, [])] == ["Eymer", "Ketterer"]


def test_a_kind_of_organisation_before_a_name_marks_an_organisation():
    from storyline.analyze.entities.mentions import add_organisation_cue_names
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of

    text = "Der Chemiekonzern BASF und der Konkurrenten Merck klagen, die Firma selbst schweigt."
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    merck = (text.index("Merck"), text.index(" klagen"), "PER")
    assert sorted((text[s:e], label) for s, e, label in add_organisation_cue_names(doc, [merck])) == [
        ("BASF", "ORG"), ("Merck", "ORG")]


@pytest.mark.parametrize("text", ["Mitte Juni kam er.", "Die Preise stiegen bis Mitte der Woche.", "Ende 2019 fiel Schnee."])
def test_a_time_word_before_a_month_is_no_place(text):
    assert find_mentions_in_text(text) == []


def test_a_preposition_that_begins_a_sentence_is_not_part_of_a_name():
    from storyline.analyze.entities.mentions import drop_common_nouns
    from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_of

    text = "Laut Regierung kommt Von der Leyen. In Berlin regnet es."
    doc = tokens_of(load_tuned_nlp().tokenizer(text), text)
    spans = [(0, 14, "ORG"), (text.index("Von"), text.index("."), "PER"), (text.index("In"), text.index(" regnet"), "LOC")]
    assert [text[s:e] for s, e, _ in drop_common_nouns(doc, spans)] == ["Von der Leyen", "Berlin"]


def test_the_berlin_district_mitte_is_still_a_place():
    assert ("Mitte", "LOC") in [(m.text, m.type) for m in find_mentions_in_text("Er wohnt in Mitte, nahe dem Alexanderplatz.")]


def test_currency_is_misc():
    mentions = find_mentions_in_text("Der Bau kostet rund 120 Millionen Euro.")
    assert [(m.text, m.type) for m in mentions] == [("Euro", "MISC")]


def test_trim_span_drops_quotes_but_keeps_abbreviation_dots():
    text = "Das Magazin „Spiegel“ zitierte Dr. Müller vom Verein e.V."
    start = text.index("„")
    assert trim_span(text, start, start + len("„Spiegel“")) == (start + 1, start + 8)
    assert text[slice(*trim_span(text, text.index("e.V."), len(text)))] == "e.V."


def test_model_loads_offline_in_fresh_process(tmp_path):
    """No network: hub variables set, HOME empty, so any download attempt would fail loudly."""
    code = ("from storyline.analyze.entities.mentions import find_mentions_in_text as f;"
            "import json; print(json.dumps([(m.text, m.type) for m in f('Präsident Wladimir Putin sprach in Moskau.')]))")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "NO_PROXY": "*",
           "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert ["Moskau", "LOC"] in json.loads(result.stdout)


def test_shipped_model_is_small_and_documented():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 50 * 1024 * 1024
    assert "GermEval" in (MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data")
def test_germeval_heldout_f1_floor():
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import ner as bench
    import ner_data

    if not (ner_data.CORPUS / "germeval_heldout.spacy").exists():
        ner_data.build_corpora()
    gold = bench.load_gold("germeval_heldout")
    system = bench.storyline_system()
    rows = bench.score([g for _, g in gold], [system(text) for text, _ in gold])
    assert rows["micro"][2] >= GERMEVAL_F1_FLOOR


def test_shipped_given_names_are_what_the_build_script_makes():
    """given_names.txt is built, not edited: the script gives the same list with the pinned Faker."""
    faker = pytest.importorskip("faker")
    pinned = next(line.split("==")[1] for line in (ROOT / "requirements.lock").read_text().splitlines()
                  if line.lower().startswith("faker=="))
    if faker.VERSION != pinned:
        pytest.skip(f"Faker {faker.VERSION} installed, the list was built with {pinned}")
    sys.path.insert(0, str(ROOT / "scripts"))
    import ner_gazetteer

    places = {line.split("\t")[0] for line in ner_gazetteer.TARGET.read_text(encoding="utf-8").splitlines()}
    nouns = set(ner_gazetteer.COMMON_NOUNS.read_text(encoding="utf-8").split())
    shipped = set(ner_gazetteer.GIVEN_NAMES.read_text(encoding="utf-8").splitlines())
    assert ner_gazetteer.build_given_names(places, nouns) == shipped
    assert {"Torsten", "Teemu", "Olaf"} <= shipped and not {"Paris", "Israel", "April", "Santa"} & shipped


def test_a_name_keeps_the_type_the_text_gives_it_most_often():
    from storyline.analyze.entities.mentions import majority_types
    from storyline.model import Mention

    mentions = [Mention(0, 11, "Wostotschny", "PER"), Mention(40, 51, "Wostotschny", "LOC"),
                Mention(80, 91, "Wostotschny", "LOC"), Mention(100, 103, "Kim", "PER")]
    assert [m.type for m in majority_types(mentions)] == ["LOC", "LOC", "LOC", "PER"]
    tie = [Mention(0, 4, "Jena", "PER"), Mention(10, 14, "Jena", "LOC")]
    assert [m.type for m in majority_types(tie)] == ["PER", "LOC"]


def test_an_english_organisation_keeps_its_head_word():
    found = {(m.text, m.type) for m in find_mentions_in_text(
        "Putin sagte beim Eastern Economic Forum in Wladiwostok, die Region habe Vorrang.")}
    assert ("Eastern Economic Forum", "ORG") in found
    assert not any(text == "Eastern Economic" for text, _ in found)
