"""Article reading mode, fact notes and flags, actors (keys, look-up, list) and framing, in-process and in
real Chromium against a real `newsgraph serve` over the session corpus (seed + hostile article)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import pytest

SHOTS = Path(os.environ.get("NEWSGRAPH_TEST_SHOTS") or tempfile.gettempdir()) / "newsgraph-shots"


def _note(client, tools, article_id: str, fact: str, kind: str, body: str, name: str = "Analyst"):  # noqa: ANN001, ANN201
    page = client.get(f"/articles/{article_id}")
    return client.post(f"/articles/{article_id}/facts/{fact}/notes", data={
        "name": name, "email": "note-secret-77@example.org", "body": body, "kind": kind,
        "csrf_token": tools.csrf_from(page.text)})


def test_a_flag_on_one_statement_is_shown_there_and_exported(client, corpus, tools):
    r = _note(client, tools, corpus.seed_id, "s-0", "flag", f"Wrong speaker {tools.SCRIPT}")
    assert r.status_code == 303 and "#note-" in r.headers["location"]
    html = client.get(f"/articles/{corpus.seed_id}").text
    assert "Flagged as wrong" in html and tools.SCRIPT not in html and "note-secret-77" not in html
    statement = corpus.store.get_analysis(corpus.seed_id).statements[0]
    rows = list(csv.DictReader(io.StringIO(client.get("/fact-notes.csv", params={"kind": "flag"}).text)))
    mine = [row for row in rows if row["article_id"] == corpus.seed_id and row["fact"] == "s-0"]
    assert mine and mine[-1]["kind"] == "flag" and mine[-1]["fact_kind"] == "statement"
    assert statement.content in mine[-1]["fact_text"] and "note-secret-77" not in str(rows)
    assert corpus.store.fact_notes(corpus.seed_id)[-1].body.startswith("Wrong speaker")


def test_fact_notes_refuse_unknown_facts_bad_kinds_and_missing_fields(client, corpus, tools):
    assert _note(client, tools, corpus.seed_id, "e-99999", "comment", "x").status_code == 404
    assert _note(client, tools, corpus.seed_id, "x-1", "comment", "x").status_code == 422
    assert _note(client, tools, corpus.seed_id, "s-0", "delete", "x").status_code == 422
    missing = _note(client, tools, corpus.seed_id, "s-0", "comment", "", name="")
    assert missing.status_code == 422 and "Please write a comment." in missing.text
    actor = corpus.store.get_analysis(corpus.seed_id).actors[0]
    assert _note(client, tools, corpus.seed_id, f"actor-{actor.id}", "comment", "Checked.").status_code == 303


def test_article_page_labels_and_links(client, corpus):
    analysis = corpus.store.get_analysis(corpus.seed_id)
    html = client.get(f"/articles/{corpus.seed_id}").text
    assert "also told:" not in html
    if any(len(e.evidence) for e in analysis.events):
        assert "Also told in " in html
    assert 'class="layers"' in html and 'id="layer-framing"' in html
    assert 'class="fact-counts"' in html
    named = [ea for ev in analysis.events for ea in ev.actors]
    assert not named or 'class="actor-link" href="/actors/' in html


def test_actor_keys_lookup_and_list(client, corpus):
    khamenei = corpus.store.lookup_actor("Khamenei")
    by_title = client.get("/actors/lookup", params={"name": "Supreme Leader"})
    assert by_title.status_code == 303 and by_title.headers["location"].endswith("/actors/ali-khamenei")
    assert client.get("/actors/ali-khamenei").status_code == 200
    assert client.get(f"/actors/{khamenei.id}").status_code == 200  # the integer id still works
    missing = client.get("/actors/lookup", params={"name": "Khamenie"})
    assert missing.status_code == 404 and "Did you mean" in missing.text and "Ali Khamenei" in missing.text
    listed = client.get("/actors", params={"type": "PERSON", "sort": "name", "order": "asc", "format": "json"}).json()
    names = [a["name"] for a in listed["items"]]
    assert names == sorted(names, key=str.lower) and all(a["type"] == "PERSON" for a in listed["items"])
    rows = list(csv.DictReader(io.StringIO(client.get("/actors", params={"format": "csv", "limit": 7}).text)))
    assert {"key", "name", "type", "country", "mentions"} <= set(rows[0])
    assert len(rows) == corpus.store.counts()["actors"] and len({r["id"] for r in rows}) == len(rows)  # all, pages joined
    iran = client.get("/actors", params={"country": "IRN", "format": "json"}).json()["items"]
    assert iran and all(a["country"] == "IRN" or a["country"] for a in iran)


def test_store_lookup_by_title_and_honorific_with_suggestions(corpus):
    from newsgraph.errors import NotFoundError

    assert corpus.store.lookup_actor("Imam Khamenei").name == "Ali Khamenei"
    with pytest.raises(NotFoundError, match="did you mean 'Ali Khamenei'"):
        corpus.store.lookup_actor("Ali Khamenie")


def test_framing_page_has_readable_names_and_counts(client, corpus):
    html = client.get("/framing").text
    flags = sum(len(corpus.store.get_analysis(a).framing) for a in (corpus.seed_id, corpus.hostile_id))
    assert f"<strong>{flags}</strong> flag(s)" in html
    assert "Name_Calling" not in html and "_" not in html.split('id="categories"')[-1].split("</table>")[0] or not flags
    assert client.get("/framing", params={"since": "soon"}).status_code == 400


# ------------------------------------------------------------------ in the browser


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.outside, pg.errors = [], []
    pg.on("request", lambda req: req.url.startswith("http://127.0.0.1") or req.url.startswith("data:")
          or pg.outside.append(req.url))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    yield pg
    assert not pg.outside and not pg.errors, (pg.outside, pg.errors)
    context.close()


def shot(pg, name: str, full_page: bool = False) -> None:  # noqa: ANN001
    """Write a screenshot for a reviewer to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


BACKGROUND = "el => getComputedStyle(el).backgroundColor"


@pytest.mark.browser
@pytest.mark.slow
def test_layer_toggles_and_sticky_sidebar(server, page, corpus):
    page.goto(f"{server}/articles/{corpus.seed_id}")
    shot(page, "article-reading")
    actor = page.locator(".body mark.ng-actor").first
    quote = page.locator(".body .ng-statement").first
    assert actor.evaluate(BACKGROUND) not in ("rgba(0, 0, 0, 0)", "transparent")
    page.uncheck("#layer-actors")
    assert actor.evaluate(BACKGROUND) == "rgba(0, 0, 0, 0)"
    assert quote.evaluate(BACKGROUND) != "rgba(0, 0, 0, 0)"  # the other layers stay
    page.uncheck("#layer-quotes")
    assert quote.evaluate(BACKGROUND) == "rgba(0, 0, 0, 0)"
    shot(page, "article-layers-off")
    page.check("#layer-actors")
    assert actor.evaluate(BACKGROUND) != "rgba(0, 0, 0, 0)"
    # the sidebar stays on screen as the text scrolls
    layout = page.locator(".article-layout").bounding_box()
    aside_height = page.locator("aside.facts").bounding_box()["height"]
    scroll = layout["y"] + (layout["height"] - aside_height) * 0.6  # well inside the text, past the sidebar's top
    assert layout["height"] > aside_height + 300, "the text is too short to need a sticky sidebar"
    page.evaluate(f"window.scrollTo(0, {scroll})")
    page.wait_for_timeout(300)
    box = page.locator("aside.facts").bounding_box()
    assert box and -5 <= box["y"] <= 60, box
    assert page.locator(".fact-counts").is_visible()
    shot(page, "article-sticky-sidebar")


@pytest.mark.browser
@pytest.mark.slow
def test_flag_one_event_in_the_browser(server, page, corpus):
    analysis = corpus.store.get_analysis(corpus.seed_id)
    if not analysis.events:
        pytest.skip("the seed has no event")
    page.goto(f"{server}/articles/{corpus.seed_id}")
    tools = page.locator("#fact-e-0 details.fact-tools")
    tools.locator("summary").click()
    tools.locator("textarea[name=body]").fill("The date is wrong: the meeting was a day earlier.")
    tools.locator("input[name=name]").fill("Browser Analyst")
    tools.locator("input[name=email]").fill("flagger-5150@example.org")
    with page.expect_navigation():
        tools.locator("button[value=flag]").click()
    assert page.evaluate("location.hash").startswith("#note-")
    note = page.locator(page.evaluate("location.hash"))
    assert "Flagged as wrong" in note.inner_text() and "the meeting was a day earlier" in note.inner_text()
    assert "flagger-5150" not in page.content()
    assert "flagged" in page.locator("#fact-e-0 summary").inner_text()
    shot(page, "article-fact-flagged")
    # the fact's permalink opens its entry
    href = page.locator("#fact-e-0 a.fact-permalink").get_attribute("href")
    page.goto(href if href.startswith("http") else server + href)
    assert page.evaluate("location.hash") == "#fact-e-0"


@pytest.mark.browser
@pytest.mark.slow
def test_actor_link_in_an_event_and_the_actors_list_controls(server, page, corpus):
    page.goto(f"{server}/articles/{corpus.seed_id}")
    link = page.locator(".event-list a.actor-link").first
    if link.count():
        name = link.inner_text()
        with page.expect_navigation():
            link.click()
        assert name in page.locator("h1").inner_text()
    page.goto(f"{server}/actors")
    page.select_option("#a-type", "PERSON")
    page.select_option("#a-sort", "name")
    page.select_option("#a-order", "asc")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    types = page.locator("table.actors tbody tr td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"PERSON"}
    names = page.locator("table.actors tbody tr td:first-child").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    shot(page, "actors-filtered")
    assert "format=csv" in page.locator("#actors-csv").get_attribute("href")
    page.goto(f"{server}/actors/lookup?name=Khamenie")
    assert "Did you mean" in page.inner_text("main")
    assert page.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    page.errors.clear()  # the page itself is the 404 (no such actor), as it should be
    with page.expect_navigation():
        page.click("ul.suggestions a")
    assert page.url.endswith("/actors/ali-khamenei")
    assert page.locator("a.permalink").inner_text().endswith("/actors/ali-khamenei")
    shot(page, "actor-by-key", full_page=True)


@pytest.mark.browser
@pytest.mark.slow
def test_framing_page_in_the_browser(server, page):
    page.goto(f"{server}/framing")
    shot(page, "framing", full_page=True)
    text = page.inner_text("main")
    assert "Name_Calling" not in text and "Loaded_Language" not in text
    assert page.locator("nav a", has_text="Framing").count() == 1
    outlets = page.locator("#outlets tbody tr td:first-child a")
    if outlets.count():
        name = outlets.first.inner_text()
        with page.expect_navigation():
            outlets.first.click()
        assert page.input_value("#fr-site") == name
        assert page.locator("#outlets tbody tr").count() == 1
        shot(page, "framing-one-outlet", full_page=True)
    assert page.locator("svg.framing-trend rect").count() >= 1 or "No dated articles" in page.inner_text("main")


def test_new_pages_never_render_hostile_text_live(client, corpus, tools):
    _note(client, tools, corpus.hostile_id, "s-0", "comment", f"{tools.IMG} {tools.SCRIPT}", name=tools.IMG)
    for path in ("/framing", "/network?type=ALL", "/actors?sort=name", f"/articles/{corpus.hostile_id}",
                 f"/actors/lookup?name={tools.SCRIPT}", "/actors/%3Cscript%3E", "/framing?site=%3Cscript%3E"):
        r = client.get(path, follow_redirects=True)
        assert r.status_code in (200, 404), path
        assert tools.SCRIPT not in r.text and tools.IMG not in r.text, path
    exported = client.get("/fact-notes.csv").text
    assert tools.SECRET_EMAIL not in exported and "note-secret-77" not in exported
