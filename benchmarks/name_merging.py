"""Entity merging on hand-made confusable name pairs, the current code beside the code before the
issue-21 rules, in one run.

Each pair of `tests/data/name_pairs.tsv` is linked by `EntityRegistry` (one article, or two
articles on consecutive days) and counts as merged when both mentions end in one corpus entity.
Precision = right merges / merges made, recall = right merges / merges the gold wants, for the
tune part and the frozen third (fixed in the file before any rule). The older code runs in a
subprocess from a `git worktree` of BASE (made on first use in /tmp/names_base).

Usage: .venv/bin/python benchmarks/name_merging.py [--errors] [--base-dir /tmp/names_base]
(`--errors` lists the wrong decisions of the tune part only: the frozen part is not for ideas.)
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "name_pairs.tsv"
BASE = "7b60f1a"  # main before the issue-21 name-merging rules
MARK = re.compile(r"\[([^\]|]+)(?:\|(\w+))?\]")


def read_pairs(path: Path = PAIRS) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def unmark(text: str, offset: int = 0) -> tuple[str, list[tuple[int, int, str, str]]]:
    """`[Prinz Harry] kam` → plain text and (start, end, text, type) mentions."""
    plain, spans, last = [], [], 0
    length = offset
    for match in MARK.finditer(text):
        before = text[last:match.start()]
        plain.append(before)
        length += len(before)
        spans.append((length, length + len(match.group(1)), match.group(1), match.group(2) or "PER"))
        plain.append(match.group(1))
        length += len(match.group(1))
        last = match.end()
    plain.append(text[last:])
    return "".join(plain), spans


def predict(pair: dict) -> bool:
    """Link the pair's article(s) in a fresh registry; True when a and b share an entity."""
    from storyline.ingest.article import make_article
    from storyline.link.entities import EntityRegistry
    from storyline.model import Mention

    registry = EntityRegistry()
    texts = [pair["text_a"] + " " + pair["text_b"]] if pair["setting"] == "article" else [pair["text_a"], pair["text_b"]]
    linked: list[list] = []
    for number, marked in enumerate(texts):
        text, spans = unmark(marked)
        mentions = [Mention(start, end, surface, type_) for start, end, surface, type_ in spans]
        registry.add_article(make_article(text, id=f"{pair['id']}-{number}", date=f"2025-10-{10 + number}"), mentions)
        linked.append(mentions)
    first = next(m for m in linked[0] if m.text == pair["a"])
    second = next(m for m in linked[-1] if m.text == pair["b"] and m is not first)
    return first.entity is not None and first.entity == second.entity


def predict_all() -> dict[str, bool]:
    return {pair["id"]: predict(pair) for pair in read_pairs()}


def predict_base(base_dir: Path) -> dict[str, bool]:
    """The same predictions from the code at BASE, in a subprocess importing from its worktree."""
    if not (base_dir / "src" / "storyline").is_dir():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base_dir), BASE], check=True,
                       capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(base_dir / "src")}
    code = (f"import sys, json; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import name_merging as n; "
            f"import storyline; assert storyline.__file__.startswith({str(base_dir)!r}), storyline.__file__; "
            "print(json.dumps(n.predict_all()))")
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def score(pairs: list[dict], predicted: dict[str, bool]) -> tuple[float, float, int, int, int]:
    merged = [p for p in pairs if predicted[p["id"]]]
    wanted = [p for p in pairs if p["gold"] == "merge"]
    hit = sum(p["gold"] == "merge" for p in merged)
    precision = hit / len(merged) if merged else 1.0
    recall = hit / len(wanted) if wanted else 1.0
    return precision, recall, hit, len(merged), len(wanted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the tune part's wrong decisions")
    parser.add_argument("--base-dir", type=Path, default=Path("/tmp/names_base"))
    args = parser.parse_args()
    pairs = read_pairs()
    systems = {"storyline (now)": predict_all(), f"before ({BASE})": predict_base(args.base_dir)}
    print(f"{len(pairs)} pairs ({sum(p['gold'] == 'merge' for p in pairs)} merge), {PAIRS.relative_to(ROOT)}\n")
    print("| system | part | pairs | precision | recall | right merges / made / wanted |")
    print("|---|---|---|---|---|---|")
    for part in ("tune", "frozen", "all"):
        chosen = [p for p in pairs if part == "all" or p["part"] == part]
        for name, predicted in systems.items():
            precision, recall, hit, made, wanted = score(chosen, predicted)
            print(f"| {name} | {part} | {len(chosen)} | {precision:.3f} | {recall:.3f} | {hit} / {made} / {wanted} |")
    if args.errors:
        print("\nwrong decisions, tune part only (gold, now, before):")
        now, before = systems.values()
        for pair in pairs:
            if pair["part"] == "tune" and now[pair["id"]] != (pair["gold"] == "merge"):
                print(f"  {pair['id']} {pair['gold']:5} now={now[pair['id']]!s:5} before={before[pair['id']]!s:5} "
                      f"{pair['a']} / {pair['b']} ({pair['setting']}; {pair['note']})")


if __name__ == "__main__":
    main()
