"""Fact notes: an analyst's comment on, or "wrong" flag of, one fact of an article (a statement, an event, an actor).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 06:45:00

A note names its fact by the article page's anchor ("s-3", "e-0", "actor-a2") and keeps the fact's text as
it was shown, so a flag still says what was wrong after the article is analysed again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("fact", sa.String(length=100), nullable=False),
        sa.Column("fact_kind", sa.String(length=16), nullable=False),
        sa.Column("fact_text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_notes")),
    )
    op.create_index(op.f("ix_fact_notes_article_id"), "fact_notes", ["article_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_fact_notes_article_id"), table_name="fact_notes")
    op.drop_table("fact_notes")
