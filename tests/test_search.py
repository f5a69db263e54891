"""Search as a user types it: words, "phrases", OR, NOT, prefixes, and German spellings folded.

The same tests run on PostgreSQL from tests/test_postgres.py (its `store` fixture)."""
import pytest

from storyline.ingest.article import make_article
from storyline.store.search_query import fts5, parse, spellings

ARTICLES = {
    "muenchen": "In München streiken am Montag die Beschäftigten der Verkehrsbetriebe.",
    "strasse": "Die Hauptstraße in Köln bleibt wegen Bauarbeiten bis Freitag gesperrt.",
    "kanzler": "Der Bundeskanzler traf die Kanzlerin a. D. zu einem Gespräch über Europa.",
    "zuerich": "Die Strasse am Zürcher Bahnhof wird neu gebaut, sagte die Stadt Zürich.",
    "putin": "Wladimir Putin traf Kim Jong Un in Wostotschny. Kim lobte die Zusammenarbeit.",
    "putin_kim_apart": "Kim sprach in Pjöngjang. Später äußerte sich auch Wladimir Putin dazu.",
}


@pytest.fixture
def searchable(store):
    for key, text in ARTICLES.items():
        store.add_article(make_article(text, id=key, date="2024-05-06"))
    return store


def found(store, query):
    return sorted(hit.article_id for hit in store.search(query))


def test_umlauts_written_as_digraphs_or_without_dots_find_the_umlaut(searchable):
    assert found(searchable, "Muenchen") == ["muenchen"]
    assert found(searchable, "Munchen") == ["muenchen"]
    assert found(searchable, "München") == ["muenchen"]


def test_ss_finds_sharp_s_and_back(searchable):
    assert found(searchable, "Hauptstrasse") == ["strasse"]
    assert found(searchable, "Straße") == ["zuerich"]  # the Swiss spelling "Strasse"


def test_quoted_phrase_needs_the_words_next_to_each_other(searchable):
    assert found(searchable, '"Wladimir Putin traf"') == ["putin"]
    assert found(searchable, "Putin Kim") == ["putin", "putin_kim_apart"]
    assert found(searchable, '"Putin Kim"') == []


def test_or_not_and_prefix(searchable):
    assert found(searchable, "Köln OR Zürich") == ["strasse", "zuerich"]
    assert found(searchable, "Putin NOT Wostotschny") == ["putin_kim_apart"]
    assert found(searchable, "Putin -Wostotschny") == ["putin_kim_apart"]
    assert found(searchable, "Kanzl*") == ["kanzler"] and found(searchable, "Kanzl") == []
    assert found(searchable, "Bundeskanzler AND Europa") == ["kanzler"]


def test_query_syntax_in_user_input_is_never_an_error(searchable):
    for query in ['"', 'Kim" (', "NOT", "OR Kim", "Kim OR", "*", "NEAR(a b)", "a:b", "--"]:
        searchable.search(query)  # no exception
    assert found(searchable, "NOT Putin") == []  # only a negation: no search


@pytest.mark.parametrize("word, expected", [
    ("muenchen", {"muenchen", "münchen"}),
    ("münchen", {"münchen", "muenchen"}),
    ("strasse", {"strasse", "straße"}),
    ("straße", {"straße", "strasse"}),
    ("kim", {"kim"}),
])
def test_spellings(word, expected):
    assert set(spellings(word)) == expected


def test_fts5_expression_quotes_every_word():
    assert fts5(parse('Kim "NEAR OR" -x')) == '("kim" AND "near or") NOT ("x")'
