"""Event types where CAMEO's code book decides between two readings of one deed (issue 12):
the grammar or the CAMEO2PLOVER mapping, not the nearest verb sense."""

from __future__ import annotations

PUBLISHED = "2025-03-14T10:00"


def _events(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.ng_published = PUBLISHED
    doc = nlp(doc)
    names = {a.id: a.name for a in doc._.ng_actors}
    return [
        (ev.type, {names[a.actor] for a in ev.actors if a.role == "source"}, {names[a.actor] for a in ev.actors if a.role == "target"})
        for ev in doc._.ng_events
    ]


def test_weapons_used_on_protesters_are_an_assault(nlp):
    """CAMEO 175 (violent repression) is ASSAULT in CAMEO2PLOVER, not COERCE (ScrapingHub page)."""
    events = _events(
        nlp,
        "Video footage shows security forces using firearms, water cannons and tear gas to disperse protests "
        "and beating demonstrators with batons.",
    )
    types = {e[0] for e in events}
    assert "COERCE" not in types, events
    assert any(e[0] == "ASSAULT" and any("security forces" in s for s in e[1]) for e in events), events
