"""What the story clustering looks at in one article: terms, names, places, date, a near-duplicate hash.

Features are computed per article, without shared state, so that they can be computed in parallel
(or in Spark) and fed to the stateful `assign_story` in date order. Term weights here are only the
in-article part (sublinear term frequency); the index applies document frequencies, because those
change while the stream runs.
"""
from __future__ import annotations

import gzip
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from storyline.model import Article, Mention, Place, TimeRef

IDF_PATH = Path(__file__).resolve().parent.parent / "models" / "idf_de.tsv.gz"
WORD = re.compile(r"[^\W\d_][\w\-]*[^\W_]|[^\W\d_]", re.UNICODE)
SUFFIXES = ("ungen", "innen", "heiten", "keiten", "ern", "em", "en", "er", "es", "e", "s", "n")
MIN_STEM = 4
TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 1.5
LEAD_SENTENCES = 3

STOPWORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
    auch auf aus bei beim bin bis bisher bist da dabei dadurch dafür dagegen daher damit dann dar
    daran darauf darum das dass daß dem den denen denn der deren des deshalb dessen die dies diese
    diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines einige einigen
    er es etwa euch für gegen gewesen hab habe haben hat hatte hatten heute hier hin hinter ich ihm
    ihn ihnen ihr ihre ihrem ihren ihrer im immer in ins ist ja jahr jahre jahren jedoch jetzt kann
    kein keine keinen können könnte man mehr mein mit muss musste nach nachdem nicht nichts noch nun
    nur ob oder ohne prozent schon sehr sei seien sein seine seinem seinen seiner seit sich sie sind
    so soll sollen sollte sowie über um und uns unter vom von vor wann war waren warum was weil
    weiter weitere welche wenn wer werde werden wie wieder will wir wird wurde wurden zu zum zur
    zwar zwei drei vier fünf sechs millionen milliarden mio mrd euro dollar uhr montag dienstag
    mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august
    september oktober november dezember gestern morgen sagte sagt erklärte laut dpa afp reuters
    neue neuen neuer neues erst ersten mal rund bereits knapp fast beim sowie wegen während zudem
    """.split()
)


# English articles: their function words would otherwise tie every English text to every other.
ENGLISH_STOPWORDS = frozenset(
    """
    the and for are was were been being has have had his her hers him she they them their theirs this
    that these those there here with from into onto over under after before about above below than
    then when where which while who whom whose what why how all any both each every some such only
    also just even still yet not nor but can could should would will shall may might must does did
    doing done its it's our ours your yours you we us out off per via upon against among between
    during since until because although though very more most much many other another same own one
    two three four five six seven eight nine ten first second third last next new year years day
    days week weeks month months time times said says say told according percent per cent million
    billion monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mr mrs ms people like get got made make
    """.split()
)
ENGLISH_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "ed", "es", "er", "ly", "s")


@dataclass
class ArticleFeatures:
    """The clustering view of one article; `date_end` > `date` when only the month is known."""

    id: str
    date: date | None
    terms: dict[str, float]
    entities: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    simhash: int = 0
    date_end: date | None = None
    towns: set[str] = field(default_factory=set)  # resolved populated places: see `find_towns`
    language: str | None = None
    vector: Any = None  # the article's title-and-lead vector (analyze.article_vector), if analysed
    dateline: tuple[str, ...] = ()  # keys of the town the report is filed from: see `find_dateline`
    event_day: date | None = None  # the day the opening sentences name: see `find_event_day`


def stem_word(word: str) -> str:
    """Fold case and strip one inflection suffix: 'Streiks', 'Streik' and 'streikenden' meet."""
    word = word.casefold().replace("ß", "ss")
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def find_words(text: str) -> list[tuple[int, str]]:
    """Word tokens with their start offsets (letters, inner hyphens; no numbers)."""
    return [(m.start(), m.group()) for m in WORD.finditer(text)]


def count_terms(text: str, weight: float, counts: Counter, language: str | None = None) -> None:
    """Add the content-word stems of `text` to `counts`, each occurrence worth `weight`."""
    read = english_term_of if language == "en" else term_of
    for word in WORD.findall(text):
        term = read(word)
        if term is not None:
            counts[term] += weight


@lru_cache(maxsize=65536)
def english_term_of(word: str) -> str | None:
    """`term_of` for English: English function words out, one English suffix stripped."""
    lower = word.casefold()
    if len(word) < 3 or lower in ENGLISH_STOPWORDS:
        return None
    for suffix in ENGLISH_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= MIN_STEM:
            return lower[: -len(suffix)]
    return lower


@lru_cache(maxsize=65536)
def term_of(word: str) -> str | None:
    """The stem a content word counts as, None for a short word or stop word. Remembered: every
    article is counted twice (terms and SimHash), and news repeats its vocabulary."""
    if len(word) < 3 or word.casefold() in STOPWORDS:
        return None
    return stem_word(word)


def weigh_terms(counts: Counter) -> dict[str, float]:
    """Sublinear term frequency: one long repetitive article should not drown a story centroid."""
    return {term: 1.0 + math.log(count) if count >= 1 else count for term, count in counts.items()}


def find_headline(article: Article) -> str | None:
    """The title, else the text's leading heading block: JSON Lines input often has no `title`."""
    if article.title:
        return article.title
    first = article.blocks[0] if article.blocks else None
    if first is not None and first.kind == "heading":
        return article.text[first.start : first.end]
    return None


def article_terms(article: Article) -> dict[str, float]:
    """Terms of title (counted double) and lead (one and a half) and body: the lead names the event."""
    counts: Counter = Counter()
    headline = find_headline(article)
    if headline:
        count_terms(headline, TITLE_WEIGHT - 1.0 if not article.title else TITLE_WEIGHT, counts, article.language)
    for rank, sentence in enumerate(article.content_sentences()):
        weight = LEAD_WEIGHT if rank < LEAD_SENTENCES else 1.0
        count_terms(article.text[sentence.start : sentence.end], weight, counts, article.language)
    return weigh_terms(counts)


def compute_simhash(text: str, language: str | None = None) -> int:
    """64-bit SimHash of the text's content words weighted by rarity (Charikar's weighted form).

    Word-trigram shingles flip many bits on short wire copies with a new headline; weighted
    words keep an agency copy within a few bits while unrelated texts differ in about half.
    """
    counts: Counter = Counter()
    count_terms(text, 1.0, counts, language)
    if not counts:
        return 0
    df, n_docs = load_idf()
    terms = sorted(counts)
    weights = np.array([counts[t] * math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1e-3 for t in terms])
    digests = b"".join(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest() for t in terms)
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(len(terms), 8), axis=1)
    votes = (bits * weights[:, None]).sum(axis=0) * 2 > weights.sum()
    return int("".join("1" if vote else "0" for vote in votes), 2)


def normalise_name(name: str) -> str:
    """One key per surface name: case, genitive -s and spacing folded."""
    name = re.sub(r"\s+", " ", name).strip().casefold()
    return name[:-1] if name.endswith("s") and len(name) > 4 else name


def guess_entities(article: Article) -> set[str]:
    """Names without an NER model: capitalised words not at a sentence start and rare in news.

    German capitalises every noun, so the shipped document frequencies separate names
    ("Lufthansa", "Verdi") from common nouns ("Streik") that are frequent in any news text.
    """
    df, n_docs = load_idf()
    names = set()
    for sentence in article.content_sentences():
        words = find_words(article.text[sentence.start : sentence.end])
        for _, word in words[1:]:
            if not word[0].isupper() or word.casefold() in STOPWORDS or len(word) < 3:
                continue
            if df.get(stem_word(word), 0) <= n_docs * 0.01:
                names.add(normalise_name(word))
    return names


def features_of(analyzed) -> ArticleFeatures:
    """The clustering features of an analysed article (names, places, times and its vector)."""
    return features_from_article(analyzed.article, analyzed.mentions, analyzed.places, analyzed.vector,
                                 analyzed.times)


def features_from_article(
    article: Article, mentions: list[Mention] | None = None, places: list[Place] | None = None, vector=None,
    times: list[TimeRef] | None = None,
) -> ArticleFeatures:
    """Build the clustering features; names come from `mentions` when the NER stage ran."""
    if mentions is None:
        entities = guess_entities(article)
    else:
        entities = {m.entity or normalise_name(m.text) for m in mentions if m.type != "LOC"}
    place_names = {normalise_name(p.name or p.text) for p in places or []}
    if places is None and mentions is not None:
        place_names = {normalise_name(m.text) for m in mentions if m.type == "LOC"}
    body = " ".join(article.text[s.start : s.end] for s in article.content_sentences())
    return ArticleFeatures(
        id=article.id,
        date=article.date.start if article.date else None,
        date_end=article.date.end if article.date else None,
        terms=article_terms(article),
        entities=entities,
        places=place_names,
        simhash=compute_simhash(body, article.language),
        towns=find_towns(places or []),
        language=article.language,
        vector=vector,
        dateline=find_dateline(article.text, places or []),
        event_day=find_event_day(article, times or []),
    )


EVENT_SENTENCES = 7  # the opening of a page: headline, stamp and credit lines, the lead paragraph
EVENT_REACH = 7  # days from the article date: a weekday name ('am Donnerstag') lies within a week


def find_event_day(article: Article, times: list[TimeRef]) -> date | None:
    """The day the opening sentences name in words ('am Donnerstag', 'morgen', '27. April'): the day
    of the strike or meeting the report is about. A bare stamp ('24.11.2015 | 08:09') is the page's
    own date and says nothing about the event; a day more than a week from the article date is
    background."""
    if article.date is None or article.date.start != article.date.end:
        return None
    opening = article.content_sentences()[:EVENT_SENTENCES]
    for time in sorted(times, key=lambda t: t.start):
        if not opening or time.start >= opening[-1].end:
            break
        if time.kind != "date" or not time.value or not DAY_VALUE.fullmatch(time.value):
            continue
        if not any(ch.isalpha() for ch in time.text) or not any(s.start <= time.start < s.end for s in opening):
            continue
        day = date.fromisoformat(time.value)
        if abs((day - article.date.start).days) <= EVENT_REACH:
            return day
    return None


DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def find_towns(places: list[Place]) -> set[str]:
    """The article's specific places: geocoded towns and cities, not countries or regions.

    Two reports of one strike, accident or trial name the same town; two strikes of one union
    in other towns do not, however much their vocabulary agrees. Countries and states are too
    broad to tell events apart, and unresolved names are too unsure.
    """
    return {p.name for p in places if p.name and p.lat is not None and p.feature_class == "P"}


# After a dateline's town: a state ("OAKLAND, Ca."), a part ("Frankfurt/Main"), an agency ("(dpa)"), a dash.
DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]{1,20})?(?:/[A-Z][\w.]*)?\s*(?:\([^()\n]{1,40}\))?\s*(?:--|[-–—])\s")
DATELINE_REACH = 400  # characters from the start: a headline and a lead paragraph's opening


def find_dateline(text: str, places: list[Place]) -> tuple[str, ...]:
    """The town a report is filed from ("OAKLAND, Ca. -- Protesters …", "London (dpa) - Der …"): a
    geocoded town near the start, written in capitals, after a line break or before an agency,
    then a dash. Two reports filed from different towns are rarely about one event. Its keys are
    the gazetteer's name, the name as written and its longer words, folded: a translation that
    geocodes "AUGUSTA" or "JURUPA VALLEY" another way still shares a key with the original."""
    for place in sorted(places, key=lambda p: p.start):
        if place.start > DATELINE_REACH:
            break
        if not place.name or place.lat is None or place.feature_class != "P":
            continue
        after = DATELINE_AFTER.match(text, place.end)
        if after and (place.text.isupper() or "(" in after.group() or place.start == 0
                      or text[place.start - 1] == "\n"):
            words = {word for word in re.findall(r"\w+", place.text.casefold()) if len(word) >= 4}
            return tuple(sorted({place.name.casefold(), place.text.casefold(), *words}))
    return ()


@lru_cache(maxsize=1)
def load_idf(path: Path = IDF_PATH) -> tuple[dict[str, int], int]:
    """Shipped document frequencies (term -> df) and the number of documents they were counted on."""
    if not path.exists():
        return {}, 0
    df: dict[str, int] = {}
    n_docs = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            term, _, count = line.rstrip("\n").partition("\t")
            if term == "#documents":
                n_docs = int(count)
            elif term:
                df[term] = int(count)
    return df, n_docs
