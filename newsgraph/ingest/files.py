"""Local sources: files, directories (recursively) and standard input."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import DocumentTooLargeError, InputError
from newsgraph.model import RawDocument

#: Content types by file name ending (longest endings first).
PAGE_SUFFIXES: dict[str, str] = {
    ".html.gz": "text/html",
    ".htm.gz": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".html": "text/html",
    ".htm": "text/html",
    ".txt": "text/plain",
}
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
URL_LIST_SUFFIXES = (".urls",)
#: What a directory walk picks up; anything else in a directory is skipped.
KNOWN_SUFFIXES = tuple(PAGE_SUFFIXES) + FEED_SUFFIXES + WARC_SUFFIXES + URL_LIST_SUFFIXES


def has_suffix(path: str | Path, suffixes: tuple[str, ...]) -> bool:
    """Return True when the file name ends with one of ``suffixes`` (case-insensitive)."""
    return str(path).lower().endswith(suffixes)


def content_type_for(path: str | Path) -> str | None:
    """Return the content type implied by a file name, or None when it says nothing."""
    name = str(path).lower()
    for suffix, ctype in PAGE_SUFFIXES.items():
        if name.endswith(suffix):
            return ctype
    return None


def read_capped(stream: BinaryIO, max_bytes: int, source: str) -> bytes:
    """Read at most ``max_bytes`` from ``stream``; raise DocumentTooLargeError past that."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentTooLargeError(f"larger than the {max_bytes:,}-byte cap", source=source)
    return data


def read_file(path: str | Path, *, max_bytes: int, source: str | None = None) -> RawDocument:
    """Return one local file as a RawDocument (``.gz`` files decompressed, size capped)."""
    source = source or str(path)
    path = Path(path)
    try:
        if path.stat().st_size > max_bytes and not has_suffix(path, (".gz",)):
            raise DocumentTooLargeError(
                f"file is {path.stat().st_size:,} bytes, over the {max_bytes:,}-byte cap", source=source
            )
        opener = gzip.open if has_suffix(path, (".gz",)) else open
        with opener(path, "rb") as stream:
            content = read_capped(stream, max_bytes, source)
    except FileNotFoundError as err:
        raise InputError("no such file or directory", source=source) from err
    except IsADirectoryError as err:
        raise InputError("is a directory", source=source) from err
    except (gzip.BadGzipFile, zlib.error, EOFError) as err:
        raise InputError(f"not a readable gzip file: {err}", source=source) from err
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source=source) from err
    return RawDocument(content=content, source=source, content_type=content_type_for(path))


def walk_directory(path: str | Path, exclude: str | Path | None = None) -> Iterator[Path]:
    """Yield the files under ``path`` that newsgraph can read, in a stable (sorted) order.

    Hidden files and directories are skipped, and so is the directory ``exclude``
    (a batch run's own shard directory inside its input).
    """
    skip = os.path.abspath(exclude) if exclude else None
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and os.path.abspath(os.path.join(root, d)) != skip)
        for name in sorted(files):
            if not name.startswith(".") and has_suffix(name, KNOWN_SUFFIXES):
                yield Path(root) / name


def read_stdin(*, max_bytes: int) -> RawDocument:
    """Return standard input as one RawDocument (its kind is sniffed at extraction)."""
    content = read_capped(sys.stdin.buffer, max_bytes, "-")
    return RawDocument(content=content, source="-")


def url_lines(path: str | Path, *, source: str | None = None) -> Iterator[tuple[int, str]]:
    """Yield (line number, URL) of a list file (``.urls``, ``.feeds``): one a line, blanks and ``#`` comments skipped."""
    source = source or str(path)
    try:
        handle = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below, read lazily
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", source=source) from err
    with handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield number, line
