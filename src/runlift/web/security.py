"""What every request passes through: signed sessions, CSRF tokens, API tokens, headers, limits.

* **Sessions** live in one cookie signed with the secret key (itsdangerous, HMAC
  SHA-1 over a timestamped JSON payload): ``HttpOnly``, ``SameSite=Lax``, and
  ``Secure`` whenever the request came over HTTPS (behind a reverse proxy that is
  only known when the proxy is trusted: ``RUNLIFT_TRUSTED_PROXIES``). Nothing is
  kept on the server, so any worker on any host reads any session.
* **CSRF**: each session carries a random token; every form posts it back and
  :func:`csrf_matches` compares it in constant time (the pages' router checks it
  once for every unsafe method).
* **API tokens** are the user's id signed with the same key under another salt,
  with an expiry: a cookie cannot be replayed as a token or the other way round.
* **Headers**: a Content Security Policy allowing nothing but this origin (no
  inline script or style), ``nosniff``, no framing, a strict referrer policy and,
  over HTTPS, HSTS.
* **Body limit**: a request body larger than ``max_body_bytes`` is refused with 413
  before the app reads it, whether its length was announced or not. Uploads of
  training files (:data:`UPLOAD_PATH`) may be larger, up to ``upload_max_bytes``.
"""

from __future__ import annotations

import hmac
import html
import json
import re
import secrets
from collections.abc import MutableMapping
from typing import Any, Final

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE: Final = "runlift_session"
CSRF_FIELD: Final = "csrf_token"
CSRF_HEADER: Final = "x-csrf-token"

CONTENT_SECURITY_POLICY: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: Final = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)
HSTS: Final = (b"strict-transport-security", b"max-age=31536000")

UPLOAD_PATH: Final = re.compile(r"^(?:/api/v1)?/athletes/[^/]+/activities$")
"""The routes that take uploads of training files (``POST``): the page's form and the API's."""


class Signer:
    """Signs and checks session cookies and API tokens with the secret key."""

    def __init__(self, secret_key: str, *, session_max_age_s: int, token_max_age_s: int) -> None:
        self._sessions = URLSafeTimedSerializer(secret_key, salt="runlift-session")
        self._tokens = URLSafeTimedSerializer(secret_key, salt="runlift-api-token")
        self.session_max_age_s = session_max_age_s
        self.token_max_age_s = token_max_age_s

    def session(self, cookie: str | None) -> dict[str, Any]:
        """The session a cookie carries; empty when absent, tampered with or expired."""
        if not cookie:
            return {}
        try:
            data = self._sessions.loads(cookie, max_age=self.session_max_age_s)
        except BadSignature:
            return {}
        return data if isinstance(data, dict) else {}

    def session_cookie(self, session: dict[str, Any]) -> str:
        """The signed cookie value of a session."""
        return self._sessions.dumps(session)

    def token(self, user_id: int) -> str:
        """An API bearer token for the user, valid ``token_max_age_s`` from now."""
        return self._tokens.dumps({"uid": user_id})

    def token_user(self, token: str) -> int | None:
        """The user an API token names, if it is genuine and not expired."""
        try:
            data = self._tokens.loads(token, max_age=self.token_max_age_s)
        except BadSignature:
            return None
        uid = data.get("uid") if isinstance(data, dict) else None
        return uid if isinstance(uid, int) and not isinstance(uid, bool) else None


def csrf_token(session: MutableMapping[str, Any]) -> str:
    """The session's CSRF token, made when the session has none."""
    token = session.get("csrf")
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def csrf_matches(session: MutableMapping[str, Any], sent: object) -> bool:
    """Whether ``sent`` is the session's CSRF token (constant-time comparison)."""
    expected = session.get("csrf")
    return (
        isinstance(expected, str)
        and isinstance(sent, str)
        and bool(expected)
        and hmac.compare_digest(expected.encode(), sent.encode())
    )


class SessionMiddleware:
    """Loads the signed session cookie into ``scope["session"]`` and writes it back when changed.

    The cookie is ``Secure`` when the request's scheme is ``https`` (set by the
    trusted proxy's ``X-Forwarded-Proto`` when one is configured).
    """

    def __init__(self, app: ASGIApp, *, signer: Signer) -> None:
        self.app = app
        self.signer = signer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookie = _cookie(scope, SESSION_COOKIE)
        session = self.signer.session(cookie)
        before = json.dumps(session, sort_keys=True)
        scope["session"] = session
        secure = scope.get("scheme") == "https"

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                now = json.dumps(scope["session"], sort_keys=True)
                if now != before:
                    headers = MutableHeaders(scope=message)
                    flags = "Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if secure else "")
                    if scope["session"]:
                        value = self.signer.session_cookie(scope["session"])
                        age = self.signer.session_max_age_s
                        headers.append(
                            "set-cookie", f"{SESSION_COOKIE}={value}; Max-Age={age}; {flags}"
                        )
                    elif cookie:
                        headers.append("set-cookie", f"{SESSION_COOKIE}=; Max-Age=0; {flags}")
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _cookie(scope: Scope, name: str) -> str | None:
    headers: list[tuple[bytes, bytes]] = scope["headers"]
    for key, value in headers:
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                cookie_name, _, cookie_value = part.strip().partition("=")
                if cookie_name == name:
                    return cookie_value
    return None


class SecurityHeadersMiddleware:
    """Adds the security headers to every response, and HSTS to those sent over HTTPS.

    Pages and API answers also get ``Cache-Control: no-store``: they carry one
    person's training data, which no shared cache should keep. Static files keep
    their own caching.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers[name.decode()] = value.decode()
                if https:
                    headers[HSTS[0].decode()] = HSTS[1].decode()
                if not static and "cache-control" not in headers:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


TOO_LARGE_PAGE: Final = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    '<title>Too large · runlift</title><link rel="stylesheet" href="/static/style.css">'
    '</head><body><main><section class="panel"><h1>Too large</h1><p>{detail}.</p>'
    "<p>Go back and send less at a time.</p></section></main></body></html>"
)
"""The page a browser gets for a body over the limit (the app has not read it: no template)."""


def size_text(size_bytes: int) -> str:
    """A size for people: ``16 MiB``, ``1.5 MiB``, ``900 kB``, ``512 bytes``.

    Examples:
        >>> size_text(16 * 2**20), size_text(3 * 2**19), size_text(900_000), size_text(512)
        ('16 MiB', '1.5 MiB', '879 kB', '512 bytes')
    """
    if size_bytes >= 2**20:
        return f"{size_bytes / 2**20:.1f}".removesuffix(".0") + " MiB"
    if size_bytes >= 2**10:
        return f"{size_bytes / 2**10:.0f} kB"
    return f"{size_bytes} bytes"


class BodyLimitMiddleware:
    """Refuses request bodies over the limit with 413: JSON for the API, a short page otherwise.

    The limit is ``max_bytes``, or ``upload_max_bytes`` for a ``POST`` to an upload
    route (:data:`UPLOAD_PATH`).
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, upload_max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_max_bytes = upload_max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        upload = scope.get("method") == "POST" and bool(UPLOAD_PATH.match(scope.get("path", "")))
        limit = self.upload_max_bytes if upload else self.max_bytes
        detail = self.detail(upload=upload)
        for key, value in scope["headers"]:
            if key == b"content-length":
                try:
                    announced = int(value)
                except ValueError:
                    announced = limit + 1
                if announced > limit:
                    await self._refuse(send, detail, api=api_path(str(scope.get("path", ""))))
                    return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Raised while the app reads the body: its error handler answers 413.
                    raise HTTPException(413, detail=detail)
            return message

        await self.app(scope, counting_receive, send)

    def detail(self, *, upload: bool = False) -> str:
        """What the refusal says."""
        if upload:
            return (
                f"the upload is larger than {size_text(self.upload_max_bytes)}, the most "
                "taken at once: send fewer files at a time"
            )
        return f"the request body is larger than {self.max_bytes} bytes"

    async def _refuse(self, send: Send, detail: str, *, api: bool) -> None:
        if api:
            body = json.dumps({"detail": detail}).encode()
            kind = b"application/json"
        else:
            body = TOO_LARGE_PAGE.format(detail=html.escape(detail)).encode()
            kind = b"text/html; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", kind),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def api_path(path: str) -> bool:
    """Whether a path is the API's (answered in JSON) rather than a page's."""
    return path.startswith("/api/") or path in {"/healthz", "/openapi.json"}
