"""Pack the gazetteer's alias index into src/storyline/models/gazetteer/places_index.bin.

Run after scripts/build_gazetteer.py (or after any change to places_*.tsv.gz):
    .venv/bin/python scripts/build_places_index.py

Building the index from the TSV files costs about a second at every start of `storyline analyze`;
the packed file opens in a few milliseconds. It records a hash of the TSV files it came from, and
storyline.analyze.places.index ignores it (and builds the index in memory) when they differ.
"""
from __future__ import annotations

import sys
import time

from storyline.analyze.places.index import GAZETTEER_DIR, PACKED_INDEX, TIER_FILES, write_packed_index


def main() -> None:
    started = time.perf_counter()
    write_packed_index(PACKED_INDEX, {tier: GAZETTEER_DIR / name for tier, name in TIER_FILES.items()})
    size = PACKED_INDEX.stat().st_size / 1e6
    print(f"wrote {PACKED_INDEX} ({size:.1f} MB) in {time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
