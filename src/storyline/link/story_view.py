"""What a story says about itself: title, dates, and (from compare/summary) facts and summary."""
from __future__ import annotations

import re

from storyline.model import AnalyzedArticle

# Agency tags in front of wire headlines ("ROUNDUP 2/Kreise:", "EILMELDUNG:", a quoting "> ").
WIRE_TAG = re.compile(r"^(?:>\s*)?(?:(?:ROUNDUP|EILMELDUNG|KORREKTUR|WDH|UPDATE)(?:\s*\d+)?(?:/[^:\n]{1,30})?\s*:\s*)+")
# A headline a page cut off ("… Edeka/Tengelmann mi...").
CUT_OFF = re.compile(r"(?:\.\.\.|…)\s*$")


def date_order(analyzed: AnalyzedArticle) -> tuple:
    date = analyzed.article.date
    return (date is None, date.start if date else None, analyzed.article.id)


def story_title(members: list[AnalyzedArticle]) -> str:
    """The earliest whole headline without agency tags: a headline the page cut off yields to a later
    whole one. Articles without one lend their first sentence."""
    titles = [WIRE_TAG.sub("", m.article.title.strip()) or m.article.title.strip()
              for m in members if m.article.title and m.article.title.strip()]
    whole = [title for title in titles if not CUT_OFF.search(title)]
    if whole or titles:
        return (whole or titles)[0]
    first = members[0].article
    sentence = first.content_sentences()[0] if first.content_sentences() else None
    return first.text[sentence.start:sentence.end] if sentence else first.text[:120]


def describe_story(story_id: str, members: list[AnalyzedArticle]) -> dict:
    members = sorted(members, key=date_order)
    dated = [m.article.date for m in members if m.article.date]
    story = {"id": story_id, "title": story_title(members), "articles": [m.article.id for m in members],
             "first_date": min(d.value for d in dated) if dated else None,
             "last_date": max(d.value for d in dated) if dated else None,
             "outlets": sorted({m.article.outlet for m in members if m.article.outlet}),
             "languages": sorted({m.article.language for m in members if m.article.language}), "facts": []}
    try:
        from storyline.link.compare import compare_facts
    except ImportError:  # the comparison step is optional while it is being built
        return story
    story["facts"] = compare_facts(members)
    return story
