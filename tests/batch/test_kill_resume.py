"""kill -9 of a real ``newsgraph batch`` (or ``newsgraph ingest``) process at several points, then a resume:
the store equals one clean pass of the same command row for row (database ids and timestamps aside).

The batch runs use the session's Dask cluster (``--scheduler``), so the workers and the model are the same
in the killed runs and the clean pass; what is compared is the store the writer leaves behind.
(``tests/store/test_reliability.py`` kills ``ingest`` at random points on a larger corpus and compares with
a clean store of the same analyses; here the reference is an independent clean run.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsgraph.store import Store
from newsgraph.store import schema as t

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-c", "from newsgraph.cli import main; main()"]


def _count(url: str, table: sa.Table) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0
    except sa.exc.SQLAlchemyError:  # not created yet
        return 0
    finally:
        engine.dispose()


def _run(command: str, src: Path, url: str, scheduler: str) -> subprocess.Popen:
    args = ([str(src), "--scheduler", scheduler, "--out", url, "--partition-size", "2"] if command == "batch"
            else [str(src), "--db", url])
    return subprocess.Popen([*CLI, command, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "120"})


def _finish(command: str, src: Path, url: str, scheduler: str) -> str:
    proc = _run(command, src, url, scheduler)
    _, err = proc.communicate(timeout=900)
    assert proc.returncode in (0, 1), err[-2000:]  # 1: a bad input failed in this run (recorded, the run went on)
    assert "Traceback" not in err
    return err


def _key(row: dict, keys: dict[str, dict[int, tuple]], table: sa.Table) -> tuple:
    """A row in natural keys: surrogate ids swapped for what they point at, timestamps dropped."""
    values = []
    for column in table.columns:
        name, value = column.name, row[column.name]
        if name.endswith("_at") or name in ("at", "pk") or (name == "id" and isinstance(value, int)):
            continue
        target = next(iter(column.foreign_keys), None)
        if target is not None and value is not None:
            value = keys[target.column.table.name][value]
        if name == "actor_key":  # "s3|t17": role initial + corpus actor id
            value = sorted((part[0], keys["actors"][int(part[1:])]) for part in value.split("|") if part)
        values.append((name, repr(value)))
    return tuple(values)


def store_rows(url: str) -> dict[str, list[tuple]]:
    """Return every table of the store as sorted rows in natural keys."""
    natural = {  # how a row of a table with surrogate ids is named by what it holds
        "actors": lambda r: (r["name"], r["type"], r["kb_id"]),
        "article_actors": lambda r: (r["article_id"], r["version"], r["ord"]),
        "event_evidence": lambda r: (r["article_id"], r["version"], r["ord"]),
    }
    with Store(url) as store, store.engine.connect() as conn:
        rows = {name: [dict(r._mapping) for r in conn.execute(sa.select(table))]
                for name, table in t.metadata.tables.items()}
    keys: dict[str, dict[int, tuple]] = {name: {r["id"]: make(r) for r in rows[name]} for name, make in natural.items()}
    evidence_of: dict[int, list] = {}
    for r in rows["event_evidence"]:
        evidence_of.setdefault(r["event_id"], []).append(keys["event_evidence"][r["id"]])
    keys["events"] = {r["id"]: (r["type"], r["date"], tuple(sorted(evidence_of.get(r["id"], [])))) for r in rows["events"]}
    return {name: sorted(_key(r, keys, t.metadata.tables[name]) for r in table_rows)
            for name, table_rows in rows.items()}


@pytest.mark.parametrize("command", ["batch", "ingest"])
def test_killed_at_several_points_then_resumed_equals_one_clean_pass(command, tmp_path, dask_client, make_corpus):
    src = tmp_path / "in"
    corpus = make_corpus(src, texts=14, pages=2, bad=True)
    scheduler = dask_client.cluster.scheduler_address
    killed = f"sqlite:///{tmp_path / 'killed.db'}"
    kills = []
    for target in (2, 7, 11):  # articles stored before the kill: early, mid-run, near the end
        proc = _run(command, src, killed, scheduler)
        while proc.poll() is None and _count(killed, t.articles) < target:
            time.sleep(0.05)
        if proc.poll() is not None:
            break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills.append(_count(killed, t.articles))
    assert len(kills) == 3 and kills[-1] < len(corpus["good"]), kills
    _finish(command, src, killed, scheduler)

    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    _finish(command, src, clean, scheduler)
    got, expected = store_rows(killed), store_rows(clean)
    if command == "ingest":
        # ingest logs an input's failure again on every run that reads it again (batch skips inputs it
        # finished); a kill changes how many runs there were, never what failed
        assert len(got["ingest_failures"]) >= len(expected["ingest_failures"])
        got["ingest_failures"] = sorted(set(got["ingest_failures"]))
    assert len(got["articles"]) == len(corpus["good"]) and len(got["ingest_failures"]) == len(corpus["bad"])
    assert got["statements"] and got["events"] and got["mentions"]
    for table in expected:
        assert got[table] == expected[table], table
