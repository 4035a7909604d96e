"""A long article's facts are written in batches: the stored analysis is the same whatever the batch size."""

from __future__ import annotations

from newsgraph.model import Analysis
from newsgraph.store import Store, write


def test_facts_written_in_small_batches_read_back_whole(store: Store, seed_analysis: Analysis, monkeypatch) -> None:
    rows = sum(len(a.mentions) for a in seed_analysis.actors) + len(seed_analysis.statements)
    monkeypatch.setattr(write, "FACT_BATCH", 2)  # every fact table in several statements, ids paired in order
    assert rows > 4 and len(seed_analysis.actors) > 2 and len(seed_analysis.events) > 0
    saved = store.save(seed_analysis)
    assert store.get_analysis(saved.article_id) == seed_analysis
