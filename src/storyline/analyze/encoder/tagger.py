"""Named entities from encoder states: the accurate NER mode (`--ner accurate`, STORYLINE_NER=accurate).

Each word is read by the state of its first subword in layers 6 and 8 of multilingual-e5-small
(frozen; middle layers carry more about names than the last), beside a few word shapes from the
shipped lexicons; four small MLPs trained on GermEval 2014 train (`scripts/train_ner_encoder.py`),
two of which also read the neighbouring words' states, average their probabilities of the BIO tags
over PER/ORG/LOC/MISC, and a Viterbi path keeps names whole.
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


WORD_CLASSES = ("-", "N", "E", "B", "n", "?")  # storyline.analyze.entities.word_classes


def word_shapes(words: list[str]) -> np.ndarray:
    """[words, 11] 0/1 features of one sentence beside the encoder states: the word's lexicon class
    (no capital; common noun, proper name or both in the Wiktionary noun forms; a compound ending in a
    common noun; capitalised and unknown), a given name, a one-word place or country, the sentence's
    first word, all capitals, a digit. All from the shipped lists that the spaCy model reads too."""
    from storyline.analyze.entities.word_classes import word_class

    rows = np.zeros((len(words), len(WORD_CLASSES) + 5), dtype=np.float32)
    for i, word in enumerate(words):
        found = word_class(word)
        rows[i, WORD_CLASSES.index(found[0])] = 1
        rows[i, len(WORD_CLASSES):] = ("G" in found[1:], "L" in found[1:], i == 0, word.isupper() and len(word) > 1,
                                       any(c.isdigit() for c in word))
    return rows


def with_neighbours(features: np.ndarray) -> np.ndarray:
    """[words, 3 * width]: each word's features, then its previous and its next word's (zeros at the edges)."""
    before, after = np.zeros_like(features), np.zeros_like(features)
    before[1:], after[:-1] = features[:-1], features[1:]
    return np.concatenate([features, before, after], axis=1)


@dataclass
class Member:
    """One MLP of the ensemble: ReLU hidden layers, then the tag logits. It reads the first
    `weights[0].shape[0]` standardised inputs: the word's own states (and word shapes), or those and
    its neighbours' states."""
    weights: list[np.ndarray]
    biases: list[np.ndarray]

    def log_probs(self, inputs: np.ndarray) -> np.ndarray:
        x = inputs[:, :self.weights[0].shape[0]]
        for w, b in zip(self.weights[:-1], self.biases[:-1]):
            x = np.maximum(x @ w + b, 0)
        logits = x @ self.weights[-1] + self.biases[-1]
        logits -= logits.max(axis=1, keepdims=True)
        return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


@dataclass
class Head:
    """Small MLPs over standardised features, their probabilities averaged, decoded with tag-bigram transitions.

    Words are tagged one by one, which alone gives broken names ("Wall/B-ORG Street/I-MISC",
    "Nahen/B-LOC Ostens/B-LOC"); the Viterbi path over the log of the members' mean probabilities plus
    `weight` times the log-probabilities of tag bigrams in the training data (an I- tag only after the
    same type) keeps each name in one piece. Members differ in their seed and in whether they also
    read the previous and the next word's states."""
    mean: np.ndarray
    scale: np.ndarray
    members: list[Member]
    tags: list[str]
    start: np.ndarray        # [tags] log P(first tag)
    transitions: np.ndarray  # [tags, tags] log P(tag | previous tag)
    weight: float = 1.0
    layers: tuple[int, ...] = LAYERS
    shapes: bool = False     # word_shapes() follow the states in the inputs

    def inputs(self, features: np.ndarray, words: list[str] | None = None) -> np.ndarray:
        """Standardised inputs: the states, the word shapes if the head reads them, then the previous and
        the next word's states if a member reads them."""
        parts = [features]
        if self.shapes:
            if words is None:
                raise ValueError("this head reads word shapes: pass the words")
            parts.append(word_shapes(words))
        if len(self.mean) > features.shape[1] + (len(WORD_CLASSES) + 5) * self.shapes:
            parts.append(with_neighbours(features)[:, features.shape[1]:])
        return (np.concatenate(parts, axis=1) - self.mean) / self.scale

    def log_probs(self, features: np.ndarray, words: list[str] | None = None) -> np.ndarray:
        inputs = self.inputs(features, words)
        each = np.stack([member.log_probs(inputs) for member in self.members])  # the log of the mean probability
        top = each.max(axis=0)
        return top + np.log(np.exp(each - top).mean(axis=0))

    def predict(self, features: np.ndarray, weight: float | None = None, words: list[str] | None = None) -> list[str]:
        if not len(features):
            return []
        return [self.tags[i] for i in viterbi(self.log_probs(features, words), self.start, self.transitions,
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
        if "w1" in data:  # one member, the first format
            members = [Member([data["w1"].astype(np.float32), data["w2"].astype(np.float32)],
                              [data["b1"].astype(np.float32), data["b2"].astype(np.float32)])]
        else:
            members = [Member([data[f"m{m}_w{k}"].astype(np.float32) for k in range(int(data[f"m{m}_depth"]))],
                              [data[f"m{m}_b{k}"].astype(np.float32) for k in range(int(data[f"m{m}_depth"]))])
                       for m in range(int(data["members"]))]
        return Head(data["mean"].astype(np.float32), data["scale"].astype(np.float32), members,
                    tags=[str(t) for t in data["tags"]], start=data["start"], transitions=data["transitions"],
                    weight=float(data["weight"]), layers=tuple(int(x) for x in data["layers"]),
                    shapes=bool(data["shapes"]) if "shapes" in data else False)


def save_head(head: Head, path: Path = HEAD) -> None:
    """The head as load_head reads it: weights of the first layers in float16, the rest in float32."""
    arrays = {"members": np.int64(len(head.members))}
    for m, member in enumerate(head.members):
        arrays[f"m{m}_depth"] = np.int64(len(member.weights))
        for k, (w, b) in enumerate(zip(member.weights, member.biases)):
            arrays[f"m{m}_w{k}"] = w.astype(np.float16 if k == 0 else np.float32)
            arrays[f"m{m}_b{k}"] = b.astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, mean=head.mean.astype(np.float16), scale=head.scale.astype(np.float16),
                        tags=np.array(head.tags), start=head.start, transitions=head.transitions,
                        weight=np.float32(head.weight), layers=np.array(head.layers), shapes=np.bool_(head.shapes),
                        **arrays)


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
    return [tags_to_spans(head.predict(f, words=words)) for f, words in zip(word_features(sentences, head.layers),
                                                                           sentences)]


def doc_entities(docs: list) -> list[list[tuple[int, int, str]]]:
    """(start_char, end_char, label) per parsed sentence, in place of the spaCy model's `doc.ents`."""
    words = [[t.text for t in doc if not t.is_space] for doc in docs]
    tokens = [[t for t in doc if not t.is_space] for doc in docs]
    found = []
    for toks, spans in zip(tokens, tag_sentences(words)):
        found.append([(toks[a].idx, toks[b - 1].idx + len(toks[b - 1]), label) for a, b, label in spans])
    return found
