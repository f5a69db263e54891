"""English time expressions, resolved against the article date with the German stage's calendar.

The German grammar reads "am Mittwoch" and "im Juli"; English wires say "on Wednesday", "July 24",
"24 July 2020", "last week". A small grammar of its own keeps the German rules untouched. The
choice of year and weekday follows news usage as in German: a weekday named in past tense is the
last one, in future tense the next one, else the nearest.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.analyze.times.calendar import (Interval, add_months, day_unit, month_unit, span_unit, week_unit,
                                             weekday_near, year_unit)
from storyline.model import Article, DateRef, Sentence, TimeRef

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = {name: number for number, names in enumerate(
    [("monday",), ("tuesday",), ("wednesday",), ("thursday",), ("friday",), ("saturday",), ("sunday",)])
    for name in names}
MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
PAST = re.compile(r"\b(?:was|were|had|did|said|told|\w+ed)\b", re.IGNORECASE)
FUTURE = re.compile(r"\b(?:will|would|is due|are due|is expected|are expected|plans? to|is set to|are set to)\b",
                    re.IGNORECASE)

# Longest first: one regex, named alternatives, first match wins at each position.
PATTERN = re.compile("|".join([
    rf"(?P<dmy>\b{DAY} (?:of )?{MONTH}(?:,? {YEAR})?\b)".replace("?P<day>", "?P<d1>").replace(
        "?P<month>", "?P<m1>").replace("?P<year>", "?P<y1>"),
    rf"(?P<mdy>\b{MONTH} {DAY}(?:,? {YEAR})?\b)".replace("?P<day>", "?P<d2>").replace(
        "?P<month>", "?P<m2>").replace("?P<year>", "?P<y2>"),
    rf"(?P<my>\b(?:in |early |late |mid-?)?{MONTH},? {YEAR}\b)".replace("?P<month>", "?P<m3>").replace(
        "?P<year>", "?P<y3>"),
    rf"(?P<wd>\b(?:(?P<wmode>last|next|this|on|since|until|by) )?{WEEKDAY}"
    r"(?: (?P<wpod>morning|afternoon|evening|night))?\b)",
    r"(?P<rel>\b(?P<rdir>last|next|this|past|coming) (?P<runit>week|month|year|weekend)\b)",
    r"(?P<deictic>\b(?:today|yesterday|tomorrow|tonight)\b)",
    rf"(?P<mon>\b(?:in|since|until|by|early|late|mid-?|from|last|next|this) {MONTH}(?! \d)\b)".replace(
        "?P<month>", "?P<m4>"),
    rf"(?P<yr>\b(?:in|since|until|by|from|of|before|after) {YEAR}\b)".replace("?P<year>", "?P<y4>"),
]), re.IGNORECASE)
CAPITALISED = re.compile(r"[A-Z]")
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def anchor_day(anchor: DateRef | None) -> date | None:
    return anchor.start if anchor is not None and anchor.start == anchor.end else None


def year_for(month: int, day: int | None, anchor: date | None, tense: str) -> int | None:
    """A year-less date: the one nearest the article date, leaning to the past in past tense."""
    if anchor is None:
        return None
    options = [anchor.year - 1, anchor.year, anchor.year + 1]
    target = lambda y: date(y, month, min(day or 15, 28))  # noqa: E731
    if tense == "past":
        past = [y for y in options if target(y) <= anchor + timedelta(days=1)]
        return past[-1]
    if tense == "future":
        ahead = [y for y in options if target(y) >= anchor - timedelta(days=1)]
        return ahead[0]
    return min(options, key=lambda y: abs((target(y) - anchor).days))


def tense_of(sentence: str) -> str:
    if FUTURE.search(sentence):
        return "future"
    return "past" if PAST.search(sentence) else "near"


def read_match(m: re.Match, anchor: date | None, tense: str) -> Interval | None:
    """The interval a match means, or None when it needs an article date that is not known."""
    g = m.groupdict()
    if g["dmy"] or g["mdy"]:
        day, month_name, year = (g["d1"], g["m1"], g["y1"]) if g["dmy"] else (g["d2"], g["m2"], g["y2"])
        month, number = MONTHS[month_name.lower().rstrip(".")], int(day)
        found_year = int(year) if year else year_for(month, number, anchor, tense)
        return safe_day(found_year, month, number)
    if g["my"]:
        return month_unit(int(g["y3"]), MONTHS[g["m3"].lower().rstrip(".")])
    if g["yr"]:
        return year_unit(int(g["y4"]))
    if anchor is None:
        return None
    if g["wd"]:
        mode = {"last": "before", "next": "after", "this": "near", "since": "past", "until": "future",
                "by": "future"}.get((g["wmode"] or "").lower(), {"past": "past", "future": "future"}.get(tense, "near"))
        return day_unit(weekday_near(anchor, WEEKDAYS[g["weekday"].lower()], mode))
    if g["rel"]:
        return relative_unit(g["rdir"].lower(), g["runit"].lower(), anchor)
    if g["deictic"]:
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m.group().lower()]
        return day_unit(anchor + timedelta(days=shift))
    if g["mon"]:
        month = MONTHS[g["m4"].lower().rstrip(".")]
        return month_unit(year_for(month, None, anchor, tense), month)
    return None


def safe_day(year: int | None, month: int, day: int) -> Interval | None:
    if year is None:
        return None
    try:
        return day_unit(date(year, month, day))
    except ValueError:
        return None


def relative_unit(direction: str, unit: str, anchor: date) -> Interval:
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[direction]
    if unit == "week":
        return week_unit(anchor + timedelta(days=7 * step))
    if unit == "weekend":
        saturday = weekday_near(anchor, 5, {-1: "before", 1: "after", 0: "near"}[step])
        return span_unit(saturday, saturday + timedelta(days=1))
    if unit == "month":
        first = add_months(anchor.replace(day=1), step)
        return month_unit(first.year, first.month)
    return year_unit(anchor.year + step)


def is_name_part(m: re.Match, text: str) -> bool:
    """'May' and 'March' are names and verbs too: a bare month needs a capital and no name after it."""
    g = m.groupdict()
    word = g.get("m4") or ""
    if word.lower() in ("may", "march") and g["mon"]:
        return not CAPITALISED.match(word) or bool(re.match(r" [A-Z]", text[m.end():]))
    return False


def find_in_sentence(text: str, offset: int, anchor: DateRef | None) -> list[TimeRef]:
    tense, day = tense_of(text), anchor_day(anchor)
    times = []
    for m in PATTERN.finditer(text):
        if is_name_part(m, text):
            continue
        interval = read_match(m, day, tense)
        if interval is None:
            continue  # a weekday without an article date means nothing we can state
        start, words = m.start(), m.group()
        lead = re.match(r"(?i)(?:on|in|since|until|by|from|of|before|after) ", words)
        if lead:
            start, words = start + lead.end(), words[lead.end():]
        value = interval.label
        if m.group("wpod"):  # "on Saturday evening": the day with its part, as the German stage writes it
            value += "T" + PARTS_OF_DAY[m.group("wpod").lower()]
        times.append(TimeRef(offset + start, offset + m.end(), words, value))
    return times


def find_english_times(article: Article) -> list[TimeRef]:
    """Time expressions of an English article's content sentences, with ISO values where known."""
    sentences = article.content_sentences() or [Sentence(0, len(article.text))]
    times: list[TimeRef] = []
    for sentence in sentences:
        times.extend(find_in_sentence(article.text[sentence.start:sentence.end], sentence.start, article.date))
    return times
