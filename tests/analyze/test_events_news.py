"""News conventions of newsgraph_events: what whole-article coders read as an event, its roles and its date
(issue 12). Sentences are written in the style of wire copy, not taken from the dev stories."""

from __future__ import annotations

import pytest

PUBLISHED = "2023-06-22T20:22"  # a Thursday


def _analyse(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.ng_published = PUBLISHED
    return nlp(doc)


def _events(doc, etype: str) -> list:
    return [e for e in doc._.ng_events if e.type == etype]


def _names(doc, ev, role: str) -> list[str]:
    names = {a.id: a.name for a in doc._.ng_actors}
    return [names.get(r.actor, r.actor) for r in ev.actors if r.role == role]


def test_a_signed_agreement_is_an_agreement(nlp):
    doc = _analyse(nlp, "Egypt and Greece signed an agreement on maritime borders in August 2020.")
    assert [e.type for e in doc._.ng_events] == ["AGREE"], [(e.type, e.trigger) for e in doc._.ng_events]
    assert doc._.ng_events[0].date == "2020-08"


def test_no_longer_negates_the_deed(nlp):
    """ "will no longer recognize X" withdraws recognition: never SUPPORT (CAMEO codes the refusal)."""
    doc = _analyse(nlp, "The regional leaders said they will no longer recognize Mohamed as president.")
    assert not _events(doc, "SUPPORT")


@pytest.mark.parametrize(
    ("text", "etype", "date"),
    [
        # a participial adjunct tells the same occasion as its verb
        ("Dodik rejected the arrest warrant, telling reporters in Banja Luka on Wednesday that it was illegal.",
         "REJECT", "2023-06-21"),
        # a "when" clause is dated by the date it opens on
        ("In August 2022, when President Mohamud called for a total war against al-Shabab, the town was quiet.",
         "DEMAND", "2022-08"),
    ],
)
def test_a_date_the_grammar_gives_the_event(nlp, text, etype, date):
    doc = _analyse(nlp, text)
    events = _events(doc, etype)
    assert events, [(e.type, e.trigger) for e in doc._.ng_events]
    assert events[0].date == date


def test_a_clause_that_says_when_it_stands_keeps_its_own_date(nlp):
    """ "met X on Monday after Russia attacked Kyiv": the attack came before, on a day the text does not give."""
    doc = _analyse(nlp, "Macron met Scholz on Monday after Russian forces attacked Kyiv.")
    violent = [e for e in doc._.ng_events if e.type in ("FIGHT", "ASSAULT")]
    assert violent, [(e.type, e.trigger) for e in doc._.ng_events]
    assert all(e.date is None for e in violent)
    assert [e.date for e in _events(doc, "CONSULT")] == ["2023-06-19"]


def test_a_claimed_attack_is_an_assault_by_the_claimant(nlp):
    """ "claimed responsibility for the attack": a deed of force (never a verbal attack), an assault
    whoever's name holds "Army"; the claimant is its source."""
    doc = _analyse(nlp, "The Arakan Army quickly claimed responsibility for the attack.")
    assert [e.type for e in doc._.ng_events] == ["ASSAULT"], [(e.type, e.trigger) for e in doc._.ng_events]
    assert _names(doc, doc._.ng_events[0], "source") == ["Arakan Army"]


def test_the_told_results_of_an_attack_are_the_same_attack(nlp):
    doc = _analyse(nlp, "On Monday, a suicide bomber attacked a police convoy in Quetta, killing five officers and injuring four others.")
    violent = [e for e in doc._.ng_events if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 1, [(e.type, e.trigger) for e in violent]
    assert violent[0].date == "2023-06-19"


@pytest.mark.parametrize(
    "text",
    [
        # a denial is no refusal, also when the relative clause holds the verb and the charge is its noun
        "Pakistan accused India of backing the rebels, a charge New Delhi quickly rejected.",
        "The reporter is on trial on espionage charges which Washington has dismissed as baseless.",
    ],
)
def test_a_rejected_charge_is_no_refusal(nlp, text):
    doc = _analyse(nlp, text)
    denials = [e for e in doc._.ng_events if e.trigger.split()[0] in ("rejected", "dismissed")]
    assert not denials, [(e.type, e.trigger) for e in denials]


def test_what_someone_is_accused_of_is_not_told_as_done(nlp):
    doc = _analyse(nlp, "Afghan officials accused the Taliban of plotting the attack on the school.")
    assert [e.type for e in doc._.ng_events] == ["DISAPPROVE"], [(e.type, e.trigger) for e in doc._.ng_events]


def test_who_speaks_after_an_attack_did_not_do_it(nlp):
    doc = _analyse(nlp, "Governor Ahmed Khan told reporters soon after the attack that the roads were closed.")
    assert all("Ahmed Khan" not in _names(doc, e, "source") for e in doc._.ng_events)


def test_who_acts_after_a_meeting_with_someone_took_part_in_it(nlp):
    doc = _analyse(nlp, "Governor Ahmed Khan, after a meeting on Monday with Amnesty International, told officials to act.")
    consult = _events(doc, "CONSULT")
    assert consult and "Ahmed Khan" in _names(doc, consult[0], "source")


@pytest.mark.parametrize(
    "text",
    [
        # a stance toward every such deed is no deed done to one
        "The rebel group denied involvement, saying it condemns any violence against civilians.",
        # a noun after "as" describes a thing; it names no occurrence
        "His lawyer said the arrest served as a warning to other journalists.",
    ],
)
def test_no_particular_occurrence_is_no_event(nlp, text):
    doc = _analyse(nlp, text)
    kinds = [e for e in doc._.ng_events if e.type in ("DISAPPROVE", "THREATEN")]
    assert not kinds, [(e.type, e.trigger) for e in kinds]


def test_a_particular_deed_condemned_is_an_event(nlp):
    doc = _analyse(nlp, "The French government condemned the violence in Nouméa.")
    assert _events(doc, "DISAPPROVE")


def test_a_place_is_where_not_whom(nlp):
    """ "were meeting at the Serena Hotel": the hotel is the meeting's place, never a side of it."""
    doc = _analyse(nlp, "Tribal elders and government officials were meeting at the Serena Hotel in Kabul on Tuesday.")
    consult = _events(doc, "CONSULT")
    assert consult, [(e.type, e.trigger) for e in doc._.ng_events]
    assert "Serena Hotel" not in _names(doc, consult[0], "target") + _names(doc, consult[0], "source")


def test_the_one_who_uses_its_veto_casts_it(nlp):
    doc = _analyse(nlp, "Russia used its Security Council veto to block the resolution in April.")
    reject = _events(doc, "REJECT")
    assert reject and _names(doc, reject[0], "source") == ["Russia"]


def test_the_victims_of_an_attack_are_never_its_source(nlp):
    doc = _analyse(nlp, "Two aid workers from Oxfam were among those killed in the initial attack.")
    for ev in doc._.ng_events:
        assert not any("aid workers" in n or "Oxfam" in n for n in _names(doc, ev, "source")), (ev.type, ev.trigger)


def test_the_toll_told_next_is_the_same_attack(nlp):
    doc = _analyse(nlp, "Israeli commandos stormed the aid ship in 2010. Nine activists aboard were killed.")
    violent = [e for e in doc._.ng_events if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 1, [(e.type, e.trigger, e.text) for e in violent]
    assert len(violent[0].evidence) == 1


def test_a_later_attack_with_its_own_doer_stays_its_own(nlp):
    doc = _analyse(nlp, "Israeli commandos stormed the aid ship in 2010. Hamas fighters attacked an army post in Gaza.")
    assert len([e for e in doc._.ng_events if e.type in ("ASSAULT", "FIGHT")]) == 2


def test_a_nation_adjective_names_the_doer_not_the_clause_subject(nlp):
    """ "angry with Ankara over a Turkish offensive": Turkey's offensive, not the angry senators'."""
    doc = _analyse(nlp, "Turkey says it will not back down. US senators are angry over a Turkish offensive against "
                        "the Kurdish militia in Syria.")
    fight = [e for e in doc._.ng_events if e.trigger == "offensive"]
    assert fight, [(e.type, e.trigger) for e in doc._.ng_events]
    assert _names(doc, fight[0], "source") == ["Turkey"]


def test_a_date_on_another_noun_dates_that_noun(nlp):
    """ "welcomed Tuesday's announcement": Tuesday is when it was announced, not when it was welcomed;
    on the trigger itself ("Israel's 2014 offensive") the date is the event's."""
    doc = _analyse(nlp, "US lawmakers welcomed Tuesday's announcement that Ukraine had agreed to a ceasefire.")
    assert [e.date for e in _events(doc, "SUPPORT")] == [None]
    doc = _analyse(nlp, "Israel's 2014 offensive in Gaza killed 2,000 people.")
    assert [e.date for e in doc._.ng_events if e.trigger == "offensive"] == ["2014"]


def test_a_place_that_describes_a_thing_is_not_the_events(nlp):
    doc = _analyse(nlp, "Artillery shells made in North Korea were among the weapons Russia has used against Ukraine.")
    assert all(e.place is None for e in doc._.ng_events), [(e.type, e.place) for e in doc._.ng_events]
    doc = _analyse(nlp, "Police arrested five men on Monday in Lahore.")
    assert [e.place is not None for e in doc._.ng_events] == [True]


def test_a_past_clause_with_its_own_subject_keeps_its_own_factuality(nlp):
    """ "will continue ..., as Tehran rejected the offer": the rejection is told as done; an "if" clause is not."""
    doc = _analyse(nlp, "The United States said it will continue to exert pressure on Iran, as Tehran rejected its offer of talks.")
    assert _events(doc, "REJECT"), [(e.type, e.trigger) for e in doc._.ng_events]
    doc = _analyse(nlp, "Iran will retaliate if Israel attacked its nuclear facilities.")
    assert not [e for e in doc._.ng_events if e.type in ("FIGHT", "ASSAULT")]
