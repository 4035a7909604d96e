"""The store's analyst workbench: facet counts, outlet comparisons, filtered exports and downloads.

A mixin of ``Store`` (``newsgraph.store``), kept apart so the store's core stays short; every method
takes the filters of ``Store.search`` and resolves them before anything is streamed, so a bad filter is
a QueryError at the call, never halfway through a download.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsgraph.errors import QueryError
from newsgraph.store import export as _export
from newsgraph.store import facets as _facets
from newsgraph.store import facts as _facts_rows
from newsgraph.store import read as _read
from newsgraph.store import schema as _schema
from newsgraph.store import search as _search
from newsgraph.store import util as _util
from newsgraph.store.records import ExportFormat, SearchKind
from newsgraph.store.util import no_nul


def checked_kind(kind: str) -> str:
    """Return ``kind`` when it is a search kind; QueryError otherwise."""
    if kind not in _search.SELECTORS:
        raise QueryError(f"unknown search kind {_util.shown(kind)}: use articles, statements or events")
    return kind


class Workbench:
    """Store methods for the workbench (``self.engine`` and ``self._actor_id`` come from Store)."""

    def search_facets(self, query: str, *, kind: SearchKind = "articles", **filters: object) -> dict:
        """Return a search's total, facet counts (outlet, actor, type, cue, direct, month), months, and hint.

        Takes the filters of ``search``; ``hint`` is one line saying why nothing was found (else None).
        """
        terms = _search.parse_query(query or "")
        with self.engine.connect() as conn:
            f = self._filters(conn, **filters)  # type: ignore[arg-type]
            out = _facets.facets(conn, checked_kind(kind), terms, f)
            out["hint"] = _facets.hint(conn, kind, terms, query or "", f) if not out["total"] else None
        return out

    def compare(self, sides: Sequence[dict], query: str = "", **filters: object) -> list[dict]:
        """Return, for each side (a dict of search filters, e.g. ``{"source": "ISWNews"}`` or ``{"sites": [...]}``,
        on top of ``filters``), its counts: articles, statements (direct, reported, top cues), event
        reports by type, framing flags by category — e.g. how two outlets cover one actor."""
        terms = _search.parse_query(query or "")
        out = []
        with self.engine.connect() as conn:
            for given in sides:
                f = self._filters(conn, **{**filters, **given})  # type: ignore[arg-type]
                out.append(_facets.side(conn, terms, f))
        return out

    def _filters(self, conn, actor=None, type=None, since=None, until=None, source=None,  # type: ignore[no-untyped-def]  # noqa: A002
                 direct=None, cue=None, sites=None, sort=None, article=None) -> _search.Filters:
        if sort not in (None, "", *_search.SORTS):
            raise QueryError(f"unknown sort {_util.shown(sort)}: use {', '.join(_search.SORTS)}")
        return _search.Filters(
            actor_id=self._actor_id(conn, actor), type=type.upper() if type else None,
            since=_search.parse_day(since, "since"), until=_search.parse_day(until, "until"),
            source=no_nul(source), direct=direct, cue=no_nul(cue) or None,
            sites=tuple(no_nul(x) or "" for x in sites) if sites is not None else None, sort=sort or None,
            article=(_read.canonical_id(conn, article) or article) if article else None,
        )

    def export(self, format: ExportFormat, *, query: str = "", facts: Sequence[str] | None = None,  # noqa: A002
               **filters: object) -> Iterator[str]:
        """Yield the corpus as lines (each ending in a newline), streamed, no row cap.

        "jsonl": one Analysis per article; "csv": one row per fact (``facts.FACT_HEADER``: statements,
        event reports and framing, or the kinds in ``facts``); "events": one row per corpus event,
        GDELT-like columns (date, source actor, target actor, type, mode, place, articles, sources,
        URLs).  ``query`` and the filters of ``search`` narrow it as they narrow a search (articles
        for jsonl, reports for events).  Bad filters raise QueryError here, before anything is yielded.
        """
        exporters = {"jsonl": _export.export_jsonl, "csv": _export.export_csv, "events": _export.export_events}
        if format not in exporters:
            raise QueryError(f"unknown export format {_util.shown(format)}: use jsonl, csv or events")
        kinds = tuple(facts) if facts else _facts_rows.CORPUS_KINDS
        if unknown := [k for k in kinds if k not in _facts_rows.FACT_KINDS]:
            raise QueryError(f"unknown fact kind {_util.shown(unknown[0])}: use {', '.join(_facts_rows.FACT_KINDS)}")
        if not query and not any(v not in (None, "") for v in filters.values()) and not facts:
            return exporters[format](self.engine)
        terms = _search.parse_query(query or "")
        with self.engine.connect() as conn:
            f = self._filters(conn, **filters)  # type: ignore[arg-type]
        if format == "csv":
            return _facts_rows.as_csv(_facts_rows.fact_records(self.engine, terms, f, kinds), _export.FACT_HEADER)
        kind = "articles" if format == "jsonl" else "events"

        def keys(conn):  # type: ignore[no-untyped-def]
            s = _search.SELECTORS[kind](conn, terms, f)
            key = s.key if kind == "articles" else _schema.event_evidence.c.event_id
            return list(dict.fromkeys(conn.execute(s.sel.add_columns(key).order_by(key)).scalars()))

        return exporters[format](self.engine, keys)

    def download(self, query: str, *, kind: SearchKind = "articles", format: str = "csv",  # noqa: A002
                 **filters: object) -> Iterator[str]:
        """Yield every result of a search (no row cap, in its order) as CSV lines or a JSON array.

        Articles give ``facts.ARTICLE_HEADER`` rows; statements and events the fact rows of
        ``facts.FACT_HEADER``.  Takes the filters of ``search``; QueryError before anything is yielded.
        """
        if format not in ("csv", "json"):
            raise QueryError(f"unknown download format {_util.shown(format)}: use csv or json")
        terms = _search.parse_query(query or "")
        with self.engine.connect() as conn:
            f = self._filters(conn, **filters)  # type: ignore[arg-type]
        if checked_kind(kind) == "articles":
            records, header = _facts_rows.article_records(self.engine, terms, f), _export.ARTICLE_HEADER
        else:
            records = _facts_rows.fact_records(self.engine, terms, f, (kind[:-1],), ordered=True)
            header = _export.FACT_HEADER
        return _facts_rows.as_csv(records, header) if format == "csv" else _facts_rows.as_json(records, header)
