"""Silver NER training data labelled by the encoder teacher (the accurate NER mode), for distillation.

Run: python scripts/ner_teacher.py label   (teacher tags + probabilities -> build/ner/teacher/labels.jsonl)
     python scripts/ner_teacher.py build [--min-prob 0.5]   (-> build/ner/corpus/silver_encoder.spacy)
Then `python scripts/train_ner.py --mix full_silver …` trains the fast spaCy model on gold + silver.

Why: the encoder tagger (multilingual-e5-small layers 6+8 + MLP head, Viterbi-decoded) finds names
the fast model misses, but is about 20 times slower. Its tags on unlabelled modern news move some of
that knowledge into the fast model. The teacher's bare tags are used (no rules), so the rules still
add on top of the student as they do on the shipped model.

Text: Wikinews articles (CC BY 2.5, so a model trained on them may ship): the SpkAtt-2023 `train/`
texts and `test_blind_texts/` (the latter are the package's sample corpus). Only their tokens are read,
never the SpkAtt annotations (non-commercial). Left out on purpose: GermEval dev (tune and frozen
parts) and the cross-lingual development set (research use; it holds the frozen modern-news NER set):
a sentence equal to a GermEval dev sentence, or found inside a German text of that set, is dropped.
A word whose teacher tag has a probability below --min-prob is marked missing (no loss either way);
so is a whole name if any of its words is.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import ner_data  # noqa: E402
import ner_readers as R  # noqa: E402

NAME = "silver_encoder"
OUT = ner_data.ROOT / "build" / "ner" / "teacher"
LABELS = OUT / "labels.jsonl"
SOURCES = (ner_data.SHARED / "spkatt2023" / "train", ner_data.SHARED / "spkatt2023" / "test_blind_texts")
CROSSLINGUAL = ner_data.SHARED / "crosslingual_dev" / "pairs.jsonl"
BATCH = 256  # sentences per call of the teacher (progress in the log, little memory)


def squeeze(text: str) -> str:
    """Text without whitespace: tokenised and running text compare equal."""
    return "".join(text.split())


def excluded_text() -> tuple[set[str], list[str]]:
    """GermEval dev sentences (all 2,200: tune and frozen parts) and the cross-lingual set's German texts."""
    dev = {squeeze("".join(words)) for words, _, _ in R.read_germeval(ner_data.SHARED / "germeval2014" / "NER-de-dev.tsv")}
    texts = []
    if CROSSLINGUAL.exists():
        for line in CROSSLINGUAL.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("lang") == "de":
                texts.append(squeeze(record["text"]))
    return dev, texts


def source_sentences():
    """(article file, sentence index, tokens, spaces) of the Wikinews texts, in file-name order."""
    from spkatt import detokenize

    for folder in SOURCES:
        for path in sorted(folder.glob("*.json")):
            sentences = [s["Tokens"] for s in json.loads(path.read_text(encoding="utf-8"))["Sentences"]]
            _, offsets = detokenize(sentences)
            for s, words in enumerate(sentences):
                spans = [offsets[(s, t)] for t in range(len(words))]
                spaces = [i + 1 < len(words) and spans[i][1] < spans[i + 1][0] for i in range(len(words))]
                yield f"{folder.name}/{path.name}", s, words, spaces


def kept_sentences(limit: int | None = None):
    """Source sentences minus the excluded text; counts what was dropped and why."""
    dev, texts = excluded_text()
    dropped = {"germeval_dev": 0, "crosslingual_dev": 0, "empty": 0}
    kept = []
    for record in source_sentences():
        words = [w for w in record[2] if w.strip()]
        if not words or len(words) != len(record[2]):
            dropped["empty"] += 1
            continue
        flat = squeeze("".join(words))
        if flat in dev:
            dropped["germeval_dev"] += 1
        elif len(words) >= 4 and any(flat in text for text in texts):
            dropped["crosslingual_dev"] += 1
        else:
            kept.append(record)
        if limit and len(kept) >= limit:
            break
    return kept, dropped


def label(limit: int | None = None) -> None:
    """Teacher tags and each word's tag probability, one JSON line per sentence; prints the speed."""
    import numpy as np

    from storyline.analyze.encoder.tagger import load_head, viterbi, word_features

    kept, dropped = kept_sentences(limit)
    print(f"sentences: {len(kept)} kept, dropped {dropped}", flush=True)
    head = load_head()
    OUT.mkdir(parents=True, exist_ok=True)
    started, cpu, words_done = time.perf_counter(), time.process_time(), 0
    with LABELS.open("w", encoding="utf-8") as out:
        for b in range(0, len(kept), BATCH):
            chunk = kept[b:b + BATCH]
            for (source, s, words, spaces), features in zip(chunk, word_features([c[2] for c in chunk], head.layers)):
                log_probs = head.log_probs(features, words)
                path = viterbi(log_probs, head.start, head.transitions, head.weight)
                probs = np.exp(log_probs[np.arange(len(path)), path])
                out.write(json.dumps({"source": source, "sentence": s, "words": words, "spaces": spaces,
                                      "tags": [head.tags[i] for i in path],
                                      "probs": [round(float(p), 4) for p in probs]}, ensure_ascii=False) + "\n")
                words_done += len(words)
            wall = time.perf_counter() - started
            print(f"{b + len(chunk)} sentences, {words_done} words, {wall:.0f} s wall, "
                  f"{words_done / max(wall, 1e-9):.0f} words/s wall, "
                  f"{words_done / max(time.process_time() - cpu, 1e-9):.0f} words/CPU-s", flush=True)


def silver_tags(tags: list[str], probs: list[float], min_prob: float) -> list[str | None]:
    """BIO tags with unsure words as None (missing): a name is kept whole or not at all."""
    from storyline.analyze.encoder.tagger import tags_to_spans

    out: list[str | None] = ["O" if p >= min_prob else None for p in probs]
    for start, end, kind in tags_to_spans(tags):
        sure = min(probs[start:end]) >= min_prob
        out[start:end] = ([f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)) if sure else [None] * (end - start)
    return out


def build(min_prob: float) -> int:
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("de").vocab
    counts = {"sentences": 0, "names": 0, "missing_words": 0, "words": 0}

    def docs():
        for line in LABELS.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            tags = silver_tags(record["tags"], record["probs"], min_prob)
            counts["sentences"] += 1
            counts["words"] += len(tags)
            counts["missing_words"] += tags.count(None)
            counts["names"] += sum(t is not None and t.startswith("B-") for t in tags)
            yield Doc(vocab, words=record["words"], spaces=record["spaces"], ents=tags)

    n = ner_data.save_docs(NAME, docs())
    print(f"{NAME}: {counts} (min prob {min_prob})")
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=("label", "build"))
    parser.add_argument("--limit", type=int, help="label at most this many sentences")
    parser.add_argument("--min-prob", type=float, default=0.5,
                        help="words whose teacher tag is less probable are missing in the silver data")
    args = parser.parse_args()
    if args.step == "label":
        label(args.limit)
    else:
        build(args.min_prob)


if __name__ == "__main__":
    main()
