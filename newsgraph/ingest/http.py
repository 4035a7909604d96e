"""Fetch one URL with httpx: bounded in time, size and redirects, address policy on every hop."""

from __future__ import annotations

import datetime as dt
import time
from urllib.parse import urljoin

import httpcore
import httpx

from newsgraph import __version__
from newsgraph.errors import FetchError, PrivateAddressError
from newsgraph.ingest.netpolicy import address_kind, check_url, resolve
from newsgraph.model import RawDocument

USER_AGENT = f"newsgraph/{__version__}"
MAX_REDIRECTS = 5
_REDIRECT_CODES = {301, 302, 303, 307, 308}


class _RefusedAddress(httpcore.ConnectError):
    """A connection the address policy refused."""


class _PolicyBackend(httpcore.SyncBackend):
    """Connects only to addresses the policy allows, checked at connection time.

    ``check_url`` refuses a URL up front with a clear message; this second check
    closes the gap where a hostname resolves to a public address for the check
    and to a private one for the connection (DNS rebinding).
    """

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # noqa: ANN001, ANN201
        addresses = resolve(host, port)
        if not self.allow_private:
            for address in addresses:
                if (kind := address_kind(address)) is not None:
                    raise _RefusedAddress(f"refused to connect to a {kind} address ({address})")
        error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as err:  # try the next address of the host
                error = err
        raise error or httpcore.ConnectError(f"no address for {host}")


class PolicyTransport(httpx.HTTPTransport):
    """httpx's transport, its connections made through the address policy; no proxies from the environment."""

    def __init__(self, *, allow_private: bool) -> None:
        super().__init__(trust_env=False)
        # httpx (pinned <0.29) keeps its httpcore pool here; rebuilt with our network backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=_PolicyBackend(allow_private),
        )


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 20.0,
    max_bytes: int = 20_000_000,
    source: str | None = None,
    hints: dict[str, str] | None = None,
    client: httpx.Client | None = None,
) -> RawDocument:
    """Fetch ``url`` and return it as a RawDocument (``url`` is the final URL after redirects).

    ``timeout`` bounds each network operation and the whole fetch; a body over
    ``max_bytes`` is cut off and refused.  Redirects are followed by hand (at most
    ``MAX_REDIRECTS``) so that each target is checked against the address policy
    before we connect to it.  Raises ``FetchError`` (or ``PrivateAddressError``).
    """
    source = source or url
    own_client = client is None
    if client is None:
        client = httpx.Client(
            transport=PolicyTransport(allow_private=allow_private),
            trust_env=False,
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        )
    deadline = time.monotonic() + timeout
    try:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                check_url(current, allow_private)
            except FetchError as err:
                raise type(err)(err.message, source=source) from err
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECT_CODES and "location" in response.headers:
                        current = urljoin(str(response.url), response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"HTTP {response.status_code} {response.reason_phrase}".strip(), source=source
                        )
                    content = _read_capped(response, max_bytes, deadline, source)
                    return RawDocument(
                        content=content,
                        source=source,
                        content_type=response.headers.get("content-type"),
                        url=str(response.url),
                        fetched_at=dt.datetime.now(dt.timezone.utc),
                        hints=dict(hints or {}),
                    )
            except httpx.TimeoutException as err:
                raise FetchError(f"no answer within {timeout:g} s ({type(err).__name__})", source=source) from err
            except httpx.HTTPError as err:
                if isinstance(err.__cause__, _RefusedAddress):
                    raise PrivateAddressError(f"{err.__cause__}; pass --allow-private to allow it", source=source) from err
                raise FetchError(f"fetch failed: {type(err).__name__}: {err}", source=source) from err
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=source)
    finally:
        if own_client:
            client.close()


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, source: str) -> bytes:
    """Read the body, stopping as soon as it passes ``max_bytes`` or the deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"page is {int(declared):,} bytes, over the {max_bytes:,}-byte cap", source=source)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"page is over the {max_bytes:,}-byte cap", source=source)
        if time.monotonic() > deadline:
            raise FetchError("page took too long to download", source=source)
        chunks.append(chunk)
    return b"".join(chunks)
