"""Acceptance: the seed article's expected record (issue "Analyse an article"), through the CLI.

Asserts what a reader of the seed can check by eye: who the actors are, what
each said, which meetings happened when, and which wording is loaded; and that
every fact cites exactly the text it came from.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def record(seed_path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "newsgraph", "analyze", str(seed_path), "--format", "json"],
        capture_output=True, text=True, timeout=600, check=True,
    )
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, out.stdout
    return json.loads(lines[0])


def _actor(record: dict, needle: str) -> dict:
    found = [a for a in record["actors"] if needle.casefold() in a["name"].casefold()]
    assert len(found) == 1, f"expected one actor named like {needle!r}, got {[a['name'] for a in found]}"
    return found[0]


def _mention_texts(actor: dict) -> set[str]:
    return {m["text"].casefold() for m in actor["mentions"]}


def test_keys_are_the_documented_shape(record):
    assert {"article", "actors", "statements", "events", "framing"} <= record.keys()
    assert record["analysed"] is True


def test_every_fact_cites_its_exact_text(record):
    body = record["article"]["body"]
    for actor in record["actors"]:
        for m in actor["mentions"]:
            assert body[m["start"]:m["end"]] == m["text"]
    for s in record["statements"]:
        assert body[s["start"]:s["end"]] == s["content"]
        if s.get("speaker_start") is not None:
            assert body[s["speaker_start"]:s["speaker_end"]] == s["speaker_text"]
    for e in record["events"]:
        assert body[e["start"]:e["end"]] == e["text"]
        for ev in e.get("evidence", []):
            assert body[ev["start"]:ev["end"]] == ev["text"]
    for f in record["framing"]:
        assert body[f["start"]:f["end"]] == f["text"]


def test_khamenei_is_one_actor_with_all_his_forms(record):
    khamenei = _actor(record, "Khamenei")
    forms = _mention_texts(khamenei)
    expected = [
        "Ayatollah Seyyed Ali Khamenei",
        "the Supreme Leader of the Islamic Revolution",
        "The Iranian Leader",
        "Imam Khamenei",
        "The Leader of the Islamic Revolution",
    ]
    for form in expected:
        assert any(form.casefold() in text for text in forms), (form, forms)
    iran = _actor(record, "Iran")
    assert iran["id"] in khamenei["affiliations"]


def test_haniyeh_is_one_actor_with_his_descriptions(record):
    haniyeh = _actor(record, "Haniyeh")
    forms = _mention_texts(haniyeh)
    assert any("political leader of hamas" in f for f in forms), forms
    assert any("palestinian official" in f for f in forms), forms
    hamas = _actor(record, "Hamas")
    assert hamas["id"] in haniyeh["affiliations"]


def test_ahmadian_with_his_two_titles(record):
    ahmadian = _actor(record, "Ahmadi")
    titles = " | ".join(ahmadian["titles"]).casefold()
    assert "representative of the supreme leader" in titles
    assert "secretary of the supreme national security council" in titles


@pytest.mark.parametrize("place", ["Jenin", "Gaza Strip", "West Bank", "Quds"])
def test_places(record, place):
    _actor(record, place)


def test_iran_includes_the_islamic_republic(record):
    iran = _actor(record, "Iran")
    assert any("islamic republic of iran" in t for t in _mention_texts(iran))


def test_statements_by_khamenei_and_haniyeh(record):
    khamenei, haniyeh = _actor(record, "Khamenei"), _actor(record, "Haniyeh")
    by_k = [s for s in record["statements"] if s["speaker"] == khamenei["id"]]
    by_h = [s for s in record["statements"] if s["speaker"] == haniyeh["id"]]
    assert len(by_k) >= 8, [s["content"][:60] for s in by_k]
    assert len(by_h) >= 3, [s["content"][:60] for s in by_h]
    assert any("Palestine belongs to all Muslims" in s["content"] for s in by_k)
    retreat = [s for s in by_h if "will not retreat" in s["content"]]
    assert retreat and retreat[0]["addressee"] == khamenei["id"]
    assert any("unprecedented" in s["content"] for s in by_h)


def _event(record, etype, *actors):
    ids = {_actor(record, a)["id"] for a in actors}
    found = [e for e in record["events"] if e["type"] == etype and ids <= {r["actor"] for r in e["actors"]}]
    assert len(found) == 1, (etype, actors, record["events"])
    return found[0]


def test_meeting_khamenei_haniyeh_on_june_21_with_no_invented_place(record):
    meeting = _event(record, "CONSULT", "Khamenei", "Haniyeh")
    assert meeting["date"] == "2023-06-21"
    assert meeting["place"] is None


def test_meeting_haniyeh_ahmadian_on_june_19(record):
    assert _event(record, "CONSULT", "Haniyeh", "Ahmadi")["date"] == "2023-06-19"


def test_fighting_in_jenin_is_approximately_dated(record):
    jenin = _actor(record, "Jenin")["id"]
    fights = [e for e in record["events"] if e["type"] in ("FIGHT", "ASSAULT") and e["place"] == jenin]
    assert fights, record["events"]
    assert fights[0]["date_precision"] == "approximate"
    assert fights[0]["date"] and fights[0]["date"] < "2023-06-22"


@pytest.mark.parametrize("phrase", ["Zionist troops", "the enemy", "occupiers"])
def test_framing_flags(record, phrase):
    assert any(phrase.casefold() in f["text"].casefold() for f in record["framing"]), record["framing"]
