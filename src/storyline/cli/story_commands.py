"""Commands over the linked corpus: stories, entities, quotes, recluster."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from storyline.cli.common import MAX_ROWS, DbOption, JsonOption, app, open_store
from storyline.console import console, err_console, plain, print_json
from storyline.i18n import current


@app.command()
def stories(
    db: DbOption = None, json: JsonOption = False,
    since: Annotated[Optional[str], typer.Option(help="Only stories active on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only stories that began on or before this date.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only stories with an article from this outlet: its name in any case, or its domain (spiegel.de).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="How many stories.")] = 30,
    offset: Annotated[int, typer.Option(min=0, max=MAX_ROWS, help="Skip this many (for paging).")] = 0,
):
    """List stories, newest first, with their article count and dates.

    Example:
        storyline stories --db news.db --since 2023-09-01
    """
    from storyline import views

    page = views.list_stories(open_store(db), since=since, until=until, outlet=outlet, limit=limit, offset=offset)
    if json:
        print_json(page)
        return
    t = current()
    table = Table(*t("cli.stories_columns").split("|"))
    for story in page["stories"]:
        table.add_row(*map(plain, (story["id"], story["article_count"], t.date(story["first_date"]) or "–",
                                   t.date(story["last_date"]) or "–", story["title"] or "")))
    console.print(table)
    console.print(t("cli.stories_shown", shown=len(page["stories"]), total=page["total"]))


@app.command()
def story(story_id: str, db: DbOption = None, json: JsonOption = False):
    """Show one story: summary, actors, quotes by speaker, places, timeline, facts, framing.

    Example:
        storyline story story-000001
    """
    from storyline import views

    detail = views.story_detail(open_store(db), story_id)
    if detail is None:
        err_console.print(current()("cli.no_story", id=repr(story_id)), markup=False)
        raise typer.Exit(1)
    if json:
        print_json(detail)
        return
    _print_story(detail)


def shown_quote(quote: dict) -> str:
    """Words as said in quotation marks; indirect speech is the writer's report, shown without them
    (as on the web pages), so "Es gebe „viele Fragen“ zu besprechen" keeps only its own marks."""
    return quote["text"] if quote.get("kind") == "indirect" else f"„{quote['text']}“"


def _print_story(detail: dict) -> None:
    say = lambda text="", **kw: console.print(text, markup=False, highlight=False, **kw)  # noqa: E731
    t = current()
    say(f"{detail['title']}  ({t('count.articles', n=detail['article_count'])}, {t.date(detail['first_date'])} – "
        f"{t.date(detail['last_date'])})", style="bold")
    for sentence in detail["summary"]:
        say(f"  • {sentence['sentence']} [{sentence['outlet'] or sentence['article']}]")
    say(t("cli.actors") + ": " + ", ".join(f"{a['name']} ({', '.join(a['roles'])})" if a["roles"] else a["name"]
                               for a in detail["actors"][:10]))
    for group in detail["quotes_by_speaker"][:8]:
        say(f"{group['name'] or t('word.unknown_speaker')}:", style="bold")
        for quote in group["quotes"][:4]:
            say(f"  {shown_quote(quote)} ({t.name('quote_kind', quote['kind'])})")
    say(t("cli.places") + ": " + ", ".join(p["name"] for p in detail["places"][:10]))
    for fact in detail.get("facts", []):
        values = "; ".join(f"{v['value']} ({', '.join([v['article'], *(c['article'] for c in v.get('also', []))])})"
                           for v in fact["values"])
        say(t("cli.fact", slot=t.name("fact_slot", fact["slot"]), status=t.name("fact_status", fact["status"]), values=values))
    for article in detail["articles"]:
        say(f"  {t.date(article['date']) or '–'} {article['outlet'] or ''} {article['headline']}")


@app.command()
def entities(
    db: DbOption = None, json: JsonOption = False,
    type: Annotated[Optional[str], typer.Option("--type", help="PER, ORG, LOC or MISC.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="How many entities.")] = 50,
):
    """List the corpus entities, most mentioned first, with their name variants.

    Example:
        storyline entities --type PER
    """
    from storyline import views

    items = views.list_entities(open_store(db), type=type, limit=limit)
    if json:
        print_json(items)
        return
    table = Table(*current()("cli.entities_columns").split("|"))
    for entity in items:
        table.add_row(*map(plain, (entity["id"], entity["type"], entity["name"], entity["article_count"],
                                   ", ".join(entity["variants"]), ", ".join(entity["roles"]))))
    console.print(table)


@app.command()
def entity(name: str, db: DbOption = None, json: JsonOption = False):
    """One entity across stories: variants, roles, quotes and the labels outlets give it.

    Example:
        storyline entity "Putin"
    """
    from storyline import views

    detail = views.entity_detail(open_store(db), name)
    if detail is None:
        err_console.print(current()("cli.no_entity", name=repr(name)), markup=False)
        raise typer.Exit(1)
    if json:
        print_json(detail)
        return
    t = current()
    console.print(f"[bold]{plain(detail['name'])}[/bold] ({plain(detail['type'])}, "
                  f"{t('count.articles', n=detail['article_count'])})")
    console.print(t("cli.variants_roles", variants=", ".join(detail["variants"]), roles=", ".join(detail["roles"]) or "–"),
                  markup=False)
    for outlet, labels in detail["labels"].items():
        console.print(f"  {outlet}: {', '.join(labels)}", markup=False)
    for quote in detail["quotes"][:10]:
        console.print(f"  {shown_quote(quote)} ({t.date(quote['date']) or '–'}, {quote['outlet'] or quote['article']})",
                      markup=False, highlight=False)
    for story_row in detail["stories"]:
        console.print("  " + t("cli.story", id=story_row["id"], title=story_row["title"]), markup=False,
                      highlight=False)


@app.command()
def quotes(
    db: DbOption = None, json: JsonOption = False,
    speaker: Annotated[Optional[str], typer.Option(help="Only quotes of this speaker (any name variant).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="How many quotes.")] = 50,
):
    """Who said what: quotes with their speaker, newest first.

    Example:
        storyline quotes --speaker Putin
    """
    from storyline import views

    result = views.list_quotes(open_store(db), speaker=speaker, limit=limit)
    if json:
        print_json(result)
        return
    if speaker and result["speaker"] is None:
        err_console.print(current()("cli.no_entity", name=repr(speaker)), markup=False)
        raise typer.Exit(1)
    t = current()
    for quote in result["quotes"]:
        who = quote["speaker_name"] or quote["speaker_text"] or t("word.unknown_speaker")
        console.print(f"[bold]{plain(who)}[/bold] ({plain(t.name('quote_kind', quote['kind']))}, "
                      f"{plain(t.date(quote['date']) or '–')}):", highlight=False)
        console.print(f"  {shown_quote(quote)}", markup=False, highlight=False)


@app.command()
def recluster(db: DbOption = None, json: JsonOption = False):
    """Rebuild all stories from scratch (same result as streaming the articles in date order).

    Example:
        storyline recluster --db news.db
    """
    from storyline.flow import recluster as rebuild

    touched = rebuild(open_store(db))
    if json:
        print_json({"stories": len(touched)})
    else:
        console.print(current()("cli.rebuilt", n=len(touched)))


@app.command()
def digest(
    db: DbOption = None, json: JsonOption = False,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="How many stories.")] = 8,
    min_outlets: Annotated[int, typer.Option(help="Only stories with at least this many outlets.")] = 0,
):
    """The stories with the most outlets: dates, outlets, quotes and what the sources differ on.

    Example:
        storyline digest --db news.db --min-outlets 3
    """
    from storyline.digest import story_digest

    t = current()
    stories = story_digest(open_store(db), limit=limit, min_outlets=min_outlets, t=None if json else t)
    if json:
        print_json({"stories": stories})
        return
    for story in stories:
        dates = t.date(story["first_date"]) if story["first_date"] == story["last_date"] else \
            f"{t.date(story['first_date'])} – {t.date(story['last_date'])}"
        console.print(f"[bold]{plain(story['id'])}[/bold]  {plain(story['title'])}", highlight=False)
        say = lambda text: console.print(text, markup=False, highlight=False)  # noqa: E731  (untrusted values)
        outlets = (f"{t('count.outlets', n=len(story['outlets']))}, {dates}: {', '.join(story['outlets'])}"
                   if story["outlets"] else f"{t('cli.digest_no_outlet')}, {dates}")
        say(f"  {t('count.articles', n=story['article_count'])}, {outlets}")
        speakers = f" ({', '.join(story['speakers'][:4])})" if story["speakers"] else ""
        say("  " + t("cli.digest_quotes", n=story["quote_count"], speakers=speakers))
        differs = "; ".join(story["differences"]) or t("cli.digest_nothing")
        agreed = t("cli.digest_agreed", agreed=", ".join(story["agreed"][:2])) if story["agreed"] else ""
        say("  " + t("cli.digest_differs", differs=differs, agreed=agreed))
