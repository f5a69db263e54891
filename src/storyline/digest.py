"""A digest of the widest stories: outlets, dates, quotes and, in one line, what the sources differ on.

Why: a story list shows how many articles a story has, not why one would open it. The digest puts
the cross-source facts (`conflicting`, `superseded`, then `agreed`) of each story on one line, so the
first look at a store (`make demo`) shows what Storyline compares. Built on `views`, like the CLI.
"""
from __future__ import annotations

from storyline import views

SCAN = 500  # stories read to rank by outlets; a digest is a first look, not a report on a whole archive
DIFFERING = ("conflicting", "superseded")


def story_digest(store, limit: int = 8, min_outlets: int = 0, t=None) -> list[dict]:
    """The `limit` stories with the most outlets (then articles), each with what its sources differ on.
    `t` (a `Translator`) words the differences for people; without it they stay as `--json` has them."""
    stories = views.list_stories(store, limit=SCAN)["stories"]
    ranked = sorted((s for s in stories if len(s["outlets"]) >= min_outlets),
                    key=lambda s: (-len(s["outlets"]), -s["article_count"], s["id"]))
    return [digest_of(views.story_detail(store, story["id"]), t) for story in ranked[:limit]]


def digest_of(detail: dict, t=None) -> dict:
    outlet_of = {a["id"]: a["outlet"] or a["id"] for a in detail["articles"]}
    speakers = [q["name"] for q in detail["quotes_by_speaker"] if q.get("name")]
    return {"id": detail["id"], "title": detail["title"], "first_date": detail["first_date"],
            "last_date": detail["last_date"], "article_count": detail["article_count"],
            "outlets": sorted({a["outlet"] for a in detail["articles"] if a["outlet"]}),
            "quote_count": sum(len(q["quotes"]) for q in detail["quotes_by_speaker"]), "speakers": speakers,
            "differences": [describe_fact(f, outlet_of, t) for f in detail["facts"] if f["status"] in DIFFERING],
            "agreed": [describe_fact(f, outlet_of, t) for f in detail["facts"] if f["status"] == "agreed"]}


def describe_fact(fact: dict, outlet_of: dict[str, str], t=None) -> str:
    """`place superseded: Wladiwostok (004_…) → Wostotschny (000_…)`, one value per source; with a
    German `t`: `Ort überholt: …`, `Anzahl 12 Tote (3 Artikel)`."""
    seen: dict[str, list[str]] = {}
    for value in fact["values"]:
        sources = seen.setdefault(value["value"], [])
        if (source := outlet_of.get(value["article"], value["article"])) not in sources:
            sources.append(source)
    slot = t.name("fact_slot", fact["slot"]) if t else fact["slot"]
    if fact["status"] == "agreed":
        what = " + ".join(fact["sites"]) if fact.get("sites") else next(iter(seen))  # a multi-site event
        articles = len({v["article"] for v in fact["values"]})
        return f"{slot} {what} ({t('count.articles', n=articles) if t else f'{articles} articles'})"
    joiner = " → " if fact["status"] == "superseded" else (" vs " if not t else t("digest.versus"))
    parts = [f"{value} ({_sources(sources)})" for value, sources in seen.items()]
    return f"{slot} {t.name('fact_status', fact['status']) if t else fact['status']}: {joiner.join(parts)}"


def _sources(sources: list[str]) -> str:
    return ", ".join(sources[:2]) + (f" +{len(sources) - 2}" if len(sources) > 2 else "")
