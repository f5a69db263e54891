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
