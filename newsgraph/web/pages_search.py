"""Search page: full text plus facets (source, dates, actor, event type, direct/indirect), paginated."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.errors import QueryError
from newsgraph.web.deps import render, store

router = APIRouter(include_in_schema=False)

KINDS = ("articles", "statements", "events")


def direct_flag(value: str | None) -> bool | None:
    """Return True for "direct", False for "indirect", None for anything else (both)."""
    return {"direct": True, "indirect": False, "true": True, "false": False}.get((value or "").lower())


def search_params(q: str | None, kind: str | None, actor: str | None, type_: str | None, source: str | None,
                  since: str | None, until: str | None, direct: str | None) -> dict[str, Any]:
    """Return the search form's values, normalised (empty strings for absent ones)."""
    return {"q": q or "", "kind": kind if kind in KINDS else "articles", "actor": actor or "", "type": type_ or "",
            "source": source or "", "since": since or "", "until": until or "", "direct": direct or ""}


def run_search(s: Any, params: dict[str, Any], cursor: str | None, limit: int = 20) -> Any:
    """Return the store's page of results for the search form's values."""
    return s.search(
        params["q"], kind=params["kind"], actor=params["actor"] or None, type=params["type"] or None,
        since=params["since"] or None, until=params["until"] or None, source=params["source"] or None,
        direct=direct_flag(params["direct"]), limit=limit, cursor=cursor,
    )


@router.get("/search", response_class=HTMLResponse, name="search_page")
def search_page(request: Request, q: str | None = None, kind: str | None = None, actor: str | None = None,
                type: str | None = None, source: str | None = None, since: str | None = None,  # noqa: A002
                until: str | None = None, direct: str | None = None, cursor: str | None = None,
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
