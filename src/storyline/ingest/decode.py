"""Bytes to text: UTF-8 when it is, Windows-1252/Latin-1 with a warning when it is not."""
from __future__ import annotations

import codecs

BINARY_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


class BinaryInput(ValueError):
    """Raised for data that is not text at all (images, archives, executables)."""


def looks_binary(data: bytes) -> bool:
    """Many control characters (NUL among them) in the first 8 KB: not a text file. A stray NUL
    in one record of a text file is that record's problem, not the file's (found by
    fuzz/hostile_run.py: one NUL in a CSV cell cost every row)."""
    head = data[:8192]
    controls = sum(1 for byte in head if byte in BINARY_CONTROL)
    if not head or (controls / len(head) <= 0.05 and head.count(0) <= len(head) // 100):
        return False
    try:  # valid UTF-8 is text, however many control characters its records hold
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return False
    except UnicodeDecodeError:
        return True


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Return (text, warning); the warning names the fallback encoding when UTF-8 failed."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte-order mark (Windows editors)
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as error:
            raise BinaryInput(f"UTF-16 byte-order mark, but not valid UTF-16 (byte {error.start})") from error
    if looks_binary(data):
        raise BinaryInput("binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        position = error.start
    try:
        return data.decode("cp1252"), f"not valid UTF-8 (byte {position}); read as Windows-1252/Latin-1"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not valid UTF-8 (byte {position}); read as Latin-1"
