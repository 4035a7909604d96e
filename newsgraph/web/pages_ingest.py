"""Ingest page: paste text, upload an HTML file, or give a URL."""

from __future__ import annotations

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from newsgraph.web.deps import ApiError, check_csrf, rate_limit, render, state
from newsgraph.web.ingesting import fetch_url, given_fields, ingest, raw_from_text, raw_from_upload
from newsgraph.web.security import token_matches

router = APIRouter(include_in_schema=False)


@router.get("/ingest", response_class=HTMLResponse, name="ingest_page")
def ingest_page(request: Request) -> HTMLResponse:
    """Return the ingest form."""
    return render(request, "ingest.html", {"outcome": None, "errors": {}})


@router.post("/ingest", response_class=HTMLResponse, name="ingest_post")
async def ingest_post(request: Request, text: str = Form(""), url: str = Form(""), token: str = Form(""),
                      file: UploadFile | None = File(None), csrf_token: str = Form(""), title: str = Form(""),
                      published: str = Form(""), site: str = Form(""), byline: str = Form(""),
                      page_url: str = Form("")) -> HTMLResponse:
    """Ingest what the form gives (file, else URL, else text) and show the outcome."""
    from starlette.concurrency import run_in_threadpool

    check_csrf(request, csrf_token)
    st = state(request)
    rate_limit(st.ingest_limiter, request)
    # When the server has an API token, the browser form needs it too (the same write power).
    if st.settings.api_token and not token_matches(token, st.settings.api_token):
        raise ApiError(403 if token else 401, "this server needs the API token to ingest", "forbidden" if token else "unauthorized")
    upload = await file.read(st.settings.max_upload_bytes + 1) if file is not None and file.filename else b""
    if len(upload) > st.settings.max_upload_bytes:
        return render(request, "ingest.html", {"outcome": None, "errors": {
            "file": f"The file is over {st.settings.max_upload_bytes:,} bytes."}}, status=413)
    given = given_fields(url=page_url, title=title, published=published, site=site, byline=byline)
    if upload:
        source = f"upload:{file.filename}"
        outcome = await run_in_threadpool(ingest, st, lambda: raw_from_upload(upload, file.filename), source, given)
    elif url.strip():
        outcome = await st.run_fetch(ingest, st, lambda: fetch_url(st, url.strip()), url.strip(), given)
    elif text.strip():
        outcome = await run_in_threadpool(ingest, st, lambda: raw_from_text(text), "web:paste", given)
    else:
        return render(request, "ingest.html", {"outcome": None, "errors": {
            "text": "Paste some text, choose an HTML file, or give a URL."}}, status=422)
    return render(request, "ingest.html", {"outcome": outcome, "errors": {}}, status=200 if not outcome.error else 422)
