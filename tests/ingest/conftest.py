"""Real local HTTP servers on 127.0.0.1 for the network tests (fetching them needs allow_private=True)."""

from __future__ import annotations

import gzip
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    chunked: bool = False  # send without Content-Length


@dataclass
class Site:
    """A local web site: ``routes`` maps a path to what it serves; ``hits`` counts requests per path."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(
        self, path: str, body: bytes = b"", *, status: int = 200, content_type: str | None = None,
        headers: dict[str, str] | None = None, chunked: bool = False,
    ) -> str:
        """Serve ``body`` at ``path``; return its URL."""
        headers = dict(headers or {})
        if content_type:
            headers["Content-Type"] = content_type
        self.routes[path] = Route(body, status, headers, chunked)
        return self.url(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            route = site.routes.get(self.path)
            if route is None:
                route = Route(b"not found", 404, {"Content-Type": "text/plain"})
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            if route.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                step = 65536
                for start in range(0, len(route.body), step):
                    piece = route.body[start : start + step]
                    try:
                        self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    except (BrokenPipeError, ConnectionResetError):
                        return
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    return

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
            pass

    return Handler


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (as the fetcher does on an error status) is no test output:
    socketserver would print its traceback to the stderr a CLI test is reading."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


@pytest.fixture
def site() -> Iterator[Site]:
    """A threaded http.server on 127.0.0.1 with an ephemeral port."""
    site = Site(base="")
    server = _QuietServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A URL on 127.0.0.1 whose server takes the connection but never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)  # connections complete in the kernel's backlog; nobody ever reads or writes
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/story"
    finally:
        sock.close()


@pytest.fixture(scope="session")
def article_html(fixtures_dir: Path) -> bytes:
    """A real news page (CityAM, from the ScrapingHub benchmark)."""
    return gzip.decompress((fixtures_dir / "pages" / "cityam_alibaba_listing.html.gz").read_bytes())


@pytest.fixture(scope="session")
def second_html(fixtures_dir: Path) -> bytes:
    """Another real news page (The Spokesman-Review)."""
    return gzip.decompress((fixtures_dir / "pages" / "spokesman_meth_campaign.html.gz").read_bytes())
