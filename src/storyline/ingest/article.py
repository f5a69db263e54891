"""Turn raw fields from any reader into a clean, structured `Article`."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _language_identifier():
    import py3langid

    return py3langid


def detect_language(text: str) -> str | None:
    sample = text[:5000]
    if len(re.findall(r"\w+", sample)) < 3:
        return None
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
    text, blocks, credits = clean_text(text)
    if not text.strip():
        raise ArticleError("article text is empty after cleaning")
    date_ref = date if isinstance(date, DateRef) or date is None else parse_date(date)
    digest = content_hash(text)
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
        sentences=split_sentences(text, blocks),
        content_hash=digest,
    )
