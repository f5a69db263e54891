"""Train the accurate NER mode's head: an MLP over frozen multilingual-e5-small states.

Run: python scripts/train_ner_encoder.py            (extract, then train; needs ../shared/data)
     python scripts/train_ner_encoder.py extract    (encoder states only; resumes per block)
     python scripts/train_ner_encoder.py train [--layers 6,8] [--hidden 256]
Data: GermEval 2014 train (23,999 sentences, CC BY 4.0; OTH->MISC, -deriv/-part -> O as in
scripts/ner_data.py) for training; the tune two thirds of GermEval dev (outside the frozen ids)
to choose layers and stop training. The frozen third is never read here.
Features: per word, the first subword's states of the stored layers (4, 6, 8, 9), float16, in
build/ner_encoder/. Output: src/storyline/models/ner_accurate/head.npz (standardisation, two
weight matrices, tag names). Seeded: the same command rebuilds the same head on the same machine.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
import ner_readers as R  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "build" / "ner_encoder"
HEAD = ROOT / "src" / "storyline" / "models" / "ner_accurate" / "head.npz"
STORED_LAYERS = (4, 6, 8, 9)
BLOCK = 2000
SEED = 26
TAGS = ["O"] + [f"{p}-{label}" for label in ("PER", "ORG", "LOC", "MISC") for p in ("B", "I")]


def train_sentences() -> list[R.Sentence]:
    return list(R.read_columns(SHARED / "germeval2014" / "train.conll", R.GERMEVAL_LABELS, "\t"))


def tune_sentences() -> list[R.Sentence]:
    """GermEval dev outside the frozen third (the ids file is read, the frozen sentences are not kept)."""
    import ner_data

    sentences = list(R.read_germeval(SHARED / "germeval2014" / "NER-de-dev.tsv"))
    frozen = ner_data.frozen_ids(len(sentences))
    return [s for i, s in enumerate(sentences) if i not in frozen]


def bio(sentence: R.Sentence) -> list[int]:
    words, _, spans = sentence
    tags = ["O"] * len(words)
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return [TAGS.index(t) for t in tags]


def extract(name: str, sentences: list[R.Sentence]) -> None:
    """Encoder features of every word, block by block (a finished block is kept on a rerun)."""
    from storyline.analyze.encoder.tagger import load_encoder, word_features

    OUT.mkdir(parents=True, exist_ok=True)
    encoder = load_encoder(max(STORED_LAYERS))
    for first in range(0, len(sentences), BLOCK):
        path = OUT / f"{name}_{first // BLOCK:03d}.npz"
        if path.exists():
            continue
        block = sentences[first:first + BLOCK]
        started, cpu = time.perf_counter(), time.process_time()
        feats = word_features([s[0] for s in block], STORED_LAYERS, encoder)
        words = sum(len(s[0]) for s in block)
        np.savez(path, features=np.concatenate(feats).astype(np.float16),
                 tags=np.array([t for s in block for t in bio(s)], dtype=np.int8),
                 lengths=np.array([len(s[0]) for s in block]))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"{name} block {first // BLOCK}: {len(block)} sentences, {words} words, {wall:.0f} s wall, "
              f"{cpu:.0f} s CPU ({words / cpu:.0f} words/CPU-s)", flush=True)


def load(name: str, layers: tuple[int, ...]):
    columns = np.concatenate([np.arange(384) + 384 * STORED_LAYERS.index(layer) for layer in layers])
    parts = [np.load(p) for p in sorted(OUT.glob(f"{name}_*.npz"))]
    if not parts:
        sys.exit(f"no features for {name}: run `python scripts/train_ner_encoder.py extract` first")
    features = np.concatenate([p["features"][:, columns] for p in parts]).astype(np.float32)
    return features, np.concatenate([p["tags"] for p in parts]), np.concatenate([p["lengths"] for p in parts])


def spans_f1(gold: np.ndarray, predicted: list[list[str]], lengths: np.ndarray) -> tuple[float, float, float]:
    """Strict span precision/recall/F1 of word-level BIO per sentence (read as the tagger reads it)."""
    from storyline.analyze.encoder.tagger import tags_to_spans

    tp = fp = fn = 0
    offset = 0
    for n, tags in zip(lengths, predicted):
        g = set(tags_to_spans([TAGS[t] for t in gold[offset:offset + n]]))
        p = set(tags_to_spans(tags))
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
        offset += n
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def decode(head, features: np.ndarray, lengths: np.ndarray, weight: float) -> list[list[str]]:
    """Tags per sentence with the head's Viterbi decoding (weight 0: only BIO's hard constraints)."""
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    return [head.predict(features[a:b], weight) for a, b in zip(bounds[:-1], bounds[1:])]


def train(layers: tuple[int, ...], hidden: int, alpha: float, ship: bool) -> float:
    import warnings

    from sklearn.neural_network import MLPClassifier

    from storyline.analyze.encoder.tagger import Head, transition_log_probs

    x, y, lengths = load("train", layers)
    tx, ty, tl = load("tune", layers)
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    start, transitions = transition_log_probs([[TAGS[t] for t in y[a:b]] for a, b in zip(bounds[:-1], bounds[1:])],
                                              TAGS)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    x = (x - mean) / scale
    started = time.perf_counter()
    mlp = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, batch_size=256, learning_rate_init=1e-3,
                        max_iter=1, warm_start=True, random_state=SEED)
    best, best_head, stale = (-1.0, None), None, 0
    for epoch in range(1, 31):  # early stopping on the tune part's span F1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mlp.fit(x, y)
        head = Head(mean, scale, mlp.coefs_[0].copy(), mlp.intercepts_[0].copy(), mlp.coefs_[1].copy(),
                    mlp.intercepts_[1].copy(), [TAGS[c] for c in mlp.classes_], start, transitions)
        for weight in (0.0, 0.5, 1.0):
            p, r, f = spans_f1(ty, decode(head, tx, tl, weight), tl)
            print(f"layers {layers} hidden {hidden} alpha {alpha} epoch {epoch} transition weight {weight}: "
                  f"tune P {p:.3f} R {r:.3f} F1 {f:.3f} ({time.perf_counter() - started:.0f} s)", flush=True)
            if f > best[0]:
                best, best_head, stale = (f, weight), head, -1
        stale += 1
        if stale >= 3:
            break
    if ship:
        h = best_head
        HEAD.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(HEAD, mean=h.mean.astype(np.float16), scale=h.scale.astype(np.float16),
                            w1=h.w1.astype(np.float16), b1=h.b1.astype(np.float32), w2=h.w2.astype(np.float32),
                            b2=h.b2.astype(np.float32), tags=np.array(h.tags), start=h.start,
                            transitions=h.transitions, weight=np.float32(best[1]), layers=np.array(layers))
        print(f"wrote {HEAD} ({HEAD.stat().st_size:,} bytes); best tune F1 {best[0]:.3f} "
              f"(transition weight {best[1]})")
    return best[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", nargs="?", choices=("all", "extract", "train"), default="all")
    parser.add_argument("--layers", default="6,8")
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--alpha", type=float, default=1e-3, help="L2 penalty of the MLP")
    parser.add_argument("--no-ship", action="store_true", help="measure on the tune part, do not write the head")
    args = parser.parse_args()
    if not (SHARED / "germeval2014" / "train.conll").exists():
        sys.exit(f"needs the shared data: {SHARED / 'germeval2014'}")
    if args.step in ("all", "extract"):
        extract("tune", tune_sentences())
        extract("train", train_sentences())
    if args.step in ("all", "train"):
        train(tuple(int(x) for x in args.layers.split(",")), args.hidden, args.alpha, not args.no_ship)
    print(f"command: python scripts/train_ner_encoder.py {' '.join(sys.argv[1:])}".rstrip())


if __name__ == "__main__":
    main()
