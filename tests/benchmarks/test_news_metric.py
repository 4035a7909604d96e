"""The news-gold metric of benchmarks/news.py on small hand-made records (no model is loaded)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # news.py imports news_metric by name
    spec.loader.exec_module(module)
    return module


nm = _load("news_metric")
news = _load("news")

TEXT = ("The mayor of Eastport met the governor on Tuesday in Rivertown. "
        "\"We will build the bridge,\" the mayor said. "
        "Police said two men were arrested after the fire. "
        "This is the ISIS story, and IS fighters were seen.")


def at(needle: str, text: str = TEXT) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def actor(aid: str, name: str, *mentions: str) -> dict:
    """A predicted actor dict whose mentions are found in TEXT."""
    return {"id": aid, "name": name, "type": "PERSON",
            "mentions": [dict(text=m, start=at(m)[0], end=at(m)[1]) for m in mentions]}


GOLD = {
    "actors": [
        {"id": "g1", "name": "Mayor", "type": "PERSON", "mentions": ["The mayor of Eastport", "the mayor"]},
        {"id": "g2", "name": "Governor", "type": "PERSON", "mentions": ["the governor"]},
        {"id": "g3", "name": "Police", "type": "ORG", "mentions": ["Police"]},
        {"id": "g4", "name": "IS", "type": "ORG", "mentions": ["IS"]},
    ],
    "statements": [
        {"speaker": "g1", "content": "We will build the bridge,"},
        {"speaker": "g3", "content": "two men were arrested after the fire"},
    ],
    "events": [
        {"type": "CONSULT", "source": ["g1"], "target": ["g2"], "date": "2025-03-11", "date_precision": "day",
         "place": "Rivertown", "evidence": ["met the governor on Tuesday"], "core": True},
        {"type": "COERCE", "source": ["g3"], "target": [], "date": None, "date_precision": None,
         "place": None, "evidence": ["two men were arrested"], "core": False},
    ],
}


# ------------------------------------------------------------------ locating


def test_mentions_are_found_as_whole_words_case_sensitive():
    spans = nm.find_all(TEXT, "IS")
    assert [TEXT[a:b] for a, b in spans] == ["IS"]
    assert spans[0][0] == TEXT.index("IS fighters")
    assert nm.find_all(TEXT, "the mayor") == [at("the mayor said")[:1] + (at("the mayor said")[0] + 9,)]
    assert nm.find_all(TEXT, "absent words") == []


# ---------------------------------------------------------------- statements


def stmt(needle: str, *speaker_mentions: str) -> dict:
    a, b = at(needle)
    spans = [at(m) for m in speaker_mentions] if speaker_mentions else None
    return {"start": a, "end": b, "speaker_spans": spans, "speaker_name": speaker_mentions[0] if speaker_mentions else None}


def test_statement_found_over_30_percent_coverage_and_not_at_or_below():
    gold = {"actors": GOLD["actors"], "statements": [GOLD["statements"][1]]}
    content = "two men were arrested after the fire"  # 36 chars: 11 chars is 30.6%, 10 is 27.8%
    start = TEXT.index(content)
    over = nm.score_statements(TEXT, gold, [{"start": start, "end": start + 11, "speaker_spans": [at("Police")]}])
    under = nm.score_statements(TEXT, gold, [{"start": start, "end": start + 10, "speaker_spans": [at("Police")]}])
    assert (over.found, over.speaker_right, len(over.false)) == (1, 1, 0)
    assert (under.found, len(under.false), len(under.missed)) == (0, 1, 1)


def test_a_second_prediction_of_one_gold_statement_is_false():
    preds = [stmt("We will build the bridge", "the mayor said"), stmt("build the bridge", "the mayor said")]
    score = nm.score_statements(TEXT, GOLD, preds)
    assert (score.gold, score.pred, score.found) == (2, 2, 1)
    assert [f["content"] for f in score.false] == ["build the bridge"]  # the larger cover wins
    figs = nm.statement_figures([score])
    assert figs["P"] == 0.5 and figs["R"] == 0.5 and figs["F1"] == 0.5


def test_speaker_right_by_mention_overlap_wrong_otherwise():
    right = nm.score_statements(TEXT, GOLD, [stmt("We will build the bridge", "The mayor of Eastport")])
    wrong = nm.score_statements(TEXT, GOLD, [stmt("We will build the bridge", "the governor")])
    unnamed = nm.score_statements(TEXT, GOLD, [stmt("We will build the bridge")])
    assert right.speaker_right == 1
    assert wrong.found == 1 and wrong.speaker_right == 0 and wrong.wrong_speaker[0]["gold_speaker"] == "Mayor"
    assert unnamed.found == 1 and unnamed.speaker_right == 0  # gold names the speaker, the prediction does not


def test_both_unnamed_speakers_count_as_right():
    gold = {"actors": [], "statements": [{"speaker": None, "content": "two men were arrested after the fire"}]}
    assert nm.score_statements(TEXT, gold, [stmt("two men were arrested")]).speaker_right == 1
    assert nm.score_statements(TEXT, gold, [stmt("two men were arrested", "Police")]).speaker_right == 0


# -------------------------------------------------------------------- events


def event(etype: str, sentence: str, roles=(), date=None, precision=None, place=None, evidence=()) -> dict:
    a, b = at(sentence)
    ev = [dict(text=e, start=at(e)[0], end=at(e)[1]) for e in evidence]
    return {"type": etype, "actors": [{"actor": x, "role": r} for x, r in roles], "date": date,
            "date_precision": precision, "place": place, "text": sentence, "start": a, "end": b, "evidence": ev,
            "trigger": None}


MEETING = "The mayor of Eastport met the governor on Tuesday in Rivertown."
ARREST = "Police said two men were arrested after the fire."
ACTORS = [actor("a1", "mayor", "The mayor of Eastport"), actor("a2", "governor", "the governor"),
          actor("a3", "Police", "Police")]


def analysis(*events) -> dict:
    return {"actors": ACTORS, "events": list(events)}


def test_lenient_match_needs_overlap_and_type_and_is_made_once():
    score = nm.score_events(TEXT, GOLD, analysis(
        event("CONSULT", MEETING, [("a1", "source"), ("a2", "target")], "2025-03-11", "day"),
        event("CONSULT", MEETING),                      # a second prediction of the same meeting: false
        event("ASSAULT", ARREST, [("a3", "source")]),   # right sentence, wrong type: false
    ))
    assert (score.pred, score.lenient, score.strict) == (3, 1, 1)
    assert sorted(f["type"] for f in score.false) == ["ASSAULT", "CONSULT"]
    assert [m["type"] for m in score.missed] == ["COERCE"]
    assert (score.core_lenient, score.core_strict) == (1, 1)


def test_strict_roles_every_predicted_actor_in_its_gold_role():
    swapped = nm.score_events(TEXT, GOLD, analysis(
        event("CONSULT", MEETING, [("a2", "source"), ("a1", "target")], "2025-03-11", "day")))
    extra = nm.score_events(TEXT, GOLD, analysis(
        event("CONSULT", MEETING, [("a1", "source"), ("a2", "target"), ("a3", "target")], "2025-03-11", "day")))
    none = nm.score_events(TEXT, GOLD, analysis(event("CONSULT", MEETING, [], "2025-03-11", "day")))
    no_roles_gold = {"actors": GOLD["actors"], "events": [dict(GOLD["events"][1], source=[])]}
    bare = nm.score_events(TEXT, no_roles_gold, analysis(event("COERCE", ARREST)))
    assert (swapped.lenient, swapped.strict) == (1, 0)
    assert (extra.lenient, extra.strict) == (1, 0)
    assert (none.lenient, none.strict) == (1, 0) and "no role right" in none.not_strict[0]["reasons"]
    assert (bare.lenient, bare.strict) == (1, 1)  # gold names nobody: no role is needed


def test_strict_date_at_gold_precision():
    gold_month = {"actors": GOLD["actors"], "events": [dict(GOLD["events"][0], date="2025-03", date_precision="month")]}
    roles = [("a1", "source"), ("a2", "target")]

    def strict(gold, date, precision="day"):
        return nm.score_events(TEXT, gold, analysis(event("CONSULT", MEETING, roles, date, precision))).strict

    assert strict(GOLD, "2025-03-11") == 1
    assert strict(GOLD, "2025-03-12") == 0
    assert strict(GOLD, "2025-03", "month") == 0   # coarser than the gold
    assert strict(GOLD, None) == 0                 # missing date
    assert strict(gold_month, "2025-03-04") == 1   # finer than the gold, same month
    assert strict(gold_month, "2025-04-01") == 0
    assert nm.date_right(None, None, None)
    assert nm.date_right("2025-03-09", "2025-03-04", "approximate")       # "last week": within 7 days
    assert not nm.date_right("2025-02-20", "2025-03-04", "approximate")
    assert nm.date_right("2025-02", "2025-03", "approximate") and not nm.date_right("2024-12", "2025-03", "approximate")


def test_invented_and_wrong_dates_and_places():
    score = nm.score_events(TEXT, GOLD, analysis(
        event("CONSULT", MEETING, [("a1", "source")], "2025-03-12", "day", place="a9"),   # wrong date
        event("COERCE", ARREST, [("a3", "source")], "2025-03-10", "day", place="a9"),     # gold has neither
    ))
    assert (score.lenient, score.invented_dates, score.invented_places, score.wrong_dates) == (2, 1, 1, 2)
    figs = nm.event_figures([score], non_political=[score])
    assert figs["wrong_dates"] == 1.0 and figs["per_non_political"] == 2.0


def test_evidence_sentences_count_only_when_asked():
    # cited on the fire sentence, with the meeting as its evidence
    ev = event("CONSULT", ARREST, [("a1", "source"), ("a2", "target")], "2025-03-11", "day", evidence=[MEETING])
    assert nm.score_events(TEXT, GOLD, analysis(ev)).lenient == 0
    assert nm.score_events(TEXT, GOLD, analysis(ev), own_only=False).lenient == 1


# -------------------------------------------------------------------- stories


def test_splits_and_story_selection():
    stories = [{"id": str(i)} for i in range(100, 132)]
    a, b = news.select(stories, None, "A"), news.select(stories, None, "B")
    assert len(a) == len(b) == 16 and a[-1]["id"] == "115" and b[0]["id"] == "116"
    assert [s["id"] for s in news.select(stories, "1-3,120", None)] == ["100", "101", "102", "120"]
    with pytest.raises(SystemExit):
        news.select(stories, "first", None)


def test_non_political_topics_from_metadata():
    assert news.is_non_political({"section": "Africa", "keywords": "Science & Health, Africa", "title": "x"})
    assert news.is_non_political({"section": "Asia", "keywords": "", "title": "Crews fight wildfires near the coast"})
    assert not news.is_non_political({"section": "Europe", "keywords": "Ukraine", "title": "Leaders back a ceasefire"})
