"""Local sources: files, gzip, directories, standard input, URL lists."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import DocumentTooLargeError, InputError
from newsgraph.ingest import iter_documents


def test_file_kinds(tmp_path: Path, seed_text: str, article_html: bytes) -> None:
    (tmp_path / "a.html").write_bytes(article_html)
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(article_html))
    (tmp_path / "c.txt").write_text(seed_text, encoding="utf-8")
    docs = list(iter_documents([str(tmp_path / n) for n in ("a.html", "b.html.gz", "c.txt")]))
    assert [d.content_type for d in docs] == ["text/html", "text/html", "text/plain"]
    assert docs[0].content == docs[1].content == article_html
    assert docs[2].content.decode("utf-8") == seed_text
    assert [d.source for d in docs] == [str(tmp_path / n) for n in ("a.html", "b.html.gz", "c.txt")]


def test_directory_is_read_recursively_in_order(tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text(seed_text)
    (tmp_path / "sub" / "a.htm").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "sub" / "deeper" / "c.html").write_text("<html><body><p>y</p></body></html>")
    (tmp_path / "sub" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a kind newsgraph reads
    (tmp_path / ".hidden.txt").write_text("skip me")
    docs = list(iter_documents([str(tmp_path)]))
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == ["b.txt", "sub/a.htm", "sub/deeper/c.html"]


def test_missing_file_and_on_error(tmp_path: Path, seed_path: Path) -> None:
    errors = []
    docs = list(iter_documents([str(tmp_path / "nope.html"), str(seed_path)], on_error=errors.append))
    assert [d.source for d in docs] == [str(seed_path)]
    assert [str(e) for e in errors] == [f"{tmp_path / 'nope.html'}: no such file or directory"]
    with pytest.raises(InputError):
        list(iter_documents([str(tmp_path / "nope.html")]))


def test_bad_gzip(tmp_path: Path) -> None:
    (tmp_path / "x.html.gz").write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="not a readable gzip file"):
        list(iter_documents([str(tmp_path / "x.html.gz")]))


def test_size_cap_on_files(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_bytes(b"<p>" + b"a" * 5000 + b"</p>")
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"a" * 50_000))
    errors = []
    assert list(iter_documents([str(tmp_path / "big.html"), str(tmp_path / "bomb.html.gz")], max_bytes=1000, on_error=errors.append)) == []
    assert all(isinstance(e, DocumentTooLargeError) for e in errors) and len(errors) == 2


def test_stdin_through_the_cli(seed_text: str) -> None:
    result = CliRunner().invoke(app, ["read", "-"], input=seed_text)
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["source"] == "-"
    assert article["title"] == "Iran Leader Addresses Hamas Official: Palestine Belongs To All Muslims"


def test_url_list(tmp_path: Path, site, article_html: bytes, second_html: bytes) -> None:
    first = site.serve("/one", article_html, content_type="text/html")
    second = site.serve("/two", second_html, content_type="text/html")
    (tmp_path / "reading.urls").write_text(f"# my list\n{first}\n\n{site.url('/gone')}\n{second}\n")
    errors = []
    docs = list(iter_documents([str(tmp_path / "reading.urls")], allow_private=True, on_error=errors.append))
    assert [d.url for d in docs] == [first, second]
    assert len(errors) == 1 and "404" in str(errors[0])


def test_cli_reads_a_directory_as_json_lines(tmp_path: Path, seed_text: str, article_html: bytes) -> None:
    (tmp_path / "one.txt").write_text(seed_text)
    (tmp_path / "two.html").write_bytes(article_html)
    result = CliRunner().invoke(app, ["read", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["extractor"] for r in records] == ["text", "html"]
    assert records[0]["id"] != records[1]["id"]
