"""Enumerate batch inputs cheaply on the client, and cut them into partitions.

The client never reads article content: it lists directory entries (lazily,
with ``newsgraph.ingest``'s own walk), stats files, and reads the lines of URL
and feed lists; what a source is, which files a directory holds and which URL
lines are junk are decided by ``newsgraph.ingest``, as for ``newsgraph ingest``.
Everything is a generator, so a directory of a million files is never held as
one list; only the partitions in flight are.

Each input has a *key* that says whether it was already done in an earlier
run: ``path|size|mtime_ns`` for files (a changed file is read again), the URL
for URLs, and ``feed-item:FEED|LINK`` for a feed's items.

Sources are taken as ``newsgraph.ingest`` takes them (directories, ``.warc``
files, corpus files, ``.urls`` lists, URLs, pages), with feeds polled for new
items only: ``feed:X``, ``.rss``/``.atom``/``.xml`` files, and ``.feeds``
files listing feed URLs one a line. WARC and corpus files are read a chunk of
records at a time, each chunk a task of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from newsgraph.errors import InputError
from newsgraph.ingest import classify, files, url_problem

InputKind = Literal["file", "warc", "corpus", "url", "feed-item", "rejected"]
#: Why a URL is refused before any worker sees it (the check ``newsgraph ingest`` makes on list lines).
check_url = url_problem

__all__ = ["InputItem", "FeedSource", "classify", "check_url", "expand_sources", "split_feeds", "partitions"]


@dataclass(frozen=True, slots=True)
class InputItem:
    """One unit of work: a file, a WARC or corpus file, a URL, a feed's item, or a rejected input."""

    kind: InputKind
    source: str  # what the worker reads (path or URL); for "rejected", the input's name
    key: str  # resume key, see the module docstring
    reason: str | None = None  # why a "rejected" input was refused
    hints: tuple[tuple[str, str], ...] = ()  # what a feed said about its item
    offset: int = 0  # for a WARC or corpus file: the byte offset of the first record or row to read

    @property
    def weight(self) -> int:
        """How many partition slots this input takes (a rejected one costs the workers nothing)."""
        return 0 if self.kind == "rejected" else 1


@dataclass(frozen=True, slots=True)
class FeedSource:
    """A feed to poll once per run: a URL or a local file."""

    target: str
    source: str  # as the user named it (``feed:X``, ``LIST.feeds:LINE``...)


def file_key(path: str, stat: os.stat_result) -> str:
    """Return the resume key of a file: its absolute path, size and modification time."""
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def _file_item(path: str, kind: str) -> InputItem:
    path = os.path.abspath(path)
    batch_kind: InputKind = kind if kind in ("warc", "corpus") else "file"  # type: ignore[assignment]
    return InputItem(batch_kind, path, file_key(path, os.stat(path)))


def _rejected(path: str, number: int, line: str, reason: str) -> InputItem:
    shown = line if len(line) <= 80 else line[:77] + "..."
    return InputItem("rejected", f"{path}:{number}", f"{path}:{number}:{line[:200]}", f"{reason}: {shown!r}")


def url_items(path: str) -> Iterator[InputItem]:
    """Yield one input per URL line of a URL list; junk lines become "rejected" inputs."""
    for number, line in files.url_lines(path):
        reason = url_problem(line)
        yield InputItem("url", line, line) if reason is None else _rejected(path, number, line, reason)


def walk_files(root: str, exclude: str | None = None) -> Iterator[InputItem]:
    """Yield the files under ``root`` newsgraph reads (the walk ``newsgraph ingest`` makes), lazily."""
    for path in files.walk_directory(root, exclude=exclude):
        try:
            yield _file_item(str(path), classify(str(path)))
        except (OSError, InputError):
            continue  # vanished since it was listed


def feed_sources(path: str) -> tuple[list[FeedSource], list[InputItem]]:
    """Return the feeds of a ``.feeds`` list, and its junk lines as rejected inputs."""
    feeds: list[FeedSource] = []
    rejected: list[InputItem] = []
    for number, line in files.url_lines(path):
        reason = url_problem(line)
        if reason is None:
            feeds.append(FeedSource(line, line))
        else:
            rejected.append(_rejected(path, number, line, reason))
    return feeds, rejected


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

    A source that does not exist, or that a worker cannot read (stdin), is yielded
    as a "rejected" input, so the run goes on.
    """
    exclude = os.path.abspath(exclude) if exclude else None
    for source in sources:
        try:
            kind = classify(source)
        except InputError as err:
            yield InputItem("rejected", source, f"missing:{source}", err.message)
            continue
        if kind == "url":
            reason = url_problem(source)
            yield InputItem("rejected", source, f"bad-url:{source}", reason) if reason else InputItem("url", source, source)
        elif kind == "dir":
            yield from walk_files(source, exclude)
        elif kind == "urls":
            yield from url_items(source)
        elif kind == "stdin":
            yield InputItem("rejected", source, "stdin", "standard input cannot be read by Dask workers")
        elif kind in ("file", "warc", "corpus"):
            yield _file_item(source, kind)


def partitions(items: Iterable[InputItem], size: int) -> Iterator[list[InputItem]]:
    """Yield lists of at most ``size`` inputs; a WARC or corpus file always gets a partition of its own.

    Rejected inputs ride along with the next partition (they cost the workers nothing).
    """
    if size < 1:
        raise ValueError("partition size must be at least 1")
    current: list[InputItem] = []
    weight = 0
    for item in items:
        if item.kind in ("warc", "corpus"):
            yield [item]
            continue
        current.append(item)
        weight += item.weight
        if weight >= size or len(current) >= 4 * size:
            yield current
            current, weight = [], 0
    if current:
        yield current
