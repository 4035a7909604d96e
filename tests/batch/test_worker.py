"""Worker-side measurements."""

from __future__ import annotations

import subprocess
import sys


def test_peak_memory_is_the_worker_own_not_its_parents():
    # Linux's ru_maxrss survives fork+exec: a worker spawned by a big process would
    # report the parent's size. Grow this process, spawn a child, read its figure.
    ballast = bytearray(600 * 2**20)
    ballast[:: 4096] = b"\1" * len(ballast[:: 4096])
    code = "from newsgraph.batch.worker import peak_rss_bytes; print(peak_rss_bytes())"
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert 0 < int(child.stdout) < 400 * 2**20
    del ballast
