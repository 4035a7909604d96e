"""Event types where CAMEO's code book decides between two readings of one deed (issue 12):
the grammar or the CAMEO2PLOVER mapping, not the nearest verb sense."""

from __future__ import annotations




def test_weapons_used_on_protesters_are_an_assault(coded_events):
    """CAMEO 175 (violent repression) is ASSAULT in CAMEO2PLOVER, not COERCE (ScrapingHub page)."""
    events = coded_events("Video footage shows security forces using firearms, water cannons and tear gas to disperse protests "
                          "and beating demonstrators with batons.")
    types = {e[0] for e in events}
    assert "COERCE" not in types, events
    assert any(e[0] == "ASSAULT" and any("security forces" in s for s in e[1]) for e in events), events


def test_an_announced_endorsement_is_the_endorsement(coded_events):
    """A decision made public is coded as the deed, not as a promise (AGREE) (PolNeAR, Western Journal 2016)."""
    events = coded_events("Last week, New Jersey Gov. Chris Christie announced that he would support the Trump campaign.")
    assert any(e[0] == "SUPPORT" and any("Christie" in s for s in e[1]) for e in events), events
    assert not any(e[0] == "AGREE" for e in events), events


def test_an_announced_resignation_is_the_retreat(coded_events):
    """(PolNeAR, Breitbart 2016-07-25)"""
    events = coded_events("DNC Chair Debbie Wasserman Schultz announced Sunday she will resign her post after the convention, "
                          "to be replaced by veteran Democratic strategist Donna Brazile through the November election.")
    assert any(e[0] == "RETREAT" and any("Wasserman Schultz" in s for s in e[1]) for e in events), events
    assert not any(e[0] == "AGREE" for e in events), events


def test_an_announced_deed_made_conditional_stays_a_threat(coded_events):
    """The decision reading needs no condition on the deed: 'unless' makes it CAMEO's threat."""
    events = coded_events("The United States announced on Tuesday that it would cut military aid to Ukraine unless Kyiv signed the deal."
    )
    assert not any(e[0] == "SANCTION" for e in events), events


def test_a_deed_the_parser_hangs_on_another_deed_is_its_own_event(coded_events):
    """A clause parsed as the complement of a deed of force ('assaulted' under 'shot', across a semicolon)
    is not governed by it: no deed takes a clause (PolNeAR, NYT 2016-09-03)."""
    events = coded_events("When Nega encouraged his students to press for academic freedoms, the police assaulted them and other "
                          "demonstrators; later, as unrest spread through the city, they shot 41 people dead.")
    assert any(e[0] == "ASSAULT" and "police" in e[1] and "demonstrators" in e[2] for e in events), events


def test_a_verb_of_saying_still_governs_its_clause(coded_events):
    """'threatened that it would attack' stays one THREATEN: only deeds lose the governing reading."""
    events = coded_events("Iran threatened on Monday that it would attack U.S. bases in the region.")
    assert [e[0] for e in events].count("THREATEN") == 1, events
    assert not any(e[0] in ("ASSAULT", "FIGHT") for e in events), events


def test_two_apostrophes_open_a_quotation(coded_events):
    """NYT archive copy prints quotation marks as two apostrophes: the charge inside is someone's words,
    weighed as a quotation, and a habitual present ('kills') is then no event (PolNeAR, NYT 2015-12-22)."""
    events = coded_events("Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: ''Important distinction: "
                          "thug Putin kills journalists and opponents; our presidents kill terrorists and enemy combatants.''")
    assert not any(e[0] in ("ASSAULT", "FIGHT") and any("Putin" in s for s in e[1]) for e in events), events
