"""The shipped name and word lists the entity rules read (built by scripts/ner_gazetteer.py).

Plain files read once per process into sets and dicts: a spaCy entity ruler with 40k patterns
took many seconds to rebuild its matcher at every start.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

GAZETTEER = Path(__file__).resolve().parents[1] / "models" / "gazetteer_ner" / "names.tsv"
COMMON_WORDS = GAZETTEER.with_name("common_words.txt")
CURATED = GAZETTEER.with_name("curated.tsv")
COMMON_NOUNS = GAZETTEER.with_name("common_nouns.txt")
GIVEN_NAMES = GAZETTEER.with_name("given_names.txt")
COUNTRIES = GAZETTEER.with_name("countries.txt")


class NameIndex(NamedTuple):
    """A name list with what makes lookups cheap: the longest name in words, and every prefix
    of a first word, so that most tokens are rejected by one set lookup."""

    names: dict[str, str]
    longest: int
    heads: frozenset[str]


@lru_cache(maxsize=1)
def load_gazetteer() -> NameIndex:
    """Place names (names.tsv) as a dict, with the longest name in tokens."""
    return read_names(GAZETTEER)


@lru_cache(maxsize=1)
def load_curated() -> NameIndex:
    """The hand-made list of organisations and leaders (curated.tsv), read like the gazetteer."""
    return read_names(CURATED)


def read_names(path: Path) -> NameIndex:
    names = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            name, _, label = line.partition("\t")
            if label and not line.startswith("#"):
                names[name] = label
    longest = max((name.count(" ") + 1 for name in names), default=0)
    firsts = {name.split(" ")[0] for name in names}
    heads = frozenset(first[:k] for first in firsts for k in range(1, len(first) + 1))
    return NameIndex(names, longest, heads)


def load_common_nouns() -> frozenset[str]:
    """Capitalised words the free training data almost never labels as a name (lower-cased)."""
    return load_word_list(COMMON_NOUNS)


def load_common_words() -> frozenset[str]:
    """Lower-cased ordinary words from the training corpora."""
    return load_word_list(COMMON_WORDS)


@lru_cache(maxsize=8)
def load_word_list(path: Path) -> frozenset[str]:
    """A shipped list with one word or name per line: given names, countries, common nouns."""
    if not path.exists():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").splitlines())


def longest_listed_at(doc, i: int, index: NameIndex):
    """The longest listed name starting at token i, as (start_char, end_char, label).

    Compares slices of the text (names have single spaces between tokens, as in news text)."""
    if doc[i].text not in index.heads:
        return None
    start = doc[i].idx
    for j in range(min(i + index.longest, len(doc)) - 1, i - 1, -1):
        end = doc[j].idx + len(doc[j])
        label = index.names.get(doc.text[start:end])
        if label:
            return start, end, label
    return None
