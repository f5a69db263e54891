"""Commands beyond one store on one laptop: batch (local pool or Spark), watch (live feeds), export."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from storyline.cli.common import FORMAT_HELP, AllowPrivateOption, DbOption, JsonOption, app, open_store, read_options
from storyline.console import console, err_console, print_json, print_problems
from storyline.i18n import current


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or (Spark) URIs: JSON Lines, Parquet, WARC, …")],
    out: Annotated[Path, typer.Option("--out", help="Folder for articles/, stories/ and problems/ (Parquet).")],
    engine: Annotated[str, typer.Option("--engine", help="local (process pool) or spark.")] = "local",
    master: Annotated[Optional[str], typer.Option("--master", help="Spark master URL \\[default: local[*], or the "
                                                  "one spark-submit was given].")] = None,
    workers: Annotated[int, typer.Option("--workers", help="Local engine: worker processes.")] = 2,
    window_days: Annotated[int, typer.Option("--window-days", help="Story step: days per time window.")] = 42,
    overlap_days: Annotated[int, typer.Option("--overlap-days", help="Story step: days each window looks back.")] = 14,
    format: Annotated[Optional[str], typer.Option("--format", help=FORMAT_HELP)] = None,
    field: Annotated[Optional[list[str]], typer.Option("--field", help="Rename an input field.")] = None,
    json: JsonOption = False,
):
    """Analyse many articles into Parquet files, then group them into stories; no database.

    Example:
        storyline batch news/*.jsonl --out results --engine spark --master local[2]
    """
    from storyline.engine.batch import ENGINES, BatchOptions
    from storyline.flow import run_batch

    if engine not in ENGINES:
        raise typer.BadParameter(current()("cli.choose_one", choices=", ".join(ENGINES)), param_hint="--engine")
    if overlap_days >= window_days or overlap_days < 0:
        raise typer.BadParameter(current()("cli.overlap"), param_hint="--overlap-days")
    options = BatchOptions(out=out, workers=workers, window_days=window_days, overlap_days=overlap_days,
                           read=read_options(format, field))
    report = run_batch(inputs, options, engine=engine, master=master)
    if json:
        print_json(report.as_dict())
    else:
        console.print(current()("cli.batch_done", articles=report.articles, stories=report.stories,
                                problems=report.problems, seconds=current().number(report.seconds, 1), engine=report.engine,
                                out=report.out), highlight=False)
    if report.articles == 0:
        err_console.print(current()("cli.nothing_read"))
        raise typer.Exit(1)


@app.command()
def export(
    table: Annotated[str, typer.Argument(help="articles, entities, quotes or stories.")],
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    out: Annotated[Optional[Path], typer.Option("--out", help="Output file \\[default: standard output; "
                                                "Parquet needs a file].")] = None,
    db: DbOption = None,
):
    """Export a table of the store for other tools (pandas, spreadsheets, Spark).

    Example:
        storyline export quotes --format csv --out zitate.csv
    """
    from storyline.export import export_table

    try:
        count = export_table(open_store(db), table, format, out)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error
    if out:
        err_console.print(current()("cli.exported", count=count, table=table, out=out))


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    db: DbOption = None,
    every: Annotated[str, typer.Option("--every", help="Time between polls: 90s, 10m, 1h.")] = "10m",
    max_polls: Annotated[Optional[int], typer.Option("--max-polls", help="Stop after this many polls.")] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll once and stop (same as --max-polls 1).")] = False,
    delay: Annotated[float, typer.Option("--delay", help="Seconds between two requests to one host.")] = 2.0,
    per_host: Annotated[int, typer.Option("--per-host", help="New pages fetched per host and poll.")] = 30,
    allow_private: AllowPrivateOption = False,
    json: JsonOption = False,
):
    """Poll news feeds, fetch new articles, store them and assign them to stories.

    Example:
        storyline watch https://www.tagesschau.de/xml/rss2 --every 10m
    """
    from storyline.flow import watch_feeds
    from storyline.ingest.watch import WatchOptions, parse_interval

    try:
        options = WatchOptions(every=parse_interval(every), max_polls=1 if once else max_polls, delay=delay,
                               per_host=per_host, allow_private=allow_private)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--every") from error

    def show(poll) -> None:
        if json:
            print_json(poll.as_dict())
        else:
            console.print(current()("cli.poll", number=poll.number, added=len(poll.added),
                                    unchanged=len(poll.unchanged), stories=len(poll.stories)), highlight=False)
            print_problems(poll.problems)

    polls = watch_feeds(open_store(db, create=True), feeds, options, on_poll=show)
    if polls and len(polls[-1].failed) == len(feeds):  # scripts and cron jobs must see it
        err_console.print(current()("cli.no_feed"))
        raise typer.Exit(1)
