"""The story's timeline: dated events from all its articles, with uncertain days narrowed.

An article dated only to the month says "am Mittwoch": any Wednesday of that month (the time
stage keeps them as `candidates`). Other articles of the same story that carry a full date are
evidence: a candidate day close to them is the likely one. Only a single remaining candidate
narrows the value; otherwise the interval stays, never a guess.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.link.compare import same_words
from storyline.link.story_view import shown_sentence
from storyline.model import AnalyzedArticle

SLACK = timedelta(days=3)


def day_anchors(members: list[AnalyzedArticle]) -> list[date]:
    """Days the story is known to touch: full article dates and day-valued time expressions."""
    anchors = [m.article.date.start for m in members if m.article.date and m.article.date.precision == "day"]
    for analyzed in members:
        for time in analyzed.times:
            if time.value and len(time.value) == 10 and time.value[4] == "-" and not time.candidates:
                try:
                    anchors.append(date.fromisoformat(time.value))
                except ValueError:
                    continue
    return sorted(anchors)


def narrow(candidates, anchors: list[date]) -> str | None:
    if not candidates or not anchors:
        return None
    low, high = anchors[0] - SLACK, anchors[-1] + SLACK
    fitting = [c for c in candidates if _day(c) and low <= _day(c) <= high]
    return fitting[0] if len(fitting) == 1 else None


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _coarser_than_a_year(value: str) -> bool:
    """Centuries and decades ("im 21. Jahrhundert") place nothing on a story's timeline."""
    if "/" not in value:
        return False
    start, _, end = value.partition("/")
    return start[:4] != end[:4]


def _only_times(sentence, times, text: str) -> bool:
    """A sentence that says nothing but when ("22.04.2016, 11:30 Uhr", a page's dateline) tells
    when the page was printed, not what happened: fewer than two words outside its time expressions."""
    rest = list(text[sentence.start:sentence.end])
    for time in times:
        if sentence.start <= time.start and time.end <= sentence.end:
            rest[time.start - sentence.start:time.end - sentence.start] = " " * (time.end - time.start)
    return len(re.findall(r"[^\W\d_]{2,}", "".join(rest))) < 2


def build_timeline(members: list[AnalyzedArticle]) -> list[dict]:
    anchors = day_anchors(members)
    events = []
    for analyzed in members:
        article = analyzed.article
        for time in analyzed.times:
            if not time.value or time.kind not in ("date", "time") or _coarser_than_a_year(time.value):
                continue
            found = next((s for s in article.sentences if s.start <= time.start < s.end), None)
            if found is not None and _only_times(found, analyzed.times, article.text):
                continue
            sentence = shown_sentence(article.text[found.start:found.end]) if found is not None else time.text
            narrowed = narrow(time.candidates, anchors)
            events.append({"value": narrowed or time.value, "original_value": time.value,
                           "narrowed": narrowed is not None, "text": time.text, "sentence": sentence,
                           "article": article.id, "outlet": article.outlet})
    return fold_repeats(sorted(events, key=lambda e: e["value"]))


def fold_repeats(events: list[dict]) -> list[dict]:
    """One entry per date and sentence: an agency copy in another article, or a copy its page cut
    short ("…, berichtet" beside "…, berichtete ein Unternehmenssprecher."), joins the fullest
    wording, and the other articles are listed under its "also"."""
    kept: list[dict] = []
    on_day: dict[str, list[list]] = {}  # date -> [words of the shown sentence, entry]: compared within a date only
    for event in events:
        words = same_words(event["sentence"]).split()
        found = next((pair for pair in on_day.get(event["value"], ()) if _one_sentence(pair[0], words)), None)
        if found is None:
            kept.append(dict(event))
            on_day.setdefault(event["value"], []).append([words, kept[-1]])
            continue
        same, other = found[1], event
        if len(event["sentence"]) > len(same["sentence"]):  # the fuller wording, with its own source
            found[0], other = words, {"article": same["article"], "outlet": same["outlet"]}
            same.update({key: event[key] for key in ("sentence", "text", "article", "outlet", "original_value",
                                                     "narrowed")})
        also = same.setdefault("also", [])
        if other["article"] != same["article"] and all(c["article"] != other["article"] for c in also):
            also.append({"article": other["article"], "outlet": other["outlet"]})
        if not also:
            del same["also"]
    return kept


def _one_sentence(a: list[str], b: list[str]) -> bool:
    """The same words, or one of them the other cut short (its last word may be cut too)."""
    short, long = sorted((a, b), key=len)
    if short == long:
        return True
    return len(short) >= 8 and long[:len(short) - 1] == short[:-1] and long[len(short) - 1].startswith(short[-1])
