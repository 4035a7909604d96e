"""A real browser (Debian's chromium via Playwright) against a real `newsgraph serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(corpus, tools):  # noqa: ANN001, ANN201
    """`newsgraph serve` on a free loopback port over the session corpus; yields its base URL."""
    port = _free_port()
    script = Path(sys.executable).with_name("newsgraph")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from newsgraph.cli import main; main()"]
    env = {**os.environ, "NEWSGRAPH_API_TOKEN": tools.API_TOKEN, "NEWSGRAPH_ADMIN_TOKEN": tools.ADMIN_TOKEN}
    proc = subprocess.Popen([*command, "serve", "--db", corpus.db_url, "--host", "127.0.0.1", "--port", str(port),
                             "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/api/v1/counts", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"newsgraph serve did not start: {proc.stdout.read().decode(errors='replace')[-2000:]}")
        time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    yield pg
    context.close()


def _shot(pg, name: str, full_page: bool = False) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def _khamenei_statements(corpus) -> list[int]:  # noqa: ANN001
    analysis = corpus.store.get_analysis(corpus.seed_id)
    return [n for n, s in enumerate(analysis.statements)
            if analysis.actor(s.speaker or "") and "Khamenei" in analysis.actor(s.speaker).name]


def test_article_highlights_khamenei_and_list_links_land_on_the_sentence(server, page, corpus):
    page.goto(f"{server}/articles/{corpus.seed_id}")
    _shot(page, "article-top")
    _shot(page, "article-full", full_page=True)
    marked = page.locator('.body .ng-statement[data-speaker="Ali Khamenei"]')
    assert marked.count() >= 1
    background = marked.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # really highlighted on screen
    ours = _khamenei_statements(corpus)
    n = ours[-1]  # the last one, far down the page: the click must scroll
    statement = corpus.store.get_analysis(corpus.seed_id).statements[n]
    page.click(f'.statement-list a[href="#s-{n}"]')
    page.wait_for_function(f"location.hash === '#s-{n}'")
    target = page.locator(f"#s-{n}")
    page.wait_for_timeout(300)
    box = target.bounding_box()
    assert box and 0 <= box["y"] < 900, box  # on screen
    assert target.evaluate("el => el.matches(':target')")
    text = target.text_content()
    assert statement.content.startswith(text) and text  # the anchor opens the cited sentence itself
    _shot(page, "article-clicked-statement")
    # clicking the highlighted text shows who said it
    target.click()
    popover = page.locator("#ng-popover")
    popover.wait_for(state="visible")
    assert "Ali Khamenei" in popover.inner_text()
    _shot(page, "article-popover")
    assert not page.console_errors, page.console_errors


def test_comment_is_posted_shown_without_email_and_required_fields_checked(server, page, corpus):
    page.goto(f"{server}/articles/{corpus.seed_id}#reply")
    page.fill("#c-body", "Checked in the browser: the quote is accurate.")
    page.fill("#c-name", "Browser Analyst")
    page.fill("#c-email", "browser-secret-2024@example.com")
    with page.expect_navigation():
        page.click("form.comment-form button[type=submit]")
    assert "Checked in the browser: the quote is accurate." in page.inner_text("#comments")
    assert "browser-secret-2024" not in page.content()
    _shot(page, "comment-posted")
    # now one without a name
    page.fill("#c-body", "No name given.")
    page.fill("#c-email", "someone@example.com")
    with page.expect_navigation():
        page.click("form.comment-form button[type=submit]")
    error = page.locator("#name-error")
    assert error.is_visible() and "name" in error.inner_text().lower()
    assert page.locator("#c-name").get_attribute("aria-invalid") == "true"
    assert "someone@example.com" not in page.content()
    error.scroll_into_view_if_needed()
    _shot(page, "comment-missing-name")


def test_network_shows_the_khamenei_haniyeh_edge(server, page):
    page.goto(f"{server}/network")
    edge = page.locator("svg.network a.edge", has=page.locator("title", has_text="Ali Khamenei")).filter(
        has=page.locator("title", has_text="Ismail Haniyeh"))
    assert edge.count() == 1
    assert page.locator("svg.network a.node text", has_text="Ali Khamenei").count() == 1
    _shot(page, "network")
    edge.first.click()
    page.wait_for_function("location.hash.startsWith('#edge-')")
    row = page.locator(page.evaluate("location.hash"))
    assert "Ali Khamenei" in row.inner_text() and "Ismail Haniyeh" in row.inner_text()
    assert row.locator("a[href*='?hl=']").count() >= 1  # its evidence, one click away


def test_article_works_without_javascript(server, browser, corpus):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(f"{server}/articles/{corpus.seed_id}")
    n = _khamenei_statements(corpus)[0]
    assert pg.locator(f"#s-{n}").count() == 1
    pg.click(f'.statement-list a[href="#s-{n}"]')
    assert pg.evaluate("location.hash") == f"#s-{n}"
    pg.goto(f"{server}/actors/lookup?name=Khamenei")
    assert pg.locator("svg.timeline a.point").count() >= 1
    _shot(pg, "actor-no-js", full_page=True)
    context.close()
