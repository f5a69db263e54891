"""Names to gazetteer entries: a name as written (with its genitive variants), a facility named
after a place ('Flughafen Düsseldorf', 'Hamburger Flughafen'), a name after a generic head
('Provinz Yala'), the part of an area ('Nordkalifornien'), the town of a district
('Jena-Göschwitz'), the place in a compound
('Nordkorea-Reise'), and the towns of an airport list ('an den Flughäfen München und Hamburg').
`geocode` ranks the entries in the article's context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from storyline.analyze.places.compass import compass_entries
from storyline.analyze.places.facilities import (FACILITY_IN_TEXT, airport_named, airport_near, split_facility,
                                                 town_forms)
from storyline.analyze.places.index import GazetteerEntry, distance_km, lookup_all, lookup_major
from storyline.analyze.places.kinds import COMPOUND_TAILS, entry_kind, mention_head_kind
from storyline.analyze.places.transliteration import english_forms
from storyline.analyze.word_lists import load_common_nouns
from storyline.model import Article

# an airport of a list: a town ('Frankfurt am Main', 'St. Louis'), maybe with the airport's own
# name after a hyphen ('Chicago-O'Hare'); a second word only where the item ends ('Dallas-Fort Worth,')
AIRPORT_ITEM = re.compile(r"(?:St\. )?[A-ZÄÖÜ][\w'’]*(?:[-/](?:St\. )?[A-ZÄÖÜ][\w'’]*)*(?: [A-ZÄÖÜ][\w'’]*(?=,| und | sowie |\s*[.;:)]))?"
                          r"(?: am [A-ZÄÖÜ]\w*)?")
AIRPORT_LIST = re.compile(rf"\bFlughäfen(?: in| von)? ((?:{AIRPORT_ITEM.pattern})(?:(?:, | und | sowie )"
                          rf"(?:{AIRPORT_ITEM.pattern}))*)")
FACILITY_WORDS = ("lughafen", "Airport", "lugplatz", "ahnhof", "afen", "raftwerk", "AKW", "osmodrom", "aumfahrt",
                  "Werft", "Raffinerie", "efängnis", "JVA", "anstalt", "aserne", "tützpunkt", "basis", "liegerhorst",
                  "tadion", "rena", "useum", "linik", "Zoo")
ENGLISH_FORM = "english-form:"  # source prefix of an entry found by an English spelling
MIN_LETTERS = 3  # 'Un' of 'Kim Jong Un' is also a town in India
GENERIC_HEADS = {"Flughafen", "Provinz", "Region", "Kreis", "Landkreis", "Bezirk", "Stadt", "Stadtteil",
                 "Hauptstadt", "Bundesstaat", "Bundesland", "Insel", "Gemeinde", "Kanton", "Distrikt"}


@dataclass
class Candidate:
    """A text span that may name a place, with every gazetteer entry it could mean; `trust` < 1
    when the entries belong to part of the span (the town of a district)."""

    start: int
    end: int
    text: str
    entries: list[GazetteerEntry]
    from_mention: bool
    trust: float = 1.0
    kind: str | None = None  # what a head word says it is ('Provinz', 'Insel', 'Flughafen')


def name_variants(text: str) -> list[str]:
    """The forms to look up: as written, then without a genitive ending ('Russlands', 'Moskaus',
    'Rheines') or a trailing apostrophe ('Rheinland-Pfalz'')."""
    text = " ".join(text.split()).strip("'’")
    variants = [text]
    if text.endswith("es") and len(text) > 5:
        variants.append(text[:-2])
    if text.endswith("s") and len(text) > 4:
        variants.append(text[:-1])
    first, space, rest = text.partition(" ")
    if space and WEAK_ADJECTIVE.fullmatch(first):  # 'das Schwarze Meer', 'der Persische Golf'
        variants += [f"{first}s {rest}", f"{first}r {rest}"]
    return variants


WEAK_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:ische|liche|e)")


def lookup_name(text: str, villages: bool) -> list[GazetteerEntry]:
    """The first variant the gazetteer knows; villages only for spans NER has called a place."""
    return list(lookup_cached(text, villages))


@lru_cache(maxsize=65536)
def lookup_cached(text: str, villages: bool) -> tuple[GazetteerEntry, ...]:
    """`lookup_name` remembered per process: the text scan asks for the same capitalised words in
    article after article (45,000 lookups per 300 articles), and the gazetteer never changes."""
    variants = name_variants(text)
    for variant in variants:
        entries = lookup_all(variant) if villages else lookup_major(variant)
        if entries:
            return tuple(entries)
    for variant in variants:  # 'Nordkalifornien', 'Süd-Floridas': the part of an area
        entries = compass_entries(variant, lambda word: word.lower() in load_common_nouns())
        if entries:
            return tuple(entries)
    return ()


@lru_cache(maxsize=65536)
def is_major_name(text: str) -> bool:
    """Whether the major tier knows exactly this name (remembered like `lookup_cached`)."""
    return bool(lookup_major(text))


def lookup_mention(text: str) -> tuple[list[GazetteerEntry], float, str | None]:
    """A mention's entries, how far they can be trusted and the kind its words give it: the name
    itself ('Kernkraftwerk Krümmel' is curated), else a facility named after a place ('Flughafen
    Düsseldorf'), else the name after a generic head ('Provinz Yala'), else its English spelling
    ('Ghadschar' is Ghajar), else the town of a district ('Jena-Göschwitz')."""
    entries = lookup_name(text, villages=True)
    if entries:
        return entries, 1.0, None
    facility = split_facility(text)
    if facility:
        entries = facility_entries(facility.head, facility.place, facility.airport)
        if entries:
            return entries, 0.9, "facility"
    head, _, rest = text.partition(" ")
    kind = mention_head_kind(text)
    if (head in GENERIC_HEADS or kind) and rest:
        entries, trust, _ = lookup_mention(rest)  # 'Kreis Trier-Saarburg': the district rule on the rest
        if entries:
            return entries, 0.8 * trust, kind
    entries = linked_town_entries(text)
    if entries:
        return entries, 0.8, None
    for form in english_forms(text):  # 'Ghadschar' is Ghajar
        entries = lookup_name(form, villages=True)
        if entries:  # marked: such a guess stands only in a country the article is about
            return [replace(e, source=ENGLISH_FORM + e.source) for e in entries], 0.8, None
    name, _, tail = text.rpartition("-")
    if COMPOUND_TAILS.get(tail) and len(name) >= MIN_LETTERS:  # 'Tigray-Region', 'Awash-Fluss'
        kind = COMPOUND_TAILS[tail]
        entries = [e for e in lookup_name(name, villages=False) if entry_kind(e.fclass, e.fcode) in (kind, "region")]
        if entries:
            return entries, 0.9, kind
    if SITE_HEAD.search(text):  # 'Green-Point-Stadion' is no town called Green: see site_entries
        return [], 0.0, "facility"
    town = text.split("-")[0]
    if "-" in text and len(town) >= MIN_LETTERS:
        return [e for e in lookup_name(town, villages=True) if e.fclass == "P"], 0.5, None
    return [], 0.0, None


# a named site that carries no town in its name: 'Green-Point-Stadion', 'Ellis Park', 'Allianz Arena'
SITE_HEAD = re.compile(r"(?:^|[\s-])(?:Stadion|Stadions|Arena|Park|Parks|Stadium)$|"
                       r"^(?:[A-ZÄÖÜ][\w-]*)(?:stadion|stadions|arena|park|parks)$")
LOCATED_IN = re.compile(r"\s(?:in|von|bei|im) (?P<town>[A-ZÄÖÜ][\w-]+(?: (?:am|an der) [A-ZÄÖÜ][\w-]+)?)")


TOWN_ADJECTIVE_BEFORE = re.compile(r"\b(?P<town>[A-ZÄÖÜ]\w+er) $")


def site_entries(text: str, end: int, start: int | None = None) -> list[GazetteerEntry]:
    """The town a named site without a town in its name is said to be in, right after it:
    'im Green-Point-Stadion in Kapstadt', 'im Olympiapark von München'; or (given its `start`)
    by the town's adjective before it: 'im Jenaer Ernst-Abbe-Stadion'. Only towns: a site's
    point is the town's within the facility tolerance."""
    match = LOCATED_IN.match(text, end)
    if match:
        return [e for e in lookup_name(match["town"], villages=True) if e.fclass == "P"]
    before = TOWN_ADJECTIVE_BEFORE.search(text, max(0, (start or 0) - 30), start) if start else None
    if not before:
        return []
    forms = town_forms(before["town"])[1:]  # the town ('Münchner' -> München), a major one only
    return next(([e for e in found if e.fclass == "P"] for form in forms
                 if (found := lookup_name(form, villages=False)) and any(e.fclass == "P" for e in found)), [])


LINKED_TOWN = re.compile(r"(?P<town>[A-ZÄÖÜ][\w-]{2,})(?:/| (?:am|an der|an den|im|in der|ob der|bei) )"
                         r"(?P<tail>[A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)?)")
LINKED_TOWN_KM = 150.0
HOME = ("DE", "AT", "CH")


def linked_town_entries(text: str) -> list[GazetteerEntry]:
    """A town written with the water or area it lies on that the gazetteer lacks in that form:
    'Frankfurt/Main', 'Frankfurt/Oder', 'Kochel am See', 'Neustadt an der Orla'. The town of that
    name nearest the named water or area, within 150 km of it; after a common noun ('am See', 'im
    Wald'), or a tail the gazetteer does not know, the towns of that name in a German-speaking
    country only."""
    match = LINKED_TOWN.fullmatch(" ".join(text.split()))
    if not match:
        return []
    towns = [e for e in lookup_name(match["town"], villages=True) if e.fclass == "P"]
    tail = match["tail"]
    anchors = [] if tail.lower() in load_common_nouns() else lookup_name(tail, villages=False)
    if not anchors:
        return [e for e in towns if e.country in HOME]
    ranked = sorted((min(distance_km(e.lat, e.lon, a.lat, a.lon) for a in anchors), i) for i, e in enumerate(towns))
    return [towns[ranked[0][1]]] if ranked and ranked[0][0] <= LINKED_TOWN_KM else []


def facility_entries(head: str, place: str, airport: bool) -> list[GazetteerEntry]:
    """What a facility named after `place` may be: for an airport, the airport of that name or the
    one nearest each town of that name; else (or with no airport near) the town itself. A region
    or country is no facility's point: 'Universität von Illinois' stays unresolved."""
    named = [] if airport else lookup_name(f"{head.rstrip('s')} {place}", villages=False)
    if named:
        return named
    forms = town_forms(place) + ([place.split()[0]] if " " in place else [])  # 'Wien Praterstern'
    towns = next((found for form in forms if (found := lookup_name(form, villages=True))), [])
    if not airport:
        return [e for e in towns if e.fclass in ("P", "S")]
    # a town first: 'Frankfurt' is also the distinctive word of 'Frankfurt-Hahn Airport'
    found = [airport_near(town) or town for town in towns] or airport_named(place)
    first = re.split(r"[/-]", place)[0]
    if found or first == place or len(first) < MIN_LETTERS:
        return found
    # an airport named by the two towns it serves ('Köln/Bonn', 'Minneapolis-St. Paul'): the first town's
    return [airport for town in lookup_name(first, villages=False) if (airport := airport_near(town))]


INDEFINITE_BEFORE = re.compile(r"\b(?:ein|eine|einem|einen|einer|eines)\s+$")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def candidates_from_facilities(article: Article) -> list[Candidate]:
    """Facility names in the text ('Flughafen Düsseldorf', 'Hamburger Flughafen', 'Mojave Airport'):
    NER often tags only the town, and the town is not the airfield. A match is shortened word by
    word from the end until it names something ('Flughafen Toronto' of 'Flughafen Toronto Pearson')."""
    found = sites_in_text(article) + airport_list_candidates(article)
    if not any(word in article.text for word in FACILITY_WORDS):  # most articles name none: skip the regex
        return found
    for match in FACILITY_IN_TEXT.finditer(article.text):
        if INDEFINITE_BEFORE.search(article.text, max(0, match.start() - 8), match.start()):
            continue  # 'aus einem Gefängnis in Brazzaville': any prison there, the town stays a town
        words = list(re.finditer(r"\S+", match.group()))
        for last in range(len(words) - 1, -1, -1):
            end = match.start() + words[last].end()
            text = article.text[match.start():end]
            entries, trust, kind = lookup_mention(text)
            if entries and (kind == "facility" or any(e.fclass == "S" for e in entries)):
                found.append(Candidate(match.start(), end, text, entries, True, trust, "facility"))
                break
    return found


SITE_IN_TEXT = re.compile(r"\b(?:[A-ZÄÖÜ][\w]*(?:-[\w]+)*-(?:Stadion|Arena|Park)|[A-ZÄÖÜ]\w+(?:stadion|arena|park)"
                          r"|(?:[A-ZÄÖÜ][\w-]+ ){1,2}(?:Stadion|Arena|Park|Stadium))(?= (?:in|von|bei|im) [A-ZÄÖÜ])")
SITE_WORDS = ("tadion", "rena", "ark ", "Stadium")


def is_noun(word: str) -> bool:
    from storyline.analyze.places.geocode import is_common_noun  # the Wiktionary noun forms

    return is_common_noun(word) or word.lower() in load_common_nouns()


def sites_in_text(article: Article) -> list[Candidate]:
    """A named site the text places in a town ('im Green-Point-Stadion in Kapstadt', 'im Ellis
    Park von Johannesburg'): NER seldom tags such names, and their first part is no town. A common
    noun ('im Stadtpark von Celle') is no name."""
    if not any(word in article.text for word in SITE_WORDS):
        return []
    found = []
    for match in SITE_IN_TEXT.finditer(article.text):
        text = match.group()
        if is_noun(text) or is_noun(text.split()[0]):
            continue
        entries = site_entries(article.text, match.end())
        if entries:
            found.append(Candidate(match.start(), match.end(), text, entries, True, 0.8, "facility"))
    return found


def compound_candidate(article: Article, word: re.Match) -> Candidate | None:
    """The place in a compound ('Nordkorea-Reise', 'Moskau-Besuchs', 'Awash-Fluss')."""
    name, _, tail = word.group().rpartition("-")
    if tail not in COMPOUND_TAILS or len(name) < MIN_LETTERS or not is_capitalised(name):
        return None
    entries = lookup_cached(name, False)
    if not entries or (name.lower() in load_common_nouns() and not any(e.fclass != "P" for e in entries)):
        return None
    return Candidate(word.start(), word.start() + len(name), name, list(entries), False, 0.9, COMPOUND_TAILS[tail])


def airport_list_spans(article: Article) -> list[tuple[int, int]]:
    """Where a list of airports named by their towns runs: 'an den Flughäfen Frankfurt am Main,
    München und Köln-Bonn' (each town then stands for its airport)."""
    if "Flughäfen" not in article.text:
        return []
    return [(m.start(1), m.end(1)) for m in AIRPORT_LIST.finditer(article.text)]


def airport_list_candidates(article: Article) -> list[Candidate]:
    """Each airport of a list after 'Flughäfen' ('auf den Flughäfen von Dallas-Fort Worth, St.
    Louis-Lambert und Chicago-O'Hare'): NER splits or misses such names ('Worth' alone would be
    Wörth am Rhein), and each stands for an airport."""
    found = []
    for start, end in airport_list_spans(article):
        for item in AIRPORT_ITEM.finditer(article.text, start, end):
            entries = [e for e in facility_entries("Flughafen", item.group(), airport=True) if e.fclass == "S"]
            if entries:
                found.append(Candidate(item.start(), item.end(), item.group(), entries, True, 0.9, "facility"))
    return found


def as_airport(candidate: Candidate, spans: list[tuple[int, int]]) -> Candidate:
    """A town in a list after 'Flughäfen' becomes the airport that serves it."""
    if not any(start <= candidate.start and candidate.end <= end for start, end in spans):
        return candidate
    entries = facility_entries("Flughafen", candidate.text, airport=True)
    if not entries:
        return candidate
    return Candidate(candidate.start, candidate.end, candidate.text, entries, candidate.from_mention,
                     candidate.trust, "facility")
