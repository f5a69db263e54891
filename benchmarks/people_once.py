"""Each person once per story, on real pages: the people of every story who share a surname.

Ingests the real German web pages of `../shared/data/webpages_de` (542 pages from 538 sites) into
a fresh store with the CLI, as a user would, and prints every pair of people in one story whose
names end in the same word, for reading: one person listed twice (`Ursula von der Leyen` and
`von der Leyen`) or two people of one family (`Elias Ymer`, `Mikael Ymer`). There is no gold; the
judged counts are in docs/accuracy-entities.md.

Usage: .venv/bin/python benchmarks/people_once.py [--db STORE]   (an existing store skips the ingest)
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "webpages_de" / "pages"


def shared_surname_pairs(store) -> list[tuple[str, list[str], list[str]]]:
    from storyline import views

    pairs = []
    for story in views.list_stories(store, limit=100_000)["stories"]:
        people = [a for a in views.story_detail(store, story["id"])["actors"] if a["type"] == "PER"]
        for n, person in enumerate(people):
            for other in people[n + 1:]:
                if {v.split()[-1].lower() for v in person["variants"]} & {v.split()[-1].lower() for v in other["variants"]}:
                    pairs.append((story["id"], person["variants"], other["variants"]))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a store already holding the pages")
    args = parser.parse_args()
    db = args.db
    if db is None:
        if not PAGES.is_dir():
            sys.exit(f"{PAGES} is missing: the pages stay outside the repository (see ../shared/data/README.md)")
        db = str(Path(tempfile.mkdtemp(prefix="people_once_")) / "pages.db")
        subprocess.run([sys.executable, "-m", "storyline.cli", "ingest", str(PAGES), "--db", db], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from storyline.cli.common import open_store

    pairs = shared_surname_pairs(open_store(db))
    for story, first, second in pairs:
        print(f"{story}  {' / '.join(first)}  |  {' / '.join(second)}")
    print(f"{len(pairs)} pairs of people in one story share a surname ({db})")


if __name__ == "__main__":
    main()
