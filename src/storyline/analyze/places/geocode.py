"""Places: every location mention geocoded offline against the shipped gazetteer.

Input is the NER mentions (LOC, and ORG/MISC when they name a building such as the Kreml) plus a scan of
the text for gazetteer names no mention covers, so that the stage works before an NER model exists.
Each name's candidates are ranked by prominence (population), feature class, and the article's context
(countries named or implied elsewhere in it, nearby places); names the gazetteer does not know stay
unresolved (lat/lon None) instead of being guessed.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from storyline.analyze.word_lists import load_common_nouns
from storyline.analyze.places.context import adjective_countries
from storyline.analyze.places.facilities import split_facility
from storyline.analyze.places.index import GazetteerEntry, distance_km, lookup_major, stop_words
from storyline.analyze.places.kinds import entry_kind, head_kind
from storyline.analyze.places.lookup import (ENGLISH_FORM, MIN_LETTERS, Candidate, airport_list_spans, as_airport,
                                             candidates_from_facilities, compound_candidate, covered,
                                             is_capitalised, is_major_name, linked_town_entries, lookup_cached,
                                             lookup_mention, lookup_name, name_variants, site_entries)
from storyline.model import Article, Mention, Place

WORD = re.compile(r"\w+(?:['’.-]\w+)*")
LINKERS = {"am", "an", "der", "im", "von", "und", "bei", "de", "del", "la", "le", "upon", "on", "nad", "pod",
           "na", "sur", "sul", "di", "da", "do", "dos", "das", "op", "aan", "ob"}
DETERMINERS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines",
               "dieser", "diese", "dieses", "diesem", "jeder", "jede", "seine", "seiner", "ihre", "ihrer"}
# determiners and pronouns that name a place when capitalised ('Seine', 'Ihre', 'Jede'): at a
# sentence start they are the word, a river there takes its article ('Die Seine ...')
PRONOUNS = DETERMINERS | {"seine", "seinen", "seinem", "seines", "ihre", "ihren", "ihrem", "ihres", "meine", "unsere",
                          "eure", "deine", "jene", "jener", "jenes", "alle", "manche", "solche", "welche"}
LINKED_HEAD = re.compile(r"\b[A-ZÄÖÜ][\w-]+ (?:von|der|des) $")
COMPASS = re.compile(r"(?:\b(?:im|vom|gen|nach|Richtung|den|dem|der|des|äußersten|hohen|tiefen|fernen) )"
                     r"(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest)en$")
TAIL = re.compile(r" (?:am|an der|im|bei|upon|on|nad|sur|del) [A-ZÄÖÜ][\w-]+")
ADJECTIVE = re.compile(r"[a-zäöüß]{2,}(?:e|en|er|es|em)")
PREPOSITIONS = {"unter", "hinter", "gegen", "neben", "zwischen", "wegen", "über", "außer", "entlang", "oben"}
MAX_WORDS = 5
# the head of an English institution's name ('Rutgers University'), never a place in German text,
# though GeoNames has towns of these names ('University', Florida)
INSTITUTION_WORDS = {"University", "College", "Institute", "School", "Hospital", "Museum", "Center", "Centre",
                     "Academy", "Foundation", "Society", "Church", "Cathedral", "Stadium", "Arena", "Hall"}
HOME_COUNTRIES = {"DE": 1.5, "AT": 0.5, "CH": 0.5}  # German-language news: ties go home
MIN_SCORE = 4.0  # below this (a far-away hamlet, no context) a name stays unresolved
NEAR_KM = 300.0
OWN_NAME_POPULATION = 300_000  # a foreign town the scan finds by its own name, with no context


NATURAL_KINDS = {"water", "island", "mountain"}


SUBDIVISION_SOURCES = ("iso3166-2:", "admin2:")


def is_subdivision(entry: GazetteerEntry) -> bool:
    """A generated administrative area (ISO 3166-2, GeoNames admin-2), not a hand-made or GeoNames
    place: thousands of names, some also words or first names, so they need a head word or context."""
    return entry.source.startswith(SUBDIVISION_SOURCES)


def is_place_mention(article: Article, mention: Mention, entries: list[GazetteerEntry]) -> bool:
    """LOC mentions always; ORG/MISC when they name a building or site ('Kreml', 'Weißes Haus'),
    which news uses for the institution inside it, or exactly an island, a water, a mountain or
    the part of an area ('Pantelleria', 'Süd-Florida': the NER model calls some of them ORG, and
    organisations are seldom named so); any type, persons too, after a head word that gives the
    kind its entries have ('die Hauptinseln Kyūshū', 'Provinz X')."""
    if mention.type == "LOC":
        return True
    kinds = {entry_kind(e.fclass, e.fcode) for e in entries}
    if mention.type in ("ORG", "MISC") and (
            any(e.fclass == "S" for e in entries) or kinds & NATURAL_KINDS
            or any(e.source.startswith("compass:") for e in entries)):
        return True
    head = head_kind(article.text, mention.start)
    return head is not None and head in kinds


def extend_mention(article: Article, mention: Mention) -> Mention:
    """NER often stops before a linked tail ('Komsomolsk' | 'am Amur'): take the longer name
    when the gazetteer knows it."""
    tail = TAIL.match(article.text, mention.end)
    if tail and mention.type == "LOC":
        longer = article.text[mention.start:tail.end()]
        if lookup_name(longer, villages=True):
            return Mention(mention.start, tail.end(), longer, mention.type, mention.entity)
    head = LINKED_HEAD.search(article.text, max(0, mention.start - 30), mention.start)
    if head and mention.type == "LOC":  # 'Golf von' | 'Bengalen', 'Horn von' | 'Afrika'
        longer = article.text[head.start():mention.end]
        if lookup_name(longer, villages=False):
            return Mention(head.start(), mention.end, longer, mention.type, mention.entity)
    return mention


# where a photo caption puts a person: 'Staatssekretär Roland Krämer (Mitte)' is no Berlin-Mitte
CAPTION_POSITIONS = {"Mitte", "Links", "Rechts", "Vorne", "Hinten"}


def is_caption_position(article: Article, mention: Mention) -> bool:
    text = article.text
    return (mention.text in CAPTION_POSITIONS and text[mention.start - 1:mention.start] == "("
            and text[mention.end:mention.end + 1] == ")")


SITE_MENTION = re.compile(r"(?:[Ss]tadions?|[Aa]rena|[Pp]ark|Stadium)$")
LOCATOR = re.compile(r" (?:bei|an der|am) [A-ZÄÖÜ][\w-]+")


def located_town(article: Article, mention: Mention, entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """A town name several towns share, followed by the place it lies at: 'Altdorf bei Landshut'
    is the Altdorf nearest Landshut (NER often tags the two names apart)."""
    if sum(e.fclass == "P" for e in entries) < 2:
        return entries
    tail = LOCATOR.match(article.text, mention.end)
    if not tail:
        return entries
    return linked_town_entries(mention.text + tail.group()) or entries


# where a sentence puts something in a building rather than letting it act ('arbeitet an der
# Technischen Universität Berlin', 'starb im Krankenhaus Bietigheim'; not 'die Universität Bonn teilte mit')
LOCATIVE_BEFORE = re.compile(r"\b(?:in der|im|ins|in das|in die|an der|am|an die|ans|auf dem|vor der|vor dem|"
                             r"aus der|aus dem|zur|zum)\s+$")


def is_building_as_place(article: Article, mention: Mention) -> bool:
    """An ORG mention named like a facility after its town, after a preposition of place."""
    return (mention.type == "ORG" and split_facility(mention.text) is not None
            and LOCATIVE_BEFORE.search(article.text, max(0, mention.start - 12), mention.start) is not None)


def candidates_from_mentions(article: Article, mentions: list[Mention]) -> list[Candidate]:
    candidates, taken = [], []
    for mention in mentions:
        if mention.type not in ("LOC", "ORG", "MISC", "PER") or covered(mention.start, mention.end, taken):
            continue
        if is_caption_position(article, mention):
            continue
        mention = extend_mention(article, mention)
        building = is_building_as_place(article, mention)
        if mention.type == "LOC" or building:
            entries, trust, kind = lookup_mention(mention.text)
            entries = located_town(article, mention, entries)
        else:
            entries, trust, kind = lookup_name(mention.text, villages=False), 1.0, None
        site = False
        if not entries and (kind == "facility" or mention.type != "LOC"):  # 'im Green-Point-Stadion in Kapstadt'
            is_site = kind == "facility" or SITE_MENTION.search(mention.text)
            entries = site_entries(article.text, mention.end, mention.start) if is_site else []
            site, trust, kind = bool(entries), 0.8, ("facility" if entries else kind)
        if (site or building or is_place_mention(article, mention, entries)) and (
                entries or is_capitalised(mention.text)):
            candidates.append(Candidate(mention.start, mention.end, mention.text, entries, True, trust, kind))
            taken.append((mention.start, mention.end))
    return candidates


def sentence_words(article: Article) -> list[list[re.Match]]:
    """The words of each content sentence (page furniture and agency credits skipped)."""
    sentences = article.content_sentences() or []
    if not sentences:
        return [list(WORD.finditer(article.text))]
    return [list(WORD.finditer(article.text, s.start, s.end)) for s in sentences]


def match_at(article: Article, words: list[re.Match], i: int) -> Candidate | None:
    """The longest gazetteer name starting at word i: capitalised words, possibly joined by
    linkers ('Komsomolsk am Amur', 'Golf von Mexiko')."""
    if not is_capitalised(words[i].group()):
        return None
    for j in range(name_limit(words, i) - 1, i - 1, -1):
        if not is_name_word(words[j].group()):
            continue
        start, end = words[i].start(), words[j].end()
        text = article.text[start:end]
        if j == i and (text in stop_words() or text in INSTITUTION_WORDS or len(text) < MIN_LETTERS):
            return None
        if j == i and text.lower() in PRONOUNS and (i == 0 or ":" in text_between(words, i)):
            return None  # 'Seine Opfer ...' at a sentence start: the pronoun, not the river
        entries = lookup_cached(text, False)
        if entries and plausible_scan(entries, text, noun_context(words, i)):
            return Candidate(start, end, text, list(entries), False)
    return None


def name_limit(words: list[re.Match], i: int) -> int:
    """Where a name starting at word i must end at the latest: before the first word that is
    neither capitalised nor a linker, and within MAX_WORDS."""
    limit = min(len(words), i + MAX_WORDS)
    for k in range(i, limit):
        word = words[k].group()
        if word not in LINKERS and not is_name_word(word):
            return k
    return limit


ARABIC_ARTICLE = re.compile(r"(?:al|el|as|ad|ar|asch|ash|an|at|az)-[A-ZÄÖÜ]")


def is_name_word(word: str) -> bool:
    """A word that can go on a name: capitalised, or an Arabic name with its article ('Schatt el-Arab')."""
    return is_capitalised(word) or bool(ARABIC_ARTICLE.match(word))


def text_between(words: list[re.Match], i: int) -> str:
    """What stands between word i and the word before it."""
    return words[i].string[words[i - 1].end():words[i].start()]


def noun_context(words: list[re.Match], i: int) -> bool:
    """Whether the word stands where German puts a common noun: at the start of the sentence or
    of a clause after a colon ('Schlagzeilen: Weil es ...' is no Weil der Stadt), or after an
    article ('in der Halle', 'des Wetters'; towns take no article, countries may)."""
    if i == 0 or ":" in text_between(words, i):
        return True
    previous = words[i - 1].group()
    before = words[i - 2].group() if i >= 2 else ""
    adjective = ADJECTIVE.fullmatch(previous) and previous not in PREPOSITIONS
    return previous in DETERMINERS or bool(adjective and before.lower() in DETERMINERS)


def plausible_scan(entries: list[GazetteerEntry], text: str, noun_like: bool) -> bool:
    """Where a common noun could stand, only a country, a region or a large city counts; a
    genitive form ('Neubaus', 'Wetters') only for a country, a region or a large city too; a
    German common noun only as a place's own name."""
    if text.lower() in load_common_nouns() and not any(e.name.casefold() == text.casefold() for e in entries):
        return False  # a German noun that only some foreign name matches: "Kitas" (Lithuanian: Quito)
    area = any(e.fclass != "P" for e in entries)
    large = any(e.population >= 100_000 for e in entries)
    genitive = not is_major_name(text)
    if noun_like and " " not in text:
        return area or (large and not genitive)
    return area or large if genitive else True


def name_parts(article: Article, sentences: list[list[re.Match]] | None = None) -> set[str]:
    """Town names that the article also uses as part of a longer name ('Wladimir Putin', 'Kim
    Jong-un'): a town name followed by a capitalised word that is no place. One sense per article,
    so the lone 'Kim' later is not the Indian town either. `sentences` saves a second word scan."""
    parts = set()
    text = article.text
    for words in sentence_words(article) if sentences is None else sentences:
        for word, following in zip(words, words[1:]):
            after, end = following.group(), word.end()
            if (after[:1].isupper() and following.start() == end + 1 and text[end] == " "
                    and is_town_name(name := word.group()) and not is_area_name(after)):
                parts.add(name)
    return parts


@lru_cache(maxsize=65536)
def is_area_name(word: str) -> bool:
    return any(entry.fclass != "P" for entry in lookup_name(word, villages=False))


@lru_cache(maxsize=65536)
def is_town_name(word: str) -> bool:
    """A town name as written, not a genitive ('Moskaus Zentrum' is the town's centre); a province
    of the same name does not change that ('Vladimir Danyluk' is no Russian oblast either)."""
    if word.endswith("s") and is_major_name(word[:-1]):
        return False
    entries = lookup_major(word)
    return bool(entries) and any(e.fclass == "P" for e in entries) and all(
        e.fclass == "P" or is_subdivision(e) for e in entries)


def candidates_from_text(article: Article, mentions: list[Mention]) -> list[Candidate]:
    """Gazetteer names in the text that no NER mention covers (of any type: 'Washington' inside
    a PER mention is a person)."""
    spans = [(m.start, m.end) for m in mentions]
    sentences = sentence_words(article)
    skip = name_parts(article, sentences)
    found = []
    for words in sentences:
        i = 0
        while i < len(words):
            candidate = match_at(article, words, i) if words[i].group()[:1].isupper() else None
            if candidate is None and "-" in words[i].group():
                candidate = compound_candidate(article, words[i])
                if candidate and any((s, e) == (words[i].start(), words[i].end()) for s, e in spans):
                    spans = [span for span in spans if span != (words[i].start(), words[i].end())]
            if candidate and candidate.text not in skip and not covered(candidate.start, candidate.end, spans):
                found.append(candidate)
                i = next(k for k in range(i, len(words)) if words[k].end() >= candidate.end) + 1
            else:
                i += 1
    return found


def prior_score(entry: GazetteerEntry) -> float:
    """Prominence before context: population (log), countries and named regions above towns
    of the same size, and a home bias for German-language news."""
    score = math.log10(entry.population + 10)
    if entry.fcode == "PCLI":
        score += 3.0
    elif entry.fclass != "P":
        score += 1.0
    return score + HOME_COUNTRIES.get(entry.country or "", 0.0)


def context_score(entry: GazetteerEntry, countries: set[str], anchors: list[GazetteerEntry],
                  own_name: bool = True) -> float:
    """Evidence from the rest of the article: its country is named there (or holds one of its
    clear places: Georgia beside Atlanta is the US state), or a place near it."""
    score = 3.0 if entry.country in countries else 0.0
    if not score and entry.country and any(a.country == entry.country and a is not entry for a in anchors):
        score = 1.5
    if entry.fcode != "PCLI" and (own_name or entry.fclass != "P") and any(
        a is not entry and distance_km(a.lat, a.lon, entry.lat, entry.lon) < NEAR_KM for a in anchors
    ):
        score += 2.0
    return score


def confident_anchors(candidates: list[Candidate]) -> list[GazetteerEntry]:
    """Entries that win by prior alone with a clear margin, or whose readings all lie in one
    country near each other ('Zwettl': Zwettl Stadt or Zwettl an der Rodl, 70 km apart, give the
    same context): the article's context."""
    anchors = []
    for candidate in candidates:
        ranked = sorted((prior_score(e) for e in candidate.entries), reverse=True)
        if not ranked or ranked[0] < MIN_SCORE:
            continue
        best = max(candidate.entries, key=prior_score)
        if len(ranked) == 1 or ranked[0] - ranked[1] >= 2.0 or all(
                e.country == best.country and distance_km(e.lat, e.lon, best.lat, best.lon) < NEAR_KM / 3
                for e in candidate.entries):
            anchors.append(best)
    return anchors


def resolve(candidate: Candidate, countries: set[str], anchors: list[GazetteerEntry]) -> Place:
    """The best entry and a confidence (its softmax share among the candidates), or an unresolved
    place when nothing is known or nothing scores high enough to be more than a guess."""
    variants = {v.casefold() for v in name_variants(candidate.text)}
    own = [is_own_name(e.name, variants) for e in candidate.entries]
    # a small town's alternate name ('Washington' of Reisterstown) gets no credit for being near
    scores = [prior_score(e) + context_score(e, countries, anchors, own[i])
              - exonym_penalty(e, own[i], candidate.entries, own, countries, anchors)
              for i, e in enumerate(candidate.entries)]
    if not scores or max(scores) < MIN_SCORE:
        return Place(candidate.start, candidate.end, candidate.text, None, None, None, kind=candidate.kind)
    best = max(range(len(scores)), key=scores.__getitem__)
    share = 1.0 / sum(math.exp(s - scores[best]) for s in scores)
    entry = candidate.entries[best]
    confidence = share * candidate.trust * (1.0 if candidate.from_mention else 0.9)
    return Place(candidate.start, candidate.end, candidate.text, entry.name, entry.lat, entry.lon,
                 entry.country, entry.fclass, round(confidence, 3),
                 kind=candidate.kind or entry_kind(entry.fclass, entry.fcode))


EXONYM_PENALTY = 1.5
EXONYM_MAX_POPULATION = 100_000  # a larger foreign city's German name is in use: 'Rom' is Rome, not Rom (Mecklenburg)


def exonym_penalty(entry: GazetteerEntry, own_name: bool, entries: list[GazetteerEntry], own: list[bool],
                   countries: set[str], anchors: list[GazetteerEntry]) -> float:
    """A foreign town matched only by an alternate name loses to a town of a German-speaking
    country whose own name or short form it is, unless the article names the foreign town's
    country or holds a place there: 'Osterode' in German news is Osterode am Harz, though
    Ostróda in Poland carries its German name 'Osterode' and more people. Not for a large foreign
    city, whose German name is in current use ('Rom')."""
    if own_name or entry.fclass != "P" or entry.country in HOME_COUNTRIES or entry.population >= EXONYM_MAX_POPULATION:
        return 0.0
    if entry.country in countries or any(a.country == entry.country and a is not entry for a in anchors):
        return 0.0
    home_town = any(is_own and e.fclass == "P" and e.country in HOME_COUNTRIES for e, is_own in zip(entries, own))
    return EXONYM_PENALTY if home_town else 0.0


SHORT_NAME = re.compile(r"^(.+?)(?: (?:an der|am|im|ob der|in der|bei|upon|on|sur) .+| \(.+\))$")


def is_own_name(name: str, variants: set[str]) -> bool:
    """The entry's own name, or its short form: 'Limburg' is Limburg an der Lahn, 'Halle' Halle (Saale)."""
    folded = name.casefold()
    short = SHORT_NAME.match(folded)
    return folded in variants or bool(short and short.group(1) in variants)


def apply_head(article: Article, candidate: Candidate) -> Candidate:
    """What the word before the name says: after 'Provinz', 'Landkreis', 'US-Bundesstaat' only
    areas (or, when the gazetteer has none, the chief town) and the kind region; after 'Insel' an
    island when there is one. A subdivision named like a town of its country ('New York',
    'Kandahar', 'Washington') or like a hand-made place ('Amazonas' the river, not the Peruvian
    region) needs such a head: alone the name is the town or that place."""
    kind = head_kind(article.text, candidate.start) or candidate.kind
    entries = candidate.entries
    if kind == "region" and any(e.fclass in "AL" for e in entries):
        entries = [e for e in entries if e.fclass in "AL"]
    elif kind == "island" and any(entry_kind(e.fclass, e.fcode) == "island" for e in entries):
        entries = [e for e in entries if entry_kind(e.fclass, e.fcode) == "island"]
    elif kind != "region":  # every entry carries the name looked up: a town of the country shares it
        towns = {e.country for e in entries if e.fclass == "P"}
        curated = any(e.source == "curated" and e.fclass != "P" for e in entries)
        entries = [e for e in entries if not (is_subdivision(e) and (curated or e.country in towns))]
    return Candidate(candidate.start, candidate.end, candidate.text, entries, candidate.from_mention,
                     candidate.trust, kind)


def is_supported(candidate: Candidate, place: Place, countries: set[str]) -> bool:
    """Whether a resolved town has support: a big city, a country the article is about (or home),
    or the town's own main name rather than a foreign variant ('Pilzen', plural of 'Pilz', is
    also a Polish name of Pilsen). The scan keeps only supported towns; a mention keeps the rest
    at half confidence."""
    if place.name is None:
        return False
    entry = next(e for e in candidate.entries if (e.name, e.lat, e.lon) == (place.name, place.lat, place.lon))
    in_context = entry.country in countries or entry.country in HOME_COUNTRIES
    if is_subdivision(entry):  # 6,000 names, many also words ('Saga'): need a reason
        return in_context or candidate.kind == "region" or entry.population >= 3_000_000
    if place.feature_class != "P":
        return True
    own_name = any(entry.name.casefold() == v.casefold() for v in name_variants(candidate.text))
    return entry.population >= 1_000_000 or in_context or (own_name and entry.population >= OWN_NAME_POPULATION)


def fits_region_head(candidate: Candidate, place: Place, countries: set[str]) -> bool:
    """A region head resolved to a town ('Landkreis Heilbronn' -> Heilbronn) only inside a country
    the article is about, or at home: 'im Bezirk Zhari' of an Afghan province is not Żary, Poland."""
    if candidate.kind != "region" or place.feature_class != "P":
        return True
    return place.country in countries or place.country in HOME_COUNTRIES


def fits_context(candidate: Candidate, place: Place, countries: set[str]) -> bool:
    """A place found by its English spelling ('Ghadschar' -> Ghajar) only in a country the
    article is about: 'Machu' in Gansu is not Makhu in India."""
    entry = next((e for e in candidate.entries if (e.name, e.lat, e.lon) == (place.name, place.lat, place.lon)), None)
    return entry is None or not entry.source.startswith(ENGLISH_FORM) or entry.country in countries


def context_countries(anchors: list[GazetteerEntry]) -> set[str]:
    """Countries the article is about: named countries and regions, and its big cities."""
    return {a.country for a in anchors if a.country and (a.fclass != "P" or a.population >= 1_000_000)}


@lru_cache(maxsize=65536)
def is_common_noun(word: str) -> bool:
    """A word German uses only as a common noun (Wiktionary noun forms, class N), loanwords
    included: 'Airport', 'Center', 'Beach'. Names that are also nouns ('Essen', 'Halle') are B."""
    from storyline.analyze.entities.word_classes import load_noun_forms  # shared with the NER features

    return " " not in word and load_noun_forms().get(word) == "N"


def german_sense(candidate: Candidate) -> Candidate:
    """A capitalised common noun names a town only where German gives the town that name: a town
    of a German-speaking country or a hand-made German name (countries and regions keep their
    names; the noun list has some, such as 'Kameruns'). Otherwise 'am Airport in Frankfurt'
    would be Airport, Hawaii: GeoNames names foreign places with such words, and its alternate
    names carry no language."""
    if not candidate.entries or not is_common_noun(candidate.text):
        return candidate
    entries = [e for e in candidate.entries
               if e.fclass != "P" or e.source == "curated" or e.country in HOME_COUNTRIES]
    return Candidate(candidate.start, candidate.end, candidate.text, entries, candidate.from_mention, candidate.trust,
                     candidate.kind)


def is_direction(article: Article, candidate: Candidate) -> bool:
    """'im Norden Äthiopiens', 'nach Süden': a direction, not the town Norden."""
    return bool(COMPASS.search(article.text, max(0, candidate.start - 20), candidate.end))


def find_places(article: Article, mentions: list[Mention]) -> list[Place]:
    """Every place mention of the article, geocoded, in text order."""
    candidates = candidates_from_mentions(article, mentions) + candidates_from_text(article, mentions)
    named = [(c.start, c.end) for c in candidates if c.kind == "facility" or any(e.fclass == "S" for e in c.entries)]
    facilities = [c for c in candidates_from_facilities(article) if not covered(c.start, c.end, named)]
    spans = [(c.start, c.end) for c in facilities]
    candidates = facilities + [c for c in candidates if not covered(c.start, c.end, spans)]
    airports = airport_list_spans(article)
    candidates = [as_airport(apply_head(article, german_sense(c)), airports) for c in candidates
                  if not is_direction(article, c)]
    candidates = [c for c in candidates if c.entries or c.from_mention]
    candidates.sort(key=lambda c: c.start)
    anchors = confident_anchors(candidates)
    named_by_adjective = adjective_countries(article.text)
    countries = context_countries(anchors) | named_by_adjective
    places = []
    for candidate in candidates:
        own = {id(e) for e in candidate.entries}  # the context its own anchor gives it does not count
        place = resolve(candidate, countries, [a for a in anchors if id(a) not in own])
        if not fits_region_head(candidate, place, countries) or not fits_context(candidate, place, countries):
            place = Place(candidate.start, candidate.end, candidate.text, None, None, None, kind=candidate.kind)
        others = (context_countries([a for a in anchors if id(a) not in own]) | named_by_adjective
                  if any(id(a) in own for a in anchors) else countries)
        supported = is_supported(candidate, place, others)
        if candidate.from_mention and not supported and place.name is not None:
            place.confidence = round(place.confidence * 0.5, 3)  # NER says place, context does not
        if candidate.from_mention or supported:
            places.append(place)
    return places
