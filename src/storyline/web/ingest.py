"""Ingest over HTTP through the CLI's own code path: posted articles become files for `ingest_paths`.

Writing a JSON body out as JSON Lines (and an upload as the file it is) means the API reads, cleans,
deduplicates, analyses and links exactly as `storyline ingest` does, with the same problem reports.
"""
from __future__ import annotations

import hmac
import json
import re
import tempfile
from pathlib import Path

from fastapi import HTTPException

from storyline.web.lookups import stories_of_articles

FIELDS = ("id", "date", "outlet", "url", "title", "text")


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
    return [{name: item.get(name) for name in FIELDS if item.get(name) is not None} for item in items]


def ingest_records(store, records: list[dict], lock) -> dict:
    with tempfile.TemporaryDirectory(prefix="storyline-post-") as folder:
        path = Path(folder) / "posted.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return ingest_files(store, [path], "jsonl", lock)


def ingest_upload(store, filename: str | None, data: bytes, lock) -> dict:
    """An uploaded file in any input format; its name is reduced to safe characters, never used as a path."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", Path(filename or "upload").name)[:80].lstrip(".") or "upload"
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
        path = Path(folder) / safe
        path.write_bytes(data)
        return ingest_files(store, [path], None, lock)


def ingest_files(store, paths: list[Path], format: str | None, lock) -> dict:
    """One ingest at a time per app: the store links stories incrementally and expects one writer."""
    from storyline.flow import ingest_paths
    from storyline.ingest.read import ReadOptions

    with lock:  # in the server's thread, no worker processes: forking a threaded server is unsafe
        report = ingest_paths(store, paths, ReadOptions(format=format), workers=1)
    ids = report.added + report.duplicates
    return {"added": report.added, "duplicates": report.duplicates, "stories": stories_of_articles(store, ids),
            "problems": [{"where": p.where, "reason": p.reason, "severity": p.severity} for p in report.problems]}
