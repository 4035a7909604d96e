"""Name lookups end by the fetch's deadline: a resolver that does not answer cannot hold a fetch.

The system resolver cannot be pointed at a silent DNS server from a test (it reads /etc/resolv.conf),
so a slow resolver is stood in for by a ``socket.getaddrinfo`` that sleeps for one name and answers
the others for real.
"""

from __future__ import annotations

import socket
import time

import pytest

from newsgraph.errors import FetchError
from newsgraph.ingest import http as http_module
from newsgraph.ingest import netpolicy
from newsgraph.ingest.http import fetch

SLOW = "slow-resolver.example"


@pytest.fixture
def slow_dns(monkeypatch):
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):  # noqa: ANN001, ANN202
        if host == SLOW:
            time.sleep(30)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_a_lookup_that_never_answers_ends_by_the_timeout(slow_dns) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=rf"^http://{SLOW}/a: cannot resolve host '{SLOW}': no answer within"):
        fetch(f"http://{SLOW}/a", timeout=1.0)
    assert time.monotonic() - started < 2.0


def test_the_lookup_at_connect_time_ends_by_the_timeout_too(slow_dns, monkeypatch) -> None:
    monkeypatch.setattr(http_module, "check_url", lambda url, allow_private=False: [])  # only the connect resolves
    started = time.monotonic()
    with pytest.raises(FetchError, match="no answer within the fetch's timeout"):
        fetch(f"http://{SLOW}/b", timeout=1.0)
    assert time.monotonic() - started < 2.0


def test_without_a_fetch_the_check_resolves_as_before(slow_dns) -> None:
    assert netpolicy.fetch_deadline.get() is None
    assert netpolicy.check_url("http://127.0.0.1:9/", allow_private=True) == [netpolicy.parse_host("127.0.0.1")]
    with pytest.raises(FetchError, match="cannot resolve host"):  # a real lookup of a name that does not exist
        netpolicy.check_url("http://no-such-host.invalid/")
