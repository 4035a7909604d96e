"""What a batch run remembers between runs, so that re-running resumes.

Design: three small tables, kept in the output database itself (``--out DB``)
or in ``DIR/batch-state.sqlite`` beside the Parquet shards (``--out DIR``):

* ``newsgraph_batch_inputs``: inputs finished (key = ``path|size|mtime_ns`` for
  files, the URL for URLs). A re-run skips them before any worker reads them;
  a file that changed has a new key and is read again.
  A feed's items are inputs too (key ``feed-item:FEED|LINK``), so a feed
  polled again yields its new items only.
* ``newsgraph_batch_articles``: article ids written to Parquet shards (the
  database mode asks ``Store.known_ids`` instead), and ``newsgraph_batch_shards``.

Inputs are marked done only after their articles and failures are committed,
so a crash in between means the input is read again and its articles are
skipped by id: nothing is doubled.

The tables are created by the store's Alembic migrations (revision 0002), run
on whichever database holds them; the ``Table`` objects below only describe them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, event, select
from sqlalchemy.engine import Engine

metadata = MetaData()

inputs_table = Table(
    "newsgraph_batch_inputs",
    metadata,
    Column("key", String, primary_key=True),
    Column("source", String, nullable=False),
    Column("articles", Integer, nullable=False, default=0),
    Column("failures", Integer, nullable=False, default=0),
    Column("done_at", String, nullable=False),
)

articles_table = Table(
    "newsgraph_batch_articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("shard", String, nullable=False),
)

shards_table = Table(
    "newsgraph_batch_shards",
    metadata,
    Column("name", String, primary_key=True),
    Column("partition", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("inputs", Integer, nullable=False),
    Column("created_at", String, nullable=False),
)

#: Rows per IN (...) query: below SQLite's parameter limit.
CHUNK = 500


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _chunks(values: list, size: int = CHUNK):
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _existing(conn, column, values: Iterable[str]) -> set[str]:  # noqa: ANN001 - SQLAlchemy connection and column
    """Return those of ``values`` present in ``column``, queried in chunks below SQLite's parameter limit."""
    found: set[str] = set()
    for part in _chunks(list(dict.fromkeys(values))):
        found.update(conn.scalars(select(column).where(column.in_(part))))
    return found


class BatchState:
    """The resume tables in one database (the output DB or the shard directory's SQLite)."""

    def __init__(self, url: str) -> None:
        from newsgraph.store import engine as store_engine

        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        store_engine.migrate(self.engine)  # the resume tables come with the schema (a no-op when current)

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    # ------------------------------------------------------------- inputs
    def done_keys(self, keys: Iterable[str]) -> set[str]:
        """Return those of ``keys`` that earlier runs finished."""
        with self.engine.connect() as conn:
            return _existing(conn, inputs_table.c.key, keys)

    def mark_done(self, rows: Iterable[tuple[str, str, int, int]]) -> None:
        """Record inputs as finished: (key, source, articles, failures) each."""
        rows = list({r[0]: r for r in rows}.values())
        if not rows:
            return
        now = _now()
        with self.engine.begin() as conn:
            known = _existing(conn, inputs_table.c.key, [r[0] for r in rows])
            fresh = [
                {"key": k, "source": s, "articles": a, "failures": f, "done_at": now}
                for k, s, a, f in rows
                if k not in known
            ]
            if fresh:
                conn.execute(inputs_table.insert(), fresh)

    # -------------------------------------------------- shards (DIR output)
    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Return those of ``ids`` already written to a shard."""
        with self.engine.connect() as conn:
            return _existing(conn, articles_table.c.id, ids)

    def shard_names(self) -> set[str]:
        """Return the names of the shards recorded so far."""
        with self.engine.connect() as conn:
            return set(conn.scalars(select(shards_table.c.name)))

    def record_shard(self, name: str, partition: int, ids: list[str], failures: int, inputs: list[tuple[str, str, int, int]]) -> None:
        """Record a written shard, its article ids and its finished inputs, in one transaction."""
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(
                shards_table.insert(),
                [{"name": name, "partition": partition, "articles": len(ids), "failures": failures, "inputs": len(inputs), "created_at": now}],
            )
            if ids:
                conn.execute(articles_table.insert(), [{"id": i, "shard": name} for i in ids])
            known = _existing(conn, inputs_table.c.key, [r[0] for r in inputs])
            fresh = {r[0]: r for r in inputs if r[0] not in known}
            if fresh:
                conn.execute(
                    inputs_table.insert(),
                    [{"key": k, "source": s, "articles": a, "failures": f, "done_at": now} for k, s, a, f in fresh.values()],
                )

    def shards(self) -> list[dict]:
        """Return the recorded shards, oldest first, as manifest entries."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(shards_table).order_by(shards_table.c.name)).mappings()
            return [dict(r) for r in rows]


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
