"""Silver NER training data: modern German news labelled by the shipped system (self-training).

Run: python scripts/ner_silver.py   (writes build/ner/corpus/silver_wikinews.spacy)
The texts are the 700 Wikinews articles of SpkAtt-2023 `train/` (texts CC BY 2.5; its quote
annotations are not read). The teacher is the whole system (model + gazetteer + rules), which is
5 points better than its model alone; training the next model on its output moves that knowledge
into the model. The teacher misses about 40 % of names, so an unknown capitalised word it left
unlabelled, and that is no common noun of Wiktionary's list, is marked *missing* (no loss either
way) rather than O.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import ner_data  # noqa: E402
from spkatt import SPKATT_TRAIN, detokenize  # noqa: E402

NAME = "silver_wikinews"


def read_sentences(path: Path) -> list[list[str]]:
    return [s["Tokens"] for s in json.loads(path.read_text(encoding="utf-8"))["Sentences"]]


def silver_docs(vocab, paths: list[Path], known_o: frozenset[str]):
    """One Doc per sentence, entities from the system run on the whole article."""
    sys.path.insert(0, str(ner_data.ROOT / "src"))
    from storyline.analyze.entities.mentions import find_mentions_in_text
    from storyline.analyze.entities.word_classes import word_class

    for path in paths:
        sentences = read_sentences(path)
        text, offsets = detokenize(sentences)
        by_start = {m.start: (m.end, m.type) for m in find_mentions_in_text(text)}
        for s, words in enumerate(sentences):
            spans = [offsets[(s, t)] for t in range(len(words))]
            tags: list[str | None] = ["O"] * len(words)
            t = 0
            while t < len(words):
                found = by_start.get(spans[t][0])
                end_token = None
                if found:
                    end_token = next((u for u in range(t, len(words)) if spans[u][1] == found[0]), None)
                if end_token is None:
                    t += 1
                    continue
                if end_token == t and word_class(words[t])[:1] == "N":
                    tags[t] = None  # a lone common noun ("Landebahn"): the teacher's commonest slip
                else:
                    tags[t:end_token + 1] = [f"B-{found[1]}"] + [f"I-{found[1]}"] * (end_token - t)
                t = end_token + 1
            for i in range(len(words)):
                if (tags[i] == "O" and ner_data.is_unknown_capital(words, i, known_o)
                        and word_class(words[i])[:1] not in ("N", "n")):
                    tags[i] = None
            spaces = [spans[i][1] < spans[i + 1][0] if i + 1 < len(words) else False
                      for i in range(len(words))]
            if words:
                yield Doc(vocab, words=words, spaces=spaces, ents=tags)


def build(limit: int | None = None) -> int:
    import spacy

    paths = sorted(SPKATT_TRAIN.glob("*.json"))[:limit]
    train = ner_data.germeval_splits()["germeval_train"]
    known_o = ner_data.load_common_nouns() | ner_data.germeval_o_words(train)
    return ner_data.save_docs(NAME, silver_docs(spacy.blank("de").vocab, paths, known_o))


if __name__ == "__main__":
    print(f"{NAME}: {build()} sentences")
