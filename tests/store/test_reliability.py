"""Reliability with real processes: kill -9 at random points and resume; two ingests at once.

The reference for "equals one clean ingest" is a clean, sequential store of the
very analyses the interrupted runs produced (read back with ``export("jsonl")``
and saved in storage order into a fresh database): so the comparison checks the
store (nothing lost, nothing doubled, corpus resolution the same), not whether
the analysis of an article is identical from one process to the next.
"""

from __future__ import annotations

from collections import Counter

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsgraph.model import Analysis
from newsgraph.store import Store
from newsgraph.store import schema as t

pytestmark = pytest.mark.slow

INGEST = [sys.executable, "-c", "from newsgraph.cli import main; main()", "ingest"]


def _articles(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar() or 0
    except sa.exc.SQLAlchemyError:  # not created yet
        return 0
    finally:
        engine.dispose()


def _ingest(url: str, *sources: Path) -> subprocess.Popen:
    return subprocess.Popen([*INGEST, *map(str, sources), "--db", url], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "120"})


def _clean_copy(store: Store, tmp_path: Path, dump) -> dict:
    """Return the dump of a fresh SQLite store given the same analyses, one clean pass in storage order."""
    with Store(f"sqlite:///{tmp_path / 'reference.db'}") as fresh:
        results = fresh.save_many(Analysis.model_validate_json(line) for line in store.export("jsonl"))
        assert {r.status for r in results} <= {"new"}
        return dump(fresh)


def _accounted_for(store: Store, files: list[Path]) -> None:
    """Every input is stored once or recorded as failed; no article is stored twice."""
    with store.engine.connect() as conn:
        sources = conn.execute(sa.select(t.articles.c.source)).scalars().all()
        hashes = conn.execute(sa.select(t.articles.c.text_hash)).scalars().all()
    failed = {f.source for f in store.failures(limit=1000)}
    assert len(sources) == len(set(sources)) and len(hashes) == len(set(hashes))
    missing = {str(f) for f in files} - set(sources) - failed
    assert not missing


def test_kill_at_random_points_then_resume(db_url: str, text_corpus: Path, tmp_path: Path, dump) -> None:
    rng = random.Random(20230621)
    files = sorted(text_corpus.glob("*.txt"))
    kills = 0
    while kills < 3:
        before = _articles(db_url)
        target = before + rng.randint(1, 30)  # a random point in the write loop
        proc = _ingest(db_url, text_corpus)
        while proc.poll() is None and _articles(db_url) < target:
            time.sleep(rng.uniform(0.02, 0.3))
        if proc.poll() is not None:
            break
        time.sleep(rng.uniform(0, 0.5))  # and anywhere between two commits
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        assert before <= _articles(db_url) < len(files)
    assert kills == 3
    proc = _ingest(db_url, text_corpus)
    _, err = proc.communicate(timeout=1800)
    assert proc.returncode in (0, 1), err[-2000:]  # 1: some inputs failed (recorded), the run went on
    # the summary line, wherever a warning from a library lands in stderr
    last = next((line for line in reversed(err.strip().splitlines()) if line.startswith("new ")), "")
    summary = dict(part.rsplit(" ", 1) for part in last.split(", ") if " " in part)
    assert int(summary.get("skipped", 0)) > 0, err[-2000:]  # what the killed runs stored was not redone
    with Store(db_url) as store:
        _accounted_for(store, files)
        assert store.counts()["articles"] >= len(files) * 0.9
        got, reference = dump(store), _clean_copy(store, tmp_path, dump)
        assert got.pop("raw") == store.counts()["articles"]  # each article's raw page kept once
        reference.pop("raw")
        assert got == reference


def test_two_ingests_at_once(db_url: str, text_corpus: Path, tmp_path: Path, dump) -> None:
    files = sorted(text_corpus.glob("*.txt"))[:40]
    Store(db_url).close()  # both start on a migrated database (first-open races: the next test)
    first = _ingest(db_url, *files[:30])
    second = _ingest(db_url, *files[10:40])  # overlaps the first by 20 articles
    for proc in (first, second):
        _, err = proc.communicate(timeout=1800)
        assert proc.returncode in (0, 1), err[-2000:]
        assert "database" not in err.lower() and "lock" not in err.lower(), err[-2000:]
    with Store(db_url) as store:
        _accounted_for(store, files)
        got = dump(store)
        reference = _clean_copy(store, tmp_path, dump)
    # every article's facts stored once, as a clean sequential store of them would have them
    for key in ("articles", "statements", "mentions"):
        assert got[key] == reference[key]
    # no actor created twice by the two writers: as many actors of each name as one clean pass makes
    # (unnamed groups such as "police" are one actor per article by design, in both)
    names = Counter((name, kind) for name, kind, _ in got["actors"])
    expected = Counter((name, kind) for name, kind, _ in reference["actors"])
    assert names == expected, sorted((names - expected).elements())


def test_concurrent_first_open_migrates_once(db_url: str) -> None:
    code = "import sys; from newsgraph.store import Store; Store(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store(db_url) as store:
        assert store.counts()["articles"] == 0
