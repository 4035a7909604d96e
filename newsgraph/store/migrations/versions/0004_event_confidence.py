"""Events: the confidence each telling was output with (Event.confidence).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 06:25:00

Rows stored before this revision have no confidence (null): they were stored by a coder without a threshold.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_evidence") as batch:
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event_evidence") as batch:
        batch.drop_column("confidence")
