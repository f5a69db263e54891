"""Convert the German Polarity Lexicon (Klenner et al., Apache 2.0) into the shipped TSV.

    python scripts/build_polarity.py

Reads ../shared/data/german_polarity/de-sentiment.xml and writes
src/storyline/models/lexicons/polarity_de.tsv (form, polarity, intensity) next to its attribution.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "german_polarity" / "de-sentiment.xml"
OUT = ROOT / "src" / "storyline" / "models" / "lexicons" / "polarity_de.tsv"


def main() -> None:
    if not SOURCE.exists():
        sys.exit(f"needs {SOURCE}")
    rows = []
    for word in ET.parse(SOURCE).getroot().iter("word"):
        polarity = float(word.get("polarity", 0))
        if polarity:
            rows.append(f"{word.get('form')}\t{polarity:g}\t{float(word.get('intensity', 1)):g}")
    OUT.write_text("# German Polarity Lexicon v1.1 (Klenner, Clematide, Wiegand, Peters 2010), Apache License 2.0.\n"
                   "# Converted by scripts/build_polarity.py from the XML form in textblob-de 0.4.3.\n"
                   "# form\tpolarity\tintensity\n" + "\n".join(sorted(set(rows))) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} entries to {OUT}")


if __name__ == "__main__":
    main()
