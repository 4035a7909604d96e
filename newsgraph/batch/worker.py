"""What runs on a Dask worker: read, extract and analyse one partition of inputs.

Each worker process loads the spaCy model once (``default_analyzer`` is a
process-wide singleton; ``PreloadAnalyzer`` warms it as soon as a worker
starts, including a worker the nanny restarted). A bad document never fails
its partition: it becomes an ``IngestFailure`` in the result. Nothing here
writes to the database: the client is the single writer.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from distributed import WorkerPlugin

from newsgraph.batch.inputs import FeedSource, InputItem
from newsgraph.errors import FetchError, NewsgraphError, PrivateAddressError
from newsgraph.model import Analysis, Article, IngestFailure

_LOCK = threading.Lock()
#: One analysis at a time per process: a worker started with several threads
#: still shares one spaCy pipeline, which is not documented as thread-safe.
#: (Reading and fetching, the I/O part, run in parallel across threads.)
_ANALYSIS_LOCK = threading.Lock()


def worker_analyzer():
    """Return this process's Analyzer, loading the spaCy model on first use only."""
    from newsgraph.analyze.pipeline import default_analyzer

    with _LOCK:  # a worker with several threads must not load the model twice
        return default_analyzer()


class PreloadAnalyzer(WorkerPlugin):
    """Dask WorkerPlugin: load the model when a worker starts, not in its first task."""

    name = "newsgraph-preload-analyzer"
    idempotent = True

    def setup(self, worker) -> None:
        worker_analyzer()


@dataclass
class TaskOptions:
    """Settings passed to every partition task."""

    allow_private: bool = False
    timeout: float = 20.0
    max_bytes: int | None = None
    batch_size: int = 16
    #: HTML records of a WARC file per task: bounds what one task sends back.
    warc_records: int = 200
    #: A callable, cloudpickled, called on the worker with each document's source
    #: before it is extracted (instrumentation and fault-injection hook). Shipped as
    #: bytes because Dask tries the standard pickle first, which pickles functions
    #: by reference, and workers cannot import a function defined in a script or test.
    on_document: bytes | None = None

    def document_hook(self) -> Callable[[str], None] | None:
        """Return the on_document callable, or None."""
        if self.on_document is None:
            return None
        import cloudpickle

        return cloudpickle.loads(self.on_document)


@dataclass
class InputOutcome:
    """What became of one input: how many articles and failures it gave."""

    item: InputItem
    articles: int = 0
    failures: int = 0
    #: True when the failure may pass on a later run (network): do not mark it done.
    retryable: bool = False
    #: For a WARC file read in chunks: where the next chunk starts (None: finished).
    next_offset: int | None = None


@dataclass
class PartitionResult:
    """Everything one partition produced, shipped back to the single writer."""

    partition: int
    analyses: list[Analysis] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    outcomes: list[InputOutcome] = field(default_factory=list)
    documents: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time the worker process spent on it
    worker_pid: int = 0
    peak_rss: int = 0  # bytes, the worker process's high-water mark


def failure(source: str, stage: str, err: BaseException) -> IngestFailure:
    """Return the IngestFailure row for an error on ``source`` at ``stage``."""
    if isinstance(err, NewsgraphError):
        message = str(err) if err.source else f"{source}: {err}"
    else:
        message = f"{source}: {type(err).__name__}: {err}"
    return IngestFailure(source=source, stage=stage, error=" ".join(message.split())[:2000], error_type=type(err).__name__)


def peak_rss_bytes() -> int:
    """Return this process's peak resident set size in bytes.

    Linux's ``ru_maxrss`` survives exec, so a worker spawned by a large parent
    (a test runner, a notebook) would report the parent's size; VmHWM belongs
    to this process's own memory map.  ``ru_maxrss`` is the fallback elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _read_input(item: InputItem, options: TaskOptions, outcome: InputOutcome, failures: list[IngestFailure]):
    """Yield the Articles of one input; record its failures instead of raising."""
    from newsgraph.extract import extract_article
    from newsgraph.ingest import iter_documents

    def on_error(err: NewsgraphError) -> None:
        failures.append(failure(err.source or item.source, "ingest", err))
        outcome.failures += 1
        if isinstance(err, FetchError) and not isinstance(err, PrivateAddressError):
            outcome.retryable = True

    kwargs = {"allow_private": options.allow_private, "timeout": options.timeout}
    if options.max_bytes is not None:
        kwargs["max_bytes"] = options.max_bytes
    if item.kind == "feed-item":  # fetched as the page it is, with the feed's hints
        from newsgraph.ingest.http import fetch

        def documents():
            try:
                yield fetch(item.source, hints=dict(item.hints), **kwargs)
            except NewsgraphError as err:
                on_error(err)
    elif item.kind == "warc":  # a bounded chunk; the runner submits the rest as another task
        from newsgraph.ingest.warc import WarcReader

        chunk = WarcReader(item.source, offset=item.offset, limit=options.warc_records,
                           max_bytes=options.max_bytes or 20_000_000, on_error=on_error)

        def documents():
            yield from chunk
            outcome.next_offset = chunk.next_offset
    else:
        def documents():
            return iter_documents([item.source], on_error=on_error, **kwargs)
    hook = options.document_hook()
    try:
        for raw in documents():
            if hook is not None:
                hook(raw.source)
            try:
                article = extract_article(raw)
            except Exception as err:  # one page that breaks a library must not fail the partition
                failures.append(failure(raw.source, "extract", err))
                outcome.failures += 1
                continue
            outcome.articles += 1
            yield article
    except Exception as err:  # e.g. a WARC whose stream breaks after some records
        on_error(err if isinstance(err, NewsgraphError) else NewsgraphError(f"{type(err).__name__}: {err}", source=item.source))


def _analyse(articles: list[Article], options: TaskOptions, failures: list[IngestFailure]) -> list[Analysis]:
    """Return the analyses of ``articles``; an article that breaks the pipeline becomes a failure."""
    analyzer = worker_analyzer()
    # spaCy's memory zone frees the strings a partition added to the vocab when it ends: a
    # worker that analyses millions of articles would otherwise grow its StringStore forever.
    # Safe here because nothing of a Doc outlives the partition (Analysis copies plain values);
    # checked: identical analyses with and without the zone.
    with _ANALYSIS_LOCK, analyzer.nlp.memory_zone():
        return _analyse_locked(analyzer, articles, options, failures)


def _analyse_locked(analyzer, articles: list[Article], options: TaskOptions, failures: list[IngestFailure]) -> list[Analysis]:
    try:
        return list(analyzer.pipe(articles, batch_size=options.batch_size))
    except Exception:  # find the culprit one article at a time; the others are kept
        kept = []
        for article in articles:
            try:
                kept.append(analyzer.analyze_article(article))
            except Exception as err:
                failures.append(failure(article.source, "analyze", err))
        return kept


def poll_feed(feed: FeedSource, options: TaskOptions) -> list[tuple[str, dict[str, str]]] | IngestFailure:
    """Fetch and parse a feed; return its items as (link, hints), or the failure."""
    from newsgraph.ingest import feeds, files
    from newsgraph.ingest.http import fetch

    try:
        if "://" in feed.target:
            kwargs = {"max_bytes": options.max_bytes} if options.max_bytes is not None else {}
            content = fetch(feed.target, allow_private=options.allow_private, timeout=options.timeout,
                            source=feed.source, **kwargs).content
        else:
            content = files.read_file(feed.target, max_bytes=options.max_bytes or 20_000_000, source=feed.source).content
        return [(item.link, item.hints) for item in feeds.parse_feed(content, feed.source)]
    except Exception as err:
        return failure(feed.source, "ingest", err)


def process_partition(partition: int, items: list[InputItem], options: TaskOptions) -> PartitionResult:
    """Read, extract and analyse a partition; return its analyses, failures and per-input outcomes."""
    started, cpu_started = time.perf_counter(), time.process_time()
    result = PartitionResult(partition=partition, worker_pid=os.getpid())
    articles: list[Article] = []
    owners: list[InputOutcome] = []
    for item in items:
        outcome = InputOutcome(item)
        result.outcomes.append(outcome)
        if item.kind == "rejected":
            result.failures.append(IngestFailure(source=item.source, stage="ingest", error=f"{item.source}: {item.reason}", error_type="InputError"))
            outcome.failures += 1
            continue
        for article in _read_input(item, options, outcome, result.failures):
            articles.append(article)
            owners.append(outcome)
            result.documents += 1
    failed_before = len(result.failures)
    result.analyses = _analyse(articles, options, result.failures)
    if len(result.failures) > failed_before:  # move the analysis failures to their inputs
        lost = {f.source for f in result.failures[failed_before:]}
        for article, outcome in zip(articles, owners):
            if article.source in lost:
                outcome.articles -= 1
                outcome.failures += 1
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    result.peak_rss = peak_rss_bytes()
    return result
