"""Helpers the page and API modules share: templates, state, CSRF, tokens, limits."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from newsgraph.web.app import HERE, ApiError, AppState
from newsgraph.web.security import CSRF_FIELD, bearer_token, csrf_form_token, csrf_ok, token_matches

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


def require_api_token(request: Request) -> None:
    """Raise 401/403 unless the request carries the API token (Authorization: Bearer …)."""
    expected = state(request).settings.api_token
    if not expected:
        raise ApiError(403, "API writes are disabled: the server has no NEWSGRAPH_API_TOKEN", "forbidden")
    given = bearer_token(request.headers.get("authorization"))
    if given is None:
        raise ApiError(401, "this endpoint needs 'Authorization: Bearer <token>'", "unauthorized",
                       headers={"WWW-Authenticate": "Bearer"})
    if not token_matches(given, expected):
        raise ApiError(403, "wrong API token", "forbidden")


def require_admin_token(request: Request, given: str | None) -> None:
    """Raise 401/403 unless ``given`` is the admin token."""
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


def parse_span(value: str | None) -> tuple[int, int] | None:
    """Return (start, end) from "START-END", or None when absent or malformed."""
    if not value:
        return None
    start, sep, end = value.partition("-")
    if not sep or not start.isdigit() or not end.isdigit() or int(start) >= int(end):
        return None
    return int(start), int(end)
