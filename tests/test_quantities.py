"""Quantities on real German sentences: value in base form, unit normalised, counted noun."""
from pathlib import Path

import pytest

from storyline.analyze.quantities import find_quantities, parse_number
from storyline.ingest.article import make_article

SEEDS = Path(__file__).parent / "data" / "seeds"


def quantities_of(text: str) -> list[tuple[str, float, str | None, str | None]]:
    article = make_article(text, date="2023-09")
    return [(q.text, q.value, q.unit, q.noun) for q in find_quantities(article)]


def read_seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8").split(" ", 3)[3]


@pytest.mark.parametrize("text, value", [("8.000", 8000.0), ("2,5", 2.5), ("1.234.567,5", 1234567.5),
                                         ("zwei", 2.0), ("Zwölf", 12.0), ("17", 17.0)])
def test_parse_number_reads_german_formats(text, value):
    assert parse_number(text) == value


def test_seed_article_distances_durations_and_counts():
    found = quantities_of(read_seed("000_a83f360c9ad2210f.txt"))
    assert ("8.000 Kilometer", 8000.0, "km", None) in found
    assert ("Mehr als zwei Stunden", 2.0, "h", None) in found
    assert ("zwei ballistische Raketen", 2.0, None, "Raketen") in found
    assert ("acht Metern", 8.0, "m", "Durchmesser") in found


def test_years_ordinals_and_names_are_not_quantities():
    found = quantities_of("Das Kosmodrom wurde 2016 eröffnet. Kim war im April 2019 dort. "
                          "Es geht um das gesamte 21. Jahrhundert und die Sojus-2-Rakete. "
                          "Das Treffen begann am 13. September um 15 Uhr.")
    assert found == []


def test_scale_words_and_currencies():
    found = quantities_of("Der Konzern machte 2,5 Millionen Euro Verlust und zahlte 120 Mio. Dollar. "
                          "Der Kurs fiel um 3,5 Prozent.")
    assert found == [("2,5 Millionen Euro", 2500000.0, "EUR", None),
                     ("120 Mio. Dollar", 120000000.0, "USD", None),
                     ("3,5 Prozent", 3.5, "%", None)]


def test_counts_with_hedges_and_units_in_base_form():
    found = quantities_of("Rund 1.500 Menschen warteten drei Tage. Das Schiff wiegt 30.000 Tonnen "
                          "und ist 80 Zentimeter breit.")
    assert found == [("Rund 1.500 Menschen", 1500.0, None, "Menschen"), ("drei Tage", 3.0, "d", None),
                     ("30.000 Tonnen", 30000.0, "t", None), ("80 Zentimeter", 0.8, "m", None)]


def test_a_lone_number_word_is_not_reported():
    assert quantities_of("Lieber ein alter Freund als zwei neue, sagt Putin.") == []
