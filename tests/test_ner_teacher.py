"""Silver labels from the encoder teacher: unsure words carry no label, names stay whole."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import ner_teacher  # noqa: E402


def test_sure_tags_are_kept_as_they_are():
    tags = ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
    assert ner_teacher.silver_tags(tags, [0.99] * 7, 0.5) == tags


def test_an_unsure_word_is_missing_and_so_is_its_whole_name():
    tags = ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
    probs = [0.99, 0.4, 0.99, 0.45, 0.99, 0.99, 0.99]
    assert ner_teacher.silver_tags(tags, probs, 0.5) == ["O", None, None, None, "O", "B-LOC", "O"]


def test_excluded_text_is_compared_without_spaces():
    assert ner_teacher.squeeze("Neil Armstrong ( Ohio ) .") == ner_teacher.squeeze("Neil Armstrong (Ohio).")
