"""Batch resume tables (newsgraph.batch.state): inputs finished, article ids written to shards, shards.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 19:30:00

Databases written by ``newsgraph batch`` before this revision already hold these
tables (the batch module created them itself): they are kept as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("newsgraph_batch_inputs"):
        op.create_table(
            "newsgraph_batch_inputs",
            sa.Column("key", sa.String(), nullable=False),
            sa.Column("source", sa.String(), nullable=False),
            sa.Column("articles", sa.Integer(), nullable=False),
            sa.Column("failures", sa.Integer(), nullable=False),
            sa.Column("done_at", sa.String(), nullable=False),
            sa.PrimaryKeyConstraint("key", name=op.f("pk_newsgraph_batch_inputs")),
        )
    if _missing("newsgraph_batch_articles"):
        op.create_table(
            "newsgraph_batch_articles",
            sa.Column("id", sa.String(), nullable=False),
            sa.Column("shard", sa.String(), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_newsgraph_batch_articles")),
        )
    if _missing("newsgraph_batch_shards"):
        op.create_table(
            "newsgraph_batch_shards",
            sa.Column("name", sa.String(), nullable=False),
            sa.Column("partition", sa.Integer(), nullable=False),
            sa.Column("articles", sa.Integer(), nullable=False),
            sa.Column("failures", sa.Integer(), nullable=False),
            sa.Column("inputs", sa.Integer(), nullable=False),
            sa.Column("created_at", sa.String(), nullable=False),
            sa.PrimaryKeyConstraint("name", name=op.f("pk_newsgraph_batch_shards")),
        )


def downgrade() -> None:
    for name in ("newsgraph_batch_shards", "newsgraph_batch_articles", "newsgraph_batch_inputs"):
        op.drop_table(name)
