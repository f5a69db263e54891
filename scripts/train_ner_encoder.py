"""Train the accurate NER mode's head: an ensemble of small MLPs over frozen multilingual-e5-small states.

Run: python scripts/train_ner_encoder.py            (extract, then train; needs ../shared/data)
     python scripts/train_ner_encoder.py extract    (encoder states only; resumes per block)
     python scripts/train_ner_encoder.py train [--layers 6,8] [--hidden 256] [--members 26:ctx,27:ctx,26,27]
                                                    [--out PATH] [--no-ship]
Data: GermEval 2014 train (23,999 sentences, CC BY 4.0; OTH->MISC, -deriv/-part -> O as in
scripts/ner_data.py) for training; the tune two thirds of GermEval dev (outside the frozen ids)
to choose layers and stop training. The frozen third is never read here.
Features: per word, the first subword's states of the stored layers (4, 6, 8, 9), float16, in
build/ner_encoder/. Inputs of the head: the states of --layers, tagger.word_shapes (11 lexicon and
spelling features), and for members marked ':ctx' also the previous and the next word's states.
Each member is stopped early on the tune part; the members' probabilities are averaged and the
transition weight of the decoding is chosen on the tune part (docs/accuracy-ner.md, round eleven).
Output: src/storyline/models/ner_accurate/head.npz (standardisation, each member's weights, tag
names, transitions). Seeded: the same command rebuilds the same head on the same machine (two runs
wrote byte-identical files; ≈ 8 min wall for the training step on 2 busy cores).
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
MEMBERS = "26:ctx,27:ctx,26,27"  # seeds of the ensemble's MLPs; ':ctx' = also the neighbouring words' states
WEIGHTS = (0.0, 0.125, 0.25, 0.375, 0.5)  # transition weights tried on the tune part
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


def inputs(states: np.ndarray, sentences: list[R.Sentence], lengths: np.ndarray, neighbours: bool) -> np.ndarray:
    """The head's inputs as `Head.inputs` builds them at run time (before standardising): the states,
    the word shapes, then (with `neighbours`) the previous and the next word's states in the same
    sentence, zeros at its edges."""
    from storyline.analyze.encoder.tagger import word_shapes

    shapes = np.concatenate([word_shapes(words) for words, _, _ in sentences])
    n, width = states.shape
    out = np.zeros((n, width + shapes.shape[1] + 2 * width * neighbours), dtype=np.float32)
    out[:, :width] = states
    out[:, width:width + shapes.shape[1]] = shapes
    if neighbours:
        before, after = width + shapes.shape[1], width + shapes.shape[1] + width
        out[1:, before:after] = states[:-1]
        out[:-1, after:] = states[1:]
        ends = np.cumsum(lengths)
        out[ends[:-1], before:after] = 0  # a sentence's first word has no previous word
        out[ends - 1, after:] = 0         # its last word no next word
    return out


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column means and standard deviations (+1e-6), then x standardised in place, a block of columns at a time."""
    mean, scale = np.zeros(x.shape[1], np.float32), np.zeros(x.shape[1], np.float32)
    for a in range(0, x.shape[1], 256):
        block = x[:, a:a + 256]
        mean[a:a + 256], scale[a:a + 256] = block.mean(axis=0), block.std(axis=0) + 1e-6
        block -= mean[a:a + 256]
        block /= scale[a:a + 256]
    return mean, scale


def parse_members(text: str) -> list[tuple[int, bool]]:
    """"26:ctx,27:ctx,26,27" -> [(seed, reads the neighbours' states too), ...]."""
    return [(int(spec.split(":")[0]), spec.endswith(":ctx")) for spec in text.split(",")]


def train_member(x, y, tx, ty, tl, start, transitions, seed: int, width: int, hidden: tuple[int, ...],
                 alpha: float):
    """One MLP on the first `width` inputs, stopped early on the tune part's span F1 (best over the
    transition weights; two epochs without a gain end it). Returns its Member and tune log-probs."""
    import warnings

    from sklearn.neural_network import MLPClassifier

    from storyline.analyze.encoder.tagger import Member

    mlp = MLPClassifier(hidden_layer_sizes=hidden, alpha=alpha, batch_size=256, learning_rate_init=1e-3,
                        max_iter=1, warm_start=True, random_state=seed)
    best, kept, stale, started = -1.0, None, 0, time.perf_counter()
    inputs = x if width == x.shape[1] else np.ascontiguousarray(x[:, :width])
    for epoch in range(1, 31):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mlp.fit(inputs, y)
        assert [TAGS[c] for c in mlp.classes_] == TAGS
        member = Member([w.astype(np.float32) for w in mlp.coefs_], [b.astype(np.float32) for b in mlp.intercepts_])
        log_probs = member.log_probs(tx)
        gain = False
        for weight in WEIGHTS:
            p, r, f = spans_f1(ty, decode_log_probs(log_probs, start, transitions, tl, weight), tl)
            print(f"member seed {seed} inputs {width} epoch {epoch} transition weight {weight}: "
                  f"tune P {p:.3f} R {r:.3f} F1 {f:.3f} ({time.perf_counter() - started:.0f} s)", flush=True)
            if f > best:
                best, kept, gain = f, (member, log_probs), True
        stale = 0 if gain else stale + 1
        if stale >= 2:
            break
    return kept


def decode_log_probs(log_probs: np.ndarray, start, transitions, lengths: np.ndarray, weight: float) -> list[list[str]]:
    from storyline.analyze.encoder.tagger import viterbi

    bounds = np.concatenate([[0], np.cumsum(lengths)])
    return [[TAGS[i] for i in viterbi(log_probs[a:b], start, transitions, weight)]
            for a, b in zip(bounds[:-1], bounds[1:])]


def train(layers: tuple[int, ...], hidden: tuple[int, ...], alpha: float, members: list[tuple[int, bool]],
          out: Path | None) -> float:
    from storyline.analyze.encoder.tagger import Head, save_head, transition_log_probs

    states, y, lengths = load("train", layers)
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    start, transitions = transition_log_probs([[TAGS[t] for t in y[a:b]] for a, b in zip(bounds[:-1], bounds[1:])],
                                              TAGS)
    ctx = any(c for _, c in members)
    x = inputs(states, train_sentences(), lengths, ctx)
    own = x.shape[1] - 2 * states.shape[1] * ctx  # the word's own states and shapes
    del states
    mean, scale = standardise(x)
    tune_states, ty, tl = load("tune", layers)
    tx = (inputs(tune_states, tune_sentences(), tl, ctx) - mean) / scale
    trained = []
    for seed, c in members:
        trained.append(train_member(x, y, tx, ty, tl, start, transitions, seed, x.shape[1] if c else own, hidden, alpha))
    each = np.stack([log_probs for _, log_probs in trained])  # the log of the members' mean probability
    top = each.max(axis=0)
    log_probs = top + np.log(np.exp(each - top).mean(axis=0))
    best = (-1.0, 0.0)
    for weight in WEIGHTS:
        p, r, f = spans_f1(ty, decode_log_probs(log_probs, start, transitions, tl, weight), tl)
        print(f"ensemble of {len(trained)} transition weight {weight}: tune P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)
        if f > best[0]:
            best = (f, weight)
    if out is not None:
        save_head(Head(mean, scale, [member for member, _ in trained], TAGS, start, transitions, best[1], layers,
                       shapes=True), out)
        print(f"wrote {out} ({out.stat().st_size:,} bytes); best tune F1 {best[0]:.3f} (transition weight {best[1]})")
    return best[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", nargs="?", choices=("all", "extract", "train"), default="all")
    parser.add_argument("--layers", default="6,8")
    parser.add_argument("--hidden", default="256", help="hidden layer sizes of each member, e.g. 512,256")
    parser.add_argument("--alpha", type=float, default=1e-3, help="L2 penalty of the MLP")
    parser.add_argument("--members", default=MEMBERS,
                        help="the ensemble: seed per member, ':ctx' if it also reads the neighbouring words")
    parser.add_argument("--out", type=Path, default=HEAD, help="where to write the head")
    parser.add_argument("--no-ship", action="store_true", help="measure on the tune part, do not write the head")
    args = parser.parse_args()
    if not (SHARED / "germeval2014" / "train.conll").exists():
        sys.exit(f"needs the shared data: {SHARED / 'germeval2014'}")
    if args.step in ("all", "extract"):
        extract("tune", tune_sentences())
        extract("train", train_sentences())
    if args.step in ("all", "train"):
        train(tuple(int(x) for x in args.layers.split(",")), tuple(int(x) for x in args.hidden.split(",")),
              args.alpha, parse_members(args.members), None if args.no_ship else args.out)
    print(f"command: python scripts/train_ner_encoder.py {' '.join(sys.argv[1:])}".rstrip())


if __name__ == "__main__":
    main()
