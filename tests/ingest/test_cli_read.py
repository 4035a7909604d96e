"""``newsgraph read`` over the network: refusals, timeouts and bad pages reported one line each."""

from __future__ import annotations

import json
import random

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.read import _wants_progress


def test_private_addresses_refused_without_flag(site, article_html: bytes) -> None:
    url = site.serve("/story", article_html, content_type="text/html")
    result = CliRunner().invoke(app, ["read", url, "http://10.0.0.1/news"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"error: {url}: refusing to fetch a loopback address 127.0.0.1; pass --allow-private to allow it",
        "error: http://10.0.0.1/news: refusing to fetch a private address 10.0.0.1; pass --allow-private to allow it",
    ]
    assert site.hits == {}


def test_timeout_image_and_good_page_with_flag(site, silent_url: str, article_html: bytes) -> None:
    good = site.serve("/story", article_html, content_type="text/html; charset=utf-8")
    image = site.serve("/photo", b"\x89PNG\r\n\x1a\n" + random.Random(5).randbytes(3000), content_type="text/html")
    empty = site.serve("/empty", b"", content_type="text/html")
    result = CliRunner().invoke(
        app, ["read", silent_url, image, good, empty, "--allow-private", "--timeout", "0.5", "--format", "json"]
    )
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in records] == [
        "https://www.cityam.com/alibaba-to-raise-up-to-12-9bn-in-landmark-hong-kong-listing/"  # the page's canonical URL
    ]
    assert records[0]["source"] == good
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"error: {silent_url}: no answer within 0.5 s (ReadTimeout)",
        f"error: {image}: not a text document: the content is a PNG image",
        f"error: {empty}: empty document",
    ]


def test_progress_only_on_a_terminal() -> None:
    # Test runs have no terminal on stderr: no progress bar whatever the sources.
    assert not _wants_progress(["a.html", "b.html"])


def test_error_lines_show_names_as_they_are(tmp_path) -> None:
    """Input names with brackets are printed literally, never read as console markup."""
    name = str(tmp_path / "news[/x][bold].html")
    result = CliRunner().invoke(app, ["read", name])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {name}: no such file or directory"
