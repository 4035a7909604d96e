"""Corpus store: articles/second stored, database size per article, query latency; SQLite and PostgreSQL.

    .venv/bin/python benchmarks/store.py --data ../shared/data \
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test] [--articles 1000] [--cache analyses.jsonl]

The corpus is the ScrapingHub pages and the PolNeAR texts (train + dev) under
``--data``; each is read, extracted and analysed ONCE (``--cache`` keeps the
analyses as JSON Lines for the next run), then the same analyses with their raw
documents are stored into each backend:

- ``save``: one transaction per article (what ``newsgraph ingest`` does);
- ``save_many``: batches of 100 in one transaction (what the batch writer does).

Peer measured in the same run: the floor, a bare table that keeps each
analysis as one JSON row (same database, no facts, no resolution, no search
index): what storing costs before any of the store's work.

Query latency (median and p95) at that size: article search, statement search,
an actor's timeline, the CONSULT network, one actor's network, the search
workbench's facets and chart data; and the fact CSV export's rows/s beside a bare
SELECT written with csv.writer (the peer).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from newsgraph.model import Analysis, RawDocument  # noqa: E402
from newsgraph.store import Store  # noqa: E402

console = Console(stderr=True)


def corpus_sources(data: Path) -> list[Path]:
    """Return the corpus files: ScrapingHub pages, then PolNeAR texts."""
    pages = sorted((data / "extraction-scrapinghub" / "html").glob("*.html.gz"))
    texts = sorted((data / "quotes-polnear").glob("*/text/*.txt"))
    return pages + texts


def analyse(sources: list[Path], limit: int, pairs: list[tuple[Analysis, RawDocument]],
            cache: Path | None) -> list[tuple[Analysis, RawDocument]]:
    """Read, extract and analyse ``sources`` until ``limit`` distinct articles; return (analysis, raw) pairs.

    Texts that are the same article (same id or same normalised text) count once,
    as the store would keep them once.  New analyses are appended to ``cache``.
    """
    from newsgraph.analyze.pipeline import default_analyzer
    from newsgraph.extract import extract_article
    from newsgraph.ingest import iter_documents
    from newsgraph.store.duplicates import text_hash

    seen = {a.article.id for a, _ in pairs} | {text_hash(a.article.body) for a, _ in pairs}
    done = {raw.source for _, raw in pairs}
    pairs = [p for p in pairs]
    analyzer = None
    started = time.perf_counter()
    out = cache.open("a", encoding="utf-8") if cache else None
    try:
        for raw in iter_documents([str(s) for s in sources if str(s) not in done], on_error=lambda e: None):
            if len(pairs) >= limit:
                break
            try:
                article = extract_article(raw)
                if article.id in seen or text_hash(article.body) in seen:
                    continue
                analyzer = analyzer or default_analyzer()
                analysis = analyzer.analyze_article(article)
            except Exception as err:  # noqa: BLE001  (a benchmark skips what the pipeline refuses)
                console.print(f"skipped {raw.source}: {type(err).__name__}", markup=False)
                continue
            seen |= {article.id, text_hash(article.body)}
            pairs.append((analysis, raw))
            if out:
                out.write(json.dumps({"analysis": analysis.model_dump(mode="json"), "raw": raw.model_dump(mode="json")}) + "\n")
            if len(pairs) % 50 == 0:
                console.print(f"analysed {len(pairs)} ({len(pairs) / (time.perf_counter() - started):.1f}/s)")
    finally:
        if out:
            out.close()
    return pairs


def load_or_analyse(data: Path, limit: int, cache: Path | None) -> list[tuple[Analysis, RawDocument]]:
    """Return ``limit`` distinct analysed articles, from the cache as far as it goes."""
    from newsgraph.store.duplicates import text_hash

    pairs: list[tuple[Analysis, RawDocument]] = []
    seen: set[str] = set()
    if cache and cache.exists():
        with cache.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                analysis = Analysis.model_validate(row["analysis"])
                keys = {analysis.article.id, text_hash(analysis.article.body)}
                if keys & seen:
                    continue
                seen |= keys
                pairs.append((analysis, RawDocument.model_validate(row["raw"])))
    if len(pairs) >= limit:
        return pairs[:limit]
    return analyse(corpus_sources(data), limit, pairs, cache)


# ------------------------------------------------------------------ backends


class Backend:
    """A fresh empty database per measurement: a SQLite file, or a new PostgreSQL schema."""

    def __init__(self, name: str, base: str | None, workdir: Path) -> None:
        self.name, self.base, self.workdir = name, base, workdir
        self.schemas: list[str] = []

    def fresh(self) -> str:
        if self.base is None:
            return f"sqlite:///{self.workdir / f'{uuid.uuid4().hex[:8]}.db'}"
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        engine = sa.create_engine(self.base)
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        engine.dispose()
        self.schemas.append(schema)
        sep = "&" if "?" in self.base else "?"
        return f"{self.base}{sep}options=-csearch_path%3D{schema}"

    def size(self, url: str) -> int:
        """Return the bytes the database takes."""
        engine = sa.create_engine(url)
        try:
            with engine.connect() as conn:
                if self.base is None:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                    path = Path(sa.engine.make_url(url).database)
                    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
                return int(conn.execute(sa.text(
                    "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                    "AND c.relkind IN ('r', 'm')")).scalar())
        finally:
            engine.dispose()

    def cleanup(self) -> None:
        if self.base is None or not self.schemas:
            return
        engine = sa.create_engine(self.base)
        with engine.begin() as conn:
            for schema in self.schemas:
                conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        engine.dispose()


def bare_json(url: str, pairs: list[tuple[Analysis, RawDocument]]) -> float:
    """The peer: each analysis as one JSON row, one transaction per article; return articles/s."""
    engine = sa.create_engine(url)
    meta = sa.MetaData()
    table = sa.Table("bare", meta, sa.Column("id", sa.String(80), primary_key=True), sa.Column("record", sa.Text),
                     sa.Column("raw", sa.LargeBinary))
    meta.create_all(engine)
    started = time.perf_counter()
    for analysis, raw in pairs:
        with engine.begin() as conn:
            conn.execute(table.insert().values(id=analysis.article.id, record=analysis.model_dump_json(),
                                               raw=raw.content))
    elapsed = time.perf_counter() - started
    engine.dispose()
    return len(pairs) / elapsed


def timed(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Return (median, p95) milliseconds of ``fn`` over ``repeat`` calls."""
    times = []
    for i in range(repeat):
        started = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]


def measure(backend: Backend, pairs: list[tuple[Analysis, RawDocument]], repeat: int) -> dict[str, object]:
    res: dict[str, object] = {}
    res["bare JSON rows (peer), articles/s"] = bare_json(backend.fresh(), pairs)

    url = backend.fresh()
    with Store(url) as store:
        started = time.perf_counter()
        for analysis, raw in pairs:
            store.save(analysis, raw=raw)
        res["save, 1 transaction/article, articles/s"] = len(pairs) / (time.perf_counter() - started)
        counts = store.counts()
    size = backend.size(url)
    res["database size, KB/article"] = size / 1024 / counts["articles"]

    url2 = backend.fresh()
    with Store(url2) as store2:
        started = time.perf_counter()
        store2.save_many((a for a, _ in pairs), raws=(r for _, r in pairs), batch_size=100)
        res["save_many, batches of 100, articles/s"] = len(pairs) / (time.perf_counter() - started)

    with Store(url) as store:
        actors = store.list_actors(limit=50).items
        names = [a.name for a in actors] or ["Trump"]
        words = ["Clinton", "election", "police", "Trump campaign", '"White House"', "tax OR budget", "Iran",
                 "refugees", "debate", "court"]
        res["search articles, ms (median / p95)"] = timed(lambda i: store.search(words[i % len(words)]), repeat)
        res["search statements, ms"] = timed(
            lambda i: store.search(words[i % len(words)], kind="statements"), repeat)
        res["actor timeline, ms"] = timed(lambda i: store.actor_timeline(actors[i % len(actors)].id), repeat)
        res["network (CONSULT), ms"] = timed(lambda i: store.network(), repeat)
        res["network of one actor (all types), ms"] = timed(
            lambda i: store.network(actor=names[i % len(names)], types=None), repeat)
        res["search page's facets + chart data, ms (workbench)"] = timed(
            lambda i: store.search_facets(words[i % len(words)], kind=("articles", "statements", "events")[i % 3]), repeat)
        res["empty query's facets, all events, ms"] = timed(lambda i: store.search_facets("", kind="events"), repeat)
        res.update(export_rates(store, url))
    res["_counts"] = counts
    return res


def export_rates(store: Store, url: str) -> dict[str, float]:
    """Return the fact CSV export's rows/s (every fact kind: the largest export) and the bare query's.

    Peer: the same rows read by one plain SELECT per table and written with csv.writer (no joins for
    article, actor or place names, no chunking): what streaming the rows costs before the schema's work.
    """
    import csv
    import io

    from newsgraph.store import schema as t
    from newsgraph.store.facts import FACT_KINDS

    started = time.perf_counter()
    rows = sum(1 for _ in store.export("csv", facts=FACT_KINDS)) - 1
    ours = time.perf_counter() - started
    started = time.perf_counter()
    bare = 0
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    with store.engine.connect() as conn:
        for table in (t.statements, t.event_evidence, t.framing, t.mentions, t.date_mentions):
            for row in conn.execution_options(stream_results=True).execute(sa.select(table).where(table.c.superseded == sa.false())):
                writer.writerow(row)
                bare += 1
                buffer.seek(0)
                buffer.truncate()
    peer = time.perf_counter() - started
    return {f"fact CSV export, every kind ({rows} rows), rows/s": rows / ours,
            f"peer: bare SELECT + csv.writer ({bare} rows), rows/s": bare / peer}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the shared data directory")
    parser.add_argument("--postgres", help="PostgreSQL URL (a schema is created and dropped per measurement)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--cache", type=Path, help="JSON Lines file keeping the analyses between runs")
    parser.add_argument("--repeat", type=int, default=40, help="calls per query latency")
    args = parser.parse_args()
    if not args.data.is_dir():
        parser.error(f"{args.data}: not a directory")

    pairs = load_or_analyse(args.data, args.articles, args.cache)
    console.print(f"{len(pairs)} analyses ready")
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        backends = [Backend("SQLite", None, Path(tmp))]
        if args.postgres:
            backends.append(Backend("PostgreSQL", args.postgres, Path(tmp)))
        for backend in backends:
            console.print(f"measuring {backend.name}")
            try:
                results[backend.name] = measure(backend, pairs, args.repeat)
            finally:
                backend.cleanup()

    first = next(iter(results.values()))
    counts = first["_counts"]
    table = Table(title=f"Corpus store, {len(pairs)} articles analysed once "
                        f"({counts['statements']} statements, {counts['events']} events, {counts['actors']} actors)")
    table.add_column("measure")
    for name in results:
        table.add_column(name, justify="right")
    for key in first:
        if key.startswith("_"):
            continue
        cells = []
        for res in results.values():
            value = res[key]
            cells.append(f"{value[0]:.1f} / {value[1]:.1f}" if isinstance(value, tuple) else f"{value:.1f}")
        table.add_row(key, *cells)
    Console().print(table)


if __name__ == "__main__":
    main()
