"""A story lists a speaker the text names only by a role in the nominative, whatever case the
report wrote it in, and the same role in two cases once (the quote keeps its words as written)."""
import pytest

from storyline.analyze.grammar.nominative import nominative
from storyline.model import AnalyzedArticle, Quote
from storyline.ingest.article import make_article
from storyline.views import _quotes_by_speaker


@pytest.mark.parametrize("written, listed", [
    ("eines Unternehmenssprechers", "ein Unternehmenssprecher"),  # "Nach Angaben eines Unternehmenssprechers"
    ("Ihrem Sprecher", "ihr Sprecher"),  # "Ihrem Sprecher zufolge" at a sentence's start
    ("seines Ministeriums", "sein Ministerium"),
    ("einer Sprecherin der Polizei", "eine Sprecherin der Polizei"),  # the complement keeps its case
    ("dem Sprecher des Ministeriums", "der Sprecher des Ministeriums"),
    ("einem jungen Mann", "ein junger Mann"),
    ("den UN-Sanktionen gegen Nordkorea", "die UN-Sanktionen gegen Nordkorea"),
    ("Anlegervertretern", "Anlegervertreter"),
    ("einigen Experten", "einige Experten"),
    ("Das Unternehmen", "das Unternehmen"),
])
def test_a_role_phrase_is_listed_in_the_nominative(written, listed):
    assert nominative(written) == listed


@pytest.mark.parametrize("written", [
    "Wladimir Putin", "Bayern", "ein Sprecher", "der Sicherheitsminister des südamerikanischen Landes",
    "des Konzerns",  # der or das Konzern? The gender is unknown: as written, not guessed
])
def test_names_and_what_the_rules_cannot_decline_stay_as_written(written):
    assert nominative(written) == written


def test_one_role_in_two_cases_is_one_speaker_of_the_story():
    first = make_article("Nach Angaben eines Unternehmenssprechers sei der Streik beendet.", id="a", date="2016-04-22")
    second = make_article("Der Streik ist beendet, sagte ein Unternehmenssprecher.", id="b", date="2016-04-22")
    members = [
        AnalyzedArticle(article=first, quotes=[Quote(34, 62, "sei der Streik beendet", "indirect", "Angaben",
                                                     "eines Unternehmenssprechers", 10, 37)]),
        AnalyzedArticle(article=second, quotes=[Quote(0, 24, "Der Streik ist beendet", "direct", "sagte",
                                                      "ein Unternehmenssprecher", 32, 56)]),
    ]
    (group,) = _quotes_by_speaker(members, {})
    assert group["name"] == "ein Unternehmenssprecher"
    assert [q["speaker_text"] for q in group["quotes"]] == ["eines Unternehmenssprechers", "ein Unternehmenssprecher"]
