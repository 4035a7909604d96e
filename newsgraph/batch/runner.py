"""Run a batch: enumerate inputs, farm partitions out to Dask, write results from here.

The client enumerates inputs lazily (``newsgraph.batch.inputs``), skips the
ones earlier runs finished, cuts the rest into partitions and keeps a bounded
number of partition tasks in flight. It consumes results with
``as_completed`` and is the only writer (``newsgraph.batch.writers``).

Worker deaths: Dask reschedules a task whose worker died (up to the
scheduler's ``allowed-failures``) and ``retries`` re-runs a task that raised.
A partition's result reaches the writer once, and the writer skips article
ids already stored, so a retried partition doubles nothing.
"""

from __future__ import annotations

import itertools
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph.batch.inputs import FeedSource, InputItem, expand_sources, partitions, split_feeds
from newsgraph.batch.state import BatchState
from newsgraph.batch.worker import PartitionResult, PreloadAnalyzer, TaskOptions, failure, poll_feed, process_partition
from newsgraph.batch.writers import is_db_url, open_writer
from newsgraph.errors import BatchError, NewsgraphError
from newsgraph.model import IngestFailure

#: Seconds to wait for a tcp:// scheduler before giving up with a BatchError.
CONNECT_TIMEOUT = 5.0
#: Inputs checked against the resume table per query.
SKIP_CHUNK = 500


@dataclass
class BatchReport:
    """What a batch run did."""

    out: str
    articles: int = 0  # written this run
    skipped_articles: int = 0  # already stored (by id)
    failures: int = 0
    inputs: int = 0  # inputs sent to workers
    inputs_skipped: int = 0  # finished by an earlier run
    partitions: int = 0
    partitions_failed: int = 0
    documents: int = 0
    seconds: float = 0.0  # from the first partition submitted to the last written
    startup_seconds: float = 0.0  # connecting, starting the cluster, loading the model on the workers
    worker_seconds: float = 0.0  # wall time of the partitions, summed over workers
    worker_cpu_seconds: float = 0.0  # CPU time of the partitions, summed over workers
    #: Peak resident memory (bytes) of each worker process that ran a partition, by pid.
    peak_rss: dict[int, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Articles analysed per wall-clock second (written or skipped by id)."""
        return (self.articles + self.skipped_articles) / self.seconds if self.seconds else 0.0


def connect(scheduler: str, workers: int, connect_timeout: float = CONNECT_TIMEOUT):
    """Return (client, cluster): a new LocalCluster for "local", else a client of an existing scheduler.

    Raises BatchError when the address is malformed or the scheduler does not answer in time.
    """
    from dask.distributed import Client, LocalCluster

    if scheduler == "local":
        if workers < 1:
            raise BatchError("--workers must be at least 1", source="local")
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        )
        return Client(cluster), cluster
    if not scheduler.startswith(("tcp://", "tls://")):
        raise BatchError("scheduler must be 'local' or an address like tcp://HOST:8786", source=scheduler)
    try:
        client = Client(scheduler, timeout=connect_timeout)
    except (OSError, TimeoutError) as err:
        raise BatchError(f"Dask scheduler did not answer within {connect_timeout:g} s", source=scheduler) from err
    except Exception as err:  # something answered, but not as a Dask scheduler (garbage sizes, bad handshake)
        raise BatchError(f"not a Dask scheduler ({type(err).__name__} during the handshake)", source=scheduler) from err
    return client, None


def prepare_workers(client) -> int:
    """Load the model on every worker (now and on any that joins later); return the worker count."""
    try:
        client.register_plugin(PreloadAnalyzer())
    except NewsgraphError as err:
        raise BatchError(f"workers cannot load the analysis model: {err}") from err
    except (ImportError, ModuleNotFoundError) as err:
        raise BatchError(f"workers cannot import newsgraph ({err}); install newsgraph on every worker") from err
    except Exception as err:  # anything else the model load raised on a worker
        raise BatchError(f"workers cannot load the analysis pipeline: {type(err).__name__}: {err}") from err
    return max(1, len(client.scheduler_info().get("workers", {})))


def _feed_items(client, feeds: list[FeedSource], options: TaskOptions) -> Iterator[InputItem]:
    """Poll each feed once (on the workers, in parallel); yield its items, and failures as rejected inputs."""
    if not feeds:
        return
    futures = client.map(poll_feed, feeds, options=options, pure=False)
    for feed, future in zip(feeds, futures):
        outcome = future.result()
        if isinstance(outcome, IngestFailure):
            yield InputItem("rejected", feed.source, f"feed-failed:{feed.source}:{time.time()}", outcome.error)
            continue
        for link, hints in outcome:
            yield InputItem("feed-item", link, f"feed-item:{feed.source}|{link}", hints=tuple(sorted(hints.items())))


def _not_done(items: Iterable[InputItem], state: BatchState, report: BatchReport) -> Iterator[InputItem]:
    """Yield the inputs no earlier run finished, checking the resume table a chunk at a time."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, SKIP_CHUNK)):
        done = state.done_keys(i.key for i in chunk)
        for item in chunk:
            if item.key in done:
                report.inputs_skipped += 1
            else:
                yield item


def _progress(enabled: bool, console: Console | None) -> Progress:
    return Progress(
        TextColumn("[bold]batch[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("partitions · {task.fields[articles]} articles · {task.fields[rate]:.1f}/s · "
                   "{task.fields[errors]} errors · {task.fields[skipped]} skipped"),
        TimeElapsedColumn(),
        console=console or Console(stderr=True, highlight=False),
        disable=not enabled,
    )


def run_batch(
    sources: Sequence[str],
    *,
    out: str,
    scheduler: str = "local",
    workers: int = 2,
    partition_size: int = 50,
    allow_private: bool = False,
    timeout: float = 20.0,
    max_bytes: int | None = None,
    retries: int = 2,
    warc_records: int = 200,
    connect_timeout: float = CONNECT_TIMEOUT,
    progress: bool = True,
    console: Console | None = None,
    client=None,
    on_document: Callable[[str], None] | None = None,
    fields: dict[str, str] | None = None,
) -> BatchReport:
    """Read, analyse and store ``sources`` on a Dask cluster; return what was done.

    ``out`` is a database URL (written through ``Store.save_many``) or a
    directory of Parquet shards. ``client`` reuses an existing Dask client
    (else ``scheduler`` says which cluster to use); ``fields`` maps corpus-file
    columns (``{"text": "story_text"}``). Raises BatchError when the
    run cannot start; failures of single inputs are recorded, never raised.
    """
    if partition_size < 1:
        raise BatchError("--partition-size must be at least 1")
    started = time.perf_counter()
    report = BatchReport(out=out)
    hook = None
    if on_document is not None:
        import cloudpickle

        hook = cloudpickle.dumps(on_document)
    options = TaskOptions(allow_private=allow_private, timeout=timeout, max_bytes=max_bytes, on_document=hook,
                          warc_records=warc_records, fields=dict(fields or {}))
    owned = client is None
    cluster = None
    if owned:
        client, cluster = connect(scheduler, workers, connect_timeout)
    try:
        writer = open_writer(out)
    except BaseException:
        _close(client, cluster, owned)
        raise
    run = None
    try:
        n_workers = prepare_workers(client)
        report.startup_seconds = time.perf_counter() - started
        others, feeds, rejected = split_feeds(sources)
        exclude = None if is_db_url(out) else out
        items = itertools.chain(rejected, _feed_items(client, feeds, options), expand_sources(others, exclude))
        parts = partitions(_not_done(items, writer.state, report), partition_size)
        run = _Run(client, parts, options, writer, report, retries=retries, in_flight=2 * n_workers)
        started = time.perf_counter()  # rates count from here: cluster start and model load excluded
        with _progress(progress, console) as bar:
            run.loop(bar, started)
    except KeyboardInterrupt:
        if run is not None:
            run.cancel()
        raise BatchError(f"interrupted: {report.articles} article(s) stored; run the same command again to resume")
    finally:
        writer.close()
        _close(client, cluster, owned)
    report.seconds = time.perf_counter() - started
    return report


class _Run:
    """Keeps a bounded number of partition tasks in flight; writes each result as it completes."""

    def __init__(self, client, parts: Iterator[list[InputItem]], options: TaskOptions, writer, report: BatchReport,
                 *, retries: int, in_flight: int) -> None:
        from dask.distributed import as_completed

        self.client, self.parts, self.options, self.writer, self.report = client, parts, options, writer, report
        self.retries, self.in_flight = retries, in_flight
        self.run_id = uuid.uuid4().hex[:8]
        self.numbers = itertools.count()
        self.pending: dict = {}  # future -> its inputs
        self.continuations: deque[InputItem] = deque()  # the rest of WARC and corpus files, read a chunk at a time
        self.queue = as_completed()
        self.exhausted = False

    def submit_next(self) -> bool:
        """Submit the next partition (a continuation first); return False when there is none."""
        if self.continuations:
            items = [self.continuations.popleft()]
        else:
            items = next(self.parts, None) if not self.exhausted else None
            if items is None:
                self.exhausted = True
                return False
        number = next(self.numbers)
        future = self.client.submit(process_partition, number, items, self.options, retries=self.retries, pure=False,
                                    key=f"newsgraph-partition-{self.run_id}-{number}")
        self.pending[future] = items
        self.queue.add(future)
        self.report.partitions += 1
        self.report.inputs += sum(1 for i in items if i.offset == 0)
        return True

    def fill(self) -> None:
        while len(self.pending) < self.in_flight and self.submit_next():
            pass

    def loop(self, bar: Progress, started: float) -> None:
        """Run until every partition is written, updating the progress bar."""
        report = self.report
        task = bar.add_task("batch", total=None, articles=0, rate=0.0, errors=0, skipped=0)
        self.fill()
        done = 0
        for future in self.queue:
            items = self.pending.pop(future)
            self.continuations.extend(_write_one(future, items, self.writer, report))
            done += 1
            self.fill()
            analysed = report.articles + report.skipped_articles
            bar.update(task, completed=done, total=report.partitions if self.exhausted else None, articles=analysed,
                       rate=analysed / (time.perf_counter() - started), errors=report.failures,
                       skipped=report.inputs_skipped + report.skipped_articles)
        bar.update(task, total=report.partitions, skipped=report.inputs_skipped + report.skipped_articles)

    def cancel(self) -> None:
        for future in self.pending:
            future.cancel()


def _write_one(future, items: list[InputItem], writer, report: BatchReport) -> list[InputItem]:
    """Write one finished partition; return the WARC chunks still to read after it.

    A partition that could not run records each of its inputs as failed.
    """
    try:
        result: PartitionResult = future.result()
    except Exception as err:  # KilledWorker after the allowed retries, or a bug in a task
        if future.client.status not in ("running", "connecting"):
            raise BatchError(f"lost the Dask scheduler ({type(err).__name__}); {report.articles} article(s) stored, "
                             "run the same command again to resume") from err
        report.partitions_failed += 1
        fails = [failure(item.source, "ingest", BatchError(f"partition failed: {type(err).__name__}: {err}"))
                 for item in items]
        writer.record_failures(fails)
        report.failures += len(fails)
        return []
    finally:
        future.release()
    counts = writer.write(result)
    report.articles += counts.written
    report.skipped_articles += counts.skipped
    report.failures += counts.failures
    report.documents += result.documents
    report.worker_seconds += result.seconds
    report.worker_cpu_seconds += result.cpu_seconds
    report.peak_rss[result.worker_pid] = max(report.peak_rss.get(result.worker_pid, 0), result.peak_rss)
    return [replace(o.item, offset=o.next_offset) for o in result.outcomes if o.next_offset is not None]


def _close(client, cluster, owned: bool) -> None:
    if not owned:
        return  # the caller's client
    client.close()
    if cluster is not None:
        cluster.close()
