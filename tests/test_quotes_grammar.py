"""One example per speaker error class of issue 22, read with the part-of-speech layer.

Mentions are built by hand (every occurrence of the listed names), as in test_quotes.py.
"""
from __future__ import annotations

import pytest

from storyline.analyze.grammar.tagger import LazyTags, load_forward, load_tagger, tag_with_spacy, text_tags
from storyline.analyze.grammar.words import can_head_speaker, is_konjunktiv_one
from test_quotes import make

needs_tagger = pytest.mark.skipif(load_tagger() is None, reason="the tagger model is not built (make pos-model)")


def said(text: str, names=()):
    """(kind, text, speaker as written, speaker as resolved) of every quote."""
    return [(q.kind, q.text, q.speaker_text, q.resolved_text) for q in make(text, list(names))]


@needs_tagger
def test_tagger_reads_adverbs_names_and_finite_verbs():
    text = "Unterdessen sagte Polizeisprecher Hans Meier, der Mann habe nichts gewusst."
    tags = text_tags(text)
    assert tags[0] == "ADV" and tags[text.index("sagte")] == "VVFIN"
    assert tags[text.index("Meier")] == "NE" and tags[text.index("habe")] == "VAFIN"


@needs_tagger
def test_numpy_forward_pass_gives_spacys_tags():
    words = "Zudem gelte die Regel , erklärte die Ministerin am Montag in Berlin .".split()
    labels = load_tagger().get_pipe("tagger").labels
    assert [labels[i] for i in load_forward()(words).argmax(axis=1)] == tag_with_spacy(words)


@needs_tagger
def test_lazy_tags_tag_only_the_sentence_asked_about():
    text = "Der Tag war lang. Unterdessen sagte Meier, er komme."
    tags = LazyTags(text)
    assert tags.get(text.index("Unterdessen")) == "ADV"
    assert tags.tagged == {1}  # the first sentence was never asked about


@needs_tagger
def test_sentence_initial_adverb_is_never_the_speaker():
    assert said("Unterdessen sagte Polizeisprecher Hans Meier, der Mann habe nichts gewusst.", ["Hans Meier"]) == [
        ("indirect", "der Mann habe nichts gewusst", "Polizeisprecher Hans Meier", "Hans Meier")]
    assert said("Zudem erklärte die Ministerin, das Gesetz gelte ab Montag.") == [
        ("indirect", "das Gesetz gelte ab Montag", "die Ministerin", None)]


def test_a_speaker_phrase_needs_a_nominal_head():
    assert not can_head_speaker(["ADV"]) and not can_head_speaker(["PROAV"]) and not can_head_speaker(["KON"])
    assert can_head_speaker(["ART", "NN"]) and can_head_speaker(["PPER"]) and can_head_speaker([None])


def test_prepositional_sources():
    assert said("Laut Polizeisprecher Hans Meier ist der Mann gefasst.", ["Hans Meier"]) == [
        ("indirect", "Laut Polizeisprecher Hans Meier ist der Mann gefasst", "Polizeisprecher Hans Meier", "Hans Meier")]
    assert [q[2] for q in said("Der Polizei zufolge war der Mann betrunken.")] == ["Der Polizei"]


def test_statement_noun_names_the_organisation():
    quotes = said("In einer Mitteilung der Polizei hieß es, der Mann sei gefasst.")
    assert [(q[0], q[1]) for q in quotes] == [("indirect", "der Mann sei gefasst")]
    assert "Polizei" in quotes[0][2]


def test_role_and_name_apposition_resolves_to_the_person():
    quotes = said("„Wir prüfen das“, sagte der Sprecher der Stadt, Hans Meier.", ["Hans Meier"])
    assert quotes[0][0] == "direct" and quotes[0][3] == "Hans Meier"


def test_pronoun_resolves_to_the_person_before():
    quotes = said("Angela Merkel besuchte Paris. „Das war gut“, sagte sie.", ["Angela Merkel"])
    assert quotes == [("direct", "Das war gut", "sie", "Angela Merkel")]


def test_negated_statement_is_no_quote():
    assert said("Doch wo und wann genau das passiert, sagte Peskow nicht.", ["Peskow"]) == []


def test_partial_quote_inside_indirect_speech_is_listed_once():
    assert said("Es gebe „viele Fragen“ zu besprechen, sagte Putin.", ["Putin"]) == [
        ("indirect", "Es gebe „viele Fragen“ zu besprechen", "Putin", "Putin")]


def test_konjunktiv_one_from_the_verb_form():
    assert is_konjunktiv_one("habe", "VAFIN", "er", None) and is_konjunktiv_one("plane", "VVFIN", "Regierung", "neue")
    assert not is_konjunktiv_one("haben", "VAFIN", "sie", None)  # plural: same as the indicative
    assert not is_konjunktiv_one("habe", "VAFIN", "ich", None)  # 1st person indicative
    assert not is_konjunktiv_one("sagte", "VVFIN", "er", None) and not is_konjunktiv_one("wurde", "VAFIN", "er", None)
    assert is_konjunktiv_one("seien", None, "sie", None)


@needs_tagger
def test_reported_clause_with_an_unlisted_konjunktiv_verb():
    quotes = said("Der Minister erklärte, die Regierung plane neue Gesetze.")
    assert quotes == [("indirect", "die Regierung plane neue Gesetze", "Der Minister", None)]


def test_scare_quotes_and_titles_stay_out():
    assert said("Der „Gipfel“ in Wladiwostok dauerte zwei Tage.") == []
    assert said("Im Kino lief „Die Verlegerin“ am Montag.") == []


def test_inverted_order_and_colon_frame():
    assert said("„Wir kommen wieder“, sagte Meier.", ["Meier"]) == [("direct", "Wir kommen wieder", "Meier", "Meier")]
    assert said("Meier: „Wir kommen wieder.“", ["Meier"]) == [("direct", "Wir kommen wieder.", "Meier", "Meier")]


def test_konjunktiv_run_continues_the_report():
    quotes = said("Meier sagte, er komme am Montag. Dann werde er die Lage prüfen.", ["Meier"])
    assert [q[0] for q in quotes] == ["indirect", "indirect"]
    assert quotes[1][1].startswith("Dann werde er") and quotes[1][2] in ("er", "Meier")


def test_story_page_shows_the_speaker_as_written_and_as_resolved(tmp_path):
    """The story report lists "er" under Wladimir Putin (escaped like all article text)."""
    from conftest import SEEDS

    from storyline import views
    from storyline.flow import ingest_paths
    from storyline.store.db import Store
    from storyline.web.report import build_report

    store = Store(tmp_path / "seeds.db")
    ingest_paths(store, [SEEDS])
    story = max(views.list_stories(store)["stories"], key=lambda s: s["article_count"])
    html = build_report(store, story["id"], "html", lang="de")
    putin = html[html.index('aria-label="Zitate von Wladimir Putin"'):]
    putin = putin[:putin.index("</section>")]
    assert "Das ist natürlich machbar" in putin and "im Text: er" in putin
    assert "im Text: das Staatsoberhaupt" in putin


@needs_tagger
def test_one_word_called_so_is_a_partial_quote_but_a_title_is_not():
    assert said("Der Minister bezeichnete den Plan als „Kapitulation“.") == [
        ("partial", "Kapitulation", "Der Minister", None)]
    assert said("Der „Gipfel“ begann am Montag.") == []


def test_seed_speakers_named_in_the_issue():
    from test_quotes import quote_starting, seed_quotes

    report, commentary = seed_quotes("004"), seed_quotes("000")
    assert quote_starting(report, "Es sei im Fernen Osten").resolved_text == "Putin"  # not "Die Region"
    assert "UN-Sanktionen" in quote_starting(commentary, "das Kim-Regime weder").speaker_text  # not "Nordkorea"
    assert not [q for q in report if q.text.startswith("Doch wo und wann")]  # "sagte Peskow nicht"
