"""The German time-expression grammar: word lists and one regular expression per rule.

Kept apart from the resolution code in `times.py` so that the grammar can be read (and extended)
as a list of patterns. Every rule may start with an optional `prep` group (am, im, seit, …):
prepositions are matched to give context but stay outside the reported span, as in TIMEX3.
"""
from __future__ import annotations

import re

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4,
    "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}
WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
}
NUMBERS = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "hundert": 100, "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5,
    "halbe": 0.5, "halben": 0.5, "halbes": 0.5, "ein halbes": 0.5, "einen halben": 0.5, "eine halbe": 0.5, "einhalb": 0.5, "wenigen": None, "wenige": None,
    "einigen": None, "einige": None, "mehreren": None, "mehrere": None, "vielen": None,
    "viele": None,
}
# unit stem -> (ISO designator, is a time-of-day unit needing "T")
UNITS = {
    "sekunde": ("S", True), "minute": ("M", True), "stunde": ("H", True), "tag": ("D", False),
    "woche": ("W", False), "monat": ("M", False), "jahr": ("Y", False),
    "jahrzehnt": ("DE", False), "jahrhundert": ("CE", False),
}
PARTS_OF_DAY = {
    "früh": "MO", "morgen": "MO", "vormittag": "MO", "mittag": "MD", "nachmittag": "AF",
    "abend": "EV", "nacht": "NI", "mitternacht": "NI",
}
SEASONS = {"frühjahr": (3, 5), "frühling": (3, 5), "sommer": (6, 8), "herbst": (9, 11), "winter": (12, 2)}
# modifier word -> which part of the unit it picks (TIMEX3 mod START / MID / END)
# fixed-date holidays -> (first month, first day, last month, last day)
HOLIDAYS = {
    "heiligabend": (12, 24, 12, 24), "1. weihnachtstag": (12, 25, 12, 25),
    "erster weihnachtstag": (12, 25, 12, 25), "2. weihnachtstag": (12, 26, 12, 26),
    "zweiter weihnachtstag": (12, 26, 12, 26), "weihnachten": (12, 24, 12, 26),
    "weihnachtstag": (12, 25, 12, 25), "silvester": (12, 31, 12, 31), "neujahr": (1, 1, 1, 1),
    "neujahrstag": (1, 1, 1, 1), "tag der deutschen einheit": (10, 3, 10, 3),
    "nikolaustag": (12, 6, 12, 6), "valentinstag": (2, 14, 2, 14), "maifeiertag": (5, 1, 5, 1),
}
# movable feasts -> (first, last) day offsets from Easter Sunday
MOVABLE_FEASTS = {
    "karfreitag": (-2, -2), "ostern": (0, 1), "ostersonntag": (0, 0), "ostermontag": (1, 1),
    "christi himmelfahrt": (39, 39), "himmelfahrt": (39, 39), "pfingsten": (49, 50),
    "pfingstsonntag": (49, 49), "pfingstmontag": (50, 50),
}
PART_MODS = {"anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END"}
APPROX_MODS = {
    "mehr als": "MORE_THAN", "über": "MORE_THAN", "gut": "MORE_THAN", "mindestens": "EQUAL_OR_MORE",
    "weniger als": "LESS_THAN", "knapp": "LESS_THAN", "fast": "LESS_THAN", "nahezu": "LESS_THAN",
    "bis zu": "EQUAL_OR_LESS", "höchstens": "EQUAL_OR_LESS", "rund": "APPROX", "etwa": "APPROX",
    "ungefähr": "APPROX", "annähernd": "APPROX", "ca.": "APPROX", "circa": "APPROX", "zirka": "APPROX",
}
# relative words before a unit or weekday -> direction (-1 past, 0 this, +1 next)
RELATIVE = {
    "darauffolgend": 1, "vorherig": -1, "gestrig": -1, "vergangen": -1, "letzt": -1, "vorig": -1, "kommend": 1, "nächst": 1, "folgend": 1,
    "dies": 0, "laufend": 0, "selb": 0, "gleich": 0, "heutig": 0, "aktuell": 0,
}


def _words(words) -> str:
    """An alternation that also accepts a capitalised first letter, longest words first."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        first = word[0]
        head = f"[{first}{first.upper()}]" if first.isalpha() and first.islower() else re.escape(first)
        parts.append(head + re.escape(word[1:]))
    return "(?:" + "|".join(parts) + ")"


_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("mai", "juni", "juli", "märz")]
_MONTH_ABBR = [m for m in MONTHS if m not in _MONTH_FULL]
MONTH = "(?:" + _words(_MONTH_FULL) + "|" + _words(_MONTH_ABBR) + r"\.)"
WEEKDAY = _words(WEEKDAYS)
POD_SUFFIX = "(?:früh|morgen|vormittag|mittag|nachmittag|abend|nacht)"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])\."
# German digits: "1.270" is 1270 and "2,5" is 2.5; "150 Millionen" scales (readers.read_number)
NUMBER = (r"(?:(?:(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:,\d+)?)|" + _words(NUMBERS) + r")"
          r"(?:\s+(?:Millionen|Milliarden))?)")
UNIT = (r"(?:[Ss]ekunden?|[Mm]inuten?|[Ss]tunden?|[Tt]ag(?:e|en|es)?|[Ww]ochen?|[Mm]onat(?:e|en|s)?"
        r"|[Jj]ahr(?:e|en|es)?|[Jj]ahrzehnt(?:e|en|s)?|[Jj]ahrhundert(?:e|en|s)?)")
REL = _words(["darauffolgend", "vorherig", "gestrig", "vergangen", "letzt", "vorig", "kommend", "nächst", "folgend", "dies", "laufend",
              "selb", "gleich", "heutig", "aktuell"]) + "(?:e|en|em|er|es)?"
PART_MOD = _words(PART_MODS)
APPROX = _words(APPROX_MODS)
HOLIDAY = ("(?:[12]\\.\\s?Weihnachtstag|Erster Weihnachtstag|Zweiter Weihnachtstag|Heiligabend|Weihnachten|"
           "Silvester|Neujahr(?:stag)?|Tag der Deutschen Einheit|Nikolaustag|Valentinstag|Maifeiertag|"
           "Karfreitag|Ostern|Ostersonntag|Ostermontag|Christi Himmelfahrt|Himmelfahrt|Pfingsten|"
           "Pfingstsonntag|Pfingstmontag)")
SEASON = r"(?:[Ff]rühjahrs?|[Ff]rühlings?|[Ss]ommers?|[Hh]erbst(?:es|s)?|[Ww]inters?)"
PREP = (r"(?<![\w-])(?P<prep>\b" + _words(["am", "im", "in", "an", "um", "seit", "ab", "bis", "vom", "von",
                                 "zum", "bis zum", "bis zur", "für", "nach", "vor", "gegen",
                                 "in der", "zu", "zur", "während", "vom", "auf", "bis auf"])
        + r"\s+)?")
DASH = r"\s*(?:-|–|bis(?:\s+zum)?)\s*"
DAY_DASH = r"\s*(?:-|–|bis(?:\s+zum)?|und)\s*"
_END = r"(?![\w-])"
WD_SEP = r"(?:,\s*(?:de[nm]\s+)?|\s+de[nm]\s+)"

# name -> pattern; `times.py` holds one interpreter per name.
RULES: dict[str, str] = {
    "date_range": PREP + rf"(?P<d1>{DAY})(?:\s*(?P<m1>{MONTH}))?{DAY_DASH}(?P<d2>{DAY})\s*(?P<m2>{MONTH})"
                  rf"(?:\s+(?P<y>{YEAR}))?{_END}",
    "date_words": PREP + rf"(?:(?:{REL}\s+)?(?P<wd>{WEEKDAY}){WD_SEP})?(?P<d>{DAY})\s*(?P<m>{MONTH})"
                  rf"(?:\s+(?P<y>{YEAR})|\s+(?P<yrel>des(?:\s+{REL})?)\s+Jahres)?{_END}",
    "date_numeric": PREP + rf"(?:(?:{REL}\s+)?(?P<wd>{WEEKDAY}){WD_SEP})?(?<![\d.])(?P<d>[0-3]?\d)\."
                    r"(?P<m>[01]?\d)\.(?P<y>\d{4}|\d{2}(?!\d))?(?![\d.]*\d)",
    "date_iso": PREP + r"(?<![\d.-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])",
    "month_range": PREP + rf"(?P<m1>{MONTH}){DASH}(?P<m2>{MONTH})(?:\s+(?P<y>{YEAR}))?{_END}",
    "month": PREP + rf"(?:(?P<mod>{PART_MOD})\s+)?(?:(?P<rel>{REL})\s+)?(?P<m>{MONTH})"
             rf"(?:\s+(?P<y>{YEAR})|\s+(?P<yrel>(?:des\s+)?{REL})\s+Jahres)?{_END}",
    "year_range": PREP + rf"(?:(?P<unit>[Jj]ahren?)\s+)?(?<![\d.,])(?P<y1>{YEAR}){DASH}(?P<y2>{YEAR})"
                  rf"(?![\d.,]\d)",
    "year": PREP + rf"(?:(?P<mod>{PART_MOD})\s+(?:de[sr]\s+)?)?(?:(?P<unit>[Jj]ahr(?:es|e)?|[Ss]aison)\s+)?"
            rf"(?<![\d.,/])(?P<y>{YEAR})(?:\s?/\s?(?P<y2>\d{{4}}|\d{{2}}))?(?![\d]|[.,]\d|\s?%|\s?(?:Euro|Dollar)\b)",
    "decade": PREP + rf"(?:(?P<mod>{PART_MOD})\s+der\s+)?(?P<dec>(?:1[0-9]|20)?[0-9]0)er"
              r"(?:\s?-?[Jj]ahren?)?" + _END,
    "century": PREP + rf"(?:(?P<mod>{PART_MOD})\s+(?:des\s+)?)?" + r"(?P<c>[12]?\d)\.\s+[Jj]ahrhunderts?" + _END,
    "season": PREP + rf"(?:(?P<mod>{PART_MOD})\s+(?:de[sr]\s+)?)?(?:(?P<rel>{REL})\s+)?(?P<s>{SEASON})"
              rf"(?:\s+(?P<y>{YEAR})|\s+(?P<yrel>(?:des\s+)?{REL})\s+Jahres)?{_END}",
    "quarter": PREP + r"(?P<q>erst|zweit|dritt|viert|[1-4]\.)(?:e|en|es|er)?\s+(?P<unit>Quartals?|"
               rf"Jahreshälfte|Halbjahr(?:es)?)(?:\s+(?P<y>{YEAR}))?{_END}",
    "rel_unit": PREP + rf"(?:(?P<mod>{PART_MOD})\s+(?:de[sr]\s+)?)?(?:(?P<rel>{REL})\s+)?"
                r"(?P<unit>Wochenendes?|Woche|Monats?|Quartals?|Jahr(?:es)?|Jahrzehnts?)" + _END,
    "prev_unit": PREP + r"(?P<unit>Vorjahr(?:es)?|Vormonat(?:s)?|Vorwoche|Vortag(?:es)?|Folgetag(?:es)?"
                 r"|Folgejahr(?:es)?)" + _END,
    "night_to": PREP + rf"(?P<pod>Nacht)\s+(?:zu[mr]?|auf)\s+(?:den\s+)?(?P<wd>{WEEKDAY}){_END}",
    # a part of day of a named day: "Abend des 13. Januars", "Nacht vom 2. auf den 3. Mai",
    # "Nacht von Samstag auf Sonntag" (a night is the day it ends on), "späten Nachmittag des Montag"
    "pod_date": PREP + r"(?:(?P<early>frühen|späten)\s+)?(?P<pod>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)"
                r"\s+(?:des|vom|von|zum|zur|auf\s+den)\s+(?:"
                rf"(?:{DAY}\s*(?:{MONTH}\s*)?(?:auf\s+den|zum|zu|bis\s+zum)\s+)?(?P<d>{DAY})\s*(?P<m>{MONTH})s?"
                rf"(?:\s+(?P<y>{YEAR}))?"
                r"|(?P<nd>[0-3]?\d)\.(?P<nm>[01]?\d)\.(?P<ny>\d{4})"
                rf"|(?:{WEEKDAY}s?\s+(?:auf|zum|zu)\s+(?:den\s+)?)?(?P<wd>{WEEKDAY})s?){_END}",
    "weekday_week": PREP + rf"(?P<wd>{WEEKDAY})(?P<pod>{POD_SUFFIX})?\s+(?P<rel>{REL})\s+Woche{_END}",
    "holiday": PREP + rf"(?:(?P<rel>{REL})\s+)?(?P<h>{HOLIDAY})(?:\s+(?P<y>{YEAR})|\s+(?P<yrel>des(?:\s+{REL})?)\s+Jahres)?{_END}",
    "weekday": PREP + rf"(?:(?P<rel>{REL})\s+)?(?:(?P<early>frühen|späten)\s+)?(?P<wd>{WEEKDAY})"
               rf"(?:(?P<pod>{POD_SUFFIX})|\s+(?P<pod2>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)\b)?{_END}",
    "rel_day": PREP + r"(?<![\w-])(?P<rd>[Hh]eute|[Gg]estern|[Vv]orgestern|morgen|übermorgen|[Üü]bermorgen)"
               r"(?:\s+(?P<pod>früh|[Mm]orgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)"
               r"|\s+am\s+(?:(?:frühen|späten)\s+)?(?P<pod3>Morgen|Vormittag|Mittag|Nachmittag|Abend))?" + _END,
    "ago": r"(?<![\w-])(?P<vor>[Vv]or)\s+(?:(?P<approx>" + APPROX + r")\s+)?(?P<n>" + NUMBER
           + r")\s+(?P<unit>" + UNIT + ")" + _END,
    "later": r"(?<![\w-])(?P<inn>[Ii]n)\s+(?P<n>" + NUMBER + r")\s+(?P<unit>" + UNIT + ")" + _END,
    "offset": PREP + r"(?:(?P<approx>" + APPROX + r")\s+)?(?:(?P<n>" + NUMBER + r")\s+(?P<unit>" + UNIT + r")|(?P<tags>[Tt]ags))\s+"
              r"(?P<dir>zuvor|vorher|davor|früher|später|danach|darauf)" + _END,
    "offset_day": PREP + r"(?P<dir>nächsten|folgenden|selben|gleichen)\s+(?P<unit>Tag|Morgen|Abend)" + _END,
    "set": r"(?<![\w-])(?P<set>(?P<each>Tag|Woche|Monat|Jahr) für (?P=each)|(?:[Jj]ede[nrsm]?|[Aa]lle)\s+(?:(?P<n>" + NUMBER + r")\s+)?(?:(?P<wd>"
           + WEEKDAY + r")|(?P<unit>" + UNIT + r"|Morgen|Abend|Nacht))|(?P<adv>(?:montag|dienstag|"
           r"mittwoch|donnerstag|freitag|samstag|sonntag)s|[Tt]äglich|[Ww]öchentlich|[Mm]onatlich|"
           r"[Jj]ährlich|[Ss]tündlich))" + _END,
    "clock": PREP + r"(?:(?P<approx>ca\.|etwa|kurz\s+(?:nach|vor))\s+)?(?<![\d.,:])(?P<h>[01]?\d|2[0-4])"
             r"(?:(?:[:.](?P<mi>[0-5]\d))?\s+Uhr(?:\s+(?P<mi2>[0-5]\d)(?!\s*(?:Minuten|Sekunden)))?"
             r"|:(?P<mi3>[0-5]\d)(?!\s*(?:Minuten|Sekunden|[:.,]?\d)))"
             r"(?:\s+(?P<ampm>morgens|früh|vormittags|mittags|nachmittags|abends|nachts))?" + _END,
    "rel_part_of_day": PREP + r"(?P<rel>[Vv]ergangene|[Ll]etzte|[Hh]eutige|[Gg]estrige)[nmrs]?\s+"
                       r"(?P<pod>Nacht|Morgen|Vormittag|Mittag|Nachmittag|Abend)" + _END,
    "part_of_day": r"(?P<prep>\b(?:[Aa]m|[Gg]egen|[Ii]n\s+der|[Ii]m\s+Laufe\s+de[sr]|[Vv]or|[Nn]ach|"
                   r"[Zz]ur)\s+)(?P<pod>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|Mitternacht)"
                   + _END,
    "quarter_hour": PREP + r"(?:(?P<approx>" + APPROX + r")\s+)?(?:(?P<n>" + NUMBER + r")\s+|eine\s+(?:gute\s+)?)?"
                    r"(?P<unit>Viertelstunden?|Dreiviertelstunde)" + _END,
    "duration": PREP + r"(?:(?P<approx>" + APPROX + r")\s+)?(?:(?P<rel>" + REL + r")\s+)?(?P<n>"
                + NUMBER + r")\s+(?:(?:weitere|vollen?|ganzen?)\s+)?(?P<unit>" + UNIT + r")"
                r"(?!\s+(?:alt|alte[nmrs]?|älter\w*|jünger\w*)\b)(?:\s+lang\b)?" + _END,
    "vague_duration": PREP + r"(?:(?:(?P<rel>" + REL + r")\s+)?(?P<plural>Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?)|"
                      r"(?P<vague>[Jj]ahrelang|[Mm]onatelang|[Ww]ochenlang|[Tt]agelang|"
                      r"[Ss]tundenlang|[Jj]ahrzehntelang))" + _END,
}
COMPILED = {name: re.compile(pattern) for name, pattern in RULES.items()}

# A year-like number followed by one of these words is a count, not a year ("2016 Menschen").
NOT_YEAR_NEXT = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]+\b")
# ... and one after these is a number of a train, road, line or version ("IC 2083", "Staatsstraße 2082").
NOT_YEAR_PREV = re.compile(r"(?:\b[A-Z]{1,4}|Nr\.|Nummer|[Ll]inie|[Ss]traße|[Zz]ug|[Ff]lug|[Bb]us|Version)\s*$")
# a year-less date after these words, or in a clause with an announcing verb, lies ahead
# ("ab 1. Oktober", "bis einschließlich 29. August", "kündigte für den 18. September … an")
FORWARD_SIGNAL = re.compile(r"(?:\b(?:[Bb]is(?:\s+(?:zu[mr]|einschließlich))?|[Aa]b|[Ff]ür\s+den|[Aa]uf\s+den)\s+(?:\w+\s+)?"
                            r"|\b[Kk]ommenden?\s+(?:\w+\s+){1,2})$")  # "die kommende Bundestagswahl am"
PLANNED_FOR = re.compile(r"\b[Ff]ür\s+$")  # "für Mittwoch": what is planned for a day lies ahead
ANNOUNCING = re.compile(r"\b(?:kündigt\w*|angekündigt|vertagt|verschoben|festgelegt|angesetzt|anberaumt|"
                        r"terminiert|geplant\w*|plant|planen|Termin\w*|Chancen?)\b")
FUTURE_CUES = re.compile(r"\b(?:wird|werden|wirst|soll|sollen|will|wollen|plant|planen|geplant|"
                         r"erwartet|bevorsteh\w*|voraussichtlich)\b")
PAST_CUES = re.compile(r"\b(?:hatte|hatten|hat|haben|war|waren|wurde|wurden|ist\s+\w+\s+worden|"
                       r"sagte|sagten|berichtete|berichteten|erklärte|teilte|teilten|gab|kam|kamen|"
                       r"fand|starb|traf|trafen|empfing|begann|bestätigte|meldete|meldeten|kündigte|"
                       r"forderte|betonte|warnte|stellte|nannte|hieß|ging|stand|lag|sprach|besuchte|"
                       r"verkündete|erreichte|wählte|gewann|verlor|eröffnete|schoss|feuerte|starteten|"
                       r"startete|landete|unterzeichnete|beschloss|entschied|verabschiedete)\b")


def _forms(*stems_and_endings: str) -> set[str]:
    """Spell out "tag|e|en|es" as {tag, tage, tagen, tages}: the stem alone and with each ending."""
    words: set[str] = set()
    for item in stems_and_endings:
        stem, *endings = item.split("|")
        words.update([stem] + [stem + ending for ending in endings])
    return words


# Gates: a rule can only match a sentence that holds one word of each of its trigger sets (lowercased
# whole words, "#" stands for any digit). Every trigger is a word the pattern requires and bounds by
# non-word characters, so a gate never drops a match; it spares the ~30 patterns that each try every
# position of every sentence (each starts with an optional preposition, so the regex engine cannot
# skip ahead).
DIGIT = "#"
_MONTH_WORDS = set(MONTHS)
_UNIT_WORDS = _forms("sekunde|n", "minute|n", "stunde|n", "tag|e|en|es", "woche|n", "monat|e|en|s",
                     "jahr|e|en|es", "jahrzehnt|e|en|s", "jahrhundert|e|en|s")
_POD_WORDS = {"morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"}
_WEEKDAY_WORDS = {day + suffix for day in WEEKDAYS for suffix in ["", "früh", *_POD_WORDS]}
_HOLIDAY_WORDS = {"weihnachtstag", "heiligabend", "weihnachten", "silvester", "neujahr", "neujahrstag",
                  "einheit", "nikolaustag", "valentinstag", "maifeiertag", "karfreitag", "ostern",
                  "ostersonntag", "ostermontag", "himmelfahrt", "pfingsten", "pfingstsonntag",
                  "pfingstmontag"}
_SET_WORDS = ({"für", "alle", "täglich", "wöchentlich", "monatlich", "jährlich", "stündlich"}
              | _forms("jede|n|r|s|m") | {day + "s" for day in WEEKDAYS if day != "sonnabend"})
GATES: dict[str, tuple[frozenset[str], ...]] = {name: tuple(frozenset(words) for words in sets) for name, sets in {
    "date_range": [_MONTH_WORDS, {DIGIT}],
    "date_words": [_MONTH_WORDS, {DIGIT}],
    "date_numeric": [{DIGIT}],
    "date_iso": [{DIGIT}],
    "month_range": [_MONTH_WORDS],
    "month": [_MONTH_WORDS],
    "year_range": [{DIGIT}],
    "year": [{DIGIT}],
    "decade": [{DIGIT}],
    "century": [{DIGIT}, _forms("jahrhundert|s")],
    "season": [_forms("frühjahr|s", "frühling|s", "sommer|s", "herbst|es|s", "winter|s")],
    "quarter": [_forms("quartal|s", "jahreshälfte", "halbjahr|es")],
    "rel_unit": [_forms("wochenende|s", "woche", "monat|s", "quartal|s", "jahr|es", "jahrzehnt|s")],
    "prev_unit": [_forms("vorjahr|es", "vormonat|s", "vorwoche", "vortag|es", "folgetag|es", "folgejahr|es")],
    "night_to": [{"nacht"}, _WEEKDAY_WORDS],
    "pod_date": [_POD_WORDS, {"des", "vom", "von", "zum", "zur", "auf"}],
    "weekday_week": [{"woche"}, _WEEKDAY_WORDS],
    "holiday": [_HOLIDAY_WORDS],
    "weekday": [_WEEKDAY_WORDS],
    "rel_day": [{"heute", "gestern", "vorgestern", "morgen", "übermorgen"}],
    "ago": [{"vor"}, _UNIT_WORDS],
    "later": [{"in"}, _UNIT_WORDS],
    "offset": [{"zuvor", "vorher", "davor", "früher", "später", "danach", "darauf"}],
    "offset_day": [{"nächsten", "folgenden", "selben", "gleichen"}, {"tag", "morgen", "abend"}],
    "set": [_SET_WORDS],
    "clock": [{DIGIT}],
    "rel_part_of_day": [_POD_WORDS],
    "part_of_day": [_POD_WORDS | {"mitternacht"}],
    "quarter_hour": [_forms("viertelstunde|n", "dreiviertelstunde")],
    "duration": [_UNIT_WORDS],
    "vague_duration": [_forms("tag|e|en", "wochen", "monat|e|en", "jahr|e|en", "jahrzehnt|e|en", "jahrelang",
                              "monatelang", "wochenlang", "tagelang", "stundenlang", "jahrzehntelang")],
}.items()}
_WORD = re.compile(r"\w+")
_DIGIT_CHAR = re.compile(r"\d")


def trigger_words(sentence: str) -> set[str]:
    """The lowercased words of a sentence, plus "#" when it holds a digit: what the gates look up."""
    words = set(_WORD.findall(sentence.lower()))
    if _DIGIT_CHAR.search(sentence):
        words.add(DIGIT)
    return words


def open_rules(sentence: str) -> list[str]:
    """The rules whose gates the sentence passes, in grammar order (the others cannot match it)."""
    words = trigger_words(sentence)
    return [name for name, first, second in _GATE_PAIRS
            if not words.isdisjoint(first) and (second is None or not words.isdisjoint(second))]


# GATES as (name, first set, second set or None): no gate has more than two sets
_GATE_PAIRS = [(name, sets[0], sets[1] if len(sets) > 1 else None) for name, sets in GATES.items()]
assert all(len(sets) <= 2 for sets in GATES.values())
