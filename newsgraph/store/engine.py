"""Opening the database: engine settings per dialect, write transactions, migrations."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from newsgraph.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Seconds a writer waits for another writer's lock before giving up.
BUSY_TIMEOUT = 60
#: Key of the PostgreSQL advisory lock that serialises writers (actor and event resolution read-then-write).
WRITE_LOCK_KEY = 0x6E657773  # "news"


def safe_url(url: str) -> str:
    """Return the URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001  (an unparsable URL is shown as given)
        return url


def create(url: str) -> Engine:
    """Return an engine for ``url`` set up for newsgraph (SQLite: WAL, busy timeout, IMMEDIATE writes)."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as err:
        raise StoreError(f"not a database URL: {err}", source=url) from err
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        memory = parsed.database in (None, "", ":memory:")
        if not memory:
            parent = Path(parsed.database).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"directory {parent} does not exist", source=url)
        engine = sa.create_engine(
            parsed,
            connect_args={"timeout": BUSY_TIMEOUT, "check_same_thread": False},
            poolclass=StaticPool if memory else None,
        )
        _configure_sqlite(engine, wal=not memory)
        return engine
    if backend == "postgresql":
        try:
            return sa.create_engine(parsed, pool_pre_ping=True)
        except (ImportError, sa.exc.NoSuchModuleError) as err:
            raise StoreError(
                f"PostgreSQL driver missing ({err}); install newsgraph[postgres]", source=safe_url(url)
            ) from err
    raise StoreError(f"unsupported database {backend!r}: use sqlite:/// or postgresql+psycopg://", source=safe_url(url))


def _configure_sqlite(engine: Engine, wal: bool) -> None:
    # pysqlite's own transaction handling defers BEGIN and cannot do BEGIN
    # IMMEDIATE; SQLAlchemy's documented recipe takes it over.  Writers take the
    # write lock up front, so two processes never deadlock upgrading a read lock.
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT * 1000}")
        if wal:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses nothing committed
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ng_write") else "BEGIN")


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """Yield a connection inside a write transaction that holds the database's writer lock."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn = conn.execution_options(ng_write=True)
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
            yield conn


def _alembic_config(conn: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def head_revision() -> str | None:
    """Return the newest migration's revision id."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """Return the database's revision (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> bool:
    """Bring the schema to the newest revision; return True when something was applied.

    Runs under the writer lock, so two processes opening a new database at once
    do not both create it.
    """
    head = head_revision()
    if current_revision(engine) == head:
        return False
    with write_transaction(engine) as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return False
        command.upgrade(_alembic_config(conn), "head")
    return True
