"""`storyline report`: a story as one self-contained HTML file to mail, or as Markdown.

The HTML report inlines its stylesheet and draws the map as inline SVG, and links nowhere that a
mail recipient could not reach: no scripts, no fonts, no images, no server. It uses the same
template sections as the story page, so the two never drift apart.
"""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from storyline.i18n import Translator, translator
from storyline.web.map import PLACE_KINDS, draw_map
from storyline.web.render import render, safe_url, stylesheet

MAX_QUOTES = 12  # per speaker on the page and in the report; the entity page has them all
MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def report_context(story: dict, links: bool, lang: str | None = None) -> dict:
    """What the story sections need; `links` is off in the report, whose reader has no server."""
    title = translator(lang)("map.title", title=story.get("title"))
    return {"story": story, "links": links, "map_svg": draw_map(story.get("places", []), title=title, lang=lang),
            "outlet_of": {a["id"]: a["outlet"] for a in story.get("articles", [])}, "max_quotes": MAX_QUOTES,
            "place_kinds": PLACE_KINDS}


def story_html(story: dict, lang: str | None = None) -> str:
    return render("report.html", lang=lang, inline_css=Markup(stylesheet()),  # our own file, not article text
                  generated=dt.date.today().isoformat(),
                  **report_context(story, links=False, lang=lang))


def build_report(store, story_id: str, format: str = "html", lang: str | None = None) -> str | None:
    """The report text, or None when the story does not exist."""
    from storyline import views

    story = views.story_detail(store, story_id)
    if story is None:
        return None
    return story_html(story, lang) if format == "html" else story_markdown(story, lang)


def md(text) -> str:
    """Escape Markdown syntax and HTML (Markdown renderers pass raw HTML through) in untrusted text."""
    return " ".join(str(text or "").split()).translate(MARKDOWN_SPECIAL)


def story_markdown(story: dict, lang: str | None = None) -> str:
    t = translator(lang)
    sections = [markdown_head(story, t), markdown_timeline(story, t), markdown_places(story, t),
                markdown_actors(story, t), markdown_quotes(story, t), markdown_facts(story, t),
                markdown_framing(story, t), markdown_articles(story, t)]
    return "\n\n".join(section for section in sections if section) + "\n"


def markdown_head(story: dict, t: Translator = Translator()) -> str:
    lines = [f"# {md(story.get('title') or story['id'])}", "",
             f"{t('count.articles', n=story['article_count'])} · {t('word.first')} "
             f"{md(t.date(story.get('first_date')) or '–')} · {t('word.last')} "
             f"{md(t.date(story.get('last_date')) or '–')}", "", f"## {t('story.summary')}", ""]
    lines += [f"- {md(item['sentence'])} ({md(item.get('outlet') or item['article'])})"
              for item in story.get("summary", [])]
    return "\n".join(lines)


def markdown_timeline(story: dict, t: Translator = Translator()) -> str:
    events = story.get("timeline", [])
    lines = [f"## {t('story.timeline')}", ""] + [f"- **{md(t.date(e['value'], long=True))}**: {md(e['sentence'])} "
                                     f"({md(', '.join(_sources(e)))})" for e in events]
    return "\n".join(lines) if events else ""


def _sources(item: dict) -> list[str]:
    """The outlet (or article id) of an item and of the copies folded into it."""
    return [copy.get("outlet") or copy["article"] for copy in [item, *item.get("also", [])]]


def markdown_places(story: dict, t: Translator = Translator()) -> str:
    places = story.get("places", [])
    lines = [f"## {t('story.places')}", ""] + [
        f"- {md(p['name'])} ({p['lat']:.2f}, {p['lon']:.2f}), {t('story.mentioned', n=p['mentions'])}" for p in places]
    return "\n".join(lines) if places else ""


def markdown_actors(story: dict, t: Translator = Translator()) -> str:
    lines = [f"## {t('story.actors')}", ""]
    for actor in story.get("actors", []):
        roles = f" – {md(', '.join(actor['roles']))}" if actor.get("roles") else ""
        lines.append(f"- **{md(actor['name'])}** ({actor['type']}, {t('count.articles', n=actor['articles_in_story'])})"
                     f"{roles}")
        lines += [f"  - {md(outlet)}: {md(', '.join(labels))}" for outlet, labels in actor.get("labels", {}).items()]
    return "\n".join(lines) if story.get("actors") else ""


def sources(item: dict) -> str:
    """Where a quote or statement is from: its article's outlet, then those of its agency copies."""
    return ", ".join(copy.get("outlet") or copy["article"] for copy in [item, *item.get("also", [])])


def markdown_quotes(story: dict, t: Translator = Translator()) -> str:
    lines = [f"## {t('story.quotes_by_speaker')}"]
    for group in story.get("quotes_by_speaker", []):
        lines += ["", f"### {md(group['name'] or t('word.unknown_speaker'))}", ""]
        lines += [f"- „{md(q['text'])}“ ({t.name('quote_kind', q['kind'])}, {md(sources(q))})"
                  for q in group["quotes"]]
    return "\n".join(lines) if story.get("quotes_by_speaker") else ""


def markdown_facts(story: dict, t: Translator = Translator()) -> str:
    lines = [f"## {t('story.facts')}"]
    for fact in story.get("facts") or []:
        lines += ["", f"### {md(t.name('fact_slot', fact['slot']))}: {t.name('fact_status', fact['status'])}", ""]
        lines += [f"- **{md(v['value'])}** – „{md(v['sentence'])}“ ({md(sources(v))})" for v in fact["values"]]
    return "\n".join(lines) if story.get("facts") else ""


def markdown_framing(story: dict, t: Translator = Translator()) -> str:
    rows = [f"| {md(f['outlet'])} | {f['articles']} | {t.number(f['polarity'], 2, sign=True)} | {t.number(f['subjectivity'], 2)} | "
            f"{md(', '.join(t.name('genre', g) for g in f['genres']))} |" for f in story.get("framing", [])]
    columns = ("story.outlet", "story.articles", "story.tone", "story.subjectivity", "story.genre")
    header = [f"## {t('story.framing_by_outlet')}", "", "| " + " | ".join(t(c) for c in columns) + " |",
              "|---|---|---|---|---|"]
    return "\n".join(header + rows) if rows else ""


def markdown_articles(story: dict, t: Translator = Translator()) -> str:
    lines = [f"## {t('story.articles')}", ""]
    for article in story.get("articles", []):
        url = f" <{article['url']}>" if safe_url(article.get("url")) else ""
        lines.append(f"- {md(t.date(article.get('date')) or '–')} · {md(article.get('outlet') or t('word.no_outlet'))} · "
                     f"{md(article['headline'])}{url}")
    return "\n".join(lines)
