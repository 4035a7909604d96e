"""A bounded pool for web URL ingests: a few fetcher threads and a short queue.

A URL ingest can take a whole fetch timeout (a slow or silent server).  Run in the server's
shared thread pool, a few dozen of them would take every thread that serves pages; here they
get ``workers`` threads of their own, at most ``queue`` more wait, and past that the request is
answered 503 at once.  The request's coroutine awaits the result without holding a thread.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class PoolFull(Exception):
    """Every fetcher is busy and the queue is full."""


class FetchPool:
    """``workers`` threads running URL ingests; at most ``workers + queue`` taken at once."""

    def __init__(self, workers: int, queue: int) -> None:
        self.workers = workers
        self.capacity = workers + queue
        self._slots = threading.BoundedSemaphore(self.capacity)
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def _pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="newsgraph-fetch")
            return self._executor

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Return the future of ``fn(*args)`` run by a fetcher; raise ``PoolFull`` when no place is left."""
        if not self._slots.acquire(blocking=False):
            raise PoolFull(f"all {self.workers} fetchers are busy and {self.capacity - self.workers} ingests wait")
        try:
            future = self._pool().submit(fn, *args)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _f: self._slots.release())
        return future

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Return ``fn(*args)`` run by a fetcher, awaited without holding a server thread."""
        return await asyncio.wrap_future(self.submit(fn, *args))

    def close(self) -> None:
        """Stop the fetchers once their work is done."""
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None
