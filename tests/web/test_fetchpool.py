"""URL ingests run in a bounded pool: a slow server never takes the threads that serve pages."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

from newsgraph.web.fetchpool import FetchPool, PoolFull


@pytest.fixture
def silent_url():  # noqa: ANN201
    """A URL on 127.0.0.1 that takes connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/story"
    finally:
        sock.close()


@pytest.fixture
def served(make_app):  # noqa: ANN001, ANN201
    """Return a function that serves an app of the session corpus on loopback with uvicorn; yields its base URL."""
    import uvicorn

    servers = []

    def serve(**settings: object) -> str:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(make_app(**settings), log_level="warning", lifespan="off"))
        threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
        servers.append(server)
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        return f"http://127.0.0.1:{sock.getsockname()[1]}"

    yield serve
    for server in servers:
        server.should_exit = True


def test_pages_answer_while_url_ingests_hang(served, silent_url, tools):
    base = served(allow_private=True, fetch_timeout=6.0, fetch_workers=2, fetch_queue=3, ingest_limit=1000)
    assert httpx.get(base + "/", timeout=30).status_code == 200  # warm (templates compiled)
    statuses: list[int] = []

    def ingest() -> None:
        r = httpx.post(f"{base}/api/v1/ingest", json={"url": silent_url}, timeout=60,
                       headers={"Authorization": f"Bearer {tools.API_TOKEN}"})
        statuses.append(r.status_code)

    threads = [threading.Thread(target=ingest) for _ in range(60)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    took = []
    for path in ("/", "/actors", "/api/v1/counts", "/search?q=talks", "/", "/api/v1/articles"):
        started = time.monotonic()
        assert httpx.get(base + path, timeout=30).status_code == 200
        took.append(time.monotonic() - started)
    # every page answered while all five admitted ingests still hang on the silent server (6 s each)
    assert 422 not in statuses, (statuses, took)
    for t in threads:
        t.join(60)
    # two fetchers, three waiting: five end as unreadable (422) at their timeout, 55 are turned away at once (503)
    assert statuses.count(422) == 5 and statuses.count(503) == 55, statuses


def test_a_full_pool_refuses_and_frees_its_places():
    pool = FetchPool(workers=1, queue=1)
    gate = threading.Event()
    first, second = pool.submit(gate.wait, 5), pool.submit(gate.wait, 5)
    with pytest.raises(PoolFull):
        pool.submit(gate.wait, 5)
    gate.set()
    assert first.result(5) and second.result(5)
    time.sleep(0.05)  # the done callbacks free the places
    assert pool.submit(lambda: 7).result(5) == 7
    pool.close()
