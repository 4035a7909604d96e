"""Article page: the annotated body, statements, events, related, share, comments."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from newsgraph.errors import QueryError
from newsgraph.model import Analysis
from newsgraph.web.deps import ApiError, check_csrf, rate_limit, render, require_admin_token, state, store, templates
from newsgraph.web.queries import ArticleId, CommentId, SpanParam, article_path, parse_span, validate_comment

#: A fact's page anchor: statement, event or the article's actor (store/notes.py checks it names one).
FactAnchor = Annotated[str, Path(max_length=90, pattern=r"^(s-[0-9]{1,6}|e-[0-9]{1,6}|actor-[A-Za-z0-9_.:-]{1,80})$")]
from newsgraph.store.lookup import actor_key
from newsgraph.web.framing_names import category_description, category_name, split_categories
from newsgraph.web.render import render_body

router = APIRouter(include_in_schema=False)
templates.env.filters["framing_name"] = category_name
templates.env.filters["framing_description"] = category_description
templates.env.globals.setdefault("actor_key", actor_key)

#: The article a hide form goes back to: an id, never a path (a "/" would make a link elsewhere).
BackTo = Annotated[str, Form(min_length=1, max_length=200, pattern=r"^[^/\\?#\x00-\x1f]+$")]

#: Past this many statements, events or actors a list shows its first ones and folds the rest (a long
#: article's thousands of facts stay on one page, each still reachable by its #fact- link).
FACT_LIST_LIMIT = 200

def _snippet(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def article_context(analysis: Analysis, highlight: tuple[int, int] | None = None) -> dict[str, Any]:
    """Return what the article template needs from an analysis (names resolved, body rendered)."""
    names = {a.id: a.name for a in analysis.actors}
    keys = {a.id: actor_key(a.kb_id, a.name, a.type) for a in analysis.actors}
    statements = [{
        "anchor": f"s-{n}", "speaker": names.get(st.speaker or "", st.speaker_text or "unknown speaker"),
        "speaker_key": keys.get(st.speaker or ""),
        "content": st.content, "direct": st.direct, "cue": st.cue, "start": st.start, "end": st.end,
    } for n, st in enumerate(analysis.statements)]
    events = [{
        "anchor": f"e-{n}", "type": ev.type, "mode": ev.mode, "date": ev.date, "date_text": ev.date_text,
        "date_precision": ev.date_precision,
        "actors": [(names.get(ea.actor, ea.actor), ea.role, keys.get(ea.actor)) for ea in ev.actors],
        "place": names.get(ev.place or "", ev.place), "place_key": keys.get(ev.place or ""), "text": ev.text,
        "evidence": [(f"e-{n}-{k}", _snippet(span.text)) for k, span in enumerate(ev.evidence)],
    } for n, ev in enumerate(analysis.events)]
    actors = [{"anchor": f"actor-{a.id}", "actor": a, "key": keys[a.id]} for a in analysis.actors]
    rendered = render_body(analysis, highlight)
    framing: dict[str, int] = {}
    for f in analysis.framing:
        for category in split_categories(f.category):
            framing[category] = framing.get(category, 0) + 1
    return {"analysis": analysis, "article": analysis.article, "body_html": rendered.html,
            "skipped": rendered.skipped, "drawn": rendered.drawn, "statements": statements, "events": events,
            "actors": actors, "framing_counts": sorted(framing.items(), key=lambda kv: (-kv[1], kv[0]))}


def _notes_by_fact(notes: list) -> dict[str, list]:
    out: dict[str, list] = {}
    for note in notes:
        out.setdefault(note.fact, []).append(note)
    return out


def _article_page(request: Request, article_id: str, *, hl: str | None = None, form: dict | None = None,
                  errors: dict | None = None, status: int = 200, message: str | None = None,
                  note_form: dict | None = None, note_errors: dict | None = None) -> HTMLResponse:
    s = store(request)
    analysis = s.get_analysis(article_id)
    context = article_context(analysis, parse_span(hl))
    context.update({
        "related": s.related(article_id), "comments": s.comments(article_id),
        "notes": _notes_by_fact(s.fact_notes(article_id)), "note_form": note_form or {}, "note_errors": note_errors or {},
        "form": {k: v for k, v in (form or {}).items() if k != "email"}, "errors": errors or {}, "message": message,
        "permalink": state(request).settings.public_url(article_path(article_id)),
        "max_comment_chars": state(request).settings.max_comment_chars, "fact_list_limit": FACT_LIST_LIMIT,
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


@router.post("/articles/{article_id}/facts/{fact}/notes", name="post_fact_note")
def post_fact_note(request: Request, article_id: ArticleId, fact: FactAnchor, name: str = Form(""),
                   email: str = Form(""), body: str = Form(""), kind: str = Form("comment"),
                   csrf_token: str = Form("")) -> Response:
    """Add a comment on one fact, or flag it as wrong (kind=flag; the comment says why); 303 to the note."""
    check_csrf(request, csrf_token)
    st = state(request)
    rate_limit(st.comment_limiter, request)
    if not st.store.has_article(article_id):
        raise ApiError(404, f"no article {article_id!r}", "not_found")
    if kind not in ("comment", "flag"):
        raise ApiError(422, "kind: comment or flag", "invalid")
    errors = validate_comment(name, email, body, st.settings.max_comment_chars)
    if errors:
        return _article_page(request, article_id, note_form={"fact": fact, "name": name, "body": body, "kind": kind},
                             note_errors=errors, status=422)
    try:
        note = st.store.add_fact_note(article_id, fact, kind=kind, name=name.strip(), email=email.strip(),
                                      body=body.strip())
    except QueryError as err:
        raise ApiError(404, str(err), "not_found") from err
    return RedirectResponse(st.settings.public_url(article_path(article_id)) + f"#note-{note.id}", status_code=303)


@router.post("/fact-notes/{note_id}/hide", name="hide_fact_note")
def hide_fact_note(request: Request, note_id: CommentId, admin_token: str = Form(""),
                   csrf_token: str = Form("")) -> Response:
    """Hide a fact note (admin token required), then go back to its article."""
    check_csrf(request, csrf_token)
    rate_limit(state(request).comment_limiter, request)
    require_admin_token(request, admin_token)
    article_id = store(request).hide_fact_note(note_id)
    back = state(request).settings.public_url(article_path(article_id)) + "#fact-notes"
    return RedirectResponse(back, status_code=303)


@router.get("/fact-notes.csv", name="fact_notes_csv")
def fact_notes_csv(request: Request, kind: str | None = None) -> Response:
    """Return every shown fact note (``kind=flag``: only the "wrong" flags) as CSV, streamed."""
    chosen = kind if kind in ("comment", "flag") else None
    return StreamingResponse(store(request).export_fact_notes(chosen), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{chosen or "fact-note"}s.csv"'})
