"""Metadata a user gives for one article (--url, --title, --published, --site, --byline) wins and is recorded."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from newsgraph.cli import app


def test_given_metadata_wins_over_what_is_guessed(seed_path):
    result = CliRunner().invoke(app, ["read", str(seed_path), "--site", "Example Outlet", "--title", "Haniyeh in Tehran",
                                      "--url", "https://iswnews.example/123", "--published", "2023-06-22"])
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)
    assert (article["site"], article["title"], article["url"]) == ("Example Outlet", "Haniyeh in Tehran", "https://iswnews.example/123")
    assert (article["published"], article["published_precision"]) == ("2023-06-22", "day")
    assert any(w.startswith("site as given: 'Example Outlet' (extracted: '") for w in article["warnings"])
    assert article["body"].startswith("In a meeting with the head of")  # the page's own headline stays out
    assert any(w.startswith("published as given: '2023-06-22' (extracted: '2023-06-22T20:22')") for w in article["warnings"])
    plain = json.loads(CliRunner().invoke(app, ["read", str(seed_path)]).stdout)
    assert plain["id"] != article["id"]  # the given URL names the article


def test_metadata_options_describe_one_article(tmp_path, seed_path):
    result = CliRunner().invoke(app, ["read", str(tmp_path), "--title", "X"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: --title: {tmp_path} holds many articles (a dir); metadata options describe one"
    two = CliRunner().invoke(app, ["analyze", str(seed_path), str(seed_path), "--site", "ISWNews"])
    assert two.exit_code == 2 and "give one input" in two.stderr


def test_a_bad_given_date_is_one_line():
    result = CliRunner().invoke(app, ["read", "-", "--published", "next spring"], input="Some article text here.")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().startswith("error: -: published: cannot read 'next spring' as a date")


def test_help_shows_flags_as_flags():
    out = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", "--help"], capture_output=True, text=True,
                         timeout=120, env={"COLUMNS": "150", "PATH": ""})
    assert out.returncode == 0, out.stderr
    flag_lines = [line for line in out.stdout.splitlines() if "--allow-private" in line or "--help" in line]
    assert len(flag_lines) == 2 and not any("<bool>" in line for line in flag_lines)
    assert "--published" in out.stdout and "--field" in out.stdout
