"""The search workbench in the store: facets, volume, sort, hints, downloads and filtered exports,
each checked against the store's own results (every page of the search), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsgraph.errors import QueryError
from newsgraph.model import Analysis
from newsgraph.store import Store
from newsgraph.store.export import ARTICLE_HEADER, FACT_HEADER


@pytest.fixture
def corpus(store: Store, seed_analysis: Analysis, second_analysis: Analysis) -> Store:
    store.save(seed_analysis)
    store.save(second_analysis)
    return store


def every(store: Store, query: str, **kw) -> list:  # noqa: ANN003
    """Return every result of a search, page by page."""
    out, cursor = [], None
    while True:
        page = store.search(query, limit=2, cursor=cursor, **kw)
        out += page.items
        if not (cursor := page.next_cursor):
            return out


@pytest.mark.parametrize("kind", ["articles", "statements", "events"])
@pytest.mark.parametrize("query", ["", "Palestinian", "Palestine OR meeting"])
def test_facet_counts_are_the_results_their_links_give(corpus: Store, kind: str, query: str) -> None:
    got = corpus.search_facets(query, kind=kind)
    results = every(corpus, query, kind=kind)
    assert got["total"] == len(results) > 0
    assert sum(m["count"] for m in got["months"]) == len(results)
    for outlet in got["facets"]["outlet"]:
        assert len(every(corpus, query, kind=kind, source=outlet["value"])) == outlet["count"]
    for actor in got["facets"]["actor"]:
        assert len(every(corpus, query, kind=kind, actor=actor["value"])) == actor["count"], actor
    for month in got["facets"]["month"]:
        assert len(every(corpus, query, kind=kind, since=month["value"], until=month["value"])) == month["count"]
    for t in got["facets"].get("type", []):
        assert len(every(corpus, query, kind=kind, type=t["value"])) == t["count"]
    for cue in got["facets"].get("cue", []):
        assert len(every(corpus, query, kind=kind, cue=cue["value"])) == cue["count"]
    for d in got["facets"].get("direct", []):
        assert len(every(corpus, query, kind=kind, direct=d["value"] == "direct")) == d["count"]
    assert got["hint"] is None


def test_sort_and_collection(corpus: Store) -> None:
    newest = [a.id for a in corpus.search("Hamas", sort="date").items]
    oldest = [a.id for a in corpus.search("Hamas", sort="oldest").items]
    assert newest == ["seed-iswnews", "gulfwire-1"] and oldest == newest[::-1]
    assert [a.id for a in corpus.search("", sites=["gulf wire", "Nowhere"]).items] == ["gulfwire-1"]
    assert corpus.search("", sites=[]).items == []
    with pytest.raises(QueryError, match="unknown sort"):
        corpus.search("Hamas", sort="sideways")


def test_hint_when_words_find_nothing(corpus: Store) -> None:
    hint = corpus.search_facets("Khamenei or Haniyeh", kind="statements")["hint"]
    assert hint and "khamenei or haniyeh" in hint and "OR in capitals" in hint
    assert "actor" in hint and "articles" in hint  # the names are speakers; the articles have them
    assert corpus.search_facets("xylophone", kind="events")["hint"].startswith("Searched the sentences")
    hint = corpus.search_facets("", kind="statements", actor="Ahmadiyan")["hint"]  # he is met, never quoted
    everyone = corpus.search_facets("", kind="statements")["total"]
    assert hint == f"No statements match all the filters; without the actor filter: {everyone}."
    assert corpus.search_facets("", kind="statements")["hint"] is None


def test_dates_carry_their_precision(corpus: Store) -> None:
    hits = corpus.search("", kind="events", actor="Ahmadiyan").items
    assert hits and all(h.date == "2023-06-19" and h.date_precision == "day" for h in hits)
    assert "June 19" in {h.date_text for h in hits if h.evidence.article_id == "seed-iswnews"}


def test_download_has_every_result_in_the_search_order(corpus: Store) -> None:
    for kind in ("articles", "statements", "events"):
        results = every(corpus, "", kind=kind, sort="oldest")
        rows = list(csv.DictReader(io.StringIO("".join(corpus.download("", kind=kind, format="csv", sort="oldest")))))
        assert len(rows) == len(results)
        header = ARTICLE_HEADER if kind == "articles" else FACT_HEADER
        assert list(rows[0]) == header
        as_json = json.loads("".join(corpus.download("", kind=kind, format="json", sort="oldest")))
        assert [r["article_id"] for r in as_json] == [r["article_id"] for r in rows]
        if kind != "articles":
            assert [r["text"] for r in as_json] == [h.text for h in results]
    assert json.loads("".join(corpus.download("xylophone", format="json"))) == []


def test_one_fact_schema_with_filters(corpus: Store, seed_analysis: Analysis, second_analysis: Analysis) -> None:
    rows = list(csv.DictReader(io.StringIO("".join(corpus.export("csv")))))
    counts = corpus.counts()
    kinds = [r["kind"] for r in rows]
    assert kinds.count("statement") == counts["statements"]
    assert kinds.count("framing") == len(seed_analysis.framing) + len(second_analysis.framing)
    bodies = {a.article.id: a.article.body for a in (seed_analysis, second_analysis)}
    for r in rows:
        assert list(r) == FACT_HEADER
        assert bodies[r["article_id"]][int(r["start"]):int(r["end"])] == r["text"]
    event = next(r for r in rows if r["kind"] == "event" and r["date_text"] == "June 19")
    assert event["roles"] == "source; target" and event["date_precision"] == "day" and event["trigger"] == "met"
    assert event["fact_id"] == "e-1" and event["actors"].count(";") == 1 and event["event_id"]
    only = list(csv.DictReader(io.StringIO("".join(corpus.export("csv", source="Gulf Wire", facts=["statement"])))))
    assert only and {r["site"] for r in only} == {"Gulf Wire"} and {r["kind"] for r in only} == {"statement"}
    one = list(csv.DictReader(io.StringIO("".join(corpus.export(
        "csv", article="seed-iswnews", facts=["statement", "event", "framing", "mention", "date"])))))
    assert {r["kind"] for r in one} == {"statement", "event", "framing", "mention", "date"}
    assert len([r for r in one if r["kind"] == "mention"]) == sum(len(a.mentions) for a in seed_analysis.actors)
    approx = [r for r in one if r["kind"] == "date"]
    assert [r["date_text"] for r in approx] == [d.text for d in seed_analysis.dates]
    assert len(list(corpus.export("jsonl", query="Jenin -jihad"))) == 1
    events = list(csv.reader(io.StringIO("".join(corpus.export("events", actor="Ahmadiyan")))))
    assert len(events) == 2  # header + the one meeting
    with pytest.raises(QueryError, match="unknown fact kind"):
        corpus.export("csv", facts=["opinion"])
