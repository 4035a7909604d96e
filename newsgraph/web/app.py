"""The app factory: settings, routers, templates, static files, one error shape."""

from __future__ import annotations

import logging
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.errors import NewsgraphError, NotFoundError, QueryError, StoreError
from newsgraph.web.security import RateLimiter, SecurityMiddleware

log = logging.getLogger("newsgraph.web")

HERE = Path(__file__).resolve().parent

_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 411: "length_required", 413: "too_large", 415: "unsupported_media_type",
    422: "invalid", 429: "rate_limited", 500: "internal", 503: "unavailable",
}


@dataclass
class Settings:
    """How the web app behaves. ``Settings.from_env()`` reads the NEWSGRAPH_* variables."""

    api_token: str | None = None  # API writes need it; unset: API writes are refused
    admin_token: str | None = None  # hides comments; unset: nobody can
    allow_private: bool = False  # let URL ingest fetch loopback/private addresses
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))  # signs CSRF tokens
    comment_limit: int = 5  # comments per client ...
    comment_window: float = 60.0  # ... per this many seconds
    ingest_limit: int = 10
    ingest_window: float = 60.0
    max_comment_chars: int = 5_000
    max_upload_bytes: int = 5_000_000
    fetch_timeout: float = 20.0

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Return settings from NEWSGRAPH_API_TOKEN, NEWSGRAPH_ADMIN_TOKEN, NEWSGRAPH_SECRET, then ``overrides``."""
        values: dict[str, Any] = {
            "api_token": os.environ.get("NEWSGRAPH_API_TOKEN") or None,
            "admin_token": os.environ.get("NEWSGRAPH_ADMIN_TOKEN") or None,
        }
        if os.environ.get("NEWSGRAPH_SECRET"):
            values["secret"] = os.environ["NEWSGRAPH_SECRET"].encode("utf-8")
        values.update(overrides)
        return cls(**values)


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` (or an HTML page)."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
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

    def analyzer(self) -> Any:
        """Return the analysis pipeline, loading spaCy on first use (slow, once)."""
        with self._analyzer_lock:
            if self._analyzer is None:
                from newsgraph.analyze.pipeline import default_analyzer

                self._analyzer = default_analyzer()
            return self._analyzer


def create_app(store_url: str, *, settings: Settings | None = None, store: Any = None, analyzer: Any = None) -> FastAPI:
    """Return the newsgraph web app over the corpus at ``store_url``.

    ``store`` and ``analyzer`` may be passed in already built (tests share one).
    """
    from newsgraph.web import (
        api_articles, api_corpus, api_ingest, docs, pages_actor, pages_article, pages_home, pages_ingest,
        pages_network, pages_search,
    )

    settings = settings or Settings.from_env()
    if store is None:
        from newsgraph.store import Store

        store = Store(store_url)
    app = FastAPI(
        title="newsgraph",
        version="1",
        summary="Who said what, who met whom, when and where: every fact one click from its source.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.ng = AppState(store, settings, analyzer)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (pages_home, pages_article, pages_actor, pages_network, pages_search, pages_ingest,
                   api_articles, api_corpus, api_ingest, docs):
        app.include_router(module.router)
    _add_error_handlers(app)
    app.add_middleware(SecurityMiddleware, max_body_bytes=settings.max_upload_bytes + 100_000)
    return app


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    """Return the one error shape: JSON under /api/, an HTML page elsewhere."""
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)
    from newsgraph.web.deps import render

    return render(request, "error.html", {"status": status, "code": code, "message": message},
                  status=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError) -> Response:
        return error_response(request, err.status, err.code, err.message, err.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, err: StarletteHTTPException) -> Response:
        message = err.detail if isinstance(err.detail, str) else "request failed"
        if err.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return error_response(request, err.status_code, _CODES.get(err.status_code, "error"), message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, err: RequestValidationError) -> Response:
        parts = []
        for item in err.errors()[:5]:
            where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("body", "query", "path"))
            parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", "invalid"))
        return error_response(request, 422, "invalid", "; ".join(parts) or "invalid request")

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, err: NotFoundError) -> Response:
        return error_response(request, 404, "not_found", str(err))

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, err: QueryError) -> Response:
        return error_response(request, 400, "bad_query", str(err))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, err: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, err)
        return error_response(request, 503, "store_unavailable", "the database could not answer; try again later")

    @app.exception_handler(NewsgraphError)
    async def _newsgraph_error(request: Request, err: NewsgraphError) -> Response:
        return error_response(request, 400, type(err).__name__, str(err))
    # Anything else is answered 500 by SecurityMiddleware (see security.py).
