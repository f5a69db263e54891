"""What a story says about itself: title, dates, and (from compare/summary) facts and summary."""
from __future__ import annotations

from storyline.model import AnalyzedArticle


def date_order(analyzed: AnalyzedArticle) -> tuple:
    date = analyzed.article.date
    return (date is None, date.start if date else None, analyzed.article.id)


def story_title(members: list[AnalyzedArticle]) -> str:
    """The earliest headline; articles without one lend their first sentence."""
    for analyzed in members:
        if analyzed.article.title:
            return analyzed.article.title
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
