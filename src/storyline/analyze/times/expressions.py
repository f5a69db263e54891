"""German time expressions with ISO-8601 / TIMEX3-style values, resolved against the article date.

A regex grammar (`times_rules.RULES`) finds candidate spans; a reader per rule (`times_readers`)
turns the groups into a fixed value (durations, sets, absolute dates) or a function from one anchor
day to a date interval. A relative expression is resolved for every day the article date allows:
one possible day gives a day; a month-precision date (`2023-09`) gives the interval from the first
to the last possible day, and the distinct readings are kept in `candidates` so that the story
step can narrow them with evidence from other articles — never a guessed day.

Value conventions (benchmarks/data/times_ANNOTATION.md): days `2023-09-13`, months `2023-09`,
years `2023`, weeks and other spans as day intervals `2023-09-11/2023-09-17`, seasons and month
ranges `2023-09/2023-11`, durations `P4Y` / `PT2H` (unknown amount `PXY`), sets `XXXX-WXX-1` /
`P1D`, times of day `2023-09-13T14:00` (`T14:00` when the day is unknown), parts of day `TEV`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.analyze.times import calendar as cal
from storyline.analyze.times import rules
from storyline.analyze.times.readers import READERS, Context, Reading
from storyline.model import AnalyzedArticle, Article, DateRef, Sentence, TimeRef

MAX_CANDIDATES = 60  # beyond this (a year-precision anchor) the interval says enough
PIECE_COST = 3.5  # characters: one expression beats two pieces that cover a little more
CLAUSE_MARKS = (",", ";", ":", "–", "—", "(", ")", " - ")
RULE_ORDER = {name: index for index, name in enumerate(rules.RULES)} | {"apposition": len(rules.RULES)}


@dataclass
class TimeExpression(TimeRef):
    """A TimeRef with what later steps need: the TIMEX3 modifier (START, MORE_THAN, APPROX…), the
    signal word before it (seit, bis, ab…) and the possible readings when the date is uncertain."""

    mod: str | None = None
    signal: str | None = None
    candidates: tuple[str, ...] = ()


@dataclass
class Found:
    """One accepted grammar match inside a sentence (offsets relative to the sentence)."""

    start: int  # start of the whole match, preposition included
    end: int
    span_start: int  # start of the reported span, preposition excluded
    rule: str
    reading: Reading
    signal: str | None


def tense_of(sentence: str) -> str:
    """News tense decides which Wednesday "am Mittwoch" is: past, future or simply the nearest."""
    if rules.PAST_CUES.search(sentence):
        return "past"
    if rules.FUTURE_CUES.search(sentence):
        return "future"
    return "near"


def tense_at(sentence: str, start: int, end: int, fallback: str) -> str:
    """The tense of the clause around a match ("Ab Herbst wird das Auto – so sagte er – verkauft"
    is future although the sentence also holds a past verb); the sentence's when the clause has none."""
    left = max(sentence.rfind(mark, 0, start) for mark in CLAUSE_MARKS)
    rights = [i for i in (sentence.find(mark, end) for mark in CLAUSE_MARKS) if i >= 0]
    clause_tense = tense_of(sentence[left + 1:min(rights, default=len(sentence))])
    return fallback if clause_tense == "near" else clause_tense


def year_tense_at(sentence: str, start: int, end: int) -> str:
    """Which way a year-less date lies ("am 18. September"): a signal before it ("bis", "ab",
    "für den", "auf den", "kommende") leans ahead; else a past or future verb in its own clause
    says so ("past" / "future": only that way); else a verb that announces or schedules
    ("Termin … festgelegt", "geplant") leans ahead; else "near". A past verb in another clause
    of the sentence does not count ("…, wodurch das Gesetz am 18. März rechtskräftig geworden wäre")."""
    if rules.FORWARD_SIGNAL.search(sentence[max(0, start - 40):start]):
        return "ahead"
    left = max(sentence.rfind(mark, 0, start) for mark in CLAUSE_MARKS)
    rights = [i for i in (sentence.find(mark, end) for mark in CLAUSE_MARKS) if i >= 0]
    clause = sentence[left + 1:min(rights, default=len(sentence))]
    tense = tense_of(clause)
    if tense == "near" and rules.ANNOUNCING.search(clause):
        return "ahead"
    return tense


def match_rules(sentence: str) -> list[Found]:
    """Every reading any rule accepts, overlapping ones included."""
    sentence_tense = "past" if rules.PAST_CUES.search(sentence) else "near"  # future needs the clause
    found = []
    for name in rules.open_rules(sentence):
        for match in rules.COMPILED[name].finditer(sentence):
            groups = match.groupdict()
            groups["_text"] = match.group(0)
            tense = tense_at(sentence, match.start(), match.end(), sentence_tense)
            core = match.end("prep") if groups.get("prep") else match.start()
            if rules.PLANNED_FOR.search(sentence, 0, core):
                tense = "future"  # "die für Mittwoch angekündigten Streiks": the Wednesday ahead
            context = Context(tense, sentence[:match.start()], sentence[match.end():],
                              year_tense_at(sentence, core, match.end()))
            reading = READERS[name](groups, context)
            if reading is not None:
                prep_end = match.end("prep") if groups.get("prep") else match.start()
                signal = groups["prep"].strip().lower() if groups.get("prep") else None
                found.append(Found(match.start(), match.end(), prep_end, name, reading, signal))
    return found


def select_longest(found: list[Found]) -> list[Found]:
    """The non-overlapping matches that cover the most text (weighted interval scheduling); on
    equal spans the earlier rule wins ("vor vier Jahren" is a point in the past, not a duration)."""
    found = sorted(found, key=lambda f: (f.end, f.start))
    best: list[tuple[float, list[Found]]] = [(0.0, [])]
    for index, item in enumerate(found):
        previous = max((k for k in range(index + 1) if k == 0 or found[k - 1].end <= item.start), default=0)
        score = best[previous][0] + (item.end - item.start) - PIECE_COST - RULE_ORDER[item.rule] / 1000
        best.append(max(best[-1], (score, best[previous][1] + [item]), key=lambda pair: pair[0]))
    return best[-1][1]


# "gestern, am 3. März 2006", "morgen (Mittwoch)", "Montagmorgen, dem 18. Juni": one point, said twice
APPOSITION_GAP = re.compile(r"\s*(?:,\s*(?:am\s+|de[mn]\s+)?|\(\s*)")
DAY_WORD_RULES = {"rel_day": "rel", "weekday": "weekday", "date_words": "date", "date_numeric": "date",
                  "date_iso": "date"}


def merge_appositions(sentence: str, found: list[Found]) -> list[Found]:
    """Join a relative day or weekday and the date that restates it into one expression: the
    date's day (a weekday picks the year of a year-less date), the part of day of either."""
    merged: list[Found] = []
    for item in found:
        last = merged[-1] if merged else None
        kinds = (DAY_WORD_RULES.get(last.rule) if last else None, DAY_WORD_RULES.get(item.rule))
        gap = APPOSITION_GAP.fullmatch(sentence[last.end:item.span_start]) if last else None
        if gap is None or None in kinds or kinds[0] == kinds[1]:
            merged.append(item)
            continue
        end = item.end
        if "(" in gap.group(0):
            if not sentence.startswith(")", item.end):
                merged.append(item)
                continue
            end += 1
        merged[-1] = Found(last.start, end, last.span_start, "apposition",
                           joined_reading(dict(zip(kinds, (last.reading, item.reading)))), last.signal)
    return merged


def joined_reading(readings: dict[str, Reading]) -> Reading:
    """One reading for a day said twice: the exact day (rel_day or a dated day) wins; a weekday
    only picks among the years of a year-less date; the part of day comes from either."""
    suffix = next((r.suffix for r in readings.values() if r.suffix), "")
    date_reading, weekday = readings.get("date"), readings.get("weekday")
    main = date_reading or readings.get("rel") or weekday
    if main.fixed is not None:
        return Reading(fixed=main.fixed + (suffix if len(main.fixed) == 10 else ""))
    if main is date_reading and weekday is not None:
        def on_day(day: date, date_reading=date_reading, weekday=weekday):
            named = weekday.on_day(day)
            for shift in (0, -1, 1):
                interval = date_reading.on_day(day.replace(year=day.year + shift)) if shift else date_reading.on_day(day)
                if interval is not None and named is not None and interval.start.weekday() == named.start.weekday():
                    return interval
            return date_reading.on_day(day)
        return Reading(on_day=on_day, suffix=suffix)
    return Reading(on_day=main.on_day, from_ref=main.from_ref, suffix=suffix)


DAY_LABEL = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")


def anchor_days(anchor: DateRef | None) -> list[date]:
    if anchor is None:
        return []
    return [anchor.start + timedelta(days=n) for n in range((anchor.end - anchor.start).days + 1)]


def label_start(label: str) -> date | None:
    """First day of an ISO label ("2019-04" -> 2019-04-01); None for durations and sets."""
    head = label.split("/")[0].split("T")[0]
    parts = head.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
        return None
    return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)


class Resolver:
    """Places readings on the calendar in text order, remembering the last date mentioned (for
    "einen Tag zuvor") and the last single day of the sentence (for "um 14 Uhr")."""

    def __init__(self, anchor: DateRef | None):
        self.anchor_days = anchor_days(anchor)
        self.ref_days = list(self.anchor_days)  # last date of any size mentioned
        self.ref_single_days = list(self.anchor_days)  # last single day mentioned
        self.sentence_day: str | None = None

    def start_sentence(self) -> None:
        self.sentence_day = None

    def resolve(self, reading: Reading) -> tuple[str | None, tuple[str, ...]]:
        if reading.kind == "time":
            return self.time_value(reading), ()
        if reading.fixed is not None:
            if reading.kind == "date":
                self.remember([reading.fixed])
            return reading.fixed, ()
        return self.date_value(reading)

    def date_value(self, reading: Reading) -> tuple[str | None, tuple[str, ...]]:
        days = {"day": self.ref_single_days, "any": self.ref_days}.get(reading.from_ref, self.anchor_days)
        intervals = {i.label: i for i in (reading.on_day(day) for day in days) if i is not None}
        if not intervals:
            return None, ()
        ordered = sorted(intervals.values(), key=lambda i: (i.start, i.end))
        self.remember([i.label for i in ordered])
        if len(ordered) == 1:
            label = ordered[0].label
            return (label + reading.suffix if len(label) == 10 else label), ()
        value = cal.format_range(ordered[0].start, max(i.end for i in ordered))
        candidates = tuple(i.label for i in ordered) if len(ordered) <= MAX_CANDIDATES else ()
        return value, candidates

    def time_value(self, reading: Reading) -> str:
        day = self.sentence_day
        if day is None and len(self.ref_days) == 1:
            day = self.ref_days[0].isoformat()
        return (day or "") + reading.suffix

    def remember(self, labels: list[str]) -> None:
        starts = [d for d in (label_start(label) for label in labels) if d is not None]
        if starts:
            self.ref_days = starts
        if starts and all(len(label) == 10 for label in labels):
            self.ref_single_days = starts
        if len(labels) == 1 and len(labels[0]) == 10:
            self.sentence_day = labels[0]


def find_in_sentence(text: str, offset: int, resolver: Resolver) -> list[TimeExpression]:
    resolver.start_sentence()
    expressions = []
    founds = merge_appositions(text, select_longest(match_rules(text)))
    for index, found in enumerate(founds):
        if found.reading.kind == "time" and resolver.sentence_day is None:
            # "gegen 7 Uhr am Morgen des 4. November 2006": the dated day later in the sentence
            resolver.sentence_day = next((f.reading.fixed[:10] for f in founds[index + 1:] if f.reading.fixed
                                          and DAY_LABEL.match(f.reading.fixed)), None)
        try:
            value, candidates = resolver.resolve(found.reading)
        except (ValueError, OverflowError):  # outside the calendar (an article dated year 1): unresolved
            value, candidates = None, ()
        start, end = offset + found.span_start, offset + found.end
        expressions.append(TimeExpression(
            start=start, end=end, text=text[found.span_start:found.end], value=value,
            kind=found.reading.kind, mod=found.reading.mod, signal=found.signal, candidates=candidates))
    return expressions


def find_times(article: Article) -> list[TimeExpression]:
    """Time expressions of an article's content sentences, resolved against `article.date`."""
    sentences = article.content_sentences() or [Sentence(0, len(article.text))]
    resolver = Resolver(article.date)
    expressions: list[TimeExpression] = []
    for sentence in sentences:
        text = article.text[sentence.start:sentence.end]
        expressions.extend(find_in_sentence(text, sentence.start, resolver))
    return expressions


def find_times_in_text(text: str, anchor: DateRef | None) -> list[TimeExpression]:
    """The same analysis on a plain string taken as one sentence (benchmarks, quick checks)."""
    return find_in_sentence(text, 0, Resolver(anchor))


def resolve_time(text: str, anchor: DateRef | str | None) -> str | None:
    """The value of the first time expression in `text` ("am Mittwoch", "2023-09-13" -> day)."""
    from storyline.ingest.dates import parse_date

    anchor_ref = parse_date(anchor) if isinstance(anchor, str) else anchor
    expressions = find_times_in_text(text, anchor_ref)
    return expressions[0].value if expressions else None


def add_times(analyzed: AnalyzedArticle) -> None:
    """Pipeline stage: fill `analyzed.times`."""
    analyzed.times = list(find_times(analyzed.article))
