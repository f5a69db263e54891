"""People an English text and its German translation share: of the person entities an English text of
the cross-lingual development set names, the share its German translation names under the same id.

Why: a shared name is the strongest cue the story linker has across languages, and it is lost when
the English reader keeps an office in the name ("Prosecutor Wolfgang Giese", issue 23). Tune part
only (pairs not in data/crosslingual_frozen_ids.txt): the frozen part is scored by
benchmarks/crosslingual.py once at the end of a piece of work, never here. Each pair is analysed and
linked on its own, so only the two sides of one event can meet.

Usage: .venv/bin/python benchmarks/crosslingual_names.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path("/work/shared/data/crosslingual_dev/pairs.jsonl")
FROZEN = HERE / "data" / "crosslingual_frozen_ids.txt"


def main() -> None:
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: the cross-lingual development set is research-only shared data")
    from storyline.analyze.pipeline import analyze_article
    from storyline.ingest.article import make_article
    from storyline.link.corpus import link_entities

    frozen = {line.strip() for line in FROZEN.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    pairs: dict[str, dict[str, dict]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["pair"] not in frozen:
            pairs.setdefault(record["pair"], {})[record["lang"]] = record
    english = shared = 0
    for sides in pairs.values():
        analysed = {lang: analyze_article(make_article(r["text"], id=r["id"], date="2020-07-28"))
                    for lang, r in sides.items()}
        link_entities(list(analysed.values()))
        people = {lang: {m.entity for m in a.mentions if m.type == "PER" and m.entity} for lang, a in analysed.items()}
        english += len(people["en"])
        shared += len(people["en"] & people["de"])
    print(f"command: {' '.join([Path(sys.executable).name] + sys.argv)}")
    print(f"tune part, {len(pairs)} pairs: {english} person entities in the English texts, {shared} of them "
          f"named by the German translation under the same id: **{shared / english:.3f}**")


if __name__ == "__main__":
    main()
