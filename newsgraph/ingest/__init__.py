"""Sources -> RawDocument: files, directories, stdin, URLs, RSS/Atom feeds and WARC files.

How each source string is taken (first rule that matches):

* ``-``: standard input (one document; HTML or text is sniffed at extraction).
* ``feed:X``: X (a URL or a path) is an RSS/Atom feed; each item's page is fetched.
* ``http://`` / ``https://``: fetched; a path ending ``.rss``/``.atom``/``.xml``, or an
  answer served or shaped as RSS/Atom, is read as a feed, anything else as a page.
* a directory: every readable file under it, recursively, in sorted order.
* ``*.warc`` / ``*.warc.gz``: each HTML response record.
* ``*.rss`` / ``*.atom`` / ``*.xml``: a feed file; each item's page is fetched.
* ``*.urls``: a list of URLs, one a line (``#`` comments allowed), each read as a URL.
* any other file (``.html``, ``.htm``, ``.html.gz``, ``.txt``...): one document.
  A ``.txt`` file is always article text, never a list of URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest import feeds, files, http, warc
from newsgraph.model import RawDocument

ErrorHandler = Callable[[NewsgraphError], None]

__all__ = ["iter_documents", "ErrorHandler"]


def _raise(err: NewsgraphError) -> None:
    raise err


def is_url(source: str) -> bool:
    """Return True when ``source`` is an http(s) URL."""
    return source.lower().startswith(("http://", "https://"))


def iter_documents(
    sources: Iterable[str],
    *,
    allow_private: bool = False,
    on_error: ErrorHandler | None = None,
    timeout: float = 20.0,
    max_bytes: int = 20_000_000,
) -> Iterator[RawDocument]:
    """Yield a RawDocument for each document the sources hold, in order.

    When a source (or one item of a feed or WARC file) fails, ``on_error`` is
    called with the error and reading goes on with the next one; with no
    ``on_error`` the error is raised.  ``allow_private`` permits fetching
    loopback and private-network addresses; ``timeout`` (seconds) and
    ``max_bytes`` bound every fetch and every document.
    """
    handle = on_error or _raise
    reader = _Reader(allow_private=allow_private, on_error=handle, timeout=timeout, max_bytes=max_bytes)
    for source in sources:
        yield from _guarded(reader.read(source), source, handle)


def _guarded(documents: Iterator[RawDocument], source: str, handle: ErrorHandler) -> Iterator[RawDocument]:
    """Yield from ``documents``; any failure becomes one NewsgraphError for ``handle`` (one line, no traceback)."""
    try:
        yield from documents
    except NewsgraphError as err:
        handle(err)
    except OSError as err:
        handle(InputError(f"cannot read: {err.strerror or err}", source=source))
    except Exception as err:  # a library failing on odd input must not end a run over many sources
        wrapped = InputError(f"unexpected {type(err).__name__}: {err}", source=source)
        wrapped.__cause__ = err
        handle(wrapped)


class _Reader:
    """Reads one source string of any kind; shared settings held once."""

    def __init__(self, *, allow_private: bool, on_error: ErrorHandler, timeout: float, max_bytes: int) -> None:
        self.allow_private = allow_private
        self.on_error = on_error
        self.timeout = timeout
        self.max_bytes = max_bytes

    def read(self, source: str) -> Iterator[RawDocument]:
        if source == "-":
            yield files.read_stdin(max_bytes=self.max_bytes)
        elif source.lower().startswith("feed:"):
            yield from self.read_feed(source[len("feed:") :], source=source)
        elif is_url(source):
            yield from self.read_url(source)
        else:
            path = Path(source)
            if path.is_dir():
                for child in files.walk_directory(path):
                    yield from _guarded(self.read_path(child, str(child)), str(child), self.on_error)
            else:
                yield from self.read_path(path, source)

    def read_path(self, path: Path, source: str) -> Iterator[RawDocument]:
        if not path.exists():
            raise InputError("no such file or directory", source=source)
        if files.has_suffix(path, files.WARC_SUFFIXES):
            yield from warc.iter_warc(path, max_bytes=self.max_bytes, on_error=self.on_error, source=source)
        elif files.has_suffix(path, files.FEED_SUFFIXES):
            yield from self.read_feed(str(path), source=source)
        elif files.has_suffix(path, files.URL_LIST_SUFFIXES):
            for url in files.read_url_list(path, source=source):
                yield from _guarded(self.read_url(url), url, self.on_error)
        else:
            yield files.read_file(path, max_bytes=self.max_bytes, source=source)

    def fetch(self, url: str, *, source: str | None = None, hints: dict[str, str] | None = None) -> RawDocument:
        return http.fetch(
            url,
            allow_private=self.allow_private,
            timeout=self.timeout,
            max_bytes=self.max_bytes,
            source=source,
            hints=hints,
        )

    def read_url(self, url: str) -> Iterator[RawDocument]:
        doc = self.fetch(url)
        is_feed_path = urlsplit(url).path.lower().endswith(files.FEED_SUFFIXES)
        if is_feed_path or feeds.looks_like_feed(doc.content, doc.content_type):
            yield from self.read_feed_items(doc.content, source=url)
        else:
            yield doc

    def read_feed(self, target: str, *, source: str) -> Iterator[RawDocument]:
        if is_url(target):
            content = self.fetch(target, source=source).content
        else:
            content = files.read_file(Path(target), max_bytes=self.max_bytes, source=source).content
        yield from self.read_feed_items(content, source=source)

    def read_feed_items(self, content: bytes, *, source: str) -> Iterator[RawDocument]:
        for item in feeds.parse_feed(content, source):
            yield from _guarded(self._fetch_one(item), item.link, self.on_error)

    def _fetch_one(self, item: feeds.FeedItem) -> Iterator[RawDocument]:
        yield self.fetch(item.link, hints=item.hints)
