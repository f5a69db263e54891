"""Cut an article's text into pieces for highlighting: quotes outside, names, times and places inside.

Spans overlap (a quote holds names; a partial quote sits inside an indirect one; a place is also a
LOC entity), and HTML needs proper nesting. So: keep the outermost quotes, keep non-overlapping inner
spans (places before entities of the same extent, longer before shorter), clip inner spans at quote
edges, and hand the template plain text pieces, which it escapes.
"""
from __future__ import annotations

from itertools import groupby

from storyline.i18n import Translator

INNER_ORDER = {"place": 0, "time": 1, "entity": 2}


def outer_quotes(quotes: list[dict]) -> list[dict]:
    """The quotes not contained in a longer quote, left to right."""
    kept: list[dict] = []
    for quote in sorted(quotes, key=lambda q: (q["start"], -(q["end"] - q["start"]))):
        if not kept or quote["start"] >= kept[-1]["end"]:
            kept.append(quote)
    return kept


def inner_spans(article: dict, t: Translator = Translator()) -> list[dict]:
    """Entities, times and places as marks, without overlaps; `t` words the marks' tooltips."""
    spans = ([{**p, "kind": "place", "label": t("mark.place", name=p["name"])} for p in article.get("places", [])]
             + [{**time, "kind": "time", "label": t("mark.time", value=t.date(time["value"], long=True))}
                for time in article.get("times", []) if time["value"]]
             + [{**e, "kind": "entity", "label": f"{e['type']}"} for e in article.get("entities", [])])
    kept: list[dict] = []
    for span in sorted(spans, key=lambda s: (-(s["end"] - s["start"]), INNER_ORDER[s["kind"]], s["start"])):
        if all(span["end"] <= other["start"] or span["start"] >= other["end"] for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s["start"])


def covering(spans: list[dict], start: int) -> dict | None:
    return next((span for span in spans if span["start"] <= start < span["end"]), None)


def cut_block(text: str, start: int, end: int, quotes: list[dict], inner: list[dict],
              anchors: set[int] = frozenset()) -> list[dict]:
    """[{quote, parts: [{mark, text, anchors}]}] for one block; `anchors` are offsets that get an id
    (every quote's start, so a link can jump to a quote even when it sits inside a longer one)."""
    edges = {start, end} | {a for a in anchors if start < a < end}
    for span in quotes + inner:
        edges.update(edge for edge in (span["start"], span["end"]) if start < edge < end)
    edges = sorted(edges)
    pieces = [(covering(quotes, a), covering(inner, a), text[a:b], a) for a, b in zip(edges, edges[1:])]
    groups = []
    for quote, items in groupby(pieces, key=lambda piece: id(piece[0]) if piece[0] else None):
        items = list(items)
        parts = [{"mark": mark, "text": "".join(piece[2] for piece in group),
                  "anchors": [piece[3] for piece in group if piece[3] in anchors]}
                 for mark, group in _group_marks(items)]
        groups.append({"quote": items[0][0], "parts": parts})
    return groups


def _group_marks(items):
    for _, group in groupby(items, key=lambda piece: id(piece[1]) if piece[1] else None):
        group = list(group)
        yield group[0][1], group


def highlight_article(article: dict, t: Translator = Translator()) -> list[dict]:
    """The article's blocks (paragraphs, headings, furniture) as highlighted pieces."""
    text = article["text"]
    quotes, inner = outer_quotes(article.get("quotes", [])), inner_spans(article, t)
    anchors = {quote["start"] for quote in article.get("quotes", [])}
    blocks = article.get("blocks") or [{"start": 0, "end": len(text), "kind": "paragraph"}]
    return [{"kind": block["kind"], "groups": cut_block(text, block["start"], block["end"], quotes, inner, anchors)}
            for block in blocks if block["end"] > block["start"]]
