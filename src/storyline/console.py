"""Terminal output shared by the CLI commands: progress that stays quiet when piped, problem reports."""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn,
                           TimeElapsedColumn)
from rich.text import Text

# C0 and C1 control characters but newline and tab: ESC sequences in an article's title would move
# the cursor, clear the screen or make OSC 8 hyperlinks in the user's terminal.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class PlainConsole(Console):
    """A Console that drops control characters from every string it renders (article text is
    untrusted). Rich markup in untrusted values is escaped where they are put into a line: `plain`."""

    def render_str(self, text: str, **options):
        return super().render_str(CONTROL.sub("", text), **options)


def plain(value) -> str:
    """An untrusted value for a line or table cell that Rich reads as markup: `[link=…]` or an
    unclosed `[bold` in a title must print as written, never style, link or crash the command."""
    return escape(CONTROL.sub("", "" if value is None else str(value)))


console = PlainConsole()
err_console = PlainConsole(stderr=True, soft_wrap=True)


class RateColumn(ProgressColumn):
    """Items per second over rich's recent window, e.g. "48.2/s"."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f}/s" if task.speed else "", style="progress.data.speed")


@contextmanager
def progress_counter(description: str, total: int | None = None):
    """A progress bar on a terminal; nothing at all when output goes to a file or a pipe."""
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               RateColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=True, disable=not err_console.is_terminal) as progress:
        task = progress.add_task(description, total=total)
        yield lambda advance=1: progress.advance(task, advance)


def print_json(data) -> None:
    """Indented for a person at a terminal; compact into a pipe or file, where Python's C encoder
    writes it several times faster (the indented form takes the pure-Python encoder)."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n")


def print_problems(problems) -> None:
    if not problems:
        return
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    from storyline.i18n import current

    for key, group, style in (("cli.set_aside", errors, "red"), ("cli.warnings", warnings, "yellow")):
        if group:
            err_console.print(f"[{style}]{current()(key, n=len(group))}[/{style}]")
            for problem in group:
                err_console.print(f"  {problem}", markup=False, highlight=False)
