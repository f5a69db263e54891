"""Pair quotation marks into quoted spans: „…“, "…", »…«, «…», “…”, with ‚…‘ nested inside.

German news mixes several conventions, sometimes in one article; inner single quotes belong to
the outer quote. A quote never runs past its paragraph: an unclosed mark (a typo, or a quote
continued in the next paragraph without a closing mark) ends at the paragraph end, so one stray
mark cannot swallow the rest of the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.model import Article

OPENERS = {"„": "“”", "»": "«", "«": "»", "“": "”", "‚": "‘’"}
# Every character that may open a quote: the scan jumps from one to the next.
MARKS = re.compile("[" + re.escape("".join(OPENERS)) + '"]')


@dataclass(frozen=True)
class Quoted:
    """A quoted stretch: `start`/`end` cover the inner text, `outer_*` include the marks."""

    outer_start: int
    outer_end: int
    start: int
    end: int


def find_quoted(article: Article) -> list[Quoted]:
    """Top-level quoted spans in readable blocks (not furniture or credits), in text order."""
    found: list[Quoted] = []
    for block in article.blocks:
        if block.kind not in ("furniture", "credit"):
            found.extend(_quoted_in(article.text, block.start, block.end))
    return found


def _quoted_in(text: str, start: int, end: int) -> list[Quoted]:
    found, i = [], start
    while i < end:
        mark = MARKS.search(text, i, end)
        if mark is None:
            break
        i = mark.start()
        if not _opens(text, i, start):
            i += 1
            continue
        close, closed = _find_close(text, i, end)
        if not closed and text[i] not in "„»":  # only German and French openers may stay open
            i += 1
            continue
        found.append(_make(text, i, close, closed))
        i = close + 1 if closed else close
    return [q for q in found if q.end > q.start]


def _opens(text: str, i: int, block_start: int) -> bool:
    """An opening mark: followed by a word; ASCII " and « also preceded by space or a bracket."""
    ch = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > block_start else " "
    if ch not in OPENERS and ch != '"' or after.isspace():
        return False
    if ch in '"«‚':
        return before.isspace() or before in "([–-/" or i == block_start
    return True


def _find_close(text: str, i: int, end: int) -> tuple[int, bool]:
    """Index of the mark closing the one at i and whether it was closed at all: a second
    German or French opener before any closer means the first quote was left open."""
    closers = '"“”' if text[i] == '"' else OPENERS[text[i]]
    for j in range(i + 1, end):
        if text[j] in closers and not (text[j] in "‘’" and _is_apostrophe(text, j)):
            return j, True
        if text[j] == '"' and text[i] == "„" and (j + 1 == end or not text[j + 1].isalnum()):
            return j, True  # „Allahu Akbar", die …: a German opener closed by a typewriter mark
        if text[j] == text[i] and text[i] in "„»":
            return j, False
    return end, False


def _is_apostrophe(text: str, j: int) -> bool:
    """’ between letters ("geht’s", "Kim’s") is an apostrophe, not a closing quote."""
    return j + 1 < len(text) and text[j - 1].isalpha() and text[j + 1].isalpha()


def _make(text: str, open_at: int, close_at: int, closed: bool) -> Quoted:
    if closed:
        return Quoted(open_at, close_at + 1, open_at + 1, close_at)
    end = _rstrip(text, open_at + 1, close_at)
    return Quoted(open_at, end, open_at + 1, end)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
