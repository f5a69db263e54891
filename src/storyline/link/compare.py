"""Cross-source comparison: what the story's articles say about the same slot, and whether they agree.

Statements are read per article with their modality: asserted ("Auf dem Weltraumbahnhof
Wostotschny führt er …") or speculative ("Spekuliert wurde, das Treffen erfolge in …
Wladiwostok"). Across articles a slot is *agreed* (the same value from two or more articles),
*conflicting* (different asserted values), *superseded* (a speculation that an asserted value from a
later or same-dated report settles) or *single-source*. Places one report names together are sites
of one event, not a conflict. Figures (the count slot) are compared in `counts.py`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storyline.analyze.places.index import distance_km
from storyline.link.counts import compare_counts
from storyline.model import AnalyzedArticle, Place

SPECIFIC = {"P", "S"}  # towns and sites; countries, regions and rivers are too coarse to say "where"
HEDGES = re.compile(r"\b(?:[Ss]pekul\w+|vermut\w*|mutmaßlich\w*|angeblich|möglicherweise|womöglich|"
                    r"Gerüchte?n?|gemunkelt|geheim|unklar|unbekannt|offen|könnte|dürfte|soll(?:te|en)?|"
                    r"Berichten zufolge|hieß es)\b")
PLANNED = re.compile(r"\b(?:geplant\w*|werde|werden|wird|soll)\b.*\bstatt(?:finden|finde)\b")
DIRECTIONAL = re.compile(r"(?:\bnach|\bRichtung|auf dem Weg (?:in|nach)|\bvon|\baus)\s+(?:\w+\s+){0,3}$")
LOCATIVE = re.compile(r"(?:\b[Ii]n|\b[Ii]m|\b[Aa]uf|\b[Aa]m|\b[Bb]eim?|\b[Vv]or Ort in|\b[Aa]n(?=\s+(?:der|dem|den)\b))"
                      r"\s+(?:(?:der|dem|den|die|das)\s+)?(?:[\wäöüß-]+\s+){0,2}$")
LIST_JOIN = re.compile(r"\s*(?:,|/|,?\s+(?:und|sowie|oder)\s+)\s*")  # "München, Frankfurt und Düsseldorf"
OTHER_EVENT = re.compile(r"\b(?:einem|einer|eines)\s+(?:\w+\s+)?(?:Treffen|Gipfel|Gespräch|Konferenz|Forum|"
                         r"Besuch|Sitzung|Veranstaltung)\b")
EVENT_NOUNS = re.compile(r"(?:Treffen|Gipfel\w*|Gespräch\w*|Besuch\w*|Anschlag\w*|Unfall\w*|Explosion|Brand\w*|"
                         r"Streik\w*|Demonstration\w*|Protest\w*|Konferenz|Spiel\w*|Wahl\w*)$")
NOUN_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-ZÄÖÜ][\wäöüß-]+)\s+(?:in|im|am|auf|bei|beim)\s+\S*\s*\S*\s*$")
SAME_PLACE_KM = 50


@dataclass(frozen=True)
class PlaceGrammar:
    """The words that make a sentence say where its event happens, per language."""
    hedges: re.Pattern
    planned: re.Pattern
    directional: re.Pattern
    locative: re.Pattern
    other_event: re.Pattern
    event_nouns: re.Pattern
    noun_before: re.Pattern


GERMAN = PlaceGrammar(HEDGES, PLANNED, DIRECTIONAL, LOCATIVE, OTHER_EVENT, EVENT_NOUNS, NOUN_BEFORE)
# English wires say where as "in Dresden", "at the Vostochny spaceport"; nouns are lower case.
ENGLISH = PlaceGrammar(
    hedges=re.compile(r"\b(?:[Ss]peculat\w*|[Rr]umou?r\w*|[Rr]eportedly|[Aa]llegedly|[Pp]ossibly|[Pp]erhaps|may|"
                      r"might|could|would|unclear|unknown|secret|believed to|expected to|set to|is to|are to|"
                      r"said to be)\b"),  # "may", not the month
    planned=re.compile(r"\b(?:will|planned|scheduled|due)\b.*\b(?:take place|be held|meet)\b"),
    directional=re.compile(r"(?:\bto|\btowards|\bfor|\bfrom|\bon (?:his|her|their|the|its) way to)\s+(?:\w+\s+){0,3}$"),
    locative=re.compile(r"(?:\b[Ii]n|\b[Aa]t|\b[Nn]ear|\b[Oo]utside|\b[Ii]nside)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"),
    other_event=re.compile(r"\b(?:a|an)\s+(?:\w+\s+)?(?:meeting|summit|talks|conference|forum|visit|session|event)\b"),
    event_nouns=re.compile(r"(?:meeting|summit|talks|visit|attack|accident|explosion|fire|strike|protests?|"
                           r"demonstration|conference|match|game|election|earthquake|quake|collapse|crash)$"),
    noun_before=re.compile(r"(?<!take )(?<!takes )(?<!took )(?<!taken )(?<!taking )"  # "take place in X" counts
                           r"\b([a-z][\w-]+)\s+(?:in|at|near)\s+(?:the\s+)?\S*\s*$"),
)


def grammar_of(language: str | None) -> PlaceGrammar:
    return ENGLISH if language == "en" else GERMAN


@dataclass
class Statement:
    slot: str
    value: str
    article: str
    sentence: str
    speculative: bool
    date: str | None
    place: Place | None = None


def place_statements(analyzed: AnalyzedArticle) -> list[Statement]:
    """Where the article says its event happens: specific places after a locative preposition, and
    the places listed with such a place ('an den Flughäfen München, Frankfurt und Düsseldorf')."""
    article, found, previous = analyzed.article, [], None
    grammar = grammar_of(article.language)
    for place in sorted(analyzed.places, key=lambda p: p.start):
        sentence = next((s for s in article.sentences if s.start <= place.start < s.end), None)
        if sentence is None:
            continue
        before = article.text[sentence.start:place.start]
        text = article.text[sentence.start:sentence.end]
        listed = previous is not None and previous.sentence == text and \
            LIST_JOIN.fullmatch(article.text[previous.place.end:place.start]) is not None
        if place.lat is None or place.feature_class not in SPECIFIC:
            if listed:  # an unresolved or coarse member ('Köln/Bonn') keeps the list going
                previous = Statement("place", place.text, article.id, text, previous.speculative,
                                     previous.date, place)
            else:
                previous = None
            continue
        if listed:
            statement = Statement("place", place.text, article.id, text, previous.speculative, previous.date, place)
        elif not grammar.locative.search(before) or grammar.directional.search(before) \
                or grammar.other_event.search(text) or _attached_to_noun(before, grammar):
            previous = None
            continue
        else:
            speculative = bool(grammar.hedges.search(text) or grammar.planned.search(text))
            statement = Statement("place", place.text, article.id, text, speculative,
                                  article.date.value if article.date else None, place)
        found.append(statement)
        previous = statement
    return found


def _attached_to_noun(before: str, grammar: PlaceGrammar = GERMAN) -> bool:
    """`ein Sprecher des Ministeriums in Seoul` places the ministry, not the event; `Treffen in X` counts."""
    match = grammar.noun_before.search(before)
    return bool(match) and not grammar.event_nouns.search(match.group(1))


def _same_place(a: Statement, b: Statement) -> bool:
    return distance_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= SAME_PLACE_KM


def _not_earlier(asserted: Statement, speculation: Statement) -> bool:
    """Dates compare at the coarser precision: `2023-09` is not earlier than `2023-09-12`."""
    if asserted.date is None or speculation.date is None:
        return True
    size = min(len(asserted.date), len(speculation.date))
    return asserted.date[:size] >= speculation.date[:size]


def _value(statement: Statement) -> dict:
    label = f"{statement.value} (speculated)" if statement.speculative else statement.value
    return {"value": label, "article": statement.article, "sentence": statement.sentence,
            "date": statement.date, "speculative": statement.speculative}


def _main_value(statements: list[Statement]) -> list[Statement]:
    """Per article, its most mentioned asserted place (one value per article and slot)."""
    best: dict[str, Statement] = {}
    for statement in statements:
        count = sum(_same_place(statement, other) for other in statements if other.article == statement.article)
        current = best.get(statement.article)
        if current is None or count > sum(_same_place(current, o) for o in statements if o.article == statement.article):
            best[statement.article] = statement
    return list(best.values())


def compare_places(members: list[AnalyzedArticle]) -> list[dict]:
    """One place fact for the story. Places that one article names together as sites of the event
    (a list, or several asserted places in one report) are one multi-site set, not a conflict."""
    statements = [s for analyzed in members for s in place_statements(analyzed)]
    every_asserted = [s for s in statements if not s.speculative]
    asserted = _main_value(every_asserted)
    speculated = [s for s in statements if s.speculative]
    if not asserted and not speculated:
        return []
    groups: list[list[Statement]] = []
    for statement in asserted:
        group = next((g for g in groups if _same_place(g[0], statement)), None)
        group.append(statement) if group else groups.append([statement])
    site_sets = _site_sets(groups, every_asserted)
    if len(site_sets) > 1:
        return [{"slot": "place", "status": "conflicting", "values": [_value(s) for g in groups for s in g]}]
    if groups:
        settled = [s for g in groups for s in g]
        overtaken = [s for s in speculated if not any(_same_place(s, g[0]) for g in groups)
                     and any(_not_earlier(a, s) for a in settled)]
        if overtaken:
            return [{"slot": "place", "status": "superseded",
                     "values": [_value(s) for s in _unique(overtaken)] + [_value(s) for s in settled]}]
        status = "agreed" if len({s.article for s in settled}) > 1 else "single-source"
        fact = {"slot": "place", "status": status, "values": [_value(s) for s in settled]}
        if len(groups) > 1:
            fact["sites"] = [g[0].value for g in groups]  # a multi-site event
        return [fact]
    status = "conflicting" if len({s.value for s in speculated}) > 1 else "single-source"
    return [{"slot": "place", "status": status, "values": [_value(s) for s in _unique(speculated)]}]


def _site_sets(groups: list[list[Statement]], every_asserted: list[Statement]) -> list[set[int]]:
    """Groups joined when one article asserts places of both: a report does not contradict itself,
    so two airports it names are two sites of one strike."""
    sites = [{index} for index in range(len(groups))]
    for article in {s.article for s in every_asserted}:
        named = {i for i, g in enumerate(groups) for s in every_asserted
                 if s.article == article and _same_place(s, g[0])}
        joined = [site for site in sites if site & named]
        if len(joined) > 1:
            sites = [site for site in sites if not site & named] + [set().union(*joined)]
    return sites


def _unique(statements: list[Statement]) -> list[Statement]:
    seen, kept = set(), []
    for statement in statements:
        if (statement.article, statement.value) not in seen:
            seen.add((statement.article, statement.value))
            kept.append(statement)
    return kept


# A kinship or predecessor noun shortly before a name ("sein Vater Kim Jong Il", "Amtsvorgänger X").
RELATIVE_BEFORE = re.compile(r"\b(?:Groß|Ur)*(?:[Vv]ater|[Mm]utter|Sohn|Tochter|Bruder|Schwester|Onkel|Tante|Enkel|Enkelin|"
                             r"Witwe|Vorgänger|Vorgängerin|Amtsvorgänger|Amtsvorgängerin)\b[^.!?]*$")


def compare_participants(members: list[AnalyzedArticle]) -> list[dict]:
    """People named in two or more articles agree on taking part; others are single-source. A
    relative or predecessor one article names only once as such ("wie schon sein Großvater Kim Il
    Sung") is background, no participant."""
    seen: dict[str, dict] = {}
    for analyzed in members:
        named = Counter(m.entity for m in analyzed.mentions if m.type == "PER" and m.entity)
        for mention in analyzed.mentions:
            if mention.type == "PER" and mention.entity:
                entry = seen.setdefault(mention.entity, {"name": mention.text, "articles": {}})
                if len(mention.text) > len(entry["name"]):
                    entry["name"] = mention.text
                entry["articles"].setdefault(analyzed.article.id, _sentence_of(analyzed, mention.start))
                entry["present"] = entry.get("present", False) or named[mention.entity] > 1 or not \
                    RELATIVE_BEFORE.search(analyzed.article.text, max(0, mention.start - 60), mention.start)
    facts = []
    taking_part = [e for e in seen.values() if len(e["articles"]) > 1 or e["present"]]
    for entry in sorted(taking_part, key=lambda e: -len(e["articles"]))[:8]:
        status = "agreed" if len(entry["articles"]) > 1 else "single-source"
        facts.append({"slot": "participant", "status": status, "values": [
            {"value": entry["name"], "article": article, "sentence": sentence}
            for article, sentence in entry["articles"].items()]})
    return facts


def _sentence_of(analyzed: AnalyzedArticle, offset: int) -> str:
    article = analyzed.article
    return next((article.text[s.start:s.end] for s in article.sentences if s.start <= offset < s.end), "")


def compare_facts(members: list[AnalyzedArticle]) -> list[dict]:
    """Every fact of the story, each statement once: agency copies that repeat a sentence word for
    word are one statement carried by several outlets (its other articles under "also"), and a fact
    only such copies agree on has a single source."""
    facts = compare_places(members) + compare_counts(members) + compare_participants(members)
    for fact in facts:
        fact["values"] = fold_copies(fact["values"], ("value", "sentence"))
        if fact["status"] == "agreed" and len(fact["values"]) == 1:
            fact["status"] = "single-source"
    return facts


DATELINE = re.compile(r"^[^.!?„“\"]{0,60}?\([^()]{1,30}\)\s*[-–—:]\s*")  # 'Frankfurt/Main (dpa) - '


def same_words(text: str) -> str:
    """What two copies of one agency sentence share: the words, without case, spacing or dateline."""
    return " ".join(DATELINE.sub("", text.strip()).casefold().split())


def fold_copies(items: list[dict], fields: tuple[str, ...]) -> list[dict]:
    """The items with the same `fields` (white space and case aside) folded into the first; the
    others' articles (and outlets, when the items carry them) are listed under its "also"."""
    kept: dict[tuple, dict] = {}
    for item in items:
        key = tuple(same_words(str(item.get(field) or "")) for field in fields)
        if key not in kept:
            kept[key] = dict(item)
        elif item["article"] != kept[key]["article"]:
            copy = {"article": item["article"]} | ({"outlet": item["outlet"]} if "outlet" in item else {})
            kept[key].setdefault("also", []).append(copy)
    return list(kept.values())
