"""Places by kind (issue 20): regions, waters, islands, mountains and facilities beside towns and
countries, on hand-annotated excerpts of German news, with the most-populous-match baseline.

Run:  .venv/bin/python benchmarks/places.py --set issue20 [--part tune|frozen|all|fresh|fresh2-tune|fresh2-frozen|fresh3-tune|fresh3-frozen|fresh4-tune|fresh4-frozen] [--errors]

Gold: benchmarks/data/places_issue20.jsonl (built by data/places_issue20.py; rules in
places_ANNOTATION.md). The ids in data/places_frozen_ids.txt were drawn before any rule was written
for these kinds: that part is scored apart and its errors are never listed; so is data/places_fresh.jsonl (`--part fresh`), a
second untouched check annotated after round 2 from texts the stage had not been run on; so is the
frozen half of data/places_fresh2.jsonl (`--part fresh2-frozen`, round 4), whose other half
(`--part fresh2-tune`) may be tuned on; and so is the frozen half of data/places_fresh3.jsonl
(`--part fresh3-frozen`, round 5; the other half `--part fresh3-tune`), and of
data/places_fresh4.jsonl (`--part fresh4-frozen`, round 6, weighted to facilities, villages and
regions; the other half `--part fresh4-tune`).
1. Gold spans given as LOC mentions (a perfect NER): per gold kind, share resolved, precision
   (within tolerance of the resolved) and within tolerance of all. Baseline: the most populous
   GeoNames city (cities500) whose name or alternate name is exactly the mention text.
2. The whole analysis (the shipped NER, then `find_places`): recall within tolerance (a reported
   place overlapping the gold span and landing within its radius) and precision over every place
   reported with coordinates (places the gold does not have count as wrong).
Also: how often the reported `kind` equals the gold kind, for the gold-span run.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from storyline.analyze.places.geocode import find_places
from storyline.analyze.places.index import distance_km
from storyline.ingest.article import make_article
from storyline.model import Mention

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "places_issue20.jsonl"
FROZEN = DATA / "places_frozen_ids.txt"
FRESH = DATA / "places_fresh.jsonl"  # a second untouched check, annotated after round 2 (data/places_fresh.py)
FRESH2 = DATA / "places_fresh2.jsonl"  # a third check, annotated before round 4 (data/places_fresh2.py)
FRESH2_FROZEN = DATA / "places_fresh2_frozen_ids.txt"
FRESH3 = DATA / "places_fresh3.jsonl"  # a fourth check, annotated before round 5 (data/places_fresh3.py)
FRESH3_FROZEN = DATA / "places_fresh3_frozen_ids.txt"
FRESH4 = DATA / "places_fresh4.jsonl"  # a fifth check, annotated before round 6 (data/places_fresh4.py)
FRESH4_FROZEN = DATA / "places_fresh4_frozen_ids.txt"
HALVES = {"fresh2": (FRESH2, FRESH2_FROZEN), "fresh3": (FRESH3, FRESH3_FROZEN), "fresh4": (FRESH4, FRESH4_FROZEN)}
TUNE_PARTS = ("tune", "fresh2-tune", "fresh3-tune", "fresh4-tune")
KINDS = ("country", "region", "city", "water", "island", "mountain", "facility")


def read_part(part: str) -> list[dict]:
    if part == "fresh":
        return [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines() if line]
    if part.split("-")[0] in HALVES:
        gold, ids = HALVES[part.split("-")[0]]
        frozen = set(ids.read_text(encoding="utf-8").split())
        docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
        return [d for d in docs if (d["id"] in frozen) == part.endswith("-frozen")]
    frozen = set(FROZEN.read_text(encoding="utf-8").split())
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    if part == "all":
        return docs
    return [d for d in docs if (d["id"] in frozen) == (part == "frozen")]


def within(gold: dict, lat, lon) -> bool:
    return lat is not None and distance_km(gold["lat"], gold["lon"], lat, lon) <= gold["radius_km"]


def article_of(doc: dict):
    article = make_article(doc["text"], id=doc["id"], date=doc["date"])
    assert article.text == doc["text"], "cleaning changed the text: offsets would not match"
    return article


def gold_span_rows(docs: list[dict], baseline: dict) -> list[dict]:
    """One row per gold mention: ours and the baseline's coordinates, our kind."""
    rows = []
    for doc in docs:
        mentions = [Mention(g["start"], g["end"], g["text"], "LOC") for g in doc["places"]]
        found = {(p.start, p.end): p for p in find_places(article_of(doc), mentions)}
        for gold in doc["places"]:
            place = found.get((gold["start"], gold["end"]))
            hit = baseline.get(gold["text"])
            rows.append({"doc": doc["id"], "gold": gold,
                         "ours": (place.lat, place.lon) if place else (None, None),
                         "name": place.name if place else None, "kind": getattr(place, "kind", None),
                         "base": (hit[0], hit[1]) if hit else (None, None)})
    return rows


def score(rows: list[dict], key: str) -> dict:
    resolved = [r for r in rows if r[key][0] is not None]
    right = sum(within(r["gold"], *r[key]) for r in resolved)
    n = len(rows)
    return {"n": n, "resolved": len(resolved) / n if n else 0.0,
            "precision": right / len(resolved) if resolved else 0.0, "within": right / n if n else 0.0}


def pipeline_scores(docs: list[dict]) -> dict:
    """The shipped NER and `find_places` on the excerpts: recall and precision within tolerance."""
    from storyline.analyze.entities import find_mentions

    found_right, reported, reported_right, total = 0, 0, 0, 0
    per_kind = defaultdict(lambda: [0, 0])
    misses, wrong = [], []
    for doc in docs:
        article = article_of(doc)
        places = [p for p in find_places(article, find_mentions(article)) if p.lat is not None]
        reported += len(places)
        for place in places:
            golds = [g for g in doc["places"] if g["start"] < place.end and place.start < g["end"]]
            right = any(within(g, place.lat, place.lon) for g in golds)
            reported_right += right
            if not right:
                wrong.append(f"{doc['id']}: {place.text!r} -> {place.name} ({place.kind})")
        for gold in doc["places"]:
            total += 1
            hit = any(p.start < gold["end"] and gold["start"] < p.end and within(gold, p.lat, p.lon) for p in places)
            found_right += hit
            if not hit:
                misses.append(f"{doc['id']}: {gold['text']!r} [{gold['kind']}]")
            per_kind[gold["kind"]][0] += hit
            per_kind[gold["kind"]][1] += 1
    return {"recall": found_right / total, "precision": reported_right / max(reported, 1),
            "reported": reported, "n": total, "per_kind": dict(per_kind), "misses": misses, "wrong": wrong}


def print_row(label: str, result: dict) -> None:
    print(f"  {label:34} {result['n']:>4} {result['resolved']:>9.3f} {result['precision']:>10.3f} {result['within']:>8.3f}")


def report_part(label: str, docs: list[dict], baseline: dict, errors: bool, pipeline: bool) -> None:
    rows = gold_span_rows(docs, baseline)
    print(f"\n== {label}: {len(docs)} excerpts, {len(rows)} gold places")
    print(f"  {'gold spans (perfect NER)':34} {'n':>4} {'resolved':>9} {'precision':>10} {'within':>8}")
    print_row("baseline (most populous city)", score(rows, "base"))
    print_row("storyline find_places", score(rows, "ours"))
    for kind in KINDS:
        kind_rows = [r for r in rows if r["gold"]["kind"] == kind]
        if kind_rows:
            print_row(f"{kind}: baseline", score(kind_rows, "base"))
            print_row(f"{kind}: storyline", score(kind_rows, "ours"))
    agree = sum(r["kind"] == r["gold"]["kind"] for r in rows if r["ours"][0] is not None)
    print(f"  kind as annotated (of resolved): {agree / max(1, sum(r['ours'][0] is not None for r in rows)):.3f}")
    if pipeline:
        result = pipeline_scores(docs)
        print(f"  whole analysis (NER + places): within tolerance {result['recall']:.3f} of {result['n']}, "
              f"precision {result['precision']:.3f} of {result['reported']} reported")
        print("    per kind: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(result["per_kind"].items())))
        if errors:
            for line in result["misses"]:
                print(f"    whole analysis, missed {line}")
            for line in result["wrong"]:
                print(f"    whole analysis, wrong or not in the gold {line}")
    if errors:
        for row in rows:
            if not within(row["gold"], *row["ours"]):
                gold = row["gold"]
                where = ("unresolved" if row["ours"][0] is None
                         else f"{distance_km(gold['lat'], gold['lon'], *row['ours']):.0f} km off ({row['name']})")
                print(f"    miss {row['doc']}: {gold['text']!r} [{gold['kind']}] {where}")


def run(part: str, baseline: dict, errors: bool, pipeline: bool) -> None:
    parts = ("tune", "frozen") if part == "all" else (part,)
    labels = {"tune": "issue 20, tuned part", "frozen": "issue 20, frozen part (errors not listed)",
              "fresh": "issue 20, fresh untouched check (errors not listed)",
              "fresh2-tune": "issue 20, second fresh check, tune half",
              "fresh2-frozen": "issue 20, second fresh check, frozen half (errors not listed)",
              "fresh3-tune": "issue 20, third fresh check, tune half",
              "fresh3-frozen": "issue 20, third fresh check, frozen half (errors not listed)",
              "fresh4-tune": "issue 20, fourth fresh check, tune half",
              "fresh4-frozen": "issue 20, fourth fresh check, frozen half (errors not listed)"}
    for name in parts:
        label = labels[name]
        report_part(label, read_part(name), baseline, errors and name in TUNE_PARTS, pipeline)
