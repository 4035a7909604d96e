"""Article page: the annotated body, statements, events, related, share, comments."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsgraph.model import Analysis
from newsgraph.web.deps import ApiError, check_csrf, rate_limit, render, require_admin_token, state, store
from newsgraph.web.queries import ArticleId, CommentId, SpanParam, article_path, parse_span, validate_comment
from newsgraph.web.render import render_body

router = APIRouter(include_in_schema=False)

#: The article a hide form goes back to: an id, never a path (a "/" would make a link elsewhere).
BackTo = Annotated[str, Form(min_length=1, max_length=200, pattern=r"^[^/\\?#\x00-\x1f]+$")]


def article_context(analysis: Analysis, highlight: tuple[int, int] | None = None) -> dict[str, Any]:
    """Return what the article template needs from an analysis (names resolved, body rendered)."""
    names = {a.id: a.name for a in analysis.actors}
    statements = [{
        "anchor": f"s-{n}", "speaker": names.get(st.speaker or "", st.speaker_text or "unknown speaker"),
        "content": st.content, "direct": st.direct, "cue": st.cue, "start": st.start, "end": st.end,
    } for n, st in enumerate(analysis.statements)]
    events = [{
        "anchor": f"e-{n}", "type": ev.type, "mode": ev.mode, "date": ev.date, "date_text": ev.date_text,
        "actors": [(names.get(ea.actor, ea.actor), ea.role) for ea in ev.actors],
        "place": names.get(ev.place or "", ev.place), "text": ev.text,
        "evidence": [f"e-{n}-{k}" for k in range(len(ev.evidence))],
    } for n, ev in enumerate(analysis.events)]
    rendered = render_body(analysis, highlight)
    return {"analysis": analysis, "article": analysis.article, "body_html": rendered.html,
            "skipped": rendered.skipped, "drawn": rendered.drawn, "statements": statements, "events": events}


def _article_page(request: Request, article_id: str, *, hl: str | None = None, form: dict | None = None,
                  errors: dict | None = None, status: int = 200, message: str | None = None) -> HTMLResponse:
    s = store(request)
    analysis = s.get_analysis(article_id)
    context = article_context(analysis, parse_span(hl))
    context.update({
        "related": s.related(article_id), "comments": s.comments(article_id),
        "form": {k: v for k, v in (form or {}).items() if k != "email"}, "errors": errors or {}, "message": message,
        "permalink": state(request).settings.public_url(article_path(article_id)),
        "max_comment_chars": state(request).settings.max_comment_chars,
    })
    return render(request, "article.html", context, status=status)


@router.get("/articles/{article_id}", response_class=HTMLResponse, name="article_page")
def article_page(request: Request, article_id: ArticleId, hl: SpanParam = None) -> HTMLResponse:
    """Return the article page; ``hl=START-END`` marks a cited span (anchor ``#hl``)."""
    return _article_page(request, article_id, hl=hl)


@router.post("/articles/{article_id}/comments", name="post_comment")
def post_comment(request: Request, article_id: ArticleId, name: str = Form(""), email: str = Form(""),
                 body: str = Form(""), csrf_token: str = Form("")) -> Response:
    """Add a comment (303 to it), or show the form again with a message next to each bad field."""
    check_csrf(request, csrf_token)
    st = state(request)
    rate_limit(st.comment_limiter, request)
    if not st.store.has_article(article_id):
        raise ApiError(404, f"no article {article_id!r}", "not_found")
    errors = validate_comment(name, email, body, st.settings.max_comment_chars)
    if errors:
        return _article_page(request, article_id, form={"name": name, "email": email, "body": body},
                             errors=errors, status=422)
    comment = st.store.add_comment(article_id, name=name.strip(), email=email.strip(), body=body.strip())
    url = st.settings.public_url(article_path(article_id)) + f"#comment-{comment.id}"
    return RedirectResponse(url, status_code=303)


@router.post("/comments/{comment_id}/hide", name="hide_comment")
def hide_comment(request: Request, comment_id: CommentId, article_id: BackTo, admin_token: str = Form(""),
                 csrf_token: str = Form("")) -> Response:
    """Hide a comment (admin token required), then go back to its article."""
    check_csrf(request, csrf_token)
    rate_limit(state(request).comment_limiter, request)  # also slows guessing the admin token
    require_admin_token(request, admin_token)
    store(request).hide_comment(comment_id)
    back = state(request).settings.public_url(article_path(article_id)) + "#comments"
    return RedirectResponse(back, status_code=303)
