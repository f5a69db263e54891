"""HTML pages: main text, title, date and outlet through trafilatura (boilerplate removed)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from storyline.dependencies import MissingDependency, require
from storyline.ingest.page_meta import (CHANGED_LABEL, PageMeta, address_day, breadcrumb_title, clean_title, heading_text,
                                        labelled_day, outlet_name, publication_day, read_meta, shown_day, shown_title,
                                        slug_title, time_day)
from storyline.ingest.page_text import (article_captions, clean_lines, find_teaser, marked_lead, marked_texts, page_strings,
                                        with_teaser)
from storyline.ingest.problems import Problem
from storyline.ingest.raw import RawArticle

HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b",
                        re.IGNORECASE | re.DOTALL)


DATE_SEARCH = {"extensive_search": True, "original_date": True}
SHORT_TEXT = 1000  # characters: a precise extraction this short may have lost the article
WIDER_GAIN = 1.25  # a wider extraction replaces it when this many times longer
MAX_HEADINGS = 60  # headings looked at for the one the page's address was written from


def wider_document(trafilatura, html: str, url: str | None, document):
    """Trafilatura's default, then its recall-first settings, when the precise extraction found
    no text or a short one and a wider one finds clearly more (pages whose article sits in
    unusual containers, where precision mode keeps a caption or nothing). A wider text in fewer
    lines than the precise one is the article's whole box run into one line, with its share row,
    rating and author box: not taken."""
    text = ((document.text or "") if document is not None else "").strip()
    if len(text) >= SHORT_TEXT:
        return document
    lines = _line_count(text)
    for options in ({}, {"favor_recall": True}):
        wider = trafilatura.bare_extraction(html, url=url, with_metadata=document is None, include_comments=False,
                                            date_extraction_params=DATE_SEARCH, **options)
        found = (wider.text or "") if wider is not None else ""
        if len(found.strip()) >= max(WIDER_GAIN * len(text), len(text) + 200) and _line_count(found) >= lines:
            if document is None:
                return wider
            document.text = found
            return document
    return document


def _line_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def is_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2048]))


def extract_html(html: str, path: str, where: str | None = None, url: str | None = None,
                 fallback_date: str | None = None) -> RawArticle | Problem:
    """One page to one article; pages without a main text are reported, not stored empty.

    Trafilatura finds the main text (precision first, wider settings when that finds little);
    `page_text` cuts the related-link, newsletter, paywall, download and self-description lines
    it keeps, moves captions behind the body and restores a dropped teaser; `page_meta` gives
    the title as the page's <h1> shows it, the date (the page's own publication time, the date
    printed by the headline and trafilatura's guess, as the outlet's local day) and the outlet.
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
        marked = marked_texts(tree) if tree is not None else {}
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
            date_extraction_params=DATE_SEARCH,
        )
        document = wider_document(trafilatura, html, url, document)
    except Exception as error:  # trafilatura raises many kinds on hostile markup
        return Problem(path, f"HTML could not be parsed ({type(error).__name__}: {error})", where)
    if document is None or not (document.text or "").strip():
        return Problem(path, "no main text found in the HTML page", where)
    page_url = url or document.url
    outlet = outlet_name(meta.site_names, page_url, guesses=[document.sitename])
    h1s = [node for _, node in zip(range(5), tree.iter("h1"))] if tree is not None else []
    shown_h1s = [" ".join(node.text_content().split()) for node in h1s]  # with kicker and date line, as printed
    headings = [heading_text(node) for node in h1s]
    h1 = headings[0] if headings else None
    stated = [clean_title(text, outlet, page_url) for text in
              (meta.headline, meta.og_title, tree.findtext(".//title") if tree is not None else None)]
    title = shown_title(clean_title(document.title, outlet, page_url, meta.headline, h1), headings, outlet, page_url,
                        stated)
    if tree is not None:
        heads = [" ".join(n.text_content().split()) for n in tree.xpath("//h1|//h2|//h3")[:MAX_HEADINGS]]
        others = [clean_title(text, outlet, page_url) for text in (meta.headline, document.title)]
        title = slug_title(title, [*headings, *others, *heads], page_url, outlet)
        title = breadcrumb_title(title, [tree.findtext(".//title"), meta.og_title, meta.headline], outlet, page_url)
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    if lines and " ".join(lines[0].split()) in {" ".join((document.title or "").split()), title, *headings, *shown_h1s}:
        lines = lines[1:]
    body, moved = clean_lines(lines, links, captions, marked)
    if not body:
        body, moved = lines, []
    if tree is not None:
        # the description's visible element, else (or when that is the body's first line already)
        # an element marked as the lead: some pages show both, the marked one is the teaser
        teaser = find_teaser(tree, meta.description, title)
        led = with_teaser(body, teaser)
        body = led if led is not body else with_teaser(body, marked_lead(tree, body, links, title))
    if tree is not None:
        moved += [caption for caption in article_captions(tree, body) if caption not in moved]
    text = "\n\n".join([*body, *(f"Bild: {caption}" for caption in moved)])
    shown = (labelled_day(tree) or shown_day(tree, [title, *shown_h1s]) or time_day(tree, h1s[0] if h1s else None)
             or (None if meta.published else labelled_day(tree, CHANGED_LABEL)) if tree is not None else None)
    day = publication_day(meta.published, document.date, shown, address_day(page_url)) or fallback_date
    return RawArticle(text=text, path=path, where=where, title=title, url=page_url, outlet=outlet, date=day)


def read_html(text: str, path: Path) -> Iterator[RawArticle | Problem]:
    yield extract_html(text, str(path))
