"""The shipped gazetteer, loaded once per process: exact alias -> candidate places.

Built by scripts/build_gazetteer.py. Major places (countries, regions, waters, towns >= 15,000) load at
once; the 200,000 small villages load on the first lookup that needs them, so that a text scan, which
only ever uses major places, starts in a fraction of a second.
"""
from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GAZETTEER_DIR = Path(__file__).resolve().parents[1] / "models" / "gazetteer"


@dataclass(frozen=True)
class GazetteerEntry:
    """One place of the gazetteer; `source` is a GeoNames id or 'curated'."""

    name: str
    lat: float
    lon: float
    country: str | None
    fclass: str
    fcode: str
    population: int
    source: str


def parse_line(line: str) -> GazetteerEntry:
    name, lat, lon, country, fclass, fcode, population, source, _ = line.split("\t")
    return GazetteerEntry(name, float(lat), float(lon), country or None, fclass, fcode,
                          int(population), source)


class GazetteerTier:
    """One gazetteer file: raw lines plus a casefolded alias -> line numbers index. Lines are parsed
    only when looked up: building 200,000 objects up front would cost a second at start-up."""

    def __init__(self, path: Path):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            self.lines = handle.read().split("\n")[:-1]
        self.index: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines):
            name, aliases = line[: line.index("\t")], line[line.rindex("\t") + 1:]
            self.index.setdefault(name.casefold(), []).append(number)
            for alias in aliases.split("|") if aliases else ():
                self.index.setdefault(alias.casefold(), []).append(number)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        return [self.entry(number) for number in self.index.get(name.casefold(), ())]

    @lru_cache(maxsize=4096)
    def entry(self, number: int) -> GazetteerEntry:
        return parse_line(self.lines[number])


@lru_cache(maxsize=1)
def major_tier() -> GazetteerTier:
    return GazetteerTier(GAZETTEER_DIR / "places_major.tsv.gz")


@lru_cache(maxsize=1)
def minor_tier() -> GazetteerTier:
    return GazetteerTier(GAZETTEER_DIR / "places_minor.tsv.gz")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Capitalised words that name a place somewhere but are mostly common nouns in German text."""
    text = (GAZETTEER_DIR / "stoplist.txt").read_text(encoding="utf-8")
    return frozenset(word for word in text.split() if word)


def lookup_major(name: str) -> list[GazetteerEntry]:
    """Countries, regions, waters and towns >= 15,000 with exactly this name (any case)."""
    return major_tier().lookup(name)


def lookup_all(name: str) -> list[GazetteerEntry]:
    """Every place with exactly this name, villages included."""
    return major_tier().lookup(name) + minor_tier().lookup(name)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))
