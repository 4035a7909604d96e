"""Issue 12, event recall with precision first: trigger rows and filters added for the core events the
news-gold dev stories missed, each checked through the real pipeline on real news sentences (PolNeAR
texts first; news-gold dev sentences are marked as such)."""

from __future__ import annotations

import pytest

PUBLISHED = "2023-06-22T20:22"


@pytest.fixture
def of_type(event_roles):
    """A function: (text[, type]) -> the events of the text published PUBLISHED, as (event, {name: role})."""
    return lambda text, etype=None: event_roles(text, PUBLISHED, etype)


# --- a tariff laid on goods is a trade sanction (CAMEO 163), a noun like "sanction"


def test_tariffs_put_on_a_country_s_firms_are_a_sanction(of_type):
    # PolNeAR train (nyt 2016): the doer is the subject of the verb the noun is the object of
    text = ("The Department of Commerce this year has begun putting heavy tariffs on some Chinese steel makers for "
            "selling below cost.")
    found = of_type(text, "SANCTION")
    assert found and "Department of Commerce" in found[0][1]


def test_a_raised_tariff_is_a_sanction_by_its_announcer(of_type):
    # news-gold dev 8006924
    text = "Outgoing Canadian Prime Minister Justin Trudeau retaliated by announcing increased tariffs on U.S. exports."
    found = of_type(text, "SANCTION")
    assert found and found[0][1].get("Justin Trudeau") == "source"


def test_tariffs_as_a_possible_tool_are_no_sanction(of_type):
    # PolNeAR train: a tariff someone is ready to use has not been laid
    assert not of_type("She appears ready, moreover, to use tariffs to deter China's currency manipulation.",
                        "SANCTION")


# --- "speak out against" is criticism (CAMEO 111)


def test_speaking_out_against_someone_is_criticism_of_them(of_type):
    # PolNeAR train (huff-post 2016-05-19)
    found = of_type("Libby Schaaf, the mayor of Oakland, California, also spoke out against Trump.", "DISAPPROVE")
    assert found and found[0][1].get("Donald Trump") == "target"
    assert found[0][1].get("Libby Schaaf") == "source"


# --- a concern about a state of things criticises no one (events_filters "worry")


def test_concern_about_heightened_tensions_is_no_criticism(of_type):
    # news-gold dev 7677701 (a false event before the rule)
    text = ("China, which has traditionally been North Korea's closest ally, expressed concern about heightened "
            "tensions on the Korean Peninsula.")
    assert not of_type(text, "DISAPPROVE")


def test_concern_about_a_policy_or_a_treatment_is_still_criticism(of_type):
    # PolNeAR train (wash-post 2016-09-25); news-gold dev 8009044 (a gold DISAPPROVE)
    assert of_type("Voting rights advocates have expressed deep concern about the policy.", "DISAPPROVE")
    text = ("Jimmy Lai\u2019s international legal team has expressed concern about the conditions in which the "
            "publisher is being held, including prolonged solitary confinement.")
    assert of_type(text, "DISAPPROVE")


# --- "told a meeting that ...": the clause told is no relative clause on the audience


def test_a_deed_told_to_a_meeting_is_an_event(of_type):
    # news-gold dev 6205674: the parser reads "that he had met" as a relative clause on "meeting"
    text = ("The Israeli leader told a cabinet meeting that he had met with security officials and vowed to "
            "\u201cenforce law and order decisively and responsibly.\u201d")
    found = of_type(text, "CONSULT")
    assert found and found[0][1].get("security officials") == "target"


def test_a_deal_a_relative_clause_describes_is_still_background(of_type):
    # the rule it narrows (tests/analyze/test_events_filters.py): no saying verb governs the noun
    assert not of_type("The minister defended the agreement that Turkey negotiated with Russia in Sochi "
                             "last year.", "CONSULT")


# --- the means of a talk: "by video link", "by phone Sunday" (plover._means)


def test_a_talk_by_video_link_is_a_consultation(of_type):
    # news-gold dev 6203091
    text = ("\"Turkey, France can make significant contributions to security, stability, peace efforts from Europe "
            "to the Caucasus, Mideast and Africa,\" read a Turkish Presidential statement, after Erdogan spoke by "
            "video link last week with his French counterpart Emmanuel Macron.")
    found = of_type(text, "CONSULT")
    assert found and found[0][1].get("Emmanuel Macron") == "target"


def test_a_phone_the_parser_hangs_on_the_day_is_still_the_means(of_type):
    # news-gold dev 6205674: "by phone Sunday" is parsed with "phone" a compound of "Sunday"
    text = ("The United States has voiced concern over the violence in Israel, with National Security Advisor Jake "
            "Sullivan speaking by phone Sunday with Israeli counterpart Meir Ben-Shabbat, according to the White House.")
    found = of_type(text, "CONSULT")
    assert found and found[0][1].get("Jake Sullivan") == "source"
