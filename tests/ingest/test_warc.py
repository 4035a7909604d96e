"""WARC files built with warcio: each HTML response record; truncated archives reported, not fatal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.cli import app
from newsgraph.errors import WarcError
from newsgraph.ingest import iter_documents

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def build_warc(path: Path, pages: list[tuple[str, str, bytes]], gzip: bool = True) -> Path:
    """Write a WARC with one response record per (url, content type, body), plus a request record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsgraph tests"}))
        for url, ctype, body in pages:
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            )
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return path


@pytest.fixture
def pages(article_html: bytes, second_html: bytes) -> list[tuple[str, str, bytes]]:
    return [
        ("https://www.cityam.com/alibaba/", "text/html; charset=utf-8", article_html),
        ("https://example.org/logo.png", "image/png", PNG),
        ("https://www.spokesman.com/meth/", "text/html", second_html),
    ]


@pytest.mark.parametrize("gzip", [True, False])
def test_each_html_response_record(tmp_path: Path, pages, gzip: bool) -> None:
    warc = build_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), pages, gzip=gzip)
    docs = list(iter_documents([str(warc)]))
    assert [d.url for d in docs] == ["https://www.cityam.com/alibaba/", "https://www.spokesman.com/meth/"]
    assert docs[0].content == pages[0][2]
    assert docs[0].content_type == "text/html; charset=utf-8"
    assert docs[0].source.startswith(f"warc:{warc}#")
    assert docs[0].source != docs[1].source
    assert "warc_date" in docs[0].hints and docs[0].hints["warc_record_id"].startswith("<urn:uuid:")
    # The crawler's WARC-Date is the moment of capture: relative dates on the page count from it.
    assert docs[0].fetched_at is not None and docs[0].fetched_at.tzinfo is not None
    assert docs[0].fetched_at.isoformat()[:19] == docs[0].hints["warc_date"][:19]


def test_truncated_warc_yields_what_it_can_then_reports(tmp_path: Path, pages) -> None:
    whole = build_warc(tmp_path / "whole.warc.gz", pages).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 5000])  # the last page's record is cut in the middle
    errors = []
    docs = list(iter_documents([str(cut)], on_error=errors.append))
    assert [d.url for d in docs] == ["https://www.cityam.com/alibaba/"]
    assert len(errors) == 1 and isinstance(errors[0], WarcError)
    assert str(errors[0]).startswith(f"{cut}: truncated or corrupt WARC after 1 HTML record")
    with pytest.raises(WarcError):
        list(iter_documents([str(cut)]))


def test_not_a_warc(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"hello, this is not an archive\n" * 10)
    with pytest.raises(WarcError, match="not a WARC file"):
        list(iter_documents([str(junk)]))
    gzipped = tmp_path / "junk.warc.gz"
    gzipped.write_bytes(b"\x1f\x8b" + b"garbage" * 10)
    with pytest.raises(WarcError, match="not a WARC file"):
        list(iter_documents([str(gzipped)]))


def test_wrong_content_length_is_reported(tmp_path: Path, pages) -> None:
    whole = build_warc(tmp_path / "whole.warc", pages, gzip=False).read_bytes()
    # Damage the first response record's declared length: the reader then lands inside the record.
    first = whole.index(b"WARC-Type: response")
    at = whole.index(b"Content-Length: ", first) + len(b"Content-Length: ")
    end = whole.index(b"\r\n", at)
    bad = tmp_path / "bad.warc"
    bad.write_bytes(whole[:at] + str(int(whole[at:end]) - 100).encode() + whole[end:])
    errors = []
    list(iter_documents([str(bad)], on_error=errors.append))
    assert len(errors) == 1 and isinstance(errors[0], WarcError)


def test_cli_reads_a_warc(tmp_path: Path, pages) -> None:
    warc = build_warc(tmp_path / "crawl.warc.gz", pages)
    result = CliRunner().invoke(app, ["read", str(warc)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["site"] for r in records] == ["CityAM", "The Spokesman-Review"]


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("junk", [b"these bytes are no record\r\n" * 4, b"\x00" * 200, b"WARC/1.0\r\nno headers"])
def test_junk_after_the_records_is_one_error_with_its_offset(tmp_path: Path, pages, gzip: bool, junk: bytes) -> None:
    whole = build_warc(tmp_path / "whole.warc", pages, gzip=gzip).read_bytes()
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(whole + junk)
    errors = []
    docs = list(iter_documents([str(damaged)], on_error=errors.append))
    assert [d.url for d in docs] == ["https://www.cityam.com/alibaba/", "https://www.spokesman.com/meth/"]
    assert len(errors) == 1 and isinstance(errors[0], WarcError)
    message = str(errors[0])
    assert message.startswith(f"{damaged}: ") and f"byte {len(whole)}" in message
    assert "\n" not in message and "\x00" not in message


def test_warc_header_then_junk_is_an_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"WARC/1.0\r\n" + b"this is not a header line at all\r\n" * 5)
    with pytest.raises(WarcError, match=r"not a WARC record at byte 0"):
        list(iter_documents([str(junk)]))


def test_blank_lines_after_the_last_record_are_fine(tmp_path: Path, pages) -> None:
    warc = tmp_path / "blank.warc.gz"
    warc.write_bytes(build_warc(tmp_path / "whole.warc.gz", pages).read_bytes() + b"\r\n\r\n")
    errors = []
    assert len(list(iter_documents([str(warc)], on_error=errors.append))) == 2
    assert errors == []


def test_cli_reports_junk_after_records_and_fails(tmp_path: Path, pages) -> None:
    warc = tmp_path / "junk.warc.gz"
    warc.write_bytes(build_warc(tmp_path / "whole.warc.gz", pages).read_bytes() + b"junk\n" * 3)
    result = CliRunner().invoke(app, ["read", str(warc)])
    assert result.exit_code != 0
    assert f"{warc}: truncated or corrupt WARC" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_capture_time_reads_warc_dates_and_drops_malformed_ones() -> None:
    from newsgraph.ingest.warc import capture_time

    assert capture_time("2019-11-19T12:34:56Z").isoformat() == "2019-11-19T12:34:56+00:00"
    assert capture_time("2019-11-19T12:34:56").isoformat() == "2019-11-19T12:34:56+00:00"  # WARC-Date is UTC
    assert capture_time("yesterday-ish") is None and capture_time(None) is None
