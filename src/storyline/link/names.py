"""Name keys: the spelling-independent form under which name variants meet.

German and English transliterations of Russian and Korean names differ in regular ways
(Peskow/Peskov, Schoigu/Shoigu, Wostotschny/Vostochny, Jong-un/Jong Un); folding those rules into
a key joins the variants while keeping different people apart (Kim Jong Il ≠ Kim Jong Un).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Applied in order to a lower-case ASCII form; longest patterns first.
TRANSLITERATION = (
    ("schtsch", "shch"), ("tsch", "ch"), ("dsch", "j"), ("sch", "sh"), ("zh", "sh"), ("sh", "sh"),
    ("w", "v"), ("ks", "x"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("ij", "i"), ("iy", "i"),
    ("y", "i"), ("ej", "ei"), ("ey", "ei"), ("ou", "u"), ("oe", "o"), ("ue", "u"), ("ae", "a"),
)
HONORIFICS = {"herr", "frau", "dr", "prof", "sir", "mr", "mrs", "ms"}
GENITIVE = re.compile(r"(?<=[a-zäöüß])(?:s|')$")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    """Words of a name, lower-case, hyphens as spaces, honorifics dropped."""
    words = re.findall(r"[^\W_]+", ascii_fold(name).lower().replace("-", " "))
    return [w for w in words if w not in HONORIFICS]


def fold_word(word: str) -> str:
    for source, target in TRANSLITERATION:
        word = word.replace(source, target)
    return re.sub(r"(.)\1+", r"\1", word)  # double letters: Schoiggu / Schoigu


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """`Kim Jong-un` and `Kim Jong Un` → `kim jong un`; `Peskow` and `Peskov` → `peskov`.
    Remembered per process: the same names come back in article after article."""
    return " ".join(fold_word(word) for word in name_tokens(name))


def place_without_genitive(name: str) -> str:
    """`Australiens` → `Australien` when the geocoder knows the stem but not the word itself
    (`Paris` and `Texas` stay: they are places as written)."""
    from storyline.analyze.places.index import lookup_major

    if " " in name or not name.endswith("s") or len(name) < 5 or lookup_major(name) or not lookup_major(name[:-1]):
        return name
    return name[:-1]


def strip_genitive(name: str) -> str:
    """`Putins` → `Putin`, `Schoigus` → `Schoigu` (only the last word, and only a final s)."""
    return GENITIVE.sub("", name) if len(name) > 3 else name
