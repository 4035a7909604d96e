"""Corpus files: one article per JSON Lines record or CSV row, with the metadata the file gives.

The shape of Media Cloud and GDELT-derived exports and of most news datasets
(``id, url, title, published, text``). The usual field names are recognised
(first present wins, case-insensitive)::

    id         id, stories_id, guid
    url        url, link
    title      title, headline
    published  published, date, publish_date, publication_date, pubdate, published_at
    text       text, body, content
    html       html  (the page's HTML, when the file has it instead of text)
    site       site, source, media_name, outlet
    byline     byline, author, authors

``fields`` maps a newsgraph field to the file's own name (``{"text": "story_text"}``,
``--field text=story_text``), which then replaces the usual ones. Each row is
a RawDocument named ``FILE:LINE``, its metadata in ``given`` (it wins over what
extraction finds). A bad row (not JSON, no text, a field of the wrong type) is
one InputError naming the file and line; the rows after it go on. A reader
starts at a byte ``offset`` and stops after ``limit`` rows, so a batch run
reads a large file in chunks (``next_offset``), as it reads WARC files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from newsgraph.errors import DocumentTooLargeError, InputError, NewsgraphError
from newsgraph.model import RawDocument

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
CORPUS_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "stories_id", "guid"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publish_date", "publication_date", "pubdate", "published_at"),
    "text": ("text", "body", "content"),
    "html": ("html",),
    "site": ("site", "source", "media_name", "outlet"),
    "byline": ("byline", "author", "authors"),
}
#: Fields that become ``RawDocument.given`` (the rest: id is named in the source, text/html is the content).
_GIVEN = ("url", "title", "published", "site", "byline")


def parse_field_map(pairs: list[str] | None) -> dict[str, str]:
    """Return ``{"text": "story_text"}`` from ``["text=story_text"]``; raise InputError on a bad pair."""
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, column = pair.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not sep or not column or name not in FIELD_NAMES:
            raise InputError(f"--field wants FIELD=COLUMN with FIELD one of {', '.join(FIELD_NAMES)}", source=pair)
        mapping[name] = column
    return mapping


def is_corpus(path: str | Path) -> bool:
    """Return True when the file name says it is a corpus file (JSON Lines or CSV)."""
    return str(path).lower().endswith(CORPUS_SUFFIXES)


def _pick(row: dict, name: str, fields: dict[str, str]) -> object:
    """Return the row's value for newsgraph field ``name`` (mapped name, else the usual ones), or None."""
    keys = {str(k).strip().lower(): k for k in row}
    wanted = (fields[name],) if name in fields else FIELD_NAMES[name]
    for candidate in wanted:
        key = candidate if candidate in row else keys.get(candidate.strip().lower())
        if key is not None and row[key] not in (None, ""):
            return row[key]
    return None


def _text(value: object, name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if name == "byline" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)  # "authors": ["A", "B"]
    raise InputError(f"field {name!r} is a {type(value).__name__}, not text")


def row_document(row: object, source: str, fields: dict[str, str], max_bytes: int) -> RawDocument:
    """Return the RawDocument of one corpus row; raise InputError (naming ``source``) when it has no article."""
    if not isinstance(row, dict):
        raise InputError(f"a row must be an object of fields, not a {type(row).__name__}", source=source)
    try:
        text, html = _pick(row, "text", fields), _pick(row, "html", fields)
        body = _text(text, "text") if text is not None else _text(html, "html") if html is not None else None
        given = {k: _text(v, k) for k in _GIVEN if (v := _pick(row, k, fields)) is not None}
        ident = _pick(row, "id", fields)
        ident = _text(ident, "id") if ident is not None else None
    except InputError as err:
        raise InputError(err.message, source=source) from None
    if body is None or not body.strip():
        wanted = fields.get("text") or "/".join(FIELD_NAMES["text"])
        raise InputError(f"no article text (no {wanted} field; map yours with --field text=NAME)", source=source)
    content = body.encode("utf-8")
    if len(content) > max_bytes:
        raise DocumentTooLargeError(f"text is {len(content):,} bytes, over the {max_bytes:,}-byte cap", source=source)
    ctype = "text/html; charset=utf-8" if text is None else "text/plain; charset=utf-8"
    hints = {"corpus_id": ident} if ident else {}
    return RawDocument(content=content, source=source, content_type=ctype, url=given.get("url"), hints=hints,
                       given=given)


class CorpusReader:
    """Iterate the rows of a corpus file as RawDocuments, from byte ``offset``, at most ``limit`` of them.

    After iteration ``next_offset`` is where the next row starts, or None when the file is finished.
    """

    def __init__(self, path: str | Path, *, max_bytes: int, on_error: Callable[[NewsgraphError], None],
                 fields: dict[str, str] | None = None, offset: int = 0, limit: int | None = None,
                 source: str | None = None) -> None:
        self.path, self.offset, self.limit = Path(path), offset, limit
        self.max_bytes, self.on_error, self.fields = max_bytes, on_error, fields or {}
        self.source = source or str(path)
        self.next_offset: int | None = None

    def __iter__(self) -> Iterator[RawDocument]:
        try:
            stream = open(self.path, "rb")  # noqa: SIM115 - closed below; the rows are read lazily
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror or err}", source=self.source) from err
        with stream:
            rows = self._jsonl(stream) if self.path.name.lower().endswith(JSONL_SUFFIXES) else self._csv(stream)
            count = 0
            for line, row, end in rows:
                if self.limit is not None and count >= self.limit:
                    self.next_offset = self._start
                    return
                count += 1
                self._start = end
                try:
                    yield row_document(row, f"{self.source}:{line}", self.fields, self.max_bytes)
                except NewsgraphError as err:
                    self.on_error(err)

    def _jsonl(self, stream: io.BufferedReader) -> Iterator[tuple[int, object, int]]:
        """Yield (line number, parsed record, byte offset after it); unparsable lines go to on_error."""
        line = self._skip_to(stream)
        while raw := stream.readline(self.max_bytes + 2):
            line += 1
            end = stream.tell()
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if line == 1 else "utf-8"))
            except (UnicodeDecodeError, ValueError) as err:
                self.on_error(InputError(f"not a JSON record ({_short(err)})", source=f"{self.source}:{line}"))
                if not raw.endswith(b"\n"):  # an over-long line: skip to its end
                    while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                        pass
                    end = stream.tell()
                self._start = end
                continue
            yield line, record, end

    def _csv(self, stream: io.BufferedReader) -> Iterator[tuple[int, object, int]]:
        """Yield (first line of the row, the row as a dict, byte offset after it)."""
        header_line = stream.readline()
        dialect = "excel-tab" if self.path.name.lower().endswith(".tsv") else "excel"
        header = next(csv.reader([header_line.decode("utf-8-sig", "replace")], dialect), None)
        if not header:
            raise InputError("empty CSV file (no header row)", source=self.source)
        line = self._skip_to(stream, header_done=True)
        position = {"line": line}

        def lines() -> Iterator[str]:
            while raw := stream.readline():
                position["line"] += 1
                yield raw.decode("utf-8", "replace")

        _raise_field_limit(self.max_bytes)
        reader = csv.reader(lines(), dialect)
        while True:
            start_line = position["line"] + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                self._start = stream.tell()
                self.on_error(InputError(f"not a CSV row ({_short(err)})", source=f"{self.source}:{start_line}"))
                continue
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                self._start = stream.tell()
                self.on_error(InputError(f"{len(values)} fields where the header has {len(header)}",
                                         source=f"{self.source}:{start_line}"))
                continue
            yield start_line, dict(zip(header, values)), stream.tell()

    def _skip_to(self, stream: io.BufferedReader, header_done: bool = False) -> int:
        """Seek to ``offset`` (a row boundary); return the number of the line before it."""
        if self.offset <= stream.tell():
            self._start = stream.tell()
            return 1 if header_done else 0
        newlines = 1 if header_done else 0
        while stream.tell() < self.offset and (piece := stream.read(min(1 << 20, self.offset - stream.tell()))):
            newlines += piece.count(b"\n")
        self._start = self.offset
        return newlines


def _raise_field_limit(limit: int) -> None:
    # csv refuses fields over 131,072 characters by default; an article body may be longer
    # (the per-document byte cap bounds it instead). The limit is process-wide, hence only raised.
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _short(err: Exception) -> str:
    return " ".join(str(err).split())[:200]


def count_rows(path: str | Path) -> int:
    """Return the number of non-blank lines of a JSON Lines file (its rows), reading it once in pieces."""
    count = 0
    with open(path, "rb") as stream:
        for line in stream:
            count += bool(line.strip())
    return count
