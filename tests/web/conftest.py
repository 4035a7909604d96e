"""Web fixtures: one real SQLite corpus, filled once per session through the real pipeline."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

API_TOKEN = "test-api-token-0123456789"
ADMIN_TOKEN = "test-admin-token-9876543210"

#: Hostile strings planted in an article, its links and a comment; no page may render them live.
SCRIPT = "<script>alert('ng-xss')</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(document.cookie)"
SECRET_EMAIL = "never-shown-4711@example.org"

HOSTILE_TEXT = f"""Minister Warns Of {SCRIPT} In Talks

Monday 3 July 2023

Foreign Minister Ahmad Karimi said on Monday that the talks with Turkey would continue {IMG} despite the dispute.

"We will not give up," Karimi told reporters in Ankara, adding that {SCRIPT} the next round was planned for August.

Turkish officials met Karimi on Sunday to discuss trade and the border, according to the ministry.
"""


@dataclass
class Corpus:
    """The session's corpus and what the tests need to know about it."""

    db_url: str
    db_path: Path
    store: object
    analyzer: object
    seed_id: str
    hostile_id: str


def analyse_and_save(store, analyzer, raw, **article_updates):  # noqa: ANN001, ANN201
    """Run one RawDocument through extract -> analyze -> store; return the SaveResult."""
    from newsgraph.extract import extract_article

    article = extract_article(raw)
    if article_updates:
        article = article.model_copy(update=article_updates)
    return store.save(analyzer.analyze_article(article), raw=raw)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Corpus:
    """A SQLite corpus holding the seed and a hostile article (built once per session)."""
    from newsgraph.analyze.pipeline import default_analyzer
    from newsgraph.ingest import iter_documents
    from newsgraph.model import RawDocument, RelatedLink
    from newsgraph.store import Store

    db_path = tmp_path_factory.mktemp("web") / "corpus.db"
    db_url = f"sqlite:///{db_path}"
    store = Store(db_url)
    analyzer = default_analyzer()
    seed = analyse_and_save(store, analyzer, next(iter_documents([str(seed_path)])))
    hostile_raw = RawDocument(content=HOSTILE_TEXT.encode(), source="hostile.txt", content_type="text/plain")
    hostile = analyse_and_save(
        store, analyzer, hostile_raw, url=JS_URL, byline=IMG, site=SCRIPT,
        related=[RelatedLink(title=SCRIPT, url=JS_URL), RelatedLink(title=IMG, url="JavaScript:alert(2)"),
                 RelatedLink(title="A real link", url="https://example.org/news/1")],
    )
    store.add_comment(seed.article_id, name=f"Hostile {IMG}", email=SECRET_EMAIL, body=f"Look {SCRIPT} {JS_URL}")
    return Corpus(db_url, db_path, store, analyzer, seed.article_id, hostile.article_id)


@pytest.fixture
def make_app(corpus: Corpus):  # noqa: ANN201
    """Return a factory of apps over the session corpus (fresh rate limiters each time)."""
    from newsgraph.web import Settings, create_app

    def make(**settings):  # noqa: ANN003, ANN202
        values = {"api_token": API_TOKEN, "admin_token": ADMIN_TOKEN, **settings}
        return create_app(corpus.db_url, settings=Settings(**values), store=corpus.store, analyzer=corpus.analyzer)

    return make


@pytest.fixture
def client(make_app):  # noqa: ANN001, ANN201
    """An in-process client of a fresh app (cookies kept, redirects not followed)."""
    from fastapi.testclient import TestClient

    with TestClient(make_app(), follow_redirects=False) as c:
        yield c


def csrf_from(html: str) -> str:
    """Return the CSRF token of the first form in a page."""
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


@pytest.fixture(scope="session")
def tools():  # noqa: ANN201
    """The constants and helpers of this conftest (test modules cannot import it under importlib mode)."""
    from types import SimpleNamespace

    return SimpleNamespace(csrf_from=csrf_from, API_TOKEN=API_TOKEN, ADMIN_TOKEN=ADMIN_TOKEN, SCRIPT=SCRIPT, IMG=IMG,
                           JS_URL=JS_URL, SECRET_EMAIL=SECRET_EMAIL)


# ------------------------------------------------------------------ a live server and a real browser

CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    """Return a loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db_url: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `newsgraph serve` over ``db_url`` on a free loopback port; yield its base URL once it answers."""
    port = free_port()
    script = Path(sys.executable).with_name("newsgraph")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "newsgraph"]
    proc = subprocess.Popen([*command, "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port),
                             "--log-level", "warning"], env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
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
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def chromium() -> Iterator[object]:
    """Yield Debian's Chromium launched by Playwright (skips the test when it is not installed)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def serve_db():  # noqa: ANN201
    """The ``serve(db_url, env)`` context manager: a live `newsgraph serve` over a database, its base URL."""
    return serve


@pytest.fixture(scope="module")
def server(corpus, tools, serve_db):  # noqa: ANN001, ANN201
    """`newsgraph serve` on a free loopback port over the session corpus (with the API and admin tokens); yields its base URL."""
    tokens = {"NEWSGRAPH_API_TOKEN": tools.API_TOKEN, "NEWSGRAPH_ADMIN_TOKEN": tools.ADMIN_TOKEN}
    with serve_db(corpus.db_url, tokens) as base:
        yield base


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    """Debian's Chromium (Playwright), one per test module; skips when it is not installed."""
    with chromium() as b:
        yield b
