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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from distributed import WorkerPlugin

from newsgraph.batch.inputs import FeedSource, InputItem
from newsgraph.errors import FetchError, InputError, NewsgraphError, PrivateAddressError
from newsgraph.model import Analysis, Article, IngestFailure, RawDocument
from newsgraph.settings import MAX_INPUT_BYTES

_LOCK = threading.Lock()
#: One analysis at a time per process: a worker started with several threads
#: still shares one spaCy pipeline, which is not documented as thread-safe.
#: (Reading and fetching, the I/O part, run in parallel across threads.)
#: Reading, extracting and analysing is ``newsgraph.process``, the loop every command runs.
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
    #: HTML records of a WARC file (or rows of a corpus file) per task: bounds what one task sends back.
    warc_records: int = 200
    #: Corpus-file column names for newsgraph's fields (``--field text=story_text``).
    fields: dict[str, str] = field(default_factory=dict)
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
    """Return the IngestFailure row for an error on ``source`` at ``stage`` (the one format, ``process.failure``)."""
    from newsgraph.process import failure as make_failure

    return make_failure(err, stage, source)  # type: ignore[arg-type]


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


def _options(options: TaskOptions):  # noqa: ANN202 - a process.Options
    from newsgraph.process import Options

    kwargs = {"max_bytes": options.max_bytes} if options.max_bytes is not None else {}
    return Options(allow_private=options.allow_private, timeout=options.timeout, fields=dict(options.fields), **kwargs)


def _item_documents(item: InputItem, options: TaskOptions, on_error: Callable[[NewsgraphError], None]):  # noqa: ANN202
    """Return an iterable of the RawDocuments of one input: a feed's item, a chunk of a WARC or corpus file,
    or any other source through ``newsgraph.ingest``'s one dispatcher."""
    from newsgraph.ingest import iter_documents
    from newsgraph.ingest.corpus import CorpusReader
    from newsgraph.ingest.http import fetch
    from newsgraph.ingest.warc import WarcReader

    opts = _options(options)
    if item.kind == "feed-item":  # fetched as the page it is, with the feed's hints
        return [fetch(item.source, hints=dict(item.hints), allow_private=opts.allow_private, timeout=opts.timeout,
                      max_bytes=opts.max_bytes)]
    if item.kind == "warc":  # a bounded chunk; the runner submits the rest as another task
        return WarcReader(item.source, offset=item.offset, limit=options.warc_records, max_bytes=opts.max_bytes,
                          on_error=on_error)
    if item.kind == "corpus":
        return CorpusReader(item.source, offset=item.offset, limit=options.warc_records, max_bytes=opts.max_bytes,
                            fields=opts.fields, on_error=on_error)
    return iter_documents([item.source], on_error=on_error, allow_private=opts.allow_private, timeout=opts.timeout,
                          max_bytes=opts.max_bytes)


class _Partition:
    """The documents of a partition's inputs, each input's outcome kept as its documents go by."""

    def __init__(self, items: list[InputItem], options: TaskOptions, result: PartitionResult) -> None:
        self.items, self.options, self.result = items, options, result
        self.owners: dict[str, InputOutcome] = {}
        self.current: InputOutcome | None = None

    def on_error(self, err: NewsgraphError) -> None:
        """Record a reading failure against the input being read."""
        outcome = self.current
        self.result.failures.append(failure(err.source or outcome.item.source, "ingest", err))
        outcome.failures += 1
        if isinstance(err, FetchError) and not isinstance(err, PrivateAddressError):
            outcome.retryable = True  # the network may answer on a later run: not marked done

    def documents(self) -> Iterator[RawDocument]:
        """Yield every document of the partition; a failing input is recorded and the next one read."""
        from newsgraph.process import stage

        hook = self.options.document_hook()
        for item in self.items:
            self.current = outcome = InputOutcome(item)
            self.result.outcomes.append(outcome)
            if item.kind == "rejected":
                self.result.failures.append(failure(item.source, "ingest", InputError(item.reason or "refused",
                                                                                      source=item.source)))
                outcome.failures += 1
                continue
            try:
                with stage("ingest", item.source):
                    reader = _item_documents(item, self.options, self.on_error)
                    for raw in reader:
                        if hook is not None:
                            hook(raw.source)
                        self.owners[raw.source] = outcome
                        self.result.documents += 1
                        yield raw
                    if item.kind in ("warc", "corpus"):
                        outcome.next_offset = reader.next_offset
            except NewsgraphError as err:  # e.g. a WARC whose stream breaks after some records
                self.on_error(err)

    def owner(self, source: str) -> InputOutcome:
        """Return the outcome of the input a document came from."""
        return self.owners.get(source) or self.current


class _Locked:
    """The worker's Analyzer, used one article batch at a time.

    The Analyzer runs each batch of chunks inside a spaCy memory zone (which frees the strings
    the batch added to the vocab: a worker that analyses millions of articles would otherwise
    grow its StringStore forever); zones must not nest, so none is opened here.
    """

    def __init__(self, analyzer) -> None:  # noqa: ANN001
        self.analyzer = analyzer

    def pipe(self, articles: list[Article], batch_size: int = 16) -> list[Analysis]:
        with _ANALYSIS_LOCK:
            return list(self.analyzer.pipe(articles, batch_size=batch_size))

    def analyze_article(self, article: Article) -> Analysis:
        with _ANALYSIS_LOCK:
            return self.analyzer.analyze_article(article)


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
            content = files.read_file(feed.target, max_bytes=options.max_bytes or MAX_INPUT_BYTES, source=feed.source).content
        return [(item.link, item.hints) for item in feeds.parse_feed(content, feed.source)]
    except Exception as err:
        return failure(feed.source, "ingest", err)


def process_partition(partition: int, items: list[InputItem], options: TaskOptions) -> PartitionResult:
    """Read, extract and analyse a partition; return its analyses, failures and per-input outcomes."""
    from newsgraph.process import process

    started, cpu_started = time.perf_counter(), time.process_time()
    result = PartitionResult(partition=partition, worker_pid=os.getpid())
    part = _Partition(items, options, result)
    for outcome in process(documents=part.documents(), options=_options(options), analyzer=_Locked(worker_analyzer()),
                           chunk=options.batch_size, name=f"partition {partition}"):
        if isinstance(outcome, IngestFailure):
            result.failures.append(outcome)
            part.owner(outcome.source).failures += 1
        else:
            result.analyses.append(outcome.analysis)
            part.owner(outcome.raw.source).articles += 1
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    result.peak_rss = peak_rss_bytes()
    return result
