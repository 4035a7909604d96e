"""The PolNeAR metric of benchmarks/statements.py (benchmarks/polnear_metric.py) on a real
PolNeAR annotation file: BRAT reading, one-to-one matching, scores (no model is loaded)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
STEM = "breitbart_2016-09-12_stealth-over-health-hillary-clin"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


pm = _load("polnear_metric")


@pytest.fixture(scope="module")
def article(shared_data: Path) -> tuple[str, list]:
    dev = shared_data / "quotes-polnear" / "dev"
    text = (dev / "text" / f"{STEM}.txt").read_text(encoding="utf-8")
    return text, pm.read_ann(pm.ann_for(dev, STEM))


def test_read_ann_ties_content_cue_and_source_of_each_attribution(article) -> None:
    text, rels = article
    first = rels[0]
    assert [text[a:b] for a, b in first.source] == ["The New York Post"]
    assert [text[a:b] for a, b in first.cue] == ["reports"]
    assert text[first.content[0][0]:first.content[0][1]].startswith("that Hillary Clinton’s team avoided")
    # the second attribution's source comes after its content: "..., The Post has learned"
    assert [text[a:b] for a, b in rels[1].source] == ["The Post"]


def test_gold_scored_against_itself_is_perfect(article) -> None:
    text, rels = article
    for rel in rels:
        rel.speaker = list(rel.source)
    score = pm.Score()
    score.add(text, rels, rels)
    assert all(f1 == pytest.approx(1.0) for _, _, f1 in score.rows().values() if score.n_gold)
    assert score.speaker_accuracy() == pytest.approx(1.0)


def test_a_wrong_speaker_and_a_missed_statement_are_counted(article) -> None:
    text, rels = article
    preds = [pm.Rel(list(r.content), list(r.cue), list(r.source), speaker=list(r.source)) for r in rels[1:]]
    preds[0].speaker = [(0, 5)]  # the speaker actor holds none of the gold source
    score = pm.Score()
    score.add(text, rels, preds)
    p, r, _ = score.rows()["content overlap"]
    assert p == pytest.approx(1.0) and r == pytest.approx((len(rels) - 1) / len(rels))
    with_source = sum(1 for g in rels[1:] if g.source)
    assert score.speaker_accuracy() == pytest.approx((with_source - 1) / with_source)


def test_match_is_one_to_one_largest_overlap_first() -> None:
    gold = [pm.Rel([(0, 10)]), pm.Rel([(20, 30)])]
    pred = [pm.Rel([(5, 25)]), pm.Rel([(0, 9)])]
    assert sorted(pm.match(gold, pred)) == [(0, 1), (1, 0)]


def test_by_cue_joins_the_pieces_of_one_quote() -> None:
    rels = [pm.Rel([(0, 5)], cue=[(6, 10)]), pm.Rel([(12, 20)], cue=[(6, 10)]), pm.Rel([(30, 40)], cue=[(41, 45)])]
    merged = pm.by_cue(rels)
    assert [m.content for m in merged] == [[(0, 5), (12, 20)], [(30, 40)]]


def test_normalised_drops_quote_marks_edge_punctuation_and_that() -> None:
    text = "He said that “we will win.”"
    assert pm.normalised(text, [(8, len(text))]) == "we will win"
