"""JSON API: articles, their record (JSON, CSV), related articles, comments."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request, Security
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from newsgraph.model import Analysis, ArticleSummary
from newsgraph.web.deps import ApiError, api_admin_auth, api_comment_auth, state, store
from newsgraph.web.queries import ArticleId, CommentId, CursorParam, checked_cursor, validate_comment

router = APIRouter(prefix="/api/v1", tags=["articles"])


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


@router.get("/articles/{article_id}/csv", name="api_article_csv", summary="An article's facts as CSV",
            response_class=StreamingResponse)
def api_article_csv(request: Request, article_id: ArticleId) -> StreamingResponse:
    """Return one CSV row per fact of the article (statements, events, framing, mentions, dates), each with
    its offsets, in the one fact schema of every fact CSV (the corpus export's columns)."""
    from newsgraph.store.facts import FACT_KINDS

    s = store(request)
    stored = s.get_analysis(article_id).article.id  # 404 for an unknown article
    return StreamingResponse(s.export("csv", facts=FACT_KINDS, article=stored), media_type="text/csv; charset=utf-8",
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
