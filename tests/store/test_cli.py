"""The corpus commands end to end, with the real reader and analysis: the seed in a corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded(db_url: str, seed_path: Path, fixtures_dir: Path) -> str:
    """Ingest the seed, the second outlet's article, then the seed again."""
    second = fixtures_dir / "corpus_gulfwire.txt"
    for path in (seed_path, second, seed_path):
        code, _, err = run("ingest", str(path), "--db", db_url)
        assert code == 0, err
    assert "skipped 1" in err  # the seed again: already stored
    return db_url


def test_seed_in_a_corpus_through_the_cli(seeded: str) -> None:
    with Store(seeded) as store:
        assert store.counts()["articles"] == 2
        ids = {a.id for a in store.recent_articles().items}
        assert len(store.list_actors("khamenei").items) == 1
        assert len(store.list_actors("haniyeh").items) == 1
        meetings = [h for h in store.search("", kind="events", type="CONSULT", since="2023-06-21",
                                             until="2023-06-21", limit=50).items]
        assert len({h.id for h in meetings}) == 1  # one corpus event ...
        assert {h.evidence.article_id for h in meetings} == ids  # ... told by both articles

    code, out, err = run("actor", "Haniyeh", "--db", seeded, "--format", "json")
    assert code == 0, err
    record = json.loads(out)
    said = [i for i in record["timeline"] if i["kind"] == "statement"]
    assert {e["article_id"] for i in said for e in i["evidence"]} == ids
    code, text, _ = run("actor", "Haniyeh", "--db", seeded)
    assert code == 0 and "Timeline:" in text and text.count("said (") == len(said)

    code, out, err = run("network", "--db", seeded, "--format", "json")
    assert code == 0, err
    edges = [json.loads(line) for line in out.splitlines()]
    pairs = [f"{e['source']} | {e['target']}" for e in edges]
    khamenei = [e for e, p in zip(edges, pairs) if "Khamenei" in p and "Haniyeh" in p]
    assert len(khamenei) == 1 and khamenei[0]["first_date"] == "2023-06-21" and khamenei[0]["sources"] == 2
    assert any("Haniyeh" in p and "Ahmadi" in p for p in pairs), pairs


def test_search_related_export_commands(seeded: str, tmp_path: Path) -> None:
    code, out, _ = run("search", "Jenin", "--db", seeded, "--format", "json")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = run("search", "Palestinian", "--kind", "statements", "--actor", "Haniyeh", "--db", seeded)
    assert code == 0 and "Haniyeh" in out
    seed_id = json.loads(run("search", "religious duty", "--db", seeded, "-f", "json")[1].splitlines()[0])["id"]
    code, out, _ = run("related", seed_id, "--db", seeded)
    assert code == 0 and "Khamenei Receives Hamas Chief" in out
    assert "Links on the page:" in out and "Hamas Delegation Meets With Iranian President" in out
    target = tmp_path / "events.csv"
    code, _, err = run("export", "--format", "events", "--output", str(target), "--db", seeded)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert any(r["type"] == "CONSULT" and r["date"] == "2023-06-21" and r["articles"] == "2" for r in rows)
    code, out, _ = run("export", "--format", "jsonl", "--db", seeded)
    assert code == 0 and len(out.splitlines()) == 2


def test_errors_are_one_line_and_recorded(db_url: str, tmp_path: Path, seed_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run("ingest", str(tmp_path / "missing.html"), str(empty), str(seed_path), "--db", db_url)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 2 and "missing.html" in lines[0] and "empty.txt" in lines[1]
    with Store(db_url) as store:
        assert store.counts()["articles"] == 1
        assert {f.stage for f in store.failures()} == {"ingest", "extract"}
    code, _, err = run("actor", "Nobody At All", "--db", db_url)
    assert code == 1 and err.strip() == "error: no actor named 'Nobody At All'"
    code, _, err = run("search", "x", "--since", "soon", "--db", db_url)
    assert code == 1 and "'since' must be a date like" in err
    code, out, _ = run("db", "upgrade", "--db", db_url)
    assert code == 0 and "at revision" in out


def test_a_changed_page_is_updated_on_the_next_ingest(db_url: str, seed_text: str) -> None:
    import http.server
    import threading

    title, _, rest = seed_text.partition("\n\n")
    _, _, body = rest.partition("\n\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip() and not p.startswith(("Share it", "Leave a Reply", "Your email"))]
    page = {"html": ""}

    def render(extra: str = "") -> str:
        ps = "".join(f"<p>{p}</p>" for p in [*paragraphs, extra] if p)
        return (f"<html><head><title>{title}</title><meta property='article:published_time' content='2023-06-22'>"
                f"</head><body><article><h1>{title}</h1>{ps}</article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            data = page["html"].encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/2023/06/leader-meets-haniyeh"
    try:
        page["html"] = render()
        code, _, err = run("ingest", url, "--allow-private", "--db", db_url)
        assert code == 0 and "new 1" in err, err
        code, _, err = run("ingest", url, "--allow-private", "--db", db_url)
        assert code == 0 and "skipped 1" in err, err
        page["html"] = render("Correction: the meeting took place in Tehran on Wednesday, the office said.")
        code, _, err = run("ingest", url, "--allow-private", "--db", db_url)
        assert code == 0 and "updated 1" in err, err
    finally:
        server.shutdown()
    with Store(db_url) as store:
        [summary] = store.recent_articles().items
        assert "Correction" in store.get_analysis(summary.id).article.body
        assert store.counts()["articles"] == 1
