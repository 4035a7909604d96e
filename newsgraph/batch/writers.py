"""The single writer: partition results into the database, or into Parquet shards.

Only the client writes. A result is written idempotently by article id (an id
already stored, or already written in this run, is skipped), so a partition a
Dask worker ran twice, or a re-run after a crash, never doubles an article.

Parquet layout (``--out DIR``)::

    DIR/part-000001.parquet   one per partition: kind, article_id, source, url,
                              title, published, json (the Analysis or the
                              IngestFailure as JSON)
    DIR/manifest.json         the shards with their counts, the totals, the errors
                              (rewritten every few seconds and at the end of a run)
    DIR/batch-state.sqlite    resume state (see newsgraph.batch.state)

``load_dir`` puts a directory of shards into a database later.
"""

from __future__ import annotations

import json
import os
import time
from collections import deque
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.batch.state import BatchState
from newsgraph.batch.worker import PartitionResult
from newsgraph.errors import StoreError
from newsgraph.model import Analysis, IngestFailure

#: Analyses per ``Store.save_many`` call (one transaction each).
SAVE_BATCH = 200
SHARD_RE = re.compile(r"^part-(\d{6})\.parquet$")
MANIFEST = "manifest.json"
#: The latest failures listed in the manifest (all of them are in the shards).
MANIFEST_ERRORS = 1000
#: Seconds between manifest rewrites during a run.
MANIFEST_EVERY = 5.0
STATE_FILE = "batch-state.sqlite"


@dataclass
class WriteCounts:
    """What one write did."""

    written: int = 0
    skipped: int = 0  # already stored (by id)
    failures: int = 0


def is_db_url(out: str) -> bool:
    """Return True when ``--out`` names a database rather than a shard directory."""
    return "://" in out or out.lower().endswith((".db", ".sqlite", ".sqlite3"))


def _done_rows(result: PartitionResult) -> list[tuple[str, str, int, int]]:
    """Return the inputs of a result that are finished (not worth retrying on a later run)."""
    return [(o.item.key, o.item.source, o.articles, o.failures) for o in result.outcomes
            if not o.retryable and o.next_offset is None]  # a WARC file is done after its last chunk


def _fresh(analyses: list[Analysis], known: set[str], written: set[str]) -> tuple[list[Analysis], int]:
    """Return the analyses whose article is neither known nor already in this batch, and how many were dropped."""
    fresh: list[Analysis] = []
    for analysis in analyses:
        article_id = analysis.article.id
        if article_id in known or article_id in written:
            continue
        written.add(article_id)
        fresh.append(analysis)
    return fresh, len(analyses) - len(fresh)


def save_fresh(store, analyses: list[Analysis], written: set[str] | None = None) -> WriteCounts:  # noqa: ANN001
    """Store the analyses whose article is not stored yet (``Store.save_many``); return the counts.

    The one rule for ``batch`` and ``load``: an id already stored (or already in
    ``written``) is skipped; an article the store finds to be the same text stored
    before from another source (a syndicated copy, "unchanged") is skipped too, not
    counted as written; a "failed" save was recorded in ingest_failures by the store.
    """
    counts = WriteCounts()
    ids = [a.article.id for a in analyses]
    known = set(store.known_ids(ids)) if ids else set()
    fresh, counts.skipped = _fresh(analyses, known, written if written is not None else set())
    saved = store.save_many(fresh, batch_size=SAVE_BATCH) if fresh else []
    refused = sum(1 for r in saved if r.status == "failed")
    copies = sum(1 for r in saved if r.status == "unchanged")
    counts.written = len(fresh) - refused - copies
    counts.skipped += copies
    counts.failures = refused
    return counts


class DbWriter:
    """Write results to a newsgraph database through ``Store.save_many`` (batched transactions)."""

    def __init__(self, url: str) -> None:
        from newsgraph.store import Store

        self.url = url
        self.store = Store(url)
        self.state = BatchState(url)

    def write(self, result: PartitionResult) -> WriteCounts:
        """Store a partition's new analyses and its failures; then mark its inputs done."""
        counts = save_fresh(self.store, result.analyses)
        for fail in result.failures:
            self.store.record_failure(fail)
        counts.failures += len(result.failures)
        self.state.mark_done(_done_rows(result))
        return counts

    def record_failures(self, failures: list[IngestFailure]) -> None:
        """Store failures that no partition result carries (e.g. a partition that could not run)."""
        for fail in failures:
            self.store.record_failure(fail)

    def close(self) -> None:
        """Close the store and the state."""
        close = getattr(self.store, "close", None)
        if close:
            close()
        self.state.close()


class ParquetWriter:
    """Write one Parquet shard per partition result, plus a manifest, into a directory."""

    def __init__(self, directory: str) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.state = BatchState(f"sqlite:///{self.dir / STATE_FILE}")
        self._reconcile()
        self.errors: deque[dict] = deque(maxlen=MANIFEST_ERRORS)
        numbers = [int(m.group(1)) for p in self.dir.iterdir() if (m := SHARD_RE.match(p.name))]
        self.next_number = max(numbers, default=0) + 1
        self._manifest_at = 0.0

    def _reconcile(self) -> None:
        """Adopt shards written by a run that died before recording them (their ids and inputs)."""
        import pyarrow.parquet as pq

        recorded = self.state.shard_names()
        for path in sorted(self.dir.glob("part-*.parquet")):
            if path.name in recorded or not SHARD_RE.match(path.name):
                continue
            table = pq.read_table(path, columns=["kind", "article_id"])
            kinds = table.column("kind").to_pylist()
            ids = [i for k, i in zip(kinds, table.column("article_id").to_pylist()) if k == "analysis"]
            meta = pq.read_schema(path).metadata or {}
            info = json.loads(meta.get(b"newsgraph", b"{}"))
            inputs = [tuple(r) for r in info.get("inputs", [])]
            self.state.record_shard(path.name, info.get("partition", -1), ids, kinds.count("failure"), inputs)

    def write(self, result: PartitionResult) -> WriteCounts:
        """Write a shard of the result's new analyses and failures; record it; update the manifest."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        counts = WriteCounts()
        ids = [a.article.id for a in result.analyses]
        known = self.state.known_article_ids(ids)
        fresh, counts.skipped = _fresh(result.analyses, known, set())
        rows = {"kind": [], "article_id": [], "source": [], "url": [], "title": [], "published": [], "json": []}
        for analysis in fresh:
            art = analysis.article
            for key, value in (("kind", "analysis"), ("article_id", art.id), ("source", art.source), ("url", art.url),
                               ("title", art.title), ("published", art.published), ("json", analysis.model_dump_json())):
                rows[key].append(value)
        for fail in result.failures:
            for key, value in (("kind", "failure"), ("article_id", None), ("source", fail.source), ("url", None),
                               ("title", None), ("published", None), ("json", fail.model_dump_json())):
                rows[key].append(value)
            self.errors.append({"source": fail.source, "stage": fail.stage, "error": fail.error})
        inputs = _done_rows(result)
        name = f"part-{self.next_number:06d}.parquet"
        self.next_number += 1
        schema = pa.schema([(k, pa.string()) for k in rows]).with_metadata(
            {"newsgraph": json.dumps({"partition": result.partition, "inputs": inputs})}
        )
        table = pa.Table.from_pydict(rows, schema=schema)
        tmp = self.dir / f".{name}.tmp"
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, self.dir / name)  # a shard is whole or absent
        self.state.record_shard(name, result.partition, [a.article.id for a in fresh], len(result.failures), inputs)
        # the state is the record; the manifest is rewritten from it now and then (and at close),
        # not after every shard, which would be quadratic over a run of many thousand shards
        if time.monotonic() - self._manifest_at >= MANIFEST_EVERY:
            self.write_manifest()
        counts.written, counts.failures = len(fresh), len(result.failures)
        return counts

    def record_failures(self, failures: list[IngestFailure]) -> None:
        """Write failures that no partition result carries, as a shard of their own."""
        if failures:
            self.write(PartitionResult(partition=-1, failures=list(failures)))

    def write_manifest(self) -> None:
        """Rewrite manifest.json (atomically) from the recorded shards."""
        shards = self.state.shards()
        manifest = {
            "format": "newsgraph-batch-shards/1",
            "shards": [{"file": s["name"], "partition": s["partition"], "articles": s["articles"],
                        "failures": s["failures"], "inputs": s["inputs"], "created_at": s["created_at"]} for s in shards],
            "totals": {"shards": len(shards), "articles": sum(s["articles"] for s in shards),
                       "failures": sum(s["failures"] for s in shards)},
            "errors_this_run": list(self.errors),
        }
        tmp = self.dir / f".{MANIFEST}.tmp"
        tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        os.replace(tmp, self.dir / MANIFEST)
        self._manifest_at = time.monotonic()

    def close(self) -> None:
        """Write the final manifest and close the state database."""
        try:
            self.write_manifest()
        finally:
            self.state.close()


def open_writer(out: str) -> DbWriter | ParquetWriter:
    """Return the writer for ``--out``: a database URL or a directory of Parquet shards."""
    return DbWriter(out) if is_db_url(out) else ParquetWriter(out)


@dataclass
class LoadReport:
    """What ``load_dir`` did."""

    shards: int = 0
    shards_skipped: int = 0
    written: int = 0
    skipped: int = 0
    failures: int = 0


def load_dir(directory: str, db: str) -> LoadReport:
    """Put a directory of Parquet shards into the database ``db``; return the counts.

    Idempotent: articles already stored are skipped by id, and shards loaded
    before (same name and size) are skipped whole, failures included.
    """
    import pyarrow.parquet as pq

    from newsgraph.store import Store

    root = Path(directory)
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        raise StoreError("not a newsgraph shard directory (no manifest.json)", source=directory)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files = [s["file"] for s in manifest["shards"]]
    except (ValueError, KeyError, TypeError) as err:
        raise StoreError(f"unreadable manifest.json ({err})", source=directory) from err
    store = Store(db)
    state = BatchState(db)
    report = LoadReport()
    try:
        for name in files:
            path = root / name
            if not SHARD_RE.match(name) or not path.is_file():
                raise StoreError("manifest lists a missing shard", source=str(path))
            key = f"load:{path.resolve()}|{path.stat().st_size}"
            if state.done_keys([key]):
                report.shards_skipped += 1
                continue
            articles = failures = 0
            for batch in pq.ParquetFile(path).iter_batches(batch_size=SAVE_BATCH, columns=["kind", "json"]):
                analyses = []
                for kind, text in zip(batch.column("kind").to_pylist(), batch.column("json").to_pylist()):
                    if kind == "analysis":
                        analyses.append(Analysis.model_validate_json(text))
                    else:
                        store.record_failure(IngestFailure.model_validate_json(text))
                        failures += 1
                counts = save_fresh(store, analyses)
                failures += counts.failures
                report.written += counts.written
                report.skipped += counts.skipped
                articles += counts.written
            report.failures += failures
            state.mark_done([(key, str(path), articles, failures)])
            report.shards += 1
    finally:
        close = getattr(store, "close", None)
        if close:
            close()
        state.close()
    return report
