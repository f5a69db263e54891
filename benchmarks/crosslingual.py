"""Cross-lingual story clustering on the WMT21 German/English development set, beside a baseline.

Every text of a part (tune or frozen, split by pair id in data/crosslingual_frozen_ids.txt) goes
through the analyze path (analysis, entity linking, story stream) in one date window, the
late-July-2020 days the articles come from (each text gets one of 27-29 July 2020 by a hash of its
id). Reported per part:
- joined: share of texts that share a story with their translation;
- pair P: pairwise precision, a merge of two different articles counting as correct only when
  data/crosslingual_same_event.tsv judges them one event;
- stories, largest story, and wrong merges among English-only and German-only texts.
Then the German clustering figures (data/clustering_de.jsonl, analyze path) of the same code.
With --baseline REV the same script also runs on the code of commit REV (a git worktree under
build/), and both are printed side by side. With --old-gold REV the tune and frozen parts' pair P is
also scored against data/crosslingual_same_event.tsv as it was at commit REV (same stories, one run),
in an extra column "pair P, old gold".

Usage: .venv/bin/python benchmarks/crosslingual.py [--baseline REV] [--old-gold REV] [--data PATH]
The set is research-only data outside the repository; without it the script says so and stops.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT.parent / "shared" / "data" / "crosslingual_dev" / "pairs.jsonl"
if not DATA.exists():  # a worktree under build/ finds the shared data next to the main checkout
    DATA = Path("/work/shared/data/crosslingual_dev/pairs.jsonl")
FROZEN = HERE / "data" / "crosslingual_frozen_ids.txt"
JUDGED = HERE / "data" / "crosslingual_same_event.tsv"
WRITTEN = HERE / "data" / "crosslingual_written_en.jsonl"  # English reports written for the German event set
GERMAN_EVENTS = HERE / "data" / "clustering_de.jsonl"
ONE_DAY = date(2016, 3, 1)
FIRST_DAY = date(2020, 7, 27)
WINDOW = 3


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def read_records(path: Path, one_day: bool = False) -> list[dict]:
    """The texts with a date each: one of three days by a hash of the id, or (one_day) all the same
    day, as a feed without dates puts them into one window: more neighbours meet."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in records:
        offset = 1 if one_day else int(hashlib.sha1(record["id"].encode()).hexdigest(), 16) % WINDOW
        record["date"] = (FIRST_DAY + timedelta(days=offset)).isoformat()
    return records


def written_records(one_day: bool = False) -> list[dict]:
    """The written part: the English reports of data/crosslingual_written_en.jsonl (written for this
    benchmark, each an independent report of one event of the German event set, plus a few English
    reports of neighbouring events no German article covers) and every German article of those
    events, with their own dates or (one_day) all on one day."""
    english = [json.loads(line) for line in WRITTEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    events = {r["event"] for r in english}
    german = [json.loads(line) for line in GERMAN_EVENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [{**r, "lang": "de"} for r in german if r["event"] in events]
    records += [{**r, "lang": "en"} for r in english]
    for record in records:
        if one_day:
            record["date"] = ONE_DAY.isoformat()
    return records


def score_written(records: list[dict], assignment: dict[str, str]) -> dict:
    """joined: share of the English reports whose event has German articles that share a story with
    one of them; pair P over all pairs put in one story (right when both report the same event),
    and over the pairs with an English text ("en pair P")."""
    event_of = {r["id"]: r["event"] for r in records}
    lang_of = {r["id"]: r["lang"] for r in records}
    members = defaultdict(list)
    for text_id, story in assignment.items():
        members[story].append(text_id)
    german_events = {r["event"] for r in records if r["lang"] == "de"}
    english = [r for r in records if r["lang"] == "en" and r["event"] in german_events]
    joined = sum(1 for r in english if any(lang_of[other] == "de" and event_of[other] == r["event"]
                                            for other in members[assignment[r["id"]]]))
    merges = right = english_merges = english_right = 0
    wrong_by_langs = defaultdict(int)
    for ids in members.values():
        for a, b in combinations(sorted(ids), 2):
            good = event_of[a] == event_of[b]
            merges, right = merges + 1, right + good
            if "en" in (lang_of[a], lang_of[b]):
                english_merges, english_right = english_merges + 1, english_right + good
            if not good:
                wrong_by_langs["".join(sorted((lang_of[a], lang_of[b])))] += 1
    alone = [r for r in records if r["lang"] == "en" and r["event"] not in german_events]
    return {"texts": len(records), "english": len(english), "joined": joined / len(english),
            "pair_precision": right / merges if merges else 0.0,
            "en_pair_precision": english_right / english_merges if english_merges else 0.0,
            "merges": merges, "wrong": merges - right, "wrong_en_en": wrong_by_langs["enen"],
            "wrong_de_de": wrong_by_langs["dede"], "wrong_de_en": wrong_by_langs["deen"],
            "neighbours_alone": sum(1 for r in alone if len(members[assignment[r["id"]]]) == 1),
            "neighbours": len(alone), "stories": len(members),
            "largest": max(len(ids) for ids in members.values())}


def same_events(path: Path = JUDGED) -> set[frozenset]:
    rows = [line.split("\t") for line in read_lines(path)[1:]]
    return {frozenset((row[0], row[1])) for row in rows if row[2] == "yes"}


def analyse(records: list[dict]):
    """What `storyline analyze` does: analyse each text, link entities, features for the stream."""
    from storyline.analyze.pipeline import analyze_articles
    from storyline.ingest.article import make_article
    from storyline.link.corpus import link_entities
    import storyline.link.features as features_module

    articles = [make_article(r["text"], id=r["id"], date=r["date"]) for r in records]
    analysed = analyze_articles(articles)
    link_entities(analysed)
    if hasattr(features_module, "features_of"):
        return [features_module.features_of(a) for a in analysed]
    return [features_module.features_from_article(a.article, a.mentions, a.places) for a in analysed]


def score_part(records: list[dict], assignment: dict[str, str], judged: set[frozenset]) -> dict:
    pair_of = {r["id"]: r["pair"] for r in records}
    lang_of = {r["id"]: r["lang"] for r in records}
    members = defaultdict(list)
    for text_id, story in assignment.items():
        members[story].append(text_id)
    story_of_pair = defaultdict(set)
    for text_id, story in assignment.items():
        story_of_pair[pair_of[text_id]].add(story)
    joined = sum(1 for r in records if len(story_of_pair[r["pair"]]) == 1)
    merges = right = 0
    wrong_by_langs = defaultdict(int)
    for ids in members.values():
        for a, b in combinations(sorted(ids), 2):
            merges += 1
            if pair_of[a] == pair_of[b] or frozenset((pair_of[a], pair_of[b])) in judged:
                right += 1
            else:
                wrong_by_langs["".join(sorted((lang_of[a], lang_of[b])))] += 1
    return {"texts": len(records), "joined": joined / len(records), "pair_precision": right / merges if merges else 0.0,
            "merges": merges, "wrong": merges - right, "wrong_en_en": wrong_by_langs["enen"],
            "wrong_de_de": wrong_by_langs["dede"], "wrong_de_en": wrong_by_langs["deen"],
            "stories": len(members), "largest": max(len(ids) for ids in members.values())}


def german_figures() -> dict:
    """BCubed and pairwise figures on the German event set, through the same analyze path."""
    sys.path.insert(0, str(HERE))
    import copy

    from clustering import DATA as GERMAN, read_records as read_german, score_bcubed, score_pairs
    from clustering_cache import load_analyses
    import storyline.link.features as features_module
    from storyline.link.corpus import link_entities
    from storyline.link.stories import cluster_articles

    records = read_german(GERMAN)
    analysed, _ = load_analyses(records)
    analysed = copy.deepcopy(analysed)
    link_entities(analysed)
    make = getattr(features_module, "features_of", None)
    features = [make(a) if make else features_module.features_from_article(a.article, a.mentions, a.places)
                for a in analysed]
    gold = {r["id"]: r["event"] for r in records}
    predicted = cluster_articles(features)
    bp, br, bf = score_bcubed(gold, predicted)
    pp, pr, pf = score_pairs(gold, predicted)
    return {"articles": len(records), "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": bf,
            "pair_p": pp, "pair_r": pr, "pair_f1": pf}


def old_gold_file(revision: str) -> Path:
    """data/crosslingual_same_event.tsv as committed at `revision`, written under build/."""
    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:benchmarks/data/crosslingual_same_event.tsv"],
                          check=True, capture_output=True, text=True).stdout
    path = ROOT / "build" / f"crosslingual_same_event-{revision}.tsv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def measure(data: Path, parts: tuple[str, ...] = ("tune", "written", "frozen"), german: bool = True,
            old_gold: Path | None = None) -> dict:
    """Each part twice: dated over three days (the first figures) and all on one day ("… one day").
    With old_gold, the tune and frozen parts are also scored against that judgement file."""
    from storyline.link.stories import cluster_articles

    frozen, judged = set(read_lines(FROZEN)), same_events()
    judged_old = same_events(old_gold) if old_gold else None
    result = {"code": os.environ.get("CROSSLINGUAL_CODE", "this checkout"), "parts": {}}
    for part, one_day in [(part, one_day) for part in parts for one_day in (False, True)]:
        if part == "written":
            chosen = written_records(one_day)
        else:
            chosen = [r for r in read_records(data, one_day) if (r["pair"] in frozen) == (part == "frozen")]
        name = f"{part}, one day" if one_day else part
        started = time.perf_counter()
        assignment = cluster_articles(analyse(chosen))
        scored = score_written(chosen, assignment) if part == "written" else score_part(chosen, assignment, judged)
        if judged_old is not None and part != "written":
            scored["old_gold"] = score_part(chosen, assignment, judged_old)
        result["parts"][name] = {**scored, "seconds": round(time.perf_counter() - started, 1)}
    result["german"] = german_figures() if german else None
    return result


SWEEP = {"VECTOR_JOIN": (0.55, 0.60, 0.62, 0.64, 0.70), "VECTOR_MERGE": (0.62, 0.66, 0.70, 0.74, 9.0),
         "MEMBER_LINK": (0.0, 0.45, 0.5, 0.55), "ANCHOR_BONUS": (0.0, 0.05, 0.1, 0.15, 0.2)}


def sweep(data: Path) -> None:
    """Each constant of link/crosslingual.py over a few values, the others as shipped, on the parts
    tuned on (tune and written, both date modes): how the shipped values were chosen. The frozen
    part is never swept. VECTOR_MERGE 9.0 means no merges by vectors."""
    from storyline.link import crosslingual
    from storyline.link.stories import cluster_articles

    frozen, judged = set(read_lines(FROZEN)), same_events()
    parts = {}
    for one_day in (False, True):
        tune = [r for r in read_records(data, one_day) if r["pair"] not in frozen]
        parts[f"tune{' 1d' if one_day else ''}"] = (tune, analyse(tune))
        written = written_records(one_day)
        parts[f"written{' 1d' if one_day else ''}"] = (written, analyse(written))
    print("| constant | value | " + " | ".join(parts) + " |\n|---|---|" + "---|" * len(parts))
    for name, values in SWEEP.items():
        shipped = getattr(crosslingual, name)
        for value in values:
            setattr(crosslingual, name, value)
            cells = []
            for part, (records, features) in parts.items():
                assignment = cluster_articles(features)
                if part.startswith("written"):
                    p = score_written(records, assignment)
                    cells.append(f"{p['joined']:.3f} / {p['en_pair_precision']:.3f}")
                else:
                    p = score_part(records, assignment, judged)
                    cells.append(f"{p['joined']:.3f} / {p['pair_precision']:.3f}")
            mark = "**" if value == shipped else ""
            print(f"| {name} | {mark}{value}{mark} | " + " | ".join(cells) + " |")
        setattr(crosslingual, name, shipped)


def run_baseline(revision: str, data: Path, old_gold: Path | None = None) -> dict:
    """This script on the code of `revision`, in a detached worktree with its own build/ cache."""
    tree = ROOT / "build" / f"baseline-{revision}"
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), revision], check=True,
                       capture_output=True)
    for name in ("crosslingual.py", "data/crosslingual_frozen_ids.txt", "data/crosslingual_same_event.tsv",
                 "data/crosslingual_written_en.jsonl"):
        (tree / "benchmarks" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(HERE / name, tree / "benchmarks" / name)
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "CROSSLINGUAL_CODE": f"commit {revision}"}
    extra = ["--old-gold-file", str(old_gold)] if old_gold else []
    done = subprocess.run([sys.executable, str(tree / "benchmarks" / "crosslingual.py"), "--emit-json",
                           "--data", str(data)] + extra, env=env, cwd=tree, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_table(results: list[dict]) -> None:
    for part in results[-1]["parts"]:
        if part.startswith("written"):
            print_written(part, results)
            continue
        first = results[0]["parts"][part]
        print(f"\n{part} part ({first['texts']} texts, {first['texts'] // 2} translation pairs)\n")
        old = "old_gold" in first
        print("| code | joined with translation | pair P | merges | wrong (en-en / de-de / de-en) | "
              + ("pair P, old gold | wrong, old gold | " if old else "")
              + "stories | largest | seconds |\n|---|---|---|---|---|---|---|---|" + ("---|---|" if old else ""))
        for result in results:
            p = result["parts"][part]
            o = p.get("old_gold")
            old_cells = (f"{o['pair_precision']:.3f} | {o['wrong']} ({o['wrong_en_en']} / {o['wrong_de_de']} / "
                         f"{o['wrong_de_en']}) | ") if o else ""
            print(f"| {result['code']} | **{p['joined']:.3f}** | **{p['pair_precision']:.3f}** | {p['merges']} | "
                  f"{p['wrong']} ({p['wrong_en_en']} / {p['wrong_de_de']} / {p['wrong_de_en']}) | {old_cells}"
                  f"{p['stories']} | {p['largest']} | {p['seconds']} |")
    if results[-1]["german"] is None:
        return
    print(f"\nGerman event set ({results[0]['german']['articles']} articles, benchmarks/data/clustering_de.jsonl)\n")
    print("| code | BCubed P | BCubed R | BCubed F1 | pair P | pair R | pair F1 |\n|---|---|---|---|---|---|---|")
    for result in results:
        g = result["german"]
        print(f"| {result['code']} | {g['bcubed_p']:.3f} | {g['bcubed_r']:.3f} | **{g['bcubed_f1']:.3f}** | "
              f"{g['pair_p']:.3f} | {g['pair_r']:.3f} | **{g['pair_f1']:.3f}** |")


def print_written(part: str, results: list[dict]) -> None:
    first = results[0]["parts"][part]
    print(f"\n{part} part ({first['texts']} texts: {first['english']} English reports of German events, "
          f"{first['neighbours']} of neighbouring events)\n")
    print("| code | English joined with their German event | pair P | en pair P | merges | "
          "wrong (en-en / de-de / de-en) | neighbours alone | largest |\n|---|---|---|---|---|---|---|---|")
    for result in results:
        p = result["parts"].get(part)
        if p:
            print(f"| {result['code']} | **{p['joined']:.3f}** | {p['pair_precision']:.3f} | "
                  f"**{p['en_pair_precision']:.3f}** | {p['merges']} | {p['wrong']} ({p['wrong_en_en']} / "
                  f"{p['wrong_de_de']} / {p['wrong_de_en']}) | {p['neighbours_alone']}/{p['neighbours']} | "
                  f"{p['largest']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--baseline", help="git revision to run beside this checkout (e.g. the commit before)")
    parser.add_argument("--tune-only", action="store_true", help="only the tune part, no German figures (tuning)")
    parser.add_argument("--sweep", action="store_true", help="the linker's constants, swept on the tuned parts only")
    parser.add_argument("--old-gold", metavar="REV",
                        help="also score pair P against data/crosslingual_same_event.tsv as committed at REV")
    parser.add_argument("--old-gold-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--emit-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    old_gold = args.old_gold_file or (old_gold_file(args.old_gold) if args.old_gold else None)
    if not args.data.exists():
        sys.exit(f"{args.data} is missing: the cross-lingual development set is research-only shared data")
    if args.sweep:
        return sweep(args.data)
    if args.emit_json:
        print(json.dumps(measure(args.data, old_gold=old_gold)))
        return
    print(f"command: {' '.join([Path(sys.executable).name] + sys.argv)}")
    results = [run_baseline(args.baseline, args.data, old_gold)] if args.baseline else []
    results.append(measure(args.data, ("tune", "written"), german=False, old_gold=old_gold) if args.tune_only
                   else measure(args.data, old_gold=old_gold))
    print_table(results)


if __name__ == "__main__":
    main()
