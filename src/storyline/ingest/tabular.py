"""JSON Lines and CSV: one article per line or row, with renamable field names."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.ingest.problems import Problem
from storyline.ingest.raw import RawArticle

FIELDS = ("id", "text", "date", "outlet", "url", "title")


@dataclass
class FieldMap:
    """Which input field holds each article field (`--field text=body`)."""

    names: dict[str, str] = field(default_factory=lambda: {name: name for name in FIELDS})

    @classmethod
    def parse(cls, pairs: list[str] | None) -> "FieldMap":
        mapping = cls()
        for pair in pairs or []:
            ours, _, theirs = pair.partition("=")
            if ours not in FIELDS or not theirs:
                raise ValueError(f"--field takes NAME=COLUMN with NAME one of {', '.join(FIELDS)}: {pair!r}")
            mapping.names[ours] = theirs
        return mapping

    def raw(self, record: dict, path: Path, where: str) -> RawArticle | Problem:
        text = record.get(self.names["text"])
        if not isinstance(text, str):
            return Problem(str(path), f"no text field {self.names['text']!r}", where)
        values = {name: _as_str(record.get(self.names[name])) for name in FIELDS if name != "text"}
        return RawArticle(text=text, path=str(path), where=where, **values)


def _as_str(value) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def read_jsonl(text: str, path: Path, fields: FieldMap) -> Iterator[RawArticle | Problem]:
    """A line that is not JSON is reported by number; the lines after it are still read."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(str(path), f"not JSON ({error.msg})", f"line {number}")
            continue
        except RecursionError:  # `[[[[…` nested deeper than Python's parser goes
            yield Problem(str(path), "JSON nested too deeply", f"line {number}")
            continue
        except ValueError as error:  # a number of more than 4,300 digits (found by fuzz/hostile_run.py)
            yield Problem(str(path), f"not readable JSON ({error})"[:200], f"line {number}")
            continue
        if not isinstance(record, dict):
            yield Problem(str(path), "a JSON line must be an object", f"line {number}")
            continue
        yield fields.raw(record, path, f"line {number}")


def is_json_array(text: str) -> bool:
    """A whole file that is one JSON array (of article objects), not JSON Lines."""
    try:
        return isinstance(json.loads(text), list)
    except (ValueError, RecursionError):
        return False


def read_json_array(text: str, path: Path, fields: FieldMap) -> Iterator[RawArticle | Problem]:
    """A JSON file holding an array of article objects; a non-object item is reported by number."""
    try:
        records = json.loads(text)
    except (ValueError, RecursionError) as error:  # `--format json` on something else (found by fuzzing)
        yield Problem(str(path), f"not a JSON array ({type(error).__name__}: {str(error)[:80]})")
        return
    if not isinstance(records, list):
        yield Problem(str(path), "not a JSON array (choose --format jsonl for JSON Lines)")
        return
    for number, record in enumerate(records, start=1):
        if isinstance(record, dict):
            yield fields.raw(record, path, f"item {number}")
        else:
            yield Problem(str(path), "an array item must be an object", f"item {number}")


def read_csv(text: str, path: Path, fields: FieldMap) -> Iterator[RawArticle | Problem]:
    """Comma-separated, or tab-separated for a .tsv file."""
    csv.field_size_limit(64 * 1024 * 1024)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)  # csv does its own line endings
    try:
        columns = reader.fieldnames or []
    except csv.Error as error:  # found by fuzz/fuzz_readers.py: a broken first line
        yield Problem(str(path), f"broken CSV: {error}", "row 0")
        return
    if fields.names["text"] not in columns:
        yield Problem(str(path), f"CSV has no column {fields.names['text']!r} (columns: {reader.fieldnames})")
        return
    try:
        for number, row in enumerate(reader, start=1):
            yield fields.raw(row, path, f"row {number}")
    except csv.Error as error:
        yield Problem(str(path), f"broken CSV: {error}", f"row {reader.line_num}")
