"""A document's deed is its issuer's (``events_issuers``): "X issued a statement ... The statement threatened ..."."""

from __future__ import annotations


def _of_type(events, etype):
    return [e for e in events if e[0] == etype]


def test_a_statement_threatens_for_whoever_issued_it(coded_events):
    # news-gold dev text (VOA 2021-04-14, Somalia)
    events = coded_events(
        "Meanwhile, U.S. Secretary of State Antony Blinken issued a statement Tuesday saying the United States is "
        "\u201cdeeply disappointed\u201d in the decision. The statement threatened sanctions and visa restrictions.")
    threats = _of_type(events, "THREATEN")
    assert threats and any("Blinken" in s for _, sources, _ in threats for s in sources)


def test_a_statement_urges_for_the_museum_that_issued_it(coded_events):
    # PolNeAR train, NYT 2015-11-24
    events = coded_events(
        "Days after its report was issued, the Holocaust Museum issued a statement of concern about political "
        "resistance to welcoming Syrian refugees to the United States. Recalling ''the consequences to Jews who were "
        "unable to flee Nazism,'' the statement urged Americans and their leaders to ''avoid condemning today's "
        "refugees as a group.''")
    demands = _of_type(events, "DEMAND")
    assert demands and any("Holocaust Museum" in s for _, sources, _ in demands for s in sources)


def test_a_statement_whose_issuer_the_text_does_not_give_has_no_source(coded_events):
    events = coded_events("The U.N. envoy arrived in Mogadishu on Monday. The statement threatened sanctions and visa restrictions.")
    assert not any(sources for _, sources, _ in _of_type(events, "THREATEN"))
