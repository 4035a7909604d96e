"""The analyst's workbench part of ``Store``: actor keys and look-up, the actors list, network nodes.

A mixin, so that ``store/__init__.py`` stays one readable facade: ``Store`` inherits these methods.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa

from newsgraph.errors import NotFoundError
from newsgraph.model import CorpusActor
from newsgraph.store import framing_summary as _framing
from newsgraph.store import lookup as _lookup
from newsgraph.store import notes as _notes
from newsgraph.store import schema as _schema
from newsgraph.store import util as _util
from newsgraph.store.records import Page


class AnalystStore:
    """Workbench queries; ``self.engine`` is the Store's engine."""

    engine: object

    def resolve_actor(self, key: str) -> CorpusActor:
        """Return the actor a URL key names (integer id, KB id, Wikidata id or name slug). Raises NotFoundError."""
        from newsgraph.store.corpus import get_actor

        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return get_actor(conn, _lookup.resolve_key(conn, key))

    def lookup_actor(self, name: str) -> CorpusActor:
        """Return the actor any name, alias, title or "title + surname" form names.

        Raises NotFoundError whose message ends with "did you mean 'A', 'B'?" when some look alike.
        """
        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return _lookup.lookup(conn, name)

    def suggest_actors(self, name: str, limit: int = _lookup.SUGGESTIONS) -> list[CorpusActor]:
        """Return the actors whose names look most like ``name``, best first."""
        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return _lookup.suggest(conn, name, limit)

    def browse_actors(self, *, query: str | None = None, kind: str | None = None, country: str | None = None,
                      sort: str = "mentions", descending: bool = True, limit: int = 50,
                      cursor: str | None = None) -> Page[CorpusActor]:
        """Return a page of actors filtered by name, type and country, sorted by mentions, articles, name or type."""
        offset = _util.decode_cursor(cursor, 0) if cursor else 0
        if not isinstance(offset, int) or offset < 0:
            offset = 0
        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            items, more = _lookup.list_actors(conn, query=query, kind=kind, country=country, sort=sort,
                                              descending=descending, limit=_util.check_limit(limit), offset=offset)
        return Page[CorpusActor](items=items, next_cursor=_util.encode_cursor(offset + len(items)) if more else None)

    def actor_facets(self) -> dict[str, list[str]]:
        """Return the actor types and country codes present in the corpus."""
        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return _lookup.actor_facets(conn)

    def actor_countries(self, ids: list[int]) -> dict[int, str]:
        """Return each actor's most often given country code (actors without one are left out)."""
        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return _lookup.countries(conn, ids)

    def network_nodes(self, ids: list[int]) -> dict[int, tuple[str, str, str | None, int]]:
        """Return {actor id: (name, type, kb_id, mentions)} for these actors."""
        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return _lookup.network_nodes(conn, ids)

    def event_span(self) -> tuple[str | None, str | None]:
        """Return the first and last day of the corpus events' dates (ISO), for a date-range control."""
        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return _lookup.event_span(conn)

    # --------------------------------------------------------- fact notes

    def add_fact_note(self, article_id: str, fact: str, *, kind: str, name: str, email: str,
                      body: str) -> _notes.FactNote:
        """Store a comment on (kind "comment") or a "wrong" flag of (kind "flag") one fact of an article's current
        version, named by its page anchor ("s-3", "e-0", "actor-a2"); return it. NotFoundError, QueryError."""
        from newsgraph.store import engine as _engine
        from newsgraph.store import read as _read

        with _engine.write_transaction(self.engine) as conn:  # type: ignore[attr-defined]
            stored = _read.canonical_id(conn, article_id)
            if stored is None:
                raise NotFoundError(f"no article with id {_util.shown(article_id)}")
            analysis = _read.get_analysis(conn, stored)
            version = conn.execute(sa.select(_schema.articles.c.version).where(_schema.articles.c.id == stored)).scalar()
            fact_kind, text = _notes.describe_fact(analysis, fact)
            return _notes.add(conn, stored, version, fact, fact_kind, text, kind=kind, name=name, email=email, body=body)

    def fact_notes(self, article_id: str) -> list[_notes.FactNote]:
        """Return the article's shown fact notes, oldest first."""
        from newsgraph.store import read as _read

        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return _notes.for_article(conn, _read.canonical_id(conn, article_id) or article_id)

    def hide_fact_note(self, note_id: int) -> str:
        """Hide a fact note; return its article id. Raises NotFoundError."""
        from newsgraph.store import engine as _engine

        with _engine.write_transaction(self.engine) as conn:  # type: ignore[attr-defined]
            return _notes.hide(conn, note_id)

    def export_fact_notes(self, kind: str | None = None) -> Iterator[str]:
        """Yield every shown fact note (or only "flag"s, or "comment"s) as CSV lines, header first."""
        return _notes.export_csv(self.engine, kind)  # type: ignore[arg-type]

    # ------------------------------------------------------------ framing

    def framing_summary(self, *, since: str | None = None, until: str | None = None, site: str | None = None,
                        limit: int = 50) -> _framing.FramingSummary:
        """Return framing flag counts by category, per article (the ``limit`` most flagged), outlet and month."""
        from newsgraph.store.search import parse_day

        with self.engine.connect() as conn:  # type: ignore[attr-defined]
            return _framing.summary(conn, parse_day(since, "since"), parse_day(until, "until"), site or None, limit)
