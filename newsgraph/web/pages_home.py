"""Home page: recent articles, a search box, counts, ingest errors."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.web.deps import render, store
from newsgraph.web.queries import CursorParam, checked_cursor

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse, name="home")
def home(request: Request, cursor: CursorParam = None) -> HTMLResponse:
    """Return the home page."""
    s = store(request)
    page = s.recent_articles(limit=20, cursor=checked_cursor(cursor))
    return render(request, "home.html", {
        "page": page, "counts": s.counts(), "failures": s.failures(limit=20), "cursor": cursor,
    })
