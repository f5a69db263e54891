"""The word-class feature: what the NER model is told about words it may never have seen."""
from storyline.analyze.entities.word_classes import WordClasses, word_class
from storyline.analyze.entities.mentions import load_nlp


def test_common_nouns_and_their_compounds_are_told_apart_from_unknown_names():
    assert word_class("Regierung") == "N"
    assert word_class("Regierungen") == "N"  # every case and number of the noun
    assert word_class("Kremlsprecher") == "n"  # ends in the noun "Sprecher"
    assert word_class("Peskow") == "?"  # in no list: most likely a name


def test_proper_names_carry_given_name_and_place_flags():
    assert word_class("Merkel") == "E"  # a surname in Wiktionary
    assert word_class("Thomas") == "EG"  # ... and a given name in Faker's lists
    assert word_class("Anna") == "BG"  # also a common noun in Wiktionary
    assert word_class("Pjöngjang") == "EL"  # German exonym, known to the geocoder


def test_words_without_a_capital_have_no_class():
    assert word_class("russischen") == "-"
    assert word_class("sagte") == "-"


def test_the_component_writes_the_class_of_every_token():
    nlp = load_nlp()
    doc = WordClasses(nlp.vocab)(nlp.make_doc("Kremlsprecher Peskow sagte in Pjöngjang"))
    assert [token.tag_ for token in doc] == ["n", "?", "-", "-", "EL"]
