"""Bounded load test of `newsgraph serve` on loopback.

For each target, ``--concurrency`` connections (an httpx async client) send
requests back to back for ``--duration`` seconds: an article page (the
annotated body, the heaviest page) and the search API.  The peer, measured in
the same run against the same server, is a static file (no store, no
template): the floor the web stack itself costs.

    .venv/bin/python benchmarks/web_load.py                 # builds a corpus from the seed, serves it
    .venv/bin/python benchmarks/web_load.py --url http://127.0.0.1:8000   # an already running server

Prints requests/second, p50 and p99 latency and the error count per target.
The client runs on the same machine, so on a small box it takes CPU from the
server: the figures are a floor, not the server's ceiling.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed_iswnews.txt"


def build_corpus(db_path: Path) -> None:
    """Ingest the seed into a new SQLite corpus through the real pipeline."""
    from newsgraph.analyze.pipeline import default_analyzer
    from newsgraph.extract import extract_article
    from newsgraph.ingest import iter_documents
    from newsgraph.store import Store

    store = Store(f"sqlite:///{db_path}")
    analyzer = default_analyzer()
    for raw in iter_documents([str(SEED)]):
        store.save(analyzer.analyze_article(extract_article(raw)), raw=raw)
    store.close()


def start_server(db_url: str, log_path: Path) -> tuple[subprocess.Popen, str]:
    """Start `newsgraph serve` on a free loopback port (its stderr to ``log_path``); return it and its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = Path(sys.executable).with_name("newsgraph")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from newsgraph.cli import main; main()"]
    log = log_path.open("wb")
    proc = subprocess.Popen([*command, "serve", "--db", db_url, "--port", str(port), "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/counts", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.3)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit(f"newsgraph serve did not start: {log_path.read_text(errors='replace')[-1000:]}")


async def load(url: str, duration: float, concurrency: int) -> dict:
    """Hit ``url`` from ``concurrency`` connections for ``duration`` seconds; return the figures."""
    latencies: list[float] = []
    errors = 0
    kinds: dict[str, int] = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:
        deadline = time.perf_counter() + duration

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                try:
                    r = await client.get(url)
                    await r.aread()
                    if r.status_code != 200:
                        errors += 1
                        kinds[str(r.status_code)] = kinds.get(str(r.status_code), 0) + 1
                except httpx.HTTPError as err:
                    errors += 1
                    kinds[type(err).__name__] = kinds.get(type(err).__name__, 0) + 1
                latencies.append(time.perf_counter() - start)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else latencies * 99
    return {"requests": len(latencies), "rps": len(latencies) / elapsed, "p50": q[49] * 1000, "p99": q[98] * 1000,
            "errors": errors, "kinds": kinds}


def latency(url: str, requests: int) -> dict:
    """Return p50 and p95 milliseconds of ``requests`` sequential GETs of ``url`` (one connection, no load)."""
    times = []
    with httpx.Client(timeout=30.0) as client:
        client.get(url)  # warm: templates compiled, connections open
        for _ in range(requests):
            start = time.perf_counter()
            r = client.get(url)
            if r.status_code != 200:
                raise SystemExit(f"{url}: {r.status_code}")
            times.append((time.perf_counter() - start) * 1000)
    q = statistics.quantiles(times, n=100)
    return {"p50": q[49], "p95": q[94]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="base URL of a running server (default: start one over a corpus of the seed)")
    parser.add_argument("--db", help="corpus to serve when starting a server (default: a new one from the seed)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per target (default 30)")
    parser.add_argument("--peer-duration", type=float, default=10.0, help="seconds for the static-file peer (default 10)")
    parser.add_argument("--concurrency", type=int, default=50, help="concurrent connections (default 50)")
    parser.add_argument("--query", default="Palestine", help="search words (default: Palestine)")
    parser.add_argument("--latency", type=int, default=0, metavar="N",
                        help="first time N sequential search-page requests (facets + chart) and the API peer")
    parser.add_argument("--only-latency", action="store_true", help="stop after the latency figures")
    args = parser.parse_args()

    proc = None
    log_path = None
    tmp = tempfile.TemporaryDirectory()
    try:
        base = args.url
        if not base:
            db_url = args.db
            if not db_url:
                db_path = Path(tmp.name) / "load.db"
                print(f"building a corpus from {SEED.name} ...", file=sys.stderr)
                build_corpus(db_path)
                db_url = f"sqlite:///{db_path}"
            log_path = Path(tmp.name) / "server.log"
            proc, base = start_server(db_url, log_path)
        base = base.rstrip("/")
        first = httpx.get(f"{base}/api/v1/articles", params={"limit": 1}).json()["items"]
        if not first:
            raise SystemExit("the corpus is empty: nothing to load-test")
        targets = [
            ("article page", f"{base}/articles/{first[0]['id']}", args.duration),
            ("search API", f"{base}/api/v1/search?q={args.query}&kind=statements", args.duration),
            ("peer: static file", f"{base}/static/style.css", args.peer_duration),
        ]
        if args.latency:
            print(f"one connection, {args.latency} sequential requests each (search page = facets + chart + results)")
            for name, path in (("search page, words", f"/search?q={args.query}&kind=statements"),
                               ("search page, articles", "/search"),
                               ("search page, statements", "/search?kind=statements"),
                               ("search page, events", "/search?kind=events"),
                               ("peer: search API page", f"/api/v1/search?q={args.query}&kind=statements")):
                r = latency(base + path, args.latency)
                print(f"{name:<24} p50 {r['p50']:7.1f} ms   p95 {r['p95']:7.1f} ms", flush=True)
        if args.only_latency:
            return
        print(f"{args.concurrency} connections, loopback, server pid {proc.pid if proc else '?'}, "
              f"{os.cpu_count()} CPUs shared with the client")
        print(f"{'target':<20} {'seconds':>7} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for name, url, seconds in targets:
            r = asyncio.run(load(url, seconds, args.concurrency))
            print(f"{name:<20} {seconds:>7.0f} {r['requests']:>9} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p99']:>8.1f} "
                  f"{r['errors']:>7}" + (f"  {r['kinds']}" if r["kinds"] else ""), flush=True)
        if log_path and log_path.stat().st_size:
            print("server log (last lines):\n" + "\n".join(log_path.read_text(errors="replace").splitlines()[-15:]))
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
