"""Commands that read input and the stored articles: ingest, analyze, articles, show, search."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from storyline.cli.common import (FORMAT_HELP, MAX_ROWS, AllowPrivateOption, DbOption, JsonOption, WorkersOption,
                                  app, open_store, read_options)
from storyline.console import console, err_console, plain, print_json, print_problems, progress_counter
from storyline.i18n import current

NerOption = Annotated[Optional[str], typer.Option(
    "--ner", help="German name tagger: fast (the default spaCy model) or accurate (the multilingual-e5-small "
                  "encoder tagger: more names found, several times slower; same as STORYLINE_NER=accurate).")]


def use_ner_mode(mode: str | None) -> None:
    """Select the NER mode for this run and its worker processes (they inherit the environment);
    the accurate mode's files are checked here, so that a missing package fails before any article."""
    import os

    from storyline.analyze.entities.mentions import NER_MODES

    hint = "--ner"
    if mode is None:  # STORYLINE_NER is checked the same way, before any article
        mode, hint = os.environ.get("STORYLINE_NER", ""), "STORYLINE_NER"
        if not mode.strip():
            return
    mode = mode.strip().lower()
    if mode not in NER_MODES:
        raise typer.BadParameter(f"choose one of {', '.join(NER_MODES)}", param_hint=hint)
    if mode == "accurate":
        from storyline.analyze.encoder.tagger import HEAD
        from storyline.analyze.encoder.weights import EncoderMissingError, default_path

        try:
            default_path()
        except EncoderMissingError as error:
            err_console.print(str(error))
            raise typer.Exit(2)
        if not HEAD.exists():
            err_console.print(f"the accurate NER head is missing: {HEAD}")
            raise typer.Exit(2)
    os.environ["STORYLINE_NER"] = mode


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (folders are read recursively).")],
    db: DbOption = None,
    format: Annotated[Optional[str], typer.Option("--format", help=FORMAT_HELP)] = None,
    field: Annotated[Optional[list[str]], typer.Option("--field", help="Rename an input field, e.g. "
                                                       "--field text=body (JSON Lines and CSV).")] = None,
    fetch: Annotated[bool, typer.Option("--fetch", help="Feeds: fetch each entry's linked page.")] = False,
    allow_private: AllowPrivateOption = False,
    skip_analysis: Annotated[bool, typer.Option("--skip-analysis", help="Only store the articles; a later "
                                                "ingest without this flag analyses them.")] = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Analyse again the stored articles whose "
                                               "analysis failed or timed out in an earlier run.")] = False,
    workers: WorkersOption = None,
    json: JsonOption = False,
    ner: NerOption = None,
):
    """Read articles from files and folders into the store; bad input is reported and skipped.

    Example:
        storyline ingest tests/data/seeds --db news.db
    """
    urls = [str(path).replace(":/", "://", 1) for path in paths if str(path).startswith(("http:", "https:"))]
    if urls:  # Path("https://x") is a file name that does not exist: say what to do instead
        raise typer.BadParameter(current()("cli.web_address", url=urls[0]), param_hint="PATHS")
    from storyline.flow import ingest_paths

    use_ner_mode(ner)
    store = open_store(db, create=True)
    with progress_counter(current()("cli.progress_ingest")) as advance:
        report = ingest_paths(store, paths, read_options(format, field, fetch, allow_private), on_article=lambda _: advance(),
                              analyze=not skip_analysis, workers=workers, retry_failed=retry_failed)
    if json:
        print_json(report.as_dict())
    else:
        console.print(current()("cli.stored", added=len(report.added), duplicates=len(report.duplicates),
                                near=len(report.near_duplicates), total=store.count_articles()), soft_wrap=True)
        print_problems(report.problems)
    if report.read == 0:
        err_console.print(current()("cli.nothing_read"))
        raise typer.Exit(1)


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to analyse (no database is touched).")],
    json: JsonOption = False,
    format: Annotated[Optional[str], typer.Option("--format", help=FORMAT_HELP)] = None,
    field: Annotated[Optional[list[str]], typer.Option("--field", help="Rename an input field.")] = None,
    workers: WorkersOption = None,
    tokens: Annotated[bool, typer.Option(
        "--tokens", help="Add every word of a German article with its part-of-speech tag (STTS) to the "
                         "JSON as `tokens`.")] = False,
    ner: NerOption = None,
):
    """Analyse articles and print entities, quotes, times, places and stories.

    Example:
        storyline analyze article.txt --json > analysis.json
        storyline analyze article.txt --json --tokens    # with each word's STTS tag
        storyline analyze article.txt --json --ner accurate
    """
    from storyline.flow import analyze_paths

    use_ner_mode(ner)
    with progress_counter(current()("cli.progress_analyze")) as advance:
        document, problems = analyze_paths(paths, read_options(format, field), on_article=lambda _: advance(),
                                           workers=workers)
    if tokens:
        _add_word_tags(document)
    if json:
        print_json(document)
    else:
        _print_analysis(document)
    print_problems(problems)
    if not document["articles"]:
        err_console.print(current()("cli.nothing_read"))
        raise typer.Exit(1)


def _add_word_tags(document: dict) -> None:
    """Per-word STTS tags, only on request: the JSON contract's default output stays as it is."""
    from storyline.analyze.grammar.tagger import word_tags

    for article in document["articles"]:
        article["tokens"] = word_tags(article["text"]) if article.get("language") in ("de", None) else []


def _print_analysis(document: dict) -> None:
    t = current()
    for article in document["articles"]:
        console.print(f"[bold]{plain(article['id'])}[/bold] {plain(t.date(article.get('date')))} "
                      f"{plain(article.get('title'))}", highlight=False)
        console.print("  " + t("cli.analysis_counts", sentences=len(article["sentences"]),
                               entities=len(article["entities"]), quotes=len(article["quotes"]),
                               times=len(article["times"]), places=len(article["places"])), highlight=False)
    for story in document["stories"]:
        console.print(t("cli.story_line", id=story["id"], title=story.get("title"),
                        articles=t("count.articles", n=len(story["articles"]))), markup=False, highlight=False)


@app.command()
def articles(
    db: DbOption = None, json: JsonOption = False,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="How many articles to list.")] = 50,
    offset: Annotated[int, typer.Option(min=0, max=MAX_ROWS, help="Skip this many (for paging).")] = 0,
):
    """List stored articles, newest first.

    Example:
        storyline articles --db news.db --json
    """
    store = open_store(db)
    items = store.list_articles(limit=limit, offset=offset)
    if json:
        print_json([_article_summary(store, article) for article in items])
        return
    t = current()
    table = Table(*t("cli.articles_columns").split("|"))
    for article in items:
        table.add_row(*map(plain, (article.id, t.date(article.date.value) if article.date else "–",
                                   article.outlet or "–", article.language or "–", _headline(article))))
    console.print(table)
    console.print(t("cli.articles_shown", shown=len(items), total=store.count_articles()))


def _headline(article) -> str:
    return (article.title or article.text[:80].replace("\n", " ")).strip()


def _article_summary(store, article) -> dict:
    return {"id": article.id, "date": article.date.value if article.date else None, "title": article.title,
            "outlet": article.outlet, "url": article.url, "language": article.language, "path": article.path,
            "credits": article.credits, "headline": _headline(article), "characters": len(article.text),
            "near_duplicates": [{"article": other, "similarity": score}
                                for other, score in store.near_duplicates_of(article.id)]}


@app.command()
def show(article_id: str, db: DbOption = None, json: JsonOption = False):
    """Show one stored article with its structure.

    Example:
        storyline show 004_956d5f3b9d4ee0dc
    """
    store = open_store(db)
    article = store.get_article(article_id)
    if article is None:
        err_console.print(current()("cli.no_article", id=repr(article_id)), markup=False)
        raise typer.Exit(1)
    if json:
        print_json({**_article_summary(store, article), "text": article.text,
                    "blocks": [{"start": b.start, "end": b.end, "kind": b.kind} for b in article.blocks],
                    "sentences": [[s.start, s.end] for s in article.sentences]})
        return
    console.print(f"[bold]{plain(_headline(article))}[/bold]", highlight=False)
    t = current()
    console.print(t("cli.article_meta", id=article.id, date=t.date(article.date.value) if article.date else "–",
                    outlet=article.outlet or "–", language=article.language or "–",
                    credits=", ".join(article.credits) or "–"), markup=False, highlight=False)
    for block in article.blocks:
        style = {"heading": "bold", "furniture": "dim strike", "credit": "dim"}.get(block.kind, "")
        console.print(article.text[block.start:block.end], style=style or None, markup=False, highlight=False)
        console.print()


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
    db: DbOption = None, json: JsonOption = False,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="How many hits.")] = 20,
):
    """Full-text search over the stored articles.

    Example:
        storyline search "Wostotschny"
    """
    hits = open_store(db).search(query, limit=limit)
    if json:
        print_json([hit.__dict__ for hit in hits])
        return
    for hit in hits:
        console.print(f"[bold]{plain(hit.article_id)}[/bold] {plain(current().date(hit.date))} {plain(hit.title)}",
                      highlight=False)
        console.print(f"  {hit.snippet}", markup=False, highlight=False)
    console.print(current()("cli.hits", n=len(hits)))

