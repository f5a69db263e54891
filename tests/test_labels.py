"""Labels: the nouns and epithets an article attaches to a person, on hand-made sentences with
hand-built mentions, on the seed articles, and end to end through `storyline analyze --json`."""
from __future__ import annotations

from conftest import SEEDS, run_json
from test_quotes import person_mentions

from storyline.analyze.labels import find_labels
from storyline.ingest.article import make_article


def labels_of(text: str, names: list[str]) -> list[tuple[str, str]]:
    """(label, text of the mention it describes) in text order."""
    article = make_article(text, date="2023-09")
    found = find_labels(article, person_mentions(article.text, names))
    return [(label.label, article.text[label.mention_start:label.mention_end]) for label in found]


def seed_labels(prefix: str) -> dict[str, set[str]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    _, date, text = path.read_text(encoding="utf-8").strip().split(" ", 2)
    article = make_article(text, date=date)
    by_person: dict[str, set[str]] = {}
    for label in find_labels(article, person_mentions(article.text)):
        name = article.text[label.mention_start:label.mention_end].split()[0].rstrip("s")
        by_person.setdefault(name, set()).add(label.label)
    return by_person


def test_role_before_a_name():
    text = ("Der nordkoreanische Machthaber Kim Jong Un reiste im Zug an. "
            "Kremlsprecher Dimitri Peskow bestätigte die Ankunft.")
    assert labels_of(text, ["Kim Jong Un", "Dimitri Peskow"]) == [
        ("nordkoreanische Machthaber", "Kim Jong Un"), ("Kremlsprecher", "Dimitri Peskow")]


def test_genitive_and_scare_quotes_belong_to_the_label():
    text = "Russlands Präsident Putin lobte den „ewigen Führer“ Kim Il Sung."
    assert labels_of(text, ["Putin", "Kim Il Sung"]) == [
        ("Russlands Präsident", "Putin"), ("ewigen Führer", "Kim Il Sung")]


def test_apposition_between_commas():
    text = "Am Abend sprach Putin, der russische Präsident, mit Journalisten."
    assert labels_of(text, ["Putin"]) == [("russische Präsident", "Putin")]


def test_relative_clause_is_no_apposition():
    assert labels_of("Putin, der Russland seit Jahren regiert, sprach lange.", ["Putin"]) == []


def test_predicate_noun_of_the_subject_only():
    assert labels_of("Kim ist ein skrupelloser Diktator.", ["Kim"]) == [("skrupelloser Diktator", "Kim")]
    text = "Das Treffen zwischen Putin und Kim ist eine provokative Geste."
    assert labels_of(text, ["Putin", "Kim"]) == []


def test_description_is_not_the_subject_of_its_own_clause():
    text = ("Putin empfing Kim am Mittwoch in Wostotschny. "
            "Danach führte er den geächteten Diktator durch die Hallen.")
    assert labels_of(text, ["Putin", "Kim"]) == [("geächteten Diktator", "Kim")]


def test_plural_descriptions_and_quoted_speech_give_no_label():
    text = ("Putin traf Kim. Die beiden Despoten brauchen einander. "
            "„Wir unterstützen Präsident Putin seit vielen Jahren“, sagte Kim.")
    assert labels_of(text, ["Putin", "Kim"]) == []


def test_seed_000_labels_for_kim_and_putin():
    labels = seed_labels("000")
    assert {"geächteten Diktator", "Gewaltherrscher aus Pjöngjang", "nordkoreanischen Machthaber",
            "Nordkoreaner"} <= labels["Kim"]
    assert labels["Wladimir"] == {"russische Präsident"}
    assert "Präsident" not in labels.get("Putin", set())  # "Präsident Putin" is inside Kim's quote


def test_seed_004_role_nouns_resolve_to_putin():
    labels = seed_labels("004")
    assert {"Präsidenten", "Staatsoberhaupt", "Russlands Präsident"} <= labels["Putin"]
    assert labels["Dimitri"] == {"Kremlsprecher"}


def test_labels_in_analyze_json_point_to_corpus_entities():
    document = run_json("analyze", str(SEEDS))
    ids = {entity["id"] for entity in document["entities"]}
    names = {entity["id"]: entity["name"] for entity in document["entities"]}
    by_name: dict[str, set[str]] = {}
    for article in document["articles"]:
        for label in article["labels"]:
            assert label["entity"] in ids
            assert article["text"][label["start"]:label["end"]] == label["label"]
            by_name.setdefault(names[label["entity"]], set()).add(label["label"])
    assert {"geächteten Diktator", "Gewaltherrscher aus Pjöngjang", "nordkoreanischen Machthaber"} <= by_name["Kim Jong-un"]
    assert {"Präsident", "russische Präsident", "Staatsoberhaupt"} <= by_name["Wladimir Putin"]


def test_role_phrase_before_comma_and_name_labels_that_name():
    text = "Der Fraktionschef der Grünen, Volker Ratzmann, widersprach dem Senat."
    assert labels_of(text, ["Volker Ratzmann"]) == [("Fraktionschef der Grünen", "Volker Ratzmann")]


def test_plural_genitives_and_relations_are_not_references():
    text = ("Joseph Deiss trat zurück. Die Namen der beteiligten Politiker blieben geheim. "
            "Das Parlament wählt den Nachfolger für Deiss im Juni.")
    assert labels_of(text, ["Joseph Deiss", "Deiss"]) == []
    assert labels_of("Er trat als Gegner Thaksins auf.", ["Thaksins"]) == []


def test_copula_with_a_new_name_is_no_reference():
    text = "Peter Swidler spielte gut. Der Hauptschiedsrichter des Turniers ist Geurt Gijssen."
    assert labels_of(text, ["Peter Swidler"]) == []


def test_an_office_no_one_was_named_for_labels_nobody_but_a_named_holder_keeps_it():
    text = ("Staatschef Rafael Correa sprach von 2000 Verletzten. Die Zahl habe zugelegt, erklärte der "
            "Sicherheitsminister des Landes. Innenminister Hans Meier besuchte die Region. "
            "Der Innenminister sagte, es gebe Hoffnung.")
    assert labels_of(text, ["Rafael Correa", "Hans Meier"]) == [
        ("Staatschef", "Rafael Correa"), ("Innenminister", "Hans Meier"), ("Innenminister", "Hans Meier")]
