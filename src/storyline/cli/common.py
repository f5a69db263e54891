"""What every command shares: the Typer app, common options, the store."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from storyline.i18n import current


app = typer.Typer(help="Storyline: turn dated German news articles into stories.", no_args_is_help=True,
                  add_completion=False, rich_markup_mode="rich")

DbOption = Annotated[Optional[str], typer.Option("--db", help="SQLite file or PostgreSQL URL "
                                                  "\\[default: $STORYLINE_DB or ~/.local/share/storyline/storyline.db]")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
WorkersOption = Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes for the "
                                                     "analysis \\[default: all cores]; results are the same for any number.")]
MAX_ROWS = 1_000_000_000  # --limit / --offset: larger values are refused, not passed to SQLite's 64-bit integers
FORMAT_HELP = "Input format: seed, jsonl, csv, html, warc, feed, text \\[default: detected from the content]."


def open_store(db: str | None, create: bool = False):
    """The store; a command that only reads says so when the SQLite file is missing, instead of
    creating an empty store there (a mistyped --db would otherwise look like an empty archive)."""
    from storyline.store.db import Store, default_db_path

    target = db if db is not None else str(default_db_path())
    if not create and "://" not in target and not Path(target).expanduser().exists():
        raise typer.BadParameter(current()("cli.no_store", target=target), param_hint="--db")
    return Store(db)


AllowPrivateOption = Annotated[bool, typer.Option("--allow-private", help="Fetch from loopback and private "
                                                  "network addresses too (refused by default: SSRF).")]


def read_options(format: str | None, field: list[str] | None, fetch: bool = False, allow_private: bool = False):
    from storyline.ingest.read import FORMATS, ReadOptions
    from storyline.ingest.tabular import FieldMap

    if format and format not in FORMATS:
        raise typer.BadParameter(current()("cli.choose_one", choices=", ".join(FORMATS)), param_hint="--format")
    try:
        return ReadOptions(format=format, fields=FieldMap.parse(field), fetch=fetch, allow_private=allow_private)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--field") from error


