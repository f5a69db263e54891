"""Every command a user can run is in the README's command table (datasette's documentation test)."""
import re

import typer.main

from conftest import ROOT
from storyline.cli import app


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `storyline (\w[\w-]*)", readme, flags=re.MULTILINE))
    commands = set(typer.main.get_command(app).commands)
    assert commands - documented == set()
