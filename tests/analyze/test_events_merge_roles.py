"""When two tellings are one event (issue 12): not when an actor changes sides between them, and a later
telling naming more parties only when both give the same day.  Sentences from VOA stories (public domain)."""

from __future__ import annotations


def _events(nlp, text: str, published: str):
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    doc = nlp(doc)
    names = {a.id: a.name for a in doc._.ng_actors}
    return [(ev.type, ev.trigger, {(r.role, names[r.actor]) for r in ev.actors}, ev.date) for ev in doc._.ng_events]


def test_a_doer_in_one_telling_and_the_one_done_to_in_the_other_are_two_deeds(nlp):
    events = _events(nlp, (
        "The Taliban denounced the delay and threatened to break their cease-fire with international forces. "
        "U.S. officials have blamed the Taliban for the latest rise in violence."
    ), "2021-05-09T17:00")
    disapprove = [e for e in events if e[0] == "DISAPPROVE"]
    assert len(disapprove) == 2, events
    denounced = next(e for e in disapprove if e[1] == "denounced")
    assert not any(name == "United States" for _, name in denounced[2])


def test_a_later_telling_with_another_party_and_another_time_is_another_event(nlp):
    events = _events(nlp, (
        "Japanese Prime Minister Yoshihide Suga is in Washington. That echoes the agenda for his White House "
        "meeting, which was seen as emphasizing the strength of the U.S.-Japan alliance. Philippine President "
        "Rodrigo Duterte and Suga spoke by phone late last year."
    ), "2021-04-17T10:00")
    consult = [e for e in events if e[0] == "CONSULT"]
    meeting = [e for e in consult if e[1] == "meeting"]
    assert meeting, events
    assert not any("Duterte" in name for _, name in meeting[0][2])
    assert meeting[0][3] is None  # "late last year" is the phone call's time


def test_merge_keeps_apart_a_later_telling_that_adds_a_party_on_another_day(nlp):
    from newsgraph.analyze.events import _Found, merge_events
    from newsgraph.model import DateMention

    doc = nlp("That echoes the agenda for his White House meeting. Duterte and Suga spoke by phone late last year.")
    first, second = list(doc.sents)
    late = DateMention(text="late last year", start=0, end=1, value="2020", precision="year")
    meeting = _Found("CONSULT", None, ["suga"], [], "meeting", first)
    call = _Found("CONSULT", None, ["duterte", "suga"], [], "spoke phone", second, date=late)
    assert len(merge_events([meeting, call])) == 2
    # the same day told twice, the second naming the other side too, is one event
    day = DateMention(text="Friday", start=0, end=1, value="2021-04-16", precision="day")
    meeting = _Found("CONSULT", None, ["suga"], [], "meeting", first, date=day)
    talks = _Found("CONSULT", None, ["suga", "biden"], [], "held talks", second, date=day)
    assert len(merge_events([meeting, talks])) == 1
    # a retelling naming fewer parties is the same event
    talks = _Found("CONSULT", None, ["suga", "biden"], [], "held talks", first)
    meeting = _Found("CONSULT", None, ["suga"], [], "meeting", second)
    assert len(merge_events([talks, meeting])) == 1
