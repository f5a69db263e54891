"""Commands over the linked corpus: stories, entities, quotes, recluster."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from storyline.cli.common import MAX_ROWS, DbOption, JsonOption, app, open_store
from storyline.console import console, err_console, plain, print_json


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
    table = Table("story", "articles", "first", "last", "title")
    for story in page["stories"]:
        table.add_row(*map(plain, (story["id"], story["article_count"], story["first_date"] or "–",
                                   story["last_date"] or "–", story["title"] or "")))
    console.print(table)
    console.print(f"{len(page['stories'])} of {page['total']} stories")


@app.command()
def story(story_id: str, db: DbOption = None, json: JsonOption = False):
    """Show one story: summary, actors, quotes by speaker, places, timeline, facts, framing.

    Example:
        storyline story story-000001
    """
    from storyline import views

    detail = views.story_detail(open_store(db), story_id)
    if detail is None:
        err_console.print(f"No story with id {story_id!r}.")
        raise typer.Exit(1)
    if json:
        print_json(detail)
        return
    _print_story(detail)


def _print_story(detail: dict) -> None:
    say = lambda text="", **kw: console.print(text, markup=False, highlight=False, **kw)  # noqa: E731
    say(f"{detail['title']}  ({detail['article_count']} articles, {detail['first_date']} – {detail['last_date']})",
        style="bold")
    for sentence in detail["summary"]:
        say(f"  • {sentence['sentence']} [{sentence['outlet'] or sentence['article']}]")
    say("Actors: " + ", ".join(f"{a['name']} ({', '.join(a['roles'])})" if a["roles"] else a["name"]
                               for a in detail["actors"][:10]))
    for group in detail["quotes_by_speaker"][:8]:
        say(f"{group['name']}:", style="bold")
        for quote in group["quotes"][:4]:
            say(f"  „{quote['text']}“ ({quote['kind']})")
    say("Places: " + ", ".join(p["name"] for p in detail["places"][:10]))
    for fact in detail.get("facts", []):
        values = "; ".join(f"{v['value']} ({', '.join([v['article'], *(c['article'] for c in v.get('also', []))])})"
                           for v in fact["values"])
        say(f"Fact {fact['slot']}: {fact['status']} — {values}")
    for article in detail["articles"]:
        say(f"  {article['date'] or '–'} {article['outlet'] or ''} {article['headline']}")


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
    table = Table("id", "type", "name", "articles", "variants", "roles")
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
        err_console.print(f"No entity named {name!r}.")
        raise typer.Exit(1)
    if json:
        print_json(detail)
        return
    console.print(f"[bold]{plain(detail['name'])}[/bold] ({plain(detail['type'])}, {detail['article_count']} articles)")
    console.print(f"variants: {', '.join(detail['variants'])}; roles: {', '.join(detail['roles']) or '–'}",
                  markup=False)
    for outlet, labels in detail["labels"].items():
        console.print(f"  {outlet}: {', '.join(labels)}", markup=False)
    for quote in detail["quotes"][:10]:
        console.print(f"  „{quote['text']}“ ({quote['date'] or '–'}, {quote['outlet'] or quote['article']})",
                      markup=False, highlight=False)
    for story_row in detail["stories"]:
        console.print(f"  story {story_row['id']}: {story_row['title']}", markup=False, highlight=False)


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
        err_console.print(f"No entity named {speaker!r}.")
        raise typer.Exit(1)
    for quote in result["quotes"]:
        who = quote["speaker_name"] or quote["speaker_text"] or "unbekannt"
        console.print(f"[bold]{plain(who)}[/bold] ({plain(quote['kind'])}, {plain(quote['date'] or '–')}):",
                      highlight=False)
        console.print(f"  „{quote['text']}“", markup=False, highlight=False)


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
        console.print(f"Rebuilt {len(touched)} stories.")


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

    stories = story_digest(open_store(db), limit=limit, min_outlets=min_outlets)
    if json:
        print_json({"stories": stories})
        return
    for story in stories:
        dates = story["first_date"] if story["first_date"] == story["last_date"] else \
            f"{story['first_date']} – {story['last_date']}"
        console.print(f"[bold]{plain(story['id'])}[/bold]  {plain(story['title'])}", highlight=False)
        say = lambda text: console.print(text, markup=False, highlight=False)  # noqa: E731  (untrusted values)
        say(f"  {_count(story['article_count'], 'article')}, {_count(len(story['outlets']), 'outlet')}, {dates}: "
            f"{', '.join(story['outlets']) or '–'}")
        speakers = f" ({', '.join(story['speakers'][:4])})" if story["speakers"] else ""
        say(f"  quotes: {story['quote_count']}{speakers}")
        differs = "; ".join(story["differences"]) or "nothing conflicting or superseded"
        agreed = f"; agreed: {', '.join(story['agreed'][:2])}" if story["agreed"] else ""
        say(f"  differs: {differs}{agreed}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
