"""Throughput of newsgraph, stage by stage, against its peers measured in the same run.

    python benchmarks/throughput.py --data ../shared/data [--articles 2000] [--profile 150]

Inputs: the ScrapingHub pages (HTML) and the PolNeAR texts, shuffled together
and repeated to ``--articles`` files. A repeated file is a *distinct* article
(a text gets a "(copy k)" line, a page another canonical URL), so the store
and the batch writer really store it rather than skip it as a duplicate.

One table:

* reading HTML: ``trafilatura.extract`` alone vs newsgraph's read + extract
  (``iter_documents`` + ``extract_article``) on the same pages;
* analysis: the bare spaCy model (``nlp.pipe`` over the bodies) vs
  ``Analyzer.pipe`` over the same articles (goal: >= 85% of the bare speed, issues 12 and 13);
* full ingest to SQLite (``newsgraph ingest``, in process, model already loaded):
  articles/s and database MB per article;
* batch on a LocalCluster with 1 and 2 worker processes (model preloaded, Parquet
  output): articles/s and the scaling ratio (goal: >= 1.7), plus the peak RSS of
  each worker (goal: < 1 GB).

Then where the time goes: each pipeline component timed on its own over a
sample, and a pyinstrument profile of ``Analyzer.pipe`` over the same sample.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Peers are timed in alternating blocks of this many inputs (the machine may be shared).
BLOCK = 20
sys.path.insert(0, str(ROOT))


def build_corpus(data: Path, n: int, dest: Path) -> tuple[list[Path], list[Path]]:
    """Write ``n`` input files into ``dest``; return (html files, text files)."""
    pages = sorted((data / "extraction-scrapinghub" / "html").glob("*.html.gz"))
    texts = sorted((data / "quotes-polnear").glob("*/text/*.txt"))
    if not pages or not texts:
        sys.exit(f"error: {data}: no ScrapingHub pages or PolNeAR texts found")
    pool = pages + texts
    random.Random(0).shuffle(pool)
    html_out, text_out = [], []
    dest.mkdir(parents=True)
    for i in range(n):
        src = pool[i % len(pool)]
        copy = i // len(pool)
        sub = dest / f"d{i // 500:03d}"
        sub.mkdir(exist_ok=True)
        if src.name.endswith(".html.gz"):
            target = sub / f"{i:05d}-{src.name}"
            if copy == 0:
                shutil.copyfile(src, target)
            else:  # another canonical URL makes it another article
                html = gzip.decompress(src.read_bytes())
                html = re.sub(rb'<link[^>]+rel=["\']?canonical[^>]*>', b"", html, flags=re.I)
                html = re.sub(rb'<meta[^>]+og:url[^>]*>', b"", html, flags=re.I)
                tag = f'<link rel="canonical" href="https://bench.example/{copy}/{src.name[:16]}">'.encode()
                html = re.sub(rb"<head[^>]*>", lambda m: m.group(0) + tag, html, count=1, flags=re.I)
                target.write_bytes(gzip.compress(html, compresslevel=1))
            html_out.append(target)
        else:
            target = sub / f"{i:05d}-{src.name}"
            text = src.read_text(encoding="utf-8", errors="replace")
            target.write_text(text if copy == 0 else f"(copy {copy})\n\n{text}", encoding="utf-8")
            text_out.append(target)
    return html_out, text_out


def timed(fn):
    """Return (result, seconds) of fn()."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def read_trafilatura(paths: list[Path]) -> int:
    import trafilatura

    done = 0
    for path in paths:
        html = gzip.decompress(path.read_bytes())
        if trafilatura.extract(html, with_metadata=True):
            done += 1
    return done


def read_newsgraph(paths: list[Path]) -> list:
    from newsgraph.errors import NewsgraphError
    from newsgraph.extract import extract_article
    from newsgraph.ingest import iter_documents

    articles = []
    for raw in iter_documents([str(p) for p in paths], on_error=lambda err: None):
        try:
            articles.append(extract_article(raw))
        except NewsgraphError:
            continue
    return articles


def ingest_sqlite(corpus: Path, db: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", f"sqlite:///{db}"])
    if result.exit_code not in (0, 1):  # 1: some inputs failed, the rest stored
        raise SystemExit(f"ingest failed: {result.output[-2000:]}")


def db_articles(db: Path) -> int:
    from newsgraph.store import Store

    with Store(f"sqlite:///{db}") as store:
        return store.counts()["articles"]


def db_megabytes(db: Path) -> float:
    total = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return total / 2**20


def run_cluster(corpus: Path, out: Path, workers: int, partition_size: int):
    """Return the BatchReport of a batch run on a fresh LocalCluster whose workers have the model loaded."""
    from dask.distributed import Client, LocalCluster

    from newsgraph.batch.runner import prepare_workers, run_batch

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        prepare_workers(client)  # load the model before the clock starts
        return run_batch([str(corpus)], out=str(out), client=client, partition_size=partition_size, progress=False)
    finally:
        client.close()
        cluster.close()


def component_times(analyzer, bodies: list[str]) -> list[tuple[str, float]]:
    """Time each pipeline component on its own over the same docs, in pipeline order."""
    nlp = analyzer.nlp
    docs, tokenizer = timed(lambda: [nlp.make_doc(b) for b in bodies])
    rows = [("tokenizer", tokenizer)]
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            docs, seconds = timed(lambda proc=proc: list(proc.pipe(docs, batch_size=16)))
        else:
            docs, seconds = timed(lambda proc=proc: [proc(d) for d in docs])
        rows.append((name, seconds))
    return rows


def stage_reading(html: list[Path]) -> tuple[str, str, str]:
    """Time trafilatura alone and newsgraph's read + extract on the same pages, in alternating blocks."""
    read_trafilatura(html[:3])  # warm-ups: imports, lazy models
    read_newsgraph(html[:3])
    ok, t_traf, t_ng, got = 0, 0.0, 0.0, 0
    for start in range(0, len(html), BLOCK):
        block = html[start : start + BLOCK]
        done, seconds = timed(lambda: read_trafilatura(block))
        ok, t_traf = ok + done, t_traf + seconds
        arts, seconds = timed(lambda: read_newsgraph(block))
        got, t_ng = got + len(arts), t_ng + seconds
    print(f"  reading done: trafilatura {t_traf:.1f}s ({ok} ok), newsgraph {t_ng:.1f}s ({got} ok)", flush=True)
    return ("reading HTML (pages/s)", f"trafilatura.extract {len(html) / t_traf:.1f}",
            f"read+extract {len(html) / t_ng:.1f} ({t_traf / t_ng:.0%} of peer)")


def stage_analysis(articles: list, analyzer) -> tuple[str, str, str]:
    """Time the bare model and Analyzer.pipe on the same articles, in alternating blocks.

    Alternating blocks make a shared machine's drifting load weigh on both alike.
    """
    import spacy

    from newsgraph.analyze.pipeline import DEFAULT_MODEL

    bare = spacy.load(DEFAULT_MODEL)
    list(bare.pipe([a.body for a in articles[:5]]))  # warm-ups
    list(analyzer.pipe(articles[:5]))
    t_bare = t_ng = 0.0
    for k, start in enumerate(range(0, len(articles), BLOCK)):
        block = articles[start : start + BLOCK]
        run_bare = lambda: sum(1 for _ in bare.pipe([a.body for a in block], batch_size=16))  # noqa: E731
        run_ng = lambda: sum(1 for _ in analyzer.pipe(block))  # noqa: E731
        first, second = (run_bare, run_ng) if k % 2 == 0 else (run_ng, run_bare)
        t_first, t_second = timed(first)[1], timed(second)[1]
        t_bare += t_first if k % 2 == 0 else t_second
        t_ng += t_second if k % 2 == 0 else t_first
    words = sum(len(a.body.split()) for a in articles)
    print(f"  analysis done: {len(articles)} articles, {words} words; bare {t_bare:.1f}s, newsgraph {t_ng:.1f}s", flush=True)
    return ("analysis (articles/s)", f"bare {DEFAULT_MODEL} nlp.pipe {len(articles) / t_bare:.1f}",
            f"Analyzer.pipe {len(articles) / t_ng:.1f} ({t_bare / t_ng:.0%} of peer; goal >= 85%)")


def stage_ingest(corpus: Path, db: Path) -> tuple[str, str, str]:
    """Time `newsgraph ingest` of the whole corpus into a new SQLite file."""
    _, seconds = timed(lambda: ingest_sqlite(corpus, db))
    stored = db_articles(db)
    print(f"  ingest done: {stored} articles in {seconds:.1f}s", flush=True)
    return ("full ingest to SQLite", "—",
            f"{stored / seconds:.1f} articles/s, {db_megabytes(db) / max(stored, 1):.3f} MB/article ({stored} stored)")


def stage_batch(corpus: Path, work: Path, size: int, rounds: int) -> list[tuple[str, str, str]]:
    """Time batch runs with 1 and 2 workers, alternating, ``rounds`` times each; also their peak memory."""
    totals = {1: [0, 0.0, 0.0], 2: [0, 0.0, 0.0]}  # articles, wall seconds, worker CPU seconds
    peaks: list[float] = []
    for r in range(rounds):
        for workers in ((1, 2) if r % 2 == 0 else (2, 1)):
            report = run_cluster(corpus, work / f"batch-{r}-{workers}", workers, size)
            done = report.articles + report.skipped_articles
            totals[workers][0] += done
            totals[workers][1] += report.seconds
            totals[workers][2] += report.worker_cpu_seconds
            peaks.extend(v / 2**20 for v in report.peak_rss.values())
            print(f"  batch {workers} worker(s): {done} articles in {report.seconds:.1f}s, "
                  f"worker CPU {report.worker_cpu_seconds:.1f}s (load {os.getloadavg()[0]:.1f})", flush=True)
    one, two = (totals[w][0] / totals[w][1] for w in (1, 2))
    # CPU seconds per article: equal for 1 and 2 workers when the batch adds no per-worker overhead,
    # so a scaling ratio under 2x then comes from CPUs taken by other processes, not from the design
    cpu1, cpu2 = (totals[w][2] / max(totals[w][0], 1) for w in (1, 2))
    return [("batch, 1 vs 2 Dask workers", "—", f"1: {one:.1f}/s, 2: {two:.1f}/s, scaling {two / one:.2f}x (goal >= 1.7x)"),
            ("batch worker CPU per article", "—", f"1 worker: {cpu1:.3f} s, 2 workers: {cpu2:.3f} s"),
            ("peak memory per worker", "—", f"max {max(peaks):.0f} MiB over {len(peaks)} workers (goal < 1024)")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data directory (../shared/data)")
    parser.add_argument("--articles", type=int, default=2000, help="input files (>= 2000 for the issue's figures)")
    parser.add_argument("--partition-size", type=int, default=None,
                        help="inputs per batch task (default: about 40 partitions, so 2 workers stay balanced)")
    parser.add_argument("--profile", type=int, default=150, help="articles in the profiled sample (0: no profile)")
    parser.add_argument("--stages", default="reading,analysis,ingest,batch", help="which stages to run (comma list)")
    parser.add_argument("--batch-rounds", type=int, default=1, help="alternating 1- and 2-worker batch runs, each")
    args = parser.parse_args()

    from newsgraph.analyze.pipeline import default_analyzer

    work = Path(tempfile.mkdtemp(prefix="ng-throughput-"))
    try:
        corpus = work / "corpus"
        html, text = build_corpus(args.data, args.articles, corpus)
        n = len(html) + len(text)
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
        print(f"corpus: {n} files ({len(html)} ScrapingHub pages, {len(text)} PolNeAR texts) in {corpus}", flush=True)
        rows: list[tuple[str, str, str]] = []

        stages = set(args.stages.split(","))
        articles: list = []
        analyzer = None
        if "reading" in stages:
            rows.append(stage_reading(html))
        if "analysis" in stages:
            articles = [a for a in read_newsgraph(html) + read_newsgraph(text) if a.body.strip()]
            analyzer = default_analyzer()
            rows.append(stage_analysis(articles, analyzer))
        if "ingest" in stages:
            rows.append(stage_ingest(corpus, work / "ingest.db"))
        if "batch" in stages:
            rows.extend(stage_batch(corpus, work, args.partition_size or max(4, n // 40), args.batch_rounds))

        print(f"load average at end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print()
        width = [max(len(r[i]) for r in rows + [("stage", "peer in the same run", "newsgraph")]) for i in range(3)]
        line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, width)) + " |"  # noqa: E731
        print(line(("stage", "peer in the same run", "newsgraph")))
        print("|" + "|".join("-" * (w + 2) for w in width) + "|")
        for r in rows:
            print(line(r))

        if args.profile and analyzer is not None:
            sample = articles[: args.profile]
            print(f"\nwhere the time goes: each component alone over {len(sample)} articles")
            comp = component_times(analyzer, [a.body for a in sample])
            total = sum(s for _, s in comp)
            for name, seconds in comp:
                print(f"  {name:24s} {seconds:7.2f}s {seconds / total:6.1%}")
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.002)
            profiler.start()
            for _ in analyzer.pipe(sample):
                pass
            profiler.stop()
            text_out = profiler.output_text(unicode=False, color=False, show_all=False)
            print("\npyinstrument, Analyzer.pipe over the same sample (top of the tree):")
            print("\n".join(text_out.splitlines()[:70]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
