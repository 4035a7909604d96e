"""What the page and API modules share: state, errors, templates, CSRF, tokens, limits.

Routers import this module, never ``app.py`` (which imports the routers).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from newsgraph.settings import Settings
from newsgraph.store.dates import date_label, day_label
from newsgraph.web.fetchpool import FetchPool, PoolFull
from newsgraph.web.security import CSRF_FIELD, RateLimiter, csrf_form_token, csrf_ok, token_matches

HERE = Path(__file__).resolve().parent

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 411: "length_required", 413: "too_large", 415: "unsupported_media_type",
    422: "invalid", 429: "rate_limited", 500: "internal", 503: "unavailable",
}


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` (or an HTML page)."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.headers = headers or {}


class AppState:
    """What the routes share: the store, settings, rate limiters, the lazily loaded analyzer."""

    def __init__(self, store: Any, settings: Settings, analyzer: Any = None) -> None:
        self.store = store
        self.settings = settings
        self.comment_limiter = RateLimiter(settings.comment_limit, settings.comment_window)
        self.ingest_limiter = RateLimiter(settings.ingest_limit, settings.ingest_window)
        self._analyzer = analyzer
        self._analyzer_lock = threading.Lock()
        self.fetch_pool = FetchPool(settings.fetch_workers, settings.fetch_queue)

    async def run_fetch(self, fn: Any, *args: Any) -> Any:
        """Return ``fn(*args)`` run in the bounded pool of URL fetchers; 503 when it is full."""
        try:
            return await self.fetch_pool.run(fn, *args)
        except PoolFull as err:
            raise ApiError(503, f"too many URL ingests under way ({err}); try again later", "unavailable",
                           headers={"Retry-After": "30"}) from None

    def analyzer(self) -> Any:
        """Return the analysis pipeline, loading spaCy on first use (slow, once)."""
        with self._analyzer_lock:
            if self._analyzer is None:
                from newsgraph.analyze.pipeline import default_analyzer

                self._analyzer = default_analyzer()
            return self._analyzer


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    """Return the one error shape: JSON under /api/, an HTML page elsewhere."""
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)
    return render(request, "error.html", {"status": status, "code": code, "message": message},
                  status=status, headers=headers)

templates = Jinja2Templates(directory=str(HERE / "templates"))
assert templates.env.autoescape  # every value in a page is escaped unless marked safe


def http_url(url: str | None) -> str | None:
    """Return ``url`` when it is an absolute http(s) URL with a host, else None (never a javascript: link)."""
    if not url or any(c in url for c in "\x00\r\n\t"):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """Return ``?a=b&…`` from params with changes applied, dropping empty values."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


@pass_context
def url_path_for(context: dict, name: str, /, **path_params: Any) -> str:
    """Return the path of a route (relative to the host, so pages work behind any proxy)."""
    return str(context["request"].app.url_path_for(name, **path_params))


templates.env.globals["url_for"] = url_path_for
templates.env.filters["http_url"] = http_url
templates.env.globals["query_string"] = query_string
# Honest dates on every page: an approximate date never looks like a day the text gave.
templates.env.globals["date_label"] = date_label
templates.env.globals["day_label"] = day_label


def state(request: Request) -> AppState:
    """Return the app's shared state."""
    return request.app.state.ng


def store(request: Request) -> Any:
    """Return the corpus store."""
    return request.app.state.ng.store


def csrf_token(request: Request) -> str:
    """Return the CSRF form token for this browser."""
    return csrf_form_token(state(request).settings.secret, request.state.csrf_cookie)


def check_csrf(request: Request, form_token: str | None) -> None:
    """Raise 403 unless the form carries the token made for this browser's cookie."""
    cookie = request.cookies.get("ng_csrf")
    if not csrf_ok(state(request).settings.secret, cookie, form_token):
        raise ApiError(403, "the form's CSRF token is missing or wrong; reload the page and try again", "csrf")


def client_key(request: Request) -> str:
    """Return the key rate limits count by: the client's address."""
    return request.client.host if request.client else "unknown"


def rate_limit(limiter: Any, request: Request) -> None:
    """Count one hit for this client; raise 429 when over the limit."""
    wait = limiter.hit(client_key(request))
    if wait is not None:
        raise ApiError(429, f"too many requests; try again in {int(wait) + 1} s", "rate_limited",
                       headers={"Retry-After": str(int(wait) + 1)})


def _check_token(given: str | None, expected: str | None, what: str, variable: str) -> None:
    if not expected:
        raise ApiError(403, f"{what} is disabled: the server has no {variable}", "forbidden")
    if given is None:
        raise ApiError(401, "this endpoint needs 'Authorization: Bearer <token>'", "unauthorized",
                       headers={"WWW-Authenticate": "Bearer"})
    if not token_matches(given, expected):
        raise ApiError(403, f"wrong {what.split()[0]} token", "forbidden")


def _given(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return credentials.credentials.strip() or None if credentials else None


#: The API's bearer token; declared through FastAPI's security scheme so it shows in /openapi.json.
api_bearer = HTTPBearer(auto_error=False, scheme_name="api_token",
                        description="`Authorization: Bearer <token>`: NEWSGRAPH_API_TOKEN for writes, "
                                    "NEWSGRAPH_ADMIN_TOKEN for hiding comments.")


def api_ingest_auth(request: Request, credentials: HTTPAuthorizationCredentials | None = Security(api_bearer)) -> None:
    """Dependency of API ingests: count the hit (429 past the limit), then require the API token.

    The limit comes first so that guessing the token is throttled like any other request.
    """
    rate_limit(state(request).ingest_limiter, request)
    _check_token(_given(credentials), state(request).settings.api_token, "API writes", "NEWSGRAPH_API_TOKEN")


def api_comment_auth(request: Request, credentials: HTTPAuthorizationCredentials | None = Security(api_bearer)) -> None:
    """Dependency of API comments: count the hit on the comment limit, then require the API token."""
    rate_limit(state(request).comment_limiter, request)
    _check_token(_given(credentials), state(request).settings.api_token, "API writes", "NEWSGRAPH_API_TOKEN")


def api_admin_auth(request: Request, credentials: HTTPAuthorizationCredentials | None = Security(api_bearer)) -> None:
    """Dependency of API moderation: count the hit on the comment limit, then require the admin token."""
    rate_limit(state(request).comment_limiter, request)
    _check_token(_given(credentials), state(request).settings.admin_token, "admin actions", "NEWSGRAPH_ADMIN_TOKEN")


def require_admin_token(request: Request, given: str | None) -> None:
    """Raise 401/403 unless ``given`` (a form field) is the admin token; the caller rate-limits first."""
    expected = state(request).settings.admin_token
    if not expected:
        raise ApiError(403, "no admin token is configured (NEWSGRAPH_ADMIN_TOKEN)", "forbidden")
    if not given:
        raise ApiError(401, "the admin token is required", "unauthorized")
    if not token_matches(given, expected):
        raise ApiError(403, "wrong admin token", "forbidden")


def render(request: Request, name: str, context: dict[str, Any], status: int = 200,
           headers: dict[str, str] | None = None) -> HTMLResponse:
    """Return a rendered page with the CSRF token and settings in its context."""
    context = {"request": request, "csrf_field": CSRF_FIELD, "csrf_token": csrf_token(request),
               "settings": state(request).settings, **context}
    return templates.TemplateResponse(request, name, context, status_code=status, headers=headers)
