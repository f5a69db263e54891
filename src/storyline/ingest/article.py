"""Turn raw fields from any reader into a clean, structured `Article`."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from storyline.collector import fewer_collections
from storyline.ingest.clean import clean_text
from storyline.ingest.dates import parse_date
from storyline.ingest.structure import split_sentences
from storyline.model import Article, DateRef

MAX_CHARS = 2_000_000  # a longer "article" is a mis-read file, not news


class ArticleError(ValueError):
    """An input record that cannot become an article; the message says why."""


def content_hash(text: str) -> str:
    """Hash of the text with case and white space folded: the key for exact duplicates."""
    folded = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


# Frequent German function words that are not frequent words of English, Dutch, Afrikaans, Luxembourgish or
# the Scandinavian languages ("die" is Afrikaans, "den"/"der" Danish: they are left out).
GERMAN_WORDS = frozenset("und nicht ist ein eine einen einem einer eines sich mit auf für dem auch wird wurde "
                         "werden hat haben sind sie ich zu im von dass aber noch nach bei aus wie über vor zum "
                         "zur sei seien sagte diese dieser dieses".split())
# Frequent words of other Latin-script languages that German text hardly ever contains.
FOREIGN_WORDS = frozenset("the and of to is are was that with this for on van het een en niet ook og och "
                          "le la les et une du est que el los las y por il di che em ao não".split())
MIN_PROFILE_WORDS = 40  # below this the profile is too noisy: ask the model
GERMAN_SHARE = 0.12  # German news articles: 13-24 % (5th-95th percentile of 848 Wikinews articles)
FOREIGN_SHARE = 0.01


@lru_cache(maxsize=1)
def _language_identifier():
    import py3langid

    return py3langid


def is_clearly_german(words: list[str]) -> bool:
    """A stop-word profile that only German text has. Loading the language model costs about half
    a second (it is a 4.5 MB LZMA file), more than the rest of reading an article; for the German
    news Storyline is made for, this check answers first and the model is loaded only for the rest."""
    if len(words) < MIN_PROFILE_WORDS:
        return False
    german = sum(1 for word in words if word.lower() in GERMAN_WORDS)
    foreign = sum(1 for word in words if word.lower() in FOREIGN_WORDS)
    return german >= GERMAN_SHARE * len(words) and foreign <= FOREIGN_SHARE * len(words)


def detect_language(text: str) -> str | None:
    sample = text[:5000]
    words = re.findall(r"\w+", sample)
    if len(words) < 3:
        return None
    if is_clearly_german(words):
        return "de"
    language, _ = _language_identifier().classify(sample)
    return language


def make_article(
    text: str,
    *,
    id: str | None = None,
    date: str | DateRef | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    path: str | None = None,
) -> Article:
    """Clean and structure one article; raises ArticleError (empty, too large) or DateError."""
    if text is None or not text.strip():
        raise ArticleError("empty article text")
    if len(text) > MAX_CHARS:
        raise ArticleError(f"article text too large ({len(text):,} characters, limit {MAX_CHARS:,})")
    text, blocks, credits = clean_text(text, title)
    if not text.strip():
        raise ArticleError("article text is empty after cleaning")
    date_ref = date if isinstance(date, DateRef) or date is None else parse_date(date)
    digest = content_hash(text)
    with fewer_collections():  # the sentence splitter makes a token object per word
        sentences = split_sentences(text, blocks)
    return Article(
        id=str(id) if id not in (None, "") else digest[:16],
        text=text,
        date=date_ref,
        title=title.strip() if title and title.strip() else None,
        outlet=outlet or None,
        url=url or None,
        path=path,
        language=detect_language(text),
        credits=credits,
        blocks=blocks,
        sentences=sentences,
        content_hash=digest,
    )
