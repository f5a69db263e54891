"""`storyline doctor` and `storyline --version`: what is installed, and what a broken install lacks."""
from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli.common import JsonOption, app
from storyline.console import console, print_json
from storyline.i18n import LANGUAGES, current, set_language


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        console.print(f"storyline {version('storyline')}")
        raise typer.Exit()


def _check_language(value: str) -> str:
    if value.lower() not in LANGUAGES:
        raise typer.BadParameter(f"choose one of {', '.join(LANGUAGES)}")
    return value.lower()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.",
                                               callback=_print_version, is_eager=True)] = False,
         lang: Annotated[str, typer.Option("--lang", envvar="STORYLINE_LANG", callback=_check_language,
                                           show_default=False, show_envvar=False,
                                           help="Language of the messages: en or de (--json output is the same "
                                                "in both) \\[default: $STORYLINE_LANG or en].")] = "en"):
    """Storyline: turn dated German news articles into stories."""
    set_language(lang)


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
        t = current()
        table = Table(*t("cli.doctor_columns").split("|"))
        for status in statuses:
            mark = f"[green]{t('cli.doctor_ok')}[/green]" if status.ok else (
                f"[red]{t('cli.doctor_missing')}[/red]" if status.part.required
                else f"[yellow]{t('cli.doctor_optional')}[/yellow]")
            table.add_row(status.part.name, status.part.needed_for, f"{mark} {status.detail}",
                          "" if status.ok else status.part.hint)
        console.print(table)
    if broken:
        raise typer.Exit(1)
