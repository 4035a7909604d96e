"""WARC files (warcio): each HTML response record, streamed one at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from newsgraph.errors import DocumentTooLargeError, NewsgraphError, WarcError
from newsgraph.model import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")


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
    count = 0
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                ctype = _content_type(record)
                if not ctype or not ctype.split(";", 1)[0].strip().lower() in _HTML_TYPES:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                offset = records.get_record_offset()
                record_source = f"warc:{source}#{offset}"
                content = record.content_stream().read(max_bytes + 1)
                count += 1
                if len(content) > max_bytes:
                    on_error(DocumentTooLargeError(f"record over the {max_bytes:,}-byte cap", source=record_source))
                    continue
                hints = {"warc": source}
                for header, key in (("WARC-Date", "warc_date"), ("WARC-Record-ID", "warc_record_id")):
                    value = record.rec_headers.get_header(header)
                    if value:
                        hints[key] = value
                yield RawDocument(content=content, source=record_source, content_type=ctype, url=url, hints=hints)
    except FileNotFoundError as err:
        raise WarcError("no such file", source=source) from err
    except NewsgraphError:
        raise
    except Exception as err:  # warcio raises many kinds on damaged input (ArchiveLoadFailed, EOFError, zlib...)
        first_line = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise WarcError(
            f"truncated or corrupt WARC after {count} HTML record(s): {first_line}", source=source
        ) from err


def _content_type(record) -> str | None:  # noqa: ANN001 - warcio's record type is untyped
    """Return the content type of a record's payload."""
    if record.http_headers is not None:
        return record.http_headers.get_header("Content-Type")
    return record.rec_headers.get_header("Content-Type")
