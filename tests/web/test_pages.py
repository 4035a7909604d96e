"""Every page, in-process, over the real session corpus."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer



def test_home_lists_recent_articles_counts_and_search(client, corpus):
    r = client.get("/")
    assert r.status_code == 200
    assert "Iran Leader Addresses Hamas Official" in r.text
    assert f'/articles/{corpus.seed_id}"' in r.text
    counts = corpus.store.counts()
    assert re.search(rf"<dt>statements</dt><dd>{counts['statements']}</dd>", r.text)
    assert 'action="/search"' in r.text and "Ingest errors" in r.text


def test_home_shows_ingest_errors(make_app, corpus):
    from fastapi.testclient import TestClient

    from newsgraph.model import IngestFailure

    corpus.store.record_failure(IngestFailure(source="broken-page.html", stage="extract", error="broken-page.html: empty document",
                                              error_type="EmptyDocumentError"))
    r = TestClient(make_app()).get("/")
    assert "broken-page.html: empty document" in r.text


def test_article_page_highlights_statements_events_and_actors(client, corpus):
    r = client.get(f"/articles/{corpus.seed_id}")
    assert r.status_code == 200
    analysis = corpus.store.get_analysis(corpus.seed_id)
    assert analysis.article.title in r.text
    khamenei = [n for n, s in enumerate(analysis.statements)
                if analysis.actor(s.speaker or "") and "Khamenei" in analysis.actor(s.speaker).name]
    assert khamenei, "the seed's analysis has Khamenei's statements"
    for n in khamenei:
        assert f'id="s-{n}"' in r.text and f'href="#s-{n}"' in r.text
    assert 'data-speaker="Ali Khamenei"' in r.text
    consult = [n for n, e in enumerate(analysis.events) if e.type == "CONSULT"]
    assert consult and f'id="e-{consult[0]}"' in r.text and 'data-event-type="CONSULT"' in r.text
    assert '<mark class="ng-actor' in r.text
    assert "Removed page furniture" in r.text or not analysis.article.furniture
    # Share: permanent link and the record as JSON and CSV
    assert f'id="permalink" readonly value="/articles/{corpus.seed_id}"' in r.text  # no base URL set: relative
    assert f'href="/api/v1/articles/{corpus.seed_id}"' in r.text and f'href="/api/v1/articles/{corpus.seed_id}/csv"' in r.text
    assert "Leave a Reply" in r.text and 'name="csrf_token"' in r.text


def test_article_page_marks_a_cited_span(client, corpus):
    body = corpus.store.get_analysis(corpus.seed_id).article.body
    start = body.index("Palestine belongs")
    r = client.get(f"/articles/{corpus.seed_id}", params={"hl": f"{start}-{start + 9}"})
    assert re.search(r'<mark class="ng-highlight" id="hl"[^>]*>(<[^/][^>]*>)*Palestine</', r.text)


def test_article_page_unknown_id_is_an_html_404(client):
    r = client.get("/articles/does-not-exist")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "does-not-exist" in r.text


def test_article_related_links_only_http_become_links(client, corpus):
    r = client.get(f"/articles/{corpus.hostile_id}")
    assert '<a href="https://example.org/news/1" rel="nofollow noopener noreferrer">A real link</a>' in r.text
    assert "Read the original" not in r.text  # its URL is javascript:, shown as text only


def test_actor_lookup_and_actor_page(client, corpus):
    r = client.get("/actors/lookup", params={"name": "Khamenei"})
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert page.status_code == 200
    assert "<h1>Ali Khamenei" in page.text
    assert '<svg class="timeline"' in page.text and 'class="point point-statement"' in page.text
    assert "Ismail Haniyeh" in page.text  # who he met
    assert "Supreme Leader" in page.text  # titles


def test_actor_page_unknown(client):
    assert client.get("/actors/999999").status_code == 404
    assert client.get("/actors/lookup", params={"name": "Nobody Atall"}).status_code == 404


def test_actors_list(client):
    r = client.get("/actors", params={"q": "Haniyeh"})
    assert r.status_code == 200 and "Ismail Haniyeh" in r.text and "Ali Khamenei" not in r.text


def test_network_page_draws_the_khamenei_haniyeh_edge(client, corpus):
    r = client.get("/network")
    assert r.status_code == 200
    assert '<svg class="network"' in r.text
    row = re.search(r'<tr id="edge-(\d+)" class="edge-row">(.*?)</tr>', r.text, re.S)
    rows = re.findall(r'<tr id="edge-\d+" class="edge-row">(.*?)</tr>', r.text, re.S)
    assert row and any("Ali Khamenei" in x and "Ismail Haniyeh" in x for x in rows)
    assert f"/articles/{corpus.seed_id}?hl=" in r.text  # each edge links to its evidence
    filtered = client.get("/network", params={"actor": "Ali Akbar Ahmadian"})
    assert "Ismail Haniyeh" in filtered.text and "Ali Khamenei –" not in filtered.text


def test_search_page_articles_and_statements_with_facets(client, corpus):
    r = client.get("/search", params={"q": "Palestine"})
    assert r.status_code == 200 and f"/articles/{corpus.seed_id}" in r.text
    r = client.get("/search", params={"q": "Palestine", "kind": "statements", "actor": "Khamenei"})
    assert "Ali Khamenei" in r.text and "?hl=" in r.text
    r = client.get("/search", params={"q": "", "kind": "events", "type": "CONSULT"})
    assert "CONSULT" in r.text


def test_search_page_paginates(client):
    r = client.get("/search", params={"q": "Palestine", "kind": "statements", "limit": 2})
    assert r.text.count('class="hit"') == 2
    nxt = re.search(r'<a class="next" href="([^"]+)"', r.text)
    assert nxt and "limit=2" in nxt.group(1)
    second = client.get(nxt.group(1).replace("&amp;", "&"))
    assert second.status_code == 200 and second.text.count('class="hit"') >= 1
    first_hits = set(re.findall(r'\?hl=(\d+-\d+)', r.text))
    assert first_hits.isdisjoint(re.findall(r'\?hl=(\d+-\d+)', second.text))


def test_network_page_bad_filter_is_a_message(client):
    r = client.get("/network", params={"since": "last tuesday"})
    assert r.status_code == 400 and 'class="warning"' in r.text and 'name="since"' in r.text


def test_search_page_bad_filter_is_a_message(client):
    r = client.get("/search", params={"q": "x", "since": "not-a-date"})
    assert r.status_code == 400 and 'class="warning"' in r.text


def test_ingest_page_form(client):
    r = client.get("/ingest")
    assert r.status_code == 200 and 'enctype="multipart/form-data"' in r.text and 'name="token"' in r.text


def test_ingest_page_pasted_text(tools, client, corpus):
    page = client.get("/ingest")
    text = ("Trade Ministers Meet In Oslo\n\nTuesday 4 July 2023\n\nNorway's trade minister Jan Christian Vestre met "
            "his Swedish counterpart Johan Forssell in Oslo on Tuesday to discuss fishing quotas. \"We agreed on the "
            "main points,\" Vestre said after the meeting, adding that officials would meet again in September.")
    r = client.post("/ingest", data={"text": text, "token": "test-api-token-0123456789", "csrf_token": tools.csrf_from(page.text)})
    assert r.status_code == 200, r.text
    link = re.search(r'href="/articles/([^"]+)">open the article', r.text)
    assert link and corpus.store.has_article(link.group(1))


class _Page(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        body = (b"<html><head><title>Local Story</title></head><body><article><h1>Local Story</h1>"
                + b"<p>The mayor of Springfield, Anna Berg, said on Monday that the new bridge would open in May. "
                * 8 + b"</p></article></body></html>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


def test_ingest_page_url_private_refused_unless_allowed(tools, make_app, corpus):
    from fastapi.testclient import TestClient

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/story.html"
    try:
        for allow, expect in ((False, "refused"), (True, "Stored")):
            c = TestClient(make_app(allow_private=allow, api_token=None))
            page = c.get("/ingest")
            r = c.post("/ingest", data={"url": url, "csrf_token": tools.csrf_from(page.text)})
            if allow:
                assert r.status_code == 200 and "Stored" in r.text, r.text
            else:
                assert r.status_code == 422 and "Could not ingest" in r.text
                assert re.search(r"private|loopback", r.text, re.I)
    finally:
        server.shutdown()


def test_ingest_page_upload_html(tools, client):
    page = client.get("/ingest")
    html = (b"<html><body><article><h1>Uploaded Story</h1>" + b"<p>The council of Lyon voted on Friday to extend the tram "
            b"line, the mayor Gregory Doucet said.</p>" * 6 + b"</article></body></html>")
    r = client.post("/ingest", data={"token": "test-api-token-0123456789", "csrf_token": tools.csrf_from(page.text)},
                    files={"file": ("story.html", html, "text/html")})
    assert r.status_code == 200 and "Stored" in r.text, r.text


def test_docs_page_lists_the_api_without_external_assets(client):
    r = client.get("/docs")
    assert r.status_code == 200
    assert "/api/v1/search" in r.text and "/api/v1/articles/{article_id}" in r.text
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', r.text)
    assert client.get("/openapi.json").json()["paths"]["/api/v1/network"]


def test_comment_posted_shown_newest_last_without_email(tools, client, corpus):
    page = client.get(f"/articles/{corpus.seed_id}")
    token = tools.csrf_from(page.text)
    for n in (1, 2):
        r = client.post(f"/articles/{corpus.seed_id}/comments",
                        data={"name": f"Analyst {n}", "email": f"analyst{n}-secret@example.net", "body": f"Comment number {n}.",
                              "csrf_token": token})
        assert r.status_code == 303 and "#comment-" in r.headers["location"]
    shown = client.get(f"/articles/{corpus.seed_id}").text
    assert shown.index("Comment number 1.") < shown.index("Comment number 2.")
    assert "secret@example.net" not in shown and tools.SECRET_EMAIL not in shown


def test_comment_missing_fields_get_messages_next_to_them(tools, client, corpus):
    page = client.get(f"/articles/{corpus.seed_id}")
    r = client.post(f"/articles/{corpus.seed_id}/comments",
                    data={"name": "", "email": "not-an-email", "body": "Kept text", "csrf_token": tools.csrf_from(page.text)})
    assert r.status_code == 422
    assert re.search(r'id="c-name"[^>]*aria-invalid="true".*?<span class="field-error" id="name-error"', r.text, re.S)
    assert 'id="email-error"' in r.text and "valid email" in r.text
    assert ">Kept text</textarea>" in r.text and "not-an-email" not in r.text
    assert r.text.count('<span class="req">*</span>') >= 3


def test_comment_too_long_is_refused(tools, make_app, corpus):
    from fastapi.testclient import TestClient

    c = TestClient(make_app(max_comment_chars=50))
    page = c.get(f"/articles/{corpus.seed_id}")
    r = c.post(f"/articles/{corpus.seed_id}/comments",
               data={"name": "A", "email": "a@b.org", "body": "x" * 51, "csrf_token": tools.csrf_from(page.text)})
    assert r.status_code == 422 and "longer than 50" in r.text


def test_admin_hides_a_comment(tools, client, corpus):
    page = client.get(f"/articles/{corpus.seed_id}")
    token = tools.csrf_from(page.text)
    r = client.post(f"/articles/{corpus.seed_id}/comments",
                    data={"name": "Spammer", "email": "s@spam.example", "body": "Buy now unique-spam-91", "csrf_token": token})
    comment_id = int(r.headers["location"].rsplit("-", 1)[1])
    wrong = client.post(f"/comments/{comment_id}/hide", data={"article_id": corpus.seed_id, "admin_token": "nope",
                                                              "csrf_token": token})
    assert wrong.status_code == 403
    ok = client.post(f"/comments/{comment_id}/hide", data={"article_id": corpus.seed_id, "admin_token": "test-admin-token-9876543210",
                                                           "csrf_token": token})
    assert ok.status_code == 303
    assert "unique-spam-91" not in client.get(f"/articles/{corpus.seed_id}").text


def test_pages_show_approximate_dates_as_such(client, corpus):
    analysis = corpus.store.get_analysis(corpus.seed_id)
    rough = [e for e in analysis.events if e.date and e.date_precision == "approximate"]
    assert rough, "the seed's Jenin fight is approximately dated"
    article = client.get(f"/articles/{corpus.seed_id}").text
    for ev in rough:
        assert f'<time datetime="{ev.date}" class="approximate">≈ {ev.date}' in article
    haniyeh = next(a for a in analysis.actors if "Haniyeh" in a.name)
    page = client.get("/actors/lookup", params={"name": haniyeh.name}, follow_redirects=True).text
    for item in corpus.store.actor_timeline(corpus.store.find_actor(haniyeh.name).id):
        if item.date and item.date_precision == "approximate":
            assert f'class="approximate">≈{item.date}</time>' in page


def test_article_page_folds_long_fact_lists(client, corpus, monkeypatch):
    from newsgraph.web import pages_article

    analysis = corpus.store.get_analysis(corpus.seed_id)
    limit = 3
    assert len(analysis.statements) > limit
    monkeypatch.setattr(pages_article, "FACT_LIST_LIMIT", limit)
    page = client.get(f"/articles/{corpus.seed_id}").text
    section = page[page.index('<section id="statements">'):page.index('<section id="events">')]
    shown, folded = section.split('<details class="more-facts">')
    assert [f'id="fact-s-{n}"' in shown for n in range(len(analysis.statements))] == \
        [n < limit for n in range(len(analysis.statements))]
    assert f"Show the other {len(analysis.statements) - limit} statements" in folded
    assert f'start="{limit + 1}"' in folded
    assert all(f'id="fact-s-{n}"' in folded for n in range(limit, len(analysis.statements)))
