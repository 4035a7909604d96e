"""newsgraph.process: the one ingest loop and its one failure rule, in every command.

The hostile page of issue 16 (a charset label naming a codec that is no text
encoding, plus a byte that is not UTF-8) sits at position 11 of 21 pages: every
command reports it in one line naming the file (or reads it, once the decoder
refuses such labels), never a traceback, and the 20 others all go through.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import ExtractionError, InputError, NotTextError
from newsgraph.model import Article, IngestFailure, RawDocument
from newsgraph.process import Options, apply_given, failure, process, stage

HOSTILE = (b'<html><head><meta charset="rot13"><title>Market day</title></head><body><article>'
           b"<p>The caf\xe9 on the square opened early for the market, and traders came from three towns.</p>"
           b"</article></body></html>")


def _page(i: int) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour report {i}</title></head><body>"
            f"<article><h1>Harbour report {i}</h1><p>The port authority said on Tuesday that {100 + i} ships "
            f"docked in the harbour last week, officials said.</p><p>The mayor met the harbour master on "
            f"Monday to discuss the new quay, number {i}.</p></article></body></html>")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    for i in range(21):
        path = root / f"page-{i:02d}.html"
        if i == 10:
            path.write_bytes(HOSTILE)
        else:
            path.write_text(_page(i), encoding="utf-8")
    return root


def _check_lines(stderr: str, folder: Path, ok: int) -> None:
    """One error line naming the hostile file when it failed, and nothing else (no traceback)."""
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 21 - ok <= 1
    if errors:
        assert errors[0].startswith(f"error: {folder / 'page-10.html'}: ")


def test_stage_maps_a_library_exception_to_the_stage_error():
    with pytest.raises(ExtractionError) as caught:
        with stage("extract", "page.html"):
            b"x".decode("rot13")  # the codec machinery's own LookupError
    assert str(caught.value).startswith("page.html: LookupError: ")
    assert isinstance(caught.value.__cause__, LookupError)
    with pytest.raises(InputError, match=r"^a\.txt: cannot read: "):
        with stage("ingest", "a.txt"):
            open("/nonexistent/dir/a.txt")  # noqa: SIM115
    with pytest.raises(NotTextError, match=r"^b\.bin: binary$"):  # a NewsgraphError keeps its class, gains the name
        with stage("extract", "b.bin"):
            raise NotTextError("binary")


def test_failure_record_is_one_line_naming_the_input():
    record = failure(ValueError("bad\nthing  here"), "analyze", "x.html")
    assert record == IngestFailure(source="x.html", stage="analyze", error="x.html: ValueError: bad thing here",
                                   error_type="AnalysisError", at=record.at)


def test_read_reads_the_others(folder: Path):
    result = CliRunner().invoke(app, ["read", str(folder)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    _check_lines(result.stderr, folder, len(records))
    assert len(records) >= 20
    assert {f"Harbour report {i}" for i in range(21) if i != 10} <= {r["title"] for r in records}
    assert result.exit_code == (0 if len(records) == 21 else 1)


def test_analyze_analyses_the_others(folder: Path):
    result = CliRunner().invoke(app, ["analyze", *sorted(str(p) for p in folder.iterdir())])
    analyses = [json.loads(line) for line in result.stdout.splitlines()]
    _check_lines(result.stderr, folder, len(analyses))
    assert len(analyses) >= 20 and all(a["analysed"] for a in analyses)


def test_ingest_stores_the_rest_of_the_chunk(folder: Path, tmp_path: Path):
    from newsgraph.store import Store

    db = f"sqlite:///{tmp_path / 'n.db'}"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db])
    with Store(db) as store:
        stored = store.counts()["articles"]
        failures = store.failures()
    _check_lines(result.stderr, folder, stored)
    assert stored >= 20
    assert [f.source for f in failures] == ([] if stored == 21 else [str(folder / "page-10.html")])
    again = CliRunner().invoke(app, ["ingest", str(folder), "--db", db])
    assert f"new 0, updated 0, unchanged 0, skipped {stored}" in again.stderr  # the rerun resumes, nothing twice


def test_an_empty_directory_is_an_error_saying_why(tmp_path: Path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'n.db'}"])
    assert result.exit_code == 1
    assert f"error: {tmp_path}: nothing to read: no file newsgraph reads (.html.gz" in result.stderr


def _article(**fields) -> Article:
    return Article(id="x", source="s.txt", body="Body text.", extractor="text", **fields)


def test_given_metadata_wins_and_is_recorded():
    article = apply_given(_article(title="Skip to main content", site=None),
                          {"title": "Envoys meet", "published": "22 June 2023 - 20:22", "url": "https://www.example.org/a"})
    assert (article.title, article.published, article.published_precision) == ("Envoys meet", "2023-06-22T20:22", "minute")
    assert article.url == "https://www.example.org/a" and article.site == "example.org" and article.id != "x"
    assert "title as given: 'Envoys meet' (extracted: 'Skip to main content')" in article.warnings
    with pytest.raises(InputError, match=r"^s\.txt: published: cannot read 'soon'"):
        apply_given(_article(), {"published": "soon"})


def test_a_given_title_keeps_the_first_paragraph_in_the_body():
    raw = RawDocument(content=b"Short first line of the story.\n\nThe second paragraph of the story.", source="row",
                      given={"title": "The real headline"})
    [result] = list(process(documents=[raw], options=Options()))
    assert result.article.title == "The real headline"
    assert result.article.body.startswith("Short first line of the story.")
