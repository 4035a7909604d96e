"""Issue 3's event-coding target, checked on the PLOVER gold records (../shared/data/events-plover).

The figures themselves are printed by benchmarks/events.py; this only keeps
them from sliding under the target unnoticed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("events_benchmark", ROOT / "benchmarks" / "events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def every_candidate(nlp):
    """The pipeline with the events component's confidence threshold at 0 (the recall-minded setting)."""
    pipe = nlp.get_pipe("newsgraph_events")
    kept, pipe.threshold = pipe.threshold, 0.0
    yield nlp
    pipe.threshold = kept


def test_event_type_accuracy_meets_the_target(every_candidate, shared_data, bench, tmp_path):
    # Every PLOVER gold sentence holds an event, so the coder's type choice is measured on all its
    # candidates; the default threshold drops announced plans ("X will visit Y in June"), which this
    # gold codes as the deed and whole-article analysts do not (news-gold GUIDE): see the next test.
    nlp = every_candidate
    records = bench.load_records(shared_data / "events-plover")
    assert len(records) == 322
    counts = bench.score(records, nlp)["counts"]
    # issue 3's target was 0.80 (GDELT's hand-checked figure is 0.812; newsgraph had 0.814); issue 12
    # lets it fall somewhat for precision on whole articles: urging is now a call (DEMAND), where
    # this gold codes the deed urged, and a bare "rally" is no protest
    assert counts["type_ok"] / counts["n"] >= 0.78
    assert counts["src_any"] / counts["src_n"] >= 0.70
    # without the trigger rows written after reading misses on this gold, still far above
    # the majority class (0.124), so the figure does not rest on those rows alone
    early = bench.score_without_late_rows(records, nlp, tmp_path)["counts"]
    assert early["type_ok"] / early["n"] >= 0.70


def test_the_default_threshold_keeps_most_gold_events(nlp, shared_data, bench):
    # at the default confidence threshold (issue 12: precision first) type accuracy falls from
    # 0.80 to 0.76 on this gold: the events dropped are plans, demands made of others, purposes
    counts = bench.score(bench.load_records(shared_data / "events-plover"), nlp)["counts"]
    assert counts["type_ok"] / counts["n"] >= 0.72
