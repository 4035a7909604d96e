"""Fetch one URL with httpx: one total deadline, a size cap, bounded redirects, the address policy on every hop.

The address check runs three times for each fetch: on the URL (``check_url``, a clear message
before anything is sent), on every redirect target, and when a connection is made.  The last one
closes the gap where a name resolves to a public address for the check and to a private one for
the connection (DNS rebinding).  It is done through httpcore's public ``network_backend`` hook: a
transport of our own (``PolicyTransport``) over ``httpcore.ConnectionPool(network_backend=…)``.

The same backend enforces one deadline per fetch (name lookups, connect, TLS, headers and body
together): every lookup, socket read and write gets at most the time left, so neither a slow resolver
nor a server sending header lines one by one can hold a fetch past its timeout (httpx's own timeouts
are per operation, and the system resolver has none).

One client per policy is shared by all fetches of a process (``shared_client``): building one costs
two SSL contexts and tens of milliseconds, which a feed of 10,000 URLs must not pay per URL.
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin

import certifi
import httpcore
import httpx

from newsgraph import __version__
from newsgraph.errors import FetchError, PrivateAddressError
from newsgraph.ingest.netpolicy import address_kind, check_url, fetch_deadline, resolve
from newsgraph.model import RawDocument
from newsgraph.settings import MAX_INPUT_BYTES

USER_AGENT = f"newsgraph/{__version__}"
MAX_REDIRECTS = 5
_REDIRECT_CODES = {301, 302, 303, 307, 308}
HEADERS = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}

#: When the fetch under way in this thread must be over (time.monotonic()), or None; netpolicy's, so that
#: name lookups (for the URL's check and at connect time) end by it too.
_deadline = fetch_deadline


class _RefusedAddress(httpcore.ConnectError):
    """A connection the address policy refused."""


def _time_left(timeout: float | None) -> float | None:
    """Return the smaller of ``timeout`` and the time left to this fetch; raise ReadTimeout when none is left."""
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _time_left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _time_left(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, _time_left(timeout)))

    def get_extra_info(self, info: str) -> object:
        return self.inner.get_extra_info(info)


class _PolicyBackend(httpcore.NetworkBackend):
    """httpcore's sync backend, connecting only to addresses the policy allows, within the deadline."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private
        self.inner = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # noqa: ANN001, ANN201
        addresses = resolve(host, port)
        if not self.allow_private:
            for address in addresses:
                if (kind := address_kind(address)) is not None:
                    raise _RefusedAddress(f"refused to connect to a {kind} address ({address})")
        error: Exception | None = None
        for address in addresses:
            try:
                stream = self.inner.connect_tcp(str(address), port, _time_left(timeout), local_address, socket_options)
                return _DeadlineStream(stream)
            except httpcore.ConnectError as err:  # try the next address of the host
                error = err
        raise error or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # noqa: ANN001, ANN201
        raise _RefusedAddress("refused to connect to a Unix socket")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def _httpx_error(err: httpcore.TimeoutException | httpcore.NetworkError | Exception,
                 request: httpx.Request) -> httpx.HTTPError:
    """Return the httpx exception of the same name as an httpcore one (the names are shared by design)."""
    for cls in type(err).__mro__:
        target = getattr(httpx, cls.__name__, None)
        if isinstance(target, type) and issubclass(target, httpx.TransportError):
            return target(str(err), request=request)
    return httpx.TransportError(str(err), request=request)


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes], request: httpx.Request) -> None:
        self.stream = stream
        self.request = request

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self.stream
        except httpcore.TimeoutException as err:
            raise _httpx_error(err, self.request) from err
        except (httpcore.NetworkError, httpcore.ProtocolError) as err:
            raise _httpx_error(err, self.request) from err

    def close(self) -> None:
        if hasattr(self.stream, "close"):
            self.stream.close()


class PolicyTransport(httpx.BaseTransport):
    """An httpx transport over httpcore's connection pool with the policy backend; no proxies."""

    def __init__(self, *, allow_private: bool, max_connections: int = 20) -> None:
        self.pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            network_backend=_PolicyBackend(allow_private),
            max_connections=max_connections,
            keepalive_expiry=15.0,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Return the response to ``request``, errors as httpx's own (the refusal kept as the cause)."""
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host, port=request.url.port,
                             target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions,
        )
        try:
            response = self.pool.handle_request(core)
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError,
                httpcore.UnsupportedProtocol) as err:
            raise _httpx_error(err, request) from err
        return httpx.Response(status_code=response.status, headers=response.headers,
                              stream=_Body(response.stream, request), extensions=response.extensions)

    def close(self) -> None:
        self.pool.close()


def make_client(allow_private: bool = False, timeout: float = 20.0) -> httpx.Client:
    """Return a new client under the address policy (redirects left to ``fetch``, no proxies from the environment)."""
    # A shared client must not carry one fetch's cookies into another's (other users, other sites).
    no_cookies = http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    return httpx.Client(transport=PolicyTransport(allow_private=allow_private), trust_env=False, cookies=no_cookies,
                        timeout=httpx.Timeout(timeout), follow_redirects=False, headers=HEADERS)


_clients: dict[bool, httpx.Client] = {}
_clients_lock = threading.Lock()


def shared_client(allow_private: bool = False) -> httpx.Client:
    """Return this process's client for the policy (made on first use; thread-safe, pooled connections)."""
    with _clients_lock:
        if allow_private not in _clients:
            _clients[allow_private] = make_client(allow_private)
        return _clients[allow_private]


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 20.0,
    max_bytes: int = MAX_INPUT_BYTES,
    source: str | None = None,
    hints: dict[str, str] | None = None,
    client: httpx.Client | None = None,
) -> RawDocument:
    """Fetch ``url`` and return it as a RawDocument (``url`` is the final URL after redirects).

    ``timeout`` is one deadline for the whole fetch, redirects included.  A body over ``max_bytes``
    is refused.  Redirects are followed by hand (at most ``MAX_REDIRECTS``) so that each target is
    checked against the address policy first.  ``client`` defaults to the shared one for the policy.
    Raises ``FetchError`` (or ``PrivateAddressError``).
    """
    source = source or url
    token = _deadline.set(time.monotonic() + timeout)
    try:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                check_url(current, allow_private)
            except FetchError as err:
                raise type(err)(err.message, source=source) from err
            client = client or shared_client(allow_private)
            document, current = _get(client, current, timeout, max_bytes, source)
            if document is not None:
                return document.model_copy(update={"hints": dict(hints or {})}) if hints else document
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=source)
    finally:
        _deadline.reset(token)


def _get(client: httpx.Client, url: str, timeout: float, max_bytes: int,
         source: str) -> tuple[RawDocument | None, str]:
    """Return (the document, its URL), or (None, the redirect's target)."""
    try:
        with client.stream("GET", url, timeout=timeout) as response:
            if response.status_code in _REDIRECT_CODES and "location" in response.headers:
                return None, urljoin(str(response.url), response.headers["location"])
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip(), source=source)
            content = _read_capped(response, max_bytes, source)
            return RawDocument(content=content, source=source, content_type=response.headers.get("content-type"),
                               url=str(response.url), fetched_at=dt.datetime.now(dt.timezone.utc)), url
    except httpx.TimeoutException as err:
        raise FetchError(f"no answer within {timeout:g} s ({type(err).__name__})", source=source) from err
    except httpx.HTTPError as err:
        if isinstance(err.__cause__, _RefusedAddress):
            raise PrivateAddressError(f"{err.__cause__}; pass --allow-private to allow it", source=source) from err
        raise FetchError(f"fetch failed: {type(err).__name__}: {err}", source=source) from err


def _read_capped(response: httpx.Response, max_bytes: int, source: str) -> bytes:
    """Read the body, stopping as soon as it passes ``max_bytes`` (the deadline is the stream's)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"page is {int(declared):,} bytes, over the {max_bytes:,}-byte cap", source=source)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"page is over the {max_bytes:,}-byte cap", source=source)
        chunks.append(chunk)
    return b"".join(chunks)
