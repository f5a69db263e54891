"""Read SpkAtt-2023 (German Wikinews with speech annotations) as text with character spans.

The corpus is tokenized and addresses tokens as "sentence:token"; Storyline works on character
offsets, so each document is detokenized once and every annotation becomes a list of character
spans through a token -> (start, end) map. Only the benchmark reads this: the annotations are
non-commercial (CC BY-NC-SA 4.0) and nothing trained on them ships in the package.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared" / "data"
SPKATT_TRAIN = SHARED / "spkatt2023" / "train"

NO_SPACE_BEFORE = set(",.;:!?)]}%“”«’")
NO_SPACE_AFTER = set("„([{»‚")
ASCII_QUOTES = {'"', "'"}


@dataclass
class Annotation:
    """One speech event: each part is a list of (start, end) character spans, merged per run."""

    form: str  # Direct | Indirect | FreeIndirect | IndirectFreeIndirect | Reported
    stwr: str
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    message: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class SpkAttDoc:
    name: str
    date: str
    text: str
    annotations: list[Annotation]


def detokenize(sentences: list[list[str]]) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """Text with German spacing around punctuation and quotes, and each token's character span."""
    pieces: list[str] = []
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    length, glue_next, open_ascii = 0, True, set()
    for s, tokens in enumerate(sentences):
        for t, token in enumerate(tokens):
            glue = glue_next or token in NO_SPACE_BEFORE
            glue_next = token in NO_SPACE_AFTER
            if token in ASCII_QUOTES:  # the first of a pair opens, the second closes
                closing = token in open_ascii
                open_ascii ^= {token}
                glue, glue_next = (True, False) if closing else (glue, True)
            if not glue:
                pieces.append(" ")
                length += 1
            offsets[(s, t)] = (length, length + len(token))
            pieces.append(token)
            length += len(token)
    return "".join(pieces), offsets


def to_spans(addresses: list[str], offsets: dict) -> list[tuple[int, int]]:
    """Character spans of the addressed tokens, adjacent tokens merged into one span."""
    spans: list[tuple[int, int]] = []
    keys = sorted((int(a.split(":")[0]), int(a.split(":")[1])) for a in addresses)
    for key in keys:
        start, end = offsets[key]
        if spans and start - spans[-1][1] <= 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def read_doc(path: Path) -> SpkAttDoc:
    data = json.loads(path.read_text(encoding="utf-8"))
    sentences = [s["Tokens"] for s in data["Sentences"]]
    text, offsets = detokenize(sentences)
    annotations = [
        Annotation(
            form=a["Form"], stwr=a["STWR"], cue=to_spans(a["Cue"], offsets),
            source=to_spans(a["Source"], offsets), message=to_spans(a["Message"], offsets),
        )
        for a in data["Annotations"]
    ]
    date = path.stem.rsplit("(", 1)[-1].rstrip(")")[:7]
    return SpkAttDoc(name=path.stem, date=date, text=text, annotations=annotations)


def read_corpus(folder: Path = SPKATT_TRAIN, limit: int | None = None) -> list[SpkAttDoc]:
    """All documents of a split in file-name order (stable, so figures are reproducible)."""
    paths = sorted(folder.glob("*.json"))[:limit]
    return [read_doc(path) for path in paths]
