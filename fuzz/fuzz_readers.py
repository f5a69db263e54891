"""Fuzz every reader with atheris: any bytes in any format, plain or gzipped (whole or cut off),
must become articles or Problems; a reader crash that `read_file`'s safety net turned into a
Problem counts as a finding.

Run: `make fuzz` or `python fuzz/fuzz_readers.py -max_total_time=120 -rss_limit_mb=1536`.
A crash is an exception other than the ones the readers turn into Problems; atheris stops and
writes the input to crash-<hash> in the working directory.
"""
from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from storyline.ingest.read import ReadOptions, read_file
    from storyline.ingest.problems import Problem
    from storyline.model import Article

FORMATS = [None, "seed", "jsonl", "json", "csv", "html", "feed", "text", "warc"]
FOLDER = Path(tempfile.mkdtemp(prefix="storyline-fuzz-"))


def check_items(items: list) -> None:
    """The contract every reader keeps: articles with offsets inside their text, or problems."""
    for item in items:
        if isinstance(item, Article):
            for part in item.blocks + item.sentences:
                if not 0 <= part.start <= part.end <= len(item.text):
                    raise AssertionError(f"span {part} outside a text of {len(item.text)} characters")
        elif not isinstance(item, Problem):
            raise AssertionError(f"reader yielded {type(item).__name__}")
        elif item.reason.startswith("reading failed ("):  # read_file's safety net caught a reader bug
            raise AssertionError(f"a reader crashed: {item.reason}")


def test_one_input(data: bytes) -> None:
    fuzzed = atheris.FuzzedDataProvider(data)
    format = FORMATS[fuzzed.ConsumeIntInRange(0, len(FORMATS) - 1)]
    packed = fuzzed.ConsumeBool()  # also the streamed, capped gunzip and what it keeps of a broken stream
    cut = fuzzed.ConsumeIntInRange(0, 64)
    path = FOLDER / ("input.dat.gz" if packed else "input.dat")
    payload = fuzzed.ConsumeBytes(fuzzed.remaining_bytes())
    path.write_bytes(gzip.compress(payload)[:-cut or None] if packed else payload)
    check_items(list(read_file(path, ReadOptions(format=format))))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
