"""Where the story clustering goes wrong on the labelled set: mixed stories and split events.

Reads the same set and runs the same analyze path as `clustering.py`, then prints every predicted
story that mixes events (false-positive pairs) and every event split over stories (false-negative
pairs), with each article's date, half and headline, so that a rule can be judged by reading.

Usage: .venv/bin/python benchmarks/clustering_errors.py [--data benchmarks/data/clustering_de.jsonl]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clustering import DATA, group_members, read_records, run_pipeline, split_half  # noqa: E402


def headline(record: dict) -> str:
    return (record.get("title") or record["text"].split("\n", 1)[0])[:90]


def describe(record: dict) -> str:
    return f"  {record['date']} [{split_half(record['event'])}] {record['id']:>12}  {record['event'][:34]:34}  {headline(record)}"


def count_pairs(groups: list[set[str]]) -> int:
    """Pairs across different groups: sum over group pairs of the product of their sizes."""
    sizes = [len(g) for g in groups]
    total = sum(sizes)
    return (total * total - sum(s * s for s in sizes)) // 2


def print_mixed(records: dict[str, dict], gold: dict[str, str], predicted: dict[str, str]) -> int:
    """Predicted stories with articles of several events; returns the number of false pairs."""
    total = 0
    for story, ids in sorted(group_members(predicted).items()):
        events = Counter(gold[i] for i in ids)
        if len(events) < 2:
            continue
        wrong = count_pairs([{i for i in ids if gold[i] == e} for e in events])
        total += wrong
        print(f"\nstory {story}: {len(ids)} articles, {len(events)} events, {wrong} false pairs")
        for i in sorted(ids, key=lambda i: (records[i]["date"], i)):
            print(describe(records[i]))
    return total


def print_split(records: dict[str, dict], gold: dict[str, str], predicted: dict[str, str]) -> int:
    """Events whose articles sit in several stories; returns the number of missed pairs."""
    total = 0
    for event, ids in sorted(group_members(gold).items()):
        stories = Counter(predicted[i] for i in ids)
        if len(stories) < 2:
            continue
        missed = count_pairs([{i for i in ids if predicted[i] == s} for s in stories])
        total += missed
        print(f"\nevent {event}: {len(ids)} articles in {len(stories)} stories, {missed} missed pairs")
        for i in sorted(ids, key=lambda i: (predicted[i], records[i]["date"], i)):
            print(f"{describe(records[i])}  -> {predicted[i]}")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    records = read_records(args.data)
    gold = {r["id"]: r["event"] for r in records}
    predicted, _ = run_pipeline(records)
    by_id = {r["id"]: r for r in records}
    print("== stories mixing events (false positives)")
    wrong = print_mixed(by_id, gold, predicted)
    print("\n== events split over stories (false negatives)")
    missed = print_split(by_id, gold, predicted)
    print(f"\n{wrong} false-positive pairs, {missed} false-negative pairs")


if __name__ == "__main__":
    main()
