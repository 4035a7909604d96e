"""Initial corpus schema, with full-text search (FTS5 on SQLite, tsvector + GIN on PostgreSQL).

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 00:15:14.869234
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('kb_id', sa.String(length=200), nullable=True),
    sa.Column('wikidata', sa.String(length=40), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors')),
    sa.UniqueConstraint('kb_id', name=op.f('uq_actors_kb_id')),
    sa.UniqueConstraint('wikidata', name=op.f('uq_actors_wikidata'))
    )
    op.create_table('article_aliases',
    sa.Column('alias_id', sa.String(length=80), nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('alias_id', name=op.f('pk_article_aliases'))
    )
    with op.batch_alter_table('article_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_aliases_article_id'), ['article_id'], unique=False)

    op.create_table('article_bands',
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('article_id', 'key', name=op.f('pk_article_bands'))
    )
    with op.batch_alter_table('article_bands', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_bands_key'), ['key'], unique=False)

    op.create_table('article_versions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('record', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('superseded_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_versions')),
    sa.UniqueConstraint('article_id', 'version', name='uq_article_versions_article_version')
    )
    op.create_table('articles',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('dup_of', sa.String(length=80), nullable=True),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('site', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('published_precision', sa.String(length=16), nullable=True),
    sa.Column('byline', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('related', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('furniture', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('fetched_at', sa.String(length=40), nullable=True),
    sa.Column('extractor', sa.Text(), nullable=False),
    sa.Column('low_confidence', sa.Boolean(), nullable=False),
    sa.Column('warnings', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('analysed', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('model', sa.Text(), nullable=True),
    sa.Column('stored_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_articles')),
    sa.UniqueConstraint('id', name=op.f('uq_articles_id'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_dup_of'), ['dup_of'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_site'), ['site'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_text_hash'), ['text_hash'], unique=False)

    op.create_table('comments',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('email', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comments_article_id'), ['article_id'], unique=False)

    op.create_table('date_mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=True),
    sa.Column('precision', sa.String(length=16), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_date_mentions'))
    )
    with op.batch_alter_table('date_mentions', schema=None) as batch_op:
        batch_op.create_index('ix_date_mentions_article', ['article_id', 'version'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('mode', sa.String(length=40), nullable=True),
    sa.Column('date', sa.String(length=40), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=True),
    sa.Column('date_lo', sa.String(length=10), nullable=True),
    sa.Column('date_hi', sa.String(length=10), nullable=True),
    sa.Column('actor_key', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_type_actor_key', ['type', 'actor_key'], unique=False)

    op.create_table('framing',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_framing'))
    )
    with op.batch_alter_table('framing', schema=None) as batch_op:
        batch_op.create_index('ix_framing_article', ['article_id', 'version'], unique=False)

    op.create_table('ingest_failures',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('error_type', sa.String(length=80), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_failures'))
    )
    op.create_table('raw_documents',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('content_type', sa.Text(), nullable=True),
    sa.Column('fetched_at', sa.String(length=40), nullable=True),
    sa.Column('hints', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_raw_documents')),
    sa.UniqueConstraint('article_id', 'version', name='uq_raw_documents_article_version')
    )
    op.create_table('actor_names',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('norm', sa.String(length=400), nullable=False),
    sa.Column('family', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_actor_names_actor_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actor_names')),
    sa.UniqueConstraint('norm', 'family', 'actor_id', name='uq_actor_names_norm_family_actor')
    )
    with op.batch_alter_table('actor_names', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actor_names_norm'), ['norm'], unique=False)
        batch_op.create_index(batch_op.f('ix_actor_names_actor_id'), ['actor_id'], unique=False)

    op.create_table('article_actors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=80), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('wikidata', sa.String(length=40), nullable=True),
    sa.Column('kb_id', sa.String(length=200), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('titles', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('aliases', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('affiliations', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_article_actors_actor_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_actors'))
    )
    with op.batch_alter_table('article_actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_actors_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index('ix_article_actors_article', ['article_id', 'version'], unique=False)

    op.create_table('event_evidence',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('mode', sa.String(length=40), nullable=True),
    sa.Column('date', sa.String(length=40), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=True),
    sa.Column('date_text', sa.Text(), nullable=True),
    sa.Column('place_local', sa.String(length=80), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('trigger', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('spans', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_evidence_event_id_events')),
    sa.ForeignKeyConstraint(['place_id'], ['actors.id'], name=op.f('fk_event_evidence_place_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_evidence'))
    )
    with op.batch_alter_table('event_evidence', schema=None) as batch_op:
        batch_op.create_index('ix_event_evidence_article', ['article_id', 'version'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_evidence_event_id'), ['event_id'], unique=False)

    op.create_table('statements',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('speaker_local', sa.String(length=80), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_text', sa.Text(), nullable=True),
    sa.Column('speaker_start', sa.Integer(), nullable=True),
    sa.Column('speaker_end', sa.Integer(), nullable=True),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('addressee_local', sa.String(length=80), nullable=True),
    sa.Column('addressee_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['addressee_id'], ['actors.id'], name=op.f('fk_statements_addressee_id_actors')),
    sa.ForeignKeyConstraint(['speaker_id'], ['actors.id'], name=op.f('fk_statements_speaker_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statements'))
    )
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.create_index('ix_statements_article', ['article_id', 'version'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('event_actors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_event_actors_actor_id_actors')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_actors_event_id_events')),
    sa.ForeignKeyConstraint(['evidence_id'], ['event_evidence.id'], name=op.f('fk_event_actors_evidence_id_event_evidence')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_actors'))
    )
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_actors_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_actors_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_actors_evidence_id'), ['evidence_id'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('article_actor_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_mentions_actor_id_actors')),
    sa.ForeignKeyConstraint(['article_actor_id'], ['article_actors.id'], name=op.f('fk_mentions_article_actor_id_article_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions'))
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_article_actor_id'), ['article_actor_id'], unique=False)

    _create_full_text_search()


def downgrade() -> None:
    _drop_full_text_search()
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_article_actor_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_actor_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_actors_evidence_id'))
        batch_op.drop_index(batch_op.f('ix_event_actors_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_actors_actor_id'))

    op.drop_table('event_actors')
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statements_speaker_id'))
        batch_op.drop_index('ix_statements_article')

    op.drop_table('statements')
    with op.batch_alter_table('event_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_evidence_event_id'))
        batch_op.drop_index('ix_event_evidence_article')

    op.drop_table('event_evidence')
    with op.batch_alter_table('article_actors', schema=None) as batch_op:
        batch_op.drop_index('ix_article_actors_article')
        batch_op.drop_index(batch_op.f('ix_article_actors_actor_id'))

    op.drop_table('article_actors')
    with op.batch_alter_table('actor_names', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actor_names_norm'))
        batch_op.drop_index(batch_op.f('ix_actor_names_actor_id'))

    op.drop_table('actor_names')
    op.drop_table('raw_documents')
    op.drop_table('ingest_failures')
    with op.batch_alter_table('framing', schema=None) as batch_op:
        batch_op.drop_index('ix_framing_article')

    op.drop_table('framing')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type_actor_key')

    op.drop_table('events')
    with op.batch_alter_table('date_mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_date_mentions_article')

    op.drop_table('date_mentions')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comments_article_id'))

    op.drop_table('comments')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_text_hash'))
        batch_op.drop_index(batch_op.f('ix_articles_site'))
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_dup_of'))

    op.drop_table('articles')
    op.drop_table('article_versions')
    with op.batch_alter_table('article_bands', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_bands_key'))

    op.drop_table('article_bands')
    with op.batch_alter_table('article_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_aliases_article_id'))

    op.drop_table('article_aliases')
    op.drop_table('actors')


# FTS5 external-content tables kept in step by triggers (SQLite); stored
# generated tsvector columns with GIN indexes (PostgreSQL). Superseded rows stay
# indexed; queries filter them out.
_FTS5 = {
    # fts table: (content table, rowid column, indexed columns)
    "articles_fts": ("articles", "pk", ("title", "body")),
    "statements_fts": ("statements", "id", ("content",)),
    "events_fts": ("event_evidence", "id", ("text",)),
}

# PostgreSQL: table -> tsvector expression. Bodies are cut at 400,000 characters
# because a tsvector is limited to 1 MB.
_TSVECTOR = {
    "articles": "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, left(body, 400000)), 'B')",
    "statements": "to_tsvector('english'::regconfig, left(content, 400000))",
    "event_evidence": "to_tsvector('english'::regconfig, left(text, 400000))",
}


def _create_full_text_search() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for fts, (table, rowid, cols) in _FTS5.items():
            names = ", ".join(cols)
            new = ", ".join(f"new.{c}" for c in cols)
            old = ", ".join(f"old.{c}" for c in cols)
            op.execute(
                f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
                f"content_rowid='{rowid}', tokenize='porter unicode61 remove_diacritics 2')"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, {names}) VALUES (new.{rowid}, {new}); END"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.{rowid}, {old}); END"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {names} ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.{rowid}, {old}); "
                f"INSERT INTO {fts}(rowid, {names}) VALUES (new.{rowid}, {new}); END"
            )
    elif dialect == "postgresql":
        for table, expr in _TSVECTOR.items():
            op.execute(f"ALTER TABLE {table} ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({expr}) STORED")
            op.execute(f"CREATE INDEX ix_{table}_tsv ON {table} USING gin (tsv)")


def _drop_full_text_search() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for fts, (table, _, _) in _FTS5.items():
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
