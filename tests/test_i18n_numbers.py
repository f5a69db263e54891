"""German mode writes numbers as German readers do and words the digest's differences in German;
English output and `--json` stay as they were."""
from storyline.digest import describe_fact
from storyline.i18n import german_number, translator

OUTLETS = {"a1": "Tagesbote", "a2": "Abendpost", "a3": "Morgenblatt"}
PLACES = {"slot": "place", "status": "superseded", "values": [{"value": "Wladiwostok", "article": "a1"},
                                                                {"value": "Wostotschny", "article": "a2"}]}
COUNTS = {"slot": "count", "status": "conflicting", "values": [{"value": "12 Tote", "article": "a1"},
                                                                 {"value": "15 Tote", "article": "a2"}]}
AGREED = {"slot": "count", "status": "agreed", "values": [{"value": "1.200 Helfer", "article": a} for a in OUTLETS]}


def test_numbers_in_german_group_thousands_with_points_and_decimals_with_a_comma():
    assert german_number(1234) == "1.234" and german_number(1234567) == "1.234.567" and german_number(12) == "12"
    assert german_number(0.253, 2, sign=True) == "+0,25" and german_number(1234.5, 1) == "1.234,5"
    de, en = translator("de"), translator("en")
    assert de("count.articles", n=1234) == "1.234 Artikel" and en("count.articles", n=1234) == "1234 articles"
    assert de.number(-0.1, 2, sign=True) == "-0,10" and en.number(-0.1, 2, sign=True) == "-0.10"
    assert de("article.fallback_title", id=1234) == "Artikel 1234"  # an id is no amount


def test_digest_differences_in_german():
    de = translator("de")
    assert describe_fact(PLACES, OUTLETS, de) == "Ort überholt: Wladiwostok (Tagesbote) → Wostotschny (Abendpost)"
    assert describe_fact(COUNTS, OUTLETS, de) == "Anzahl widersprüchlich: 12 Tote (Tagesbote) gegenüber 15 Tote (Abendpost)"
    assert describe_fact(AGREED, OUTLETS, de) == "Anzahl 1.200 Helfer (3 Artikel)"


def test_digest_differences_without_a_translator_are_the_json_wording_and_english_reads_the_same():
    for fact in (PLACES, COUNTS, AGREED):
        assert describe_fact(fact, OUTLETS) == describe_fact(fact, OUTLETS, translator("en"))
    assert describe_fact(COUNTS, OUTLETS) == "count conflicting: 12 Tote (Tagesbote) vs 15 Tote (Abendpost)"
    assert describe_fact(AGREED, OUTLETS) == "count 1.200 Helfer (3 articles)"
