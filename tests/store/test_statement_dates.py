"""Statements keep when they were said through the store, and timelines show it (issue 13)."""

from __future__ import annotations

from newsgraph.model import Article
from newsgraph.store import Store


def test_timeline_dates_statements_by_the_meeting_they_were_made_at(store: Store, analyzer, seed_text: str) -> None:
    analysis = analyzer.analyze_article(Article(id="seed", source="seed.txt", body=seed_text,
                                                published="2023-06-22T20:22"))
    assert any(s.date_source == "event" for s in analysis.statements)
    store.save(analysis)
    assert store.get_analysis("seed") == analysis  # date, precision, source and event survive (and events' confidence)
    said = [i for i in store.actor_timeline(store.find_actor("Khamenei").id) if i.kind == "statement"]
    assert said and {(i.date, i.date_precision) for i in said} == {("2023-06-21", "day")}
