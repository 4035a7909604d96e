"""`newsgraph serve` as a user runs it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _command() -> list[str]:
    script = Path(sys.executable).with_name("newsgraph")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from newsgraph.cli import main; main()"]


def test_serve_refuses_an_unusable_database_with_one_line(tmp_path):
    r = subprocess.run([*_command(), "serve", "--db", str(tmp_path / "missing-dir" / "x.db"), "--port", "0"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "missing-dir" in lines[0]
    assert "Traceback" not in r.stderr


def test_serve_answers_pages_and_api_on_loopback(corpus):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEWSGRAPH_API_TOKEN": "serve-test-token"}
    proc = subprocess.Popen([*_command(), "serve", "--db", corpus.db_url, "--port", str(port), "--log-level", "warning"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                counts = httpx.get(f"{base}/api/v1/counts", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
                time.sleep(0.3)
        assert counts.json()["articles"] >= 2
        page = httpx.get(f"{base}/articles/{corpus.seed_id}")
        assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
        # the token comes from the environment
        r = httpx.post(f"{base}/api/v1/ingest", json={"url": "http://127.0.0.1:9/"},
                       headers={"Authorization": "Bearer serve-test-token"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "private_address"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
