"""Quote and speaker accuracy on SpkAtt-2023 train (German Wikinews), beside a naive baseline.

    .venv/bin/python benchmarks/quotes.py [--limit N] [--range A:B] [--errors N]

`--range 0:500` scores articles 0..499 only (the part whose errors were read while writing the
rules; 500:700 is the less-tuned part). `--errors N` prints up to N speaker misses of the
storyline system with gold Source mentions (message, gold Source, predicted speaker and cue).

A gold message counts as found when one predicted quote covers at least half of its characters;
a predicted quote is correct when at least half of it lies inside gold messages of any form
(Direct, Indirect, Reported, FreeIndirect); the speaker is right when the predicted speaker phrase
or its resolved mention overlaps the annotated Source. Speakers are scored twice: with the gold
Source spans given as PER mentions (isolates attribution from NER) and with a crude gold-free
stand-in mention finder (capitalised words not after a determiner), since the NER model is not
ready yet.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spkatt import SPKATT_TRAIN, SpkAttDoc, read_corpus  # noqa: E402

from storyline.analyze.quotes.attribution import find_quotes  # noqa: E402
from storyline.analyze.quotes.marks import find_quoted  # noqa: E402
from storyline.ingest.article import make_article  # noqa: E402
from storyline.model import Article, Mention, Quote  # noqa: E402

CAPITALISED = re.compile(r"[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*)*")
NOT_NAMES = re.compile(r"(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen)\s+(?:\w+\s+)?$", re.I)


def standin_mentions(article: Article) -> list[Mention]:
    """Gold-free stand-in for NER: capitalised runs that do not open a sentence or follow a
    determiner (German capitalises nouns, and nouns mostly follow a determiner)."""
    starts = {s.start for s in article.sentences}
    mentions = []
    for match in CAPITALISED.finditer(article.text):
        before = article.text[max(0, match.start() - 30):match.start()]
        if match.start() in starts or NOT_NAMES.search(before):
            continue
        mentions.append(Mention(match.start(), match.end(), match.group(), "PER"))
    return mentions


def gold_mentions(doc: SpkAttDoc) -> list[Mention]:
    spans = {span for a in doc.annotations for span in a.source}
    return [Mention(s, e, doc.text[s:e], "PER") for s, e in sorted(spans)]


def baseline_quotes(article: Article, mentions: list[Mention]) -> list[Quote]:
    """Naive: every quotation-mark pair, plus every sentence with sei/habe/werde/könne; the
    speaker is the last mention before the quote in its sentence or just after it."""
    quotes = [Quote(q.start, q.end, article.text[q.start:q.end], "direct") for q in find_quoted(article)]
    for sentence in article.content_sentences():
        body = article.text[sentence.start:sentence.end]
        if re.search(r"\b(sei|seien|habe|werde|könne)\b", body):
            quotes.append(Quote(sentence.start, sentence.end, body, "indirect"))
    for quote in quotes:
        near = [m for m in mentions if quote.start - 150 <= m.start < quote.end + 80
                and not (quote.start <= m.start < quote.end)]
        if near:
            best = min(near, key=lambda m: abs(m.start - quote.end))
            quote.speaker_text, quote.speaker_start, quote.speaker_end = best.text, best.start, best.end
    return quotes


def covered(span_list, start: int, end: int) -> int:
    return sum(max(0, min(end, b) - max(start, a)) for a, b in span_list)


def overlaps(spans, start, end) -> bool:
    return start is not None and any(a < end and start < b for a, b in spans)


def score_doc(doc: SpkAttDoc, quotes: list[Quote], totals: dict, misses: list | None = None) -> None:
    gold_all = [span for a in doc.annotations for span in a.message]
    for quote in quotes:
        totals["predicted"] += 1
        totals["correct"] += covered(gold_all, quote.start, quote.end) * 2 >= (quote.end - quote.start)
    for annotation in doc.annotations:
        if annotation.form not in ("Direct", "Indirect") or not annotation.message:
            continue
        size = sum(b - a for a, b in annotation.message)
        hits = [q for q in quotes if covered(annotation.message, q.start, q.end) * 2 >= size]
        key = annotation.form.lower()
        totals[f"{key}_gold"] += 1
        totals[f"{key}_found"] += bool(hits)
        if hits and annotation.source:
            totals["speaker_gold"] += 1
            right = any(
                overlaps(annotation.source, q.speaker_start, q.speaker_end)
                or overlaps(annotation.source, getattr(q, "resolved_start", None), getattr(q, "resolved_end", None))
                for q in hits)
            totals["speaker_right"] += right
            if not right and misses is not None:
                misses.append((doc, annotation, hits[0]))


def print_miss(doc: SpkAttDoc, annotation, quote: Quote) -> None:
    """One speaker miss: the gold message and Source beside what the rules read."""
    text = doc.text
    start = min([a for a, _ in annotation.message + annotation.source] + [quote.start])
    end = max([b for _, b in annotation.message + annotation.source] + [quote.end])
    gold = " | ".join(text[a:b] for a, b in annotation.source)
    print(f"--- {doc.name} [{annotation.form}] gold={gold!r} predicted={quote.speaker_text!r} "
          f"resolved={quote.resolved_text!r} cue={quote.cue!r} kind={quote.kind}")
    print("    " + text[max(0, start - 120):end + 60].replace("\n", " "))


def run(docs: list[SpkAttDoc], misses: list | None = None) -> dict[str, dict]:
    systems = {"baseline (marks + sei/habe)": {}, "storyline, gold Source mentions": {},
               "storyline, stand-in mentions": {}}
    for totals in systems.values():
        totals.update(dict.fromkeys(["predicted", "correct", "direct_gold", "direct_found", "indirect_gold",
                                     "indirect_found", "speaker_gold", "speaker_right"], 0))
    for doc in docs:
        article = make_article(doc.text, date=doc.date)
        assert article.text == doc.text, doc.name
        standin = standin_mentions(article)
        score_doc(doc, baseline_quotes(article, standin), systems["baseline (marks + sei/habe)"])
        score_doc(doc, find_quotes(article, gold_mentions(doc)), systems["storyline, gold Source mentions"], misses)
        score_doc(doc, find_quotes(article, standin), systems["storyline, stand-in mentions"])
    return systems


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def print_table(systems: dict[str, dict], docs: int, seconds: float, command: str) -> None:
    print(f"SpkAtt-2023 train, {docs} articles, {seconds:.0f} s; command: `{command}`\n")
    print("| system | direct recall | indirect recall | quote precision | speaker accuracy |")
    print("|---|---|---|---|---|")
    for name, t in systems.items():
        print(f"| {name} | {ratio(t['direct_found'], t['direct_gold'])} ({t['direct_found']}/{t['direct_gold']}) "
              f"| {ratio(t['indirect_found'], t['indirect_gold'])} ({t['indirect_found']}/{t['indirect_gold']}) "
              f"| {ratio(t['correct'], t['predicted'])} ({t['correct']}/{t['predicted']}) "
              f"| {ratio(t['speaker_right'], t['speaker_gold'])} ({t['speaker_right']}/{t['speaker_gold']}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--range", default=None, help="articles A:B only (file-name order)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N speaker misses")
    args = parser.parse_args()
    if not SPKATT_TRAIN.exists():
        sys.exit(f"needs {SPKATT_TRAIN}")
    started = time.time()
    docs = read_corpus(limit=args.limit)
    if args.range:
        first, last = (int(x) if x else None for x in args.range.split(":"))
        docs = docs[first:last]
    misses: list = []
    systems = run(docs, misses)
    command = ".venv/bin/python benchmarks/quotes.py" + (f" --limit {args.limit}" if args.limit else "")
    command += f" --range {args.range}" if args.range else ""
    print_table(systems, len(docs), time.time() - started, command)
    for miss in misses[:args.errors]:
        print_miss(*miss)


if __name__ == "__main__":
    main()
