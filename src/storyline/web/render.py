"""The Jinja2 environment shared by the pages and the mailed report: autoescape everywhere.

Article text, titles, outlet names and entity names all come from untrusted input; with autoescape on
for every template, a `<script>` inside an article shows as text. The only markup that is inserted
unescaped is built by our own code with its values escaped (the SVG map) or is our own stylesheet.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader

from storyline.i18n import NAMES, translator
from storyline.web.lookups import split_snippet

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


def quote_id(value) -> str:
    """Ids may hold slashes and colons (URLs as article ids); quote every reserved character."""
    return quote(str(value), safe="")


def safe_url(url: str | None) -> bool:
    """Only plain web links may become links: `javascript:`, `data:` and the like stay text, as do
    URLs with characters that could break out of an attribute or a Markdown autolink."""
    return bool(url) and url.startswith(("https://", "http://")) and not any(c in url for c in " <>\"'\\\t\r\n")


def tone_key(polarity: float) -> str:
    """The catalogue's tone.* word for a polarity score."""
    return "negative" if polarity <= -0.1 else "positive" if polarity >= 0.1 else "neutral"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(qid=quote_id, tone_key=tone_key, snippet_pieces=split_snippet, web_url=safe_url)
    env.globals.update(language_names=NAMES)  # each language named in itself, as its column is lang-tagged
    return env


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return (STATIC / "style.css").read_text(encoding="utf-8")


def render(name: str, lang: str | None = None, **context) -> str:
    """Every template gets `t` (the catalogue in `lang`, English by default) and `lang` for <html lang>."""
    t = translator(lang)
    return environment().get_template(name).render(t=t, lang=t.lang, **context)
