"""The one place for the words of the CLI and the web UI, in English (the default) and German.

Messages are looked up by id in `en.py` and `de.py`, two plain tables with the same keys (a test
checks it); a message with a count is a pair (one, many). Article text, titles, names and quotes are
data and never pass through here, and neither does any JSON: `--json` and the HTTP API stay the same
in every language. Dates are ISO in English and written as German readers expect in German, and so
are numbers (1.234, 0,25).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from storyline.i18n import de, en

LANGUAGES = ("en", "de")
DEFAULT = "en"
NAMES = {"en": "English", "de": "Deutsch"}  # each in its own language, for the switch
MESSAGES = {"en": en.MESSAGES, "de": de.MESSAGES}
MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember")
DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
MONTH = re.compile(r"(\d{4})-(\d{2})")
NOT_NUMBERS = {"id", "status"}  # values that are codes, not amounts: written as they are
DAY_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?")
PART_OF_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})T(MO|MD|AF|EV|NI|DT)")  # TIMEX3 parts of day: "2016-04-16TEV"


def pick_language(*candidates: str | None) -> str:
    """The first supported language among the candidates (e.g. ?lang=, then a cookie), else English."""
    for candidate in candidates:
        code = (candidate or "").strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT


def german_date(value: str, long: bool = False) -> str:
    """13.09.2023 (or "13. September 2023"), "September 2023", and intervals as from – to in the short
    form (a timeline's column stays narrow); other values (a year, a week, a time of day) are already
    readable and stay as they are."""
    if "/" in value:
        start, _, end = value.partition("/")
        return f"{german_date(start)} – {german_date(end)}"
    if match := DAY_TIME.fullmatch(value):
        return f"{german_date(match.group(1), long)}, {match.group(2)} Uhr"
    if match := DAY.fullmatch(value):
        year, month, day = match.groups()
        return f"{int(day)}. {MONTHS_DE[int(month) - 1]} {year}" if long else f"{day}.{month}.{year}"
    if (match := MONTH.fullmatch(value)) and 1 <= int(match.group(2)) <= 12:
        return f"{MONTHS_DE[int(match.group(2)) - 1]} {match.group(1)}"
    return value


def german_number(value, digits: int | None = None, sign: bool = False) -> str:
    """1.234 and 0,25 as German readers write numbers (points group thousands, a comma marks decimals)."""
    places = 0 if digits is None and isinstance(value, int) else (2 if digits is None else digits)
    text = f"{value:{'+' if sign else ''},.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@dataclass(frozen=True)
class Translator:
    """`t("stories.count", n=3)` → "3 stories"; `t.date("2023-09-13")` → "2023-09-13" or "13.09.2023"."""

    lang: str = DEFAULT

    def __call__(self, key: str, **values) -> str:
        message = MESSAGES[self.lang].get(key, MESSAGES[DEFAULT].get(key, key))
        if isinstance(message, tuple):
            message = message[0] if values.get("n") == 1 else message[1]
        if self.lang == "de":
            values = {k: german_number(v) if isinstance(v, int | float) and not isinstance(v, bool)
                      and k not in NOT_NUMBERS else v for k, v in values.items()}
        return message.format(**values) if values else message

    def number(self, value, digits: int | None = None, sign: bool = False) -> str:
        """A number for people: `0.25` in English, `0,25` in German; `digits` decimals (ints: none)."""
        if self.lang == "de":
            return german_number(value, digits, sign)
        places = 0 if digits is None and isinstance(value, int) else (2 if digits is None else digits)
        return f"{value:{'+' if sign else ''}.{places}f}"

    def date(self, value, long: bool = False) -> str:
        """A stored date for people; empty values stay empty so that templates can say "–"."""
        if not value:
            return value
        if match := PART_OF_DAY.fullmatch(str(value)):  # "2016-04-16, evening", "16.04.2016, abends"
            return f"{self.date(match.group(1), long)}, {self.name('part_of_day', match.group(2))}"
        if self.lang != "de":
            match = DAY_TIME.fullmatch(str(value))
            return f"{match.group(1)}, {match.group(2)}" if match else str(value)
        return german_date(str(value), long)

    def name(self, group: str, value) -> str:
        """The word for a fixed value (a quote kind, a fact status, a place kind); unknown values as given."""
        return MESSAGES[self.lang].get(f"{group}.{value}", value)


def translator(lang: str | None = None) -> Translator:
    return Translator(pick_language(lang))


_current = Translator(pick_language(os.environ.get("STORYLINE_LANG")))


def set_language(lang: str | None) -> Translator:
    """The CLI's language for this process (`--lang`, else $STORYLINE_LANG, else English)."""
    global _current
    _current = translator(lang)
    return _current


def current() -> Translator:
    return _current
