"""Ingest from the browser or the API: pasted text, an uploaded HTML file, or a URL.

Each goes through the same stages as ``newsgraph ingest``: RawDocument ->
``extract_article`` -> the analyzer -> ``Store.save``.  A failure is recorded
in the store's ingest errors (shown on the home page) and reported as one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.errors import NewsgraphError
from newsgraph.model import IngestFailure, RawDocument
from newsgraph.web.app import AppState


@dataclass
class IngestOutcome:
    """What happened to one submitted document."""

    source: str
    article_id: str | None = None
    status: str | None = None  # the store's "new", "unchanged", "updated"
    error: str | None = None
    stage: str | None = None
    error_type: str | None = None  # the exception's class name, e.g. "PrivateAddressError"


def raw_from_text(text: str, url: str | None = None) -> RawDocument:
    """Return a RawDocument for pasted article text."""
    return RawDocument(content=text.encode("utf-8"), source="web:paste", content_type="text/plain; charset=utf-8",
                       url=url or None)


def raw_from_upload(content: bytes, filename: str | None) -> RawDocument:
    """Return a RawDocument for an uploaded HTML file."""
    return RawDocument(content=content, source=f"upload:{filename or 'file.html'}", content_type="text/html")


def fetch_url(st: AppState, url: str) -> RawDocument:
    """Fetch ``url`` under the address policy (private addresses refused unless allowed).

    Only http(s) URLs are taken here, never a path: a form must not read the server's files.
    """
    from newsgraph.ingest import http, netpolicy

    netpolicy.check_url(url, allow_private=st.settings.allow_private)
    return http.fetch(url, allow_private=st.settings.allow_private, timeout=st.settings.fetch_timeout,
                      max_bytes=st.settings.max_upload_bytes)


def ingest(st: AppState, make_raw, source: str) -> IngestOutcome:  # noqa: ANN001 - a zero-argument callable
    """Read, extract, analyse and store one document; return the outcome (errors are recorded, not raised)."""
    from newsgraph.extract import extract_article

    stage = "ingest"
    try:
        raw = make_raw()
        stage = "extract"
        article = extract_article(raw, max_bytes=st.settings.max_upload_bytes)
        stage = "analyze"
        analysis = st.analyzer().analyze_article(article)
        stage = "store"
        result = st.store.save(analysis, raw=raw)
    except NewsgraphError as err:
        st.store.record_failure(IngestFailure(source=source, stage=stage, error=str(err), error_type=type(err).__name__))
        return IngestOutcome(source=source, error=str(err), stage=stage, error_type=type(err).__name__)
    return IngestOutcome(source=source, article_id=result.article_id, status=result.status)
