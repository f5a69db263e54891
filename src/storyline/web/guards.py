"""ASGI middleware that protects every response and request, whatever route handles it.

Written as plain ASGI (not BaseHTTPMiddleware) so that a too-large body is refused while it streams
in, before a handler or the multipart parser buffers it.
"""
from __future__ import annotations

import json

from starlette.exceptions import HTTPException

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """Adds the CSP and its companions to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers HEAD like GET without the body (RFC 9110): link checkers and monitors send HEAD, and
    FastAPI's GET routes alone answer it 405."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def send_headers_only(message):
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


class TooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing passes it on as a 413 instead of a generic 400."""

    def __init__(self, limit: int):
        super().__init__(413, f"Anfrage zu groß (höchstens {limit:,} Bytes)")


class BodyLimit:
    """413 for a body over max_body bytes: by Content-Length at once, else counted while it arrives."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length and length.isdigit() and int(length) > self.max_body:
            return await refuse(send, self.max_body)
        received, started = 0, False

        async def counting_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise TooLarge(self.max_body)
            return message

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except TooLarge:
            if not started:
                await refuse(send, self.max_body)


async def refuse(send, limit: int) -> None:
    body = json.dumps({"detail": f"Anfrage zu groß (höchstens {limit:,} Bytes)"}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
