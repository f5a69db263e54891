"""The fields a reader found for one article, before cleaning."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawArticle:
    text: str
    path: str
    where: str | None = None  # position in the file: "line 3", "record 2"
    id: str | None = None
    date: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
