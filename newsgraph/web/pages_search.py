"""Search page: full text plus facets (source, dates, actor, event type, direct/indirect), paginated."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.errors import QueryError
from newsgraph.web.deps import render, store
from newsgraph.web.queries import KINDS, CursorParam, run_search, search_params

router = APIRouter(include_in_schema=False)

@router.get("/search", response_class=HTMLResponse, name="search_page")
def search_page(request: Request, q: str | None = None, kind: str | None = None, actor: str | None = None,
                type: str | None = None, source: str | None = None, since: str | None = None,  # noqa: A002
                until: str | None = None, direct: str | None = None, cursor: CursorParam = None,
                limit: int = Query(20, ge=1, le=100)) -> HTMLResponse:
    """Return the search form and, when anything was asked, one page of results."""
    params = search_params(q, kind, actor, type, source, since, until, direct)
    asked = any(params[k] for k in ("q", "actor", "type", "source", "since", "until", "direct"))
    page, error = None, None
    if asked:
        try:
            page = run_search(store(request), params, cursor, limit)
        except QueryError as err:
            error = str(err)
    if limit != 20:
        params["limit"] = limit  # kept in the next-page link
    return render(request, "search.html", {"params": params, "page": page, "error": error, "kinds": KINDS},
                  status=400 if error else 200)
