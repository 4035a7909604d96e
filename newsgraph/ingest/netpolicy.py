"""Which URLs newsgraph may fetch: the address policy shared by the CLI and the web app.

A server that fetches URLs for its users must not become a way into the
network it runs in, so every URL (and every redirect target) is resolved and
each resolved address checked before any connection is made.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from newsgraph.errors import FetchError, PrivateAddressError

ALLOWED_SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_kind(address: IPAddress) -> str | None:
    """Return why ``address`` may not be fetched ("loopback", "private"...), or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind in ("loopback", "unspecified", "link_local", "private", "multicast", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "non-public"


def is_public_address(address: IPAddress) -> bool:
    """Return True when ``address`` is a globally routable unicast address."""
    return address_kind(address) is None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Return every address ``host`` resolves to (a literal IP resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host!r}: {err}") from err
    addresses: list[IPAddress] = []
    for info in infos:
        # The scope id of an IPv6 link-local address ("fe80::1%eth0") is not part of the address.
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if addr not in addresses:
            addresses.append(addr)
    return addresses


def check_url(url: str, allow_private: bool = False) -> list[IPAddress]:
    """Check that ``url`` may be fetched; return the addresses its host resolves to.

    Raises ``FetchError`` for a URL that is not http(s) or whose host does not
    resolve, and ``PrivateAddressError`` when any resolved address is loopback,
    private, link-local, reserved or otherwise not public, unless ``allow_private``.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as err:
        raise FetchError(f"not a valid URL: {err}", source=url) from err
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError("only http and https URLs can be fetched", source=url)
    if not host:
        raise FetchError("URL has no host", source=url)
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as err:
        raise FetchError(f"bad port: {err}", source=url) from err
    try:
        addresses = resolve(host, port)
    except FetchError as err:
        raise FetchError(err.message, source=url) from err
    if not allow_private:
        for address in addresses:
            kind = address_kind(address)
            if kind is not None:
                where = str(address) if host.strip("[]") == str(address) else f"{host} ({address})"
                raise PrivateAddressError(
                    f"refusing to fetch a {kind} address {where}; pass --allow-private to allow it",
                    source=url,
                )
    return addresses
