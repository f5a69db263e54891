"""Pronouns and role nouns resolved to the person mention they point back to."""
from __future__ import annotations

from storyline.analyze.quotes.coref import resolve_reference
from storyline.ingest.article import make_article
from storyline.model import Mention


def mentions_of(text: str, names: list[str]) -> list[Mention]:
    found = []
    for name in names:
        start = text.find(name)
        while start != -1:
            found.append(Mention(start, start + len(name), name, "PER"))
            start = text.find(name, start + len(name))
    return sorted(found, key=lambda m: m.start)


def resolve(text: str, names: list[str], expression: str, occurrence: int = 0):
    article = make_article(text, date="2023-09")
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(expression, start + 1)
    return resolve_reference(article, mentions_of(article.text, names), start, start + len(expression))


def test_pronoun_agrees_in_gender():
    text = ("Annalena Baerbock traf in Peking den Außenminister Wang Yi. "
            "Am Abend sagte sie, das Gespräch sei offen gewesen.")
    mention, confidence = resolve(text, ["Annalena Baerbock", "Wang Yi"], "sie", 0)
    assert mention.text == "Annalena Baerbock" and confidence >= 0.45


def test_role_noun_matches_earlier_role():
    text = ("Kremlsprecher Dmitri Peskow und Sergei Lawrow kamen nach Wladiwostok. "
            "Lawrow blieb im Hotel. Der Kremlsprecher sagte, das Treffen finde statt.")
    mention, _ = resolve(text, ["Dmitri Peskow", "Lawrow", "Sergei Lawrow"], "Der Kremlsprecher")
    assert mention.text == "Dmitri Peskow"


def test_people_named_inside_quotes_are_not_candidates():
    text = ("Kim lobte seinen Gastgeber. „Wir unterstützen Präsident Putin“, sagte der Machthaber.")
    mention, _ = resolve(text, ["Kim", "Putin"], "der Machthaber")
    assert mention.text == "Kim"


def test_female_pronoun_without_female_candidate_stays_unresolved():
    text = "Olaf Scholz besuchte das Werk. Danach sagte sie, die Produktion laufe."
    mention, confidence = resolve(text, ["Olaf Scholz"], "sie")
    assert mention is None and confidence == 0.0


def test_indefinite_noun_phrase_is_a_new_person():
    text = "Wladimir Putin sprach lange. Ein Sprecher sagte danach, es gebe keine Einigung."
    mention, _ = resolve(text, ["Wladimir Putin"], "Ein Sprecher")
    assert mention is None


def test_excluded_person_and_label_evidence_decide_between_two_men():
    text = "Putin empfing Kim in Wostotschny. Danach führte er den Diktator durch die Hallen."
    article = make_article(text, date="2023-09")
    mentions = mentions_of(article.text, ["Putin", "Kim"])
    start = article.text.index("den Diktator")
    end = start + len("den Diktator")
    assert resolve_reference(article, mentions, start, end)[0] is None  # two men, too close to call
    mention, confidence = resolve_reference(article, mentions, start, end, exclude=frozenset({"Putin"}))
    assert mention.text == "Kim" and confidence >= 0.45
    assert resolve_reference(article, mentions, start, end, bonus={"Kim": 1.0})[0].text == "Kim"
