"""The web application: JSON API and HTML pages on one FastAPI app, over the same library functions.

Article text is untrusted input, so every response carries a strict Content-Security-Policy
(no inline script, nothing from other hosts) on top of Jinja2's autoescaping; request bodies are
capped before they reach a handler.
"""
from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storyline.web.guards import BodyLimit, HeadAsGet, SecurityHeaders
from storyline.web.worker import IngestWorker

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_BODY_BYTES = 20 * 1024 * 1024


def create_app(db: str | None = None, token: str | None = None, max_body: int = MAX_BODY_BYTES,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """One app per store. Ingest over HTTP stays off unless a token is given (or $STORYLINE_TOKEN).

    `allowed_hosts`: the Host headers answered (`serve` passes its address and localhost); a page
    of another site that points its own name at 127.0.0.1 (DNS rebinding) then gets a 400, not the
    store. None answers every host (tests, an app mounted behind a proxy that checks hosts).
    """
    from storyline.store.db import Store
    from storyline.web import api, pages

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.worker.stop()

    app = FastAPI(title="Storyline", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Geschichten aus deutschen Nachrichtenartikeln: wer, wer sagte was, wann, wo.")
    app.state.store = Store(db)
    app.state.token = token if token is not None else os.environ.get("STORYLINE_TOKEN") or None
    app.state.worker = IngestWorker(app.state.store.url)  # posts are analysed there, one at a time
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    pages.install_error_pages(app)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(HeadAsGet)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app
