"""events_filters: trigger readings that tell no event (labels, charges, background, tallies ...)."""

from __future__ import annotations

import pytest

PUBLISHED = "2023-06-22T20:22"


def _events(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.ng_published = PUBLISHED
    return nlp(doc)._.ng_events


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Supporters of the opposition cheered what they called a historic win for Kenya.", "DEMAND"),
        ("The senator was accused of bribery and abuse of office.", "DISAPPROVE"),
        ("The minister defended the agreement that Turkey negotiated with Russia in Sochi last year.", "CONSULT"),
        ("Iraqi troops, backed by American aircraft, are fighting Islamic State in Mosul.", "SUPPORT"),
        ("NATO officials warned in May of a possible Russian offensive in the north.", "THREATEN"),
        ("In the past 12 months, 900 militants have been killed in Afghanistan, the army said.", "ASSAULT"),
        ("The European Union retaliated by imposing higher duties on American steel.", "ASSAULT"),
        ("Nigeria went on high alert on Friday over the cholera outbreak.", "MOBILIZE"),
    ],
)
def test_no_event_is_told(nlp, text, etype):
    assert etype not in {e.type for e in _events(nlp, text)}


def test_a_relative_clause_of_time_still_tells_its_event(nlp):
    text = "Since June 2021, when President Joe Biden met Vladimir Putin in Geneva, relations have worsened."
    assert "CONSULT" in {e.type for e in _events(nlp, text)}


def test_the_attack_told_again_is_one_event(nlp):
    text = (
        "Gunmen attacked a police station in Peshawar on Tuesday, killing four officers. "
        "The Pakistani Taliban later claimed responsibility for the attack."
    )
    violent = [e for e in _events(nlp, text) if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 1
    assert len(violent[0].evidence) == 1
