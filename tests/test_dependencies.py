"""A broken install is one clear message: each reader's libraries import, and a missing one sets aside
only the files of its format, with a hint to reinstall."""
import importlib
import sys

import pytest

from conftest import INPUTS, SEEDS, run_cli, run_json
from storyline.dependencies import PARTS
from storyline.ingest.read import read_paths

REQUIRED = [(part.name, module) for part in PARTS if part.required for module in part.modules]


@pytest.mark.parametrize(("part", "module"), REQUIRED, ids=[f"{p}:{m}" for p, m in REQUIRED])
def test_every_required_library_imports(part, module):
    importlib.import_module(module)  # fails first, and by name, in an environment that lacks it


def test_html_without_its_library_is_set_aside_and_the_rest_goes_on(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` now raises ImportError
    items = list(read_paths([INPUTS / "seite.html", SEEDS]))
    problems = [item for item in items if not hasattr(item, "text")]
    articles = [item for item in items if hasattr(item, "text")]
    assert [problem.path for problem in problems] == [str(INPUTS / "seite.html")]
    assert "trafilatura could not be imported" in problems[0].reason
    assert "pip install -c requirements.lock -e ." in problems[0].reason
    assert len(articles) == 2  # both seed reports


def test_a_crashing_reader_costs_its_file_only(monkeypatch):
    def broken_reader(text, path, fields):
        raise RecursionError("maximum recursion depth exceeded")
        yield

    monkeypatch.setattr("storyline.ingest.tabular.read_jsonl", broken_reader)
    items = list(read_paths([INPUTS / "artikel.jsonl", SEEDS]))
    problems = [item for item in items if not hasattr(item, "text")]
    assert len(problems) == 1 and "RecursionError" in problems[0].reason
    assert sum(hasattr(item, "text") for item in items) == 2


def test_doctor_lists_every_part_and_passes_on_this_install():
    statuses = run_json("doctor")
    assert [status["name"] for status in statuses] == [part.name for part in PARTS]
    assert all(status["ok"] for status in statuses if status["required"])


def test_version():
    assert run_cli("--version").stdout.startswith("storyline ")
