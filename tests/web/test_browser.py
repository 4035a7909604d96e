"""A real browser (Debian's chromium via Playwright) against a real `newsgraph serve`."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed"),
]


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
