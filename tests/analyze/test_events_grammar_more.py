"""Issue 12, event recall where the grammar was missing, precision first: adjective triggers (a voiced
feeling about an actor's deed is criticism, CAMEO 111) and a "must" demand on a copula, each through the
real pipeline on real news sentences (PolNeAR texts first; news-gold dev sentences are marked as such)."""

from __future__ import annotations

import pytest

PUBLISHED = "2016-03-18T12:00"


@pytest.fixture
def of_type(event_roles):
    """A function: (text[, type]) -> the events of the text published PUBLISHED, as (event, {name: role})."""
    return lambda text, etype=None: event_roles(text, PUBLISHED, etype)


# --- a voiced feeling about an actor's deed: "said he was alarmed about Trump's behavior" (CAMEO 111)


def test_a_said_alarm_about_someones_behaviour_is_criticism_of_them(of_type):
    # PolNeAR train (wash-post 2016-03-18): the copula's subject (a pronoun: who said it) disapproves;
    # the possessor of the deed noun is disapproved of
    text = ("Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he and other rabbis "
            "were alarmed about Trump's behavior and rhetoric on the campaign trail.")
    found = of_type(text, "DISAPPROVE")
    assert found
    roles = found[0][1]
    assert roles.get("Jeffrey Salkin") == "source" and roles.get("Donald Trump") == "target"


def test_a_feeling_the_reporter_ascribes_is_no_criticism(of_type):
    # PolNeAR train: no one voices it, and it is about a person, not a deed
    text = ("Gao Junlan, a lawyer from the southwestern Chinese province of Sichuan, was concerned about her "
            "daughter, a third-year chemistry student at the University of Minnesota.")
    assert not of_type(text, "DISAPPROVE")


def test_a_feeling_a_speaker_ascribes_to_others_is_no_criticism_by_them(of_type):
    # PolNeAR train (politico 2016-07-11): inside a quotation only the speaker's own feeling is voiced
    text = ("\u201cRepublicans are so frustrated with the FBI\u2019s unanimous decision that they are now completely "
            "unloading on Secretary Clinton with everything they\u2019ve got\u2014 right before the presidential "
            "convention,\u201d a spokesman said.")
    assert not any(roles.get("Republicans") == "source" for _, roles in of_type(text, "DISAPPROVE"))


def test_a_concern_about_a_state_of_things_is_no_criticism(of_type):
    # the 'worry' rule's state nouns: a concern about tensions judges no one, even when said
    text = "Turkish Foreign Minister Mevlut Cavusoglu said he was deeply concerned about heightened tensions in the region."
    assert not of_type(text, "DISAPPROVE")


def test_a_concern_about_a_report_judges_not_its_author(of_type):
    # news-gold dev 8009004: what a report says is not the reporting body's deed
    text = ("\u201cWe're seriously concerned about the latest IAEA report about Iran's production of highly enriched "
            "uranium,\u201d British Deputy U.N. Ambassador James Kariuki told reporters.")
    found = of_type(text, "DISAPPROVE")
    assert not any("International Atomic Energy Agency" in roles for _, roles in found)


def test_an_adjective_that_describes_a_noun_is_no_trigger(of_type):
    # PolNeAR-style attributive use: "concerned citizens" tells no one's criticism
    assert not of_type("Concerned citizens gathered outside the statehouse to hear the governor speak.",
                        "DISAPPROVE")


# --- "X was the first/only/latest (one) to do Y": the copula's subject does the infinitive's deed


def test_the_first_to_endorse_is_the_one_who_endorsed(of_type):
    # PolNeAR train (politico 2016-05-23): told as done, by the copula's subject
    found = of_type("Grijalva was the first Democrat in Congress to endorse Sanders in the Democratic primary.",
                     "SUPPORT")
    assert found and found[0][1].get("Raul Grijalva", found[0][1].get("Grijalva")) == "source"


def test_the_first_to_reject_the_constitution_rejected_it(of_type):
    # news-gold dev 8011117
    text = ("The Kurdish-led Autonomous Administration in north and east Syria, a de facto civilian authority "
            "affiliated with the U.S.-backed Syrian Democratic Forces (SDF) that controls nearly one-third of "
            "Syria's territory, was the first to reject the constitution, calling it exclusionary.")
    found = of_type(text, "REJECT")
    assert found and any(role == "source" and "Autonomous Administration" in name for name, role in found[0][1].items())


def test_one_who_should_have_been_the_first_did_nothing(of_type):
    # PolNeAR train (huff-post 2016-04-27): the copula's modal makes the deed unreal
    text = ("He added, \u201cSo Israel should have been actually one of the first countries to support and recognize "
            "the Armenian genocide.\u201d")
    assert not of_type(text, "SUPPORT")


def test_the_only_way_to_stop_someone_is_no_deed(of_type):
    # PolNeAR train: a thing ranked ("the only way") has no doer
    text = ("\u201cBut we may be in a position where rallying around Ted Cruz is the only way to stop Donald Trump "
            "and I\u2019m not so sure that would work.\u201d")
    assert not any(roles.get("Ted Cruz") == "source" for _, roles in of_type(text))


def test_bringing_up_a_water_crisis_is_no_aid(of_type):
    # PolNeAR train (huff-post 2016-01-19): "bring up" is to mention
    text = "Clinton was also the first candidate to bring up the Flint water crisis during a presidential debate."
    assert not of_type(text, "AID")
