"""Batch fixtures: one real Dask LocalCluster (2 worker processes) for the session, and small corpora."""

from __future__ import annotations

import gzip
import http.server
import io
import logging
import threading
from pathlib import Path

import pytest

PLACES = ["Nairobi", "Lima", "Oslo", "Hanoi", "Accra", "Quito", "Riga", "Dakar", "Sofia", "Tbilisi", "Manila", "Rabat"]
PEOPLE = ["Maria Santos", "John Okafor", "Ingrid Berg", "Tran Van Minh", "Kwame Mensah", "Lucia Perez",
          "Andris Kalnins", "Aminata Diallo", "Petar Ivanov", "Nino Beridze", "Jose Reyes", "Youssef Alami"]


def article_text(i: int) -> str:
    """A short news article, different for each ``i`` (generated for the tests, not real news)."""
    place = PLACES[i % len(PLACES)]
    host = PEOPLE[i % len(PEOPLE)]
    guest = PEOPLE[(i * 5 + 3) % len(PEOPLE)]
    return (
        f"Trade talks open in {place} (story {i})\n\n"
        f"{place}, March {1 + i % 27}, 2024 - {host}, the trade minister, met {guest} in {place} on Tuesday "
        f"to discuss tariffs on {10 + i} categories of goods, officials said.\n\n"
        f'"We agreed to keep talking until the {i}th round is done," {host} told reporters after the meeting.\n\n'
        f"{guest} said the delegation would return to {place} next month. The ministry did not give a date "
        f"for the next round of talks, which began in {2000 + i % 24}.\n"
    )


def article_html(i: int) -> str:
    """The same kind of article as an HTML page with some page furniture."""
    paragraphs = "".join(f"<p>{p}</p>" for p in article_text(i).split("\n\n")[1:])
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>Trade talks open (page {i})</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Trade talks open (page {i})</h1>{paragraphs}</article>"
        "<footer>Share this story. Subscribe to our newsletter.</footer></body></html>"
    )


@pytest.fixture(scope="session")
def dask_client():
    """A real LocalCluster with 2 worker processes, one thread each, shared by the batch tests."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture
def make_corpus(seed_path: Path):
    """Return a function that writes a small mixed corpus into a directory and returns what it holds."""

    def make(root: Path, texts: int = 6, pages: int = 2, bad: bool = True, start: int = 0) -> dict:
        root.mkdir(parents=True, exist_ok=True)
        good = []
        for i in range(start, start + texts):
            path = root / f"story-{i:03d}.txt"
            path.write_text(article_text(i), encoding="utf-8")
            good.append(path)
        for i in range(start + 100, start + 100 + pages):
            path = root / "pages" / f"page-{i}.html.gz"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(gzip.compress(article_html(i).encode()))
            good.append(path)
        if start == 0:
            (root / "seed.txt").write_bytes(seed_path.read_bytes())
            good.append(root / "seed.txt")
        bad_paths = []
        if bad:
            (root / "empty.txt").write_text("   \n", encoding="utf-8")
            (root / "junk.html").write_bytes(bytes(range(256)) * 8)
            bad_paths = [root / "empty.txt", root / "junk.html"]
        return {"good": good, "bad": bad_paths}

    return make


def write_warc(path: Path, pages: list[tuple[str, str]], truncate: bool = False) -> None:
    """Write a gzipped WARC of HTML response records; with ``truncate``, cut the last record short."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    offsets = []
    for url, html in pages:
        offsets.append(buffer.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        writer.write_record(record)
    data = buffer.getvalue()
    if truncate:
        last = offsets[-1]
        data = data[: last + 100]
    path.write_bytes(data)


@pytest.fixture
def warc_writer():
    return write_warc


@pytest.fixture
def http_site():
    """A real HTTP server on 127.0.0.1 serving a dict of path -> (content type, body); logs requested paths."""
    pages: dict[str, tuple[str, bytes]] = {}
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            requested.append(self.path)
            if self.path not in pages:
                self.send_error(404)
                return
            ctype, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield base, pages, requested
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def generated():
    """The generators of test articles: (article_text, article_html)."""
    return article_text, article_html
