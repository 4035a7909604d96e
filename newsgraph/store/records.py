"""Typed results of the corpus store that are not shared pipeline records.

The records the store shares with the rest of newsgraph (``ArticleSummary``,
``Evidence``, ``CorpusActor``, ``TimelineItem``, ``NetworkEdge``, ``Comment``)
live in :mod:`newsgraph.model`; these are the store's own envelopes.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import Field

from newsgraph.model import Evidence, Record

T = TypeVar("T")

SaveStatus = Literal["new", "unchanged", "updated", "failed"]
SearchKind = Literal["articles", "statements", "events"]
ExportFormat = Literal["jsonl", "csv", "events"]


class Page(Record, Generic[T]):
    """One page of a list. Pass ``next_cursor`` back as ``cursor`` for the next page (None: no more)."""

    items: list[T] = Field(default_factory=list)
    next_cursor: str | None = None


class SaveResult(Record):
    """What ``Store.save`` did with one analysis.

    ``article_id`` is the id the article is stored under: for the same text
    read from another source it is the id of the copy stored first.
    ``status`` is "new", "unchanged" (already stored, same text), "updated"
    (the page changed: the old version's facts are kept, marked superseded)
    or "failed" (only from ``save_many``: ``error`` says why, and the failure
    was recorded in ``ingest_failures``).
    """

    article_id: str
    status: SaveStatus
    version: int = 1
    error: str | None = None


class SearchHit(Record):
    """A statement or event found by ``Store.search(kind="statements"|"events")``."""

    kind: Literal["statement", "event"]
    id: int  # statement row id, or corpus event id
    text: str  # the statement's content, or the sentence that tells the event
    score: float | None = None
    snippet: str | None = None  # plain text around the match (escape it when shown)
    speaker: str | None = None  # corpus actor name (statements)
    speaker_id: int | None = None
    cue: str | None = None
    direct: bool | None = None
    event_type: str | None = None  # PLOVER type (events)
    #: When: an event's date; a statement's date said, else its article's publication date (None: undated).
    date: str | None = None
    date_precision: str | None = None  # "day", "month", "year", "approximate", ... (see model.Precision)
    date_text: str | None = None  # the words that gave the date ("a few days ago"), where known
    actors: list[str] = Field(default_factory=list)  # corpus actor names involved
    evidence: Evidence
