"""Candidate pairs of different articles for the same-event gold of the cross-lingual development set.

A fixed rule on the English side of each of the 129 articles (original or translation), written
before any pair was judged and independent of Storyline: no part of `storyline` is imported, and
neither its encoder nor its stories are used. Two pairs of articles are a candidate when

- (names) their English texts share at least MIN_NAMES capitalised words that are rare in the set
  (in at most RARE_DF of the 129 English texts), or
- (words) the TF-IDF cosine of their English title and lead (the first LEAD_CHARS characters;
  sklearn, word unigrams, English stop words removed, sublinear tf) is at least MIN_COSINE.

Every candidate is then read and judged by hand (data/crosslingual_same_event.tsv). The rule only
decides which pairs are read; a pair it misses stays unjudged and counts as a wrong merge.

Usage: .venv/bin/python benchmarks/data/crosslingual_candidates.py [--data PATH] > benchmarks/data/crosslingual_candidates.tsv
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

HERE = Path(__file__).resolve().parent
DATA = Path("/work/shared/data/crosslingual_dev/pairs.jsonl")
FROZEN = HERE / "crosslingual_frozen_ids.txt"
MIN_NAMES = 2
RARE_DF = 4
LEAD_CHARS = 400
MIN_COSINE = 0.15
NAME = re.compile(r"\b[A-Z][a-zA-Z'\-]+\b")


def capitalised_words(text: str) -> set[str]:
    """Capitalised words, without a trailing possessive, that do not start a sentence."""
    words = set()
    for match in NAME.finditer(text):
        before = text[:match.start()].rstrip()
        if not before or before[-1] in ".!?:\"“‘'":
            continue
        words.add(re.sub(r"'s$", "", match.group()))
    return words


def candidates(data: Path) -> list[dict]:
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    english = sorted((r for r in records if r["lang"] == "en"), key=lambda r: r["pair"])
    frozen = {line.strip() for line in FROZEN.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    names = [capitalised_words(r["text"]) for r in english]
    df = Counter(word for words in names for word in words)
    rare = [{w for w in words if df[w] <= RARE_DF} for words in names]
    leads = [r["text"][:LEAD_CHARS] for r in english]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(leads)
    cosine = cosine_similarity(vectors)
    rows = []
    for i, j in combinations(range(len(english)), 2):
        shared = sorted(rare[i] & rare[j])
        by_names, by_words = len(shared) >= MIN_NAMES, cosine[i, j] >= MIN_COSINE
        if by_names or by_words:
            a, b = english[i]["pair"], english[j]["pair"]
            rows.append({"pair_a": a, "pair_b": b, "cosine_lead": round(float(cosine[i, j]), 3),
                         "rule": "+".join(n for n, on in (("names", by_names), ("words", by_words)) if on),
                         "parts": "/".join("frozen" if p in frozen else "tune" for p in (a, b)),
                         "shared_rare_names": " ".join(shared)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    rows = candidates(args.data)
    print(f"# {len(rows)} candidate pairs from benchmarks/data/crosslingual_candidates.py (MIN_NAMES={MIN_NAMES}, "
          f"RARE_DF={RARE_DF}, LEAD_CHARS={LEAD_CHARS}, MIN_COSINE={MIN_COSINE}); English sides only")
    print("\t".join(rows[0]))
    for row in rows:
        print("\t".join(str(v) for v in row.values()))


if __name__ == "__main__":
    main()
