"""The count slot: the same counted thing across a story's articles ("233 Tote" → "350 Tote").

Each article's quantities without a unit (`AnalyzedArticle.quantities`, noun = what is counted) become
statements keyed by what they count. People counted with a verb of dying or injury ("233 Menschen
starben", "2000 Menschen wurden verletzt") count the dead or the injured. Two statements speak of the
same thing when they count the same noun at the same places (the specific places of their sentence:
"392 Flüge am Airport in Frankfurt" is not the airline's total) and, unless both are running totals
(death tolls, "bislang", "gestiegen"), for the same day (the day the sentence names, else the report's
date): "930 Flüge für Mittwoch" and "941 Flüge an diesem Freitag" are two days of one strike.

Across articles: equal figures, or an approximate one ("fast 900", "rund", "über") within 10 % of the
other, agree; a higher figure from a later report supersedes the lower ones (a rising toll); other
differences conflict (different figures of the same day, or a later report with a lower figure).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storyline.model import AnalyzedArticle, Quantity

DEAD = {"tote", "todesopfer", "menschenleben"}
INJURED = {"verletzte", "schwerverletzte", "leichtverletzte"}
PEOPLE = {"menschen", "personen", "leute", "einwohner", "bewohner", "kinder", "passagiere", "insassen"}
PEOPLE_FATE = (("Tote", re.compile(r"\b(?:starben|sterben|gestorben|getötet|ums Leben|das Leben|tot\b|"
                                   r"umgekommen|ertrunken|verstorben|verunglückt)")),
               ("Verletzte", re.compile(r"\b(?:verletzt|verwundet)")),
               ("Vermisste", re.compile(r"\bvermisst")))
# English wires count the same things: their nouns meet the German keys ("350 dead" and "350 Tote")
ENGLISH_DEAD = {"dead", "deaths", "killed", "fatalities"}
ENGLISH_INJURED = {"injured", "wounded"}
ENGLISH_PEOPLE = {"people", "persons", "residents", "children", "passengers", "victims"}
ENGLISH_FATE = (("Tote", re.compile(r"\b(?:died|die|killed|dead|lost their lives|perished|drowned)\b")),
                ("Verletzte", re.compile(r"\b(?:injured|wounded|hurt)\b")),
                ("Vermisste", re.compile(r"\bmissing\b")))
ENGLISH_NOUNS = {"flights": "Flüge", "passengers": "Passagiere", "people": "Menschen", "soldiers": "Soldaten",
                 "jobs": "Arbeitsplätze", "employees": "Beschäftigte", "homes": "Häuser", "houses": "Häuser"}
RUNNING = re.compile(r"\b(?:bislang|bisher|inzwischen|mittlerweile|gestiegen|stieg|steigt|Zahl der|"
                     r"Opferzahl|Zahl de[rs] Opfer|so far|risen|rose|rising|death toll|number of)\b")
APPROXIMATE = re.compile(r"^(mehr als|weniger als|über|unter|rund|etwa|circa|ca\.|knapp|fast|mindestens|"
                         r"höchstens|bis zu|gut|annähernd|more than|fewer than|less than|over|under|about|"
                         r"around|some|roughly|approximately|nearly|almost|at least|at most|up to|close to)\s",
                         re.IGNORECASE)
AGENCY = r"(?:dpa|AFP|Reuters|AP|dts|rtr|KNA|epd|sid|APA)"
# "Frankfurt/Main (dpa) -", "dpa Quito.", "Quito.": where the report was written, not where the figure applies
DATELINE = re.compile(rf"^(?:.{{0,60}}?\({AGENCY}\b[^)]*\)\s*[-–:]?|(?:(?:Von\s+)?{AGENCY}\s+)?"
                      rf"[A-ZÄÖÜ][\w-]*(?:[/ ][A-ZÄÖÜ][\w-]*)?\.\s)")
SPECIFIC = {"P", "S"}
LIST_JOIN = re.compile(r"\s*(?:,|/|,?\s+(?:und|sowie|oder)\s+)\s*")
CLOSE = 0.10  # an approximate figure agrees with one at most 10 % away
MAX_FACTS = 6


@dataclass
class Count:
    counted: str      # normalised key of what is counted
    noun: str         # how the text names it
    value: float
    approximate: str  # "fast", "rund", … or ""
    article: str
    sentence: str
    date: str | None  # the report's date
    day: str | None   # the day the figure is for
    places: frozenset[str]
    running: bool


def count_statements(analyzed: AnalyzedArticle) -> list[Count]:
    """The article's counts of things (no unit, a noun, a figure of at least 2)."""
    article, found = analyzed.article, []
    for quantity in analyzed.quantities:
        if quantity.unit or not quantity.noun or not quantity.value or quantity.value < 2:
            continue
        sentence = next((s for s in article.sentences if s.start <= quantity.start < s.end), None)
        if sentence is None:
            continue
        text = article.text[sentence.start:sentence.end]
        counted, noun = counted_key(quantity.noun, text)
        hedge = APPROXIMATE.match(quantity.text)
        found.append(Count(counted, noun, quantity.value, hedge.group(1).lower() if hedge else "", article.id,
                           text, article.date.value if article.date else None,
                           day_of(analyzed, sentence.start, sentence.end, quantity),
                           places_of(analyzed, sentence.start, sentence.end, quantity),
                           counted in ("tote", "verletzte", "vermisste") or bool(RUNNING.search(text))))
    return found


def counted_key(noun: str, sentence: str) -> tuple[str, str]:
    """('tote', 'Tote') for 'Toten', 'Todesopfer', '233 Menschen starben' and '350 dead'; else the
    noun's stem (an English noun the German one it counts, where known)."""
    word = noun.lower()
    if word in ENGLISH_DEAD:
        return "tote", "Tote"
    if word in ENGLISH_INJURED:
        return "verletzte", "Verletzte"
    if word == "missing":
        return "vermisste", "Vermisste"
    if word in ENGLISH_PEOPLE:
        for name, verb in ENGLISH_FATE:
            if verb.search(sentence):
                return name.lower(), name
    if word in ENGLISH_NOUNS:
        return stem(ENGLISH_NOUNS[word]), noun
    key = stem(noun)
    if key in DEAD:
        return "tote", "Tote"
    if key in INJURED:
        return "verletzte", "Verletzte"
    if key in PEOPLE:
        for name, verb in PEOPLE_FATE:
            if verb.search(sentence):
                return name.lower(), name
    return key, noun


def stem(noun: str) -> str:
    """Lower case without the dative plural -n: 'Flügen' and 'Flüge', 'Toten' and 'Tote' meet."""
    word = noun.lower()
    if len(word) > 4 and word.endswith(("en", "rn")) and not word.endswith(("chen", "ssen")):
        word = word[:-1]
    return word


def day_of(analyzed: AnalyzedArticle, start: int, end: int, quantity: Quantity) -> str | None:
    """The day the sentence names nearest the figure ('für Mittwoch 930 Flüge'), else the report's date."""
    days = [t for t in analyzed.times if start <= t.start < end and t.value and re.match(r"\d{4}-\d\d-\d\d", t.value)]
    if days:
        nearest = min(days, key=lambda t: abs(t.start - quantity.start))
        return nearest.value[:10]
    date = analyzed.article.date
    return date.value if date else None


def places_of(analyzed: AnalyzedArticle, start: int, end: int, quantity: Quantity) -> frozenset[str]:
    """The towns and sites named on the figure's line of the sentence, after a dateline: where the
    figure applies (a sentence of page text may run over a headline and a dateline). Places that
    list what is counted ('an den sechs Flughäfen München, Frankfurt und …') restrict nothing."""
    text = analyzed.article.text
    start = max(start, text.rfind("\n", start, quantity.start) + 1)
    end = min(end, text.find("\n", quantity.start, end) if "\n" in text[quantity.start:end] else end)
    dateline = DATELINE.match(text, start, end)
    skip = dateline.end() if dateline else start
    places = sorted((p for p in analyzed.places if skip <= p.start < end), key=lambda p: p.start)
    enumerated, cursor, joiner = set(), quantity.end, re.compile(r"\s+")
    for place in places:  # unresolved ones too: 'Köln/Bonn' does not end the list
        if place.start >= cursor and joiner.fullmatch(text, cursor, place.start):
            enumerated.add(id(place))
            cursor, joiner = place.end, LIST_JOIN
    return frozenset(p.name for p in places if id(p) not in enumerated
                     and p.lat is not None and p.feature_class in SPECIFIC and p.name)


def comparable_key(count: Count) -> tuple:
    return (count.counted, count.places, "running" if count.running else count.day)


def compatible(a: Count, b: Count) -> bool:
    if a.value == b.value:
        return True
    return bool(a.approximate or b.approximate) and abs(a.value - b.value) <= CLOSE * max(a.value, b.value)


def per_article(counts: list[Count]) -> list[Count]:
    """One figure per article: its most repeated, the highest on a tie (a report that gives the old and
    the new toll ends on the new one)."""
    chosen = []
    for article in dict.fromkeys(c.article for c in counts):
        own = [c for c in counts if c.article == article]
        tally = Counter(c.value for c in own)
        best = max(own, key=lambda c: (tally[c.value], c.value, not c.approximate))
        chosen.append(best)
    return chosen


def clusters_of(counts: list[Count]) -> list[list[Count]]:
    """Figures that agree, exact ones first so that an approximate one joins the figure it approximates."""
    clusters: list[list[Count]] = []
    for count in sorted(counts, key=lambda c: bool(c.approximate)):
        cluster = next((c for c in clusters if compatible(c[0], count)), None)
        cluster.append(count) if cluster else clusters.append([count])
    return clusters


def status_of(clusters: list[list[Count]]) -> str:
    """Superseded when the highest figure comes from the latest report(s) and some lower figure from an
    earlier one; conflicting otherwise (same-day differences, a later lower figure)."""
    if len(clusters) == 1:
        return "agreed"
    top = max(clusters, key=lambda c: max(x.value for x in c))
    top_first, top_last = min(_dates(top)), max(_dates(top))
    others = [c for c in clusters if c is not top]
    if all(max(_dates(c)) <= top_last for c in others) and any(min(_dates(c)) < top_first for c in others):
        return "superseded"
    return "conflicting"


def _dates(cluster: list[Count]) -> list[str]:
    return [c.date or "" for c in cluster]


def label(count: Count) -> str:
    number = f"{count.value:,.0f}".replace(",", ".") if count.value == int(count.value) else f"{count.value:g}"
    return " ".join(part for part in (count.approximate, number, count.noun) if part)


def compare_counts(members: list[AnalyzedArticle]) -> list[dict]:
    """Count facts for the figures two or more articles give for the same thing."""
    groups: dict[tuple, list[Count]] = {}
    for analyzed in members:
        for count in count_statements(analyzed):
            groups.setdefault(comparable_key(count), []).append(count)
    facts = []
    for counts in groups.values():
        chosen = per_article(counts)
        if len(chosen) < 2:
            continue
        clusters = clusters_of(chosen)
        status = status_of(clusters)
        ordered = sorted(chosen, key=lambda c: (c.date or "", c.value))
        facts.append({"slot": "count", "status": status, "counted": _display(chosen),
                      "values": [{"value": label(c), "article": c.article, "sentence": c.sentence, "date": c.date,
                                  "number": c.value, "approximate": c.approximate or None} for c in ordered]})
    rank = {"conflicting": 0, "superseded": 0, "agreed": 1}
    facts.sort(key=lambda f: (rank[f["status"]], -len(f["values"])))
    return facts[:MAX_FACTS]


def _display(counts: list[Count]) -> str:
    return Counter(c.noun for c in counts).most_common(1)[0][0]
