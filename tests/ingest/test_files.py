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


def test_kinds_are_decided_in_one_place(tmp_path: Path) -> None:
    from newsgraph.ingest import classify

    names = {"a.warc.gz": "warc", "b.rss": "feed", "c.feeds": "feeds", "d.urls": "urls", "e.jsonl": "corpus",
             "f.csv": "corpus", "g.html": "file", "h.txt": "file"}
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    assert {name: classify(str(tmp_path / name)) for name in names} == names
    assert [classify(s) for s in ("-", "feed:https://x.example/rss", "https://x.example/a", str(tmp_path))] == [
        "stdin", "feed", "url", "dir"]
    with pytest.raises(InputError, match="no such file"):
        classify(str(tmp_path / "nope.html"))


def test_url_list_junk_lines_name_their_line(tmp_path: Path) -> None:
    urls = tmp_path / "list.urls"
    urls.write_text("# comment\nftp://example.org/x\n\nnot a url\n", encoding="utf-8")
    errors: list[InputError] = []
    assert list(iter_documents([str(urls)], on_error=errors.append)) == []
    assert [e.source for e in errors] == [f"{urls}:2", f"{urls}:4"]
    assert "scheme 'ftp'" in errors[0].message


def test_walk_skips_hidden_and_excluded_directories(tmp_path: Path) -> None:
    from newsgraph.ingest.files import walk_directory

    for rel in ("a.txt", "out/part.txt", ".git/x.txt", "sub/b.html", "sub/c.csv"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in walk_directory(tmp_path, exclude=tmp_path / "out")]
    assert found == ["a.txt", "sub/b.html"]  # a corpus file is read when named, never picked up in a directory


def test_count_documents_only_when_cheap(tmp_path: Path) -> None:
    from newsgraph.ingest import count_documents

    (tmp_path / "d").mkdir()
    for i in range(3):
        (tmp_path / "d" / f"{i}.txt").write_text("x")
    (tmp_path / "c.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n')
    assert count_documents([str(tmp_path / "d"), str(tmp_path / "c.jsonl")]) == 5
    assert count_documents([str(tmp_path / "d"), "https://example.org/feed.rss"]) is None
