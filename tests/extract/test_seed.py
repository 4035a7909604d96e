"""The seed article (copied page text from ISWNews) must come out right, through the API and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract import extract_article
from newsgraph.ingest import iter_documents
from newsgraph.model import Article

TITLE = "Iran Leader Addresses Hamas Official: Palestine Belongs To All Muslims"
BODY_START = "In a meeting with the head of Palestinian Resistance Movement Hamas’ political bureau"
BODY_END = "the latest political and field developments in Palestine."
RELATED = "Hamas Delegation Meets With Iranian President, IRGC Cmdr."
FURNITURE = ("Read more:", "Share it:", "Leave a Reply", "Your email address will not be published")


def check_seed(article: Article) -> None:
    assert article.title == TITLE
    assert article.published == "2023-06-22T20:22"
    assert article.published_precision == "minute"
    assert article.byline == "ISWNews Analysis Group"
    assert article.site == "ISWNews"
    assert article.body.startswith(BODY_START)
    assert article.body.endswith(BODY_END)
    paragraphs = article.body.split("\n\n")
    assert paragraphs[1].startswith("On June 21,")
    assert "ISWNews Analysis Group" not in article.body
    for line in FURNITURE:
        assert line not in article.body
    assert [r.title for r in article.related] == [RELATED]
    assert article.related[0].url is None  # copied text carries no link targets
    assert article.language == "en"
    assert article.extractor == "text"
    assert not article.low_confidence


def test_seed_python_api(seed_path: Path) -> None:
    docs = list(iter_documents([str(seed_path)]))
    assert len(docs) == 1
    article = extract_article(docs[0])
    check_seed(article)
    reasons = {f.reason for f in article.furniture}
    assert {"read-more", "share-buttons", "comment-form", "byline"} <= reasons
    # No paragraph is empty or carries stray whitespace: paragraphs are separated by exactly one blank line.
    assert all(p and p == p.strip() for p in article.body.split("\n\n"))


def test_seed_id_is_stable_and_text_based(seed_path: Path) -> None:
    first = extract_article(next(iter_documents([str(seed_path)])))
    again = extract_article(next(iter_documents([str(seed_path)])))
    assert first.id == again.id
    assert len(first.id) == 16 and all(c in "0123456789abcdef" for c in first.id)


def test_seed_cli_runner(seed_path: Path) -> None:
    result = CliRunner().invoke(app, ["read", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    check_seed(Article.model_validate(json.loads(lines[0])))


@pytest.mark.slow
def test_seed_cli_subprocess(seed_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", "read", str(seed_path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    check_seed(Article.model_validate_json(proc.stdout.strip()))
    assert "Traceback" not in proc.stderr


def test_seed_text_format(seed_path: Path) -> None:
    result = CliRunner().invoke(app, ["read", str(seed_path), "--format", "text"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"# {TITLE}\n")
    assert "published: 2023-06-22T20:22 (minute)" in result.stdout
    assert f"  - {RELATED}" in result.stdout
