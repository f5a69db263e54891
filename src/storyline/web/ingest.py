"""Ingest over HTTP through the CLI's own code path: posted articles become files for `ingest_paths`.

Writing a JSON body out as JSON Lines (and an upload as the file it is) means the API reads, cleans,
deduplicates, analyses and links exactly as `storyline ingest` does, with the same problem reports;
that runs in the app's worker process (`web.worker`), under the CLI's time limit and a memory cap.
"""
from __future__ import annotations

import hmac
import json
import re
from pathlib import Path

from fastapi import HTTPException

FIELDS = ("id", "date", "outlet", "url", "title", "text")
MAX_TEXT_CHARS = 200_000  # one posted article; a long news article has 30,000, the quote step is superlinear


def check_token(expected: str | None, authorization: str | None) -> None:
    """403 while ingest is switched off; 401 unless the request carries `Authorization: Bearer <token>`."""
    if not expected:
        raise HTTPException(403, "Einspielen über die API ist ausgeschaltet (kein STORYLINE_TOKEN / --token).")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "Gültiges Bearer-Token erforderlich.", headers={"WWW-Authenticate": "Bearer"})


def records_from_json(body) -> list[dict]:
    """One article, a list of articles, or {"articles": [...]}; each needs a text."""
    items = body.get("articles", body) if isinstance(body, dict) else body
    items = [items] if isinstance(items, dict) else items
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise HTTPException(422, "Erwartet ein Artikel-Objekt, eine Liste davon oder {\"articles\": [...]}.")
    if any(not isinstance(item.get("text"), str) or not item["text"].strip() for item in items):
        raise HTTPException(422, "Jeder Artikel braucht ein nicht leeres Feld \"text\".")
    longest = max(len(item["text"]) for item in items)
    if longest > MAX_TEXT_CHARS:
        raise HTTPException(413, f"Ein Artikeltext hat {longest:,} Zeichen; über die API höchstens "
                                 f"{MAX_TEXT_CHARS:,} (längere mit `storyline ingest`).")
    return [{name: item.get(name) for name in FIELDS if item.get(name) is not None} for item in items]


def records_file(records: list[dict]) -> bytes:
    """Posted JSON as the JSON Lines file the readers take; escaped, so that a lone surrogate
    (`"\\ud800"`) reaches the reader, which reports that record and keeps the others."""
    return "".join(json.dumps(r) + "\n" for r in records).encode("ascii")


def upload_name(filename: str | None) -> str:
    """An uploaded file's name reduced to safe characters; never used as a path of the caller's."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", Path(filename or "upload").name)[:80].lstrip(".") or "upload"
