"""A doer named by a definite kind phrase refers back (``events_kinds``): with no actor, no event."""

from __future__ import annotations


def _types(events):
    return [e[0] for e in events]


def test_a_new_doer_named_by_kind_keeps_its_event(coded_events):
    # PLOVER gold-standard records
    assert "REJECT" in _types(coded_events(
        "Ivory Coast rebels on Friday again rejected a Senegalese peace plan, and said they also opposed the "
        "deployment of a regional peacekeeping force until their political demands are met."))
    assert "THREATEN" in _types(coded_events(
        "A French minister threatened today to impose import restrictions against German goods today as the "
        "leaders of the two countries sought to ease tensions in Franco-German relations."))


def test_the_two_leaders_are_actors_named_before_not_a_new_kind(coded_events):
    # news-gold dev text (VOA 2025-03-12, Ukraine ceasefire)
    events = coded_events(
        "The United States and Ukraine were supposed to sign a minerals deal, although that was called off after "
        "the two leaders publicly disagreed over U.S. aid to Ukraine.")
    assert not [e for e in events if e[0] == "DISAPPROVE" and not e[1] and not e[2]]


def test_the_administration_named_before_is_no_new_kind(coded_events):
    # PolNeAR train, NYT 2016-01-20 (the administration is Obama's, named sentences before)
    events = coded_events(
        "In addition to releasing the seven, the administration withdrew notices seeking the arrest of 14 "
        "fugitives overseas.")
    assert not [e for e in events if not e[1] and not e[2]]
