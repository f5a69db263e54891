"""Quantities of an English article: English number formats, scales, units and counted nouns.

German reads "2.000" as two thousand and "2,5" as two and a half; English writes "2,000" and
"2.5", so the German reader would misread every English figure. The figures feed the story's
count slot (`link/counts.py`), where "350 dead" from an English wire meets "350 Tote".
"""
from __future__ import annotations

import re

from storyline.analyze.quantities import longest_first
from storyline.model import Article, Quantity

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a thousand": 1000, "one thousand": 1000, "a dozen": 12, "dozens": 12,
}
SCALES = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "billion": 1e9, "billions": 1e9,
          "bn": 1e9, "trillion": 1e12}
# surface form (lower case) -> (normalised unit, factor to the German reader's base unit)
UNITS = {
    "kilometres": ("km", 1.0), "kilometers": ("km", 1.0), "km": ("km", 1.0), "miles": ("km", 1.609344),
    "mile": ("km", 1.609344), "metres": ("m", 1.0), "meters": ("m", 1.0), "feet": ("m", 0.3048),
    "tonnes": ("t", 1.0), "tons": ("t", 1.0), "kilograms": ("kg", 1.0), "kg": ("kg", 1.0),
    "per cent": ("%", 1.0), "percent": ("%", 1.0), "%": ("%", 1.0), "percentage points": ("pp", 1.0),
    "euros": ("EUR", 1.0), "euro": ("EUR", 1.0), "dollars": ("USD", 1.0), "us dollars": ("USD", 1.0),
    "pounds": ("GBP", 1.0), "francs": ("CHF", 1.0), "roubles": ("RUB", 1.0), "rubles": ("RUB", 1.0),
    "yuan": ("CNY", 1.0), "yen": ("JPY", 1.0),
    "seconds": ("s", 1.0), "minutes": ("min", 1.0), "hours": ("h", 1.0), "days": ("d", 1.0),
    "weeks": ("wk", 1.0), "months": ("mo", 1.0), "years": ("a", 1.0),
    "mph": ("km/h", 1.609344), "km/h": ("km/h", 1.0), "megawatts": ("MW", 1.0), "mw": ("MW", 1.0),
}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP"}
HEDGES = (r"(?:more than|less than|fewer than|over|under|about|around|some|roughly|approximately|nearly|almost|"
          r"at least|at most|up to|close to)")
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 2,000  1,234.5  2.5  350
WORDS, SCALE, UNIT = longest_first(NUMBER_WORDS), longest_first(SCALES), longest_first(UNITS)
QUANTITY = re.compile(
    rf"(?<![\w.,:-])(?:(?P<hedge>{HEDGES})\s+)?(?P<sign>[$€£])?(?P<number>{DIGITS}|(?:{WORDS})(?![\w-]))"
    rf"(?:\s?(?P<scale>{SCALE})(?![\w]))?"
    rf"(?:\s*(?P<unit>{UNIT})(?![\w/-]))?",
    re.IGNORECASE,
)
# the noun a bare figure counts, past up to two adjectives or participles: "350 people", "2,000 injured"
NOUN = re.compile(r"[ \t\u00a0]+(?:(?:[a-z]+-)?[a-z]+[ \t\u00a0]+){0,2}?(?P<noun>dead|injured|wounded|missing|killed|"
                  r"people|men|women|children|[a-zA-Z]+s)\b")
# "The death toll … has risen to 350", "the number of injured rose to 2,000"
NUMBER_OF = re.compile(r"\b(?:(?P<toll>death toll|toll)|number of (?:the )?(?P<noun>dead|injured|wounded|missing|"
                       r"deaths|victims|[a-z]+s))\b", re.IGNORECASE)
YEAR_CONTEXT = re.compile(r"(?:\bin|\bsince|\buntil|\bby|\bfrom|\bJanuary|\bFebruary|\bMarch|\bApril|\bMay|\bJune|"
                          r"\bJuly|\bAugust|\bSeptember|\bOctober|\bNovember|\bDecember|\bof)\s*$")


def parse_number(text: str) -> float | None:
    """'2,000' -> 2000, '2.5' -> 2.5, 'twelve' -> 12: English grouping and decimal point."""
    lowered = " ".join(text.lower().split())
    if lowered in NUMBER_WORDS:
        return float(NUMBER_WORDS[lowered])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def is_not_quantity(match: re.Match, text: str) -> bool:
    """Years, clock times, ordinals, dates and digits inside names count nothing: '2020', '10:30',
    '24th', 'July 24', 'Soyuz-2', 'COVID-19'."""
    number, end = match.group("number"), match.end("number")
    following = text[end:end + 4]
    if re.match(r"(?:st|nd|rd|th)\b|:\d|[-/]\w|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST)", following):
        return True
    if match.start() > 0 and text[match.start() - 1] in "-/":
        return True
    if re.search(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                 r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$", text[:match.start()]):
        return True  # "July 24"
    plain_year = re.fullmatch(r"1[5-9]\d\d|20\d\d", number) and not match.group("unit") and not match.group("sign")
    if plain_year and match.group("hedge") and NOUN.match(text, match.end()):
        return False  # "more than 2000 people": a year takes no hedge
    return bool(plain_year and (YEAR_CONTEXT.search(text[:match.start()]) or not match.group("scale")))


def build_quantity(match: re.Match, text: str, sentence: tuple[int, int]) -> Quantity | None:
    value = parse_number(match.group("number"))
    if value is None:
        return None
    if match.group("scale"):
        if match.group("scale").lower() == "m" and not match.group("sign"):
            return None  # "5 m" is metres or minutes as often as millions
        value *= SCALES[match.group("scale").lower()]
    start, end, unit, noun = match.start(), match.end(), None, None
    if match.group("sign"):
        unit = CURRENCY_SIGNS[match.group("sign")]
    elif match.group("unit"):
        unit, factor = UNITS[match.group("unit").lower()]
        value *= factor
    else:
        counted = NOUN.match(text, match.end(), sentence[1])
        if counted is None and not match.group("scale") and not match.group("number")[0].isdigit():
            return None  # a lone number word ("the two") is too vague to report
        if counted:
            noun, end = counted.group("noun"), counted.end()
        else:
            before = list(NUMBER_OF.finditer(text, sentence[0], match.start()))
            if before:
                noun = "dead" if before[-1].group("toll") else before[-1].group("noun")
    return Quantity(start, end, text[start:end], value, unit, noun)


def find_english_quantities(article: Article) -> list[Quantity]:
    """Every figure with its unit or counted noun in the article's content sentences."""
    quantities = []
    for sentence in article.content_sentences() or []:
        for match in QUANTITY.finditer(article.text, sentence.start, sentence.end):
            if is_not_quantity(match, article.text):
                continue
            quantity = build_quantity(match, article.text, (sentence.start, sentence.end))
            if quantity is not None:
                quantities.append(quantity)
    return quantities
