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
* ``*.jsonl`` / ``*.ndjson`` / ``*.csv`` / ``*.tsv``: a corpus file, one article per row with its
  metadata (``newsgraph.ingest.corpus``; named on the command line, never picked up in a directory).
* any other file (``.html``, ``.htm``, ``.html.gz``, ``.txt``...): one document.
  A ``.txt`` file is always article text, never a list of URLs.

A directory, list or file that yields nothing at all is an InputError saying so
(a wrong path must not pass for an empty run). ``classify`` is the one place a
source string's kind is decided; ``newsgraph.batch`` lists its inputs with it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest import corpus, feeds, files, http, warc
from newsgraph.model import RawDocument
from newsgraph.settings import MAX_INPUT_BYTES

ErrorHandler = Callable[[NewsgraphError], None]

__all__ = ["iter_documents", "ErrorHandler", "classify", "url_problem", "is_url"]

#: A list of feed URLs, one a line: batch only (``read`` and ``ingest`` take ``feed:X``).
FEED_LIST_SUFFIXES = (".feeds",)
#: What a source that yields nothing was expected to hold, by kind.
_EXPECTED = {
    "dir": f"no file newsgraph reads ({', '.join(files.KNOWN_SUFFIXES)})",
    "urls": "no URL",
    "feeds": "no feed URL",
    "corpus": "no row",
    "warc": "no HTML response record",
}


def _raise(err: NewsgraphError) -> None:
    raise err


def is_url(source: str) -> bool:
    """Return True when ``source`` is an http(s) URL."""
    return source.lower().startswith(("http://", "https://"))


def url_problem(text: str) -> str | None:
    """Return why ``text`` is not an http(s) URL newsgraph can fetch, or None when it is one."""
    import httpx

    if not text or any(ch.isspace() for ch in text):
        return "not a URL (contains spaces or is empty)"
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, ValueError) as err:
        return f"not a URL ({err})"
    if url.scheme not in ("http", "https"):
        return f"not an http(s) URL (scheme {url.scheme or 'missing'!r})"
    if not url.host:
        return "not a URL (no host)"
    return None


def classify(source: str) -> str:
    """Return what a source string names: "stdin", "feed", "url", "dir", "warc", "feeds", "urls",
    "corpus" or "file" (see the module docstring). Raises InputError when a local source does not exist."""
    lower = source.lower()
    if source == "-":
        return "stdin"
    if lower.startswith("feed:"):
        return "feed"
    if is_url(source):
        return "url"
    path = Path(source)
    if path.is_dir():
        return "dir"
    if not path.exists():
        raise InputError("no such file or directory", source=source)
    for kind, suffixes in (("warc", files.WARC_SUFFIXES), ("feed", files.FEED_SUFFIXES), ("feeds", FEED_LIST_SUFFIXES),
                           ("urls", files.URL_LIST_SUFFIXES), ("corpus", corpus.CORPUS_SUFFIXES)):
        if files.has_suffix(lower, suffixes):
            return kind
    return "file"


def iter_documents(
    sources: Iterable[str],
    *,
    allow_private: bool = False,
    on_error: ErrorHandler | None = None,
    timeout: float = 20.0,
    max_bytes: int = MAX_INPUT_BYTES,
    fields: dict[str, str] | None = None,
) -> Iterator[RawDocument]:
    """Yield a RawDocument for each document the sources hold, in order.

    When a source (or one item of a feed, list, corpus or WARC file) fails,
    ``on_error`` is called with the error and reading goes on with the next
    one; with no ``on_error`` the error is raised.  ``allow_private`` permits
    fetching loopback and private-network addresses; ``timeout`` (seconds) and
    ``max_bytes`` bound every fetch and every document; ``fields`` maps corpus
    fields to a file's own column names (``newsgraph.ingest.corpus``).
    """
    handle = on_error or _raise
    reader = _Reader(allow_private=allow_private, on_error=handle, timeout=timeout, max_bytes=max_bytes,
                     fields=fields or {})
    for source in sources:
        yield from _guarded(reader.read(source), source, reader.error)


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

    def __init__(self, *, allow_private: bool, on_error: ErrorHandler, timeout: float, max_bytes: int,
                 fields: dict[str, str]) -> None:
        self.allow_private = allow_private
        self.on_error = on_error
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.fields = fields
        self.errors = 0

    def error(self, err: NewsgraphError) -> None:
        """Count and pass on one failure."""
        self.errors += 1
        self.on_error(err)

    def read(self, source: str) -> Iterator[RawDocument]:
        """Yield the documents of one source; one that holds nothing at all is an InputError saying so."""
        kind = classify(source)
        errors, count = self.errors, 0
        for doc in self._read(source, kind):
            count += 1
            yield doc
        if count == 0 and self.errors == errors and kind in _EXPECTED:
            raise InputError(f"nothing to read: {_EXPECTED[kind]} found", source=source)

    def _read(self, source: str, kind: str) -> Iterator[RawDocument]:
        if kind == "stdin":
            yield files.read_stdin(max_bytes=self.max_bytes)
        elif kind == "feed" and source.lower().startswith("feed:"):
            yield from self.read_feed(source[len("feed:") :], source=source)
        elif kind == "url":
            yield from self.read_url(source)
        elif kind == "dir":
            for child in files.walk_directory(source):
                yield from _guarded(self.read_path(child, str(child)), str(child), self.error)
        else:
            yield from self.read_path(Path(source), source)

    def read_path(self, path: Path, source: str) -> Iterator[RawDocument]:
        if not path.exists():
            raise InputError("no such file or directory", source=source)
        if files.has_suffix(path, files.WARC_SUFFIXES):
            yield from warc.iter_warc(path, max_bytes=self.max_bytes, on_error=self.error, source=source)
        elif files.has_suffix(path, files.FEED_SUFFIXES):
            yield from self.read_feed(str(path), source=source)
        elif files.has_suffix(path, files.URL_LIST_SUFFIXES):
            for number, url in files.url_lines(path, source=source):
                if problem := url_problem(url):
                    self.error(InputError(f"{problem}: {url[:80]!r}", source=f"{source}:{number}"))
                else:
                    yield from _guarded(self.read_url(url), url, self.error)
        elif files.has_suffix(path, FEED_LIST_SUFFIXES):
            for number, url in files.url_lines(path, source=source):
                if problem := url_problem(url):
                    self.error(InputError(f"{problem}: {url[:80]!r}", source=f"{source}:{number}"))
                else:
                    yield from _guarded(self.read_feed(url, source=url), url, self.error)
        elif corpus.is_corpus(path):
            yield from corpus.CorpusReader(path, max_bytes=self.max_bytes, on_error=self.error, fields=self.fields,
                                           source=source)
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
            yield from _guarded(self._fetch_one(item), item.link, self.error)

    def _fetch_one(self, item: feeds.FeedItem) -> Iterator[RawDocument]:
        yield self.fetch(item.link, hints=item.hints)


def count_documents(sources: Iterable[str], limit: int = 100_000) -> int | None:
    """Return how many documents the sources hold when that is cheap to know, else None.

    Known without reading any document: single pages, directories of pages and
    JSON Lines corpus files (their lines are counted). Anything fetched (URLs,
    feeds, lists) or holding an unknown number of records (WARC, CSV) gives None,
    as does a count past ``limit`` (a progress bar's total is not worth a long walk).
    """
    total = 0
    for source in sources:
        try:
            kind = classify(source)
        except InputError:
            total += 1  # one failure line
            continue
        if kind == "file":
            total += 1
        elif kind == "dir":
            for path in files.walk_directory(source):
                if not files.has_suffix(path, tuple(files.PAGE_SUFFIXES)):
                    return None
                total += 1
                if total > limit:
                    return None
        elif kind == "corpus" and files.has_suffix(source, corpus.JSONL_SUFFIXES) and Path(source).stat().st_size < 2**28:
            total += corpus.count_rows(source)
        else:
            return None
    return total if total <= limit else None
