"""The rule that turns O tokens of the out-of-domain NER sets into missing annotation."""
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import ner_data  # noqa: E402

WORDS = ["Die", "Klage", "nach", "§", "3", "GG", "wurde", "vom", "Senat", "des", "BGH", "in",
         "Karlsruhe", "mit", "Verweis", "auf", "die", "Deutsche", "Bahn", "und", "Herrn", "Müller",
         "abgewiesen", "."]
SENTENCE = (WORDS, [True] * len(WORDS), [(12, 13, "LOC"), (21, 22, "PER")])
KNOWN_O = frozenset({"klage", "verweis"})
ROLES = ("herrn", "präsident")


def tags_of(rule: str) -> dict[str, str]:
    doc = ner_data.make_partial_doc(spacy.blank("de").vocab, SENTENCE, KNOWN_O, ROLES, rule)
    return {t.text: t.ent_iob_ or "-" for t in doc}


def test_broad_marks_every_unknown_capital_but_not_sentence_start():
    tags = tags_of("broad")
    assert [w for w, tag in tags.items() if tag == "-"] == ["GG", "Senat", "BGH", "Deutsche", "Bahn", "Herrn"]
    assert tags["Die"] == "O" and tags["Klage"] == "O" and tags["Karlsruhe"] == "B"


def test_strict_keeps_lone_nouns_and_name_neighbours_as_o():
    tags = tags_of("strict")
    assert [w for w, tag in tags.items() if tag == "-"] == ["GG", "BGH", "Deutsche", "Bahn"]
    assert tags["Senat"] == "O" and tags["Herrn"] == "O" and tags["Müller"] == "B"


def test_swapped_copies_keep_the_context_and_put_another_name_of_the_same_label():
    other = (["Er", "traf", "Angela", "Merkel", "in", "Rom", "."], [True] * 6 + [False],
             [(2, 4, "PER"), (5, 6, "LOC")])
    swapped = ner_data.replace_mentions([SENTENCE, other, (["Nichts", "."], [True, False], [])], 4, seed=1)
    assert len(swapped) == 8  # sentences without names are not copied
    for words, spaces, spans in swapped:
        assert len(words) == len(spaces) and words[-1] == "."
        assert {" ".join(words[s:e]) for s, e, label in spans if label == "LOC"} <= {"Karlsruhe", "Rom"}
        assert {" ".join(words[s:e]) for s, e, label in spans if label == "PER"} <= {"Müller", "Angela Merkel"}
    assert any(words[:2] == ["Er", "traf"] and words[2] == "Müller" for words, _, _ in swapped)
