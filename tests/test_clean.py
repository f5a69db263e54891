"""Cleaning and structure: furniture and credits are marked, offsets never move."""
from storyline.ingest.article import make_article
from storyline.ingest.dates import DateError, parse_date

import pytest

TEXT = ("Ort und Zeitpunkt des Treffens blieben geheim. Am 13. September traf Putin Kim.\n\n"
        "Militärische Zusammenarbeit gesucht\n\n"
        "„Das ist natürlich machbar, und wir werden es tun“, versprach er. Dr. Müller kam z. B. später.\n\n"
        "Anzeige | Zum Weiterlesen scrollen\n\n"
        "Putin hat vor allem die Infrastruktur im Blick. (dpa/AFP)")


def sentences_of(article):
    return [article.text[s.start:s.end] for s in article.content_sentences()]


def test_furniture_and_credits_are_marked_not_removed():
    article = make_article(TEXT, date="2023-09")
    assert article.text == TEXT
    kinds = {article.text[b.start:b.end]: b.kind for b in article.blocks}
    assert kinds["Anzeige | Zum Weiterlesen scrollen"] == "furniture"
    assert kinds["(dpa/AFP)"] == "credit"
    assert kinds["Militärische Zusammenarbeit gesucht"] == "heading"
    assert article.credits == ["dpa", "AFP"]
    assert "Anzeige | Zum Weiterlesen scrollen" not in sentences_of(article)


def test_german_sentence_splitting_keeps_ordinals_abbreviations_and_quotes():
    sentences = sentences_of(make_article(TEXT, date="2023-09"))
    assert "Am 13. September traf Putin Kim." in sentences
    assert "„Das ist natürlich machbar, und wir werden es tun“, versprach er." in sentences
    assert "Dr. Müller kam z. B. später." in sentences


def test_first_paragraph_is_the_lead():
    article = make_article(TEXT, date="2023-09")
    lead = next(b for b in article.blocks if b.kind == "lead")
    assert article.text[lead.start:lead.end].startswith("Ort und Zeitpunkt")


def test_text_is_nfc_normalised():
    decomposed = "Pjo\u0308ngjang liegt in Nordkorea. Das ist bekannt."
    assert make_article(decomposed).text.startswith("Pjöngjang")


@pytest.mark.parametrize("value, start, end, precision", [
    ("2023-09-13", "2023-09-13", "2023-09-13", "day"),
    ("2023-09", "2023-09-01", "2023-09-30", "month"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2023", "2023-01-01", "2023-12-31", "year"),
    ("13.09.2023", "2023-09-13", "2023-09-13", "day"),
    ("Wed, 13 Sep 2023 10:00:00 GMT", "2023-09-13", "2023-09-13", "day"),
])
def test_dates_keep_their_precision_as_an_interval(value, start, end, precision):
    date = parse_date(value)
    assert (date.start.isoformat(), date.end.isoformat(), date.precision) == (start, end, precision)


@pytest.mark.parametrize("value", ["2023-13-45", "2023-02-30", "0000-00", "9999-99", "gestern"])
def test_impossible_dates_are_errors(value):
    with pytest.raises(DateError):
        parse_date(value)


def test_language_is_detected_per_article():
    assert make_article("Die Regierung hat am Mittwoch neue Gesetze beschlossen.").language == "de"
    assert make_article("The government passed new laws on Wednesday in London.").language == "en"
