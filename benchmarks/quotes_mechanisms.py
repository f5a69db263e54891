"""Speaker misses of a tune part counted by mechanism (issue 22, round nine), read off the gold
and the predicted spans alone, so that the count is the same for any rule set:

    .venv/bin/python benchmarks/quotes_mechanisms.py --part tune|rw-tune [--show N]

A miss is a found gold message whose annotated Source neither the predicted speaker phrase nor its
resolved mention overlaps (the scoring of `quotes.py`). Tune parts only: the frozen parts are not
to be listed. Which antecedent a pronoun was resolved to is not scored on these parts (a Source
"er" is matched by the phrase "er"); that needs reading, see docs/accuracy-quotes.md.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes as Q  # noqa: E402

PRONOUNS = {"er", "sie", "ich", "wir", "ihr", "du", "man", "es", "uns", "mir", "mich", "ihn", "ihm"}
LINKS = {"der", "die", "das", "dem", "den", "denen", "welcher", "welche", "wonach", "demnach", "darin",
         "darunter", "darauf", "dessen", "deren"}


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    end = text.find(". ", offset)
    return start, len(text) if end < 0 else end


def mechanism(text: str, annotation, quote: dict) -> str:
    gold = " ".join(text[a:b] for a, b in annotation.source)
    start = min(a for a, _ in annotation.source)
    end = max(b for _, b in annotation.source)
    speaker = quote["speaker_text"]
    if quote["start"] <= start and end <= quote["end"]:
        return "gold source inside our quote (nested speech, or a second source inside the report)"
    if gold.lower() in LINKS:
        return "gold is a relative word or 'demnach'/'wonach' (left out by design)"
    if speaker is None:
        return "speaker left empty (gold " + ("a pronoun)" if gold.lower() in PRONOUNS else "a phrase)")
    if gold.lower() in PRONOUNS:
        return "gold a pronoun, another phrase taken"
    if speaker.lower() in PRONOUNS:
        return "a pronoun taken, gold a phrase"
    same = sentence_span(text, quote["speaker_start"]) == sentence_span(text, start)
    if not quote["cue"]:
        return "cue-less quote: " + ("another phrase of the same sentence" if same else "wrong neighbour or previous subject")
    return "two candidates in one sentence, the other taken" if same else "speaker from another sentence"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=["tune", "rw-tune"])
    parser.add_argument("--show", type=int, default=0, help="examples per mechanism")
    args = parser.parse_args()
    misses: list = []
    for doc, quotes in zip(Q.spkatt_part(args.part), Q.predict(args.part, "ner", None)):
        Q.score_spkatt(doc, quotes, Q.new_totals(), set(), misses)
    counts, examples = Counter(), defaultdict(list)
    for _, text, annotation, quote, _ in misses:
        key = mechanism(text, annotation, quote)
        counts[key] += 1
        examples[key].append((" | ".join(text[a:b] for a, b in annotation.source), quote["speaker_text"]))
    print(f"{args.part}: {len(misses)} speaker misses")
    for key, n in counts.most_common():
        print(f"  {n:4d}  {key}")
        for gold, said in examples[key][:args.show]:
            print(f"          gold {gold!r}, predicted {said!r}")


if __name__ == "__main__":
    main()
