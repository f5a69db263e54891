"""The plain seed format: `date YYYY-MM[-DD] <text>`, optionally after leading white space."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from storyline.ingest.raw import RawArticle

HEADER = re.compile(r"^\s*date\s+(\S+)\s+", re.IGNORECASE)


def is_seedtext(text: str) -> bool:
    return bool(HEADER.match(text[:64]))


def read_seedtext(text: str, path: Path) -> Iterator[RawArticle]:
    """One article per file; the id is the file name without its extension."""
    match = HEADER.match(text)
    date, body = (match.group(1), text[match.end():]) if match else (None, text)
    yield RawArticle(text=body, path=str(path), id=path.stem, date=date)
