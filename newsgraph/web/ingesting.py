"""Ingest from the browser or the API: pasted text, an uploaded HTML file, or a URL.

Each goes through ``newsgraph.process`` (read -> extract -> analyse -> store),
the loop ``newsgraph ingest`` runs, with its one failure rule: whatever a page
makes a library raise is one failure, recorded in the store's ingest errors
(shown on the home page) and reported as one line, never an HTTP 500.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.model import IngestFailure, RawDocument
from newsgraph.process import GIVEN_FIELDS, Options, process

if TYPE_CHECKING:
    from newsgraph.web.deps import AppState


@dataclass
class IngestOutcome:
    """What happened to one submitted document."""

    source: str
    article_id: str | None = None
    status: str | None = None  # the store's "new", "unchanged", "updated"
    error: str | None = None
    stage: str | None = None
    error_type: str | None = None  # the exception's class name, e.g. "PrivateAddressError"


def given_fields(**values: str | None) -> dict[str, str]:
    """Return the metadata a form or API call gave (url, title, published, site, byline), blanks dropped."""
    return {k: v.strip() for k, v in values.items() if k in GIVEN_FIELDS and v and v.strip()}


def raw_from_text(text: str, given: dict[str, str] | None = None, source: str = "web:paste") -> RawDocument:
    """Return a RawDocument for pasted article text, with the metadata given beside it; its capture time is
    now (text pasted into the form is, as a rule, copied from an open page just before)."""
    given = dict(given or {})
    return RawDocument(content=text.encode("utf-8"), source=source, content_type="text/plain; charset=utf-8",
                       url=given.get("url"), given=given, fetched_at=dt.datetime.now(dt.timezone.utc))


def raw_from_upload(content: bytes, filename: str | None, given: dict[str, str] | None = None,
                    source: str | None = None) -> RawDocument:
    """Return a RawDocument for an uploaded HTML file."""
    given = dict(given or {})
    return RawDocument(content=content, source=source or f"upload:{filename or 'file.html'}",
                       content_type="text/html", url=given.get("url"), given=given)


def fetch_url(st: AppState, url: str) -> RawDocument:
    """Fetch ``url`` under the address policy (private addresses refused unless allowed).

    Only http(s) URLs are taken here, never a path: a form must not read the server's files.
    """
    from newsgraph.ingest import http, netpolicy

    netpolicy.check_url(url, allow_private=st.settings.allow_private)
    return http.fetch(url, allow_private=st.settings.allow_private, timeout=st.settings.fetch_timeout,
                      max_bytes=st.settings.max_upload_bytes)


class _LazyAnalyzer:
    """The app's Analyzer, loaded on first use: a refused URL or an unreadable upload answers without
    waiting for spaCy, and a model that cannot load is the document's one analyze failure, not a 500."""

    def __init__(self, st: AppState) -> None:
        self._st = st

    def pipe(self, articles, batch_size: int = 16):  # noqa: ANN001, ANN201 - Analyzer.pipe's signature
        """Return the loaded Analyzer's ``pipe`` over ``articles``."""
        return self._st.analyzer().pipe(articles, batch_size=batch_size)

    def analyze_article(self, article):  # noqa: ANN001, ANN201 - Analyzer.analyze_article's signature
        """Return the loaded Analyzer's Analysis of ``article``."""
        return self._st.analyzer().analyze_article(article)


def _one(make_raw: Callable[[], RawDocument]) -> Iterator[RawDocument]:
    yield make_raw()


def ingest(st: AppState, make_raw: Callable[[], RawDocument], source: str,
           given: dict[str, str] | None = None) -> IngestOutcome:
    """Read, extract, analyse and store one document; return the outcome (failures are recorded, not raised).

    ``given`` metadata (url, title, published, site, byline) wins over what extraction finds.
    """
    options = Options(allow_private=st.settings.allow_private, timeout=st.settings.fetch_timeout,
                      max_bytes=st.settings.max_upload_bytes, given=dict(given or {}))
    for outcome in process(documents=_one(make_raw), options=options, analyzer=_LazyAnalyzer(st), store=st.store,
                           name=source):
        if isinstance(outcome, IngestFailure):
            return IngestOutcome(source=source, error=outcome.error, stage=outcome.stage, error_type=outcome.error_type)
        saved_id = outcome.saved.article_id if outcome.saved else outcome.article.id
        status = outcome.saved.status if outcome.saved else "unchanged"  # "skipped": stored before, same text
        return IngestOutcome(source=source, article_id=saved_id, status=status)
    return IngestOutcome(source=source, error=f"{source}: no document", stage="ingest", error_type="InputError")
