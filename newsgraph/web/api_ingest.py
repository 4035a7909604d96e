"""JSON API: ingest (token required)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Security
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from newsgraph.web.deps import ApiError, api_ingest_auth, state
from newsgraph.web.ingesting import fetch_url, given_fields, ingest, raw_from_text, raw_from_upload

router = APIRouter(prefix="/api/v1", tags=["ingest"])


class IngestIn(BaseModel):
    """Exactly one of ``text`` (article text), ``html`` (a page's HTML) or ``url`` (fetched), plus what you know of it.

    The metadata fields win over what extraction guesses, and the article's warnings say they were given.
    """

    text: str | None = None
    html: str | None = None
    url: str | None = Field(None, description="http(s) only; private addresses refused unless the server allows them")
    page_url: str | None = Field(None, description="the article's URL, for text or html (not fetched): gives its id and site")
    title: str | None = Field(None, description="the headline")
    published: str | None = Field(None, description="publication date or time, e.g. 2023-06-22T20:22")
    site: str | None = Field(None, description="the outlet, e.g. ISWNews")
    byline: str | None = Field(None, description="author or agency credit")


class IngestOut(BaseModel):
    source: str
    article_id: str
    status: str


@router.post("/ingest", response_model=IngestOut, status_code=201, summary="Ingest one article (API token)",
             dependencies=[Security(api_ingest_auth)])
async def api_ingest(request: Request, doc: IngestIn) -> IngestOut:
    """Read, analyse and store one article; needs ``Authorization: Bearer <API token>``.

    A document that cannot be read or has no article answers 422 with the one-line reason
    (and is listed in the ingest errors); a private address answers 403.
    """
    st = state(request)
    given = [k for k in ("text", "html", "url") if getattr(doc, k)]
    if len(given) != 1:
        raise ApiError(422, "give exactly one of text, html or url", "invalid")
    meta = given_fields(url=doc.page_url, title=doc.title, published=doc.published, site=doc.site, byline=doc.byline)
    if doc.text:
        outcome = await run_in_threadpool(ingest, st, lambda: raw_from_text(doc.text, source="api:text"), "api:text", meta)
    elif doc.html:
        outcome = await run_in_threadpool(ingest, st, lambda: raw_from_upload(doc.html.encode("utf-8"), "api.html",
                                                                               source="api:html"), "api:html", meta)
    else:
        url = doc.url.strip()
        outcome = await st.run_fetch(ingest, st, lambda: fetch_url(st, url), url, meta)  # bounded pool (W)
    if outcome.error:
        if outcome.error_type == "PrivateAddressError":
            raise ApiError(403, outcome.error, "private_address")
        raise ApiError(422, outcome.error, "unreadable")
    return IngestOut(source=outcome.source, article_id=outcome.article_id, status=outcome.status)
