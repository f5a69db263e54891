"""The kind of a place (country, region, city, water, island, mountain, facility) and the words
around a name that tell it: 'Provinz Kandahar' is the province, 'Insel Kythira' the island,
'Flughafen Bremen' the airport, where the bare name would be the town.

Kinds come from the gazetteer's GeoNames feature class and code; a head word before the name
overrides them when the gazetteer only knows the town ('Landkreis Heilbronn' is a region whose
point is its chief town).
"""
from __future__ import annotations

import re

KINDS = ("country", "region", "city", "water", "island", "mountain", "facility")
ISLAND_CODES = {"ISL", "ISLS", "ATOL", "ISLET"}
COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR"}

REGION_HEAD = re.compile(
    r"(?:(?:US-)?Bundes(?:staat|staats|staates|land|landes)|Provinz|Provinzen|Region|Kanton|Kantons|Landkreis|"
    r"Landkreises|Kreis|Kreises|Präfektur|Präfekturen|Oblast|Gebiet|Departement|Département|Distrikt|Bezirk|"
    r"Regierungsbezirk|Grafschaft|Republik|Teilrepublik|Föderationskreis|Emirat|Gouvernement|Halbinsel)$")
ISLAND_HEAD = re.compile(r"(?:\w*insel|\w*inseln|Atoll|Eiland)$", re.IGNORECASE)
MOUNTAIN_HEAD = re.compile(r"(?:Berg|Berges|Vulkan|Vulkans|Massiv)$")
# 'Nordkorea-Reise', 'Moskau-Besuch', 'Awash-Fluss': the place before the hyphen, and its kind
COMPOUND_TAILS = {"Reise": None, "Reisen": None, "Besuch": None, "Besuchs": None, "Besuches": None, "Visite": None,
                  "Aufenthalt": None, "Aufenthalts": None, "Urlaub": None, "Gipfel": None, "Gipfels": None,
                  "Treffen": None, "Konferenz": None, "Trip": None, "Tour": None, "Flug": None, "Fluss": "water",
                  "Flusses": "water", "Region": "region", "Gebiet": "region", "Gebiets": "region", "Küste": "region"}
HEAD_BEFORE = re.compile(r"([\w-]+)\s+$")


def entry_kind(fclass: str | None, fcode: str | None) -> str:
    """A gazetteer entry's kind from its GeoNames feature class and code."""
    if fcode in COUNTRY_CODES:
        return "country"
    if fclass == "P":
        return "city"
    if fclass == "H":
        return "water"
    if fclass == "S":
        return "facility"
    if fclass == "T":
        return "island" if fcode in ISLAND_CODES else "region" if fcode == "PEN" else "mountain"
    return "region"


def head_kind(text: str, start: int) -> str | None:
    """The kind a head word right before a name gives it ('im US-Bundesstaat Florida',
    'auf der Insel Jolo', 'am 1881 m hohen Berg'), or None."""
    match = HEAD_BEFORE.search(text, max(0, start - 40), start)
    if not match:
        return None
    word = match.group(1)
    if REGION_HEAD.search(word):
        return "region"
    if ISLAND_HEAD.search(word):
        return "island"
    if MOUNTAIN_HEAD.search(word):
        return "mountain"
    return None


def mention_head_kind(text: str) -> str | None:
    """The kind a head word inside a mention gives it ('Provinz Yala', 'Insel Jolo')."""
    head, _, rest = text.partition(" ")
    if not rest:
        return None
    return head_kind(head + " ", len(head) + 1)
