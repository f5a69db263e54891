"""Quote and speaker accuracy: the rules at a base commit beside the rules of this checkout.

    .venv/bin/python benchmarks/quotes.py [--part tune|frozen|smartdata|wikinews|rw-tune|rw-frozen|all] [--base 8f5b6ce]
                                          [--mentions gold|ner] [--limit N] [--errors N]

Parts (fixed before the issue-22 rules were written):
- tune: SpkAtt-2023 train articles 0-499 in file-name order (read while writing rules);
- frozen: SpkAtt-2023 train articles 500-699, ids in `benchmarks/data/quotes_frozen_ids.txt`
  (not looked at for the issue-22 rules);
- smartdata: 30 SmartData news articles from other outlets, every quote and its speaker annotated
  by hand (`benchmarks/data/quotes_smartdata.jsonl`, see `quotes_ANNOTATION.md`; not looked at
  for rules). Always run with the shipped NER, as `storyline analyze` runs;
- wikinews: 40 articles of the bundled Wikinews sample, annotated by hand the same way and fixed
  before any quote code ran on them (`benchmarks/data/quotes_wikinews.jsonl`, ids and selection rule
  in `quotes_wikinews.py`; issue 22's fresh held-out check: aggregates only). Scored like smartdata;
- rw-tune, rw-frozen: news samples of corpus REDEWIEDERGABE (newspapers and a magazine, 1840-1920),
  speech and writing only, split by a hash of the document id (`benchmarks/data/quotes_rw.py`;
  frozen ids in `benchmarks/data/quotes_rw_frozen_ids.txt`). Historical German: a second opinion.
  `--part all` runs all six parts.

The base commit's code is unpacked with `git archive` into build/quotes_base/<commit> and run in a
subprocess, so both systems run on the same texts in the same run. `--mentions gold` gives the
SpkAtt Source spans as PER mentions (isolates attribution from NER); `ner` (default) runs the
shipped NER model as users get it.

A gold message is found when one predicted quote covers at least half of its characters; a
predicted quote is correct when at least half of it lies inside gold messages of any form; the
speaker is right when the predicted speaker phrase or its resolved mention overlaps the annotated
Source (SmartData: contains the annotated speaker's head word). Found messages are also counted per
error class of issue 22 (a class read from the gold annotation alone, so it is the same for both
systems), and two system-side errors are counted: speakers that are a lone adverb or conjunction,
and partial quotes listed a second time inside an indirect quote.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spkatt import REPO_ROOT, SPKATT_TRAIN, SpkAttDoc, read_corpus  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
from quotes_rw import rw_part  # noqa: E402

DATA = REPO_ROOT / "benchmarks" / "data"
FROZEN_IDS = DATA / "quotes_frozen_ids.txt"
SMARTDATA = DATA / "quotes_smartdata.jsonl"
HAND_ANNOTATED = {"smartdata": SMARTDATA, "wikinews": DATA / "quotes_wikinews.jsonl"}
BASE = "8f5b6ce"

# Words that are never a speaker: used only to count that error (the rules do not read this list).
NOT_SPEAKERS = set("""unterdessen erst zudem außerdem auch doch aber und oder denn dann danach daraufhin
zugleich gleichzeitig jedoch allerdings trotzdem dennoch deshalb daher damit somit also zwar nun jetzt
heute gestern morgen bereits schon noch später zuvor vorher inzwischen mittlerweile indes indessen
ebenfalls ferner weiter weiterhin überdies darüber hinaus schließlich letztlich bislang bisher zunächst
anschließend dabei dazu hierzu hier dort so wie als ob dass weil wenn während nachdem obwohl
insbesondere vor allem vielmehr sogar nur bloß eben gerade ebenso demnach demzufolge folglich
andererseits einerseits stattdessen hingegen dagegen wiederum""".split())
PRONOUNS = {"er", "sie", "es", "ich", "wir", "ihr", "du", "man"}


# --- reading the parts ---------------------------------------------------------------------------

def frozen_names() -> list[str]:
    return [line.strip() for line in FROZEN_IDS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def spkatt_part(part: str, limit: int | None = None) -> list[SpkAttDoc]:
    if part.startswith("rw-"):
        return rw_part(part, limit)
    docs = read_corpus()
    frozen = set(frozen_names())
    assert len(frozen) == 200 and all(any(d.name == n for d in docs) for n in list(frozen)[:5])
    chosen = [d for d in docs if (d.name in frozen) == (part == "frozen")]
    return chosen[:limit]


def smartdata_docs(limit: int | None = None, part: str = "smartdata") -> list[dict]:
    """The records of a hand-annotated part (smartdata or wikinews)."""
    path = HAND_ANNOTATED[part]
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs[:limit]


# --- running a system (in this process; the base commit runs this same function in a subprocess) --

def predict(part: str, mentions: str, limit: int | None) -> list[list[dict]]:
    """Each document's quotes as plain dicts, from whichever `storyline` package is importable."""
    from storyline.analyze.quotes import find_quotes
    from storyline.ingest.article import make_article
    from storyline.model import Mention

    out, crashed = [], 0
    if part in HAND_ANNOTATED:
        from storyline.analyze.entities import find_mentions

        for doc in smartdata_docs(limit, part):
            article = make_article(doc["text"], date=doc["date"][:10])
            out.append([quote_dict(q) for q in find_quotes(article, find_mentions(article))])
        return out
    for doc in spkatt_part(part, limit):
        article = make_article(doc.text, date=doc.date)
        assert article.text == doc.text, doc.name
        if mentions == "gold":
            spans = sorted({span for a in doc.annotations for span in a.source})
            found = [Mention(s, e, doc.text[s:e], "PER") for s, e in spans]
        else:
            from storyline.analyze.entities import find_mentions

            found = find_mentions(article)
        try:
            out.append([quote_dict(q) for q in find_quotes(article, found)])
        except Exception:  # noqa: BLE001 - older rules crash on some historical texts: no quotes, counted
            crashed += 1
            out.append([])
    if crashed:
        print(f"[{part}] the rules raised an error on {crashed} article(s): counted as finding no quotes",
              file=sys.stderr)
    return out


def quote_dict(quote) -> dict:
    return {key: getattr(quote, key, None) for key in (
        "start", "end", "kind", "cue", "speaker_text", "speaker_start", "speaker_end",
        "resolved_start", "resolved_end", "resolved_text", "speaker_kind")}


def predict_at_base(commit: str, part: str, mentions: str, limit: int | None) -> list[list[dict]]:
    """`predict` with the code of `commit` (unpacked once into build/quotes_base/<commit>)."""
    root = REPO_ROOT / "build" / "quotes_base" / commit
    if not (root / "src" / "storyline").exists():
        root.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(REPO_ROOT), "archive", commit, "src"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        target = handle.name
    env = dict(os.environ, PYTHONPATH=str(root / "src"))
    command = [sys.executable, __file__, "--predict-to", target, "--part", part, "--mentions", mentions]
    command += ["--limit", str(limit)] if limit else []
    subprocess.run(command, check=True, env=env)
    predictions = json.loads(Path(target).read_text(encoding="utf-8"))
    os.unlink(target)
    return predictions


# --- error classes of issue 22, read from the gold annotation alone ----------------------------

PREPOSITIONAL = re.compile(r"\b(laut|zufolge|angaben|worten|so|wie|nach|bei|heißt|hieß)\b", re.I)
STATEMENT = re.compile(r"\b(wurde|wurden|werde|worden|mitteilung|erklärung|bericht|stellungnahme|"
                       r"pressemitteilung|schreiben|heißt|hieß)\b", re.I)


def gold_class(text: str, annotation, nouns: set[str]) -> str:
    """The issue-22 error class a gold quote belongs to (one, by priority)."""
    source = " ".join(text[a:b] for a, b in annotation.source)
    cue = " ".join(text[a:b] for a, b in annotation.cue)
    words = source.split()
    if cue and PREPOSITIONAL.search(cue) and not re.search(r"\b(sagte|sagt|erklärte)\b", cue):
        return "prepositional source (laut, zufolge, so, wie … mitteilte)"
    if cue and STATEMENT.search(cue):
        return "passive / statement noun"
    if source.lower() in PRONOUNS or (words and all(w[:1].islower() or w in nouns or not w[:1].isalpha()
                                                    for w in words)):
        return "pronoun or role noun"
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) >= 2 and caps[0] in nouns and any(w not in nouns for w in caps[1:]):
        return "role + name apposition"
    message_start = min(a for a, _ in annotation.message)
    message_end = max(b for _, b in annotation.message)
    if not annotation.cue:
        return "continuation (no verb of its own)"
    if min(a for a, _ in annotation.cue) > message_end:
        return "inverted order (cue after the quote)"
    source_end = max(b for _, b in annotation.source)
    if source_end <= message_start and ":" in text[source_end:message_start]:
        return "colon frame (X: „…“)"
    return "plain subject + verb"


def load_nouns() -> set[str]:
    import gzip

    path = REPO_ROOT.parent / "shared" / "data" / "lexicon_de" / "german_nouns.json.gz"
    if not path.exists():
        return set()
    forms = set()
    for lemma, entry in json.load(gzip.open(path, "rt", encoding="utf-8")).items():
        forms.add(lemma)
        for case in ("NOM", "GEN", "DAT", "AKK"):
            forms.update(v for v in (entry.get(case) or {}).values() if isinstance(v, str))
    return forms


# --- scoring -----------------------------------------------------------------------------------

def covered(spans, start: int, end: int) -> int:
    return sum(max(0, min(end, b) - max(start, a)) for a, b in spans)


def overlaps(spans, start, end) -> bool:
    return start is not None and end is not None and any(a < end and start < b for a, b in spans)


def new_totals() -> Counter:
    return Counter()


def system_errors(text: str, quotes: list[dict], totals: Counter) -> None:
    for q in quotes:
        speaker = (q["speaker_text"] or "").strip()
        if speaker and " " not in speaker and speaker.lower() in NOT_SPEAKERS:
            totals["err: adverb/conjunction as speaker"] += 1
        if q["kind"] == "partial" and any(o["kind"] == "indirect" and o["start"] <= q["start"] and q["end"] <= o["end"]
                                          for o in quotes):
            totals["err: partial listed again inside an indirect quote"] += 1


def score_spkatt(doc: SpkAttDoc, quotes: list[dict], totals: Counter, nouns: set[str], misses=None,
                 unfound=None) -> None:
    gold_all = [span for a in doc.annotations for span in a.message]
    for q in quotes:
        totals["predicted"] += 1
        totals["correct"] += covered(gold_all, q["start"], q["end"]) * 2 >= (q["end"] - q["start"])
    system_errors(doc.text, quotes, totals)
    for annotation in doc.annotations:
        if annotation.form not in ("Direct", "Indirect") or not annotation.message:
            continue
        size = sum(b - a for a, b in annotation.message)
        hits = [q for q in quotes if covered(annotation.message, q["start"], q["end"]) * 2 >= size]
        key = annotation.form.lower()
        totals[f"{key}_gold"] += 1
        totals[f"{key}_found"] += bool(hits)
        if not hits and unfound is not None:
            unfound.append((doc.name, doc.text, annotation))
        if hits and annotation.source:
            right = any(overlaps(annotation.source, q["speaker_start"], q["speaker_end"])
                        or overlaps(annotation.source, q["resolved_start"], q["resolved_end"]) for q in hits)
            cls = gold_class(doc.text, annotation, nouns)
            totals["speaker_gold"] += 1
            totals["speaker_right"] += right
            totals[f"class {cls}|n"] += 1
            totals[f"class {cls}|right"] += right
            if not right and misses is not None:
                misses.append((doc.name, doc.text, annotation, hits[0], cls))


def head_word(phrase: str) -> str:
    words = [w.strip(",.;:«»„“\"()") for w in phrase.split()]
    caps = [w for w in words if w[:1].isupper()]
    return (caps or words)[-1]


def score_smartdata(doc: dict, quotes: list[dict], totals: Counter) -> None:
    gold = [(g["start"], g["end"]) for g in doc["quotes"]]
    for q in quotes:
        totals["predicted"] += 1
        totals["correct"] += covered(gold, q["start"], q["end"]) * 2 >= (q["end"] - q["start"])
    system_errors(doc["text"], quotes, totals)
    for g in doc["quotes"]:
        size = g["end"] - g["start"]
        hits = [q for q in quotes if covered([(g["start"], g["end"])], q["start"], q["end"]) * 2 >= size]
        totals[f"{g['kind']}_gold"] += 1
        totals[f"{g['kind']}_found"] += bool(hits)
        if hits and g["speaker"]:
            said = [f" {q['speaker_text'] or ''} {q['resolved_text'] or ''} " for q in hits]
            right = any(re.search(r"(?<![\w-])" + re.escape(head_word(alt)) + r"(?![\w-])", s)
                        for alt in g["speaker"] for s in said)
            totals["speaker_gold"] += 1
            totals["speaker_right"] += right


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def print_part(part: str, results: dict[str, Counter], ndocs: int, seconds: float) -> None:
    print(f"\n### part {part}: {ndocs} articles ({seconds:.0f} s)\n")
    print("| system | direct recall | indirect recall | quote precision | speaker accuracy |")
    print("|---|---|---|---|---|")
    for name, t in results.items():
        print(f"| {name} | {ratio(t['direct_found'], t['direct_gold'])} | {ratio(t['indirect_found'], t['indirect_gold'])} "
              f"| {ratio(t['correct'], t['predicted'])} | {ratio(t['speaker_right'], t['speaker_gold'])} |")
    classes = sorted({k[6:].split("|")[0] for t in results.values() for k in t if k.startswith("class ")})
    errors = sorted({k for t in results.values() for k in t if k.startswith("err: ")})
    if classes or errors:
        names = list(results)
        print("\n| error class (issue 22) | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        for cls in classes:
            cells = [f"{t[f'class {cls}|right']}/{t[f'class {cls}|n']} right" for t in results.values()]
            print(f"| speaker: {cls} | " + " | ".join(cells) + " |")
        for err in errors:
            print(f"| {err[5:]} (count) | " + " | ".join(str(t[err]) for t in results.values()) + " |")


def print_miss(name: str, text: str, annotation, quote: dict, cls: str) -> None:
    start = min([a for a, _ in annotation.message + annotation.source] + [quote["start"]])
    end = max([b for _, b in annotation.message + annotation.source] + [quote["end"]])
    gold = " | ".join(text[a:b] for a, b in annotation.source)
    print(f"--- {name} [{annotation.form}] ({cls}) gold={gold!r} predicted={quote['speaker_text']!r} "
          f"resolved={quote['resolved_text']!r} cue={quote['cue']!r} kind={quote['kind']}")
    print("    " + text[max(0, start - 120):end + 60].replace("\n", " "))


def print_false_positives(part: str, predictions: list[list[dict]], limit: int, docs_limit: int | None) -> None:
    """Wrong quotes of a tune part (less than half inside any gold message), with some context."""
    shown = 0
    for doc, quotes in zip(spkatt_part(part, docs_limit), predictions):
        gold_all = [span for a in doc.annotations for span in a.message]
        for q in quotes:
            if covered(gold_all, q["start"], q["end"]) * 2 < q["end"] - q["start"] and shown < limit:
                shown += 1
                print(f"+++ {doc.name} [{q['kind']}] speaker={q['speaker_text']!r} cue={q['cue']!r}")
                print("    " + doc.text[max(0, q["start"] - 100):q["end"] + 40].replace("\n", " "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="all", choices=["tune", "frozen", "smartdata", "wikinews", "rw-tune", "rw-frozen", "all"])
    parser.add_argument("--base", default=BASE, help="commit whose rules run beside this checkout's ('none': only this checkout)")
    parser.add_argument("--mentions", default="ner", choices=["gold", "ner"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each part")
    parser.add_argument("--errors", type=int, default=0,
                        help="print up to N speaker misses, by error class (tune parts only)")
    parser.add_argument("--missed", type=int, default=0, help="print up to N gold messages not found (tune parts only)")
    parser.add_argument("--fp", type=int, default=0, help="print up to N wrong quotes (tune parts only)")
    parser.add_argument("--predict-to", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.predict_to:  # the subprocess that runs the base commit's code
        Path(args.predict_to).write_text(json.dumps(predict(args.part, args.mentions, args.limit)), encoding="utf-8")
        return
    if not SPKATT_TRAIN.exists():
        sys.exit(f"needs {SPKATT_TRAIN}")
    nouns = load_nouns()
    parts = ["tune", "frozen", "smartdata", "wikinews", "rw-tune", "rw-frozen"] if args.part == "all" else [args.part]
    command = f".venv/bin/python benchmarks/quotes.py --part {args.part} --mentions {args.mentions}"
    command += f" --limit {args.limit}" if args.limit else ""
    print(f"command: `{command}`; base {args.base} vs this checkout")
    for part in parts:
        started = time.time()
        systems = {} if args.base == "none" else {
            f"rules at {args.base}": predict_at_base(args.base, part, args.mentions, args.limit)}
        systems["this checkout"] = predict(part, args.mentions, args.limit)
        results: dict[str, Counter] = {}
        misses: list = []
        unfound: list = []
        for name, predictions in systems.items():
            totals = new_totals()
            if part in HAND_ANNOTATED:
                for doc, quotes in zip(smartdata_docs(args.limit, part), predictions):
                    score_smartdata(doc, quotes, totals)
            else:
                for doc, quotes in zip(spkatt_part(part, args.limit), predictions):
                    mine = name == "this checkout"
                    score_spkatt(doc, quotes, totals, nouns, misses if mine else None, unfound if mine else None)
            results[name] = totals
        label = part + (" (shipped NER)" if part in HAND_ANNOTATED else f" ({args.mentions} mentions)")
        print_part(label, results, len(predictions), time.time() - started)
        if part in ("tune", "rw-tune") and args.missed:
            for name, text, annotation in unfound[:args.missed]:
                a, b = annotation.message[0][0], annotation.message[-1][1]
                cue = " | ".join(text[x:y] for x, y in annotation.cue)
                source = " | ".join(text[x:y] for x, y in annotation.source)
                print(f"ooo {name} [{annotation.form}] cue={cue!r} source={source!r}")
                print("    " + text[max(0, a - 120):b + 20].replace("\n", " "))
        if part in ("tune", "rw-tune") and args.fp:
            print_false_positives(part, systems["this checkout"], args.fp, args.limit)
        if part in ("tune", "rw-tune") and args.errors:
            print("\nspeaker misses by class (tune part): " + ", ".join(
                f"{cls} {n}" for cls, n in Counter(miss[-1] for miss in misses).most_common()))
            for miss in sorted(misses, key=lambda miss: miss[-1])[:args.errors]:
                print_miss(*miss)


if __name__ == "__main__":
    main()
