"""A fresh held-out quote check (issue 22): 40 German Wikinews articles of the demo sample.

    python3 benchmarks/data/quotes_wikinews.py --write-ids   # rewrites quotes_wikinews_ids.txt
    python3 benchmarks/data/quotes_wikinews.py --check       # every span's text equals text[start:end]

Texts: `src/storyline/data/sample/wikinews_de.jsonl` (148 Wikinews articles, the SpkAtt-2023
blind test texts, CC BY 2.5; see ATTRIBUTION.md there). Nobody had annotated quotes on them.

Selection rule, fixed in code before any article was read: sort the 148 records by
int(sha1(record["id"].encode("utf-8")).hexdigest(), 16), ascending, and take the first 40 whose
`text` holds at least one quotation mark (one of „ “ ” " » «) or a speech word (`SPEECH` below:
sagte/sagten/sagt, erklärte/erklärten, betonte/betonten, berichtete/berichteten, meinte/meinten,
laut, zufolge, "teilte(n) … mit" within one sentence, or ", so " followed by a capitalised word).
The ids are in `quotes_wikinews_ids.txt`, committed before the annotation was written.

Gold: `quotes_wikinews.jsonl`, same scheme and fields as `quotes_smartdata.jsonl` (see
`quotes_ANNOTATION.md`), annotated by hand by reading the texts, before Storyline's quote code
was run on them. `benchmarks/quotes.py --part wikinews` scores it (aggregates only: a frozen part).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "src" / "storyline" / "data" / "sample" / "wikinews_de.jsonl"
IDS = HERE / "quotes_wikinews_ids.txt"
GOLD = HERE / "quotes_wikinews.jsonl"
COUNT = 40

QUOTE_MARKS = re.compile("[„“”\"»«]")
SPEECH = re.compile(r"\b(sagte|sagten|sagt|erklärte|erklärten|betonte|betonten|berichtete|berichteten|"
                    r"meinte|meinten|laut|zufolge)\b|\bteilten?\b[^.!?]*\bmit\b|, so [A-ZÄÖÜ]")


def sample() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def rank(record: dict) -> int:
    return int(hashlib.sha1(record["id"].encode("utf-8")).hexdigest(), 16)


def chosen_ids(count: int = COUNT) -> list[str]:
    """The selection rule of the docstring, in order of the hash."""
    chosen = []
    for record in sorted(sample(), key=rank):
        if QUOTE_MARKS.search(record["text"]) or SPEECH.search(record["text"]):
            chosen.append(record["id"])
        if len(chosen) == count:
            break
    return chosen


def check(path: Path = GOLD) -> int:
    """Every annotated span matches its text; returns the number of quotes checked."""
    texts = {r["id"]: r["text"] for r in sample()}
    ids = [line.strip() for line in IDS.read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        assert doc["id"] in ids, doc["id"]
        assert doc["text"] == texts[doc["id"]], doc["id"]
        previous = -1
        for q in doc["quotes"]:
            assert doc["text"][q["start"]:q["end"]] == q["text"], (doc["id"], q)
            assert q["kind"] in ("direct", "indirect"), (doc["id"], q)
            assert q["speaker"] is None or (isinstance(q["speaker"], list) and q["speaker"]), (doc["id"], q)
            assert q["start"] >= previous, (doc["id"], q["text"])
            previous = q["start"]
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-ids", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.write_ids:
        head = ("# Wikinews ids of the fresh quote check (issue 22), chosen by the rule in quotes_wikinews.py\n"
                "# and fixed before any of these articles was read or annotated.\n")
        IDS.write_text(head + "\n".join(chosen_ids()) + "\n", encoding="utf-8")
    if args.check:
        print(f"{check()} quotes: every span matches its text")


if __name__ == "__main__":
    main()
