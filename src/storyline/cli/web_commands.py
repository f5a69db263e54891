"""Commands that present stories to people: serve (web UI + JSON API) and report (a file to mail)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from storyline.cli.common import DbOption, app, open_store
from storyline.console import err_console
from storyline.i18n import current


class ReportFormat(str, Enum):
    html = "html"
    md = "md"


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; keep the loopback default unless a "
                                      "reverse proxy sits in front.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(help="Bearer token that enables POST /api/articles "
                                                  "\\[default: $STORYLINE_TOKEN; without one, ingest over HTTP is off].",
                                                  envvar="STORYLINE_TOKEN", show_envvar=False)] = None,
    allowed_host: Annotated[Optional[list[str]], typer.Option("--allowed-host", help="A Host name the server "
                                                              "answers (repeat it; * for any) \\[default: the "
                                                              "--host address and localhost].")] = None,
):
    """Serve the web pages and the JSON API (schema at /openapi.json, overview at /api/docs).

    Example:
        storyline serve --db news.db --port 8000
    """
    import uvicorn

    from storyline.web.app import create_app

    open_store(db, create=True)  # fail early, with the CLI's message, on a bad --db; an empty store takes POSTs
    err_console.print(current()("cli.serving", url=f"http://{host}:{port}/")
                      + (current()("cli.serving_token") if token else ""))
    hosts = allowed_hosts(host, allowed_host)
    uvicorn.run(create_app(db, token=token or "", allowed_hosts=hosts), host=host, port=port, log_level="warning")


def allowed_hosts(host: str, given: list[str] | None) -> list[str]:
    """The Host headers `serve` answers: the ones given, else its own address and localhost's names
    (DNS rebinding cannot reach a loopback server then); on all interfaces without a list, any."""
    if given:
        return given
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted({host, "localhost", "127.0.0.1", "::1", "[::1]"})


@app.command()
def report(
    story_id: Annotated[str, typer.Argument(help="The story id, e.g. story-000001.")],
    db: DbOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", help="html: one self-contained file (inline CSS "
                                                 "and map); md: Markdown.")] = ReportFormat.html,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file "
                                                   "\\[default: standard output].")] = None,
):
    """Write a story as a report to mail: self-contained HTML (no external resources) or Markdown.

    Example:
        storyline report story-000001 --format html -o bericht.html
    """
    from storyline.web.report import build_report

    text = build_report(open_store(db), story_id, format.value, lang=current().lang)
    if text is None:
        err_console.print(current()("cli.no_story", id=repr(story_id)), markup=False)
        raise typer.Exit(1)
    if output:
        output.write_text(text, encoding="utf-8")
        size = f"{len(text.encode()):,}".replace(",", "." if current().lang == "de" else ",")
        err_console.print(current()("cli.wrote", path=output, size=size))
    else:
        typer.echo(text, nl=False)
