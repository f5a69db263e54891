"""Calendar arithmetic for time expressions: intervals, their ISO labels, weeks, thirds, and the
choice of year or weekday that news usage implies. Pure functions of `datetime.date`."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from collections.abc import Callable
from datetime import date, timedelta


@dataclass(frozen=True)
class Interval:
    """A resolved date meaning: first and last day plus its natural ISO label (day, month, …)."""

    start: date
    end: date
    label: str


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def format_range(first: date, last: date) -> str:
    """The shortest ISO form of a closed day range: a day, a month, a year, or `a/b`."""
    if first == last:
        return first.isoformat()
    whole_months = first.day == 1 and last == month_end(last.year, last.month)
    if not whole_months:
        return f"{first.isoformat()}/{last.isoformat()}"
    if first.month == 1 and last.month == 12:
        return f"{first.year:04d}" if first.year == last.year else f"{first.year:04d}/{last.year:04d}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}"


def span_unit(first: date, last: date) -> Interval:
    return Interval(first, last, format_range(first, last))


def day_unit(day: date) -> Interval:
    return span_unit(day, day)


def month_unit(year: int, month: int) -> Interval:
    return span_unit(date(year, month, 1), month_end(year, month))


def year_unit(year: int) -> Interval:
    return span_unit(date(year, 1, 1), date(year, 12, 31))


def week_unit(day: date) -> Interval:
    """The Monday-to-Sunday week holding `day`, as a day interval (the contract has no weeks)."""
    monday = day - timedelta(days=day.weekday())
    return span_unit(monday, monday + timedelta(days=6))


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift_day(day: date, amount: int, unit: str) -> date:
    """Move a day by whole units; hours and minutes leave the day as it is."""
    if unit in ("d", "w"):
        return day + timedelta(days=amount * (7 if unit == "w" else 1))
    factor = {"m": 1, "q": 3, "y": 12, "de": 120, "ce": 1200}.get(unit)
    return add_months(day, amount * factor) if factor else day


def unit_around(day: date, unit: str) -> Interval:
    """The calendar unit of the given size that holds `day` ("vor vier Jahren" -> that year)."""
    if unit == "w":
        return week_unit(day)
    if unit == "m":
        return month_unit(day.year, day.month)
    if unit == "y":
        return year_unit(day.year)
    if unit == "q":
        first = day.month - (day.month - 1) % 3
        return span_unit(date(day.year, first, 1), month_end(day.year, first + 2))
    if unit in ("de", "ce"):
        size = 10 if unit == "de" else 100
        first = day.year - day.year % size
        return span_unit(date(first, 1, 1), date(first + size - 1, 12, 31))
    return day_unit(day)


def part_of(interval: Interval, mod: str | None) -> Interval:
    """Anfang / Mitte / Ende: the first, middle or last third (of the months, for a whole year)."""
    if mod not in ("START", "MID", "END"):
        return interval
    third = ("START", "MID", "END").index(mod)
    if interval.label.isdigit() and len(interval.label) == 4:
        year = interval.start.year
        return span_unit(date(year, 4 * third + 1, 1), month_end(year, 4 * third + 4))
    years = interval.end.year - interval.start.year + 1
    if years >= 3 and interval.label == f"{interval.start.year:04d}/{interval.end.year:04d}":
        first = interval.start.year + years * third // 3
        last = interval.start.year + years * (third + 1) // 3 - 1
        return span_unit(date(first, 1, 1), date(last, 12, 31))
    days = (interval.end - interval.start).days + 1
    first = interval.start + timedelta(days=days * third // 3)
    last = interval.start + timedelta(days=days * (third + 1) // 3 - 1)
    return span_unit(first, last)


AGAINST = 8.0  # "ahead": a past reading wins only when it is 8 times nearer ("am 15. Mai … festgelegt")


def nearest_year(day: date, make, tense: str = "near", lean: float = 2.0) -> Interval | None:
    """The reading of a year-less date ("am 11. August") closest to `day`; news leans to the past,
    so a future candidate counts `lean` times its distance. A past-tense sentence rules out
    readings that start after `day`, a future-tense one readings that ended before it."""
    options = [i for i in (make(year) for year in (day.year - 1, day.year, day.year + 1)) if i is not None]
    if tense == "past":
        options = [i for i in options if i.start <= day] or options
    elif tense == "future":
        options = [i for i in options if i.end >= day] or options
    back, ahead = {"ahead": (AGAINST, 1.0), "back": (1.0, AGAINST)}.get(tense, (1.0, lean))
    best, best_cost = None, None
    for interval in options:
        if interval.start <= day <= interval.end:
            cost = 0.0
        elif interval.end < day:
            cost = (day - interval.end).days * back
        else:
            cost = (interval.start - day).days * ahead
        if best_cost is None or cost < best_cost:
            best, best_cost = interval, cost
    return best


def directed_year(day: date, make, direction: int) -> Interval | None:
    """"im vergangenen Mai" / "im kommenden Winter": the last one over, or the next one to start."""
    options = [make(year) for year in range(day.year - 2, day.year + 3)]
    if direction < 0:
        past = [i for i in options if i is not None and i.end < day]
        return past[-1] if past else None
    future = [i for i in options if i is not None and i.start > day]
    return future[0] if future else None


def weekday_near(day: date, weekday: int, mode: str) -> date:
    """The weekday meant relative to `day`: strictly before/after (vergangenen/kommenden), on or
    before (past tense), on or after (future tense), or the nearest (ties go to the past)."""
    back = (day.weekday() - weekday) % 7
    ahead = (weekday - day.weekday()) % 7
    if mode == "before":
        return day - timedelta(days=back or 7)
    if mode == "after":
        return day + timedelta(days=ahead or 7)
    if mode == "past" or (mode == "near" and back <= ahead):
        return day - timedelta(days=back)
    return day + timedelta(days=ahead)


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm): movable feasts hang on it."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_maker(month: int, day: int) -> Callable[[int], Interval | None]:
    def make(year: int) -> Interval | None:
        found = safe_date(year, month, day)
        return day_unit(found) if found else None
    return make


def weekend_near(day: date, mode: str) -> Interval:
    """The weekend meant from `day`; on a Saturday or Sunday "am Wochenende" is this one."""
    if day.weekday() >= 5 and mode not in ("before", "after"):
        saturday = day - timedelta(days=day.weekday() - 5)
    elif day.weekday() >= 5 and mode == "before":
        saturday = day - timedelta(days=day.weekday() - 5 + 7)
    else:
        saturday = weekday_near(day, 5, mode)
    return span_unit(saturday, saturday + timedelta(days=1))
