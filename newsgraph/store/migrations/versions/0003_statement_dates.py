"""Statements: when each was said (date, precision, source) and the event it was said at.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 19:45:00

Rows stored before this revision have no date: their timelines show the publication date, as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("statements") as batch:
        batch.add_column(sa.Column("said_date", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("said_precision", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("said_source", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("event_ord", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("statements") as batch:
        batch.drop_column("event_ord")
        batch.drop_column("said_source")
        batch.drop_column("said_precision")
        batch.drop_column("said_date")
