"""`storyline report`: a story as one self-contained HTML file to mail, or as Markdown.

The HTML report inlines its stylesheet and draws the map as inline SVG, and links nowhere that a
mail recipient could not reach: no scripts, no fonts, no images, no server. It uses the same
template sections as the story page, so the two never drift apart.
"""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from storyline.web.map import KIND_LABELS, draw_map
from storyline.web.render import KIND_NAMES, STATUS_NAMES, render, safe_url, stylesheet

MAX_QUOTES = 12  # per speaker on the page and in the report; the entity page has them all
MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def report_context(story: dict, links: bool) -> dict:
    """What the story sections need; `links` is off in the report, whose reader has no server."""
    return {"story": story, "links": links, "map_svg": draw_map(story.get("places", []),
                                                                   title=f"Orte der Geschichte: {story.get('title')}"),
            "outlet_of": {a["id"]: a["outlet"] for a in story.get("articles", [])}, "max_quotes": MAX_QUOTES,
            "kind_labels": KIND_LABELS}


def story_html(story: dict) -> str:
    return render("report.html", inline_css=Markup(stylesheet()),  # our own file, not article text
                  generated=dt.date.today().isoformat(),
                  **report_context(story, links=False))


def build_report(store, story_id: str, format: str = "html") -> str | None:
    """The report text, or None when the story does not exist."""
    from storyline import views

    story = views.story_detail(store, story_id)
    if story is None:
        return None
    return story_html(story) if format == "html" else story_markdown(story)


def md(text) -> str:
    """Escape Markdown syntax and HTML (Markdown renderers pass raw HTML through) in untrusted text."""
    return " ".join(str(text or "").split()).translate(MARKDOWN_SPECIAL)


def story_markdown(story: dict) -> str:
    sections = [markdown_head(story), markdown_timeline(story), markdown_places(story), markdown_actors(story),
                markdown_quotes(story), markdown_facts(story), markdown_framing(story), markdown_articles(story)]
    return "\n\n".join(section for section in sections if section) + "\n"


def markdown_head(story: dict) -> str:
    lines = [f"# {md(story.get('title') or story['id'])}", "",
             f"{story['article_count']} Artikel · erstmals {md(story.get('first_date') or '–')} · zuletzt "
             f"{md(story.get('last_date') or '–')}", "", "## Zusammenfassung", ""]
    lines += [f"- {md(item['sentence'])} ({md(item.get('outlet') or item['article'])})"
              for item in story.get("summary", [])]
    return "\n".join(lines)


def markdown_timeline(story: dict) -> str:
    from storyline.web.render import unique_events

    events = unique_events(story.get("timeline", []))
    lines = ["## Zeitleiste", ""] + [f"- **{md(e['value'])}**: {md(e['sentence'])} "
                                     f"({md(e.get('outlet') or e['article'])})" for e in events]
    return "\n".join(lines) if events else ""


def markdown_places(story: dict) -> str:
    places = story.get("places", [])
    lines = ["## Orte", ""] + [f"- {md(p['name'])} ({p['lat']:.2f}, {p['lon']:.2f}), {p['mentions']}× genannt"
                               for p in places]
    return "\n".join(lines) if places else ""


def markdown_actors(story: dict) -> str:
    lines = ["## Akteure", ""]
    for actor in story.get("actors", []):
        roles = f" – {md(', '.join(actor['roles']))}" if actor.get("roles") else ""
        lines.append(f"- **{md(actor['name'])}** ({actor['type']}, {actor['articles_in_story']} Artikel){roles}")
        lines += [f"  - {md(outlet)}: {md(', '.join(labels))}" for outlet, labels in actor.get("labels", {}).items()]
    return "\n".join(lines) if story.get("actors") else ""


def sources(item: dict) -> str:
    """Where a quote or statement is from: its article's outlet, then those of its agency copies."""
    return ", ".join(copy.get("outlet") or copy["article"] for copy in [item, *item.get("also", [])])


def markdown_quotes(story: dict) -> str:
    lines = ["## Zitate nach Sprecher"]
    for group in story.get("quotes_by_speaker", []):
        lines += ["", f"### {md(group['name'])}", ""]
        lines += [f"- „{md(q['text'])}“ ({KIND_NAMES.get(q['kind'], q['kind'])}, {md(sources(q))})"
                  for q in group["quotes"]]
    return "\n".join(lines) if story.get("quotes_by_speaker") else ""


def markdown_facts(story: dict) -> str:
    lines = ["## Fakten"]
    for fact in story.get("facts") or []:
        lines += ["", f"### {md(fact['slot'])}: {STATUS_NAMES.get(fact['status'], fact['status'])}", ""]
        lines += [f"- **{md(v['value'])}** – „{md(v['sentence'])}“ ({md(sources(v))})" for v in fact["values"]]
    return "\n".join(lines) if story.get("facts") else ""


def markdown_framing(story: dict) -> str:
    rows = [f"| {md(f['outlet'])} | {f['articles']} | {f['polarity']:+.2f} | {f['subjectivity']:.2f} | "
            f"{md(', '.join(f['genres']))} |" for f in story.get("framing", [])]
    header = ["## Framing nach Medium", "", "| Medium | Artikel | Tonlage | Subjektivität | Gattung |",
              "|---|---|---|---|---|"]
    return "\n".join(header + rows) if rows else ""


def markdown_articles(story: dict) -> str:
    lines = ["## Artikel", ""]
    for article in story.get("articles", []):
        url = f" <{article['url']}>" if safe_url(article.get("url")) else ""
        lines.append(f"- {md(article.get('date') or '–')} · {md(article.get('outlet') or 'ohne Medium')} · "
                     f"{md(article['headline'])}{url}")
    return "\n".join(lines)
