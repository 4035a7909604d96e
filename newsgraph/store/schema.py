"""The corpus tables (SQLAlchemy Core). The migrations in ``migrations/`` create them.

Per-article facts carry ``article_id`` + ``version`` + ``superseded``: when a
page changes, the old version's facts stay, marked superseded, and the new
version's facts are added.  Corpus-level records (``actors``, ``events``) join
the articles' facts together; ``event_evidence`` holds each article's telling
of a corpus event, with its offsets.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def _fact_columns() -> list[sa.Column]:
    """Columns every per-article fact table has."""
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(80), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("superseded", sa.Boolean, nullable=False, default=False),
        sa.Column("ord", sa.Integer, nullable=False),
    ]


articles = sa.Table(
    "articles",
    metadata,
    # An integer rowid for the FTS5 external-content index (a TEXT key's implicit rowid may change on VACUUM).
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(80), nullable=False, unique=True),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("text_hash", sa.String(64), nullable=False, index=True),
    sa.Column("dup_of", sa.String(80), index=True),  # syndicated near-duplicate of this article
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("site", sa.Text, index=True),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(40), index=True),
    sa.Column("published_precision", sa.String(16)),
    sa.Column("byline", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("related", JSONType, nullable=False),
    sa.Column("furniture", JSONType, nullable=False),
    sa.Column("fetched_at", sa.String(40)),
    sa.Column("extractor", sa.Text, nullable=False),
    sa.Column("low_confidence", sa.Boolean, nullable=False),
    sa.Column("warnings", JSONType, nullable=False),
    sa.Column("analysed", sa.Boolean, nullable=False),
    sa.Column("notes", JSONType, nullable=False),
    sa.Column("model", sa.Text),
    sa.Column("stored_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

# Other ids under which the same text was offered (another source, same normalised text).
article_aliases = sa.Table(
    "article_aliases",
    metadata,
    sa.Column("alias_id", sa.String(80), primary_key=True),
    sa.Column("article_id", sa.String(80), nullable=False, index=True),
)

# Superseded versions of an article (the Article record as JSON), for their facts' offsets.
article_versions = sa.Table(
    "article_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(80), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("record", JSONType, nullable=False),
    sa.Column("superseded_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("article_id", "version", name="uq_article_versions_article_version"),
)

raw_documents = sa.Table(
    "raw_documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(80), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("content_type", sa.Text),
    sa.Column("fetched_at", sa.String(40)),
    sa.Column("hints", JSONType, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),  # zlib-compressed
    sa.UniqueConstraint("article_id", "version", name="uq_raw_documents_article_version"),
)

# MinHash LSH bands: articles sharing a band are near-duplicate candidates.
article_bands = sa.Table(
    "article_bands",
    metadata,
    sa.Column("article_id", sa.String(80), primary_key=True),
    sa.Column("key", sa.String(40), primary_key=True, index=True),  # band number + hash of the band's rows
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("kb_id", sa.String(200), unique=True),
    sa.Column("wikidata", sa.String(40), unique=True),
    sa.Column("country", sa.String(8)),
    sa.Column("created_at", sa.String(40), nullable=False),
)

# Every name and alias seen for a corpus actor, normalised, within a type family.
actor_names = sa.Table(
    "actor_names",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("norm", sa.String(400), nullable=False, index=True),
    sa.Column("family", sa.String(8), nullable=False),
    sa.UniqueConstraint("norm", "family", "actor_id", name="uq_actor_names_norm_family_actor"),
)

article_actors = sa.Table(
    "article_actors",
    metadata,
    *_fact_columns(),
    sa.Column("local_id", sa.String(80), nullable=False),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("wikidata", sa.String(40)),
    sa.Column("kb_id", sa.String(200)),
    sa.Column("country", sa.String(8)),
    sa.Column("titles", JSONType, nullable=False),
    sa.Column("aliases", JSONType, nullable=False),
    sa.Column("affiliations", JSONType, nullable=False),
    sa.Index("ix_article_actors_article", "article_id", "version"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    *_fact_columns(),
    sa.Column("article_actor_id", sa.Integer, sa.ForeignKey("article_actors.id"), nullable=False, index=True),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
)

statements = sa.Table(
    "statements",
    metadata,
    *_fact_columns(),
    sa.Column("speaker_local", sa.String(80)),
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("actors.id"), index=True),
    sa.Column("speaker_text", sa.Text),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("cue", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("direct", sa.Boolean, nullable=False),
    sa.Column("addressee_local", sa.String(80)),
    sa.Column("addressee_id", sa.Integer, sa.ForeignKey("actors.id")),
    sa.Column("said_date", sa.String(40)),  # Statement.date: when it was said (migration 0003)
    sa.Column("said_precision", sa.String(16)),
    sa.Column("said_source", sa.String(16)),
    sa.Column("event_ord", sa.Integer),  # Statement.event: index of the event in the article's analysis
    sa.Index("ix_statements_article", "article_id", "version"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("mode", sa.String(40)),
    sa.Column("date", sa.String(40)),
    sa.Column("date_precision", sa.String(16)),
    # The span of days the evidence allows (ISO dates); reports whose spans overlap can be one event.
    sa.Column("date_lo", sa.String(10)),
    sa.Column("date_hi", sa.String(10)),
    sa.Column("actor_key", sa.Text, nullable=False),  # sorted corpus actor ids, "3,17"
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Index("ix_events_type_actor_key", "type", "actor_key"),
)

event_evidence = sa.Table(
    "event_evidence",
    metadata,
    *_fact_columns(),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("mode", sa.String(40)),
    sa.Column("date", sa.String(40)),
    sa.Column("date_precision", sa.String(16)),
    sa.Column("date_text", sa.Text),
    sa.Column("place_local", sa.String(80)),
    sa.Column("place_id", sa.Integer, sa.ForeignKey("actors.id")),
    sa.Column("trigger", sa.Text),
    sa.Column("confidence", sa.Float),  # Event.confidence; null for rows stored before revision 0004
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("spans", JSONType, nullable=False),  # the other sentences telling it (Event.evidence)
    sa.Index("ix_event_evidence_article", "article_id", "version"),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("evidence_id", sa.Integer, sa.ForeignKey("event_evidence.id"), nullable=False, index=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False, index=True),
    sa.Column("local_id", sa.String(80), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("ord", sa.Integer, nullable=False),
)

date_mentions = sa.Table(
    "date_mentions",
    metadata,
    *_fact_columns(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("value", sa.String(40)),
    sa.Column("precision", sa.String(16)),
    sa.Index("ix_date_mentions_article", "article_id", "version"),
)

framing = sa.Table(
    "framing",
    metadata,
    *_fact_columns(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("category", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Index("ix_framing_article", "article_id", "version"),
)

comments = sa.Table(
    "comments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(80), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("hidden", sa.Boolean, nullable=False, default=False),
)

# An analyst's comment on one fact, or a flag saying it is wrong (migration 0005); fact = the page's anchor.
fact_notes = sa.Table(
    "fact_notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(80), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("fact", sa.String(100), nullable=False),
    sa.Column("fact_kind", sa.String(16), nullable=False),  # statement | event | actor
    sa.Column("fact_text", sa.Text, nullable=False),  # the fact as shown when noted
    sa.Column("kind", sa.String(8), nullable=False),  # comment | flag
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("hidden", sa.Boolean, nullable=False, default=False),
)

ingest_failures = sa.Table(
    "ingest_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("stage", sa.String(16), nullable=False),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("error_type", sa.String(80), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
)


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Alembic filter: leave the full-text machinery (FTS5 tables, tsvector columns, their indexes) to the migrations,
    and batch's resume tables (described in newsgraph.batch.state, created by migration 0002) to batch."""
    if type_ == "table" and name and ("_fts" in name or name.startswith("newsgraph_batch_")):
        return False
    return not (name and (name == "tsv" or name.endswith("_tsv")))
