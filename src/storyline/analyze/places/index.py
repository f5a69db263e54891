"""The shipped gazetteer, loaded once per process: exact alias -> candidate places.

Built by scripts/build_gazetteer.py (the TSV files) and scripts/build_places_index.py (the packed
index `places_index.bin` beside them). Building the alias index of 235,000 places from the TSV files
takes about a second, longer than the rest of `storyline analyze` on one article, so the finished
index ships sorted and compressed in small blocks: opening it reads a few thousand block boundaries,
and a lookup decompresses only the one block that can hold its key; the places themselves are read
from a TSV file when a lookup first finds one there. When the packed file is missing, damaged or was
built from other TSV files, the index is built in memory as before (with a log line).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import math
import struct
import zlib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GAZETTEER_DIR = Path(__file__).resolve().parents[2] / "models" / "gazetteer"
PACKED_INDEX = GAZETTEER_DIR / "places_index.bin"
TIER_FILES = {"major": "places_major.tsv.gz", "minor": "places_minor.tsv.gz"}
PACKED_MAGIC = b"storyline-places-index 1\n"
BLOCK_SIZE = 128  # keys per compressed block: a lookup decompresses ~4 kB
log = logging.getLogger(__name__)


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


def read_lines(path: Path) -> list[str]:
    """All lines of a gzipped TSV; one-shot decompression is twice as fast as a text stream."""
    return gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")[:-1]


class GazetteerTier:
    """One gazetteer file: raw lines plus a casefolded alias -> line numbers index. Lines are parsed
    only when looked up: building 200,000 objects up front would cost a second at start-up."""

    def __init__(self, path: Path):
        self.lines = read_lines(path)
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


class PackedTier:
    """One tier read from the packed file: the same `lookup` and `entry` as GazetteerTier.

    Keys are sorted and cut into blocks; `first_keys` holds each block's first key, so a bisect
    finds the one block to decompress. The places themselves stay in the TSV file, read on the
    first lookup that finds one (a tenth of the cost of building the index from it).
    """

    def __init__(self, data: memoryview, header: dict, source: Path):
        self.data = data
        self.first_keys: list[str] = header["first_keys"]
        self.key_offsets: list[int] = header["key_offsets"]
        self.source = source
        self.lines: list[str] | None = None

    def lookup(self, name: str) -> list[GazetteerEntry]:
        key = name.casefold()
        block = bisect_right(self.first_keys, key) - 1
        numbers = numbers_in_block(self.key_block(block), key) if block >= 0 else ()
        return [self.entry(number) for number in numbers]

    @lru_cache(maxsize=8192)
    def entry(self, number: int) -> GazetteerEntry:
        if self.lines is None:
            self.lines = read_lines(self.source)
        return parse_line(self.lines[number])

    @lru_cache(maxsize=16384)
    def key_block(self, block: int) -> str:
        """The block's rows as one text, each row after a newline: searched, not parsed, because
        a lookup wants one of its 128 keys (parsing them all cost 2 % of the analysis)."""
        start, end = self.key_offsets[block], self.key_offsets[block + 1]
        return "\n" + zlib.decompress(self.data[start:end]).decode("utf-8")


def numbers_in_block(rows: str, key: str) -> list[int]:
    """The line numbers of `key` in a block's rows ('\nkey<TAB>n,n,...'); keys hold no newline
    or tab (they are split on both when the index is built), so the match is the whole key."""
    if "\n" in key or "\t" in key:
        return []
    found = rows.find("\n" + key + "\t")
    if found < 0:
        return []
    start = found + len(key) + 2
    end = rows.find("\n", start)
    return [int(number) for number in rows[start:end if end >= 0 else len(rows)].split(",")]


def hash_sources(sources: dict[str, Path]) -> dict[str, str]:
    """Content hashes of the TSV files, so that a stale packed index is never used."""
    return {tier: hashlib.sha1(path.read_bytes()).hexdigest() for tier, path in sorted(sources.items())}


def open_packed_tiers(path: Path, sources: dict[str, Path]) -> tuple[dict[str, PackedTier] | None, str]:
    """The packed tiers, or None and the reason why they cannot be used."""
    if not path.exists():
        return None, f"{path.name} is missing"
    data = path.read_bytes()
    if not data.startswith(PACKED_MAGIC):
        return None, f"{path.name} has an unknown format"
    start = len(PACKED_MAGIC) + 4
    try:
        (size,) = struct.unpack("<I", data[len(PACKED_MAGIC):start])
        header = json.loads(data[start:start + size])
    except (struct.error, ValueError):
        return None, f"{path.name} is damaged"
    body = memoryview(data)[start + size:]
    if header.get("body_crc32") != zlib.crc32(body):
        return None, f"{path.name} is damaged"
    if header.get("sources") != hash_sources(sources):
        return None, f"{path.name} was built from other gazetteer files"
    return {tier: PackedTier(body, header["tiers"][tier], source) for tier, source in sources.items()}, ""


def pack_tier(tier: GazetteerTier, blob: bytearray) -> dict:
    """Sorted 'key<TAB>line numbers' rows, compressed in blocks of BLOCK_SIZE onto blob."""
    keys = sorted(tier.index)
    offsets = [len(blob)]
    for start in range(0, len(keys), BLOCK_SIZE):
        rows = [key + "\t" + ",".join(map(str, tier.index[key])) for key in keys[start:start + BLOCK_SIZE]]
        blob += zlib.compress("\n".join(rows).encode("utf-8"), 9)
        offsets.append(len(blob))
    return {"first_keys": keys[::BLOCK_SIZE], "key_offsets": offsets}


def write_packed_index(path: Path, sources: dict[str, Path]) -> None:
    """Build each tier's index from its TSV file and write the packed file (scripts/build_places_index.py)."""
    blob = bytearray()
    tiers = {name: pack_tier(GazetteerTier(source), blob) for name, source in sources.items()}
    header = json.dumps({"sources": hash_sources(sources), "body_crc32": zlib.crc32(blob), "tiers": tiers},
                        ensure_ascii=False).encode("utf-8")
    path.write_bytes(PACKED_MAGIC + struct.pack("<I", len(header)) + header + bytes(blob))


@lru_cache(maxsize=1)
def packed_tiers() -> dict[str, PackedTier] | None:
    """The packed tiers when places_index.bin matches the TSV files, else None (logged once)."""
    sources = {tier: GAZETTEER_DIR / name for tier, name in TIER_FILES.items()}
    tiers, problem = open_packed_tiers(PACKED_INDEX, sources)
    if tiers is None:
        log.warning("places index: %s; building it in memory (about a second); "
                    "run `python scripts/build_places_index.py` to ship it", problem)
    return tiers


def load_tier(tier: str) -> GazetteerTier | PackedTier:
    packed = packed_tiers()
    if packed is not None:
        return packed[tier]
    return GazetteerTier(GAZETTEER_DIR / TIER_FILES[tier])


@lru_cache(maxsize=1)
def major_tier() -> GazetteerTier | PackedTier:
    return load_tier("major")


@lru_cache(maxsize=1)
def minor_tier() -> GazetteerTier | PackedTier:
    return load_tier("minor")


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
