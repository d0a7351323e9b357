"""What the server refuses before any check: bodies over the size limit, requests
without the token, and the time a check may take.

Both gates are ASGI middleware, below every route, so no handler can forget them:

* ``BodyLimit`` answers 413 as soon as ``Content-Length`` says too much, and for a body
  sent without one (chunked) stops reading at the limit, so a client cannot make the
  server hold more than ``max_body`` bytes of it;
* ``TokenGate`` (installed when a token is configured, always when the server listens
  beyond loopback) wants ``Authorization: Bearer TOKEN`` or HTTP Basic with the token as
  the password (what a browser asks for and then resends), compared in constant time,
  on every request, ``/healthz`` included.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 5 * 1024 * 1024
DEFAULT_TIME_LIMIT = 30.0
TOKEN_ENV = "FACTCHECK_SERVE_TOKEN"


@dataclass(frozen=True)
class Limits:
    """``max_body``: bytes of a request body; ``time_limit``: seconds a check may take
    before the client is answered 503."""

    max_body: int = DEFAULT_MAX_BODY
    time_limit: float = DEFAULT_TIME_LIMIT


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


async def error_response(send: Send, status: int, error: str, message: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    """A JSON error answer sent from middleware (no route has run)."""
    body = json.dumps({"error": {"status": status, "error": error, "message": message, "problems": []}}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *(headers or [])],
    })
    await send({"type": "http.response.body", "body": body})


def too_large_message(limit: int) -> str:
    return f"the request body is over the limit of {limit:,} bytes (factcheck serve --max-body)"


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413.

    The body is read here, whole, before the application sees it: a limit enforced
    inside a route would surface as an exception in the middle of form parsing, which
    Starlette answers with a 500. A body is at most ``limit`` bytes, so holding it is
    what the limit allows anyway. ``too_large`` renders the answer (the page answers
    with HTML)."""

    def __init__(self, app: ASGIApp, limit: int, too_large: Callable[[Scope, str], Awaitable[tuple[int, dict[str, str], bytes]]] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.too_large = too_large

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = too_large_message(self.limit)
        if self.too_large is None:
            await error_response(send, 413, "BodyTooLarge", message)
            return
        status, headers, body = await self.too_large(scope, message)
        raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        await send({"type": "http.response.start", "status": status,
                    "headers": [*raw, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await error_response(send, 400, "BadRequest", "Content-Length is not a number")
                    return
                if declared > self.limit:
                    await self._refuse(scope, send)
                    return
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:  # a chunked body without Content-Length
                await self._refuse(scope, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect

        await self.app(scope, replay, send)


class TokenGate:
    """Let through only requests that carry ``token``."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode("utf-8")

    def allowed(self, headers: list[tuple[bytes, bytes]]) -> bool:
        for name, value in headers:
            if name != b"authorization":
                continue
            scheme, _, credentials = value.partition(b" ")
            scheme = scheme.lower()
            if scheme == b"bearer":
                return hmac.compare_digest(credentials.strip(), self.token)
            if scheme == b"basic":
                try:
                    decoded = base64.b64decode(credentials.strip(), validate=True)
                except (binascii.Error, ValueError):
                    return False
                return hmac.compare_digest(decoded.partition(b":")[2], self.token)
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.allowed(scope.get("headers", [])):
            await error_response(
                send, 401, "Unauthorized",
                "this server wants its token: 'Authorization: Bearer TOKEN', or the token as the password",
                headers=[(b"www-authenticate", b'Basic realm="factcheck", charset="UTF-8"')],
            )
            return
        await self.app(scope, receive, send)
