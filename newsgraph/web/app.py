"""The app factory: settings, routers, templates, static files, one error shape."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.errors import NewsgraphError, NotFoundError, QueryError, StoreError
from newsgraph.settings import Settings
from newsgraph.web.deps import CODES, HERE, ApiError, AppState, error_response
from newsgraph.web.security import SecurityMiddleware

__all__ = ["ApiError", "AppState", "Settings", "create_app"]  # ApiError/AppState re-exported for old imports

log = logging.getLogger("newsgraph.web")


def create_app(store_url: str, *, settings: Settings | None = None, store: Any = None, analyzer: Any = None) -> FastAPI:
    """Return the newsgraph web app over the corpus at ``store_url``.

    ``store`` and ``analyzer`` may be passed in already built (tests share one).
    """
    from newsgraph.web import (
        api_articles, api_corpus, api_ingest, docs, pages_actor, pages_article, pages_framing, pages_home,
        pages_ingest, pages_network, pages_search,
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
    for module in (pages_home, pages_article, pages_actor, pages_network, pages_framing, pages_search, pages_ingest,
                   api_articles, api_corpus, api_ingest, docs):
        app.include_router(module.router)
    _add_error_handlers(app)
    app.add_middleware(SecurityMiddleware, max_body_bytes=settings.max_upload_bytes + 100_000)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError) -> Response:
        return error_response(request, err.status, err.code, err.message, err.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, err: StarletteHTTPException) -> Response:
        message = err.detail if isinstance(err.detail, str) else "request failed"
        if err.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return error_response(request, err.status_code, CODES.get(err.status_code, "error"), message)

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
