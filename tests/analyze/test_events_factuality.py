"""Events an analyst can trust (issue 12): only deeds the text tells as done, roles from the
grammar, a confidence on each event and one threshold. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.analyze.events import find_candidates
from newsgraph.analyze.events_confidence import CONFIDENCE_THRESHOLD

PUBLISHED = "2023-06-22T20:22"  # a Thursday


def _analyse(nlp, text: str, published: str | None = PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    return nlp(doc)


def _types(doc) -> list[str]:
    return [e.type for e in doc._.ng_events]


def _roles(doc, ev) -> dict[str, str]:
    names = {a.id: a.name for a in doc._.ng_actors}
    return {names[r.actor]: r.role for r in ev.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Chile did not sanction Peru over the border dispute.",  # negated
        "Analysts say Chile could impose sanctions on Peru next month.",  # only possible
        "Chile hopes to meet Peru's foreign minister in Lima.",  # a wish
        "If Peru closes the border, Chile would recall its ambassador.",  # a condition
        "Will Chile meet Peru's president?",  # a question
        "No country has recognized the new government in Lima.",  # nobody did it
        "The minister urged Peru to withdraw its troops from the border.",  # the urging, not a withdrawal
    ],
)
def test_deeds_not_done_are_not_output(nlp, text):
    doc = _analyse(nlp, text)
    deeds = {"SANCTION", "CONSULT", "SUPPORT", "RETREAT", "AGREE"}
    assert not deeds & set(_types(doc)), [(e.type, e.trigger, e.confidence) for e in doc._.ng_events]


def test_the_demand_is_kept_when_the_deed_demanded_is_not(nlp):
    doc = _analyse(nlp, "The minister urged Peru to withdraw its troops from the border.")
    assert "DEMAND" in _types(doc)
    assert "RETREAT" not in _types(doc)


def test_every_event_carries_its_confidence_and_passes_the_threshold(nlp):
    doc = _analyse(nlp, "Chilean police arrested three opposition leaders in Santiago on Tuesday.")
    assert doc._.ng_events
    for ev in doc._.ng_events:
        assert ev.confidence is not None and CONFIDENCE_THRESHOLD <= ev.confidence <= 1.0


def test_candidates_below_the_threshold_are_kept_out_but_can_be_asked_for(nlp):
    doc = _analyse(nlp, "Analysts say Chile could impose sanctions on Peru next month.")
    low = [e for e in find_candidates(doc) if e.type == "SANCTION"]
    assert low and all(e.confidence < CONFIDENCE_THRESHOLD for e in low)
    assert low[0].factors["fact"] == "irrealis"
    pipe = nlp.get_pipe("newsgraph_events")
    kept, pipe.threshold = pipe.threshold, 0.0
    try:
        assert "SANCTION" in _types(_analyse(nlp, "Analysts say Chile could impose sanctions on Peru next month."))
    finally:
        pipe.threshold = kept


def test_a_bare_noun_names_no_occurrence(nlp):
    doc = _analyse(nlp, "Sanctions remain a favourite tool of Western diplomacy.")
    assert "SANCTION" not in _types(doc)


def test_a_denial_is_no_event(nlp):
    doc = _analyse(nlp, "The rebel group denied involvement in the bombing of the market.")
    assert "REJECT" not in _types(doc)
    assert "ASSAULT" not in _types(doc) or all(e.trigger != "denied" for e in doc._.ng_events)


def test_a_warning_about_others_is_criticism_and_about_oneself_a_threat(nlp):
    about_others = _analyse(nlp, "Germany warned that Hungary's new law would divide the European Union.")
    assert "DISAPPROVE" in _types(about_others) and "THREATEN" not in _types(about_others)
    own = _analyse(nlp, "Germany warned Hungary that it would respond with sanctions.")
    assert "THREATEN" in _types(own)


def test_the_victims_of_a_passive_are_never_its_source(nlp):
    doc = _analyse(nlp, "Seven Kenyan soldiers were killed near Mandera on Monday.")
    for ev in doc._.ng_events:
        assert "source" not in _roles(doc, ev).values(), _roles(doc, ev)


def test_the_possessor_of_an_arrest_is_the_one_arrested(nlp):
    doc = _analyse(nlp, "Maria Ressa's arrest by Philippine police drew protests in Manila on Monday.")
    arrests = [e for e in doc._.ng_events if e.type == "COERCE"]
    assert arrests
    roles = _roles(doc, arrests[0])
    assert roles.get("Maria Ressa") == "target"


def test_an_attempted_attack_is_an_attack(nlp):
    doc = _analyse(nlp, "Militants tried to assassinate the governor of Kandahar on Sunday, police said.")
    assert {"ASSAULT", "FIGHT"} & set(_types(doc))


def test_both_sides_of_a_fight_stay_on_their_sides_when_retold(nlp):
    doc = _analyse(
        nlp,
        "Kurdish fighters besieged Turkish troops in Afrin. The Turkish troops had to call in helicopters "
        "to break the siege of the Kurdish fighters in Afrin, but this happened a few days ago.",
    )
    for ev in (e for e in doc._.ng_events if e.type == "FIGHT"):
        roles = _roles(doc, ev)
        sides = {name: role for name, role in roles.items() if "Kurdish" in name or "Turkish" in name}
        kurds = {r for n, r in sides.items() if "Kurdish" in n}
        turks = {r for n, r in sides.items() if "Turkish" in n}
        assert not kurds & turks, roles  # never on the same side, never both targets


def test_a_date_from_this_happened(nlp):
    doc = _analyse(nlp, "Who would have thought the rebels would storm the palace in Sanaa, but this happened a few days ago.")
    storms = [e for e in doc._.ng_events if e.type in ("ASSAULT", "FIGHT")]
    assert storms and storms[0].date_precision == "approximate"


def test_a_date_of_another_clause_is_not_the_event_s(nlp):
    doc = _analyse(nlp, "The 2014 abduction of schoolgirls in Chibok led many leaders to call for their release.")
    for ev in doc._.ng_events:
        if ev.type == "DEMAND":
            assert ev.date is None


def test_the_one_who_reports_a_deed_is_not_its_doer(nlp):
    doc = _analyse(nlp, "Her lawyer, Carlos Mendes, told reporters that Ana Lopes has been released on bail.")
    for ev in doc._.ng_events:
        assert _roles(doc, ev).get("Carlos Mendes") != "source", _roles(doc, ev)


def test_what_a_deed_drew_is_not_done_by_it(nlp):
    doc = _analyse(nlp, "Ana Lopes's detention drew condemnation from rights groups on Monday.")
    for ev in doc._.ng_events:
        if ev.type == "DISAPPROVE":
            assert _roles(doc, ev).get("Ana Lopes") != "source", _roles(doc, ev)


def test_one_person_attacking_another_in_words_is_criticism(nlp):
    doc = _analyse(nlp, "Senator Mark Cole attacked Governor Lisa Hart over her budget on Tuesday.")
    assert "ASSAULT" not in _types(doc) and "FIGHT" not in _types(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ana Ruiz beat Governor Tom Bell in the primary by 4,000 votes.",  # an election
        "The network cancelled the show after its ratings fell.",  # entertainment
        "Firefighters battled the blaze near Perth for three days.",  # weather and fire
        "Supporters gathered at a campaign rally for Senator Ana Ruiz in Ohio.",  # a campaign stop
    ],
)
def test_senses_outside_politics_are_no_events(nlp, text):
    doc = _analyse(nlp, text)
    assert not {"ASSAULT", "FIGHT", "SANCTION", "PROTEST"} & set(_types(doc)), [(e.type, e.trigger) for e in doc._.ng_events]


def test_fighting_between_armed_groups_is_still_an_event(nlp):
    doc = _analyse(nlp, "Rebels battled government forces near Aleppo on Sunday, killing 12 soldiers.")
    assert {"FIGHT", "ASSAULT"} & set(_types(doc))


def test_a_stated_intent_records_its_mode(nlp):
    doc = _analyse(nlp, "Norway said it would send aid to Sudan.")
    agree = [e for e in doc._.ng_events if e.type == "AGREE"]
    assert agree and agree[0].mode == "intended"


def test_a_deed_of_force_in_the_present_is_a_charge(nlp):
    text = ('"Israel, the cruel terrorist state, attacks the Muslims in Jerusalem, whose only concern is to protect '
            'their homes and their sacred values, in a savage manner devoid of ethics," Erdogan said.')  # news-gold 6205674
    doc = _analyse(nlp, text)
    assert not {"ASSAULT", "FIGHT"} & set(_types(doc))
    cands = [c for c in find_candidates(doc) if c.type in ("ASSAULT", "FIGHT")]
    assert cands and all(c.factors["fact"] == "weak" for c in cands)


def test_a_deed_of_force_told_in_the_past_stays_asserted(nlp):
    text = "Russian aircraft including helicopter gunships killed 46 Afghan civilians in an attack on a village."  # PLOVER
    assert "FIGHT" in _types(_analyse(nlp, text))


def test_what_someone_began_is_done(nlp):
    text = ("Up to 1,000 ethnic Turks began a hunger strike on Monday to protest against Sweden's decision to send "
            "them back to Bulgaria, where they say they face imprisonment, homelessness and persecution.")  # PLOVER
    assert "PROTEST" in _types(_analyse(nlp, text))  # "began" is no form of "beg"


@pytest.mark.parametrize(
    "text, etype",
    [  # a deed judged is a deed done (news-gold 8008456, 6205629)
        ("\u201cI'm very encouraged the parties have reached an agreement.\u201d", "AGREE"),
        ("\u201cWe consider the withdrawal of forces by America and other foreign countries a good step and strongly "
         "urge that all parts of the Doha agreement be implemented,\u201d said Mawlawi Hibatullah Akhundzada.", "RETREAT"),
    ],
)
def test_a_judged_deed_is_not_under_a_wish(nlp, text, etype):
    cands = [c for c in find_candidates(_analyse(nlp, text)) if c.type == etype]
    assert cands and all(not c.factors["reason"] or not c.factors["reason"].startswith("under") for c in cands)
