"""Shared fixtures: paths to the small real inputs in tests/data, a fresh store per test."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SEEDS = DATA / "seeds"
INPUTS = DATA / "inputs"
SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "data").exists(), reason="needs ../shared/data (not in a user's clone)")


@pytest.fixture
def store(tmp_path):
    from storyline.store.db import Store

    return Store(tmp_path / "test.db")


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the installed `storyline` command as a user would, in a subprocess."""
    result = subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"})
    if check and result.returncode != 0:
        raise AssertionError(f"storyline {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def run_json(*args: str):
    return json.loads(run_cli(*args, "--json").stdout)
