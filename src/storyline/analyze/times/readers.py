"""Readers: one per grammar rule, turning matched groups into a `Reading` (what the expression
means before it is placed on the calendar). A reader returns None to reject a match that the
pattern alone cannot rule out ("2016 Menschen", a bare "Mai")."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.analyze.times import calendar as cal
from storyline.analyze.times import rules
from storyline.analyze.times.calendar import Interval


@dataclass
class Reading:
    """What one matched expression means before it is placed on the calendar."""

    kind: str = "date"
    fixed: str | None = None
    on_day: Callable[[date], Interval | None] | None = None
    from_ref: str | bool = False  # "day" / "any": counts from the last day / date mentioned
    suffix: str = ""  # time of day ("T14:00") or part of day ("TEV") added to a single day
    mod: str | None = None


@dataclass
class Context:
    tense: str  # past | future | near
    before: str
    after: str
    # for a year-less date: the clause's own tense, or "ahead" / "back" when only an announcing
    # verb or a signal word ("bis", "ab", "für den") points that way (see expressions.year_tense_at)
    year_tense: str = "near"


def unit_key(word: str) -> str:
    """Map a German unit word (Jahren, Stunde, Monats…) to a short unit key."""
    word = word.lower()
    for stem, key in (("sekunde", "s"), ("minute", "min"), ("stunde", "h"), ("jahrhundert", "ce"),
                      ("jahrzehnt", "de"), ("jahr", "y"), ("monat", "m"), ("woche", "w"), ("tag", "d"),
                      ("quartal", "q")):
        if word.startswith(stem):
            return key
    raise ValueError(word)


def read_number(text: str) -> float | None:
    """Digits in German format ("1.270" = 1270, "2,5" = 2.5), a German number word, either with
    "Millionen" / "Milliarden"; None for vague amounts ("wenigen", "mehreren")."""
    words = text.split()
    scale = {"millionen": 1e6, "milliarden": 1e9}.get(words[-1].lower(), 1) if len(words) > 1 else 1
    head = " ".join(words[:-1]) if scale != 1 else text
    if head[0].isdigit():
        value = float(head.replace(".", "").replace(",", "."))
    else:
        value = rules.NUMBERS[head.lower()]
    return None if value is None else value * scale


def format_duration(amount: float | None, unit: str) -> str:
    """ISO-8601 duration; fractions become the next smaller unit ("anderthalb Jahre" -> P18M)."""
    smaller = {"y": (12, "m"), "w": (7, "d"), "d": (24, "h"), "h": (60, "min"), "m": (30, "d")}
    if amount is not None and amount != int(amount) and unit in smaller:
        factor, unit = smaller[unit]
        amount *= factor
    number = "X" if amount is None else str(round(amount)) if amount == int(amount) else str(amount)
    scale = {"de": 10, "ce": 100}.get(unit)
    if scale:
        number, unit = ("X" if amount is None else str(int(amount * scale))), "y"
    designator = {"s": "S", "min": "M", "h": "H", "d": "D", "w": "W", "m": "M", "y": "Y"}[unit]
    return f"PT{number}{designator}" if unit in ("s", "min", "h") else f"P{number}{designator}"


def month_number(text: str) -> int:
    return rules.MONTHS[text.lower().rstrip(".")]


def full_year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else year + (2000 if year < 50 else 1900)


def absolute_or_nearest(year: str | None, make, tense: str = "near", suffix: str = "") -> Reading | None:
    """A day or month with its year is absolute; without one it is the nearest such date in the
    direction the clause's tense suggests (`cal.nearest_year`)."""
    if year:
        interval = make(full_year(year))
        return Reading(fixed=interval.label + suffix) if interval else None
    return Reading(on_day=lambda day: cal.nearest_year(day, make, tense, lean=1.0), suffix=suffix)


def read_date_iso(g: dict, ctx: Context) -> Reading | None:
    return read_date_numeric(g, ctx)


def read_date_range(g: dict, ctx: Context) -> Reading | None:
    start_month, end_month = month_number(g["m1"] or g["m2"]), month_number(g["m2"])
    first_day, last_day = int(g["d1"].rstrip(".")), int(g["d2"].rstrip("."))

    def make(year: int) -> Interval | None:
        first, last = cal.safe_date(year, start_month, first_day), cal.safe_date(year, end_month, last_day)
        return cal.span_unit(first, last) if first and last and first <= last else None
    return absolute_or_nearest(g["y"], make, ctx.year_tense)


def read_date_words(g: dict, ctx: Context) -> Reading | None:
    make = cal.day_maker(month_number(g["m"]), int(g["d"].rstrip(".")))
    if g.get("yrel"):
        shift = relative_direction(g["yrel"].removeprefix("des").strip()) or 0
        return Reading(on_day=lambda day: make(day.year + shift))
    if g.get("wd") and not g["y"]:  # "Freitag, 18. November": the year whose 18 November is a Friday
        make = weekday_checked(make, rules.WEEKDAYS[g["wd"].lower()])
    return absolute_or_nearest(g["y"], make, ctx.year_tense)


def weekday_checked(make, weekday: int):
    """A year-less date with its weekday: only years where the date falls on that weekday."""
    def checked(year: int) -> Interval | None:
        interval = make(year)
        return interval if interval is not None and interval.start.weekday() == weekday else None

    def maker(year: int) -> Interval | None:
        return checked(year) if any(checked(y) for y in (year - 1, year, year + 1)) else make(year)
    return maker


def read_date_numeric(g: dict, ctx: Context) -> Reading | None:
    month, day = int(g["m"]), int(g["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if not g.get("y") and not (g["prep"] or g.get("wd")):
        return None  # a bare "17.04." is as often a version or a score as a date
    return absolute_or_nearest(g.get("y"), cal.day_maker(month, day), ctx.year_tense)


def read_month_range(g: dict, ctx: Context) -> Reading | None:
    first, last = month_number(g["m1"]), month_number(g["m2"])
    if first == last:
        return None
    back = 1 if first > last else 0  # "November bis März 2011" starts in 2010
    make = lambda year: cal.span_unit(date(year - back, first, 1), cal.month_end(year, last))  # noqa: E731
    return absolute_or_nearest(g["y"], make, ctx.tense)


def relative_direction(word: str | None) -> int | None:
    if not word:
        return None
    stem = word.lower().removeprefix("des ").strip()
    return next((value for key, value in rules.RELATIVE.items() if stem.startswith(key)), None)


def read_in_year(g: dict, ctx: Context, make, mod: str | None) -> Reading:
    """A part of some year (a month, a season): the year given, a relative one, or the nearest."""
    if g["y"]:
        return Reading(fixed=make(int(g["y"])).label, mod=mod)
    shift = relative_direction(g["yrel"])
    if shift is not None:
        return Reading(on_day=lambda day: make(day.year + shift), mod=mod)
    direction = relative_direction(g["rel"])
    if direction:
        return Reading(on_day=lambda day: cal.directed_year(day, make, direction), mod=mod)
    return Reading(on_day=lambda day: cal.nearest_year(day, make, ctx.year_tense), mod=mod)


def read_month(g: dict, ctx: Context) -> Reading | None:
    if not (g["prep"] or g["mod"] or g["rel"] or g["y"] or g["yrel"]):
        return None  # a bare "Mai" or "August" is too often a name
    month, mod = month_number(g["m"]), rules.PART_MODS.get((g["mod"] or "").lower())
    make = lambda year: cal.part_of(cal.month_unit(year, month), mod)  # noqa: E731
    return read_in_year(g, ctx, make, mod)


def read_year_range(g: dict, ctx: Context) -> Reading | None:
    first, last = int(g["y1"]), int(g["y2"])
    return Reading(fixed=f"{first:04d}/{last:04d}") if first < last else None


def read_year(g: dict, ctx: Context) -> Reading | None:
    year = int(g["y"])
    bare = not (g["prep"] or g["unit"] or g["mod"])
    if bare and (year < 1800 or rules.NOT_YEAR_NEXT.match(ctx.after) or rules.NOT_YEAR_PREV.search(ctx.before)):
        return None  # "2016 Menschen" counts people
    if g["y2"]:
        last = full_year(g["y2"]) if len(g["y2"]) == 2 else int(g["y2"])
        return Reading(fixed=f"{year:04d}/{last:04d}") if last == year + 1 else None
    mod = rules.PART_MODS.get((g["mod"] or "").lower())
    return Reading(fixed=cal.part_of(cal.year_unit(year), mod).label, mod=mod)


def read_decade(g: dict, ctx: Context) -> Reading | None:
    digits = g["dec"]
    if len(digits) == 2 and "ahr" not in g["_text"]:
        return None  # "90er" alone may be a model or a bus line
    first = int(digits) if len(digits) == 4 else 1900 + int(digits)
    mod = rules.PART_MODS.get((g["mod"] or "").lower())
    decade = cal.span_unit(date(first, 1, 1), date(first + 9, 12, 31))
    return Reading(fixed=cal.part_of(decade, mod).label, mod=mod)


def read_century(g: dict, ctx: Context) -> Reading | None:
    first = (int(g["c"]) - 1) * 100
    if first < 0:
        return None
    mod = rules.PART_MODS.get((g["mod"] or "").lower())
    century = cal.span_unit(date(first, 1, 1), date(first + 99, 12, 31))
    return Reading(fixed=cal.part_of(century, mod).label, mod=mod)


def season_maker(word: str, mod: str | None) -> Callable[[int], Interval]:
    stem = word.lower().rstrip("s").removesuffix("e") if not word.lower().startswith("herbst") else "herbst"
    first, last = next(v for k, v in rules.SEASONS.items() if stem.startswith(k))

    def make(year: int) -> Interval:
        end_year = year + 1 if last < first else year
        return cal.part_of(cal.span_unit(date(year, first, 1), cal.month_end(end_year, last)), mod)
    return make


def read_season(g: dict, ctx: Context) -> Reading | None:
    if not (g["prep"] or g["rel"] or g["y"] or g["mod"]):
        return None
    mod = rules.PART_MODS.get((g["mod"] or "").lower())
    make = season_maker(g["s"], mod)
    return read_in_year(g, ctx, make, mod)


def read_quarter(g: dict, ctx: Context) -> Reading | None:
    index = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4}.get(g["q"], None) or int(g["q"][0])
    size = 3 if g["unit"].startswith("Quartal") else 6
    if index * size > 12:
        return None
    make = lambda year: cal.span_unit(  # noqa: E731
        date(year, (index - 1) * size + 1, 1), cal.month_end(year, index * size))
    return absolute_or_nearest(g["y"], make, ctx.tense)


def unit_reading(unit: str, direction: int, mode: str) -> Callable[[date], Interval]:
    """This / last / next week, month, year, decade or weekend, seen from one day."""
    def on_day(day: date) -> Interval:
        if unit == "we":
            return cal.weekend_near(day, {-1: "before", 1: "after"}.get(direction, mode))
        return cal.unit_around(cal.shift_day(day, direction, unit), unit)
    return on_day


def read_rel_unit(g: dict, ctx: Context) -> Reading | None:
    word = g["unit"].lower()
    unit = "we" if word.startswith("wochenende") else unit_key(word)
    direction = relative_direction(g["rel"])
    mod = rules.PART_MODS.get((g["mod"] or "").lower())
    if direction is None and not mod and not (unit == "we" and g["prep"]):
        return None  # a bare "Jahr" or "Woche" is not a reference to a date
    same = (g["rel"] or "").lower().startswith(("selb", "gleich", "darauf", "vorherig")) and "any"
    on_day = unit_reading(unit, direction or 0, ctx.tense)
    return Reading(on_day=lambda day: cal.part_of(on_day(day), mod), from_ref=same, mod=mod)


def read_prev_unit(g: dict, ctx: Context) -> Reading | None:
    word = g["unit"].lower()
    unit = unit_key(word[3:] if word.startswith("vor") else word[5:])
    direction = -1 if word.startswith("vor") else 1
    from_ref = "day" if unit == "d" else "any" if direction > 0 else False
    return Reading(on_day=unit_reading(unit, direction, ctx.tense), from_ref=from_ref)


def weekday_mode(rel: str | None, tense: str) -> str:
    direction = relative_direction(rel)
    return {-1: "before", 1: "after"}.get(direction, tense)


def read_night_to(g: dict, ctx: Context) -> Reading | None:
    weekday = rules.WEEKDAYS[g["wd"].lower()]
    return Reading(on_day=lambda day: cal.day_unit(cal.weekday_near(day, weekday, ctx.tense)), suffix="TNI")


def read_pod_date(g: dict, ctx: Context) -> Reading | None:
    """"Abend des 13. Januars" = 13 January with TEV; a night "vom 2. auf den 3. Mai" or "von
    Samstag auf Sonntag" is the day it ends on."""
    suffix = "T" + rules.PARTS_OF_DAY[g["pod"].lower()]
    if g["nd"]:
        found = cal.safe_date(int(g["ny"]), int(g["nm"]), int(g["nd"]))
        return Reading(fixed=found.isoformat() + suffix) if found else None
    if g["wd"]:
        weekday = rules.WEEKDAYS[g["wd"].lower()]
        return Reading(on_day=lambda day: cal.day_unit(cal.weekday_near(day, weekday, ctx.tense)), suffix=suffix)
    make = cal.day_maker(month_number(g["m"]), int(g["d"].rstrip(".")))
    return absolute_or_nearest(g["y"], make, ctx.year_tense, suffix)


# "von Montag bis Mittwoch": the weekday that closes a range lies after the one that opens it
RANGE_OPENER = re.compile(rf"{rules.WEEKDAY}\s*$")


def read_weekday(g: dict, ctx: Context) -> Reading | None:
    weekday, mode = rules.WEEKDAYS[g["wd"].lower()], weekday_mode(g["rel"], ctx.tense)
    pod = g["pod"] or (g["pod2"] or "").lower()
    suffix = "T" + rules.PARTS_OF_DAY[pod] if pod else ""
    from_ref = "day" if (g["rel"] or "").lower().startswith(("darauf", "vorherig")) else False
    if (g["prep"] or "").strip().lower() == "bis" and not g["rel"] and RANGE_OPENER.search(ctx.before):
        mode, from_ref = "after", "day"
    return Reading(on_day=lambda day: cal.day_unit(cal.weekday_near(day, weekday, mode)), suffix=suffix,
                   from_ref=from_ref)


def read_weekday_week(g: dict, ctx: Context) -> Reading | None:
    """"Mittwoch vergangener Woche": the weekday inside the week named."""
    weekday, direction = rules.WEEKDAYS[g["wd"].lower()], relative_direction(g["rel"]) or 0
    suffix = "T" + rules.PARTS_OF_DAY[g["pod"]] if g["pod"] else ""

    def on_day(day: date) -> Interval:
        monday = cal.week_unit(day + timedelta(days=7 * direction)).start
        return cal.day_unit(monday + timedelta(days=weekday))
    return Reading(on_day=on_day, suffix=suffix)


def holiday_maker(key: str) -> Callable[[int], Interval]:
    if key in rules.MOVABLE_FEASTS:
        first, last = rules.MOVABLE_FEASTS[key]
        return lambda year: cal.span_unit(cal.easter_sunday(year) + timedelta(days=first),
                                          cal.easter_sunday(year) + timedelta(days=last))
    first_month, first_day, last_month, last_day = rules.HOLIDAYS[key]
    return lambda year: cal.span_unit(date(year, first_month, first_day), date(year, last_month, last_day))


def read_holiday(g: dict, ctx: Context) -> Reading | None:
    key = " ".join(g["h"].lower().replace(".", ". ").split())
    make = holiday_maker(key)
    if g["yrel"]:
        shift = relative_direction(g["yrel"].removeprefix("des").strip()) or 0
        return Reading(on_day=lambda day: make(day.year + shift))
    direction = relative_direction(g["rel"])
    if direction and not g["y"]:
        return Reading(on_day=lambda day: cal.directed_year(day, make, direction))
    return absolute_or_nearest(g["y"], make, ctx.tense)


def read_rel_day(g: dict, ctx: Context) -> Reading | None:
    word = g["rd"].lower()
    if word == "morgen" and g["pod"]:
        return None
    shift = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}[word]
    pod = g["pod"] or g["pod3"]  # "gestern Abend", "gestern am frühen Abend"
    suffix = "T" + rules.PARTS_OF_DAY[pod.lower()] if pod else ""
    return Reading(on_day=lambda day: cal.day_unit(day + timedelta(days=shift)), suffix=suffix)


def shifted_reading(amount_text: str, unit_word: str, sign: int, from_ref: bool) -> Reading | None:
    amount = read_number(amount_text)
    if amount is None:
        return Reading(fixed="PAST_REF" if sign < 0 else "FUTURE_REF")
    if amount != int(amount):
        return None
    unit = unit_key(unit_word)

    def on_day(day: date) -> Interval:
        try:
            return cal.unit_around(cal.shift_day(day, sign * int(amount), unit), unit)
        except (ValueError, OverflowError):  # "vor 30.000 Jahren": before year 1 (TIMEX3 BC) or past 9999
            years = int(amount) * {"de": 10, "ce": 100}.get(unit, 1) if unit in ("y", "de", "ce") else None
            if years is None or years < 1000:
                raise  # a broken article date (year 1), not a span of history: unresolved
            if sign > 0:
                return Interval(date.max, date.max, "FUTURE_REF")
            return Interval(date.min, date.min, f"BC{1 - (day.year - years):04d}")
    return Reading(on_day=on_day, from_ref=from_ref and ("day" if unit in ("d", "w", "h", "min", "s") else "any"))


def read_ago(g: dict, ctx: Context) -> Reading | None:
    reading = shifted_reading(g["n"], g["unit"], -1, False)
    if reading:
        reading.mod = rules.APPROX_MODS.get((g["approx"] or "").lower())
    return reading


def read_later(g: dict, ctx: Context) -> Reading | None:
    return shifted_reading(g["n"], g["unit"], 1, False)


def read_offset(g: dict, ctx: Context) -> Reading | None:
    sign = -1 if g["dir"] in ("zuvor", "vorher", "davor", "früher") else 1
    if g["tags"]:
        return shifted_reading("1", "Tag", sign, True)
    return shifted_reading(g["n"], g["unit"], sign, True)


def read_offset_day(g: dict, ctx: Context) -> Reading | None:
    shift = 0 if g["dir"] in ("selben", "gleichen") else 1
    suffix = "" if g["unit"] == "Tag" else "T" + rules.PARTS_OF_DAY[g["unit"].lower()]
    return Reading(on_day=lambda day: cal.day_unit(day + timedelta(days=shift)), from_ref="day", suffix=suffix)


def read_set(g: dict, ctx: Context) -> Reading | None:
    word = (g["adv"] or g["wd"] or g["unit"] or "").lower()
    if word.rstrip("s") in rules.WEEKDAYS:
        return Reading(kind="set", fixed=f"XXXX-WXX-{rules.WEEKDAYS[word.rstrip('s')] + 1}")
    if g["each"]:
        return Reading(kind="set", fixed=format_duration(1, unit_key(g["each"])))
    if word in ("morgen", "abend", "nacht"):
        return Reading(kind="set", fixed="XXXX-XX-XXT" + rules.PARTS_OF_DAY[word])
    adverbs = {"täglich": "d", "wöchentlich": "w", "monatlich": "m", "jährlich": "y", "stündlich": "h"}
    unit = adverbs.get(word) or unit_key(word)
    amount = read_number(g["n"]) if g["n"] else 1
    return Reading(kind="set", fixed=format_duration(amount, unit))


def read_clock(g: dict, ctx: Context) -> Reading | None:
    hour = int(g["h"])
    minute = int(g["mi"] or g["mi2"] or g["mi3"] or 0)
    if g["ampm"] in ("nachmittags", "abends") and hour < 12 or g["ampm"] == "nachts" and 6 <= hour < 12:
        hour += 12
    if hour > 24 or g["mi3"] and not g["prep"] and ctx.after.lstrip().startswith(("Sieg", "Niederlage")):
        return None
    approx = g["approx"] or (g["prep"] or "").strip().lower() == "gegen"
    return Reading(kind="time", suffix=f"T{hour % 24:02d}:{minute:02d}", mod="APPROX" if approx else None)


def read_rel_part_of_day(g: dict, ctx: Context) -> Reading | None:
    """"in der vergangenen Nacht" ends on the article day; "am gestrigen Abend" is yesterday's."""
    pod = rules.PARTS_OF_DAY[g["pod"].lower()]
    back = 1 if g["rel"].lower().startswith("gestrig") or (pod != "NI" and not g["rel"].lower().startswith("heutig")) else 0
    return Reading(on_day=lambda day: cal.day_unit(day - timedelta(days=back)), suffix="T" + pod)


def read_part_of_day(g: dict, ctx: Context) -> Reading | None:
    return Reading(kind="time", suffix="T" + rules.PARTS_OF_DAY[g["pod"].lower()])


def read_duration(g: dict, ctx: Context) -> Reading | None:
    if ctx.before.rstrip().endswith(("Alter von", "alt", "Alter")):
        return None  # ages are not time expressions in news
    amount = read_number(g["n"])
    if amount is not None and amount >= 1000 and g["n"].isdigit():
        return None  # "2015 Jahr": a year, not a duration ("1.270 Jahre" is one)
    mod = rules.APPROX_MODS.get((g["approx"] or "").lower())
    return Reading(kind="duration", fixed=format_duration(amount, unit_key(g["unit"])), mod=mod)


def read_quarter_hour(g: dict, ctx: Context) -> Reading | None:
    quarters = 3 if g["unit"].startswith("Dreiviertel") else 1
    amount = read_number(g["n"]) if g["n"] else 1
    minutes = None if amount is None else int(amount * quarters * 15)
    mod = rules.APPROX_MODS.get((g["approx"] or "").lower())
    return Reading(kind="duration", fixed=format_duration(minutes, "min"), mod=mod)


def read_vague_duration(g: dict, ctx: Context) -> Reading | None:
    if g["plural"] and relative_direction(g["rel"]) in (None, 0) and (g["prep"] or "").strip().lower() != "seit":
        return None  # "seit Jahren", "in den letzten Wochen" measure time; "in diesen Tagen" does not
    return Reading(kind="duration", fixed=format_duration(None, unit_key(g["vague"] or g["plural"])))


READERS = {name: globals()["read_" + name] for name in rules.RULES}
