"""HTML pages: main text, title, date and outlet through trafilatura (boilerplate removed)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from storyline.dependencies import MissingDependency, require
from storyline.ingest.problems import Problem
from storyline.ingest.raw import RawArticle

HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b",
                        re.IGNORECASE | re.DOTALL)


def is_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2048]))


def extract_html(html: str, path: str, where: str | None = None, url: str | None = None,
                 fallback_date: str | None = None) -> RawArticle | Problem:
    """One page to one article; pages without a main text are reported, not stored empty."""
    try:
        trafilatura = require("trafilatura")
    except MissingDependency as error:
        return Problem(path, f"cannot read HTML: {error}", where)
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura raises many kinds on hostile markup
        return Problem(path, f"HTML could not be parsed ({type(error).__name__}: {error})", where)
    if document is None or not (document.text or "").strip():
        return Problem(path, "no main text found in the HTML page", where)
    title = document.title
    text = _paragraphs(document.text, title)
    return RawArticle(text=text, path=path, where=where, title=title, url=url or document.url,
                      outlet=document.sitename or document.hostname, date=document.date or fallback_date)


def _paragraphs(text: str, title: str | None) -> str:
    """Trafilatura separates paragraphs by one newline; the structure step expects a blank line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def read_html(text: str, path: Path) -> Iterator[RawArticle | Problem]:
    yield extract_html(text, str(path))
