"""How many entity ids depend on the order articles are linked in: the first-seen-name ids of
before issue 19 beside the canonical ids (`link.entities.canonical_id`), on the bundled Wikinews
sample, linked in input order, reversed and in shuffled orders.

    python benchmarks/entity_id_order.py --articles 60 --shuffles 4
"""
from __future__ import annotations

import argparse
import copy
import random
from unittest import mock

from storyline.analyze.parallel import analyze_stream
from storyline.ingest.read import read_paths
from storyline.link import entities
from storyline.link.names import name_key
from storyline.model import Article

SAMPLE = "src/storyline/data/sample/wikinews_de.jsonl"


def first_seen_id(type_: str, name: str) -> str:
    return f"{type_}:{name_key(name).replace(' ', '_')}"


def ids_per_form(analyzed: list) -> dict:
    registry, ids = entities.EntityRegistry(), {}
    for item in analyzed:
        item = copy.deepcopy(item)
        registry.add_article(item.article, item.mentions)
        for mention in item.mentions:
            if mention.entity:
                ids.setdefault((mention.type, mention.text), set()).add(mention.entity)
    return ids


def differing(analyzed: list, orders: list[list]) -> tuple[int, int]:
    base = ids_per_form(analyzed)
    changed = set()
    for order in orders:
        other = ids_per_form(order)
        changed |= {form for form in base if form in other and other[form] != base[form]}
    return len(changed), len(base)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--shuffles", type=int, default=4)
    args = parser.parse_args()
    articles = [a for a in read_paths([SAMPLE]) if isinstance(a, Article)][:args.articles]
    analyzed = [result for _, result in analyze_stream(articles, 1) if not isinstance(result, Exception)]
    orders = [analyzed[::-1]] + [random.Random(seed).sample(analyzed, len(analyzed)) for seed in range(args.shuffles)]
    with mock.patch.object(entities, "canonical_id", first_seen_id):
        before = differing(analyzed, orders)
    after = differing(analyzed, orders)
    print(f"{len(analyzed)} articles, input order against reversed and {args.shuffles} shuffled orders")
    print(f"first-seen name ids (before): {before[0]} of {before[1]} mention forms get another id in some order")
    print(f"canonical ids (now):          {after[0]} of {after[1]} mention forms get another id in some order")


if __name__ == "__main__":
    main()
