"""Read a WARC file a chunk of records at a time, starting at a record's byte offset.

``newsgraph.ingest.warc.iter_warc`` streams a whole file from its start. A batch
task must stop after a bounded number of records (its results travel back to
the client in one message) and the next task must start where it stopped,
without decompressing the file again from the beginning: warcio can do that
when given a stream positioned at a record boundary. This mirrors iter_warc's
record selection (HTML ``response``/``resource`` records) and source naming
(``warc:FILE#OFFSET``); if ingest gains an offset/limit, this can go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from warcio.archiveiterator import ArchiveIterator

from newsgraph.errors import DocumentTooLargeError, NewsgraphError, WarcError
from newsgraph.model import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its warnings on stderr; damage is counted in ``err_count``."""

    INC_RECORD = ""


class WarcChunk:
    """Iterate the HTML records of ``path`` from byte ``offset``, at most ``limit`` of them.

    After iteration, ``next_offset`` is the offset of the first record not read
    (None when the file is finished). Damage is reported as WarcError naming the
    file and the offset where reading broke, after the records before it.
    """

    def __init__(self, path: str, offset: int, limit: int, *, max_bytes: int,
                 on_error: Callable[[NewsgraphError], None]) -> None:
        self.path, self.offset, self.limit = path, offset, limit
        self.max_bytes, self.on_error = max_bytes, on_error
        self.next_offset: int | None = None

    def __iter__(self) -> Iterator[RawDocument]:
        count = 0
        position = self.offset
        try:
            with open(self.path, "rb") as stream:
                stream.seek(self.offset)
                records = _QuietArchiveIterator(stream)
                for record in records:
                    if records.err_count:  # warcio found a record whose Content-Length is wrong
                        raise WarcError(f"corrupt WARC near byte {position}: a record's length is wrong", source=self.path)
                    if record.rec_type not in ("response", "resource"):
                        continue
                    ctype = _content_type(record)
                    if not ctype or ctype.split(";", 1)[0].strip().lower() not in _HTML_TYPES:
                        continue
                    if count >= self.limit:
                        self.next_offset = records.get_record_offset()
                        return
                    # read the payload before asking warcio for the offset: asking first skips the payload
                    content = record.content_stream().read(self.max_bytes + 1)
                    position = records.get_record_offset()
                    source = f"warc:{self.path}#{position}"
                    if len(content) <= self.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                        # warcio ends quietly at a cut-off record: its block is shorter than its Content-Length
                        raise WarcError(f"truncated WARC: the record at byte {position} is cut off", source=self.path)
                    count += 1
                    if len(content) > self.max_bytes:
                        self.on_error(DocumentTooLargeError(f"record over the {self.max_bytes:,}-byte cap", source=source))
                        continue
                    hints = {"warc": self.path}
                    for header, key in (("WARC-Date", "warc_date"), ("WARC-Record-ID", "warc_record_id")):
                        value = record.rec_headers.get_header(header)
                        if value:
                            hints[key] = value
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    yield RawDocument(content=content, source=source, content_type=ctype, url=url, hints=hints)
        except FileNotFoundError as err:
            raise WarcError("no such file", source=self.path) from err
        except NewsgraphError:
            raise
        except Exception as err:  # warcio raises many kinds on damaged input (ArchiveLoadFailed, EOFError, zlib...)
            first_line = (str(err).strip().splitlines() or [type(err).__name__])[0]
            raise WarcError(f"truncated or corrupt WARC near byte {position}: {first_line}", source=self.path) from err


def _content_type(record) -> str | None:  # noqa: ANN001 - warcio's record type is untyped
    if record.http_headers is not None:
        return record.http_headers.get_header("Content-Type")
    return record.rec_headers.get_header("Content-Type")
