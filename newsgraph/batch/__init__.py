"""Batch processing on Dask: many inputs read and analysed on workers, written by one writer.

``run_batch`` (``newsgraph batch``) reads directories, WARC files, URL lists and
feeds as Dask tasks over partitions of the inputs, and writes the results to
the database or to Parquet shards; ``load_dir`` (``newsgraph load``) puts
shards into a database later. See ``newsgraph.batch.runner`` for the flow and
``newsgraph.batch.state`` for how a re-run resumes.
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
