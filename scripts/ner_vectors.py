"""Train static subword word vectors (floret) on the unlabelled German text at hand, for the NER.

Run: python scripts/ner_vectors.py        (needs ../shared/data and build/ner/corpus from ner_data.py)
Why: the NER misses names it never saw. Vectors learnt from a few million words of German text give
an unseen word a position near the words used like it, and floret's subword hashing gives every
word one (no out-of-vocabulary word), in a table of fixed size that fits the package budget.

Text (all CC BY or CC0, no evaluation text): the tokens of the NER training corpora (GermEval 2014
train, SmartData, MobIE, NewsEye, ZEFYS, BIOfid), the whole German legal NER corpus and the
SpkAtt-2023 train articles (Wikinews texts, CC BY 2.5; not its blind test texts). GermEval dev,
Europarl and WikiANN are left out: they are evaluation sets. Single-threaded, so a
rerun gives the same vectors.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402

OUT = ner_data.ROOT / "build" / "ner" / "vectors"
TRAINING_CORPORA = ("germeval_full", "smartdata", "mobie", "newseye", "zefys", "biofid")
# floret settings: a 20,000-row table of 100 dimensions is 8 MB in the package
SETTINGS = {"model": "cbow", "mode": "floret", "hashCount": 2, "bucket": 20000, "minn": 3, "maxn": 5,
            "dim": 100, "epoch": 10, "minCount": 2, "thread": 1}  # one thread: the same vectors every run


def corpus_sentences():
    """Token lists of the training corpora (build/ner/corpus, written by ner_data.py)."""
    vocab = spacy.blank("de").vocab
    for name in TRAINING_CORPORA:
        for doc in DocBin().from_disk(ner_data.CORPUS / f"{name}.spacy").get_docs(vocab):
            yield [token.text for token in doc]


def legal_sentences():
    """The whole German legal NER corpus (66,723 sentences), one token per line, blank line between."""
    for path in sorted((ner_data.EXTRA / "legal_ler_full").glob("*.conll.gz")):
        words: list[str] = []
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    words.append(line.split()[0])
                elif words:
                    yield words
                    words = []
        if words:
            yield words


def wikinews_sentences():
    """SpkAtt-2023 train articles (Wikinews), already tokenised."""
    for path in sorted((ner_data.SHARED / "spkatt2023" / "train").glob("*.json")):
        for sentence in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
            yield sentence["Tokens"]


def write_text(path: Path) -> int:
    """One sentence per line, tokens separated by spaces; returns the number of tokens."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for source in (corpus_sentences(), legal_sentences(), wikinews_sentences()):
            for words in source:
                words = [w for w in words if w.strip() and " " not in w]
                if words:
                    out.write(" ".join(words) + "\n")
                    count += len(words)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    import floret

    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    text = args.out / "text.txt"
    print(f"{write_text(text):,} tokens of text -> {text}")
    model = floret.train_unsupervised(str(text), **SETTINGS)
    floret_file = args.out / "de.floret"
    model.save_floret_vectors(str(floret_file))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "de", str(floret_file),
                    str(args.out / "model"), "--mode", "floret"], check=True)
    print(f"vectors in {args.out / 'model'} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
