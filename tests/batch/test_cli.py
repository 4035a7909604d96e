"""``newsgraph batch`` and ``newsgraph load`` through the real CLI."""

from __future__ import annotations

import socket

from typer.testing import CliRunner

from newsgraph.batch.runner import run_batch
from newsgraph.cli import app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_batch_with_a_silent_scheduler_exits_with_one_line(tmp_path):
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = CliRunner().invoke(app, ["batch", str(tmp_path), "--scheduler", address, "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and address in errors[0] and "did not answer" in errors[0]
    assert "Traceback" not in result.output


def test_batch_rejects_a_malformed_scheduler(tmp_path):
    result = CliRunner().invoke(app, ["batch", str(tmp_path), "--scheduler", "nonsense", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "scheduler must be 'local' or an address" in result.output


def test_load_puts_shards_into_the_database(tmp_path, dask_client, make_corpus):
    corpus = make_corpus(tmp_path / "in", texts=3, pages=1, bad=True)
    shards = tmp_path / "shards"
    report = run_batch([str(tmp_path / "in")], out=str(shards), client=dask_client, progress=False)
    assert report.articles == len(corpus["good"])
    db = tmp_path / "corpus.db"

    result = CliRunner().invoke(app, ["load", str(shards), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{len(corpus['good'])} article(s) stored" in result.output and "2 failure(s) recorded" in result.output

    again = CliRunner().invoke(app, ["load", str(shards), "--db", str(db)])
    assert again.exit_code == 0 and "0 article(s) stored" in again.output

    missing = CliRunner().invoke(app, ["load", str(tmp_path / "in"), "--db", str(db)])
    assert missing.exit_code == 2 and "no manifest.json" in missing.output
