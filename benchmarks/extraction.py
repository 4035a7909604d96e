"""Article body extraction on the ScrapingHub benchmark: newsgraph beside plain trafilatura.

    python benchmarks/extraction.py --data ../shared/data/extraction-scrapinghub

The metric is the benchmark's own (its evaluate.py), re-implemented here: ``\\w+``
tokens, 4-token shingles as a multiset (a text of under 4 tokens is one short
shingle); per page true positives, false positives and false negatives,
normalised so that each page weighs 1; precision and recall over the summed
page figures; F1 their harmonic mean; ``±`` the standard deviation of F1 over
a 1000-sample bootstrap of the pages.

Then the same pages as copied text (``copied_text.py``: lxml's visible text with
block elements as line breaks, and Chromium's innerText when /usr/bin/chromium
exists), read by newsgraph's copied-text reader and by trafilatura (given the
copy as one paragraph a line), body F1 against the same ground truth; newsgraph's
title and date on the copies against the page's own metadata (``copied_text.page_metadata``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
import copied_text  # noqa: E402 - the benchmark's own helper module, beside this file

_TOKEN = re.compile(r"\w+", re.UNICODE)
Figures = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Return the multiset of ``n``-token shingles of ``text``."""
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_figures(expected: str, predicted: str) -> Figures:
    """Return one page's (tp, fp, fn), normalised to sum to 1 (all zero when both texts are empty)."""
    truth, guess = shingles(expected), shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum(guess.values()) - tp
    fn = sum(truth.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(figures: list[Figures]) -> tuple[float, float, float]:
    """Return (precision, recall, F1) over the pages' normalised figures."""
    tp = sum(f[0] for f in figures)
    fp = sum(f[1] for f in figures)
    fn = sum(f[2] for f in figures)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bootstrap(figures: list[Figures], samples: int = 1000, seed: int = 0) -> tuple[float, float, float]:
    """Return the standard deviations of (precision, recall, F1) over bootstrap resamples of the pages."""
    rng = random.Random(seed)
    runs = [scores([rng.choice(figures) for _ in figures]) for _ in range(samples)]

    def std(values: list[float]) -> float:
        mean = sum(values) / len(values)
        return (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5

    return tuple(std([r[i] for r in runs]) for i in range(3))  # type: ignore[return-value]


def load(data: Path) -> list[tuple[str, bytes, str, str]]:
    """Return (id, html bytes, url, gold body) for each page of the benchmark."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        path = data / "html" / f"{key}.html.gz"
        pages.append((key, gzip.decompress(path.read_bytes()), truth[key].get("url"), truth[key]["articleBody"]))
    return pages


def newsgraph_extractor() -> Callable[[bytes, str], str]:
    from newsgraph.errors import ExtractionError
    from newsgraph.extract import extract_article
    from newsgraph.model import RawDocument

    def run(html: bytes, url: str) -> str:
        try:
            doc = RawDocument(content=html, source=url, content_type="text/html", url=url)
            return extract_article(doc).body
        except ExtractionError:
            return ""

    return run


def trafilatura_extractor(**options: object) -> Callable[[bytes, str], str]:
    import trafilatura

    def run(html: bytes, url: str) -> str:
        return trafilatura.extract(html, **options) or ""

    return run


def measure(runs: list[tuple[str, Callable[[bytes, str], str]]], pages, repeat: int) -> list[dict[str, object]]:
    """Run every extractor over all pages and return each one's figures and speed.

    The extractors take turns page by page, so that a busy machine slows them alike.
    """
    for _name, extract in runs:
        extract(pages[0][1], pages[0][2])  # warm up (lazy imports, model loading)
    elapsed = [0.0] * len(runs)
    outputs: list[dict[str, str]] = [{} for _ in runs]
    for _ in range(repeat):
        for key, html, url, _gold in pages:
            for index, (_name, extract) in enumerate(runs):
                start = time.perf_counter()
                outputs[index][key] = extract(html, url)
                elapsed[index] += time.perf_counter() - start
    results = []
    for index, (name, _extract) in enumerate(runs):
        figures = [page_figures(gold, outputs[index][key]) for key, _html, _url, gold in pages]
        precision, recall, f1 = scores(figures)
        results.append({
            "name": name, "precision": precision, "recall": recall, "f1": f1, "sd": bootstrap(figures),
            "speed": len(pages) * repeat / elapsed[index], "outputs": outputs[index], "figures": figures,
        })
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the extraction-scrapinghub folder")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the pages for timing")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (for a quick look)")
    parser.add_argument("--more-peers", action="store_true", help="also trafilatura favor_precision and fast")
    parser.add_argument("--copies", choices=["both", "lxml", "chromium", "none"], default="both",
                        help="also score copied-text versions of the pages (lxml text, Chromium innerText)")
    parser.add_argument("--dump", type=Path, help="write per-page outputs and figures to this JSON file")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"error: {args.data}: no ground-truth.json there", file=sys.stderr)
        return 1
    pages = load(args.data)[: args.limit or None]
    # The peer: plain trafilatura.extract without comments, as the benchmark runs it (0.960 in the data README).
    runs = [
        ("newsgraph", newsgraph_extractor()),
        ("trafilatura", trafilatura_extractor(include_comments=False)),
    ]
    if args.more_peers:
        runs += [
            ("trafilatura, with comments (its default)", trafilatura_extractor()),
            ("trafilatura favor_precision", trafilatura_extractor(include_comments=False, favor_precision=True)),
            ("trafilatura fast", trafilatura_extractor(include_comments=False, fast=True)),
        ]
    results = measure(runs, pages, args.repeat)
    print_table(f"Article body extraction, ScrapingHub benchmark ({len(pages)} pages)", results, pages)
    copy_kinds = ["lxml", "chromium"] if args.copies == "both" else [] if args.copies == "none" else [args.copies]
    for kind in copy_kinds:
        if kind == "chromium" and not copied_text.CHROMIUM.exists():
            print(f"(no {copied_text.CHROMIUM}: Chromium copies left out)")
            continue
        start = time.perf_counter()
        texts = (copied_text.copies_chromium([html for _k, html, _u, _g in pages]) if kind == "chromium"
                 else [copied_text.copy_lxml(html) for _k, html, _u, _g in pages])
        made = time.perf_counter() - start
        copies = [(key, text, url, gold) for (key, _html, url, gold), text in zip(pages, texts)]
        copy_runs = [("newsgraph (copied text)", copied_text.newsgraph_text_reader()),
                     ("trafilatura (copied text as <p> lines)", copied_text.trafilatura_text_reader(include_comments=False))]
        copy_results = measure(copy_runs, copies, args.repeat)
        print_table(f"Body F1 on copied text ({kind}, made in {made:.0f} s; {len(copies)} pages)", copy_results, copies)
        results += [{**r, "name": f"{r['name']} [{kind}]"} for r in copy_results]
        meta = copied_text.metadata_scores([html for _k, html, _u, _g in pages], texts, [u for _k, _h, u, _g in pages])
        print(f"newsgraph on the {kind} copies: title right {meta['title'][0]}/{meta['title'][1]} "
              f"({meta['title'][0] / max(meta['title'][1], 1):.0%}) of pages declaring a headline; date right "
              f"{meta['date'][0]}/{meta['date'][1]} ({meta['date'][0] / max(meta['date'][1], 1):.0%}) of pages "
              f"declaring a publication day that the copy prints (not scored: {meta['title_not_shown'][0]} pages whose "
              f"declared headline the copy never shows as a line, {meta['date_not_shown'][0]} whose declared day it "
              "does not print)")
    print("Title and date truth is the page's own metadata (og:title and matching <h1>s; article:published_time, "
          "itemprop or JSON-LD datePublished): the ScrapingHub ground truth states only articleBody and url. "
          "Byline is not scored.")
    if args.dump:
        args.dump.write_text(json.dumps({r["name"]: {"outputs": r["outputs"], "figures": r["figures"]} for r in results}))
    return 0


def print_table(title: str, results: list[dict[str, object]], pages) -> None:
    """Print the extractors' figures, speed and how many pages with gold text got none."""
    table = Table(title=title)
    for column in ("extractor", "F1", "precision", "recall", "pages/s", "no text"):
        table.add_column(column, justify="left" if column == "extractor" else "right")
    for r in results:
        sd = r["sd"]
        table.add_row(
            str(r["name"]),
            f"{r['f1']:.3f} ± {sd[2]:.3f}",
            f"{r['precision']:.3f} ± {sd[0]:.3f}",
            f"{r['recall']:.3f} ± {sd[1]:.3f}",
            f"{r['speed']:.1f}",
            str(sum(1 for key, _h, _u, gold in pages if gold.strip() and not r["outputs"][key].strip())),
        )
    Console().print(table)


if __name__ == "__main__":
    sys.exit(main())
