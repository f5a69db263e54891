"""Readers for the German NER corpora in ../shared/data, each yielding (words, spaces, spans).

Every corpus comes in its own format and label set; the readers bring them to one shape — a
sentence as a token list plus (start_token, end_token, label) spans with labels PER/ORG/LOC/MISC —
so that the training script can weigh and combine them freely.
"""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path
from typing import Iterator

Sentence = tuple[list[str], list[bool], list[tuple[int, int, str]]]

# GermEval: outer layer only; -deriv ("russischen") and -part ("EU-Kommission") are not names
# of their own, so they become O (documented in the model card).
GERMEVAL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
SMARTDATA_LABELS = {
    "person": "PER", "organization": "ORG", "organization-company": "ORG",
    "location": "LOC", "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC",
}
MOBIE_LABELS = SMARTDATA_LABELS
LEGAL_LABELS = {
    "PER": "PER", "RR": "PER", "AN": "PER", "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}
COARSE_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
HISTORIC_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
SENTENCE_END = {".", "!", "?"}
MAX_CHUNK = 60  # tokens per pseudo-sentence for corpora without sentence breaks


def tags_to_spans(tags: list[str], mapping: dict[str, str]) -> list[tuple[int, int, str]]:
    """Read IOB1 or IOB2 tags: an entity starts at B-, or at I- after O or another type."""
    spans, start, current = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, raw = tag.partition("-") if "-" in tag else ("O", "", "")
        label = mapping.get(raw) if prefix in ("B", "I") else None
        if current is not None and (label != current or prefix == "B"):
            spans.append((start, i, current))
            current = None
        if label is not None and current is None:
            start, current = i, label
    return spans


def sentence_from(words: list[str], tags: list[str], mapping, spaces=None) -> Sentence:
    return words, spaces or [True] * len(words), tags_to_spans(tags, mapping)


def read_germeval(path: Path) -> Iterator[Sentence]:
    """GermEval 2014 TSV: '#' line per sentence, then index, token, outer tag, nested tag."""
    words, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            if words:
                yield sentence_from(words, tags, GERMEVAL_LABELS)
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    if words:
        yield sentence_from(words, tags, GERMEVAL_LABELS)


def read_columns(path: Path, mapping: dict[str, str], sep: str | None = None) -> Iterator[Sentence]:
    """CoNLL-like files: token first, tag last, blank line between sentences."""
    words, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\r")
        if line.startswith("-DOCSTART-") or line.startswith("# "):
            continue
        cols = line.split(sep)
        if not line.strip() or len(cols) < 2 or not cols[0].strip():
            if not line.strip() and words:
                yield sentence_from(words, tags, mapping)
                words, tags = [], []
            continue
        words.append(cols[0])
        tags.append(normalise_tag(cols[-1]))
    if words:
        yield sentence_from(words, tags, mapping)


def normalise_tag(tag: str) -> str:
    """Fix case slips such as 'B-PEr' in the historic corpora."""
    prefix, dash, label = tag.partition("-")
    return f"{prefix.upper()}-{label.upper()}" if dash and label.upper() in HISTORIC_LABELS else tag


def read_stream(path: Path, mapping: dict[str, str], sep: str | None = None) -> Iterator[Sentence]:
    """Token streams without sentence breaks: cut after . ! ? (or every MAX_CHUNK tokens)."""
    for words, spaces, spans in read_columns(path, mapping, sep):
        yield from chunk_sentence(words, spans)


def chunk_sentence(words: list[str], spans) -> Iterator[Sentence]:
    start = 0
    for i, word in enumerate(words + ["."]):
        end = i + 1
        if i == len(words) or (word in SENTENCE_END or end - start >= MAX_CHUNK) and not inside(spans, end):
            end = min(end, len(words))
            if end > start:
                inner = [(s - start, e - start, lab) for s, e, lab in spans if s >= start and e <= end]
                yield words[start:end], [True] * (end - start), inner
            start = end


def inside(spans, boundary: int) -> bool:
    return any(s < boundary < e for s, e, _ in spans)


def read_hipe(path: Path) -> Iterator[Sentence]:
    """HIPE-2022 TSV: coarse literal tag in column 1, EndOfSentence / NoSpaceAfter in MISC."""
    words, tags, spaces = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("TOKEN") or not line.strip():
            continue
        cols = line.split("\t")
        words.append(cols[0])
        tags.append(cols[1])
        spaces.append("NoSpaceAfter" not in cols[-1])
        if "EndOfSentence" in cols[-1]:
            yield sentence_from(words, tags, HISTORIC_LABELS, spaces)
            words, tags, spaces = [], [], []
    if words:
        yield sentence_from(words, tags, HISTORIC_LABELS, spaces)


def read_smartdata_docs(path: Path) -> Iterator[dict]:
    """The SmartData files are a stream of JSON objects, not one JSON value."""
    raw = gzip.open(path, "rt", encoding="utf-8").read()
    decoder, pos = json.JSONDecoder(), 0
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            return
        doc, pos = decoder.raw_decode(raw, pos)
        yield doc


def smartdata_paragraphs(doc: dict) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Cut a SmartData document at line breaks; character spans move with each line."""
    text = doc["text"]["string"]
    mentions = (doc.get("conceptMentions") or {}).get("array") or []
    spans = [(m["span"]["start"], m["span"]["end"], SMARTDATA_LABELS[m["type"]])
             for m in mentions if m["type"] in SMARTDATA_LABELS]
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        inner = [(s - offset, e - offset, lab) for s, e, lab in spans if s >= offset and e <= end]
        if line.strip():
            yield line, inner
        offset = end + 1


def split_heldout(sentences: list, fraction: float, seed: int) -> tuple[list, list]:
    """A fixed, seeded split by sentence index: the same held-out part on every machine."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    cut = int(len(order) * fraction)
    held = set(order[:cut])
    return ([s for i, s in enumerate(sentences) if i not in held],
            [s for i, s in enumerate(sentences) if i in held])
