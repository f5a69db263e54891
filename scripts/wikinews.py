"""Read the tokenized German Wikinews articles of SpkAtt-2023 back into running text.

Used by the sample-corpus script and the benchmarks; keeps a token → character map so token
annotations become character spans.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
WIKINEWS = SHARED / "spkatt2023"
NO_SPACE_BEFORE = set(",.;:!?)]}“”'’%") | {"...", "…"}
NO_SPACE_AFTER = set("([{„‚")
NAME = re.compile(r"^(?P<wid>\d+) - (?P<title>.*) \((?P<date>\d{4}-\d{2}-\d{2})\)$")


@dataclass
class WikinewsDoc:
    id: str
    title: str
    date: str
    text: str
    sentence_tokens: list[list[tuple[int, int]]]  # per sentence, per token: (start, end) in text
    raw: dict


def detokenize(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Join tokens with the spaces German punctuation wants; sentences joined by one space."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    length, open_double = 0, False
    glue_next = True
    for tokens in sentences:
        spans = []
        for token in tokens:
            if token == '"':
                open_double = not open_double
                glue = glue_next or not open_double  # a closing " sticks to the word before it
            else:
                glue = glue_next or token in NO_SPACE_BEFORE
            if not glue:
                parts.append(" ")
                length += 1
            spans.append((length, length + len(token)))
            parts.append(token)
            length += len(token)
            glue_next = token in NO_SPACE_AFTER or (token == '"' and open_double)
        offsets.append(spans)
    return "".join(parts), offsets


def read_doc(path: Path) -> WikinewsDoc:
    raw = json.loads(path.read_text(encoding="utf-8"))
    match = NAME.match(raw["DocumentName"])
    sentences = [s["Tokens"] for s in raw["Sentences"]]
    text, offsets = detokenize(sentences)
    title = match.group("title") if match else raw["DocumentName"]
    return WikinewsDoc(id=f"wikinews-{match.group('wid') if match else path.stem}", title=title,
                       date=match.group("date") if match else "", text=text, sentence_tokens=offsets, raw=raw)


def read_folder(folder: Path) -> list[WikinewsDoc]:
    return [read_doc(path) for path in sorted(folder.glob("*.json"))]
