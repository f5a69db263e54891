"""Name keys: the spelling-independent form under which name variants meet.

German and English transliterations of Russian and Korean names differ in regular ways
(Peskow/Peskov, Schoigu/Shoigu, Wostotschny/Vostochny, Jong-un/Jong Un, Chamenei/Khamenei); folding those rules into
a key joins the variants while keeping different people apart (Kim Jong Il ≠ Kim Jong Un).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Applied in order to a lower-case ASCII form; longest patterns first.
TRANSLITERATION = (
    ("schtsch", "shch"), ("tsch", "ch"), ("dsch", "j"), ("sch", "sh"), ("zh", "sh"), ("sh", "sh"),
    ("w", "v"), ("ks", "x"), ("ck", "k"), ("kh", "ch"), ("ph", "f"), ("th", "t"), ("yj", "i"), ("ij", "i"), ("iy", "i"),
    ("y", "i"), ("ej", "ei"), ("ey", "ei"), ("ou", "u"), ("oe", "o"), ("ue", "u"), ("ae", "a"),
)
HONORIFICS = {"herr", "frau", "dr", "prof", "sir", "mr", "mrs", "ms"}
GENITIVE = re.compile(r"(?<=[a-zäöüß])(?:s|')$")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Words of a name, lower-case, hyphens as spaces, honorifics dropped."""
    words = re.findall(r"[^\W_]+", ascii_fold(name).lower().replace("-", " "))
    return tuple(w for w in words if w not in HONORIFICS)


def fold_word(word: str) -> str:
    if re.fullmatch(r"[ivx]+", word):  # a regnal number: Charles III is not Charles II
        return word
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


# Heads of organisation names whose genitive adds a bare -s: "des Wirtschaftsministeriums".
ORG_GENITIVE = re.compile(r"(?:ministerium|amt|gericht|parlament|konzern|unternehmen|verband|institut|rat|komitee|"
                          r"kabinett|zentrum|büro|kommando|senat|präsidium|sekretariat|kommissariat|direktorium)s$")


def organisation_without_genitive(name: str) -> str:
    """`Wirtschaftsministeriums` → `Wirtschaftsministerium`: an organisation named in the genitive
    only ("eine Sprecherin des Wirtschaftsministeriums") is listed by its own name. One word only:
    an adjective before the head declines too ("des Auswärtigen Amts")."""
    return name[:-1] if " " not in name and ORG_GENITIVE.search(name) else name


def strip_genitive(name: str) -> str:
    """`Putins` → `Putin`, `Schoigus` → `Schoigu` (only the last word, and only a final s)."""
    return GENITIVE.sub("", name) if len(name) > 3 else name


# Royal and clerical titles are part of who someone is: König Charles is not Charles Dickens,
# Prinz Harry not Harry Kane, Papst Leo not Leo X. Surface forms, capitalised as in text.
TITLE_WORDS = ("Prinz", "Prinzessin", "Kronprinz", "Kronprinzessin", "König", "Königin", "Kaiser", "Kaiserin",
               "Herzog", "Herzogin", "Großherzog", "Großherzogin", "Fürst", "Fürstin", "Papst", "Kardinal",
               "Bischof", "Erzbischof", "Landesbischof", "Weihbischof", "Patriarch", "Scheich", "Emir", "Sultan",
               "Prince", "Princess", "King", "Queen", "Pope")
TITLE_KEYS = frozenset(name_key(word) for word in TITLE_WORDS)
TITLE_BEFORE = re.compile(r"\b(" + "|".join(TITLE_WORDS) + r")[ \t]+$")
REGNAL = re.compile(r"^[ivx]+$")  # Leo XIV, Charles III: the number is part of the name
# Clerics are named by their surname (Kardinal Parolin, Bischof Stäblein), royals and popes by a
# given name: only these titles go with a surname that an untitled full name ends in.
SURNAME_TITLES = frozenset(name_key(word) for word in ("Kardinal", "Bischof", "Erzbischof", "Landesbischof",
                                                       "Weihbischof"))
KARDINAL = name_key("Kardinal")
# Words of a surname that are no name of their own: Ursula von der Leyen, Alexander Van der Bellen.
PARTICLES = frozenset("von van der den de zu vom zur da di del della du la le ten ter".split())


def split_title(key: str) -> tuple[str, list[str]]:
    """`konig charles iii` → ("konig", ["charles", "iii"]); `pietro kardinal parolin` (a cardinal's
    title between his names, as German writes it) → ("kardinal", ["pietro", "parolin"]); no title →
    ("", words)."""
    words = key.split()
    if len(words) > 1 and words[0] in TITLE_KEYS:
        return words[0], words[1:]
    if len(words) > 2 and words[1] == KARDINAL:
        return words[1], words[:1] + words[2:]
    return "", words


def personal_words(key: str) -> list[str]:
    """The words of a person key that name the person: no title, no regnal number."""
    _, words = split_title(key)
    if len(words) > 1 and REGNAL.match(words[-1]):
        words = words[:-1]
    return words


def name_length(key: str) -> int:
    """How many names a person key holds: `von der leyen` is one, `ursula von der leyen` two."""
    return sum(word not in PARTICLES for word in personal_words(key))


def surname_key(key: str) -> str:
    """The last name with its particles: `ursula von der leyen` → `von der leyen`."""
    words = personal_words(key)
    start = len(words) - 1
    while start > 0 and words[start - 1] in PARTICLES:
        start -= 1
    return " ".join(words[start:])


# Organisations: the shipped alias list, initials, and inflected adjectives
# (`Vereinten Nationen` = `Vereinte Nationen`, `Internationaler Währungsfonds` = `… Währungsfonds`).
ABBREVIATION = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-Za-zÄÖÜäöü.]{2,7}$")
ADJECTIVE_END = re.compile(r"(?<=e)(?:n|r|s|m)$")


@lru_cache(maxsize=1)
def org_aliases() -> dict[str, str]:
    """Alias key of every name on a line of `org_aliases.tsv` → the alias key of its first name."""
    from importlib.resources import files

    text = files("storyline").joinpath("models/lexicons/org_aliases.tsv").read_text(encoding="utf-8")
    aliases: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            names = [name.strip() for name in line.split("\t") if name.strip()]
            for name in names:  # a one-word name also as an abbreviation: `Nato` and `NATO`
                for key in {alias_key(name)} | ({"#" + ascii_fold(name).lower()} if " " not in name else set()):
                    aliases.setdefault(key, alias_key(names[0]))
    return aliases


def alias_key(name: str) -> str:
    """An abbreviation as written, lower-case (`ISS` is not `IS`: no folding of double letters);
    a full name as its key with adjectives in the base form (`Vereinten Nationen` → `vereinte …`)."""
    name = name.strip()
    if ABBREVIATION.match(name):
        return "#" + ascii_fold(name).lower().replace(".", "")
    words = name_key(name).split()
    return " ".join([ADJECTIVE_END.sub("", word) for word in words[:-1]] + words[-1:])


@lru_cache(maxsize=65536)
def org_keys(name: str) -> frozenset[str]:
    """Keys under which an organisation's names meet: `=` its line of the alias list; `^` an
    abbreviation, `~` the initials of a name of two words or more (`^eu` meets `~eu`, never two
    full names with the same initials). A name on the alias list gets no initials key: the list
    says what it stands for (DB is Deutsche Bahn, so Deutsche Bank's initials do not find it)."""
    key = alias_key(name)
    if key in ("", "#"):
        return frozenset()
    alias = org_aliases().get(key)
    if alias:
        return frozenset({"=" + alias})
    if key.startswith("#"):
        return frozenset({"^" + key[1:]})
    if len(name.split()) < 2 or any(ABBREVIATION.match(word) for word in name.split()):
        return frozenset()  # `VfL Wolfsburg`, `Energiekontor AG`: a short word of its own is no initial
    words = re.findall(r"[^\W\d_]+", ascii_fold(name).replace("-", " "))
    keys = {"~" + "".join(word[0] for word in words).lower()}
    capitals = [word for word in words if word[0].isupper()]
    if len(capitals) >= 2:
        keys.add("~" + "".join(word[0] for word in capitals).lower())
    return frozenset(keys)


def matching_org_keys(key: str) -> str:
    """The key an organisation key meets: an abbreviation the initials of a full name, and back."""
    return {"^": "~", "~": "^"}.get(key[0], key[0]) + key[1:]
