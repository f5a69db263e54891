"""Publication dates with their precision: a day, a month or a year, stored as an interval."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from storyline.model import DateRef

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+\-Z]*)?\s*$")
_GERMAN = re.compile(r"^\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\s*$")


class DateError(ValueError):
    """A date string that names no real day, month or year (e.g. 2023-13-45)."""


def parse_date(value: str | None) -> DateRef | None:
    """Parse `2023`, `2023-09`, `2023-09-13` (or an ISO timestamp, or `13.09.2023`).

    Returns None for an empty value and raises DateError for an impossible one: a wrong date
    must be reported, not silently replaced by a guess.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    german = _GERMAN.match(text)
    if german:
        day, month, year = german.groups()
        return _make(int(year), int(month), int(day))
    match = _ISO.match(text)
    if not match:
        return _parse_rfc(text)
    year, month, day = match.groups()
    return _make(int(year), int(month) if month else None, int(day) if day else None)


def _parse_rfc(text: str) -> DateRef:
    """Feed and e-mail style dates ("Wed, 13 Sep 2023 10:00:00 GMT")."""
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as error:
        raise DateError(f"unrecognised date {text!r}") from error
    return _make(moment.year, moment.month, moment.day)


def _make(year: int, month: int | None, day: int | None) -> DateRef:
    if not 1 <= year <= 9999:
        raise DateError(f"impossible year {year}")
    if month is None:
        return DateRef(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")
    if not 1 <= month <= 12:
        raise DateError(f"impossible month {year:04d}-{month:02d}")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return DateRef(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last), "month")
    if not 1 <= day <= last:
        raise DateError(f"impossible day {year:04d}-{month:02d}-{day:02d}")
    return DateRef(f"{year:04d}-{month:02d}-{day:02d}", date(year, month, day), date(year, month, day), "day")


def date_from_datetime(moment: datetime | date) -> DateRef:
    return _make(moment.year, moment.month, moment.day)
