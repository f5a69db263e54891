"""Named entities from encoder states: the accurate NER mode (`--ner accurate`, STORYLINE_NER=accurate).

Each word is read by the state of its first subword in layers 6 and 8 of multilingual-e5-small
(frozen; middle layers carry more about names than the last), and a small MLP head trained on
GermEval 2014 train (`scripts/train_ner_encoder.py`) gives it a BIO tag over PER/ORG/LOC/MISC.
Words are encoded one by one and joined, as the training sentences were (tokens separated by
spaces), so the model sees the same pieces at training and at run time.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

LAYERS = (6, 8)
HEAD = Path(__file__).resolve().parents[2] / "models" / "ner_accurate" / "head.npz"
BATCH = 32          # sentences per forward pass (sorted by length: little padding)
MAX_PIECES = 500    # a longer sentence is read in windows of words
IMPOSSIBLE = -1e4   # log-probability of a tag step BIO forbids (I-LOC after O)


@lru_cache(maxsize=1)
def load_encoder(depth: int = max(LAYERS)):
    from storyline.analyze.encoder.model import Encoder

    return Encoder(depth=depth)


def word_features(sentences: list[list[str]], layers: tuple[int, ...] = LAYERS, encoder=None) -> list[np.ndarray]:
    """[words, 384 * len(layers)] float32 per sentence: the first subword's states of `layers`."""
    encoder = encoder or load_encoder(max(max(layers), max(LAYERS)))
    pieces = [[encoder.tokenizer.word_ids(w) or (encoder.vocab.unk,) for w in words] for words in sentences]
    windows = []  # (sentence, first word, ids, first piece of each word)
    for s, words in enumerate(pieces):
        start, ids, firsts = 0, [], []
        for i, word in enumerate(words):
            if ids and len(ids) + len(word) > MAX_PIECES:
                windows.append((s, start, ids, firsts))
                start, ids, firsts = i, [], []
            firsts.append(len(ids))
            ids.extend(word[:MAX_PIECES])
        windows.append((s, start, ids, firsts))
    out = [np.zeros((len(words), 384 * len(layers)), dtype=np.float32) for words in sentences]
    order = sorted(range(len(windows)), key=lambda k: len(windows[k][2]))
    for batch in length_batches([len(windows[k][2]) for k in order]):
        chunk = [windows[order[k]] for k in batch]
        states = encoder.states([ids for _, _, ids, _ in chunk], layers)
        for (s, start, _, firsts), layer_states in zip(chunk, states):
            picked = np.concatenate([st[firsts] for st in layer_states], axis=1)
            out[s][start:start + len(firsts)] = picked
    return out


def length_batches(lengths: list[int]) -> list[range]:
    """Consecutive runs of the length-sorted windows to encode together: at most BATCH, and a window
    joins only while the padding stays small (the longest at most a quarter + 8 pieces longer than the
    shortest), since every window is padded to the longest of its batch."""
    batches, first = [], 0
    for k in range(1, len(lengths) + 1):
        if k == len(lengths) or k - first >= BATCH or lengths[k] > lengths[first] * 1.25 + 8:
            batches.append(range(first, k))
            first = k
    return batches


@dataclass
class Head:
    """A one-hidden-layer MLP over standardised features, decoded with tag-bigram transitions.

    Words are tagged one by one, which alone gives broken names ("Wall/B-ORG Street/I-MISC",
    "Nahen/B-LOC Ostens/B-LOC"); the Viterbi path over the MLP's log-probabilities plus `weight`
    times the log-probabilities of tag bigrams in the training data (an I- tag only after the same
    type) keeps each name in one piece."""
    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    tags: list[str]
    start: np.ndarray        # [tags] log P(first tag)
    transitions: np.ndarray  # [tags, tags] log P(tag | previous tag)
    weight: float = 1.0
    layers: tuple[int, ...] = LAYERS

    def log_probs(self, features: np.ndarray) -> np.ndarray:
        hidden = np.maximum((features - self.mean) / self.scale @ self.w1 + self.b1, 0)
        logits = hidden @ self.w2 + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))

    def predict(self, features: np.ndarray, weight: float | None = None) -> list[str]:
        if not len(features):
            return []
        return [self.tags[i] for i in viterbi(self.log_probs(features), self.start, self.transitions,
                                               self.weight if weight is None else weight)]


def viterbi(emissions: np.ndarray, start: np.ndarray, transitions: np.ndarray, weight: float) -> list[int]:
    """The best tag path for emissions [words, tags] under weighted start/transition log-probabilities;
    impossible steps (log-probability IMPOSSIBLE) stay impossible at any weight, 0 included."""
    barrier = np.where(transitions <= IMPOSSIBLE, -1e9, 0.0)
    score = emissions[0] + weight * start + np.where(start <= IMPOSSIBLE, -1e9, 0.0)
    back = []
    for row in emissions[1:]:
        total = score[:, None] + weight * transitions + barrier
        back.append(total.argmax(axis=0))
        score = total.max(axis=0) + row
    path = [int(score.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


@lru_cache(maxsize=1)
def load_head(path: Path = HEAD) -> Head:
    if not path.exists():
        raise FileNotFoundError(f"the accurate NER head is missing: {path} (make models-accurate rebuilds it)")
    with np.load(path) as data:
        return Head(*(data[k].astype(np.float32) for k in ("mean", "scale", "w1", "b1", "w2", "b2")),
                    tags=[str(t) for t in data["tags"]], start=data["start"], transitions=data["transitions"],
                    weight=float(data["weight"]), layers=tuple(int(x) for x in data["layers"]))


def transition_log_probs(sequences: list[list[str]], tags: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Start and bigram log-probabilities of BIO tags (add-one smoothed; an I- tag after anything but
    its own B- or I- is impossible)."""
    index = {t: i for i, t in enumerate(tags)}
    start, pairs = np.ones(len(tags)), np.ones((len(tags), len(tags)))
    for seq in sequences:
        if seq:
            start[index[seq[0]]] += 1
        for a, b in zip(seq, seq[1:]):
            pairs[index[a], index[b]] += 1
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = 0
            for i, prev in enumerate(tags):
                if prev[2:] != tag[2:]:
                    pairs[i, j] = 0
    with np.errstate(divide="ignore"):
        start, pairs = np.log(start / start.sum()), np.log(pairs / pairs.sum(axis=1, keepdims=True))
    return (np.maximum(start, IMPOSSIBLE).astype(np.float32), np.maximum(pairs, IMPOSSIBLE).astype(np.float32))


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> (first word, end word, label); an I- after O or another type opens a name (repair)."""
    spans, start, current = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, label = tag.partition("-")
        if current is not None and (prefix != "I" or label != current):
            spans.append((start, i, current))
            current = None
        if prefix in ("B", "I") and current is None:
            start, current = i, label
    return spans


def tag_sentences(sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
    """Names in word-split sentences, as word index spans."""
    head = load_head()
    return [tags_to_spans(head.predict(f)) for f in word_features(sentences, head.layers)]


def doc_entities(docs: list) -> list[list[tuple[int, int, str]]]:
    """(start_char, end_char, label) per parsed sentence, in place of the spaCy model's `doc.ents`."""
    words = [[t.text for t in doc if not t.is_space] for doc in docs]
    tokens = [[t for t in doc if not t.is_space] for doc in docs]
    found = []
    for toks, spans in zip(tokens, tag_sentences(words)):
        found.append([(toks[a].idx, toks[b - 1].idx + len(toks[b - 1]), label) for a, b, label in spans])
    return found
