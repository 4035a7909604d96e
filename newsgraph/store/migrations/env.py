"""Alembic environment: run by ``newsgraph.store.engine.migrate`` on the store's own connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from newsgraph.store.schema import include_object, metadata

config = context.config


OPTIONS = {"target_metadata": metadata, "render_as_batch": True, "include_object": include_object}
connection = config.attributes.get("connection")

if connection is not None:
    context.configure(connection=connection, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()
else:  # `alembic -x url=... upgrade head` from a shell, for developers
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        context.configure(connection=conn, **OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
