"""WARC files (warcio): each HTML response record, streamed one at a time."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from newsgraph.errors import DocumentTooLargeError, NewsgraphError, WarcError
from newsgraph.model import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: How much of warcio's complaint (which quotes the damaged bytes) goes into the error line.
MAX_QUOTED = 80


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator, without its warnings on stderr: damage is counted (``err_count``) and reported by us."""

    INC_RECORD = ""


def _starts_like_warc(path: str | Path) -> bool:
    """Return True when the file (gzipped or not) begins with a WARC record header."""
    with open(path, "rb") as stream:
        head = stream.read(2)
        stream.seek(0)
        if head == b"\x1f\x8b":
            try:
                with gzip.open(stream) as unzipped:
                    return unzipped.read(5) == b"WARC/"
            except (OSError, EOFError, zlib.error):
                return False
        return stream.read(5) == b"WARC/"


def iter_warc(
    path: str | Path,
    *,
    max_bytes: int,
    on_error: Callable[[NewsgraphError], None],
    source: str | None = None,
) -> Iterator[RawDocument]:
    """Yield each HTML ``response`` (or ``resource``) record of a WARC file as a RawDocument.

    A record over ``max_bytes`` is reported to ``on_error`` and skipped.  A
    truncated or corrupt file yields the records before the damage, then raises
    ``WarcError`` saying how many records were read.
    """
    source = source or str(path)
    try:
        if not _starts_like_warc(path):
            raise WarcError("not a WARC file (no WARC/ record header at the start)", source=source)
    except FileNotFoundError as err:
        raise WarcError("no such file", source=source) from err
    yield from WarcReader(path, max_bytes=max_bytes, on_error=on_error, source=source)


class WarcReader:
    """Iterate the HTML records of a WARC from byte ``offset``, at most ``limit`` of them.

    A batch task reads a bounded chunk and the next task starts where it
    stopped, without decompressing the file again from the start (warcio can
    resume at a record boundary).  After iteration, ``next_offset`` is the
    offset of the first record not read, or None when the file is finished.
    Damage is a WarcError after the records before it.
    """

    def __init__(self, path: str | Path, *, max_bytes: int, on_error: Callable[[NewsgraphError], None],
                 offset: int = 0, limit: int | None = None, source: str | None = None) -> None:
        self.path, self.offset, self.limit = path, offset, limit
        self.max_bytes, self.on_error = max_bytes, on_error
        self.source = source or str(path)
        self.next_offset: int | None = None

    def __iter__(self) -> Iterator[RawDocument]:
        source, count, position = self.source, 0, self.offset
        records = None
        try:
            with open(self.path, "rb") as stream:
                stream.seek(self.offset)
                records = _QuietArchiveIterator(stream)
                for record in records:
                    if record.rec_type is None:  # "WARC/1.0" and then no WARC-Type: not a record
                        if _only_blank_from(self.path, records.get_record_offset()):
                            break  # blank lines after the last gzip member
                        raise WarcError(f"not a WARC record at byte {records.get_record_offset()} "
                                        f"(after {count} HTML record(s)): no WARC-Type header", source=source)
                    if records.err_count:
                        raise WarcError(
                            f"corrupt WARC after {count} HTML record(s), near byte {position}: "
                            "a record's Content-Length is wrong", source=source)
                    if record.rec_type not in ("response", "resource"):
                        continue
                    ctype = _content_type(record)
                    if not ctype or ctype.split(";", 1)[0].strip().lower() not in _HTML_TYPES:
                        continue
                    if self.limit is not None and count >= self.limit:
                        self.next_offset = records.get_record_offset()
                        return
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    content = record.content_stream().read(self.max_bytes + 1)
                    # Only after reading: asking for the offset first would skip the record's content.
                    position = records.get_record_offset()
                    record_source = f"warc:{source}#{position}"
                    if len(content) <= self.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                        # warcio ends quietly at a cut-off record: its block is shorter than its Content-Length.
                        raise WarcError(
                            f"truncated or corrupt WARC after {count} HTML record(s): the record for {url} "
                            f"at byte {position} is cut off", source=source)
                    count += 1
                    if len(content) > self.max_bytes:
                        self.on_error(DocumentTooLargeError(f"record over the {self.max_bytes:,}-byte cap",
                                                            source=record_source))
                        continue
                    hints = {"warc": source}
                    for header, key in (("WARC-Date", "warc_date"), ("WARC-Record-ID", "warc_record_id")):
                        value = record.rec_headers.get_header(header)
                        if value:
                            hints[key] = value
                    yield RawDocument(content=content, source=record_source, content_type=ctype, url=url, hints=hints,
                                      fetched_at=capture_time(hints.get("warc_date")))
        except FileNotFoundError as err:
            raise WarcError("no such file", source=source) from err
        except NewsgraphError:
            raise
        except Exception as err:  # warcio raises many kinds on damaged input (ArchiveLoadFailed, EOFError, zlib...)
            first_line = " ".join(_CONTROL.sub(" ", (str(err).strip().splitlines() or [""])[0]).split())
            first_line = first_line[:MAX_QUOTED] or type(err).__name__
            # warcio's offset is where it stopped: the end of the last good record, where the damage starts.
            at = getattr(records, "offset", None) if records is not None else None
            raise WarcError(
                f"truncated or corrupt WARC after {count} HTML record(s), at byte {at if at is not None else position}:"
                f" {first_line}",
                source=source,
            ) from err


def _only_blank_from(path: str | Path, offset: int) -> bool:
    """Return True when the file holds nothing but whitespace from ``offset`` on."""
    with open(path, "rb") as stream:
        stream.seek(offset)
        while chunk := stream.read(65536):
            if chunk.strip():
                return False
    return True


def _content_type(record) -> str | None:  # noqa: ANN001 - warcio's record type is untyped
    """Return the content type of a record's payload."""
    if record.http_headers is not None:
        return record.http_headers.get_header("Content-Type")
    return record.rec_headers.get_header("Content-Type")


def capture_time(warc_date: str | None) -> dt.datetime | None:
    """Return a record's WARC-Date as an aware datetime (the moment the crawler fetched the page), or None
    when it is missing or malformed."""
    if not warc_date:
        return None
    try:
        value = dt.datetime.fromisoformat(warc_date.strip())  # Python ≥ 3.11 reads a "Z" offset
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
