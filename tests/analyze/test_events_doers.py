"""Who does a deed told in a clause below a passive: no subject above the passive (``syntax.doer_subjects``)."""

from __future__ import annotations


def test_who_calls_for_a_prosecutor_to_investigate_does_not_investigate(coded_events):
    # PolNeAR train, Breitbart 2016-08-24
    events = coded_events(
        "\u201cThe evidence is clear \u2014 it\u2019s time a special prosecutor be appointed to investigate the growing "
        "proof of pay-to-play at Hillary Clinton\u2019s State Department,\u201d Republican National Committee chairman "
        "Rence Priebus said.")
    assert not [e for e in events if e[0] == "INVESTIGATE" and any("Priebus" in s for s in e[1])]


def test_the_speaker_of_a_quote_about_others_does_not_ambush_them(coded_events):
    # PolNeAR train, NYT 2015-11-10
    events = coded_events(
        "''They have a fraught relationship, and it's fueled by a belief on the part of both of them that the other "
        "is trying to screw them,  trip them up, thwart their policies, corner them, ambush them,'' said Martin "
        "Indyk, the president's former special envoy to the Middle East.")
    assert not [e for e in events if any("Indyk" in s for s in e[1])]
