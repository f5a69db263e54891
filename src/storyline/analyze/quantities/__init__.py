"""Quantities: numbers with their unit, or with the noun they count, in German number formats.

"8.000 Kilometer" is 8000 km, "2,5 Millionen Euro" 2500000 EUR, "mehr als zwei Stunden" 2 h and
"zwei ballistische Raketen" a count of 2 (unit None, noun "Raketen"). Years, dates, clock times,
ordinals ("21. Jahrhundert") and digits inside names ("Sojus-2") are not quantities.
"""
from __future__ import annotations

import re

from storyline.model import Article, Quantity

NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
    "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    "hundert": 100, "einhundert": 100, "tausend": 1000, "eintausend": 1000, "zweihundert": 200,
    "dreihundert": 300, "dutzend": 12, "dutzende": 12, "zweitausend": 2000, "anderthalb": 1.5,
    "eineinhalb": 1.5, "zweieinhalb": 2.5,
}
SCALES = {
    "tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billion": 1e12, "billionen": 1e12,
}
# surface form (lower case) -> (normalised unit, factor to the base unit)
UNITS = {
    "kilometer": ("km", 1.0), "kilometern": ("km", 1.0), "km": ("km", 1.0),
    "meter": ("m", 1.0), "metern": ("m", 1.0), "m": ("m", 1.0),
    "zentimeter": ("m", 0.01), "zentimetern": ("m", 0.01), "cm": ("m", 0.01),
    "millimeter": ("m", 0.001), "millimetern": ("m", 0.001), "mm": ("m", 0.001),
    "quadratkilometer": ("km2", 1.0), "quadratkilometern": ("km2", 1.0), "km²": ("km2", 1.0),
    "quadratmeter": ("m2", 1.0), "quadratmetern": ("m2", 1.0), "m²": ("m2", 1.0),
    "hektar": ("ha", 1.0),
    "tonnen": ("t", 1.0), "tonne": ("t", 1.0), "t": ("t", 1.0),
    "kilogramm": ("kg", 1.0), "kilo": ("kg", 1.0), "kg": ("kg", 1.0), "gramm": ("kg", 0.001), "g": ("kg", 0.001),
    "liter": ("l", 1.0), "litern": ("l", 1.0), "l": ("l", 1.0),
    "prozent": ("%", 1.0), "%": ("%", 1.0), "prozentpunkte": ("pp", 1.0), "prozentpunkten": ("pp", 1.0),
    "grad": ("°", 1.0), "°c": ("°C", 1.0),
    "euro": ("EUR", 1.0), "€": ("EUR", 1.0), "eur": ("EUR", 1.0), "cent": ("EUR", 0.01),
    "dollar": ("USD", 1.0), "us-dollar": ("USD", 1.0), "$": ("USD", 1.0), "usd": ("USD", 1.0),
    "franken": ("CHF", 1.0), "rubel": ("RUB", 1.0), "yuan": ("CNY", 1.0), "yen": ("JPY", 1.0),
    "pfund": ("GBP", 1.0), "won": ("KRW", 1.0),
    "sekunde": ("s", 1.0), "sekunden": ("s", 1.0), "minute": ("min", 1.0), "minuten": ("min", 1.0),
    "stunde": ("h", 1.0), "stunden": ("h", 1.0), "tag": ("d", 1.0), "tage": ("d", 1.0),
    "tagen": ("d", 1.0), "woche": ("wk", 1.0), "wochen": ("wk", 1.0), "monat": ("mo", 1.0),
    "monate": ("mo", 1.0), "monaten": ("mo", 1.0), "jahr": ("a", 1.0), "jahre": ("a", 1.0),
    "jahren": ("a", 1.0), "km/h": ("km/h", 1.0), "stundenkilometer": ("km/h", 1.0),
    "megawatt": ("MW", 1.0), "mw": ("MW", 1.0), "kilowatt": ("kW", 1.0), "kw": ("kW", 1.0),
}
HEDGES = r"(?:mehr als|weniger als|über|unter|rund|etwa|circa|ca\.|knapp|fast|fast genau|mindestens|höchstens|bis zu|gut|annähernd)"
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:,\d+)?"  # 8.000, 10 000, 2,5


def longest_first(words) -> str:
    """A regex alternation of the words, longest first, so that "Millionen" wins over "Million"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


WORDS, SCALE, UNIT = longest_first(NUMBER_WORDS), longest_first(SCALES), longest_first(UNITS)
QUANTITY = re.compile(
    rf"(?<![\w.,-])(?:(?P<hedge>{HEDGES})\s+)?(?P<number>{DIGITS}|(?:{WORDS})(?![\w-]))"
    rf"(?:\s+(?P<scale>{SCALE})(?![\w]))?"
    rf"(?:\s*(?P<unit>{UNIT})(?![\w²/-]))?",
    re.IGNORECASE,
)
NOUN = re.compile(r"[ \t\u00a0]*(?:(?!ge[a-zäöüß]+en\b)(?:[a-zäöüß]+(?:e|en|er|es|em))[ \t\u00a0]+){0,2}"
                  r"(?P<noun>[A-ZÄÖÜ][\w-]*\w)")  # on the same line, past adjectives, not participles
# "Die Zahl der Toten … beläuft sich auf 272": the noun the figure counts comes before it
NUMBER_OF = re.compile(r"\b(?:Zahl|Anzahl)\s+der\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}(?P<noun>[A-ZÄÖÜ][\w-]*\w)")
# After "272." a word that starts sentences, not one an ordinal qualifies ("13. September", "21. Jahrhundert")
SENTENCE_START = re.compile(r"\.\s+(?:Es|Er|Sie|Wir|Ich|Man|Die|Der|Das|Dies|Diese|Ein|Eine|Damit|Dabei|Zudem|"
                            r"Außerdem|Doch|Aber|Nun|Dann|Laut|Insgesamt|Bislang|Bisher)\b")
YEAR_CONTEXT = re.compile(r"(?:im Jahr(?:e)?|seit|bis|von|ab|Anfang|Ende|Mitte|Januar|Februar|März|April|Mai|Juni|"
                          r"Juli|August|September|Oktober|November|Dezember|Frühjahr|Sommer|Herbst|Winter)\s*$")


def parse_number(text: str) -> float | None:
    """'8.000' -> 8000, '10 000' -> 10000, '2,5' -> 2.5, 'zwei' -> 2: German grouping and decimal comma."""
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return float(NUMBER_WORDS[lowered])
    try:
        return float(re.sub(r"[.\s]", "", text).replace(",", "."))
    except ValueError:
        return None


def is_not_quantity(match: re.Match, text: str, sentence_end: int | None = None) -> bool:
    """Years, dates, times of day, ordinals and digits inside names look like numbers but count
    nothing: '2016', 'am 13. September', '21. Jahrhundert', '15 Uhr', 'Sojus-2'. A dot that ends
    the sentence ('… beläuft sich auf 272. Es …', also where the splitter took it for an ordinal:
    a pronoun or article follows) makes no ordinal."""
    number, end = match.group("number"), match.end("number")
    following = text[end:end + 6]
    final_dot = (sentence_end is not None and end + 1 == sentence_end) or bool(SENTENCE_START.match(text, end))
    if following.startswith(".") and not match.group("unit") and not final_dot \
            and re.match(r"\.\s*[\wÄÖÜ]", following):
        return True  # ordinal or date: "13. September", "21. Jahrhundert"
    if re.match(r"\s*(?:Uhr|:\d)", following) or re.match(r"[-/:]\w", following):
        return True  # clock time, "Sojus-2-Rakete", "2/3"
    if match.start() > 0 and text[match.start() - 1] in "-/":
        return True
    plain_year = re.fullmatch(r"1[5-9]\d\d|20\d\d", number) and not match.group("unit")
    if plain_year and match.group("hedge") and NOUN.match(text, match.end()):
        return False  # "mehr als 2000 Menschen", "über 2000 Verletzten": a year takes no hedge
    return bool(plain_year and (YEAR_CONTEXT.search(text[:match.start()]) or not match.group("scale")))


def counted_noun(match: re.Match, text: str, limit: int | None = None) -> re.Match | None:
    """The noun a bare number counts, past up to two adjectives: 'zwei ballistische Raketen'
    (within the sentence when `limit` is its end)."""
    return NOUN.match(text, match.end(), len(text) if limit is None else limit)


def noun_before(match: re.Match, text: str, start: int) -> str | None:
    """'Die Zahl der Toten stieg auf 350': the noun of 'Zahl der …' earlier in the sentence."""
    found = list(NUMBER_OF.finditer(text, start, match.start()))
    return found[-1].group("noun") if found else None


def build_quantity(match: re.Match, text: str, sentence: tuple[int, int] | None = None) -> Quantity | None:
    value = parse_number(match.group("number"))
    if value is None:
        return None
    if match.group("scale"):
        value *= SCALES[match.group("scale").lower()]
    start, end, unit = match.start(), match.end(), None
    if match.group("unit"):
        unit, factor = UNITS[match.group("unit").lower()]
        value *= factor
        noun = measured_noun(match, text)
    else:
        counted = counted_noun(match, text, sentence[1] if sentence else None)
        if counted is None and not match.group("scale") and not match.group("number")[0].isdigit():
            return None  # a lone number word ("die zwei") is too vague to report
        noun = counted.group("noun") if counted else None
        end = counted.end() if counted else end  # the span names what is counted
        if noun is None and sentence:
            noun = noun_before(match, text, sentence[0])
    return Quantity(start, end, text[start:end], value, unit, noun)


def measured_noun(match: re.Match, text: str) -> str | None:
    """What a measurement measures when the text says so right after it: '8 Metern Durchmesser'."""
    after = re.match(r"\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)\b(?!\s+(?:von|vom|nach|entfernt))", text[match.end():])
    if after and after.group("noun").lower() not in UNITS and not after.group("noun")[:1].isdigit():
        return after.group("noun") if after.group("noun").endswith(("messer", "länge", "höhe", "breite",
                                                                    "tiefe", "gewicht", "fläche")) else None
    return None


def find_quantities(article: Article) -> list[Quantity]:
    """Every number with its unit or counted noun in the article's content sentences."""
    quantities = []
    for sentence in article.content_sentences() or []:
        for match in QUANTITY.finditer(article.text, sentence.start, sentence.end):
            if is_not_quantity(match, article.text, sentence.end):
                continue
            quantity = build_quantity(match, article.text, (sentence.start, sentence.end))
            if quantity is not None:
                quantities.append(quantity)
    return quantities
