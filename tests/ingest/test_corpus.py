"""Corpus files (.jsonl, .csv): one article per row with its metadata; a bad row is one failure naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.corpus import CorpusReader, parse_field_map

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "corpus.csv"


def _read(*args: str):
    result = CliRunner().invoke(app, ["read", *args])
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_stories_jsonl_rows_keep_their_metadata_and_text(shared_data: Path):
    path = shared_data / "news-gold" / "stories.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result, articles = _read(str(path))
    assert result.exit_code == 0, result.stderr
    assert len(articles) == len(rows)
    for number, (row, article) in enumerate(zip(rows, articles), start=1):
        assert article["source"] == f"{path}:{number}"
        assert (article["url"], article["title"], article["byline"]) == (row["url"], row["title"], row["author"])
        assert article["published"].startswith(row["published"][:10].replace(" ", "T"))
        assert " ".join(article["body"].split()) == " ".join(row["text"].split())  # the row's text is the body


def test_csv_with_mapped_column_and_bad_rows():
    result, articles = _read(str(FIXTURE), "--field", "text=story_text")
    assert result.exit_code == 1
    assert [a["title"] for a in articles] == ["Trade ministers meet in Lima", "Norway pledges aid"]
    first = articles[0]
    assert (first["site"], first["byline"], first["published"]) == ("Example News", "Ana Ruiz", "2024-03-04T09:15:00")
    assert first["body"].startswith("Peru's trade minister met")  # the first sentence is no headline here
    assert articles[1]["published"] == "2024-03-06"
    errors = result.stderr.strip().splitlines()
    assert [e.split(": ", 2)[1] for e in errors] == [f"{FIXTURE}:5", f"{FIXTURE}:6", f"{FIXTURE}:10"]
    assert "no article text (no story_text field" in errors[0]
    assert "3 fields where the header has 7" in errors[1]
    assert "published: cannot read 'not a date at all'" in errors[2]


def test_csv_without_the_mapping_says_how_to_map():
    result, articles = _read(str(FIXTURE))
    assert articles == [] and result.exit_code == 1
    assert "map yours with --field text=NAME" in result.stderr


def test_jsonl_bad_lines_are_one_failure_each(tmp_path: Path):
    path = tmp_path / "c.jsonl"
    good = {"title": "Ministers meet", "body": "The ministers met in Accra on Friday, officials said.",
            "authors": ["A. Mensah", "K. Owusu"], "date": "2024-05-03"}
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"text": ["a", "list"]}), "[1, 2]", "",
                               json.dumps({**good, "title": "Second"})]) + "\n", encoding="utf-8")
    result, articles = _read(str(path))
    assert [a["title"] for a in articles] == ["Ministers meet", "Second"]
    assert articles[0]["byline"] == "A. Mensah, K. Owusu"
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "field 'text' is a list, not text" in lines[1] and "must be an object" in lines[2]


def test_reading_in_chunks_gives_the_same_rows(tmp_path: Path):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"text": f"Story number {i} is here."}) + "\n" for i in range(7)), encoding="utf-8")
    errors: list[NewsgraphError] = []
    whole = [d.source for d in CorpusReader(path, max_bytes=10_000, on_error=errors.append)]
    chunked, offset = [], 0
    while offset is not None:
        reader = CorpusReader(path, max_bytes=10_000, on_error=errors.append, offset=offset, limit=3)
        chunked += [d.source for d in reader]
        offset = reader.next_offset
    assert chunked == whole == [f"{path}:{i}" for i in range(1, 8)] and not errors
    csv_chunks, offset = [], 0
    while offset is not None:
        reader = CorpusReader(FIXTURE, max_bytes=10_000, on_error=errors.append, fields={"text": "story_text"},
                              offset=offset, limit=2)
        csv_chunks += [d.source for d in reader]
        offset = reader.next_offset
    assert csv_chunks == [f"{FIXTURE}:2", f"{FIXTURE}:7", f"{FIXTURE}:10"]
    assert [e.source for e in errors] == [f"{FIXTURE}:5", f"{FIXTURE}:6"]  # each bad row once, however chunked


def test_field_map_is_checked():
    assert parse_field_map(["text=story_text", "site = outlet_name"]) == {"text": "story_text", "site": "outlet_name"}
    with pytest.raises(InputError):
        parse_field_map(["words=story_text"])


def test_ingest_a_corpus_twice_stores_nothing_twice(tmp_path: Path):
    from newsgraph.store import Store

    db = f"sqlite:///{tmp_path / 'c.db'}"
    first = CliRunner().invoke(app, ["ingest", str(FIXTURE), "--field", "text=story_text", "--db", db])
    assert "new 2, updated 0, unchanged 0, skipped 0, failed 3" in first.stderr
    again = CliRunner().invoke(app, ["ingest", str(FIXTURE), "--field", "text=story_text", "--db", db])
    assert "new 0, updated 0, unchanged 0, skipped 2, failed 3" in again.stderr
    with Store(db) as store:
        assert store.counts()["articles"] == 2
        hits = store.search("", source="Example News").items
        assert {h.title for h in hits} == {"Trade ministers meet in Lima", "Norway pledges aid"}
