"""JSON API: counts, ingest errors, search, actors, timelines, networks, exports."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from newsgraph.model import CorpusActor, IngestFailure, NetworkEdge, TimelineItem
from newsgraph.web.api_articles import PageOut, page_out
from newsgraph.web.deps import state, store
from newsgraph.web.queries import ActorId, CursorParam, checked_cursor, edge_types
from newsgraph.web.workbench import (compare_sides, run_download, run_facets, run_search, search_values,
                                     store_filters)

router = APIRouter(prefix="/api/v1", tags=["corpus"])

_EXPORT_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8", "events": "text/csv; charset=utf-8"}


@router.get("/counts", summary="How many articles, actors, statements, events…")
def api_counts(request: Request) -> dict[str, int]:
    """Return the corpus counts."""
    return store(request).counts()


@router.get("/failures", response_model=list[IngestFailure], summary="Recent ingest errors")
def api_failures(request: Request, limit: int = Query(50, ge=1, le=500)) -> list[IngestFailure]:
    """Return the most recent ingest failures, newest first."""
    return store(request).failures(limit=limit)


def _values(q: str, kind: str, actor: str | None, type_: str | None, source: str | None, since: str | None,
            until: str | None, direct: str | None, cue: str | None, sort: str | None,
            collection: str | None) -> dict[str, str]:
    return search_values(q=q, kind=kind, actor=actor, type=type_, source=source, since=since, until=until,
                         direct=direct, cue=cue, sort=sort, collection=collection)


Kind = Literal["articles", "statements", "events"]
Direct = Literal["direct", "indirect", ""] | None
Sort = Literal["relevance", "date", "oldest", ""] | None


@router.get("/search", response_model=PageOut, summary="Full-text search with filters")
def api_search(request: Request, q: str = "", kind: Kind = "articles", actor: str | None = None,
               type: str | None = None, source: str | None = None,  # noqa: A002
               since: str | None = None, until: str | None = None, direct: Direct = None, cue: str | None = None,
               sort: Sort = None, collection: str | None = None,
               limit: int = Query(20, ge=1, le=200), cursor: CursorParam = None) -> dict:
    """Return one page of articles (kind=articles) or statement/event hits, each with its evidence.

    ``sort``: relevance (the default with words), date (newest first; the default without) or oldest.
    ``collection``: a name from the server's NEWSGRAPH_COLLECTIONS file (its outlets only).
    """
    values = _values(q, kind, actor, type, source, since, until, direct, cue, sort, collection)
    return page_out(run_search(store(request), values, cursor, limit, _collections(request)))


@router.get("/search/facets", summary="A search's facet counts, volume by month and no-results hint")
def api_search_facets(request: Request, q: str = "", kind: Kind = "articles", actor: str | None = None,
                      type: str | None = None, source: str | None = None,  # noqa: A002
                      since: str | None = None, until: str | None = None, direct: Direct = None,
                      cue: str | None = None, collection: str | None = None) -> dict:
    """Return ``total``, ``facets`` (outlet, actor, type, cue, direct, month: value, label, count — each
    count is what that filter added gives), ``months`` (every month with results, then periods with no
    month) and ``hint`` (why nothing was found, or null). Same parameters as /search."""
    values = _values(q, kind, actor, type, source, since, until, direct, cue, None, collection)
    return run_facets(store(request), values, _collections(request))


@router.get("/search/download", name="api_search_download", response_class=StreamingResponse,
            summary="Every result of a search, streamed as CSV or JSON (no row cap)")
def api_search_download(request: Request, format: Literal["csv", "json"] = "csv", q: str = "",  # noqa: A002
                        kind: Kind = "articles", actor: str | None = None, type: str | None = None,  # noqa: A002
                        source: str | None = None, since: str | None = None, until: str | None = None,
                        direct: Direct = None, cue: str | None = None, sort: Sort = None,
                        collection: str | None = None) -> StreamingResponse:
    """Stream every result in the search's order: articles as article rows, statements and events as
    rows of the one fact schema (the corpus CSV's columns); json is an array of the same rows."""
    values = _values(q, kind, actor, type, source, since, until, direct, cue, sort, collection)
    lines = run_download(store(request), values, format, _collections(request))
    media = "text/csv; charset=utf-8" if format == "csv" else "application/json"
    return StreamingResponse(lines, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="newsgraph-{values["kind"]}.{format}"'})


@router.get("/compare", summary="Two outlets or collections side by side (e.g. for one actor)")
def api_compare(request: Request, a: str = Query(..., min_length=1, max_length=200),
                b: str = Query(..., min_length=1, max_length=200), actor: str | None = None, q: str = "",
                since: str | None = None, until: str | None = None) -> list[dict]:
    """Return each side (``a``, ``b``: a collection's name from NEWSGRAPH_COLLECTIONS, else an outlet) with its
    counts: articles, statements (direct, reported, top cues), event reports by type, framing by category."""
    sides = compare_sides([a.strip(), b.strip()], _collections(request))
    counts = store(request).compare([side["filters"] for side in sides], query=q, actor=actor or None,
                                    since=since or None, until=until or None)
    return [{"label": side["label"], "what": side["what"], "outlets": side["outlets"], **c}
            for side, c in zip(sides, counts)]


def _collections(request: Request) -> dict[str, list[str]]:
    from newsgraph.store.collections import load_collections

    return load_collections(state(request).settings.collections)


@router.get("/actors", response_model=PageOut, summary="Actors, most mentioned first")
def api_actors(request: Request, q: str | None = None, limit: int = Query(50, ge=1, le=500),
               cursor: CursorParam = None) -> dict:
    """Return one page of corpus actors, optionally those whose name or alias contains ``q``."""
    return page_out(store(request).list_actors(query=q or None, limit=limit, cursor=checked_cursor(cursor)))


@router.get("/actors/lookup", response_model=CorpusActor, summary="The actor best matching a name")
def api_actor_lookup(request: Request, name: str) -> CorpusActor:
    """Return the corpus actor best matching ``name`` (a name or an alias seen)."""
    return store(request).find_actor(name)


@router.get("/actors/{actor_id}", response_model=CorpusActor, name="api_actor", summary="One actor")
def api_actor(request: Request, actor_id: ActorId) -> CorpusActor:
    """Return a corpus actor: names, aliases, titles, affiliations, counts."""
    return store(request).get_actor(actor_id)


@router.get("/actors/{actor_id}/timeline", response_model=list[TimelineItem], summary="An actor's timeline")
def api_timeline(request: Request, actor_id: ActorId) -> list[TimelineItem]:
    """Return the actor's statements and events, oldest first, each with its evidence."""
    s = store(request)
    s.get_actor(actor_id)  # 404 for an unknown actor rather than an empty list
    return s.actor_timeline(actor_id)


@router.get("/actors/{actor_id}/meetings", response_model=list[NetworkEdge], summary="Who an actor met")
def api_meetings(request: Request, actor_id: ActorId) -> list[NetworkEdge]:
    """Return the actor's CONSULT edges with dates and evidence."""
    s = store(request)
    s.get_actor(actor_id)
    return s.actor_meetings(actor_id)


@router.get("/network", response_model=list[NetworkEdge], summary="Actor-to-actor edges")
def api_network(request: Request, actor: str | None = None, since: str | None = None, until: str | None = None,
                type: str | None = None) -> list[NetworkEdge]:  # noqa: A002
    """Return edges from events of ``type`` (default CONSULT; comma-separated; ALL for every type)."""
    return store(request).network(actor=actor or None, since=since or None, until=until or None,
                                  types=edge_types(type))


@router.get("/export", summary="The corpus, streamed (no row cap), optionally narrowed like a search",
            response_class=StreamingResponse)
def api_export(request: Request, format: Literal["jsonl", "csv", "events"] = "jsonl", q: str = "",  # noqa: A002
               actor: str | None = None, type: str | None = None, source: str | None = None,  # noqa: A002
               since: str | None = None, until: str | None = None, direct: Direct = None, cue: str | None = None,
               collection: str | None = None,
               facts: Annotated[list[Literal["statement", "event", "framing", "mention", "date"]] | None,
                                Query(description="csv: the fact kinds (repeatable; default statement, event, framing).")] = None,
               ) -> StreamingResponse:
    """Stream the corpus: jsonl (one analysis per line), csv (one row per fact, the one fact schema),
    events (GDELT-like rows); the words and filters of /search narrow it."""
    values = _values(q, "articles", actor, type, source, since, until, direct, cue, None, collection)
    filters = store_filters(values, _collections(request))
    filters.pop("sort")
    lines = store(request).export(format, query=q, facts=facts, **filters)
    suffix = "jsonl" if format == "jsonl" else "csv"
    return StreamingResponse(lines, media_type=_EXPORT_TYPES[format],
                             headers={"Content-Disposition": f'attachment; filename="newsgraph-{format}.{suffix}"'})
