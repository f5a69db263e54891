"""HTTP for feeds and the pages they link: only public addresses, bounded size, time and redirects.

A feed is untrusted input, and so is every link and redirect in it: followed blindly, a link to
`http://127.0.0.1:5432/` or `http://169.254.169.254/` makes Storyline a proxy into the network it
runs in (SSRF). So each hop's host is resolved and refused when any of its addresses is not a
public one (loopback, private, link-local, reserved), unless the user allows it (`--allow-private`);
the address the connection really reached is checked again before the body is read (a DNS answer
that changed in between). Redirects are followed here, hop by hop, at most MAX_REDIRECTS; the body
is read as a stream up to MAX_BYTES and within DEADLINE seconds.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import httpx

MAX_BYTES = 20 * 1024 * 1024  # a news page or feed is far smaller; a larger answer is not one
MAX_REDIRECTS = 5
DEADLINE = 60.0  # seconds for one request, redirects and body included


class FetchError(Exception):
    """The page was not fetched, for a reason retrying will not change (refused, too large, a loop)."""


def refused_address(url: str, allow_private: bool = False) -> str | None:
    """Why `url` may not be fetched, or None. Hosts that do not resolve are left to the client."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"not an http(s) address: {url!r}"
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return None
    for *_, address in infos:
        reason = _private(address[0])
        if reason:
            return f"{parts.hostname} resolves to {reason}"
    return None


def _private(address: str) -> str | None:
    ip = ipaddress.ip_address(address.split("%")[0])
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    if ip.is_global:
        return None
    return f"the non-public address {ip} (allow with --allow-private)"


def get(client: httpx.Client, url: str, headers: dict | None = None, allow_private: bool = False,
        max_bytes: int = MAX_BYTES, deadline: float = DEADLINE) -> httpx.Response:
    """GET `url` with the rules above; raises FetchError, or httpx.TransportError (worth a retry)."""
    started = time.monotonic()
    for _hop in range(MAX_REDIRECTS + 1):
        reason = refused_address(url, allow_private)
        if reason:
            raise FetchError(f"refused {url}: {reason}")
        response = client.send(client.build_request("GET", url, headers=headers or {}), stream=True,
                               follow_redirects=False)
        try:
            _check_peer(response, url, allow_private)
            if response.is_redirect and "location" in response.headers:
                url = urljoin(url, response.headers["location"])
                continue
            _read_capped(response, max_bytes, started + deadline)
            return response
        finally:
            response.close()
    raise FetchError(f"more than {MAX_REDIRECTS} redirects (a loop?) from {url}")


def _check_peer(response: httpx.Response, url: str, allow_private: bool) -> None:
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not allow_private and peer:
        reason = _private(peer[0])
        if reason:
            raise FetchError(f"refused {url}: the connection reached {reason}")


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float) -> None:
    """Read the body in chunks, stopping at the size cap or the deadline; keep it on the response."""
    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"answer larger than {max_bytes:,} bytes from {response.url}")
            if time.monotonic() > deadline:
                raise FetchError(f"answer took too long (request deadline) from {response.url}")
    except httpx.DecodingError as error:  # a bogus Content-Encoding
        raise FetchError(f"undecodable answer from {response.url} ({error})") from error
    response._content = bytes(body)  # what httpx's own `read()` sets: .content and .text work as usual
