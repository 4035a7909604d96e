"""Enumerate batch inputs cheaply on the client, and cut them into partitions.

The client never reads article content: it lists directory entries (lazily,
with ``os.scandir``), stats files, and reads the lines of URL and feed lists.
Everything is a generator, so a directory of a million files is never held as
one list; only the partitions in flight are.

Each input has a *key* that says whether it was already done in an earlier
run: ``path|size|mtime_ns`` for files (a changed file is read again), the URL
for URLs, and ``feed-item:FEED|LINK`` for a feed's items.

Sources are taken as ``newsgraph.ingest`` takes them (directories, ``.warc``
files, ``.urls`` lists, URLs, pages), plus, for batch runs, feeds polled for
new items only: ``feed:X``, ``.rss``/``.atom``/``.xml`` files, and ``.feeds``
files listing feed URLs one a line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

import httpx

from newsgraph.errors import InputError
from newsgraph.ingest import files

InputKind = Literal["file", "warc", "url", "feed-item", "rejected"]

#: A list of feed URLs, one a line (batch only; ``newsgraph read`` takes ``feed:X``).
FEED_LIST_SUFFIXES = (".feeds",)


@dataclass(frozen=True, slots=True)
class InputItem:
    """One unit of work: a file, a WARC file, a URL, a feed's item, or a rejected input."""

    kind: InputKind
    source: str  # what the worker reads (path or URL); for "rejected", the input's name
    key: str  # resume key, see the module docstring
    reason: str | None = None  # why a "rejected" input was refused
    hints: tuple[tuple[str, str], ...] = ()  # what a feed said about its item
    offset: int = 0  # for a WARC file: the byte offset of the first record to read

    @property
    def weight(self) -> int:
        """How many partition slots this input takes (a rejected one costs the workers nothing)."""
        return 0 if self.kind == "rejected" else 1


@dataclass(frozen=True, slots=True)
class FeedSource:
    """A feed to poll once per run: a URL or a local file."""

    target: str
    source: str  # as the user named it (``feed:X``, ``LIST.feeds:LINE``...)


def _is_warc(name: str) -> bool:
    return files.has_suffix(name, files.WARC_SUFFIXES)


def file_key(path: str, stat: os.stat_result) -> str:
    """Return the resume key of a file: its absolute path, size and modification time."""
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def check_url(text: str) -> str | None:
    """Return why ``text`` is not an http(s) URL newsgraph can fetch, or None when it is one."""
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


def iter_list_lines(path: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, stripped line) of a list file, skipping blanks and ``#`` comments."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield number, line


def url_items(path: str) -> Iterator[InputItem]:
    """Yield one input per URL line of a URL list; junk lines become "rejected" inputs."""
    for number, line in iter_list_lines(path):
        reason = check_url(line)
        if reason is None:
            yield InputItem("url", line, line)
        else:
            shown = line if len(line) <= 80 else line[:77] + "..."
            yield InputItem("rejected", f"{path}:{number}", f"{path}:{number}:{line[:200]}", f"{reason}: {shown!r}")


def walk_files(root: str, exclude: str | None = None) -> Iterator[InputItem]:
    """Yield the regular files under ``root`` (hidden entries skipped), lazily and depth-first."""
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = os.scandir(directory)
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if exclude is None or os.path.abspath(entry.path) != exclude:
                            stack.append(entry.path)
                    elif entry.is_file() and files.has_suffix(entry.name, files.KNOWN_SUFFIXES):
                        path = os.path.abspath(entry.path)
                        kind: InputKind = "warc" if _is_warc(entry.name) else "file"
                        yield InputItem(kind, path, file_key(path, entry.stat()))
                except OSError:
                    continue


def feed_sources(path: str) -> tuple[list[FeedSource], list[InputItem]]:
    """Return the feeds of a ``.feeds`` list, and its junk lines as rejected inputs."""
    feeds: list[FeedSource] = []
    rejected: list[InputItem] = []
    for number, line in iter_list_lines(path):
        reason = check_url(line)
        if reason is None:
            feeds.append(FeedSource(line, line))
        else:
            rejected.append(InputItem("rejected", f"{path}:{number}", f"{path}:{number}:{line[:200]}", f"{reason}: {line[:80]!r}"))
    return feeds, rejected


def classify(source: str) -> str:
    """Return what a command-line SOURCE is: "url", "feed", "feeds", "dir", "warc", "urls" or "file".

    Raises InputError when a local source does not exist.
    """
    lower = source.lower()
    if lower.startswith("feed:"):
        return "feed"
    if lower.startswith(("http://", "https://")):
        return "url"
    if os.path.isdir(source):
        return "dir"
    if not os.path.exists(source):
        raise InputError("no such file, directory or URL", source=source)
    if _is_warc(lower):
        return "warc"
    if lower.endswith(FEED_LIST_SUFFIXES):
        return "feeds"
    if files.has_suffix(lower, files.FEED_SUFFIXES):
        return "feed"
    if files.has_suffix(lower, files.URL_LIST_SUFFIXES):
        return "urls"
    return "file"


def split_feeds(sources: Iterable[str]) -> tuple[list[str], list[FeedSource], list[InputItem]]:
    """Separate the feeds (to poll first) from the other sources; bad feed-list lines are rejected."""
    others: list[str] = []
    feeds: list[FeedSource] = []
    rejected: list[InputItem] = []
    for source in sources:
        try:
            kind = classify(source)
        except InputError:
            others.append(source)  # expand_sources rejects it with its reason
            continue
        if kind == "feeds":
            found, bad = feed_sources(source)
            feeds.extend(found)
            rejected.extend(bad)
        elif kind == "feed":
            target = source[len("feed:"):] if source.lower().startswith("feed:") else source
            feeds.append(FeedSource(target if "://" in target else os.path.abspath(target), source))
        else:
            others.append(source)
    return others, feeds, rejected


def expand_sources(sources: Iterable[str], exclude: str | None = None) -> Iterator[InputItem]:
    """Yield the inputs named by the command-line sources (feeds excluded), lazily, in order.

    A source that does not exist is yielded as a "rejected" input, so the run goes on.
    """
    exclude = os.path.abspath(exclude) if exclude else None
    for source in sources:
        try:
            kind = classify(source)
        except InputError as err:
            yield InputItem("rejected", source, f"missing:{source}", err.message)
            continue
        if kind == "url":
            reason = check_url(source)
            if reason:
                yield InputItem("rejected", source, f"bad-url:{source}", reason)
            else:
                yield InputItem("url", source, source)
        elif kind == "dir":
            yield from walk_files(source, exclude)
        elif kind == "urls":
            yield from url_items(source)
        elif kind in ("file", "warc"):
            path = os.path.abspath(source)
            yield InputItem(kind, path, file_key(path, os.stat(path)))


def partitions(items: Iterable[InputItem], size: int) -> Iterator[list[InputItem]]:
    """Yield lists of at most ``size`` inputs; a WARC file always gets a partition of its own.

    Rejected inputs ride along with the next partition (they cost the workers nothing).
    """
    if size < 1:
        raise ValueError("partition size must be at least 1")
    current: list[InputItem] = []
    weight = 0
    for item in items:
        if item.kind == "warc":
            yield [item]
            continue
        current.append(item)
        weight += item.weight
        if weight >= size or len(current) >= 4 * size:
            yield current
            current, weight = [], 0
    if current:
        yield current
