"""Crafted numbers, ids, cursors and Host headers: 422 (or a clear error page), never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.store.util import encode_cursor

BIG = str(2**63)
HUGE = str(10**30)
DIGITS = "9" * 5000
CURSORS = [encode_cursor(2**63), encode_cursor(10**30), encode_cursor(-1), encode_cursor(True), encode_cursor("x"),
           "0" * 5000, "%%%", encode_cursor(int(DIGITS[:4000]))]


def _json_error(r, status=422):  # noqa: ANN001, ANN202
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize("cursor", CURSORS)
@pytest.mark.parametrize("path", ["/api/v1/articles", "/api/v1/actors", "/api/v1/search?q=talks"])
def test_api_cursor_out_of_range_is_422(client, path, cursor):
    sep = "&" if "?" in path else "?"
    err = _json_error(client.get(f"{path}{sep}cursor={cursor}"))
    assert err["code"] == "invalid" and "cursor" in err["message"]


@pytest.mark.parametrize("cursor", CURSORS[:3])
@pytest.mark.parametrize("path", ["/", "/actors", "/search?q=talks"])
def test_page_cursor_out_of_range_is_an_error_page(client, path, cursor):
    sep = "&" if "?" in path else "?"
    r = client.get(f"{path}{sep}cursor={cursor}")
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "cursor" in r.text and "<h1" in r.text


def test_a_real_cursor_still_pages(client):
    first = client.get("/api/v1/articles", params={"limit": 1}).json()
    assert client.get("/api/v1/articles", params={"limit": 1, "cursor": first["next_cursor"]}).status_code == 200
    assert client.get("/", params={"cursor": first["next_cursor"]}).status_code == 200


@pytest.mark.parametrize("number", [BIG, HUGE, "0", "-1", DIGITS])
@pytest.mark.parametrize("path", ["/api/v1/actors/{}", "/api/v1/actors/{}/timeline", "/api/v1/actors/{}/meetings"])
def test_api_actor_ids_out_of_range_are_422(client, path, number):
    _json_error(client.get(path.format(number)))


@pytest.mark.parametrize("number", [BIG, HUGE, DIGITS])
def test_page_actor_ids_out_of_range_are_an_error_page(client, number):
    r = client.get(f"/actors/{number}")
    assert r.status_code == 422 and "actor_id" in r.text


@pytest.mark.parametrize("number", [BIG, HUGE])
def test_comment_hide_ids_out_of_range_are_422(client, corpus, tools, number):
    _json_error(client.post(f"/api/v1/comments/{number}/hide", headers={"Authorization": f"Bearer {tools.ADMIN_TOKEN}"}))
    token = tools.csrf_from(client.get(f"/articles/{corpus.seed_id}").text)
    r = client.post(f"/comments/{number}/hide", data={"article_id": corpus.seed_id, "admin_token": tools.ADMIN_TOKEN,
                                                      "csrf_token": token})
    assert r.status_code == 422


@pytest.mark.parametrize("hl", [f"0-{DIGITS}", f"{DIGITS}-{DIGITS}9", "1-2-3", "x"])
def test_highlight_span_out_of_range_is_an_error_page(client, corpus, hl):
    r = client.get(f"/articles/{corpus.seed_id}", params={"hl": hl})
    assert r.status_code == 422 and "hl" in r.text


def test_a_real_highlight_still_marks(client, corpus):
    r = client.get(f"/articles/{corpus.seed_id}", params={"hl": "0-10"})
    assert r.status_code == 200 and 'id="hl"' in r.text


def test_comment_hide_with_a_slash_in_the_article_id_is_422_and_hides_nothing(client, corpus, tools):
    made = client.post(f"/api/v1/articles/{corpus.seed_id}/comments", headers={"Authorization": f"Bearer {tools.API_TOKEN}"},
                       json={"name": "S", "email": "s@example.org", "body": "slash test 5521"})
    assert made.status_code == 201
    token = tools.csrf_from(client.get(f"/articles/{corpus.seed_id}").text)
    r = client.post(f"/comments/{made.json()['id']}/hide",
                    data={"article_id": f"{corpus.seed_id}/../x", "admin_token": tools.ADMIN_TOKEN, "csrf_token": token})
    assert r.status_code == 422
    assert "slash test 5521" in client.get(f"/api/v1/articles/{corpus.seed_id}/comments").text


def test_limits_out_of_range_are_422(client):
    for path in ("/api/v1/articles?limit=0", f"/api/v1/search?limit={BIG}", f"/api/v1/actors?limit={DIGITS}",
                 "/api/v1/failures?limit=-5"):
        _json_error(client.get(path))


EVIL = {"Host": "evil.example"}


def test_redirects_and_permalinks_ignore_the_host_header(client, corpus, tools):
    r = client.get(f"/articles/{corpus.seed_id}", headers=EVIL)
    assert r.status_code == 200 and "evil.example" not in r.text
    lookup = client.get("/actors/lookup", params={"name": "Ali Khamenei"}, headers=EVIL)
    assert lookup.status_code == 303 and lookup.headers["location"].startswith("/actors/")
    token = tools.csrf_from(r.text)
    posted = client.post(f"/articles/{corpus.seed_id}/comments", headers=EVIL,
                         data={"name": "H", "email": "h@example.org", "body": "host test", "csrf_token": token})
    assert posted.status_code == 303 and posted.headers["location"].startswith(f"/articles/{corpus.seed_id}#comment-")
    for page in ("/network", "/actors", f"/actors/{lookup.headers['location'].rsplit('/', 1)[1]}"):
        assert "evil.example" not in client.get(page, headers=EVIL).text


def test_links_use_the_configured_base_url(make_app, corpus, tools):
    with TestClient(make_app(base_url="https://news.example.org/"), follow_redirects=False) as c:
        page = c.get(f"/articles/{corpus.seed_id}", headers=EVIL)
        assert f'value="https://news.example.org/articles/{corpus.seed_id}"' in page.text
        lookup = c.get("/actors/lookup", params={"name": "Ali Khamenei"}, headers=EVIL)
        assert lookup.headers["location"].startswith("https://news.example.org/actors/")


@pytest.mark.parametrize(("path", "body"), [
    ("/api/v1/ingest", {"text": "x"}),
    ("/api/v1/articles/{seed}/comments", {"name": "a", "email": "a@b.org", "body": "b"}),
    ("/api/v1/comments/1/hide", None),
])
def test_token_guessing_is_rate_limited_before_the_token_check(make_app, corpus, path, body):
    with TestClient(make_app(ingest_limit=10, comment_limit=10)) as c:
        statuses = [c.post(path.format(seed=corpus.seed_id), json=body,
                           headers={"Authorization": f"Bearer wrong-{n}"}).status_code for n in range(60)]
    assert statuses[:10] == [403] * 10 and statuses[10:] == [429] * 50


def test_auth_is_declared_in_the_openapi_document(client):
    doc = client.get("/openapi.json").json()
    assert doc["components"]["securitySchemes"]["api_token"]["scheme"].lower() == "bearer"
    for path, method in (("/api/v1/ingest", "post"), ("/api/v1/articles/{article_id}/comments", "post"),
                         ("/api/v1/comments/{comment_id}/hide", "post")):
        assert {"api_token": []} in doc["paths"][path][method]["security"], path
    assert "security" not in doc["paths"]["/api/v1/articles"]["get"]
