"""Framing: a commentary reads more negative and more subjective than an agency report."""
from storyline.analyze.tone import measure_tone
from storyline.ingest.read import read_paths
from storyline.model import AnalyzedArticle, Quote
from storyline.analyze.tone import add_tone

from conftest import SEEDS


def tone_of(article, quotes=()):
    analyzed = AnalyzedArticle(article=article, quotes=list(quotes))
    add_tone(analyzed)
    return analyzed.tone


def test_commentary_seed_is_more_negative_and_subjective_than_the_report():
    commentary, report = sorted(read_paths([SEEDS]), key=lambda a: a.id)
    assert commentary.id.startswith("000") and report.id.startswith("004")
    opinion, agency = tone_of(commentary), tone_of(report)
    assert opinion.polarity < agency.polarity
    assert opinion.subjectivity > agency.subjectivity
    assert (opinion.genre, agency.genre) == ("commentary", "report")


def test_negation_flips_polarity_and_epithets_count_as_opinion():
    assert measure_tone("Die Lage ist gut.").polarity > 0
    assert measure_tone("Die Lage ist nicht gut.").polarity < 0
    plain = measure_tone("Der Präsident traf den Regierungschef in der Hauptstadt.")
    loaded = measure_tone("Der Despot traf den erbärmlichen Gewaltherrscher in der Hauptstadt.")
    assert loaded.subjectivity > plain.subjectivity and loaded.polarity < plain.polarity


def test_quoted_speech_is_not_the_outlets_voice():
    from storyline.ingest.article import make_article

    text = "„Das ist eine Katastrophe und eine Schande“, sagte der Minister am Montag in Berlin."
    article = make_article(text)
    start, end = 1, text.index("“")
    with_quote = tone_of(article, [Quote(start, end, text[start:end], "direct")])
    assert with_quote.polarity > tone_of(article).polarity
