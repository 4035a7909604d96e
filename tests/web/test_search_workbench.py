"""The search workbench over a corpus of the real fixture pages: facet counts, chart totals and downloads
checked against the store's own results; the controls in a real Chromium, with screenshots."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest


@pytest.fixture(scope="module")
def fixture_corpus(corpus, fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    """A SQLite corpus of every real page under tests/fixtures (seed, second outlet, HTML pages, CSV rows)."""
    from newsgraph.process import Options, process
    from newsgraph.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('workbench') / 'corpus.db'}"
    store = Store(url)
    sources = [str(fixtures_dir / "seed_iswnews.txt"), str(fixtures_dir / "corpus_gulfwire.txt"),
               str(fixtures_dir / "pages"), str(fixtures_dir / "corpus.csv")]
    options = Options(fields={"text": "story_text", "site": "media_name"})
    stored = [o for o in process(sources, options=options, analyzer=corpus.analyzer, store=store)
              if getattr(o, "status", None) == "new"]
    assert len(stored) >= 6
    yield url, store
    store.close()


@pytest.fixture(scope="module")
def wb(fixture_corpus):  # noqa: ANN001, ANN201
    """An in-process client of an app over the fixture corpus."""
    from fastapi.testclient import TestClient

    from newsgraph.web import Settings, create_app

    url, store = fixture_corpus
    with TestClient(create_app(url, settings=Settings(), store=store), follow_redirects=False) as c:
        yield c


def every(store, query: str, **kw) -> list:  # noqa: ANN001, ANN003
    out, cursor = [], None
    while True:
        page = store.search(query, limit=100, cursor=cursor, **kw)
        out += page.items
        if not (cursor := page.next_cursor):
            return out


def facet_links(html: str) -> list[tuple[str, str, int]]:
    """Return (facet, link, count) for every facet value on a search page."""
    out = []
    for name, body in re.findall(r'<section class="facet" data-facet="(\w+)">(.*?)</section>', html, re.S):
        for link, count in re.findall(r'<a href="([^"]+)" data-value="[^"]*">.*?</a> <span class="count">(\d+)</span>', body, re.S):
            out.append((name, unescape(link), int(count)))
    return out


def total(html: str) -> int:
    return int(re.search(r'<strong class="total">(\d+)</strong>', html).group(1))


@pytest.mark.parametrize("params", [{}, {"kind": "statements"}, {"kind": "events"}, {"q": "minister"},
                                    {"q": "said OR met", "kind": "statements"}])
def test_facet_links_lead_to_their_counts(wb, fixture_corpus, params) -> None:  # noqa: ANN001
    _, store = fixture_corpus
    r = wb.get("/search", params=params)
    assert r.status_code == 200
    kind = params.get("kind", "articles")
    assert total(r.text) == len(every(store, params.get("q", ""), kind=kind)) > 0
    links = facet_links(r.text)
    assert {name for name, _, _ in links} >= {"outlet", "month"}
    for name, link, count in links:
        followed = wb.get(link)
        assert followed.status_code == 200 and total(followed.text) == count, (name, link)
        query = parse_qs(urlsplit(link).query)
        assert query.get("kind", ["articles"]) == [kind]  # the link keeps the search and adds one filter


def test_chart_totals_and_bars(wb, fixture_corpus) -> None:  # noqa: ANN001
    _, store = fixture_corpus
    for kind in ("articles", "statements", "events"):
        r = wb.get("/search", params={"kind": kind})
        bars = re.findall(r'<a href="([^"]+)"><rect class="vol-bar"[^>]*data-period="([^"]+)" data-count="(\d+)"', r.text)
        facets = store.search_facets("", kind=kind)
        drawn = sum(int(n) for _, _, n in bars)
        apart = sum(m["count"] for m in facets.get("days") or facets["months"] if not m["value"])
        assert bars and drawn + apart == facets["total"] == total(r.text)
        for link, period, count in bars:
            assert total(wb.get(unescape(link)).text) == int(count), period


def test_downloads_have_every_result(wb, fixture_corpus) -> None:  # noqa: ANN001
    _, store = fixture_corpus
    for kind in ("articles", "statements", "events"):
        page = wb.get("/search", params={"kind": kind, "sort": "oldest"}).text
        link = unescape(re.search(r'<a class="download" href="([^"]+format=csv[^"]*)"', page).group(1))
        rows = list(csv.DictReader(io.StringIO(wb.get(link).text)))
        results = every(store, "", kind=kind, sort="oldest")
        assert len(rows) == len(results) == total(page)
        if kind == "articles":
            assert [r["article_id"] for r in rows] == [a.id for a in results]
        else:
            assert [r["text"] for r in rows] == [h.text for h in results]
        as_json = wb.get(link.replace("format=csv", "format=json")).json()
        assert [r["article_id"] for r in as_json] == [r["article_id"] for r in rows]
    counts = store.counts()
    facts = list(csv.DictReader(io.StringIO(wb.get("/api/v1/export", params={"format": "csv"}).text)))
    assert sum(r["kind"] == "statement" for r in facts) == counts["statements"]


def test_empty_queries_hints_and_errors(wb, fixture_corpus) -> None:  # noqa: ANN001
    r = wb.get("/search", params={"q": "", "kind": "events"})
    assert r.status_code == 200 and r.text.count('class="hit"') > 0  # no longer a blank page
    r = wb.get("/search", params={"q": "zzyzx or qwerty", "kind": "statements"})
    hint = re.search(r'<p class="hint"[^>]*>(.*?)</p>', r.text, re.S)
    assert hint and "OR in capitals" in hint.group(1)
    r = wb.get("/search", params={"since": "last week"})
    assert r.status_code == 400 and "--since" not in r.text and "must be a date" in r.text
    api = wb.get("/api/v1/search/facets", params={"kind": "events"}).json()
    assert api["total"] == total(wb.get("/search", params={"kind": "events"}).text) and api["hint"] is None


def test_a_short_span_is_drawn_by_day(wb, fixture_corpus) -> None:  # noqa: ANN001
    _, store = fixture_corpus
    r = wb.get("/search", params={"kind": "events", "source": "ISWNews"})
    facets = store.search_facets("", kind="events", source="ISWNews")
    assert facets["days"] and "events per day" in r.text
    bars = re.findall(r'<a href="([^"]+)"><rect class="vol-bar"[^>]*data-period="([^"]+)" data-count="(\d+)"', r.text)
    assert bars and all(len(period) == 10 for _, period, _ in bars)
    for link, period, count in bars:
        assert total(wb.get(unescape(link)).text) == int(count), period


def test_compare_two_outlets_and_a_collection(fixture_corpus, tmp_path: Path) -> None:  # noqa: ANN001
    from fastapi.testclient import TestClient

    from newsgraph.web import Settings, create_app

    url, store = fixture_corpus
    outlets = [v["value"] for v in store.search_facets("")["facets"]["outlet"]]
    assert len(outlets) >= 2
    collections = tmp_path / "collections.toml"
    collections.write_text(f'"Both" = {json.dumps(outlets[:2])}\n', encoding="utf-8")
    with TestClient(create_app(url, settings=Settings(collections=collections), store=store)) as c:
        r = c.get("/compare", params={"a": "Both", "b": outlets[0]})
        assert r.status_code == 200 and "collection: " in r.text
        cells = re.findall(r'<td class="num"><a href="([^"]+)">(\d+)</a></td>', r.text)
        assert cells
        for link, count in cells:
            assert total(c.get(unescape(link)).text) == int(count), link
        api = c.get("/api/v1/compare", params={"a": "Both", "b": outlets[0]}).json()
        whole = store.search_facets("", sites=outlets[:2])
        assert api[0]["articles"] == whole["total"] and api[1]["what"] == "outlet"
        assert api[0]["statements"] == store.search_facets("", kind="statements", sites=outlets[:2])["total"]
        assert c.get("/compare", params={"a": "Both", "b": "x", "since": "soon"}).status_code == 400


def test_hostile_text_in_facets_is_escaped(client, tools) -> None:  # noqa: ANN001
    r = client.get("/search", params={"q": ""})
    assert r.status_code == 200 and tools.SCRIPT not in r.text and "&lt;script&gt;" in r.text
    assert 'onerror=alert(1)>' not in r.text


# ---------------------------------------------------------------- a real browser


@pytest.fixture(scope="module")
def server(fixture_corpus, serve_db):  # noqa: ANN001, ANN201
    """`newsgraph serve` on a free loopback port over the test corpus; yields its base URL."""
    with serve_db(fixture_corpus[0]) as base:
        yield base


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search-screenshots")
    print(f"\nsearch workbench screenshots: {path}")
    return path


@pytest.mark.browser
@pytest.mark.slow
def test_workbench_controls_in_chromium(server, browser, shots, fixture_corpus) -> None:  # noqa: ANN001
    _, store = fixture_corpus
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda req: req.url.startswith(server) or req.url.startswith("data:") or outside.append(req.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(f"{server}/search?kind=events")
    page.screenshot(path=str(shots / "events.png"), full_page=True)
    assert page.locator("svg.volume rect.vol-bar").count() > 0

    actor = page.locator('section[data-facet="actor"] li').first
    expected = int(actor.locator(".count").inner_text())
    actor.locator("a").click()
    page.wait_for_load_state()
    assert "actor=" in page.url and int(page.locator("strong.total").inner_text()) == expected
    page.screenshot(path=str(shots / "actor-facet.png"), full_page=True)

    page.locator("select[name=sort]").select_option("oldest")
    page.locator("form.search-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "sort=oldest" in page.url and "actor=" in page.url
    dates = [d for d in page.locator("li.hit time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))") if d]
    assert dates == sorted(dates)

    with page.expect_download() as info:
        page.locator("a.download", has_text="CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == expected

    page.locator(".chip a").first.click()  # remove the actor filter
    page.wait_for_load_state()
    assert "actor=" not in page.url and int(page.locator("strong.total").inner_text()) == store.search_facets("", kind="events")["total"]

    bar = page.locator("svg.volume rect.vol-bar").first
    count = int(bar.get_attribute("data-count"))
    page.locator("svg.volume a").first.click()
    page.wait_for_load_state()
    assert "since=" in page.url and int(page.locator("strong.total").inner_text()) == count
    page.screenshot(path=str(shots / "bar-clicked.png"), full_page=True)
    assert not outside and not errors
    context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_workbench_without_javascript(server, browser, shots) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/search?kind=statements")
    assert page.locator("svg.volume rect.vol-bar").count() > 0 and page.locator("section.facet").count() >= 3
    box = page.locator("svg.volume").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    # each bar is drawn as tall as its count says (no stylesheet rule may resize it)
    bars = page.locator("svg.volume rect.vol-bar")
    tallest = max(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count()))
    for i in range(bars.count()):
        drawn = bars.nth(i).bounding_box()["height"]
        assert abs(drawn - float(bars.nth(i).get_attribute("height")) * box["height"] / 160) < 3  # 1 px borders
        if int(bars.nth(i).get_attribute("data-count")) == tallest:
            assert drawn > box["height"] * 0.5
    page.locator('section[data-facet="direct"] a').first.click()
    page.wait_for_load_state()
    assert "direct=" in page.url
    page.screenshot(path=str(shots / "no-javascript.png"), full_page=True)
    json.loads(httpx.get(f"{server}/api/v1/search/download", params={"kind": "statements", "format": "json"}).text)
    context.close()
