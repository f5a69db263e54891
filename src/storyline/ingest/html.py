"""HTML pages: main text, title, date and outlet through trafilatura (boilerplate removed)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from storyline.dependencies import MissingDependency, require
from storyline.ingest.page_meta import PageMeta, clean_title, local_day, outlet_name, read_meta
from storyline.ingest.page_text import article_captions, clean_lines, find_teaser, marked_lead, page_strings, with_teaser
from storyline.ingest.problems import Problem
from storyline.ingest.raw import RawArticle

HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b",
                        re.IGNORECASE | re.DOTALL)


def is_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2048]))


def extract_html(html: str, path: str, where: str | None = None, url: str | None = None,
                 fallback_date: str | None = None) -> RawArticle | Problem:
    """One page to one article; pages without a main text are reported, not stored empty.

    Trafilatura finds the main text; `page_text` cuts the related-link, newsletter and paywall
    lines it keeps, moves captions behind the body and restores a dropped teaser; `page_meta`
    gives the date (the page's own publication time as the outlet's local day) and the outlet.
    """
    try:
        trafilatura = require("trafilatura")
    except MissingDependency as error:
        return Problem(path, f"cannot read HTML: {error}", where)
    try:
        from trafilatura.utils import load_html

        tree = load_html(html)
        meta = read_meta(tree) if tree is not None else PageMeta()
        links = page_strings(tree, "a") if tree is not None else set()
        captions = page_strings(tree, "figcaption") if tree is not None else set()
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except Exception as error:  # trafilatura raises many kinds on hostile markup
        return Problem(path, f"HTML could not be parsed ({type(error).__name__}: {error})", where)
    if document is None or not (document.text or "").strip():
        return Problem(path, "no main text found in the HTML page", where)
    page_url = url or document.url
    outlet = outlet_name(meta.site_names, page_url, guesses=[document.sitename])
    h1 = next((" ".join(node.text_content().split()) for node in tree.iter("h1")), None) if tree is not None else None
    title = clean_title(document.title, outlet, page_url, meta.headline, h1)
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    if lines and lines[0] in {(document.title or "").strip(), title}:
        lines = lines[1:]
    body, moved = clean_lines(lines, links, captions)
    if not body:
        body, moved = lines, []
    teaser = None
    if tree is not None:
        teaser = find_teaser(tree, meta.description, title) or marked_lead(tree, body, links, title)
    body = with_teaser(body, teaser)
    if tree is not None:
        moved += [caption for caption in article_captions(tree, body) if caption not in moved]
    text = "\n\n".join([*body, *(f"Bild: {caption}" for caption in moved)])
    day = local_day(meta.published) or local_day(document.date) or fallback_date
    return RawArticle(text=text, path=path, where=where, title=title, url=page_url, outlet=outlet, date=day)


def read_html(text: str, path: Path) -> Iterator[RawArticle | Problem]:
    yield extract_html(text, str(path))
