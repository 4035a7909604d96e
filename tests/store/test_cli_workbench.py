"""The CLI's search and export as an analyst uses them: honest dates, filters, collections, a closed pipe."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Analysis
from newsgraph.store import Store

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def variant(analysis: Analysis, n: int) -> Analysis:
    """The analysis under another id and outlet, its body one word longer (so not a copy of it)."""
    article = analysis.article.model_copy(update={"id": f"{analysis.article.id}-{n}", "site": f"Outlet {n % 3}",
                                                  "body": analysis.article.body + f" v{n}"})
    return analysis.model_copy(update={"article": article})


@pytest.fixture
def dated(db_url: str, seed_analysis: Analysis, second_analysis: Analysis) -> str:
    """The seed with one event undated and one approximate, and the second article."""
    events = list(seed_analysis.events)
    events[0] = events[0].model_copy(update={"date": None, "date_precision": None, "date_text": None})
    events[1] = events[1].model_copy(update={"date_precision": "approximate", "date_text": "a few days ago"})
    with Store(db_url) as store:
        store.save(seed_analysis.model_copy(update={"events": events}))
        store.save(second_analysis)
    return db_url


def test_search_prints_honest_dates(dated: str) -> None:
    code, out, err = run("search", "", "--kind", "events", "--actor", "Ahmadiyan", "--db", dated)
    assert code == 0, err
    assert "≈2023-06-19" in out and "a few days ago" in out and "????" not in out
    code, out, _ = run("search", "", "--kind", "events", "--source", "ISWNews", "--sort", "oldest", "--db", dated)
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert code == 0 and any(line.startswith("≈2023-06-19") for line in lines)
    with Store(dated) as store:
        undated = [h for h in store.search("", kind="events", source="ISWNews", limit=50).items if h.date is None]
    assert undated and all(any(line.startswith("undated") for line in lines) for _ in undated)
    for hit in undated:  # the days it can be on, as the date filter and the chart place it, else nothing
        assert hit.date_text is None or hit.date_text.startswith("between ") or len(hit.date_text) == 10
        if hit.date_text:
            assert f"(undated: {hit.date_text})" in out
    code, out, _ = run("actor", "Ahmadiyan", "--db", dated)
    assert code == 0 and "≈2023-06-19" in out and "????" not in out


def test_export_filters_match_the_store(dated: str, tmp_path: Path) -> None:
    code, out, err = run("export", "-f", "csv", "--source", "Gulf Wire", "--facts", "statement", "--db", dated)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    with Store(dated) as store:
        hits = [h for h in store.search("", kind="statements", source="Gulf Wire", limit=100).items]
    assert sorted(r["text"] for r in rows) == sorted(h.text for h in hits) and rows
    collections = tmp_path / "collections.toml"
    collections.write_text('"Gulf outlets" = ["Gulf Wire"]\n', encoding="utf-8")
    code, out2, _ = run("export", "-f", "csv", "--collection", "Gulf outlets", "--collections", str(collections),
                        "--facts", "statement", "--db", dated)
    assert code == 0 and out2 == out
    code, _, err = run("export", "--collection", "Elsewhere", "--collections", str(collections), "--db", dated)
    assert code == 2 and "no outlet collection named 'Elsewhere'" in err and "Gulf outlets" in err
    code, out, _ = run("export", "-f", "csv", "-q", "Jenin -jihad", "--facts", "framing", "--db", dated)
    assert code == 0 and {r["article_id"] for r in csv.DictReader(io.StringIO(out))} <= {"gulfwire-1"}


def test_export_into_a_closed_pipe_ends_quietly(db_url: str, seed_analysis: Analysis) -> None:
    with Store(db_url) as store:
        store.save_many(variant(seed_analysis, n) for n in range(60))
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "export", "-f", "csv", "--db", db_url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    _, err = proc.communicate(timeout=120)
    assert first.startswith(b"article_id,title,url,site,published,kind,fact_id")
    assert proc.returncode == 0 and err.decode().strip() == ""


def test_ingest_progress_has_a_total_and_an_empty_input_is_an_error(db_url: str, fixtures_dir: Path,
                                                                    seed_path: Path, tmp_path: Path) -> None:
    import csv as csv_module

    corpus = fixtures_dir / "corpus.csv"
    with corpus.open(encoding="utf-8", newline="") as fh:
        rows = sum(1 for row in csv_module.reader(fh) if row) - 1
    code, _, err = run("ingest", str(corpus), str(seed_path), "--field", "text=story_text", "--db", db_url)
    import re

    assert re.search(rf"\b{rows + 1}/{rows + 1}\s+documents", err), err  # the CSV's rows and the seed, known ahead
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    code, _, err = run("ingest", str(empty), "--db", db_url)
    assert code == 1 and "nothing to read" in err


def test_search_facets_and_the_hint_in_the_cli(dated: str) -> None:
    import json

    code, out, err = run("search", "", "--kind", "statements", "--facets", "--db", dated)
    with Store(dated) as store:
        counted = store.search_facets("", kind="statements")
    assert code == 0 and f"{counted['total']} results" in out
    assert all(f"{v['label']} {v['count']}" in out for v in counted["facets"]["outlet"])
    code, out, _ = run("search", "", "--kind", "events", "--facets", "-f", "json", "--limit", "1", "--db", dated)
    last = json.loads(out.splitlines()[-1])
    assert code == 0 and last["total"] == store_total(dated, "events")
    code, out, err = run("search", "Khamenei or Haniyeh", "--kind", "statements", "--db", dated)
    assert code == 0 and out == "" and "OR in capitals" in err


def store_total(url: str, kind: str) -> int:
    with Store(url) as store:
        return store.search_facets("", kind=kind)["total"]
