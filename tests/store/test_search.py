"""Search behind one API on SQLite (FTS5) and PostgreSQL (tsvector): results, filters, untrusted input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import QueryError
from newsgraph.model import Analysis
from newsgraph.store import SearchHit, Store


@pytest.fixture
def corpus(store: Store, seed_analysis: Analysis, second_analysis: Analysis) -> Store:
    store.save(seed_analysis)
    store.save(second_analysis)
    return store


def test_articles(corpus: Store) -> None:
    page = corpus.search("Jenin")
    assert {a.id for a in page.items} == {"seed-iswnews", "gulfwire-1"}
    assert all(a.snippet and a.score is not None for a in page.items)
    assert [a.id for a in corpus.search('"religious duty"').items] == ["seed-iswnews"]
    assert [a.id for a in corpus.search("jenin -jihad").items] == ["gulfwire-1"]
    assert {a.id for a in corpus.search("jihad OR Tehran").items} == {"seed-iswnews", "gulfwire-1"}
    assert corpus.search("xylophone").items == []


def test_article_filters(corpus: Store) -> None:
    assert [a.id for a in corpus.search("Hamas", source="Gulf Wire").items] == ["gulfwire-1"]
    assert [a.id for a in corpus.search("Hamas", source="iswnews.com").items] == ["seed-iswnews"]
    assert [a.id for a in corpus.search("Hamas", since="2023-06-22").items] == ["seed-iswnews"]
    assert [a.id for a in corpus.search("Hamas", until="2023-06-21").items] == ["gulfwire-1"]
    assert {a.id for a in corpus.search("", actor="Ahmadian", type="consult").items} == {"seed-iswnews", "gulfwire-1"}
    assert corpus.search("Hamas", type="ASSAULT").items == []
    with pytest.raises(QueryError, match="no actor named"):
        corpus.search("Hamas", actor="Nobody")


def test_statements(corpus: Store) -> None:
    hits = corpus.search("Palestinian land", kind="statements").items
    assert hits and all(isinstance(h, SearchHit) for h in hits)
    assert {h.speaker for h in hits} == {"Ismail Haniyeh"}
    assert {h.evidence.article_id for h in hits} == {"seed-iswnews", "gulfwire-1"}
    direct = corpus.search("", kind="statements", actor="Haniyeh", direct=True).items
    assert [h.evidence.article_id for h in direct] == ["gulfwire-1"] and direct[0].direct
    assert corpus.search("", kind="statements", actor="Khamenei", direct=True).items == []


def test_events(corpus: Store) -> None:
    hits = corpus.search("met", kind="events", type="CONSULT").items
    assert hits and all(h.event_type == "CONSULT" for h in hits)
    dated = corpus.search("", kind="events", since="2023-06-20", until="2023-06-21").items
    assert {h.date for h in dated} == {"2023-06-21"} and len({h.id for h in dated}) == 1
    assert all(h.evidence.text in ("In a meeting with the head of Palestinian Resistance Movement Hamas’ political "
                                   "bureau Ismail Haniyeh", "Iran's Supreme Leader Ayatollah Ali Khamenei met Ismail "
                                   "Haniyeh") for h in dated)


def test_pagination_covers_every_hit_once(corpus: Store) -> None:
    everything = corpus.search("", kind="statements", limit=100).items
    seen, cursor = [], None
    while True:
        page = corpus.search("", kind="statements", limit=1, cursor=cursor)
        seen += [h.id for h in page.items]
        cursor = page.next_cursor
        if not cursor:
            break
    assert sorted(seen) == sorted(h.id for h in everything) and len(seen) == 4


NASTY = [
    '"', '""', "'", "' OR 1=1 --", '"; DROP TABLE articles; --', "Haniyeh AND", "NOT", "OR OR", "NEAR(a b)",
    "col:Haniyeh", "title:x", "*", "Han*", "^Haniyeh", "(((", ")", "a - b", "-", "--", "---x", "\\", "%", "_",
    "\x00", "\u202e", "😀 Haniyeh", "‹script›", "<script>alert(1)</script>", "{}", "[]", "a:b:c", "Haniyeh\"",
    "x" * 2000, "word " * 40,
]


@pytest.mark.parametrize("kind", ["articles", "statements", "events"])
def test_untrusted_queries_answer_or_refuse_clearly(corpus: Store, kind: str) -> None:
    answered = 0
    for query in NASTY:
        for filters in ({}, {"source": query}, {"actor": query} if query.strip() else {}):
            try:
                page = corpus.search(query, kind=kind, **filters)
            except QueryError as err:
                assert "\n" not in str(err) and len(str(err)) < 300
            else:
                assert isinstance(page.items, list)
                answered += 1
    assert answered > len(NASTY)  # most are plain words after all
    assert corpus.counts()["articles"] == 2  # nothing dropped
    assert corpus.search("Haniyeh\"", kind="articles").items  # a stray quote does not hide the word


def test_ten_kilobyte_query_is_refused_clearly(corpus: Store) -> None:
    with pytest.raises(QueryError, match="too long"):
        corpus.search("Haniyeh " * 1300)


def test_bad_filters_are_query_errors(corpus: Store) -> None:
    for kw in ({"since": "yesterday"}, {"until": "2023-13-45"}, {"kind": "people"}, {"limit": 0},
               {"cursor": "not base64!"}, {"limit": 10**6}):
        with pytest.raises(QueryError):
            corpus.search("Hamas", **kw)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300), kind=st.sampled_from(["articles", "statements", "events"]),
       source=st.none() | st.text(max_size=30))
def test_any_text_is_safe(corpus: Store, query: str, kind: str, source: str | None) -> None:
    try:
        page = corpus.search(query, kind=kind, source=source)
    except QueryError:
        return
    assert isinstance(page.items, list)
