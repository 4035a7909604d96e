"""The address policy: loopback, private, link-local and reserved addresses are refused before connecting."""

from __future__ import annotations

import ipaddress

import pytest

from newsgraph.errors import FetchError, PrivateAddressError
from newsgraph.ingest.netpolicy import address_kind, check_url


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://10.0.0.1/admin", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://172.16.0.5/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]:8080/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("https://localhost/", "loopback"),
    ],
)
def test_refused_without_allow_private(url: str, kind: str) -> None:
    with pytest.raises(PrivateAddressError, match=f"refusing to fetch a {kind} address") as info:
        check_url(url)
    assert str(info.value).startswith(f"{url}: ")
    assert "--allow-private" in str(info.value)


def test_allowed_with_allow_private() -> None:
    assert check_url("http://10.0.0.1/x", allow_private=True) == [ipaddress.ip_address("10.0.0.1")]
    assert ipaddress.ip_address("127.0.0.1") in check_url("http://localhost:9/", allow_private=True)


def test_public_literal_address_passes() -> None:
    assert check_url("https://93.184.216.34/page") == [ipaddress.ip_address("93.184.216.34")]
    assert address_kind(ipaddress.ip_address("2606:4700::1111")) is None


@pytest.mark.parametrize("url", ["ftp://example.org/file", "file:///etc/passwd", "http:///nohost", "http://x:99999/"])
def test_bad_urls(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url, allow_private=True)


def test_unresolvable_host() -> None:
    with pytest.raises(FetchError, match="cannot resolve host"):
        check_url("http://no-such-host.invalid/", allow_private=True)


def test_malformed_url() -> None:
    with pytest.raises(FetchError, match=r"^http://\[bad: not a valid URL"):
        check_url("http://[bad")
