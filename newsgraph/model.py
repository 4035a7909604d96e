"""The typed records that flow through newsgraph.

One data flow, one set of records::

    ingest  -> RawDocument
    extract -> Article
    analyze -> Analysis (Article + Actor, Statement, Event, DateMention, Framing)
    store   -> the same records, read back

Every fact that cites text carries ``start``/``end``: character offsets into
``Article.body`` such that ``article.body[start:end]`` is exactly the cited
text.  That invariant is what lets a reader check any fact in one click.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: How much of a date or time a value really states (never pad with invented parts).
Precision = Literal["year", "month", "day", "hour", "minute", "second", "approximate"]

ActorType = Literal["PERSON", "ORG", "GPE", "LOC", "GROUP", "FAC", "OTHER"]


class Record(BaseModel):
    """Base for all records: strict about unknown fields, JSON-friendly."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# --------------------------------------------------------------------- ingest


class RawDocument(Record):
    """One document as a source produced it, before any interpretation."""

    content: bytes
    source: str  # what the user named: path, URL, "-", "warc:FILE#offset", ...
    content_type: str | None = None  # e.g. "text/html; charset=utf-8", "text/plain"
    url: str | None = None  # the page's URL when known (final URL after redirects)
    #: When the page was captured, where that is known: a live fetch, the web paste form, a WARC record's
    #: WARC-Date. None for files, stdin and corpus rows: when their text was copied is unknown, and a
    #: relative date ("2 hours ago") counted from the moment they are read would be a false date.
    fetched_at: dt.datetime | None = None
    #: Metadata a container gave about the page (feed item title/date, WARC date...): fills gaps only.
    hints: dict[str, str] = Field(default_factory=dict)
    #: Metadata the user or a corpus file gave (url, title, published, site, byline): wins over
    #: what extraction finds, and the Article's warnings say it was given.
    given: dict[str, str] = Field(default_factory=dict)


# -------------------------------------------------------------------- extract


class RelatedLink(Record):
    """A link the page offers to another story ("Read more: ...")."""

    title: str
    url: str | None = None


class Furniture(Record):
    """A piece of page furniture removed from the body, and why."""

    text: str
    reason: str  # e.g. "share-buttons", "comment-form", "read-more", "newsletter"


class Article(Record):
    """A clean news article: the body without page furniture, plus metadata."""

    id: str  # stable: hash of the canonical URL, else of the normalised text
    source: str  # the input it was read from
    url: str | None = None
    site: str | None = None  # site name or host, e.g. "ISWNews"
    title: str | None = None
    published: str | None = None  # ISO 8601, only as precise as the page says
    published_precision: Precision | None = None
    byline: str | None = None
    language: str | None = None  # ISO 639-1
    body: str = ""  # plain text, paragraphs separated by blank lines
    related: list[RelatedLink] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    fetched_at: dt.datetime | None = None
    extractor: str = ""  # which path produced it: "html", "text"
    #: True when extraction is unsure (no article found, very short body...).
    low_confidence: bool = False
    warnings: list[str] = Field(default_factory=list)


# -------------------------------------------------------------------- analyze


class Span(Record):
    """A cited stretch of ``Article.body``."""

    text: str
    start: int
    end: int


@dataclasses.dataclass(slots=True, frozen=True)
class Mention:
    """One place the article names or refers to an actor: a cited stretch of ``Article.body`` and how it names.

    The one record that is a slotted dataclass, not a pydantic model: an article has a mention for every name,
    title and pronoun of every actor (a million in a 20 MB article), and a dataclass holds one in 64 bytes
    where a model takes about 480 (its ``__dict__`` and fields-set). Pydantic validates and serialises it
    like the other records (``__pydantic_config__``), so JSON, the API schema and the store see no difference.
    """

    __pydantic_config__ = ConfigDict(extra="forbid")

    text: str
    start: int
    end: int
    kind: Literal["name", "title", "description", "pronoun", "alias"] = "name"


class Actor(Record):
    """A person, organisation, country, place or group, all its mentions merged."""

    id: str  # unique within one analysis, e.g. "a1"; store maps to corpus ids
    name: str  # canonical name
    type: ActorType
    wikidata: str | None = None  # "Q57336"; only from a cited knowledge base
    kb_id: str | None = None  # key in newsgraph's actor knowledge base
    country: str | None = None  # ISO 3166 alpha-3 where known (PLOVER style)
    titles: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)  # actor ids
    mentions: list[Mention] = Field(default_factory=list)


class Statement(Record):
    """A quote or reported speech. ``start``/``end`` cite the content."""

    speaker: str | None = None  # actor id
    speaker_text: str | None = None  # the words naming the speaker where said
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # "said", "stressed", "according to", ...
    cue_start: int | None = None
    cue_end: int | None = None
    content: str
    start: int
    end: int
    direct: bool = False  # True for a verbatim quote in quote marks
    addressee: str | None = None  # actor id, where stated
    #: When it was said: the date of the event it was said at, a date its sentence gives, else the
    #: publication date (``date_source`` says which: "event", "text", "published").
    date: str | None = None
    date_precision: Precision | None = None
    date_source: Literal["event", "text", "published"] | None = None
    event: int | None = None  # index in Analysis.events of the event it was said at


class EventActor(Record):
    actor: str  # actor id
    role: Literal["source", "target", "participant"] = "participant"


#: The PLOVER event types newsgraph emits (the names of the PLOVER gold-standard records). Here, not in
#: analyze/, so pages and exports that list them never import the spaCy stage.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
)


class Event(Record):
    """Something that happened, PLOVER-coded. ``start``/``end`` cite its sentence."""

    type: str  # PLOVER event type: CONSULT, ASSAULT, SUPPORT, ...
    mode: str | None = None  # PLOVER mode, e.g. "visit", "phone"
    actors: list[EventActor] = Field(default_factory=list)
    date: str | None = None  # ISO date resolved against the publication date
    date_precision: Precision | None = None
    date_text: str | None = None  # the words that gave the date
    place: str | None = None  # actor id, only where the text gives one
    trigger: str | None = None  # the word(s) that signal the event
    text: str  # == body[start:end]
    start: int
    end: int
    #: Other sentences of the article that tell the same event.
    evidence: list[Span] = Field(default_factory=list)
    #: How sure the coder is that this event happened as typed, 0..1 (trigger row, factuality, roles found);
    #: events below the events component's threshold are not output. None for events from elsewhere.
    confidence: float | None = None


class DateMention(Span):
    """A date expression resolved against the publication date."""

    value: str | None = None  # ISO date, or None when it cannot be resolved
    precision: Precision | None = None


class Framing(Span):
    """Loaded or propagandistic wording; flagged, never edited out."""

    category: str  # SemEval-2020 Task 11 technique name, e.g. "Name_Calling,Labeling"
    note: str | None = None


class Analysis(Record):
    """Everything newsgraph found in one article."""

    article: Article
    analysed: bool = True  # False when the text could not be analysed (language, empty)
    notes: list[str] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    framing: list[Framing] = Field(default_factory=list)
    model: str | None = None  # spaCy model name and version used

    def actor(self, actor_id: str) -> Actor | None:
        """Return the actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)


class IngestFailure(Record):
    """An input that could not be read, extracted or analysed."""

    source: str
    stage: Literal["ingest", "extract", "analyze", "store"]
    error: str  # the one-line message shown to the user
    error_type: str
    at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))


# ------------------------------------------------------------ store queries
# What the corpus answers; shared by the CLI, the web app and the JSON API.


class ArticleSummary(Record):
    """One article in a list (search results, related articles, home page)."""

    id: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    byline: str | None = None
    snippet: str | None = None  # text around the match, plain (escape it when shown)
    score: float | None = None
    superseded: bool = False


class Evidence(Record):
    """Where a corpus fact is told: an article and the offsets in its body."""

    article_id: str
    article_title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    start: int
    end: int
    text: str
    #: Set when the article is a syndicated near-copy of that article (not independent confirmation).
    duplicate_of: str | None = None


class CorpusActor(Record):
    """An actor across the corpus: all the articles' actors resolved into one."""

    id: int
    name: str
    type: str
    wikidata: str | None = None
    kb_id: str | None = None
    aliases: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)  # names of affiliated corpus actors
    article_count: int = 0
    mention_count: int = 0


class TimelineItem(Record):
    """A statement or event of an actor, dated, with its evidence."""

    kind: Literal["statement", "event"]
    date: str | None = None
    date_precision: str | None = None
    summary: str  # the content of a statement, or "CONSULT with X" for an event
    event_type: str | None = None
    direct: bool | None = None
    cue: str | None = None
    counterparts: list[str] = Field(default_factory=list)  # other actors' names
    evidence: list[Evidence] = Field(default_factory=list)


class NetworkEdge(Record):
    """Two actors linked by events (e.g. who met whom), with counts and evidence."""

    source_id: int
    source: str
    target_id: int
    target: str
    event_type: str
    count: int  # distinct corpus events
    sources: int = 0  # independent articles telling them (syndicated copies count once)
    first_date: str | None = None
    last_date: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Comment(Record):
    """An analyst's comment on an article. The email is stored, never shown."""

    id: int
    article_id: str
    name: str
    body: str
    created_at: dt.datetime
    hidden: bool = False
