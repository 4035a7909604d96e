"""JSON API: articles, their record (JSON, CSV), related articles, comments."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Query, Request, Security
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from newsgraph.model import Analysis, ArticleSummary
from newsgraph.store.export import csv_line
from newsgraph.web.deps import ApiError, api_admin_auth, api_comment_auth, state, store
from newsgraph.web.queries import ArticleId, CommentId, CursorParam, checked_cursor, validate_comment

router = APIRouter(prefix="/api/v1", tags=["articles"])

CSV_COLUMNS = ["kind", "index", "start", "end", "text", "actor", "actor_type", "speaker", "cue", "direct",
               "event_type", "mode", "date", "category"]


class PageOut(BaseModel):
    """One page of a list; pass ``next_cursor`` back as ``cursor`` (null: no more)."""

    items: list[Any]
    next_cursor: str | None = None


class CommentIn(BaseModel):
    name: str = Field(max_length=100)
    email: str = Field(max_length=254)
    body: str


def comment_out(comment: Any) -> dict[str, Any]:
    """Return a comment as JSON fields, never with an email."""
    return {"id": comment.id, "article_id": comment.article_id, "name": comment.name, "body": comment.body,
            "created_at": comment.created_at.isoformat(), "hidden": comment.hidden}


def page_out(page: Any) -> dict[str, Any]:
    """Return a store Page as JSON."""
    return {"items": [item.model_dump(mode="json") for item in page.items], "next_cursor": page.next_cursor}


@router.get("/articles", response_model=PageOut, summary="Recent articles, newest first")
def api_articles(request: Request, limit: int = Query(20, ge=1, le=200), cursor: CursorParam = None) -> dict:
    """Return one page of the most recently stored articles."""
    return page_out(store(request).recent_articles(limit=limit, cursor=checked_cursor(cursor)))


@router.get("/articles/{article_id}", response_model=Analysis, name="api_article", summary="An article's record")
def api_article(request: Request, article_id: ArticleId) -> Analysis:
    """Return the full analysis of one article: body, actors, statements, events, dates, framing."""
    return store(request).get_analysis(article_id)


def analysis_rows(analysis: Analysis) -> Iterator[list[Any]]:
    """Yield one CSV row per fact of an analysis (mentions, statements, events, dates, framing)."""
    names = {a.id: a.name for a in analysis.actors}
    for actor in analysis.actors:
        for n, m in enumerate(actor.mentions):
            yield ["mention", n, m.start, m.end, m.text, actor.name, actor.type, "", "", "", "", "", "", ""]
    for n, st in enumerate(analysis.statements):
        yield ["statement", n, st.start, st.end, st.content, "", "", names.get(st.speaker or "", st.speaker_text or ""),
               st.cue or "", st.direct, "", "", "", ""]
    for n, ev in enumerate(analysis.events):
        actors = "; ".join(f"{names.get(a.actor, a.actor)} ({a.role})" for a in ev.actors)
        yield ["event", n, ev.start, ev.end, ev.text, actors, "", "", "", "", ev.type, ev.mode or "", ev.date or "", ""]
    for n, d in enumerate(analysis.dates):
        yield ["date", n, d.start, d.end, d.text, "", "", "", "", "", "", "", d.value or "", ""]
    for n, f in enumerate(analysis.framing):
        yield ["framing", n, f.start, f.end, f.text, "", "", "", "", "", "", "", "", f.category]


def _csv_lines(rows: Iterator[list[Any]]) -> Iterator[str]:
    yield csv_line(CSV_COLUMNS)
    for row in rows:
        yield csv_line(row)


@router.get("/articles/{article_id}/csv", name="api_article_csv", summary="An article's facts as CSV",
            response_class=StreamingResponse)
def api_article_csv(request: Request, article_id: ArticleId) -> StreamingResponse:
    """Return one CSV row per fact of the article, each with its offsets."""
    analysis = store(request).get_analysis(article_id)
    return StreamingResponse(_csv_lines(analysis_rows(analysis)), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{_safe_name(article_id)}.csv"'})


def _safe_name(value: str) -> str:
    return "".join(c for c in value if c.isalnum() or c in "-_")[:80] or "article"


@router.get("/articles/{article_id}/related", response_model=list[ArticleSummary], summary="Related articles")
def api_related(request: Request, article_id: ArticleId) -> list[ArticleSummary]:
    """Return articles sharing actors and events with this one (the page's own links are in its record)."""
    s = store(request)
    if not s.has_article(article_id):
        raise ApiError(404, f"no article {article_id!r}")
    return s.related(article_id)


@router.get("/articles/{article_id}/comments", summary="An article's comments, oldest first")
def api_comments(request: Request, article_id: ArticleId) -> list[dict]:
    """Return the visible comments (names and text; emails are never returned)."""
    s = store(request)
    if not s.has_article(article_id):
        raise ApiError(404, f"no article {article_id!r}")
    return [comment_out(c) for c in s.comments(article_id)]


@router.post("/articles/{article_id}/comments", status_code=201, summary="Add a comment (API token)",
             dependencies=[Security(api_comment_auth)])
def api_add_comment(request: Request, article_id: ArticleId, comment: CommentIn) -> dict:
    """Add a comment; needs ``Authorization: Bearer <API token>``. Returns it without the email."""
    st = state(request)
    if not st.store.has_article(article_id):
        raise ApiError(404, f"no article {article_id!r}")
    errors = validate_comment(comment.name, comment.email, comment.body, st.settings.max_comment_chars)
    if errors:
        raise ApiError(422, "; ".join(f"{k}: {v}" for k, v in errors.items()), "invalid")
    saved = st.store.add_comment(article_id, name=comment.name.strip(), email=comment.email.strip(),
                                 body=comment.body.strip())
    return comment_out(saved)


@router.post("/comments/{comment_id}/hide", status_code=204, summary="Hide a comment (admin token)",
             dependencies=[Security(api_admin_auth)])
def api_hide_comment(request: Request, comment_id: CommentId) -> None:
    """Hide a comment; needs ``Authorization: Bearer <admin token>``."""
    store(request).hide_comment(comment_id)
