"""newsgraph_framing: loaded wording flagged with a technique name, never edited out."""

from __future__ import annotations

import pytest

from newsgraph.analyze.framing import framing_counts, load_lexicon
from newsgraph.errors import AnalysisError

SEMEVAL = {
    "Name_Calling,Labeling", "Loaded_Language", "Appeal_to_fear-prejudice", "Flag-Waving",
    "Exaggeration,Minimisation", "Black-and-White_Fallacy", "Thought-terminating_Cliches", "Slogans",
    "Doubt", "Reductio_ad_hitlerum", "Causal_Oversimplification", "Appeal_to_Authority",
    "Whataboutism,Straw_Men,Red_Herring", "Bandwagon", "Repetition",
}


def _flags(nlp, text: str):
    return nlp(text)._.ng_framing


def test_lexicon_categories_are_semeval_techniques_or_appeal_to_religion():
    rows = load_lexicon()
    assert len(rows) > 50
    assert {category for _, category, _ in rows} <= SEMEVAL | {"Appeal_to_Religion"}


def test_malformed_lexicon_is_a_clear_error(tmp_path):
    bad = tmp_path / "lexicon.csv"
    bad.write_text("pattern,category,note\nthugs\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="lexicon.csv"):
        load_lexicon(bad)


def test_seed_flags_and_offsets(nlp, seed_text):
    flags = _flags(nlp, seed_text)
    texts = [f.text.casefold() for f in flags]
    for phrase in ("zionist troops", "the enemy", "occupiers"):
        assert phrase in texts, texts
    for f in flags:
        assert seed_text[f.start:f.end] == f.text
    assert {f.category for f in flags if f.text.casefold() == "religious duty"} == {"Appeal_to_Religion"}


@pytest.mark.parametrize(
    ("text", "flagged", "category"),
    [
        ("Hamas terrorists fired rockets at the city.", "terrorists", "Name_Calling,Labeling"),
        ("The Kyiv regime ordered new strikes.", "Kyiv regime", "Name_Calling,Labeling"),
        ("Moscow said it was fighting neo-Nazis.", "neo-Nazis", "Reductio_ad_hitlerum"),
        ("Three martyrs were buried in the village.", "martyrs", "Loaded_Language"),
        ("The so-called experts were wrong.", "so-called", "Doubt"),
        ("Protesters chanted death to America outside the embassy.", "death to America", "Slogans"),
        ("The army called it collateral damage.", "collateral damage", "Exaggeration,Minimisation"),
    ],
)
def test_wording_of_every_side_is_flagged(nlp, text, flagged, category):
    flags = _flags(nlp, text)
    assert [(f.text, f.category) for f in flags] == [(flagged, category)]
    assert text[flags[0].start:flags[0].end] == flagged


def test_neutral_reporting_is_not_flagged(nlp):
    assert _flags(nlp, "The foreign minister met the ambassador in Paris on Monday to discuss trade.") == []


def test_longest_match_wins_and_text_is_unchanged(nlp):
    text = "The Zionist regime and the enemy were named; the Zionist regime again."
    doc = nlp(text)
    assert doc.text == text
    assert [f.text for f in doc._.ng_framing] == ["Zionist regime", "the enemy", "Zionist regime"]
    assert framing_counts(doc._.ng_framing) == {"Name_Calling,Labeling": 3}


def test_empty_text(nlp):
    assert _flags(nlp, "") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Officials said the Iranian regime had approved the plan.", ["Iranian regime"]),
        ("The Assad regime lost control of the town.", ["Assad regime"]),
        ("A new visa regime takes effect next month.", []),  # a technical regime, not a label
        ("The current regime of tariffs will stay.", []),
    ],
)
def test_regime_is_flagged_only_as_a_label(nlp, text, flagged):
    assert [f.text for f in _flags(nlp, text)] == flagged
