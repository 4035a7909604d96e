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


#: Every form of a non-public address a URL can carry, and the kind it is refused as.
REFUSED = [
    ("127.0.0.1", "loopback"), ("2130706433", "loopback"), ("0177.0.0.1", "loopback"), ("0x7f.0.0.1", "loopback"),
    ("0x7f000001", "loopback"), ("127.1", "loopback"), ("017700000001", "loopback"), ("10.1", "private"),
    ("0.0.0.0", "unspecified"), ("0", "unspecified"), ("192.168.0.1", "private"), ("172.31.255.255", "private"),
    ("100.64.0.1", "non-public"), ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"),
    ("240.0.0.1", "private"), ("255.255.255.255", "private"), ("192.0.2.1", "private"), ("198.51.100.7", "private"),
    ("203.0.113.9", "private"),
    ("[::1]", "loopback"), ("[::]", "unspecified"), ("[::ffff:127.0.0.1]", "loopback"), ("[::ffff:7f00:1]", "loopback"),
    ("[::ffff:10.0.0.1]", "private"), ("[::ffff:169.254.169.254]", "link-local"), ("[::127.0.0.1]", "loopback"),
    ("[::10.0.0.1]", "private"), ("[2002:7f00:1::]", "loopback"), ("[2002:a00:1::1]", "private"),
    ("[2002:a9fe:a9fe::]", "link-local"), ("[2001::1]", "unspecified"), ("[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "private"),
    ("[64:ff9b::7f00:1]", "loopback"), ("[64:ff9b::a00:1]", "private"), ("[64:ff9b:1::1]", "reserved"),
    ("[64:ff9b:1::808:808]", "reserved"), ("[fc00::1]", "private"), ("[fd00:ec2::254]", "private"),
    ("[fec0::1]", "site-local"), ("[feff::1]", "site-local"), ("[fe80::1]", "link-local"), ("[fe80::1%eth0]", "link-local"),
    ("[ff02::1]", "multicast"), ("[ff05::2]", "multicast"), ("[2001:db8::1]", "private"), ("[100::1]", "private"),
]

PUBLIC = ["8.8.8.8", "93.184.216.34", "1.1.1.1", "[2606:4700::1111]", "[2a00:1450:4001:80b::200e]",
          "[::ffff:8.8.8.8]", "[2002:808:808::1]"]


@pytest.mark.parametrize(("host", "kind"), REFUSED)
def test_the_address_check_refuses_every_form(host: str, kind: str) -> None:
    from newsgraph.ingest.netpolicy import parse_host

    address = parse_host(host)
    assert address is not None, host
    assert address_kind(address) == kind
    with pytest.raises(PrivateAddressError, match=f"refusing to fetch a {kind} address"):
        check_url(f"http://{host}/path")


@pytest.mark.parametrize("host", PUBLIC)
def test_the_address_check_lets_public_addresses_through(host: str) -> None:
    from newsgraph.ingest.netpolicy import parse_host

    address = parse_host(host)
    assert address is not None and address_kind(address) is None
    assert check_url(f"http://{host}/") == [address]


@pytest.mark.parametrize("host", ["example.org", "1.2.3.4.5", "0x", "127.0.0.1x", "08.1", ""])
def test_names_and_junk_are_not_literal_addresses(host: str) -> None:
    from newsgraph.ingest.netpolicy import parse_host

    assert parse_host(host) is None
