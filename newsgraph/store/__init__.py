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
from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from newsgraph.errors import NotFoundError, QueryError, StoreError
from newsgraph.model import (
    Analysis,
    Article,
    ArticleSummary,
    Comment,
    CorpusActor,
    IngestFailure,
    NetworkEdge,
    RawDocument,
    TimelineItem,
)
from newsgraph.store import corpus as _corpus
from newsgraph.store.analyst import AnalystStore
from newsgraph.store import engine as _engine
from newsgraph.store import export as _export
from newsgraph.store import read as _read
from newsgraph.store import schema as _schema
from newsgraph.store import search as _search
from newsgraph.store import util as _util
from newsgraph.store import workbench as _workbench
from newsgraph.store import write as _write
from newsgraph.store.records import Page, SaveResult, SearchHit, SearchKind

__all__ = ["Store", "Page", "SaveResult", "SearchHit"]

DateLike = str | dt.date | None


class Store(AnalystStore, _workbench.Workbench):
    """A newsgraph corpus in one database (SQLAlchemy URL)."""

    def __init__(self, url: str) -> None:
        """Open or create the database at ``url`` and migrate it to the newest schema.

        ``sqlite:///path.db`` (WAL mode, busy timeout) or ``postgresql+psycopg://...``.
        Raises ``StoreError`` naming the URL (password hidden) when it cannot be opened.
        """
        self.url = url
        self.engine = _engine.create(url)
        try:
            _engine.migrate(self.engine)
        except StoreError:
            self.engine.dispose()
            raise
        except (sa.exc.SQLAlchemyError, OSError) as err:
            self.engine.dispose()
            raise StoreError(f"cannot open or migrate the database: {_one_line(err)}", source=_engine.safe_url(url)) from err
        self.dialect = self.engine.dialect.name

    # ----------------------------------------------------------- writing

    def save(self, analysis: Analysis, *, raw: RawDocument | None = None) -> SaveResult:
        """Store one analysis (and its raw document) in one transaction; return what was done.

        Same article id, or same normalised text from another source: "unchanged".
        Same id with a changed text: "updated" (old facts kept, marked superseded).
        Raises ``StoreError`` (naming the article's source) when the analysis is
        inconsistent (an offset that does not cite its text, an unknown actor id)
        or the database refuses it; nothing of the article is then written.
        """
        try:
            with _engine.write_transaction(self.engine) as conn:
                return _write.save_analysis(conn, analysis, raw)
        except sa.exc.SQLAlchemyError as err:
            raise StoreError(f"could not store the article: {_one_line(err)}", source=analysis.article.source) from err

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
        results: list[SaveResult] = []
        raw_iter = iter(raws) if raws is not None else None
        batch: list[tuple[Analysis, RawDocument | None]] = []
        for analysis in analyses:
            batch.append((analysis, next(raw_iter, None) if raw_iter is not None else None))
            if len(batch) >= batch_size:
                results += self._save_batch(batch)
                batch = []
        if batch:
            results += self._save_batch(batch)
        return results

    def _save_batch(self, batch: list[tuple[Analysis, RawDocument | None]]) -> list[SaveResult]:
        try:
            return self._save_batch_once(batch)
        except sa.exc.SQLAlchemyError as err:  # the batch's transaction itself failed: none of it is stored
            first = batch[0][0].article.source
            raise StoreError(f"could not store a batch of {len(batch)} articles from {first}: {_one_line(err)}") from err

    def _save_batch_once(self, batch: list[tuple[Analysis, RawDocument | None]]) -> list[SaveResult]:
        results = []
        with _engine.write_transaction(self.engine) as conn:
            for analysis, raw in batch:
                try:
                    with conn.begin_nested():
                        results.append(_write.save_analysis(conn, analysis, raw))
                except (StoreError, sa.exc.SQLAlchemyError) as err:
                    message = str(err) if isinstance(err, StoreError) else _one_line(err)
                    failure = IngestFailure(source=analysis.article.source, stage="store", error=message,
                                            error_type=type(err).__name__)
                    conn.execute(_schema.ingest_failures.insert().values(**_failure_values(failure)))
                    results.append(SaveResult(article_id=analysis.article.id, status="failed", error=message))
        return results

    def record_failure(self, failure: IngestFailure) -> None:
        """Record an input that could not be read, extracted, analysed or stored."""
        with _engine.write_transaction(self.engine) as conn:
            conn.execute(_schema.ingest_failures.insert().values(**_failure_values(failure)))

    # ----------------------------------------------------------- articles

    def has_article(self, article_id: str) -> bool:
        """Return True when an article with this id (or stored as a copy of one) is in the store."""
        return bool(self.known_ids([article_id]))

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Return those of ``ids`` that are already stored (to skip them on a resumed run)."""
        with self.engine.connect() as conn:
            return _read.known_ids(conn, ids)

    def unchanged(self, articles: Iterable[Article]) -> set[str]:
        """Return the ids of those articles already stored with the same text: skip them on a rerun.

        Unlike ``known_ids`` this lets a page whose text changed (same id) through,
        so that saving it updates the stored article.
        """
        with self.engine.connect() as conn:
            return _read.unchanged_ids(conn, articles)

    def get_analysis(self, article_id: str) -> Analysis:
        """Return the current version's Analysis, exactly as it was saved. Raises NotFoundError."""
        with self.engine.connect() as conn:
            return _read.get_analysis(conn, article_id)

    def get_raw(self, article_id: str) -> bytes | None:
        """Return the raw document bytes saved with the current version, or None."""
        with self.engine.connect() as conn:
            return _read.get_raw(conn, article_id)

    def recent_articles(self, limit: int = 20, cursor: str | None = None) -> Page[ArticleSummary]:
        """Return the most recently stored articles, newest first, one page at a time."""
        before = _util.decode_cursor(cursor)
        if before is not None and not isinstance(before, int):
            raise QueryError(f"invalid cursor {_util.shown(cursor, 40)}")
        with self.engine.connect() as conn:
            items, last = _read.recent(conn, _util.check_limit(limit), before)
        return Page[ArticleSummary](items=items, next_cursor=_util.encode_cursor(last) if last is not None else None)

    def counts(self) -> dict[str, int]:
        """Return counts: articles, actors, statements, events, comments, failures (current facts only)."""
        with self.engine.connect() as conn:
            return _read.counts(conn)

    def failures(self, limit: int = 50) -> list[IngestFailure]:
        """Return the most recent ingest failures, newest first."""
        with self.engine.connect() as conn:
            return _read.failures(conn, _util.check_limit(limit))

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
        cue: str | None = None,
        sites: Sequence[str] | None = None,
        sort: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> Page[ArticleSummary] | Page[SearchHit]:
        """Full-text search; return a page of ArticleSummary (articles) or SearchHit (statements, events).

        ``query`` is untrusted text: words, "quoted phrases", ``OR`` and
        ``-word``; everything else is treated as plain words.  An empty query
        with filters lists by date.  ``actor`` is a corpus actor id or name,
        ``type`` a PLOVER event type, ``since``/``until`` ISO dates (inclusive),
        ``source`` a site name, host or source, ``direct`` keeps only direct
        (True) or reported (False) statements, ``cue`` statements with that cue,
        ``sites`` only articles of these outlets (a collection), ``sort``
        "relevance" (the default with words), "date" (newest first) or "oldest".
        Raises QueryError for a filter or query that cannot be understood (e.g.
        a bad date, a query over 2,000 characters).
        """
        terms = _search.parse_query(query or "")
        offset = _offset(cursor)
        with self.engine.connect() as conn:
            filters = self._filters(conn, actor, type, since, until, source, direct, cue, sites, sort)
            run = {"articles": _search.search_articles, "statements": _search.search_statements,
                   "events": _search.search_events}[_workbench.checked_kind(kind)]
            try:
                items, more = run(conn, terms, filters, _util.check_limit(limit), offset)
            except sa.exc.DBAPIError as err:  # e.g. an FTS5 syntax error we did not foresee
                raise QueryError(f"search failed for {query[:80]!r}: {_one_line(err)}") from err
        page_type = Page[ArticleSummary] if kind == "articles" else Page[SearchHit]
        return page_type(items=items, next_cursor=_util.encode_cursor(offset + len(items)) if more else None)

    # search_facets, compare, export and download: newsgraph.store.workbench.Workbench

    def _actor_id(self, conn, actor: str | int | None) -> int | None:  # type: ignore[no-untyped-def]
        if actor is None or actor == "":
            return None
        if isinstance(actor, int):
            return actor
        if actor.isdigit() and conn.execute(sa.select(_schema.actors.c.id).where(
                _schema.actors.c.id == int(actor))).first() is not None:
            return int(actor)  # an id, as the facet links give it
        try:
            return _corpus.find_actor(conn, _clean(actor) or "").id
        except NotFoundError as err:
            raise QueryError(f"no actor named {_util.shown(actor)}") from err

    # ------------------------------------------------------------- actors

    def find_actor(self, name: str) -> CorpusActor:
        """Return the corpus actor best matching ``name``: a name or alias seen, else a title ("Supreme Leader") or
        an honorific and a name ("Imam Khamenei"). Raises NotFoundError, with "did you mean …?" when some look alike."""
        return self.lookup_actor(name)

    def get_actor(self, actor_id: int) -> CorpusActor:
        """Return the corpus actor with this id. Raises NotFoundError."""
        with self.engine.connect() as conn:
            return _corpus.get_actor(conn, actor_id)

    def list_actors(
        self, query: str | None = None, limit: int = 50, cursor: str | None = None
    ) -> Page[CorpusActor]:
        """Return actors (most mentioned first), optionally those whose name or alias contains ``query``."""
        offset = _offset(cursor)
        with self.engine.connect() as conn:
            items, more = _corpus.list_actors(conn, query, _util.check_limit(limit), offset)
        return Page[CorpusActor](items=items, next_cursor=_util.encode_cursor(offset + len(items)) if more else None)

    def actor_timeline(self, actor_id: int) -> list[TimelineItem]:
        """Return the actor's statements and events, oldest first, each with its evidence."""
        with self.engine.connect() as conn:
            return _corpus.timeline(conn, actor_id)

    def actor_meetings(self, actor_id: int) -> list[NetworkEdge]:
        """Return the CONSULT edges (who the actor met) with dates and evidence."""
        with self.engine.connect() as conn:
            _corpus.get_actor(conn, actor_id)
            return _corpus.network(conn, actor_id, None, None, ["CONSULT"])

    def network(
        self,
        *,
        actor: str | int | None = None,
        since: DateLike = None,
        until: DateLike = None,
        types: Sequence[str] | None = ("CONSULT",),
    ) -> list[NetworkEdge]:
        """Return actor-to-actor edges from corpus events of ``types`` (None: all types), with evidence."""
        with self.engine.connect() as conn:
            actor_id = self._actor_id(conn, actor)
            return _corpus.network(
                conn, actor_id, _search.parse_day(since, "since"), _search.parse_day(until, "until"),
                [x.upper() for x in types] if types else None,
            )

    def related(self, article_id: str, limit: int = 10) -> list[ArticleSummary]:
        """Return other articles sharing actors and events with this one, best first (score = strength)."""
        with self.engine.connect() as conn:
            stored = _read.canonical_id(conn, article_id)
            if stored is None:
                raise NotFoundError(f"no article with id {_util.shown(article_id)}")
            return _corpus.related(conn, stored, _util.check_limit(limit))

    # ----------------------------------------------------------- comments

    def add_comment(self, article_id: str, *, name: str, email: str, body: str) -> Comment:
        """Store an analyst's comment; return it (without the email, which is never returned)."""
        with _engine.write_transaction(self.engine) as conn:
            stored = _read.canonical_id(conn, article_id)
            if stored is None:
                raise NotFoundError(f"no article with id {_util.shown(article_id)}")
            comment_id = conn.execute(_schema.comments.insert().values(
                article_id=stored, name=name, email=email, body=body, created_at=_util.now_iso(), hidden=False,
            )).inserted_primary_key[0]
            row = conn.execute(sa.select(_schema.comments).where(_schema.comments.c.id == comment_id)).one()
            return _read.comment_from_row(row)

    def comments(self, article_id: str, include_hidden: bool = False) -> list[Comment]:
        """Return the article's comments, oldest first."""
        with self.engine.connect() as conn:
            return _read.comments(conn, _read.canonical_id(conn, article_id) or article_id, include_hidden)

    def hide_comment(self, comment_id: int) -> None:
        """Hide a comment (kept, not shown). Raises NotFoundError."""
        with _engine.write_transaction(self.engine) as conn:
            done = conn.execute(_schema.comments.update().where(_schema.comments.c.id == comment_id).values(hidden=True))
            if done.rowcount == 0:
                raise NotFoundError(f"no comment with id {comment_id!r}")

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _one_line(err: BaseException) -> str:
    """Return the first line of a database error (no SQL, no parameters)."""
    text = str(getattr(err, "orig", None) or err)
    return text.strip().splitlines()[0][:300] if text.strip() else type(err).__name__


def _failure_values(failure: IngestFailure) -> dict[str, object]:
    return {"source": failure.source, "stage": failure.stage, "error": failure.error,
            "error_type": failure.error_type, "at": _util.iso(failure.at)}


def _offset(cursor: str | None) -> int:
    value = _util.decode_cursor(cursor, 0)
    if not isinstance(value, int) or value < 0:
        raise QueryError(f"invalid cursor {_util.shown(cursor, 40)}")
    return value


_clean = _util.no_nul
