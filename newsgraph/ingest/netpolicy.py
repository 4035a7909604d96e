"""Which URLs newsgraph may fetch: the address policy shared by the CLI and the web app.

A server that fetches URLs for its users must not become a way into the
network it runs in, so every URL (and every redirect target) is resolved and
each resolved address checked before any connection is made.
"""

from __future__ import annotations

import contextvars
import ipaddress
import socket
import threading
import time
from urllib.parse import urlsplit

from newsgraph.errors import FetchError, PrivateAddressError

ALLOWED_SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: When the fetch under way in this context must be over (``time.monotonic()``), or None. A name lookup
#: made for it ends by then too: the system resolver has no timeout a caller can set.
fetch_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("newsgraph_fetch_deadline",
                                                                              default=None)


#: IPv6 ranges that carry an IPv4 address in known bits: (network, how to get the IPv4 address out).
_TEREDO = ipaddress.ip_network("2001::/32")
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215 local-use: never global
_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated IPv4-compatible ::a.b.c.d

#: The kinds of address refused, in the order they are named (the first that fits).
_KINDS = ("loopback", "unspecified", "link_local", "site_local", "private", "multicast", "reserved")


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Return the IPv4 addresses an IPv6 address carries (mapped, compatible, 6to4, Teredo, NAT64), if any."""
    value = int(address)
    if address.ipv4_mapped is not None:
        return [address.ipv4_mapped]
    if address in _SIX_TO_FOUR:
        return [address.sixtofour]
    if address in _TEREDO:
        server, client = address.teredo
        return [server, client]
    if address in _NAT64 or (address in _COMPATIBLE and value > 1):
        return [ipaddress.IPv4Address(value & 0xFFFFFFFF)]
    return []


def address_kind(address: IPAddress) -> str | None:
    """Return why ``address`` may not be fetched ("loopback", "private"...), or None when it is public.

    The one address check: used on the first URL, on every redirect target and again at connect time.
    An IPv6 address that embeds an IPv4 one is judged by that address too (``2002:7f00:1::`` is loopback).
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address in _NAT64_LOCAL:
            return "reserved"
        for inner in embedded_ipv4(address):
            if (kind := address_kind(inner)) is not None:
                return kind
        if address.ipv4_mapped is not None:
            return None  # judged as the IPv4 address it is
    for kind in _KINDS:
        if getattr(address, f"is_{kind}", False):
            return kind.replace("_", "-")
    return None if address.is_global else "non-public"


def parse_host(host: str) -> IPAddress | None:
    """Return the address a literal host names, in every form a resolver takes, or None for a DNS name.

    Besides dotted quads and IPv6 (``[…]``, a zone id dropped), the legacy IPv4 forms that libc's
    ``inet_aton`` and browsers accept: decimal (``2130706433``), octal (``0177.0.0.1``), hex
    (``0x7f000001``) and short (``127.1``) — each would otherwise reach the connection as loopback.
    """
    host = host.strip().rstrip(".").strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if not host or not all(part and _is_number(part) for part in host.split(".")) or host.count(".") > 3:
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _is_number(part: str) -> bool:
    lowered = part.lower()
    if lowered.startswith("0x"):
        return all(c in "0123456789abcdef" for c in lowered[2:])
    return part.isdigit()


def is_public_address(address: IPAddress) -> bool:
    """Return True when ``address`` is a globally routable unicast address."""
    return address_kind(address) is None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Return every address ``host`` resolves to (a literal IP, in any form ``parse_host`` knows, to itself)."""
    literal = parse_host(host)
    if literal is not None:
        return [literal]
    try:
        infos = _getaddrinfo(host, port)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host!r}: {err}") from err
    addresses: list[IPAddress] = []
    for info in infos:
        # The scope id of an IPv6 link-local address ("fe80::1%eth0") is not part of the address.
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if addr not in addresses:
            addresses.append(addr)
    return addresses


def _getaddrinfo(host: str, port: int) -> list:
    """Return ``socket.getaddrinfo`` of the host, ended by the fetch's deadline when one is set.

    Under a deadline the lookup runs in a daemon thread that is left behind if the time runs out
    (it ends when the resolver gives up); nothing waits for it, not even the interpreter's exit.
    """
    deadline = fetch_deadline.get()
    if deadline is None:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    outcome: list = []

    def lookup() -> None:
        try:
            outcome.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as err:  # noqa: BLE001 - handed to the waiting thread
            outcome.append(err)

    thread = threading.Thread(target=lookup, name="newsgraph-dns", daemon=True)
    thread.start()
    thread.join(max(0.0, deadline - time.monotonic()))
    if not outcome:
        raise FetchError(f"cannot resolve host {host!r}: no answer within the fetch's timeout")
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


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
                where = str(address) if parse_host(host) == address else f"{host} ({address})"
                raise PrivateAddressError(
                    f"refusing to fetch a {kind} address {where}; pass --allow-private to allow it",
                    source=url,
                )
    return addresses
