"""Run the shipped STTS tagger (`models/de_pos`, trained by scripts/train_pos.py) over chosen sentences.

Words are cut with the same pattern as the quote rules' tokens, so a tag is found by the word's
start offset. The model is a small CNN (64 wide, no vectors); it runs only on the sentences the
caller asks for.
"""
from __future__ import annotations

import re
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

    # Without the 30,000 training strings (a second of loading): tags are read back by hash.
    return import_spacy().load(MODEL_DIR, exclude=["strings"])


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


def tag_pieces(text: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """STTS tag of every word in the given spans of `text`, by start offset."""
    nlp = load_tagger()
    if nlp is None or not spans:
        return {}
    from spacy.tokens import Doc

    starts, docs = [], []
    for start, end in spans:
        matches = list(WORD.finditer(text, start, end))
        for first in range(0, len(matches), MAX_WORDS):
            chunk = matches[first:first + MAX_WORDS]
            starts.append([m.start() for m in chunk])
            docs.append(Doc(nlp.vocab, words=[m.group() for m in chunk]))
    tagger, tags = nlp.get_pipe("tagger"), {}
    for _name, component in nlp.pipeline[:-1]:  # the shared token-to-vector layer
        docs = list(component.pipe(docs))
    for offsets, doc, scores in zip(starts, docs, tagger.model.predict(docs)):
        best, sure = _best(scores)
        for offset, token, label, p in zip(offsets, doc, best, sure):
            # An unknown capitalised word is a guess (a rare name read as adverb: "Glos" ADJD 0.64);
            # only a sure tag is kept, so the rules fall back to capitalisation there.
            if p >= (SURE_CAPITALISED if token.text[:1].isupper() else SURE):
                tags[offset] = tagger.labels[label]
    return tags


@lru_cache(maxsize=8)
def text_tags(text: str, wanted: Callable[[list[str]], list[bool]] | None = None) -> dict[int, str]:
    """Tags of the sentences of `text` that `wanted` picks (it gets all sentences and answers one
    bool each; all sentences without it). Cached per text: one article's rules ask many times."""
    spans = pieces(text)
    if wanted is not None:
        spans = [span for span, keep in zip(spans, wanted([text[a:b] for a, b in spans])) if keep]
    return tag_pieces(text, spans)
