"""Event dates from the event's explicit context (issue 12): a day relative to a told day, the speech act
of a dated statement, a deed continuing the same actor's dated one, a definite noun referring back to a
dated occurrence; and never a date for background. Sentences from VOA stories (public domain)."""

from __future__ import annotations


def _analyse(nlp, text: str, published: str):
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    return nlp(doc)


def _event(doc, trigger_word: str):
    found = [e for e in doc._.ng_events if e.trigger and trigger_word in e.trigger.split()]
    assert found, [(e.type, e.trigger) for e in doc._.ng_events]
    return found[0]


def test_earlier_in_the_day_is_the_day_last_named(nlp):
    doc = _analyse(nlp, (
        "Later on Monday, Saudi Crown Prince Mohammed bin Salman met with Rubio in the Red Sea port city of "
        "Jeddah. MBS held a separate meeting with Ukrainian President Volodymyr Zelenskyy in Riyadh earlier "
        "in the day."
    ), "2025-03-10T20:00")
    ev = _event(doc, "held")
    assert (ev.type, ev.date, ev.date_precision) == ("CONSULT", "2025-03-10", "day")


def test_a_deed_continuing_the_same_actors_dated_one(nlp):
    doc = _analyse(nlp, (
        "Taliban spokesperson Zabihullah Mujahid disclosed the decision to Afghan broadcaster TOLOnews late "
        "Tuesday. He accused the U.N. envoy of misrepresenting the ground realities in the country."
    ), "2024-08-21T15:00")
    ev = _event(doc, "accused")
    assert (ev.type, ev.date, ev.date_precision) == ("DISAPPROVE", "2024-08-20", "day")


def test_a_speech_act_in_a_quote_is_dated_by_its_statement(nlp):
    doc = _analyse(nlp, (
        "In his response Wednesday, Bennett said he had consistently sought to engage transparently with "
        "Taliban authorities to offer an “impartial assessment of facts” and make “practical recommendations” "
        "for improvement. “Where there are differences of view, constructive dialogue is the answer. I urge "
        "the Taliban to reverse their decision and reiterate my willingness and availability to travel to "
        "Afghanistan,” he said."
    ), "2024-08-21T15:00")
    ev = _event(doc, "urge")
    assert (ev.type, ev.date) == ("DEMAND", "2024-08-21")


def test_a_definite_noun_refers_back_to_the_dated_occurrence(nlp):
    doc = _analyse(nlp, (
        "The United States and five other countries called a private meeting Wednesday of the U.N. Security "
        "Council to discuss Iran's proliferation efforts. Iran's U.N. ambassador participated in the meeting."
    ), "2025-03-13T01:00")
    ev = _event(doc, "meeting")
    assert ev.date == "2025-03-12"


def test_another_occasion_or_a_relative_clause_stays_undated(nlp):
    doc = _analyse(nlp, (
        "In his response Wednesday, Bennett said he had sought to engage with Taliban authorities. In one of "
        "his recently published assessments, Bennett highlighted the Taliban's curbs on women. Bennett "
        "alleged that women and girls under Taliban rule are being persecuted."
    ), "2024-08-21T15:00")
    assert _event(doc, "alleged").date is None
    doc = _analyse(nlp, (
        "A High Court judge in Zimbabwe on Wednesday adjourned the case of a journalist arrested over his "
        "interviews with a war veteran-turned-politician who criticized the country's president."
    ), "2025-03-13T10:00")
    assert all(e.date is None for e in doc._.ng_events if e.type == "DISAPPROVE")


def test_a_pluperfect_deed_is_not_dated_by_the_sentence_before(nlp):
    doc = _analyse(nlp, (
        "Zamora, 67, attended the hearing on Monday. He had criticized President Alejandro Giammattei."
    ), "2025-03-13T10:00")
    assert all(e.date is None for e in doc._.ng_events if e.type == "DISAPPROVE")


def test_a_future_or_perfect_clause_dates_nothing_after_it(nlp):
    doc = _analyse(nlp, (
        "Washington is rolling out the red carpet for Suu Kyi, who had breakfast with Vice President Biden "
        "before visiting the Oval Office. She will visit Capitol Hill on Thursday. After her meeting with "
        "Obama, the White House announced that the United States would end a long-standing national "
        "emergency against Burma."
    ), "2016-09-15T12:00")
    assert _event(doc, "meeting").date is None
    doc = _analyse(nlp, (
        "Last week Russia carried out a massive snap military maneuver of more than 80,000 troops. Russia has "
        "made submarine incursions into Swedish and Finnish waters and even simulated an attack on the Danish "
        "island of Bornholm."
    ), "2016-09-15T12:00")
    assert _event(doc, "attack").date is None
