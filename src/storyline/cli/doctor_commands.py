"""`storyline doctor` and `storyline --version`: what is installed, and what a broken install lacks."""
from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli.common import JsonOption, app
from storyline.console import console, print_json


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        console.print(f"storyline {version('storyline')}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.",
                                               callback=_print_version, is_eager=True)] = False):
    """Storyline: turn dated German news articles into stories."""


@app.command()
def doctor(json: JsonOption = False):
    """Check the installed libraries and programs each feature needs; exit 1 when a required one is missing.

    Example:
        storyline doctor
    """
    from rich.table import Table

    from storyline.dependencies import check_parts

    statuses = check_parts()
    broken = [s for s in statuses if not s.ok and s.part.required]
    if json:
        print_json([status.as_dict() for status in statuses])
    else:
        table = Table("part", "needed for", "status", "how to fix")
        for status in statuses:
            mark = "[green]ok[/green]" if status.ok else ("[red]missing[/red]" if status.part.required
                                                          else "[yellow]optional, missing[/yellow]")
            table.add_row(status.part.name, status.part.needed_for, f"{mark} {status.detail}",
                          "" if status.ok else status.part.hint)
        console.print(table)
    if broken:
        raise typer.Exit(1)
