"""How far the Wikinews quote gold agrees with a second reader (issue 22).

    .venv/bin/python benchmarks/data/quotes_wikinews_agreement.py [--list]

Compares the first rater (`quotes_wikinews.jsonl`) with the second (`quotes_wikinews_rater2.jsonl`)
on the articles the second rater annotated, separately for the blind articles (annotated without
the first rater's spans in view: the agreement figure) and the seen ones (a second reading only).
Two quotes match when their spans overlap by at least half of the shorter one (one-to-one, largest
overlap first). Reported: for each rater, how many of its quotes the other has; kind agreement on
matched quotes; speaker agreement on matched quotes where both name a speaker, by the benchmark's
rule (`benchmarks/quotes.py`: a listed speaker's head word occurs in the other's phrase), applied
with each rater as gold in turn. `--list` prints every disagreement (this is gold, not system
output).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from quotes import head_word  # noqa: E402

FIRST = HERE / "quotes_wikinews.jsonl"
SECOND = HERE / "quotes_wikinews_rater2.jsonl"


def load(path: Path) -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if d}


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs whose overlap is at least half of the shorter span, largest overlap first."""
    pairs = sorted(((overlap(a, b), i, j) for i, a in enumerate(first) for j, b in enumerate(second)),
                   reverse=True)
    used_a, used_b, out = set(), set(), []
    for size, i, j in pairs:
        shorter = min(first[i]["end"] - first[i]["start"], second[j]["end"] - second[j]["start"])
        if size * 2 < shorter or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((first[i], second[j]))
    return sorted(out, key=lambda p: p[0]["start"])


def speaker_found(gold: list[str], said: list[str]) -> bool:
    """The benchmark's rule: a listed speaker's head word occurs as a word in the other's phrase."""
    phrase = " " + " ".join(said) + " "
    return any(re.search(r"(?<![\w-])" + re.escape(head_word(alt)) + r"(?![\w-])", phrase) for alt in gold)


def compare(first: dict[str, dict], second: dict[str, dict], blind: bool, listing: list[str]) -> Counter:
    t = Counter()
    for doc_id, doc2 in second.items():
        if doc2["blind"] != blind:
            continue
        q1, q2 = first[doc_id]["quotes"], doc2["quotes"]
        pairs = match(q1, q2)
        t["articles"] += 1
        t["first"] += len(q1)
        t["second"] += len(q2)
        t["matched"] += len(pairs)
        matched1 = {id(a) for a, _ in pairs}
        matched2 = {id(b) for _, b in pairs}
        for q in q1:
            if id(q) not in matched1:
                listing.append(f"{doc_id}  only first  ({q['kind']}, {q['speaker']}): {q['text']}")
        for q in q2:
            if id(q) not in matched2:
                listing.append(f"{doc_id}  only second ({q['kind']}, {q['speaker']}): {q['text']}")
        for a, b in pairs:
            t[f"kind {a['kind']}/{b['kind']}"] += 1
            t["same kind"] += a["kind"] == b["kind"]
            t["same extent"] += (a["start"], a["end"]) == (b["start"], b["end"])
            if (a["start"], a["end"]) != (b["start"], b["end"]):
                listing.append(f"{doc_id}  extent: first «{a['text']}» / second «{b['text']}»")
            if a["kind"] != b["kind"]:
                listing.append(f"{doc_id}  kind: first {a['kind']} / second {b['kind']}: {a['text'][:80]}")
            if a["speaker"] and b["speaker"]:
                t["both speakers"] += 1
                one, two = speaker_found(a["speaker"], b["speaker"]), speaker_found(b["speaker"], a["speaker"])
                t["speaker first as gold"] += one
                t["speaker second as gold"] += two
                if not (one and two):
                    listing.append(f"{doc_id}  speaker: first {a['speaker']} / second {b['speaker']}: "
                                   f"{a['text'][:60]}")
            elif a["speaker"] or b["speaker"]:
                t["speaker named by one only"] += 1
                listing.append(f"{doc_id}  speaker named by one only: first {a['speaker']} / second "
                               f"{b['speaker']}: {a['text'][:60]}")
    return t


def report(name: str, t: Counter) -> None:
    def r(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"
    print(f"{name}: {t['articles']} articles, first rater {t['first']} quotes, second rater {t['second']}")
    print(f"  first's quotes the second has:  {r(t['matched'], t['first'])}")
    print(f"  second's quotes the first has:  {r(t['matched'], t['second'])}")
    print(f"  same kind on matched:           {r(t['same kind'], t['matched'])}  "
          + ", ".join(f"{k[5:]} {v}" for k, v in sorted(t.items()) if k.startswith("kind ")))
    print(f"  same span exactly on matched:   {r(t['same extent'], t['matched'])}")
    print(f"  speaker, first as gold:         {r(t['speaker first as gold'], t['both speakers'])}")
    print(f"  speaker, second as gold:        {r(t['speaker second as gold'], t['both speakers'])}")
    print(f"  matched, speaker named by one rater only: {t['speaker named by one only']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    first, second = load(FIRST), load(SECOND)
    for blind, name in ((True, "blind"), (False, "seen (first rater's spans were in view)")):
        listing: list[str] = []
        report(name, compare(first, second, blind, listing))
        if args.list:
            print("\n".join("    " + line for line in listing))


if __name__ == "__main__":
    main()
