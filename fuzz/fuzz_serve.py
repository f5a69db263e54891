"""Fuzz the web app with atheris through FastAPI's TestClient: a fuzzer-chosen method, route,
path value, query string, headers and body (JSON, form upload or raw bytes), against a store
holding a few analysed articles. A finding is an exception escaping the app, a 5xx other than
503 (the worker is busy or out of time or memory), or a response without the security headers.

Run: `make fuzz` or `python fuzz/fuzz_serve.py -max_total_time=120 -rss_limit_mb=2048`.
Posts with the right token go to the app's worker process (`web.worker`), as under `serve`.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import atheris

with atheris.instrument_imports():
    from fastapi.testclient import TestClient

    from storyline.flow import ingest_paths
    from storyline.store.db import Store
    from storyline.web.app import create_app

ROUTES = ["/", "/stories/{}", "/stories/{}/report.html", "/articles/{}", "/entities/{}", "/search",
          "/api/stories", "/api/stories/{}", "/api/entities", "/api/entities/{}", "/api/quotes",
          "/api/articles/{}", "/api/search", "/api/articles", "/static/{}", "/openapi.json", "/{}"]
PARAMS = ["since", "until", "outlet", "entity", "limit", "offset", "q", "type", "speaker"]
METHODS = ["GET", "GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "OPTIONS"]
TEXT = "Wladimir Putin hat am Mittwoch Kim Jong-un in Wostotschny empfangen. „Wir helfen“, sagte Putin."


def make_client() -> TestClient:
    folder = Path(tempfile.mkdtemp(prefix="storyline-fuzz-serve-"))
    source = folder / "basis.jsonl"
    source.write_text("".join(json.dumps({"id": f"b{n}", "date": "2023-09-13", "text": f"Nummer {n}. {TEXT}"},
                                         ensure_ascii=False) + "\n" for n in range(3)), encoding="utf-8")
    ingest_paths(Store(folder / "serve.db"), [source], workers=1)
    return TestClient(create_app(str(folder / "serve.db"), token="geheim"))


CLIENT = None


def test_one_input(data: bytes) -> None:
    global CLIENT
    CLIENT = CLIENT or make_client()
    fuzzed = atheris.FuzzedDataProvider(data)
    method = METHODS[fuzzed.ConsumeIntInRange(0, len(METHODS) - 1)]
    route = ROUTES[fuzzed.ConsumeIntInRange(0, len(ROUTES) - 1)]
    path = quote(route.format(fuzzed.ConsumeUnicodeNoSurrogates(40)), safe="/%:@!$&'()*+,;=~")
    params = [(PARAMS[fuzzed.ConsumeIntInRange(0, len(PARAMS) - 1)], fuzzed.ConsumeUnicodeNoSurrogates(30))
              for _ in range(fuzzed.ConsumeIntInRange(0, 3))]
    headers = {"Authorization": b"Bearer geheim" if fuzzed.ConsumeBool() else fuzzed.ConsumeBytes(20)}
    if fuzzed.ConsumeBool():
        headers["Content-Type"] = fuzzed.ConsumeBytes(30)
    body = {}
    if method == "POST":
        kind = fuzzed.ConsumeIntInRange(0, 2)
        if kind == 0:
            body = {"content": fuzzed.ConsumeBytes(fuzzed.remaining_bytes())}
        elif kind == 1:
            body = {"files": {"file": (fuzzed.ConsumeUnicodeNoSurrogates(20), fuzzed.ConsumeBytes(2000))}}
            headers.pop("Content-Type", None)
        else:
            body = {"json": {"text": TEXT + fuzzed.ConsumeUnicodeNoSurrogates(200), "date": fuzzed.ConsumeUnicode(12),
                             "id": fuzzed.ConsumeUnicodeNoSurrogates(20)}}
            headers.pop("Content-Type", None)
    response = CLIENT.request(method, path, params=params, headers=headers, **body)
    if response.status_code >= 500 and response.status_code != 503:
        raise AssertionError(f"{method} {path} {params}: {response.status_code} {response.text[:300]}")
    if "content-security-policy" not in response.headers:
        raise AssertionError(f"{method} {path}: {response.status_code} without the security headers")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
