"""Run the shipped STTS tagger (`models/de_pos`, trained by scripts/train_pos.py) over chosen sentences.

Words are cut with the same pattern as the quote rules' tokens, so a tag is found by the word's
start offset. The model is a small CNN (64 wide, no vectors); it runs only on the sentences the
caller asks for.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "de_pos"
WORD = re.compile(r"\w+(?:[-.’']\w+)*|\S")  # the quote rules' token pattern (quotes/cues.py)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
SURE, SURE_CAPITALISED = 0.8, 0.99  # least probability of a tag the rules get
MAX_WORDS = 200  # a longer run without a sentence end is cut (the CNN sees 2 words either side)


@lru_cache(maxsize=1)
def load_tagger():
    """The tagger pipeline, or None when the package was built without it (rules then use lists)."""
    if not (MODEL_DIR / "config.cfg").exists():
        return None
    from storyline.analyze.entities.spacy_runtime import import_spacy

    from thinc.api import NumpyOps

    # Without the training strings (a second of loading); matrix products on numpy's BLAS, as the
    # NER runtime does (entities/spacy_runtime.load_tuned_nlp): 2-3x faster than blis here.
    nlp = import_spacy().load(MODEL_DIR, exclude=["strings"])
    ops = NumpyOps(use_blis=False)
    for _name, pipe in nlp.pipeline:
        for node in pipe.model.walk():
            node.ops = ops
    return nlp


@lru_cache(maxsize=1)
def labels() -> tuple[str, ...]:
    return tuple(load_tagger().get_pipe("tagger").labels)


def _best(scores) -> tuple[list[int], list[float]]:
    """Best label and its probability per word (the tagger gives scores before the softmax)."""
    import numpy

    scores = numpy.asarray(scores)
    probs = numpy.exp(scores - scores.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    return probs.argmax(axis=1).tolist(), probs.max(axis=1).tolist()


def pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text's sentences, cut at sentence punctuation and line breaks."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def scored_words(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str, float]]:
    """(start, end, STTS tag, probability) of every word in the given spans of `text`."""
    forward = load_forward()
    if forward is None or not spans:
        return []
    from storyline.analyze.entities.spacy_runtime import blas_threads

    names, scored, words = labels(), [], []
    with blas_threads().limit(limits=1, user_api="blas"):  # a second BLAS thread only spins on these small matrices
        for start, end in spans:
            matches = list(WORD.finditer(text, start, end))
            for first in range(0, len(matches), MAX_WORDS):
                chunk = matches[first:first + MAX_WORDS]
                scored.append((chunk, forward([m.group() for m in chunk])))
    for chunk, scores in scored:
        best, sure = _best(scores)
        words += [(match.start(), match.end(), names[label], p) for match, label, p in zip(chunk, best, sure)]
    return words


def tag_pieces(text: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """The sure STTS tags of the words in the given spans of `text`, by start offset.

    An unknown capitalised word is a guess (a rare name read as adverb: "Glos" ADJD 0.64); only a
    sure tag is kept, so the rules fall back to capitalisation there.
    """
    return {start: tag for start, _end, tag, p in scored_words(text, spans)
            if p >= (SURE_CAPITALISED if text[start:start + 1].isupper() else SURE)}


def word_tags(text: str) -> list[dict]:
    """Every word of a German text with its STTS tag and the tagger's probability, for
    `storyline analyze --json --tokens` (offsets into `text`, as everywhere in the JSON)."""
    return [{"start": start, "end": end, "text": text[start:end], "tag": tag, "probability": round(p, 3)}
            for start, end, tag, p in scored_words(text, pieces(text))]


def proper_nouns(words: list[str]) -> list[bool]:
    """Whether the tagger's best tag for each word is NE (proper noun), reading the words in
    context; a feature for the NER (entities/word_classes.py)."""
    forward = load_forward()
    if forward is None or not words:
        return [False] * len(words)
    ne = labels().index("NE")
    out: list[bool] = []
    for first in range(0, len(words), MAX_WORDS):
        scores = forward(words[first:first + MAX_WORDS])
        out += (scores.argmax(axis=1) == ne).tolist()
    return out


class Forward:
    """The tagger's forward pass in plain numpy, with the weights of the spaCy model.

    The model is small (hash embeddings, a 64-wide CNN, a softmax layer), so running it through
    spaCy and thinc costs more in per-layer calls than in arithmetic (≈ 1 ms per sentence); this is
    the same computation in a dozen array operations. `tests/test_quotes_grammar.py` checks that it
    gives spaCy's tags."""

    def __init__(self, nlp):
        import numpy
        from thinc.api import NumpyOps

        from spacy.attrs import NORM, PREFIX, SHAPE, SUFFIX
        from spacy.strings import get_string_id

        self.string_id = get_string_id
        self.np, self.ops, self.vocab = numpy, NumpyOps(), nlp.vocab
        self.getters = [nlp.vocab.lex_attr_getters[attr] for attr in (NORM, PREFIX, SUFFIX, SHAPE)]
        nodes = list(nlp.get_pipe("tok2vec").model.walk())
        self.embed = [(n.get_param("E"), n.attrs["seed"]) for n in nodes if n.name == "hashembed"]
        maxouts = [(n.get_param("W"), n.get_param("b")) for n in nodes if n.name == "maxout"]
        norms = [(n.get_param("G"), n.get_param("b")) for n in nodes if n.name == "layernorm"]
        # Maxout weights with the pieces as blocks of columns ([all outputs of piece 0 | piece 1 | …]),
        # so the max over pieces is an element-wise maximum of slices, not a slow small reduction.
        self.layers = [(numpy.ascontiguousarray(W.transpose(1, 0, 2).reshape(-1, W.shape[-1]).T),
                        numpy.ascontiguousarray(b.T.reshape(-1)), W.shape[0], W.shape[1], G, beta)
                       for (W, b), (G, beta) in zip(maxouts, norms)]
        self.mean = numpy.full((norms[0][0].shape[0], 1), 1.0 / norms[0][0].shape[0], dtype="float32")
        softmax = next(n for n in nlp.get_pipe("tagger").model.walk() if n.name == "softmax")
        self.out_W, self.out_b = softmax.get_param("W").T.copy(), softmax.get_param("b")
        self.keys: dict[str, tuple[int, int, int, int]] = {}

    def features(self, words: list[str]):
        """NORM, PREFIX, SUFFIX, SHAPE of each word as spaCy hashes them (cached per word)."""
        out = []
        for word in words:
            key = self.keys.get(word)
            if key is None:  # the lexeme attributes' ids, without making a lexeme in the vocab
                key = tuple(self.string_id(getter(word)) for getter in self.getters)
                if len(self.keys) < 200_000:
                    self.keys[word] = key
            out.append(key)
        return self.np.array(out, dtype="uint64")

    def _maxout_norm(self, X, layer):
        W, b, nO, nP, G, beta = layer
        Z = X @ W + b
        Y = Z[:, :nO]
        for piece in range(1, nP):
            Y = self.np.maximum(Y, Z[:, piece * nO:(piece + 1) * nO])
        centred = Y - Y @ self.mean  # layer norm: mean and variance over the features
        var = (centred * centred) @ self.mean + 1e-08
        return centred * var ** -0.5 * G + beta

    def __call__(self, words: list[str]):
        np = self.np
        ids = self.features(words)
        parts = []
        for i, (E, seed) in enumerate(self.embed):
            rows = self.ops.hash(np.ascontiguousarray(ids[:, i]), seed) % E.shape[0]
            parts.append(E[rows[:, 0]] + E[rows[:, 1]] + E[rows[:, 2]] + E[rows[:, 3]])
        X = np.hstack(parts)
        X = self._maxout_norm(X, self.layers[0])
        pad = np.zeros((2, X.shape[1]), dtype=X.dtype)  # as spaCy's encoder pads each sentence
        X = np.vstack([pad, X, pad])
        for layer in self.layers[1:]:
            window = np.hstack([np.vstack([np.zeros_like(X[:1]), X[:-1]]), X, np.vstack([X[1:], np.zeros_like(X[:1])])])
            X = X + self._maxout_norm(window, layer)
        return X[2:-2] @ self.out_W + self.out_b


@lru_cache(maxsize=1)
def load_forward() -> Forward | None:
    nlp = load_tagger()
    return Forward(nlp) if nlp is not None else None


def tag_with_spacy(words: list[str]) -> list[str]:
    """The tags spaCy gives (for the check that `Forward` computes the same)."""
    from spacy.tokens import Doc

    nlp = load_tagger()  # loaded without its strings: tags are read back by id
    names = {nlp.vocab.strings.add(label): label for label in labels()}
    return [names[token.tag] for token in nlp(Doc(nlp.vocab, words=words))]


@lru_cache(maxsize=8)
def text_tags(text: str, wanted: Callable[[list[str]], list[bool]] | None = None) -> dict[int, str]:
    """Tags of the sentences of `text` that `wanted` picks (it gets all sentences and answers one
    bool each; all sentences without it). Cached per text: one article's rules ask many times."""
    spans = pieces(text)
    if wanted is not None:
        spans = [span for span, keep in zip(spans, wanted([text[a:b] for a, b in spans])) if keep]
    return tag_pieces(text, spans)


class LazyTags:
    """The tags of one text, each sentence tagged the first time a rule asks about a word in it:
    most sentences of an article never reach a rule that reads tags, and they cost nothing."""

    def __init__(self, text: str):
        self.text, self.spans = text, pieces(text)
        self.starts = [start for start, _ in self.spans]
        self.tagged: set[int] = set()
        self.tags: dict[int, str] = {}

    def get(self, offset: int, default=None):
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and i not in self.tagged:
            self.tagged.add(i)
            if offset < self.spans[i][1]:
                self.tags.update(tag_pieces(self.text, [self.spans[i]]))
        return self.tags.get(offset, default)
