"""Security for the web app: headers, CSRF, body-size cap, rate limits, tokens.

Everything an article or a comment contains is untrusted.  Escaping is the
templates' job (Jinja2 autoescape, ``render.py``); this module adds the
defences around it:

* ``SecurityMiddleware`` (pure ASGI, so it neither buffers nor slows
  streamed exports): a strict Content-Security-Policy with no inline script or
  style, ``X-Content-Type-Options``, ``Referrer-Policy``, ``frame-ancestors
  'none'``; a cap on request bodies; and the CSRF cookie.
* CSRF: double submit, signed.  The browser holds a random ``ng_csrf`` cookie
  (SameSite=Strict, HttpOnly); each form carries HMAC(secret, cookie), which a
  page on another site can neither read nor compute.
* ``RateLimiter``: a sliding window per client, answered with 429.
* ``token_matches``: API and admin tokens compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from collections import OrderedDict, deque
from http.cookies import SimpleCookie

log = logging.getLogger("newsgraph.web")

CSRF_COOKIE = "ng_csrf"
CSRF_FIELD = "csrf_token"

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def token_matches(given: str | None, expected: str | None) -> bool:
    """Return True when a token was configured and ``given`` equals it (constant time)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def bearer_token(authorization: str | None) -> str | None:
    """Return the token of an ``Authorization: Bearer …`` header, or None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def csrf_form_token(secret: bytes, cookie: str) -> str:
    """Return the form token that goes with this CSRF cookie."""
    return hmac.new(secret, cookie.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, cookie: str | None, form_token: str | None) -> bool:
    """Return True when the form's token was made for this browser's cookie."""
    if not cookie or not form_token:
        return False
    return hmac.compare_digest(csrf_form_token(secret, cookie), form_token)


class RateLimiter:
    """At most ``limit`` hits per ``window`` seconds per key (a sliding window).

    Memory is bounded: at most ``max_keys`` clients are tracked; the least
    recently seen is forgotten first.
    """

    def __init__(self, limit: int, window: float, max_keys: int = 10_000) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def hit(self, key: str) -> float | None:
        """Count one hit; return None when allowed, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits.pop(key, None) or deque()
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            self._hits[key] = hits
            while len(self._hits) > self.max_keys:
                self._hits.popitem(last=False)
            if len(hits) >= self.limit:
                return max(0.0, hits[0] + self.window - now)
            hits.append(now)
            return None


def _cookie_value(headers: list[tuple[bytes, bytes]], name: str) -> str | None:
    for key, value in headers:
        if key == b"cookie":
            jar = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header is just ignored
                continue
            if name in jar:
                return jar[name].value
    return None


class SecurityMiddleware:
    """Add security headers, cap request bodies and hand out the CSRF cookie."""

    def __init__(self, app, *, max_body_bytes: int) -> None:  # noqa: ANN001 - any ASGI app
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001 - ASGI signature
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        if scope["method"] in ("POST", "PUT", "PATCH"):
            length = next((v for k, v in headers if k == b"content-length"), None)
            problem = None
            if length is None:
                problem = (411, "length_required", "send a Content-Length header")
            elif not length.isdigit() or int(length) > self.max_body_bytes:
                problem = (413, "too_large", f"request body over {self.max_body_bytes} bytes")
            if problem:
                await _send_error(send, *problem)
                return
        cookie = _cookie_value(headers, CSRF_COOKIE)
        new_cookie = None
        if not cookie or len(cookie) < 32 or len(cookie) > 128:
            cookie = new_cookie = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf_cookie"] = cookie
        set_cookie = not scope["path"].startswith(("/api/", "/static/")) and new_cookie is not None

        async def send_with_headers(message) -> None:  # noqa: ANN001
            if message["type"] == "http.response.start":
                out = [h for h in message.get("headers", []) if h[0].lower() not in _SECURITY_NAMES]
                out.extend(SECURITY_HEADERS)
                if set_cookie:
                    secure = "; Secure" if scope.get("scheme") == "https" else ""
                    out.append((b"set-cookie", f"{CSRF_COOKIE}={new_cookie}; Path=/; HttpOnly; SameSite=Strict{secure}".encode()))
                message = {**message, "headers": out}
            await send(message)

        started = False

        async def send_tracking(message) -> None:  # noqa: ANN001
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send_with_headers(message)

        try:
            await self.app(scope, receive, send_tracking)
        except Exception:
            # Answered here, inside this middleware, so a 500 carries the security headers and
            # the one error shape too (Starlette's outermost handler would send neither).
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if started:
                raise
            await _send_error(send, 500, "internal", "internal error; the server log has the details",
                              html=not scope["path"].startswith("/api/"))


_SECURITY_NAMES = {name for name, _ in SECURITY_HEADERS}


async def _send_error(send, status: int, code: str, message: str, html: bool = False) -> None:  # noqa: ANN001
    if html:
        body = (f"<!doctype html><html lang=en><meta charset=utf-8><title>Error {status}</title>"
                f"<h1>Error {status}</h1><p data-code=\"{code}\">{message}</p><p><a href=\"/\">Home</a></p>").encode()
        ctype = b"text/html; charset=utf-8"
    else:
        body = json.dumps({"error": {"code": code, "message": message}}).encode()
        ctype = b"application/json"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
