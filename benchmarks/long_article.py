"""One long article: peak memory and time against its length, newsgraph beside bare spaCy in the same run.

    .venv/bin/python benchmarks/long_article.py --data ../shared/data [--words 50000 200000] [--ingest] [--repeat]

The article is real news: the PolNeAR texts joined by blank lines (repeated, each repeat marked,
when more words are asked than the corpus holds). With ``--repeat`` every size is the first size's
text repeated, so a CPU ratio above the length ratio is the cost of length alone, not of other text.
Each measurement runs in a fresh process, so its peak resident memory (``ru_maxrss``, model loaded
included) is its own:

* ``spacy``: the peer, the bare spaCy model's ``nlp.pipe`` over the same chunks newsgraph cuts
  the body into (``pipeline._chunk_bounds``), each Doc dropped as it comes;
* ``analyze``: ``Analyzer.analyze_article`` on the article (the chunks streamed, the facts kept);
* ``ingest`` (with ``--ingest``): ``newsgraph ingest`` of the article as a text file into a
  fresh SQLite store, in process: reading, extraction, analysis and the store's writes. The copied-text
  reader keeps the main block of the joined stories, so the row says how much of the body it stored.

CPU seconds are the child's own (the machine may be shared); the last column is the ratio of
CPU time to the first size's. Goals (issue 16): peak memory <= 1 GB for one article up to the
20 MB input cap; time linear in length (200,000 words <= 4x the time of 50,000).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_body(data: Path, words: int, base: int | None = None) -> str:
    """Return a body of at least ``words`` words made of the PolNeAR texts, paragraphs kept; with ``base``,
    the body of ``base`` words repeated (each copy marked), so that every size has the same text per word."""
    if base is not None and words > base:
        one = build_body(data, base)
        copies = -(-words // len(one.split()))
        return "\n\n".join(one if not k else f"(Copy {k}.) {one}" for k in range(copies))
    texts = sorted((data / "quotes-polnear").glob("*/text/*.txt"))
    if not texts:
        sys.exit(f"error: {data}: no PolNeAR texts found")
    parts: list[str] = []
    count = 0
    copy = 0
    while count < words:
        for path in texts:
            text = path.read_text(encoding="utf-8").strip()
            parts.append(text if not copy else f"(Repeat {copy}.) {text}")
            count += len(text.split())
            if count >= words:
                break
        copy += 1
    return "\n\n".join(parts)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, body_path: Path) -> dict[str, object]:
    """Run one measurement in this process; return its figures."""
    body = body_path.read_text(encoding="utf-8") if mode != "ingest" else ""  # ingest reads the file itself
    from newsgraph.analyze import pipeline

    if mode == "spacy":
        import spacy

        nlp = spacy.load(pipeline.DEFAULT_MODEL)
        cpu, wall = time.process_time(), time.perf_counter()
        tokens = 0
        for doc in nlp.pipe(body[s:e] for s, e in pipeline._chunk_bounds(body, pipeline.CHUNK_CHARS)):
            tokens += len(doc)
        facts = f"{tokens:,} tokens"
    elif mode == "analyze":
        from newsgraph.model import Article

        analyzer = pipeline.Analyzer(budget=1e9)
        cpu, wall = time.process_time(), time.perf_counter()
        analysis = analyzer.analyze_article(Article(id="long", source=str(body_path), body=body))
        facts = f"{len(analysis.actors):,} actors, {len(analysis.statements):,} statements"
    else:
        from newsgraph.process import Options, counts, process
        from newsgraph.store import Store

        analyzer = pipeline.Analyzer(budget=1e9)
        with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/long.db") as store:
            cpu, wall = time.process_time(), time.perf_counter()
            tally = counts(process([str(body_path)], options=Options(), analyzer=analyzer, store=store))
            stored = store.counts()
            kept = [len(store.get_analysis(a.id).article.body) for a in store.recent_articles(limit=1).items]
        # The copied-text reader keeps the article's main block of a text file (the joined texts are many stories),
        # so the stored body is said beside the facts: the row measures that body, not the whole input.
        facts = (f"{stored.get('statements', 0):,} statements stored, body {kept[0]:,} of {len(body_path.read_text()):,}"
                 " chars" if tally.get("new") and kept else f"{tally}")
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall, "peak_mb": _peak_mb(),
            "facts": facts}


def measure(mode: str, body_path: Path) -> dict[str, object]:
    """Run ``child`` in a fresh interpreter; return its figures."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(body_path)], capture_output=True,
                         text=True, env=env, check=False)
    if out.returncode:
        sys.exit(f"error: {mode} on {body_path.name}: {out.stderr.strip().splitlines()[-1:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Measure each size with each mode; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--words", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--ingest", action="store_true", help="also measure a whole `ingest` of the article")
    parser.add_argument("--repeat", action="store_true",
                        help="make each size of the first size's text repeated (the same text per word at every size)")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "BODY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return
    from rich.console import Console
    from rich.table import Table

    from newsgraph.analyze.pipeline import CHUNK_CHARS, _chunk_bounds

    modes = ["spacy", "analyze"] + (["ingest"] if args.ingest else [])
    how = "the first size's text repeated" if args.repeat else "PolNeAR texts joined"
    table = Table(title=f"one long article ({how}); CPU s of the measuring process")
    for column in ("words", "MB", "chunks", "run", "CPU s", "wall s", "peak RSS MB", "CPU / first size", "output"):
        table.add_column(column, justify="left" if column in ("run", "output") else "right")
    first: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for words in args.words:
            body = build_body(args.data, words, args.words[0] if args.repeat else None)
            path = Path(tmp) / f"long-{words}.txt"
            path.write_text(body, encoding="utf-8")
            chunks = len(_chunk_bounds(body, CHUNK_CHARS))
            for mode in modes:
                got = measure(mode, path)
                first.setdefault(mode, got["cpu"])
                table.add_row(f"{len(body.split()):,}", f"{len(body.encode()) / 1e6:.1f}", str(chunks), mode,
                              f"{got['cpu']:.1f}", f"{got['wall']:.1f}", f"{got['peak_mb']:.0f}",
                              f"{got['cpu'] / first[mode]:.2f}x", str(got["facts"]))
                print(f"{words} {mode}: {got}", file=sys.stderr)
    Console(width=160).print(table)


if __name__ == "__main__":
    main()
