"""A conjoined verb with no subject of its own shares its conjunct's subject, also when the parser hangs it
on a relative clause's verb (events_conjuncts, issue 12).  Sentences from news-gold dev (marked) and PolNeAR."""

from __future__ import annotations

from newsgraph.analyze.events_conjuncts import repeated_verb


def test_a_verb_repeated_across_a_relative_clause_shares_the_first_verbs_doer(event_roles):
    # news-gold dev text (VOA 8008152): the second "killed" is parsed as a conjunct of "laid"
    text = ("Security forces in Somalia say they killed all six attackers who laid siege to a hotel in the "
            "central town of Beledweyne and later killed at least 50 al-Shabab militants in airstrikes.")
    fights = event_roles(text, "2025-03-12T10:00", "FIGHT")
    on_shabab = [roles for _, roles in fights if any("Shabab" in n and r == "target" for n, r in roles.items())]
    assert on_shabab, fights
    for roles in on_shabab:
        sources = [n for n, r in roles.items() if r == "source"]
        assert sources and all("forces" in n.lower() for n in sources), roles


def test_a_relative_clauses_own_conjunct_keeps_the_clauses_subject(analyse):
    # PolNeAR: "portrayed" is a second deed of the adviser "who helped formulate", not of "says"
    doc = analyse("“There is a necessity that she display not only command and competence but her character,” says "
                  "David Axelrod, a longtime adviser to Barack Obama who helped formulate a messaging strategy in "
                  "2008 that eroded trust in Clinton and portrayed her as a relic of the past.", "2016-09-01T10:00")
    verbs = [t for t in doc if t.dep_ == "conj" and t.head.dep_ == "relcl"]
    assert verbs and all(repeated_verb(v) is None for v in verbs)


def test_a_correlative_pair_stays_inside_the_relative_clause(analyse):
    # PolNeAR: the War On Drugs "not only came with ... but also introduced" rhetoric, not the presidents
    doc = analyse("The two Republican presidents introduced the “War On Drugs,” which not only came with "
                  "discriminative laws that over-policed, targeted and criminalized black men but also introduced "
                  "racist rhetoric that wildly painted and perceived all black men to be misfits and criminals.",
                  "2016-09-01T10:00")
    second = [t for t in doc if t.lower_ == "introduced"][1]
    assert repeated_verb(second) is None


def test_a_passive_conjunct_shares_no_doer(event_roles):
    # PolNeAR: "was shot and killed by a white officer": the officer kills, Crutcher is killed
    text = ("Crutcher, 40 ― a father and student who sang at church every week ― was shot and killed by a "
            "white officer after his vehicle stalled in the middle of a roadway.")
    for _, roles in event_roles(text, "2016-09-20T10:00"):
        assert all(r != "source" for n, r in roles.items() if "Crutcher" in (n or "")), roles
