"""English offices before a name are a role, not part of the name (issue 23): "Prosecutor Wolfgang
Giese" is the person Wolfgang Giese with the role Prosecutor, as "Oberstaatsanwalt Wolfgang Giese" is
in German, so both reports list one person. Royal and clerical titles stay in the name, as in German."""
from __future__ import annotations

import pytest

from conftest import run_json
from storyline.analyze.pipeline import analyze_article
from storyline.ingest.article import make_article
from storyline.link.entities import group_mentions


def english(text: str):
    return make_article(text, id="en-1", date="2020-07-28")


def people(text: str) -> dict[str, list[str]]:
    """Person name -> roles, as the English readers and the link step see an article."""
    analyzed = analyze_article(english(text))
    return {g.name: g.roles for g in group_mentions(analyzed.article, analyzed.mentions) if g.type == "PER"}


@pytest.mark.parametrize("text, name, role", [
    ("Prosecutor Wolfgang Giese said the 34-year-old suspect had confessed to the attack.",
     "Wolfgang Giese", "Prosecutor"),
    ("The investigation is continuing, Police Chief Hans Weber told reporters in Munich on Monday.",
     "Hans Weber", "Police Chief"),
    ("Talks with Secretary of State Mike Pompeo ended without an agreement on Tuesday.",
     "Mike Pompeo", "Secretary of State"),
    ("On Monday Prime Minister Boris Johnson announced new restrictions for pubs and restaurants.",
     "Boris Johnson", "Prime Minister"),
    ("German Foreign Minister Heiko Maas travelled to Moscow for talks with his Russian counterpart.",
     "Heiko Maas", "Foreign Minister"),
    ("Judge Maria Schmidt adjourned the trial until next week after the defence asked for more time.",
     "Maria Schmidt", "Judge"),
    ("On the anniversary, Air Chief Marshal Rakesh Bhadauria laid a wreath at the National War Memorial.",
     "Rakesh Bhadauria", "Air Chief Marshal"),
    ("Kremlin spokesman Dmitry Peskov told reporters that Moscow would respond to the sanctions.",
     "Dmitry Peskov", "Kremlin spokesman"),
])
def test_an_office_before_a_name_becomes_the_persons_role(text, name, role):
    found = people(text)
    assert name in found, found
    assert found[name] == [role]
    assert not any(other.startswith(role.split()[0]) for other in found)


def test_royal_and_clerical_titles_stay_part_of_the_name():
    found = people("Pope Francis met King Charles at the Vatican on Tuesday, and Prince Harry sent a message.")
    assert set(found) == {"Pope Francis", "King Charles", "Prince Harry"}
    assert all(roles == [] for roles in found.values())


def test_an_adjective_chief_before_an_organisation_makes_no_person():
    found = people("She spent years as ABC's chief White House correspondent before moving to CNN in 2015.")
    assert "White House" not in found


def test_the_speaker_after_said_and_an_office_is_the_person():
    article = english('Munich man charged over knife attack\n\n"The evidence against him is clear," said '
                      "Prosecutor Wolfgang Giese on Tuesday. Giese added that the man had acted alone.")
    quotes = analyze_article(article).quotes
    assert [q.speaker_text for q in quotes] == ["Wolfgang Giese", "Giese"]


def test_an_english_report_and_its_german_translation_share_the_person(tmp_path):
    (tmp_path / "en.txt").write_text(
        "Munich man charged over knife attack\n\n"
        "Prosecutor Wolfgang Giese said on Tuesday that the 34-year-old suspect had confessed to the attack "
        "in Munich. \"The evidence is clear,\" said Prosecutor Wolfgang Giese. Giese added that the man had "
        "acted alone.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text(
        "Münchner nach Messerangriff angeklagt\n\n"
        "Oberstaatsanwalt Wolfgang Giese sagte am Dienstag, der 34-jährige Verdächtige habe den Angriff in "
        "München gestanden. \"Die Beweislage ist eindeutig\", sagte Giese. Der Mann habe allein gehandelt.\n",
        encoding="utf-8")
    result = run_json("analyze", str(tmp_path / "en.txt"), str(tmp_path / "de.txt"))
    persons = [e for e in result["entities"] if e["type"] == "PER"]
    assert [e["name"] for e in persons] == ["Wolfgang Giese"]
    assert persons[0]["articles"] == 2
    assert set(persons[0]["roles"]) == {"Prosecutor", "Oberstaatsanwalt"}
    speakers = {article["language"]: {q["speaker"] for q in article["quotes"]} for article in result["articles"]}
    assert speakers["en"] == speakers["de"] == {persons[0]["id"]}
