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
