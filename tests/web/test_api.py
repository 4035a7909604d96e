"""Every JSON endpoint, in-process, over the real session corpus."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsgraph.model import Analysis


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _error(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"} and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_articles_cursor_pagination(client):
    first = client.get("/api/v1/articles", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = client.get("/api/v1/articles", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert len(second["items"]) == 1 and second["items"][0]["id"] != first["items"][0]["id"]
    _error(client.get("/api/v1/articles", params={"limit": 0}), 422, "invalid")


def test_article_record_offsets_cite_the_body(client, corpus):
    r = client.get(f"/api/v1/articles/{corpus.seed_id}")
    assert r.status_code == 200
    analysis = Analysis.model_validate(r.json())
    body = analysis.article.body
    assert analysis.statements and all(body[s.start:s.end] == s.content for s in analysis.statements)
    assert any(e.type == "CONSULT" for e in analysis.events)
    _error(client.get("/api/v1/articles/nope"), 404, "not_found")


def test_article_csv(client, corpus):
    r = client.get(f"/api/v1/articles/{corpus.seed_id}/csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    analysis = corpus.store.get_analysis(corpus.seed_id)
    statements = [row for row in rows if row["kind"] == "statement"]
    assert len(statements) == len(analysis.statements)
    for row in statements:
        assert analysis.article.body[int(row["start"]):int(row["end"])] == row["text"]


def test_related(client, corpus):
    r = client.get(f"/api/v1/articles/{corpus.seed_id}/related")
    assert r.status_code == 200 and isinstance(r.json(), list)
    _error(client.get("/api/v1/articles/nope/related"), 404)


def test_comments_api_needs_token_and_never_returns_email(client, corpus, tools):
    url = f"/api/v1/articles/{corpus.seed_id}/comments"
    payload = {"name": "API analyst", "email": "api-secret-55@example.com", "body": "Via the API."}
    _error(client.post(url, json=payload), 401, "unauthorized")
    _error(client.post(url, json=payload, headers=_auth("wrong")), 403, "forbidden")
    r = client.post(url, json=payload, headers=_auth(tools.API_TOKEN))
    assert r.status_code == 201 and r.json()["name"] == "API analyst" and "email" not in r.json()
    listed = client.get(url)
    assert any(c["body"] == "Via the API." for c in listed.json())
    assert "api-secret-55" not in listed.text and tools.SECRET_EMAIL not in listed.text
    _error(client.post(url, json={**payload, "name": ""}, headers=_auth(tools.API_TOKEN)), 422, "invalid")
    _error(client.post(url, json={"name": "x"}, headers=_auth(tools.API_TOKEN)), 422, "invalid")


def test_hide_comment_api_needs_admin_token(client, corpus, tools):
    made = client.post(f"/api/v1/articles/{corpus.seed_id}/comments", headers=_auth(tools.API_TOKEN),
                       json={"name": "N", "email": "n@example.com", "body": "to be hidden 7731"}).json()
    hide = f"/api/v1/comments/{made['id']}/hide"
    _error(client.post(hide), 401)
    _error(client.post(hide, headers=_auth(tools.API_TOKEN)), 403)
    assert client.post(hide, headers=_auth(tools.ADMIN_TOKEN)).status_code == 204
    assert "to be hidden 7731" not in client.get(f"/api/v1/articles/{corpus.seed_id}/comments").text
    _error(client.post("/api/v1/comments/99999999/hide", headers=_auth(tools.ADMIN_TOKEN)), 404)


def test_counts_and_failures(client, corpus):
    counts = client.get("/api/v1/counts").json()
    assert counts["articles"] >= 2 and counts["statements"] > 0
    assert isinstance(client.get("/api/v1/failures").json(), list)


@pytest.mark.parametrize("kind", ["articles", "statements", "events"])
def test_search_kinds(client, corpus, kind):
    r = client.get("/api/v1/search", params={"q": "Palestine", "kind": kind})
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert items
    if kind == "articles":
        assert any(i["id"] == corpus.seed_id for i in items)
    else:
        assert all(i["evidence"]["article_id"] for i in items)


def test_search_facets_and_errors(client):
    direct = client.get("/api/v1/search", params={"q": "", "kind": "statements", "direct": "indirect", "actor": "Khamenei"})
    assert direct.status_code == 200 and all(i["direct"] is False for i in direct.json()["items"])
    consult = client.get("/api/v1/search", params={"kind": "events", "type": "CONSULT", "since": "2023-06-20", "until": "2023-06-22"})
    assert consult.status_code == 200 and all(i["event_type"] == "CONSULT" for i in consult.json()["items"])
    _error(client.get("/api/v1/search", params={"q": "x", "since": "yesterday-ish"}), 400, "bad_query")
    _error(client.get("/api/v1/search", params={"kind": "people"}), 422, "invalid")


def test_search_cursor(client):
    first = client.get("/api/v1/search", params={"q": "Palestine", "kind": "statements", "limit": 2}).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = client.get("/api/v1/search", params={"q": "Palestine", "kind": "statements", "limit": 2,
                                                  "cursor": first["next_cursor"]}).json()
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


def test_actors_list_lookup_and_actor(client):
    page = client.get("/api/v1/actors", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    actor = client.get("/api/v1/actors/lookup", params={"name": "Khamenei"}).json()
    assert actor["name"] == "Ali Khamenei"
    assert client.get(f"/api/v1/actors/{actor['id']}").json() == actor
    _error(client.get("/api/v1/actors/99999999"), 404)
    _error(client.get("/api/v1/actors/not-a-number"), 422)


def test_actor_timeline_and_meetings(client):
    haniyeh = client.get("/api/v1/actors/lookup", params={"name": "Haniyeh"}).json()
    timeline = client.get(f"/api/v1/actors/{haniyeh['id']}/timeline").json()
    assert any(i["kind"] == "statement" for i in timeline) and all(i["evidence"] for i in timeline)
    met = {e["source"] for e in client.get(f"/api/v1/actors/{haniyeh['id']}/meetings").json()} | {
        e["target"] for e in client.get(f"/api/v1/actors/{haniyeh['id']}/meetings").json()}
    assert {"Ali Khamenei", "Ali Akbar Ahmadian"} <= met
    _error(client.get("/api/v1/actors/99999999/timeline"), 404)


def test_network(client):
    edges = client.get("/api/v1/network").json()
    pairs = {frozenset((e["source"], e["target"])) for e in edges}
    assert frozenset(("Ali Khamenei", "Ismail Haniyeh")) in pairs
    assert all(e["evidence"] for e in edges)
    later = client.get("/api/v1/network", params={"since": "2023-06-20"}).json()
    assert frozenset(("Ismail Haniyeh", "Ali Akbar Ahmadian")) not in {frozenset((e["source"], e["target"])) for e in later}


def test_export_streams_every_format(client, corpus):
    with client.stream("GET", "/api/v1/export", params={"format": "jsonl"}) as r:
        assert r.status_code == 200 and "content-length" not in r.headers  # streamed
        lines = [line for line in r.iter_lines() if line]
    assert len(lines) == corpus.store.counts()["articles"]
    assert {json.loads(line)["article"]["id"] for line in lines} >= {corpus.seed_id}
    for fmt in ("csv", "events"):
        r = client.get("/api/v1/export", params={"format": fmt})
        assert r.status_code == 200 and len(list(csv.reader(io.StringIO(r.text)))) > 1
    _error(client.get("/api/v1/export", params={"format": "xml"}), 422)


def test_ingest_api_tokens_and_outcomes(make_app, tools):
    from fastapi.testclient import TestClient

    c = TestClient(make_app())
    text = ("Envoys Meet In Geneva\n\nWednesday 5 July 2023\n\nThe UN envoy Hans Grundberg met Yemeni officials in "
            "Geneva on Wednesday, the UN said. \"Progress is possible,\" Grundberg told reporters after the talks, "
            "which both sides described as constructive and useful for the months ahead.")
    _error(c.post("/api/v1/ingest", json={"text": text}), 401)
    _error(c.post("/api/v1/ingest", json={"text": text}, headers=_auth("nope")), 403)
    r = c.post("/api/v1/ingest", json={"text": text}, headers=_auth(tools.API_TOKEN))
    assert r.status_code == 201, r.text
    article_id = r.json()["article_id"]
    assert c.get(f"/api/v1/articles/{article_id}").json()["article"]["title"] == "Envoys Meet In Geneva"
    again = c.post("/api/v1/ingest", json={"text": text}, headers=_auth(tools.API_TOKEN)).json()
    assert again["article_id"] == article_id and again["status"] == "unchanged"
    _error(c.post("/api/v1/ingest", json={"url": "http://127.0.0.1:9/x"}, headers=_auth(tools.API_TOKEN)), 403, "private_address")
    _error(c.post("/api/v1/ingest", json={"url": "file:///etc/passwd"}, headers=_auth(tools.API_TOKEN)), 422)
    _error(c.post("/api/v1/ingest", json={"text": "a", "url": "https://example.org"}, headers=_auth(tools.API_TOKEN)), 422)
    _error(c.post("/api/v1/ingest", json={"text": "   \x00\x01\x02"}, headers=_auth(tools.API_TOKEN)), 422)


def test_ingest_api_refused_when_no_token_configured(make_app):
    from fastapi.testclient import TestClient

    c = TestClient(make_app(api_token=None))
    _error(c.post("/api/v1/ingest", json={"text": "x"}, headers=_auth("anything")), 403, "forbidden")


def test_unknown_path_and_method_use_the_error_shape(client):
    _error(client.get("/api/v1/nothing-here"), 404, "not_found")
    _error(client.delete("/api/v1/articles"), 405, "method_not_allowed")


def test_a_broken_database_answers_the_error_shape_with_headers(tmp_path):
    """A corpus whose tables vanished: an error answer (5xx), never a traceback, headers still set."""
    import sqlite3

    from fastapi.testclient import TestClient

    from newsgraph.store import Store
    from newsgraph.web import Settings, create_app

    db = tmp_path / "broken.db"
    store = Store(f"sqlite:///{db}")
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'article%'")]
        for name in names:
            conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    c = TestClient(create_app(f"sqlite:///{db}", store=store, settings=Settings()), raise_server_exceptions=False)
    r = c.get("/api/v1/articles")
    assert r.status_code in (500, 503)
    assert set(r.json()["error"]) == {"code", "message"} and "Traceback" not in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    page = c.get("/")
    assert page.status_code in (500, 503) and "default-src 'self'" in page.headers["content-security-policy"]


def test_ingest_api_metadata_wins_and_a_hostile_page_is_one_failure(make_app, tools, corpus):
    from fastapi.testclient import TestClient

    c = TestClient(make_app(), raise_server_exceptions=False)
    text = ("The harbour master said on Tuesday that 120 ships docked last week, the port authority said.\n\n"
            "The mayor met the harbour master on Monday to discuss a new quay.")
    r = c.post("/api/v1/ingest", json={"text": text, "title": "Port busy", "site": "Harbour Post",
                                       "published": "2024-03-05", "page_url": "https://harbour.example/port-busy"},
               headers=_auth(tools.API_TOKEN))
    assert r.status_code == 201, r.text
    article = c.get(f"/api/v1/articles/{r.json()['article_id']}").json()["article"]
    assert (article["title"], article["site"], article["published"], article["url"]) == (
        "Port busy", "Harbour Post", "2024-03-05", "https://harbour.example/port-busy")
    assert "site as given: 'Harbour Post' (extracted: 'harbour.example')" in article["warnings"]
    _error(c.post("/api/v1/ingest", json={"text": text, "published": "whenever"}, headers=_auth(tools.API_TOKEN)), 422)
    # the hostile page of issue 16: a charset naming no text encoding, and a byte that is not UTF-8
    hostile = (b'<html><head><meta charset="rot13"></head><body><article><p>The caf\xe9 opened early for the market '
               b"day, and traders came from three towns.</p></article></body></html>")
    page = c.get("/ingest")
    r = c.post("/ingest", data={"csrf_token": tools.csrf_from(page.text), "token": tools.API_TOKEN, "title": "Market day"},
               files={"file": ("market.html", hostile, "text/html")})
    assert r.status_code in (200, 422) and "Traceback" not in r.text  # read (decoder fixed) or one failure, never 500
    if r.status_code == 422:
        assert "upload:market.html" in r.text
        assert any(f.source == "upload:market.html" for f in corpus.store.failures())
