"""NER on untokenised modern German news sentences (frozen, hand-annotated), shipped system beside a baseline.

Gold: data/ner_modern_gold.tsv, 272 sentences of the German originals of the cross-lingual development set
(WMT newstest2021, regional German and Austrian papers, mid-2020), picked by a seeded rule (`select_sentences`)
and annotated by hand before any system was run on them (data/ner_modern_ANNOTATION.md). The texts stay in
../shared/data (research-use licence): the gold holds ids, character offsets and the names, and this script
rebuilds each sentence from the shared file. The set is frozen: no rule or model choice may look at it.

Systems: the shipped system as `storyline analyze` runs it (each sentence is one article: `make_article`, then
the entity stage of the article's language; `--in-article` also scores it with the whole article as input),
the spaCy baseline of benchmarks/ner.py, and with `--against MODEL_DIR` Storyline's rules around another
model. Scoring is strict (exact character span and type): per type, micro over PER/ORG/LOC and over all
four, with benchmarks/ner.py's sentence bootstrap for the 95 % intervals and the paired difference to the
shipped system.

Usage: .venv/bin/python benchmarks/ner_modern.py [--against MODEL_DIR] [--no-baseline] [--in-article] [--accurate] [--json]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from ner import (DEFAULT_BASELINE, LABELS, bootstrap_interval, score, sentence_counts,  # noqa: E402
                 spacy_system, storyline_system)

GOLD = HERE / "data" / "ner_modern_gold.tsv"
DATA = HERE.parent.parent / "shared" / "data" / "crosslingual_dev" / "pairs.jsonl"

# The selection rule (fixed before annotation): German originals in file order, split into sentences by
# SENTENCE_END; a sentence is picked when sha1("<text id>:<start offset>") is even; whole articles are
# taken until at least 200 sentences and 300 names are in the set.
ABBREVIATIONS = {"Dr", "Prof", "Nr", "St", "bzw", "ca", "etc", "evtl", "ggf", "inkl", "Mio", "Mrd", "usw", "vgl",
                 "z", "u", "a", "v", "Chr", "Jh", "Str", "Hr", "Fr", "geb", "gest", "Abs", "Art", "Tel", "Mo", "Di",
                 "Mi", "Do", "Sa", "So"}
SENTENCE_END = re.compile(r'[.!?]["“”«»\')]*\s+(?=["„“«»(]?[A-ZÄÖÜ0-9])')


def german_originals() -> list[dict]:
    """The articles written in German, in file order (translations into German are left out)."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if row["lang"] == "de" and row["role"] == "original"]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of sentences: a break after . ! ? (and closing quotes) before a capital, digit or
    opening quote, except after a number (dates, ordinals), a single letter or a listed abbreviation.
    Headlines without a full stop stay joined to the next sentence, as the text arrives."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        word = re.search(r'(\S+?)[.!?]["“”«»\')]*\s+$', text[start:match.end()])
        last = word.group(1).rsplit(".", 1)[-1] if word else ""
        if last.isdigit() or last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def select_sentences(articles: list[dict]) -> list[tuple[str, int, int]]:
    """Every candidate (text id, start, end) by the seeded rule, in file order."""
    return [(row["id"], start, end) for row in articles for start, end in split_sentences(row["text"])
            if int(hashlib.sha1(f"{row['id']}:{start}".encode()).hexdigest(), 16) % 2 == 0]


def read_gold() -> tuple[list[tuple[str, int, int]], dict[tuple[str, int, int], set]]:
    """Sentences (text id, start, end) in order, and each one's names as {(start, end, type)} in sentence offsets."""
    sentences, names, surfaces = [], {}, []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, text_id, start, end, *rest = line.split("\t")
        if kind == "sentence":
            sentences.append((text_id, int(start), int(end)))
            names[sentences[-1]] = set()
        else:
            sentence = sentences[-1]
            label, surface = rest
            names[sentence].add((int(start) - sentence[1], int(end) - sentence[1], label))
            surfaces.append((text_id, int(start), int(end), surface))
    return sentences, names, surfaces


def check_gold(texts: dict[str, str], sentences: list, surfaces: list) -> None:
    """The gold must still fit the shared text and the selection rule (it breaks if the file changes)."""
    wrong = [s for s in surfaces if texts[s[0]][s[1]:s[2]] != s[3]]
    if wrong:
        sys.exit(f"{len(wrong)} gold names do not match the shared text, e.g. {wrong[0]}")
    if sentences != select_sentences(german_originals())[:len(sentences)]:
        sys.exit("the gold sentences are not the ones the selection rule picks")


def as_analyze(text: str) -> set:
    """Mentions as `storyline analyze` finds them in `text` given as one article, in offsets into `text`."""
    from storyline.analyze.pipeline import stages_for
    from storyline.ingest.article import make_article
    from storyline.model import AnalyzedArticle

    article = make_article(text)
    analyzed = AnalyzedArticle(article=article)
    dict(stages_for(article.language)).get("entities", lambda _: None)(analyzed)
    found = {(m.start, m.end, m.type) for m in analyzed.mentions or []}
    if article.text == text:
        return found
    position = {}  # cleaning changed the text: map offsets through the matching blocks
    for a, b, size in SequenceMatcher(None, article.text, text, autojunk=False).get_matching_blocks():
        position.update({a + i: b + i for i in range(size + 1)})
    return {(position[s], position[e], t) for s, e, t in found if s in position and e in position}


def in_article(texts: dict[str, str], sentences: list) -> list[set]:
    """The shipped system given each whole article (as users feed it); mentions inside each gold sentence."""
    by_article = {text_id: as_analyze(texts[text_id]) for text_id in dict.fromkeys(s[0] for s in sentences)}
    return [{(s - start, e - start, t) for s, e, t in by_article[text_id] if start <= s and e <= end}
            for text_id, start, end in sentences]


def without_misc(spans: set) -> set:
    return {span for span in spans if span[2] != "MISC"}


def report(name: str, gold: list[set], predicted: list[set], reference=None) -> dict:
    """Per type and micro P/R/F1; micro F1 also over PER/ORG/LOC alone (the issue's first target)."""
    rows = score(gold, predicted)
    counts = sentence_counts(gold, predicted)
    low, high = bootstrap_interval(counts)
    three_gold, three_predicted = [without_misc(g) for g in gold], [without_misc(p) for p in predicted]
    three = score(three_gold, three_predicted)["micro"]
    result = {"system": name, "micro_f1_95": [low, high],
              **{label: dict(zip(("precision", "recall", "f1", "gold"), rows[label])) for label in (*LABELS, "micro")},
              "PER/ORG/LOC": dict(zip(("precision", "recall", "f1", "gold"), three)),
              "PER/ORG/LOC_f1_95": list(bootstrap_interval(sentence_counts(three_gold, three_predicted)))}
    if reference is not None:
        low, high = bootstrap_interval(reference, counts)
        result["difference_to_shipped_95"] = [low, high]
    return result


def print_table(results: list[dict], n_sentences: int) -> None:
    print(f"{n_sentences} sentences, {results[0]['micro']['gold']} gold names "
          f"({', '.join(label + ' ' + str(results[0][label]['gold']) for label in LABELS)}); strict span + type\n")
    columns = (*LABELS, "PER/ORG/LOC", "micro")
    print("| system | " + " | ".join(f"{label} P / R / F1" for label in columns)
          + " | PER/ORG/LOC F1 95 % | micro F1 95 % |")
    print("|---|" + "---|" * (len(columns) + 2))
    for result in results:
        cells = [f"{result[k]['precision']:.3f} / {result[k]['recall']:.3f} / **{result[k]['f1']:.3f}**"
                 for k in columns]
        intervals = [f"{low:.3f} – {high:.3f}" for low, high in (result["PER/ORG/LOC_f1_95"], result["micro_f1_95"])]
        print(f"| {result['system']} | " + " | ".join(cells + intervals) + " |")
    for result in results[1:]:
        if "difference_to_shipped_95" in result:
            low, high = result["difference_to_shipped_95"]
            print(f"micro F1, shipped minus {result['system']} (paired bootstrap, 95 %): "
                  f"{results[0]['micro']['f1'] - result['micro']['f1']:+.3f} [{low:+.3f}, {high:+.3f}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--against", type=Path, help="also score Storyline's rules around this spaCy model dir")
    parser.add_argument("--in-article", action="store_true",
                        help="also score the shipped system reading each whole article instead of the sentence")
    parser.add_argument("--accurate", action="store_true",
                        help="also score the accurate NER mode (--ner accurate), paired against the shipped default")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"skipped: {DATA} is missing (research-only shared data; the gold holds only offsets into it)")
    texts = {row["id"]: row["text"] for row in german_originals()}
    sentences, names, surfaces = read_gold()
    check_gold(texts, sentences, surfaces)
    plain = [texts[text_id][start:end] for text_id, start, end in sentences]
    gold = [names[s] for s in sentences]

    predicted = [as_analyze(t) for t in plain]
    results = [report("storyline (shipped, as `storyline analyze`)", gold, predicted)]
    shipped = sentence_counts(gold, predicted)
    if args.in_article:
        results.append(report("storyline (shipped), whole article as input", gold, in_article(texts, sentences),
                              shipped))
    if args.accurate:  # the accurate NER mode (encoder tagger + the same rules), paired against the default
        import os

        os.environ["STORYLINE_NER"] = "accurate"
        results.append(report("storyline --ner accurate", gold, [as_analyze(t) for t in plain], shipped))
        if args.in_article:
            results.append(report("storyline --ner accurate, whole article as input", gold,
                                  in_article(texts, sentences), shipped))
        os.environ["STORYLINE_NER"] = "fast"
    if args.against is not None:
        storyline_system(model_dir=args.against)  # swaps the model the entity stage loads; rules unchanged
        results.append(report(f"storyline rules + model {args.against}", gold, [as_analyze(t) for t in plain],
                              shipped))
    if not args.no_baseline:
        if Path(args.baseline).exists():
            system = spacy_system(args.baseline)
            results.append(report(f"baseline: spaCy NER, GermEval-train+SmartData ({args.baseline.parent.name})", gold,
                                  [system(t) for t in plain], shipped))
        else:
            print(f"baseline skipped: {args.baseline} is missing (python scripts/train_ner.py builds it)",
                  file=sys.stderr)
    if args.json:
        print(json.dumps({"sentences": len(sentences), "results": results}, ensure_ascii=False, indent=1))
    else:
        print_table(results, len(sentences))
        print(f"\ncommand: python benchmarks/ner_modern.py {' '.join(sys.argv[1:])}".rstrip())


if __name__ == "__main__":
    main()
