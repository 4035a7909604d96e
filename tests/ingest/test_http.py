"""Fetching URLs from a real local server: redirects, timeouts, size caps, errors, the address policy."""

from __future__ import annotations

import time

import pytest

from newsgraph.errors import FetchError, PrivateAddressError
from newsgraph.extract import extract_article
from newsgraph.ingest import iter_documents
from newsgraph.ingest.http import MAX_REDIRECTS, fetch


def test_fetch_page_after_redirect(site, article_html: bytes) -> None:
    site.serve("/story", article_html, content_type="text/html; charset=utf-8")
    site.serve("/old", status=301, headers={"Location": "/story"})
    doc = fetch(site.url("/old"), allow_private=True)
    assert doc.content == article_html
    assert doc.url == site.url("/story")
    assert doc.source == site.url("/old")
    assert doc.content_type == "text/html; charset=utf-8"
    article = extract_article(doc)
    assert article.title == "Alibaba to raise up to $12.9bn in landmark Hong Kong listing"


def test_loopback_refused_before_any_request(site) -> None:
    site.serve("/story", b"<p>hi</p>", content_type="text/html")
    with pytest.raises(PrivateAddressError, match="loopback"):
        fetch(site.url("/story"))
    assert site.hits == {}


def test_private_network_refused() -> None:
    started = time.monotonic()
    with pytest.raises(PrivateAddressError, match=r"^http://10\.0\.0\.1/news: refusing to fetch a private address"):
        fetch("http://10.0.0.1/news", timeout=30)
    assert time.monotonic() - started < 5  # refused by the check, not by a connection timing out


def test_every_redirect_target_is_checked(site) -> None:
    site.serve("/jump", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="only http and https"):
        fetch(site.url("/jump"), allow_private=True)


def test_redirect_loop_is_bounded(site) -> None:
    site.serve("/a", status=302, headers={"Location": "/b"})
    site.serve("/b", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch(site.url("/a"), allow_private=True)
    assert sum(site.hits.values()) == MAX_REDIRECTS + 1


def test_http_error_status(site) -> None:
    with pytest.raises(FetchError, match=r"HTTP 404 Not Found$"):
        fetch(site.url("/missing"), allow_private=True)


def test_url_that_never_answers_times_out(silent_url: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"no answer within 0.5 s") as info:
        fetch(silent_url, allow_private=True, timeout=0.5)
    assert time.monotonic() - started < 5
    assert str(info.value).startswith(silent_url)


@pytest.mark.parametrize("chunked", [False, True])
def test_size_cap(site, chunked: bool) -> None:
    site.serve("/big", b"<p>" + b"x" * 1_000_000 + b"</p>", content_type="text/html", chunked=chunked)
    with pytest.raises(FetchError, match="100,000-byte cap"):
        fetch(site.url("/big"), allow_private=True, max_bytes=100_000)


def test_timeout_does_not_stop_other_sources(site, silent_url: str, article_html: bytes) -> None:
    site.serve("/story", article_html, content_type="text/html")
    errors = []
    docs = list(
        iter_documents(
            [silent_url, "http://10.0.0.1/", site.url("/story")],
            allow_private=False,
            on_error=errors.append,
            timeout=0.5,
        )
    )
    # Without allow_private even the local server is refused: three errors, no request made.
    assert docs == [] and len(errors) == 3 and site.hits == {}
    errors.clear()
    docs = list(iter_documents([silent_url, site.url("/story")], allow_private=True, on_error=errors.append, timeout=0.5))
    assert [d.url for d in docs] == [site.url("/story")]
    assert len(errors) == 1 and "no answer" in str(errors[0])


def test_connection_is_checked_again_when_made(site, monkeypatch) -> None:
    """A host whose DNS answer changes after the up-front check (rebinding) is still refused on connecting."""
    import newsgraph.ingest.http as http_module

    url = site.serve("/story", b"<p>secret</p>", content_type="text/html")
    monkeypatch.setattr(http_module, "check_url", lambda url, allow_private=False: [])  # the check was fooled
    with pytest.raises(PrivateAddressError, match=r"refused to connect to a loopback address \(127\.0\.0\.1\)"):
        fetch(url)
    assert site.hits == {}


@pytest.fixture
def drip_url():  # noqa: ANN201
    """A URL on 127.0.0.1 whose server sends a status line, then one header line every 0.2 s, forever."""
    import socket
    import threading

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    stop = threading.Event()

    def drip(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                n = 0
                while not stop.wait(0.2):
                    conn.sendall(f"X-Slow-{n}: {'a' * 20}\r\n".encode())
                    n += 1
            except OSError:
                return

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=drip, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/story"
    finally:
        stop.set()
        sock.close()


@pytest.mark.parametrize("timeout", [1.0, 2.0])
def test_headers_sent_slowly_do_not_outlive_the_timeout(drip_url: str, timeout: float) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="no answer within"):
        fetch(drip_url, allow_private=True, timeout=timeout)
    took = time.monotonic() - started
    assert timeout - 0.1 <= took <= timeout + 1.0, took


def test_the_deadline_spans_redirects(site, drip_url: str) -> None:
    """Time spent on earlier hops counts: a redirect chain ending at a slow server ends at the one deadline."""
    site.serve("/hop", status=302, headers={"Location": drip_url})
    started = time.monotonic()
    with pytest.raises(FetchError):
        fetch(site.url("/hop"), allow_private=True, timeout=1.0)
    assert time.monotonic() - started <= 2.0


def test_a_name_resolving_to_a_private_address_is_refused_at_connect_time(site) -> None:
    """The transport itself refuses: "localhost" sent past the up-front check never gets a connection."""
    from newsgraph.ingest.http import make_client

    url = site.serve("/story", b"<p>secret</p>", content_type="text/html").replace("127.0.0.1", "localhost")
    with make_client(allow_private=False) as client:
        with pytest.raises(Exception) as info:  # noqa: PT011 - httpx's error, its cause the refusal
            client.get(url)
    assert "refused to connect to a loopback address" in str(info.value)
    assert site.hits == {}
    with make_client(allow_private=True) as client:  # the same name with private allowed: served
        assert client.get(url).text == "<p>secret</p>"


@pytest.mark.parametrize("url", ["http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/", "http://127.1/",
                                 "http://[2002:7f00:1::]/", "http://[fec0::1]/", "http://[::127.0.0.1]/",
                                 "http://[64:ff9b::a00:1]/", "http://169.254.169.254/latest/meta-data/"])
def test_every_form_is_refused_before_any_connection(url: str) -> None:
    with pytest.raises(PrivateAddressError):
        fetch(url, timeout=1.0)


def test_one_client_serves_every_fetch(site) -> None:
    from newsgraph.ingest.http import shared_client

    url = site.serve("/a", b"<p>a</p>", content_type="text/html")
    first = shared_client(True)
    for _ in range(3):
        assert fetch(url, allow_private=True).content == b"<p>a</p>"
    assert shared_client(True) is first and shared_client(False) is not first
