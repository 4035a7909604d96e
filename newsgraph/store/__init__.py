"""The corpus store: every analysis kept in SQLite (default) or PostgreSQL.

``Store(url)`` opens (or creates) the database and migrates it to the newest
schema (Alembic, run programmatically).  Each article and all its facts are
written in one transaction, so an interrupted ingest never leaves half an
article.  Across articles the store resolves actors (knowledge-base id, else
Wikidata id, else normalised name + type with the aliases seen) and events
(same PLOVER type, same corpus actors, compatible dates) into corpus-level
records, each with its evidence: article id + offsets into that article's body.

Usage::

    store = Store("sqlite:///newsgraph.db")     # or "postgresql+psycopg://user@host/db"
    result = store.save(analysis, raw=raw_document)
    page = store.search("Haniyeh meeting", kind="statements")
    store.close()

The store is safe to share between threads (one SQLAlchemy engine, a
connection pool) and between processes (SQLite WAL mode with a busy timeout;
PostgreSQL with a transaction-level advisory lock around writes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from newsgraph.model import (
    Analysis,
    ArticleSummary,
    Comment,
    CorpusActor,
    IngestFailure,
    NetworkEdge,
    RawDocument,
    TimelineItem,
)
from newsgraph.store.records import ExportFormat, Page, SaveResult, SearchHit, SearchKind

__all__ = ["Store", "Page", "SaveResult", "SearchHit"]

DateLike = str | dt.date | None


class Store:
    """A newsgraph corpus in one database (SQLAlchemy URL)."""

    def __init__(self, url: str) -> None:
        """Open or create the database at ``url`` and migrate it to the newest schema.

        ``sqlite:///path.db`` (WAL mode, busy timeout) or ``postgresql+psycopg://...``.
        Raises ``StoreError`` naming the URL (password hidden) when it cannot be opened.
        """
        raise NotImplementedError

    # ----------------------------------------------------------- writing

    def save(self, analysis: Analysis, *, raw: RawDocument | None = None) -> SaveResult:
        """Store one analysis (and its raw document) in one transaction; return what was done.

        Same article id, or same normalised text from another source: "unchanged".
        Same id with a changed text: "updated" (old facts kept, marked superseded).
        Raises ``StoreError`` (naming the article's source) when the analysis is
        inconsistent (an offset that does not cite its text, an unknown actor id)
        or the database refuses it; nothing of the article is then written.
        """
        raise NotImplementedError

    def save_many(
        self,
        analyses: Iterable[Analysis],
        *,
        raws: Iterable[RawDocument | None] | None = None,
        batch_size: int = 100,
    ) -> list[SaveResult]:
        """Store many analyses in batched transactions (for a single writer); return one result each.

        Each batch is one transaction; an article that cannot be stored gets a
        "failed" result and an ``ingest_failures`` row, and the others in its
        batch are still stored.  ``raws``, when given, pairs with ``analyses``.
        """
        raise NotImplementedError

    def record_failure(self, failure: IngestFailure) -> None:
        """Record an input that could not be read, extracted, analysed or stored."""
        raise NotImplementedError

    # ----------------------------------------------------------- articles

    def has_article(self, article_id: str) -> bool:
        """Return True when an article with this id (or stored as a copy of one) is in the store."""
        raise NotImplementedError

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Return those of ``ids`` that are already stored (to skip them on a resumed run)."""
        raise NotImplementedError

    def get_analysis(self, article_id: str) -> Analysis:
        """Return the current version's Analysis, exactly as it was saved. Raises NotFoundError."""
        raise NotImplementedError

    def get_raw(self, article_id: str) -> bytes | None:
        """Return the raw document bytes saved with the current version, or None."""
        raise NotImplementedError

    def recent_articles(self, limit: int = 20, cursor: str | None = None) -> Page[ArticleSummary]:
        """Return the most recently stored articles, newest first, one page at a time."""
        raise NotImplementedError

    def counts(self) -> dict[str, int]:
        """Return counts: articles, actors, statements, events, comments, failures (current facts only)."""
        raise NotImplementedError

    def failures(self, limit: int = 50) -> list[IngestFailure]:
        """Return the most recent ingest failures, newest first."""
        raise NotImplementedError

    # ------------------------------------------------------------- search

    def search(
        self,
        query: str,
        *,
        kind: SearchKind = "articles",
        actor: str | int | None = None,
        type: str | None = None,  # noqa: A002  (PLOVER event type, as in the CLI's --type)
        since: DateLike = None,
        until: DateLike = None,
        source: str | None = None,
        direct: bool | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> Page[ArticleSummary] | Page[SearchHit]:
        """Full-text search; return a page of ArticleSummary (articles) or SearchHit (statements, events).

        ``query`` is untrusted text: words, "quoted phrases", ``OR`` and
        ``-word``; everything else is treated as plain words.  An empty query
        with filters lists by date.  ``actor`` is a corpus actor id or name,
        ``type`` a PLOVER event type, ``since``/``until`` ISO dates (inclusive),
        ``source`` a site name, host or source, ``direct`` keeps only direct
        (True) or reported (False) statements.  Raises QueryError for a filter
        or query that cannot be understood (e.g. a bad date, a query over 2,000
        characters).
        """
        raise NotImplementedError

    # ------------------------------------------------------------- actors

    def find_actor(self, name: str) -> CorpusActor:
        """Return the corpus actor best matching ``name`` (a name or alias seen). Raises NotFoundError."""
        raise NotImplementedError

    def get_actor(self, actor_id: int) -> CorpusActor:
        """Return the corpus actor with this id. Raises NotFoundError."""
        raise NotImplementedError

    def list_actors(
        self, query: str | None = None, limit: int = 50, cursor: str | None = None
    ) -> Page[CorpusActor]:
        """Return actors (most mentioned first), optionally those whose name or alias contains ``query``."""
        raise NotImplementedError

    def actor_timeline(self, actor_id: int) -> list[TimelineItem]:
        """Return the actor's statements and events, oldest first, each with its evidence."""
        raise NotImplementedError

    def actor_meetings(self, actor_id: int) -> list[NetworkEdge]:
        """Return the CONSULT edges (who the actor met) with dates and evidence."""
        raise NotImplementedError

    def network(
        self,
        *,
        actor: str | int | None = None,
        since: DateLike = None,
        until: DateLike = None,
        types: Sequence[str] | None = ("CONSULT",),
    ) -> list[NetworkEdge]:
        """Return actor-to-actor edges from corpus events of ``types`` (None: all types), with evidence."""
        raise NotImplementedError

    def related(self, article_id: str, limit: int = 10) -> list[ArticleSummary]:
        """Return other articles sharing actors and events with this one, best first (score = strength)."""
        raise NotImplementedError

    # ------------------------------------------------------------- export

    def export(self, format: ExportFormat) -> Iterator[str]:  # noqa: A002
        """Yield the corpus as lines (each ending in a newline), streamed, no row cap.

        "jsonl": one Analysis per article; "csv": one row per fact (header
        first); "events": one row per corpus event, GDELT-like columns (date,
        source actor, target actor, type, mode, place, articles, sources, URLs).
        """
        raise NotImplementedError

    # ----------------------------------------------------------- comments

    def add_comment(self, article_id: str, *, name: str, email: str, body: str) -> Comment:
        """Store an analyst's comment; return it (without the email, which is never returned)."""
        raise NotImplementedError

    def comments(self, article_id: str, include_hidden: bool = False) -> list[Comment]:
        """Return the article's comments, oldest first."""
        raise NotImplementedError

    def hide_comment(self, comment_id: int) -> None:
        """Hide a comment (kept, not shown). Raises NotFoundError."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the database connections."""
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
