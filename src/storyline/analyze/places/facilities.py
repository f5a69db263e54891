"""Facilities named after a place: 'Flughafen Düsseldorf', 'Hamburger Flughafen', 'Mojave Airport',
'Hauptbahnhof Köln', 'Kernkraftwerk Brunsbüttel', 'Hafen von Varna', 'Kosmodrom Baikonur',
'Justizvollzugsanstalt Landsberg', 'Nato-Stützpunkt Incirlik', 'Universität von Timişoara',
'Jenaer Ernst-Abbe-Stadion'.

A facility name is split into its head and the place it is named after. Airports resolve to the
airfield: an airport whose own name matches ('Schiphol', 'Ben Gurion'), else the IATA airport
nearest the named town (within AIRPORT_KM; Munich's is 29 km out). Other facilities resolve to the
curated entry when there is one, else to the place they are named after with the facility kind
kept. The airports come from `airportsdata` (MIT), packed by scripts/build_gazetteer.py.
"""
from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.analyze.places.index import GAZETTEER_DIR, GazetteerEntry, distance_km

AIRPORT_KM = 45.0
INTERNATIONAL_KM = 15.0  # an international airport a little farther out is still the town's airport
AIRPORT_HEADS = r"(?:Internationalen |internationalen )?(?:Flughafens?|Flugplatz|Flugplatzes|Airport|Verkehrsflughafen)"
OTHER_HEADS = (r"(?:Hauptbahnhofs?|Bahnhofs?|Fernbahnhof|Hafens?|Seehafens?|Kernkraftwerks?|Atomkraftwerks?|AKW|"
               r"Kraftwerks?|Kosmodroms?|Weltraumbahnhofs?|Raumfahrtzentrums?|Justizvollzugsanstalt|JVA|"
               r"Gefängnis(?:ses)?|Haftanstalt|Kaserne|(?:Luftwaffen|Militär|Marine)?[Ss]tützpunkts?|"
               r"(?:Luftwaffen|Militär)basis|Fliegerhorsts?)")
# a building named after the town it stands in, the way a sentence places something there ('studierte
# an der Universität von Timişoara', 'starb in der Herz-Lungen-Klinik Monacos', 'in der Arena Berlin');
# not in the text scan, where such a name is mostly the institution ('die Universität Bonn teilte mit')
BUILDING_HEADS = (r"(?:(?:Technischen |Technische )?Universität|Universitätsklinik(?:ums?)?|Klinik(?:ums?)?|"
                  r"Krankenhaus(?:es)?|Hospital|Stadions?|Arena|Museums?|Zoos?)")
COMPOUND_PREFIX = r"(?:[A-ZÄÖÜ][\w]*-)*"  # 'Nato-Stützpunkt Incirlik', 'Herz-Lungen-Klinik Monacos'
BEFORE = re.compile(rf"^{COMPOUND_PREFIX}(?P<head>{AIRPORT_HEADS}|{OTHER_HEADS}|{BUILDING_HEADS})(?: von| in)? "
                    rf"(?P<place>[A-ZÄÖÜ].*)$")
AFTER = re.compile(r"^(?P<place>[A-ZÄÖÜ].*?)(?: International)? (?P<head>Airport|Hauptbahnhof|Hbf)$")
COMPOUND = re.compile(r"^(?P<place>[A-ZÄÖÜ][\w-]*?)-(?P<head>Flughafen|Airport|Hauptbahnhof|Bahnhof|Hafen|Kernkraftwerk|"
                      r"Atomkraftwerk|Kosmodrom)$")
ADJECTIVE = re.compile(rf"^(?P<place>[A-ZÄÖÜ]\w+er) (?P<head>{AIRPORT_HEADS}|{OTHER_HEADS})$")
# a named yard or plant after its town's adjective: 'Bremerhavener Lloyd Werft', 'Hamburger Blohm Werft'
NAMED_HEADS = r"(?:Werft|Werften|Kraftwerks?|Raffinerie)"
ADJECTIVE_NAMED = re.compile(rf"^(?P<place>[A-ZÄÖÜ]\w+er) (?:[A-ZÄÖÜ][\w-]+ ){{1,2}}(?P<head>{NAMED_HEADS})$")
# the same with the name joined to its head: 'Jenaer Ernst-Abbe-Stadion', 'Bremerhavener Lloyd-Werft',
# 'Osloer Munch-Museum'
JOINED_HEADS = r"(?:Werft|Kraftwerks?|Raffinerie|Stadions?|Arena|Museums?|Klinik(?:ums?)?|Kaserne|Zoos?)"
ADJECTIVE_JOINED = re.compile(rf"^(?P<place>[A-ZÄÖÜ]\w+er) (?:[A-ZÄÖÜ][\w]*-)+(?P<head>{JOINED_HEADS})$")
GENERIC_AIRPORT_WORDS = {"international", "airport", "intl", "regional", "municipal", "county", "executive",
                         "air", "base", "field", "airfield", "national", "domestic", "&", "space", "port"}
NAME_WORD = r"[A-ZÄÖÜ][\w'’-]*(?:/[A-ZÄÖÜ][\w'’-]*)?"  # 'Köln/Bonn': an airport named by two towns
FACILITY_IN_TEXT = re.compile(
    rf"\b(?:(?:{AIRPORT_HEADS}|{OTHER_HEADS})(?: von| in)? {NAME_WORD}(?: (?:am |an der )?{NAME_WORD}){{0,3}}"
    rf"|[A-ZÄÖÜ]\w+er (?:{AIRPORT_HEADS}|{OTHER_HEADS})\b(?: {NAME_WORD})?"
    rf"|(?:{NAME_WORD} ){{1,3}}(?:International )?Airport\b(?: {NAME_WORD}){{0,2}}"
    rf"|{NAME_WORD}-(?:Flughafen|Airport|Hauptbahnhof|Kernkraftwerk|Atomkraftwerk|Kosmodrom)\b"
    rf"|[A-ZÄÖÜ]\w+er (?:[A-ZÄÖÜ][\w-]+ ){{1,2}}{NAMED_HEADS}\b"
    rf"|[A-ZÄÖÜ]\w+er (?:[A-ZÄÖÜ]\w*-)+{JOINED_HEADS}\b)")


@dataclass(frozen=True)
class FacilityName:
    """A facility mention split into what it is and the place it is named after."""

    head: str
    place: str
    airport: bool


def split_facility(text: str) -> FacilityName | None:
    """'Flughafen von Tel Aviv' -> (Flughafen, Tel Aviv); 'Hamburger Flughafen' -> (Flughafen,
    Hamburger); 'Mojave Airport' -> (Airport, Mojave); None for a plain name."""
    text = " ".join(text.split())
    for pattern in (BEFORE, AFTER, COMPOUND, ADJECTIVE, ADJECTIVE_NAMED, ADJECTIVE_JOINED):
        match = pattern.match(text)
        if match:
            head, place = match.group("head"), match.group("place")
            place = re.sub(r"^(?:Executive|Regional|International) Airport ", "", place)
            return FacilityName(head, place, bool(re.search(AIRPORT_HEADS + "$", head)))
    for prefix in ("Executive Airport ", "Regional Airport ", "International Airport "):
        if text.startswith(prefix):
            return FacilityName("Airport", text[len(prefix):], True)
    return None


def town_forms(place: str) -> list[str]:
    """The town a name or a town adjective stands for: 'Hamburger' -> Hamburg, 'Münchner' ->
    München, 'Bremer' -> Bremen, 'Brüsseler' -> Brüssel."""
    if not place.endswith("er") or " " in place:
        return [place]
    stem = place[:-2]
    return [place, stem, stem + "n", place[:-3] + "en", stem + "e"]


@dataclass(frozen=True)
class Airport:
    code: str
    name: str
    lat: float
    lon: float
    country: str
    city: str


@lru_cache(maxsize=1)
def load_airports() -> tuple[Airport, ...]:
    path = GAZETTEER_DIR / "airports.tsv.gz"
    if not path.exists():
        return ()
    rows = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    airports = []
    for row in rows:
        code, name, lat, lon, country, city = row.split("\t")
        airports.append(Airport(code, name, float(lat), float(lon), country, city))
    return tuple(airports)


def name_core(airport: Airport) -> str:
    """The distinctive part of an airport's name: 'Amsterdam Airport Schiphol' -> 'schiphol',
    'Ben Gurion International Airport' -> 'ben gurion'."""
    city_words = set(airport.city.casefold().replace("-", " ").split())
    words = [w for w in re.split(r"[\s/-]+", airport.name.casefold())
             if w and w not in GENERIC_AIRPORT_WORDS and w not in city_words]
    return " ".join(words)


@lru_cache(maxsize=1)
def airports_by_core() -> dict[str, list[Airport]]:
    index: dict[str, list[Airport]] = {}
    for airport in load_airports():
        core = name_core(airport)
        if len(core) >= 4:
            index.setdefault(core, []).append(airport)
    return index


@lru_cache(maxsize=1)
def airports_by_country() -> dict[str, list[Airport]]:
    index: dict[str, list[Airport]] = {}
    for airport in load_airports():
        index.setdefault(airport.country, []).append(airport)
    return index


def airport_entry(airport: Airport, population: int) -> GazetteerEntry:
    return GazetteerEntry(airport.name, airport.lat, airport.lon, airport.country, "S", "AIRP", population,
                          "iata:" + airport.code)


def name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s/-]+", name.casefold().replace(".", "")) if w]


@lru_cache(maxsize=1)
def airports_by_full_name() -> dict[str, list[Airport]]:
    """Airports by their name without generic words, the city's words kept ('chicago o'hare',
    'st louis lambert', 'dallas fort worth'): news names a city's airport by the city and the
    airport's own name, joined by a hyphen."""
    index: dict[str, list[Airport]] = {}
    for airport in load_airports():
        words = [w for w in name_words(airport.name) if w not in GENERIC_AIRPORT_WORDS]
        if len(words) >= 2:
            index.setdefault(" ".join(words), []).append(airport)
    return index


def airport_named(place: str) -> list[GazetteerEntry]:
    """Airports whose own name is the place text ('Schiphol', 'Ben-Gurion', 'Ferihegy'), or the
    city and that name ('Chicago-O'Hare', 'St. Louis-Lambert', 'Dallas-Fort Worth')."""
    key = " ".join(re.split(r"[\s-]+", place.casefold()))
    found = airports_by_core().get(key) or airports_by_full_name().get(" ".join(name_words(place)), ())
    return [airport_entry(a, 1_000_000) for a in found]


@lru_cache(maxsize=8192)
def airport_near(entry: GazetteerEntry) -> GazetteerEntry | None:
    """The airport of a town: within AIRPORT_KM in the town's country, the one that serves the
    town by name first, then the nearest, an international one counted INTERNATIONAL_KM nearer
    (Munich's own airport is 29 km out, Oberpfaffenhofen 24 km; Köln's is 12 km out, Düsseldorf
    International 34 km)."""
    def rank(airport: Airport) -> tuple:
        distance = distance_km(entry.lat, entry.lon, airport.lat, airport.lon)
        international = "international" in airport.name.casefold()
        return (airport.city.casefold() != entry.name.casefold(), distance - INTERNATIONAL_KM * international)

    box = AIRPORT_KM / 111.0  # degrees of latitude; a cheap box before the great-circle distance
    wide = box / max(0.05, math.cos(math.radians(entry.lat)))
    nearby = [a for a in airports_by_country().get(entry.country or "", ())
              if abs(a.lat - entry.lat) <= box and abs(a.lon - entry.lon) <= wide
              and distance_km(entry.lat, entry.lon, a.lat, a.lon) <= AIRPORT_KM]
    return airport_entry(min(nearby, key=rank), entry.population) if nearby else None
