"""JSON API: counts, ingest errors, search, actors, timelines, networks, exports."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from newsgraph.model import CorpusActor, IngestFailure, NetworkEdge, TimelineItem
from newsgraph.web.api_articles import PageOut, page_out
from newsgraph.web.deps import store
from newsgraph.web.queries import ActorId, CursorParam, checked_cursor, edge_types, run_search, search_params

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


@router.get("/search", response_model=PageOut, summary="Full-text search with facets")
def api_search(request: Request, q: str = "", kind: Literal["articles", "statements", "events"] = "articles",
               actor: str | None = None, type: str | None = None, source: str | None = None,  # noqa: A002
               since: str | None = None, until: str | None = None,
               direct: Literal["direct", "indirect", ""] | None = None,
               limit: int = Query(20, ge=1, le=200), cursor: CursorParam = None) -> dict:
    """Return one page of articles (kind=articles) or statement/event hits, each with its evidence."""
    params = search_params(q, kind, actor, type, source, since, until, direct)
    return page_out(run_search(store(request), params, cursor, limit))


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


@router.get("/export", summary="The whole corpus, streamed (no row cap)", response_class=StreamingResponse)
def api_export(request: Request, format: Literal["jsonl", "csv", "events"] = "jsonl") -> StreamingResponse:  # noqa: A002
    """Stream the corpus: jsonl (one analysis per line), csv (one row per fact), events (GDELT-like rows)."""
    lines = store(request).export(format)
    suffix = "jsonl" if format == "jsonl" else "csv"
    return StreamingResponse(lines, media_type=_EXPORT_TYPES[format],
                             headers={"Content-Disposition": f'attachment; filename="newsgraph-{format}.{suffix}"'})
