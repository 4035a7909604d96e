"""The search workbench at corpus size: facets + chart data latency, and the fact CSV export's rows/s.

    .venv/bin/python benchmarks/workbench.py --from newsgraph.db --articles 1000 [--out big.db]

The corpus is built from the real analyses stored in ``--from`` (e.g. the 32 news-gold stories
ingested), each stored again under new ids until ``--articles`` articles: the body gets one more
word (so it is not a copy), the outlet is one of 20 and the publication month one of 36, so
facets and chart have many values.  No analysis runs, so building 1,000 articles takes seconds.

Measured in the same run: the search's facets (outlet, actor, type, cue, direct, month) and the
month series, median / p95 over ``--repeat`` calls, beside the bare search page (the peer); and
the CSV export of every fact kind (rows/s) beside a bare SELECT per table written with csv.writer
(the peer).  Serve ``--out`` and run ``benchmarks/web_load.py --db … --latency 50`` for the page.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from newsgraph.store import Store  # noqa: E402
from newsgraph.store import schema as t  # noqa: E402
from newsgraph.store.facts import FACT_KINDS  # noqa: E402


def build(source: Store, target: Store, articles: int) -> int:
    """Store variants of ``source``'s analyses into ``target`` until it holds ``articles``; return how many."""
    ids = [a.id for a in source.search("", limit=1000).items]
    analyses = [source.get_analysis(i) for i in ids]

    def variants():  # noqa: ANN202
        for n in range(articles):
            base = analyses[n % len(analyses)]
            year, month = 2022 + (n % 36) // 12, 1 + n % 12
            published = f"{year}-{month:02d}-{1 + n % 28:02d}T12:00"
            art = base.article.model_copy(update={"id": f"{base.article.id}-v{n}", "site": f"Outlet {n % 20}",
                                                  "body": base.article.body + f" v{n}", "published": published,
                                                  "published_precision": "minute", "url": None})
            yield base.model_copy(update={"article": art})

    return sum(r.status == "new" for r in target.save_many(variants(), batch_size=200))


def timed(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for i in range(repeat):
        started = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]


def export_rates(store: Store) -> tuple[int, float, int, float]:
    """Return (rows, rows/s) of the fact CSV export of every kind, and the same for the bare SELECT peer."""
    started = time.perf_counter()
    rows = sum(1 for _ in store.export("csv", facts=FACT_KINDS)) - 1
    ours = time.perf_counter() - started
    started = time.perf_counter()
    bare, buffer = 0, io.StringIO()
    writer = csv.writer(buffer)
    with store.engine.connect() as conn:
        for table in (t.statements, t.event_evidence, t.framing, t.mentions, t.date_mentions):
            for row in conn.execution_options(stream_results=True).execute(sa.select(table).where(table.c.superseded == sa.false())):
                writer.writerow(row)
                buffer.seek(0)
                buffer.truncate()
                bare += 1
    return rows, rows / ours, bare, bare / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", required=True, help="a corpus of real analyses (URL or SQLite path)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", help="SQLite file to build (kept); default: a temporary one")
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    source_url = args.source if "://" in args.source else f"sqlite:///{args.source}"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out) if args.out else Path(tmp) / "workbench.db"
        with Store(source_url) as source, Store(f"sqlite:///{out}") as store:
            if store.counts()["articles"] < args.articles:
                started = time.perf_counter()
                n = build(source, store, args.articles - store.counts()["articles"])
                print(f"stored {n} articles in {time.perf_counter() - started:.0f} s")
            counts = store.counts()
            print(f"{counts['articles']} articles, {counts['statements']} statements, {counts['events']} events")
            words = ["said", "president", "police", "election OR vote", '"prime minister"', "war", "talks", "court"]
            kinds = ("articles", "statements", "events")
            rows = [
                ("facets + months, words", timed(lambda i: store.search_facets(words[i % len(words)], kind=kinds[i % 3]), args.repeat)),
                ("facets + months, no words", timed(lambda i: store.search_facets("", kind=kinds[i % 3]), args.repeat)),
                ("peer: one page of results", timed(lambda i: store.search(words[i % len(words)], kind=kinds[i % 3]), args.repeat)),
            ]
            for name, (median, p95) in rows:
                print(f"{name:<28} median {median:7.1f} ms   p95 {p95:7.1f} ms")
            ours_rows, ours, bare_rows, bare = export_rates(store)
            print(f"{'fact CSV export':<28} {ours_rows} rows, {ours:,.0f} rows/s")
            print(f"{'peer: bare SELECT + csv':<28} {bare_rows} rows, {bare:,.0f} rows/s")


if __name__ == "__main__":
    main()
