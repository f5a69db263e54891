"""What a story says about itself: title, dates, and (from compare/summary) facts and summary."""
from __future__ import annotations

import re

from storyline.model import AnalyzedArticle

# Agency tags in front of wire headlines ("ROUNDUP 2/Kreise:", "EILMELDUNG:", a quoting "> ").
WIRE_TAG = re.compile(r"^(?:>\s*)?(?:(?:ROUNDUP|EILMELDUNG|KORREKTUR|WDH|UPDATE)(?:\s*\d+)?(?:/[^:\n]{1,30})?\s*:\s*)+")
# A headline a page cut off ("… Edeka/Tengelmann mi...").
CUT_OFF = re.compile(r"(?:\.\.\.|…)\s*$")
# Section names a page's breadcrumb puts in front of the headline ("Deutschland Anleger der … Bank werden …").
SECTIONS = {"Deutschland", "Ausland", "Inland", "Welt", "Politik", "Wirtschaft", "Finanzen", "Panorama", "Sport",
            "Kultur", "Wissen", "Regional", "Lokales", "Nachrichten", "Vermischtes", "Netzwelt", "Digital"}
TITLE_LENGTH = 90  # a story without any headline is named by its first sentence, cut to this
LINKING_WORDS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und",
                 "oder", "an", "in", "im", "am", "auf", "für", "mit", "von", "vom", "zu", "zum", "zur", "bei", "nach",
                 "aus", "über", "unter", "vor", "als", "wie", "dass", "the", "a", "an", "of", "and", "to", "for"}


def date_order(analyzed: AnalyzedArticle) -> tuple:
    date = analyzed.article.date
    return (date is None, date.start if date else None, analyzed.article.id)


def story_title(members: list[AnalyzedArticle]) -> str:
    """The earliest whole headline without agency tags: a headline the page cut off yields to a later
    whole one. Articles without one lend their first sentence."""
    titles = [without_breadcrumb(WIRE_TAG.sub("", m.article.title.strip()) or m.article.title.strip(), m.article.text)
              for m in members if m.article.title and m.article.title.strip()]
    whole = [title for title in titles if not CUT_OFF.search(title)]
    if whole or titles:
        return (whole or titles)[0]
    first = members[0].article
    sentence = first.content_sentences()[0] if first.content_sentences() else None
    return shortened(first.text[sentence.start:sentence.end] if sentence else first.text)


def without_breadcrumb(title: str, text: str) -> str:
    """A headline with the page's breadcrumb in front ("Mecklenburg Grevesmühlen Wirtschaft German Pellets:
    …"): the part the text repeats as its own headline line ("Wismar – German Pellets: …"), or the
    headline after a leading section name. A title of five words or fewer is left whole."""
    words = title.split()
    for cut in range(1, min(6, len(words) - 3)):
        if not all(word[:1].isupper() and word[-1:].isalnum() for word in words[:cut]):
            break
        tail = " ".join(words[cut:])
        if re.search(r"(?:^|\n|[–—-] )" + re.escape(tail) + r"[ \t]*(?:\n|$)", text.replace(title, "", 1)):
            return tail
    if len(words) > 5 and words[0] in SECTIONS and words[1][:1].isupper() and words[1][-1:].isalnum():
        return " ".join(words[1:])
    return title


# A list bullet that opens a line of page text ("– Es sei mit weiteren Verspätungen zu rechnen …").
BULLET = re.compile(r"^\s*[–—•*·-]\s+(?=\S)")


def shown_sentence(text: str) -> str:
    """A sentence of an article as a story view quotes it: without the list bullet it opened with."""
    return BULLET.sub("", text)


def shortened(text: str, limit: int = TITLE_LENGTH) -> str:
    """A first sentence as a title: whole when short, else cut at a word before `limit` with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    words = text[:cut if cut > limit // 2 else limit].split()
    while len(words) > 3 and words[-1].lower().strip(",;:") in LINKING_WORDS:
        words.pop()  # "… eine provokative Geste an die" ends at "Geste"
    return " ".join(words).rstrip(" ,;:–-") + " …"


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
