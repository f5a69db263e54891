"""Build the shipped German document-frequency table from the Wikinews texts of SpkAtt-2023.

Only the article texts are used (German Wikinews, CC BY 2.5), never the annotations, so the table
may ship. The clustering index adds the frequencies it sees in the stream on top of this prior.

Usage: .venv/bin/python scripts/build_idf.py [--data ../shared/data] [--out src/storyline/models/idf_de.tsv.gz]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from storyline.link.features import STOPWORDS, find_words, stem_word

ROOT = Path(__file__).resolve().parent.parent
MIN_DF = 2  # a term seen in one document only tells nothing; the index treats it as unseen
NAME = re.compile(r"^(?P<id>\d+) - (?P<title>.*) \((?P<date>\d{4}-\d{2}-\d{2})\)\.json$")


def join_tokens(tokens: list[str]) -> str:
    """Undo the tokenisation well enough for reading: no space before punctuation."""
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?)\]“])", r"\1", text)
    return re.sub(r"([(\[„]) ", r"\1", text)


def read_wikinews(data: Path) -> list[dict]:
    """Every Wikinews article in train/ and test_blind_texts/ with id, title, date and text."""
    records = []
    for folder in ("train", "test_blind_texts"):
        for path in sorted((data / "spkatt2023" / folder).glob("*.json")):
            match = NAME.match(path.name)
            if not match:
                continue
            doc = json.loads(path.read_text(encoding="utf-8"))
            text = "\n".join(join_tokens(s["Tokens"]) for s in doc["Sentences"])
            records.append({**match.groupdict(), "text": text, "folder": folder})
    return records


def count_document_terms(texts: list[str]) -> Counter:
    """Document frequency of each stem (counted once per document)."""
    df: Counter = Counter()
    for text in texts:
        df.update({stem_word(w) for _, w in find_words(text) if len(w) >= 3 and w.casefold() not in STOPWORDS})
    return df


def write_table(df: Counter, n_docs: int, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(f"#documents\t{n_docs}\n")
        for term, count in sorted(df.items(), key=lambda item: (-item[1], item[0])):
            if count >= MIN_DF:
                handle.write(f"{term}\t{count}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "storyline" / "models" / "idf_de.tsv.gz")
    args = parser.parse_args()
    records = read_wikinews(args.data)
    df = count_document_terms([r["title"] + "\n" + r["text"] for r in records])
    write_table(df, len(records), args.out)
    print(f"{len(records)} documents, {sum(1 for c in df.values() if c >= MIN_DF)} terms -> {args.out}")


if __name__ == "__main__":
    main()
