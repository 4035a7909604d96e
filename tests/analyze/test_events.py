"""newsgraph_events: PLOVER events with actors, roles, dates, places and their sentences."""

from __future__ import annotations

import pytest

from newsgraph.analyze.plover import PLOVER_TYPES, load_rules

PUBLISHED = "2023-06-22T20:22"  # a Thursday


def _analyse(nlp, text: str, published: str | None = PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    return nlp(doc)


def _actor_id(doc, needle: str) -> str:
    found = [a.id for a in doc._.ng_actors if needle.casefold() in a.name.casefold()
             or any(needle.casefold() in m.text.casefold() for m in a.mentions)]
    assert found, (needle, [a.name for a in doc._.ng_actors])
    return found[0]


def _assert_offsets(doc) -> None:
    for ev in doc._.ng_events:
        assert doc.text[ev.start:ev.end] == ev.text
        for span in ev.evidence:
            assert doc.text[span.start:span.end] == span.text
        assert ev.type in PLOVER_TYPES


def test_lexicon_uses_plover_types_only():
    rules = load_rules()
    assert {"meet", "attack", "arrest", "protest", "sanction"} <= rules.keys()
    assert all(set(r.type.split("/")) <= {*PLOVER_TYPES, "NONE"} for rs in rules.values() for r in rs)


def test_meeting_with_place_and_date(nlp):
    doc = _analyse(nlp, "Russia's Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing on Tuesday.")
    consult = [e for e in doc._.ng_events if e.type == "CONSULT"]
    assert len(consult) == 1
    ev = consult[0]
    assert ev.place == _actor_id(doc, "Beijing")
    assert (ev.date, ev.date_precision, ev.date_text) == ("2023-06-20", "day", "Tuesday")
    roles = {r.actor: r.role for r in ev.actors}
    assert roles.get(_actor_id(doc, "Lavrov")) == "source"
    assert _actor_id(doc, "Beijing") not in roles
    _assert_offsets(doc)


def test_air_strike_is_violence_with_target_and_date(nlp):
    doc = _analyse(nlp, "Israeli jets struck Gaza yesterday.")
    violent = [e for e in doc._.ng_events if e.type in ("FIGHT", "ASSAULT")]
    assert len(violent) == 1
    assert violent[0].date == "2023-06-21"
    assert {"actor": _actor_id(doc, "Gaza"), "role": "target"} in [r.model_dump() for r in violent[0].actors]
    _assert_offsets(doc)


def test_no_place_is_invented(nlp):
    doc = _analyse(nlp, "Angela Merkel met Emmanuel Macron on Friday to discuss trade.")
    consult = [e for e in doc._.ng_events if e.type == "CONSULT"]
    assert consult and all(e.place is None for e in consult)
    assert consult[0].date == "2023-06-16"


def test_a_place_describing_a_thing_is_not_the_event_place(nlp):
    doc = _analyse(nlp, "Joe Biden met Olaf Scholz to discuss developments in Ukraine.")
    assert [e.place for e in doc._.ng_events if e.type == "CONSULT"] == [None]


def test_negated_event_is_not_an_event(nlp):
    doc = _analyse(nlp, "Emmanuel Macron did not meet Vladimir Putin.")
    assert not [e for e in doc._.ng_events if e.type == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("Iran threatened to attack Israel.", "THREATEN", {"FIGHT", "ASSAULT"}),
        ("Turkey refused to release the journalists.", "REJECT", {"RETREAT"}),
        ("Egypt agreed to host talks between Israel and Hamas.", "AGREE", {"CONSULT"}),
    ],
)
def test_the_governing_verb_codes_the_event(nlp, text, expected, not_expected):
    types = {e.type for e in _analyse(nlp, text)._.ng_events}
    assert expected in types
    assert not types & not_expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested three opposition leaders in Minsk on Sunday.", "COERCE"),
        ("Thousands of workers protested in Paris against the pension reform.", "PROTEST"),
        ("The European Union imposed sanctions on Russia.", "SANCTION"),
        ("The United Nations condemned the attack on the convoy.", "DISAPPROVE"),
        ("Japan sent humanitarian aid to Turkey.", "AID"),
    ],
)
def test_common_news_events(nlp, text, expected):
    doc = _analyse(nlp, text)
    assert expected in {e.type for e in doc._.ng_events}
    _assert_offsets(doc)


def test_the_same_event_told_twice_is_one_event(nlp):
    text = (
        "Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday.\n\n"
        "In the meeting with Erdogan, Putin said trade between the two countries was growing."
    )
    doc = _analyse(nlp, text)
    consult = [e for e in doc._.ng_events if e.type == "CONSULT"]
    assert len(consult) == 1
    assert consult[0].date == "2023-06-19"
    assert len(consult[0].evidence) == 1
    assert consult[0].evidence[0].text.startswith("In the meeting")
    _assert_offsets(doc)


def test_different_dates_are_different_events(nlp):
    text = "Antony Blinken met Wang Yi on June 18. Antony Blinken met Wang Yi again on June 21."
    consult = [e for e in _analyse(nlp, text)._.ng_events if e.type == "CONSULT"]
    assert sorted(e.date for e in consult) == ["2023-06-18", "2023-06-21"]


def test_statements_of_speech_are_not_events(nlp):
    doc = _analyse(nlp, "The minister said the economy was growing. He stressed that reforms would continue.")
    assert doc._.ng_events == []


@pytest.mark.parametrize("text", ["", "It rained all day.", "   \n\n  "])
def test_empty_and_entity_free_text(nlp, text):
    assert _analyse(nlp, text)._.ng_events == []


# ------------------------------------------------------------------ the seed


@pytest.fixture(scope="module")
def seed_doc(nlp, seed_text):
    return _analyse(nlp, seed_text)


def _events_with(doc, etype: str, *names: str):
    ids = {_actor_id(doc, n) for n in names}
    return [e for e in doc._.ng_events if e.type == etype and ids <= {r.actor for r in e.actors}]


def test_seed_meeting_khamenei_haniyeh_is_one_event_on_june_21_without_place(seed_doc):
    found = _events_with(seed_doc, "CONSULT", "Khamenei", "Haniyeh")
    assert len(found) == 1
    meeting = found[0]
    assert (meeting.date, meeting.date_precision) == ("2023-06-21", "day")
    assert meeting.place is None
    tellings = [meeting.text, *(s.text for s in meeting.evidence)]
    assert any(t.startswith("In a meeting with") for t in tellings)
    assert any("On June 21" in t for t in tellings)


def test_seed_meeting_haniyeh_ahmadian_on_june_19(seed_doc):
    found = _events_with(seed_doc, "CONSULT", "Haniyeh", "Ahmadi")
    assert [(e.date, e.date_precision) for e in found] == [("2023-06-19", "day")]
    assert found[0].place is None


def test_seed_fighting_in_jenin_is_approximately_dated(seed_doc):
    jenin = _actor_id(seed_doc, "Jenin")
    fights = [e for e in seed_doc._.ng_events if e.type in ("FIGHT", "ASSAULT") and e.place == jenin]
    assert fights
    assert fights[0].date_precision == "approximate"
    assert "2023-06-15" <= fights[0].date < "2023-06-22"
    assert any("a few days ago" in t for t in [fights[0].text, *(s.text for s in fights[0].evidence)])


def test_seed_offsets(seed_doc):
    assert seed_doc._.ng_events
    _assert_offsets(seed_doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway said it would send aid to Sudan.", "AGREE"),  # intent to help (CAMEO 033)
        ("Russia is ready to withdraw its troops from Georgia.", "AGREE"),  # intent to yield
        ("France will impose sanctions on Iran.", "THREATEN"),  # intent to harm (CAMEO 13)
        ("Germany said Poland must return the paintings.", "DEMAND"),  # "must" (CAMEO 10)
        ("Turkey said it would not meet the kidnappers' demands.", "REJECT"),  # refusal (CAMEO 12)
    ],
)
def test_intentions_demands_and_refusals_follow_cameo(nlp, text, expected):
    doc = _analyse(nlp, text)
    assert expected in {e.type for e in doc._.ng_events}
    _assert_offsets(doc)


def test_demand_source_is_the_speaker_and_target_the_one_who_must(nlp):
    doc = _analyse(nlp, "Germany said Poland must return the paintings.")
    demand = [e for e in doc._.ng_events if e.type == "DEMAND"]
    assert demand
    roles = {r.actor: r.role for r in demand[0].actors}
    assert roles == {_actor_id(doc, "Germany"): "source", _actor_id(doc, "Poland"): "target"}


def test_bombing_is_assault_and_army_shelling_is_fight(nlp):
    bomb = _analyse(nlp, "A car bomb killed five people in Baghdad on Monday.")
    assault = [e for e in bomb._.ng_events if e.type == "ASSAULT"]
    assert assault and assault[0].place == _actor_id(bomb, "Baghdad") and assault[0].date == "2023-06-19"
    shelling = _analyse(nlp, "The Russian army shelled Kharkiv on Monday.")
    assert "FIGHT" in {e.type for e in shelling._.ng_events}


@pytest.mark.parametrize(
    ("row", "message"),
    [("meet,VERB,CONSULT", "expected 4"), ("meet,VERB,GREET,", "unknown PLOVER type")],
)
def test_malformed_trigger_lexicon_is_a_clear_error(tmp_path, row, message):
    from newsgraph.errors import AnalysisError

    bad = tmp_path / "triggers.csv"
    bad.write_text(f"# comment\n{row}\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match=message) as err:
        load_rules(bad)
    assert "triggers.csv" in str(err.value)


def test_what_a_trigger_acts_on_is_not_a_second_event(nlp):
    doc = _analyse(nlp, "Joe Biden condemned the attack and called for calm.")
    types = [e.type for e in doc._.ng_events]
    assert "DISAPPROVE" in types and "DEMAND" in types
    assert "ASSAULT" not in types and "FIGHT" not in types  # Biden did not attack anyone


def test_place_given_next_to_a_participant_or_the_doer(nlp):
    talks = _analyse(nlp, "Xi Jinping held talks with Emmanuel Macron in Beijing on Thursday.")
    assert [e.place for e in talks._.ng_events if e.type == "CONSULT"] == [_actor_id(talks, "Beijing")]
    arrests = _analyse(nlp, "Police in Tehran detained dozens of protesters on Saturday.")
    coerce = [e for e in arrests._.ng_events if e.type == "COERCE"]
    assert coerce and coerce[0].place == _actor_id(arrests, "Tehran")
    assert coerce[0].date == "2023-06-17"


@pytest.mark.parametrize(
    "text",
    [
        "WeWork declined to comment.",
        "Visit our website for the best deals.",
        "Japan's Nikkei index declined 0.3% on Monday.",
        "Parise blocked a shot in the third period.",
        "Audi will offer the car in thirteen colours.",
        "The Labour proposal was met with laughter from the audience.",
    ],
)
def test_everyday_wording_is_not_an_event(nlp, text):
    assert _analyse(nlp, text)._.ng_events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tens of thousands of students staged demonstrations in Jakarta on Saturday.", "PROTEST"),
        ("Opposition leaders said they would boycott the election.", "THREATEN"),
        ("The rebels freed Mahendra Chaudhry on Sunday.", "RETREAT"),
    ],
)
def test_events_by_unnamed_agents_and_named_captives(nlp, text, expected):
    assert expected in {e.type for e in _analyse(nlp, text)._.ng_events}


def test_a_purpose_is_not_a_second_event(nlp):
    doc = _analyse(nlp, "Thousands of students staged demonstrations in Jakarta to demand political reforms.")
    assert [e.type for e in doc._.ng_events] == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya said it will pull out its troops from Somalia unless the African Union pays their salaries.",
        "The European Union may suspend trade talks with Turkey if the crackdown continues, officials said.",
    ],
)
def test_a_deed_made_conditional_is_a_threat(nlp, text):
    doc = _analyse(nlp, text)
    assert [e.type for e in doc._.ng_events][:1] == ["THREATEN"], [(e.type, e.trigger) for e in doc._.ng_events]
    _assert_offsets(doc)


def test_a_promise_with_a_condition_stays_a_promise(nlp):
    doc = _analyse(nlp, "Japan will send emergency aid to Nepal if the government asks for it.")
    assert "THREATEN" not in [e.type for e in doc._.ng_events]


def test_failing_to_agree_is_a_rejection(nlp):
    doc = _analyse(nlp, "Serbia and Kosovo failed to reach an agreement on Monday after talks in Brussels.")
    assert "REJECT" in [e.type for e in doc._.ng_events], [(e.type, e.trigger) for e in doc._.ng_events]
    assert "AGREE" not in [e.type for e in doc._.ng_events]


def test_a_later_lexicon_never_overrides_an_earlier_one(tmp_path):
    first, second = tmp_path / "ours.csv", tmp_path / "theirs.csv"
    first.write_text("meet,VERB,CONSULT,\n", encoding="utf-8")
    second.write_text("# derived\nmeet,VERB,FIGHT,,190\nmeet envoy,VERB,CONSULT,,040\n", encoding="utf-8")
    rules = load_rules(first, second)
    assert [(r.needs, r.type, r.cameo) for r in rules["meet"]] == [(("envoy",), "CONSULT", "040"), ((), "CONSULT", None)]


def test_a_demand_in_a_declaration_is_its_issuers(nlp):
    doc = _analyse(nlp, "The Orange Democratic Movement issued a statement demanding that President William Ruto dissolve parliament.")
    demands = [e for e in doc._.ng_events if e.type == "DEMAND"]
    assert demands, [(e.type, e.trigger) for e in doc._.ng_events]
    sources = [r.actor for r in demands[0].actors if r.role == "source"]
    assert _actor_id(doc, "Orange Democratic Movement") in sources


def test_an_unnamed_doer_of_a_petrarch_agent_kind_keeps_the_event(nlp):
    from newsgraph.analyze.lexicon import lexicon

    assert {"police", "kidnapper", "peasant"} <= set(lexicon().agent_sectors())  # ours, then PETRARCH's agent kinds
    doc = _analyse(nlp, "Peasants attacked the police station on Sunday.")
    assert [e.type for e in doc._.ng_events] in (["ASSAULT"], ["FIGHT"]), [(e.type, e.trigger) for e in doc._.ng_events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of farmers demonstrated in Nairobi on Monday.", ["PROTEST"]),
        ("The minister demonstrated his commitment to reform.", []),
        ("Norway airlifted medicine to Gaza on Tuesday.", ["AID"]),
        ("Kenya withdrew its peacekeepers from Somalia.", ["SANCTION"]),
        ("Egypt went to the polls on Sunday.", []),
    ],
)
def test_petrarch_verb_dictionary_rows(nlp, text, expected):
    """Rows from PETRARCH2's CAMEO verb dictionary code what the CAMEO codebook says, and
    its phrasal verbs with nothing but a particle ("go to") are no events."""
    doc = _analyse(nlp, text)
    assert [e.type for e in doc._.ng_events] == expected, [(e.type, e.trigger) for e in doc._.ng_events]


def test_petrarch_rows_carry_their_cameo_code():
    rules = load_rules()
    derived = [r for rs in rules.values() for r in rs if r.cameo]
    assert len(derived) > 10_000
    assert all(r.cameo[:2].isdigit() and "03" <= r.cameo[:2] <= "20" for r in derived)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia has strengthened its forces near the Ukrainian border, Kyiv said on Monday.", "MOBILIZE"),
        ("Mali withdrew the UN inspectors from its gold mines.", "SANCTION"),
        ("North Korea hacked the computers of a South Korean bank in March.", "COERCE"),
        ("Serbian prosecutors opened an investigation into the Novi Sad canopy collapse.", "INVESTIGATE"),
    ],
)
def test_cameo_code_descriptions_are_in_the_lexicon(nlp, text, expected):
    doc = _analyse(nlp, text)
    assert expected in [e.type for e in doc._.ng_events], [(e.type, e.trigger) for e in doc._.ng_events]


def test_the_nearest_words_choose_the_rule(nlp):
    # "weapons" only names the kind of inspectors: withdrawing inspectors is CAMEO 1662, not disarming
    doc = _analyse(nlp, "The United Nations withdrew its weapons inspectors from Iraq on Monday.")
    assert [e.type for e in doc._.ng_events] == ["SANCTION"], [(e.type, e.trigger) for e in doc._.ng_events]


def test_an_oath_parsed_as_a_clause_is_still_an_intent(nlp):
    doc = _analyse(nlp, "Houthi rebels have sworn to attack ships in the Red Sea, Yemeni officials said.")
    assert "THREATEN" in [e.type for e in doc._.ng_events], [(e.type, e.trigger) for e in doc._.ng_events]


def test_a_users_lexicon_wins_over_newsgraphs(tmp_path, monkeypatch):
    from newsgraph.analyze.plover import lexicon_paths
    from newsgraph.errors import AnalysisError

    mine = tmp_path / "mine.csv"
    mine.write_text("meet,VERB,DISAPPROVE,\n", encoding="utf-8")
    monkeypatch.setenv("NEWSGRAPH_TRIGGERS", str(mine))
    rules = load_rules(*lexicon_paths())
    assert [r.type for r in rules["meet"] if not r.needs] == ["DISAPPROVE"]
    assert "arrest" in rules  # newsgraph's rows are still read
    monkeypatch.setenv("NEWSGRAPH_TRIGGERS", str(tmp_path / "missing.csv"))
    with pytest.raises(AnalysisError, match="missing.csv"):
        load_rules(*lexicon_paths())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kurdish protests spread across the south of the country on Sunday.", "PROTEST"),
        ("Maronite elders demanded the resignation of the governor.", "DEMAND"),
        ("Hindu nationalists demanded a ban on the film.", "DEMAND"),
    ],
)
def test_a_doer_named_by_its_people_keeps_the_event(nlp, text, expected):
    """A nationality, faith or people named as the doer ("Kurdish protests", "Maronite elders")
    is a doer named by kind, as "police" is: the event is kept without a named actor."""
    doc = _analyse(nlp, text)
    assert expected in [e.type for e in doc._.ng_events], [(e.type, e.trigger) for e in doc._.ng_events]
    _assert_offsets(doc)


def test_a_deed_done_by_way_of_another_is_the_subjects(nlp):
    doc = _analyse(nlp, "Greenpeace protested the decision by blocking the highway to the port.")
    blocking = [e for e in doc._.ng_events if e.type == "PROTEST"]
    assert blocking, [(e.type, e.trigger) for e in doc._.ng_events]
    assert _actor_id(doc, "Greenpeace") in [r.actor for r in blocking[0].actors if r.role == "source"]


@pytest.mark.parametrize(
    "text",
    ["Rubio refrained from attacking Trump in the debate.", "The police avoided arresting Navalny at the airport."],
)
def test_a_deed_refrained_from_is_no_event(nlp, text):
    assert _analyse(nlp, text)._.ng_events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The military government declared a state of siege in the capital.", ["COERCE"]),
        # "of" is read through only after a word that frames it, not after any noun
        ("Senator Cruz won the endorsement of an influential evangelical leader.", []),
        # the doer of a passive is not what the verb acts on
        ("Voters prefer tax systems used by European countries.", []),
    ],
)
def test_trigger_words_in_an_of_phrase_or_a_passive_doer(nlp, text, expected):
    doc = _analyse(nlp, text)
    assert [e.type for e in doc._.ng_events] == expected, [(e.type, e.trigger) for e in doc._.ng_events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Farmers blocked traffic on the main highway into Paris.", "PROTEST"),  # 144 obstruct passage
        ("Riot police prevented a demonstration outside the parliament in Minsk.", "COERCE"),  # 1721
        ("A Beirut newspaper violated a ban on reporting the trial.", "REJECT"),  # 128 defy norms, law
        ("UN helicopters evacuated the wounded from the besieged town of Srebrenica.", "AID"),  # 073
    ],
)
def test_rows_from_cameo_code_descriptions(nlp, text, expected):
    doc = _analyse(nlp, text)
    assert [e.type for e in doc._.ng_events][:1] == [expected], [(e.type, e.trigger) for e in doc._.ng_events]


def _targets(doc, event) -> list[str]:
    names = {a.id: a.name for a in doc._.ng_actors}
    return [names[r.actor] for r in event.actors if r.role == "target"]


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        # the one told what to do, in the subjunctive
        ("The United States demanded that North Korea abandon its missile programme.", "DEMAND", "North Korea"),
        # what is withdrawn from, and whoever made the offer turned down
        ("Israel withdrew its troops from Lebanon on Monday.", "RETREAT", "Lebanon"),
        ("Germany rejected an offer from Russia to mediate.", "REJECT", "Russia"),
        # whoever did what is condemned; whom a threatened deed is aimed at
        ("France condemned the attack by Russia on a hospital.", "DISAPPROVE", "Russia"),
        ("Turkey threatened to cut diplomatic ties with Sweden.", "THREATEN", "Sweden"),
    ],
)
def test_targets_beyond_the_direct_object(nlp, text, etype, target):
    doc = _analyse(nlp, text)
    events = [e for e in doc._.ng_events if e.type == etype]
    assert events, [(e.type, e.trigger) for e in doc._.ng_events]
    assert target in _targets(doc, events[0])


def test_an_assertion_names_no_target(nlp):
    """ "insisted that X was wrong" asserts something about X; it tells X to do nothing."""
    doc = _analyse(nlp, "Trump insisted that Khan was wrong.")
    assert all("Khan" not in _targets(doc, e) for e in doc._.ng_events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel's release of 30 Palestinian prisoners on Monday angered settlers.", ["RETREAT"]),
        # the noun is matched only on what it is "of": a press release is no release of anyone
        ("The ministry issued a press release on Monday.", []),
    ],
)
def test_a_noun_naming_a_verbs_deed_takes_the_verbs_rows(nlp, text, expected):
    doc = _analyse(nlp, text)
    assert [e.type for e in doc._.ng_events] == expected, [(e.type, e.trigger) for e in doc._.ng_events]
    _assert_offsets(doc)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Germany's foreign minister Annalena Baerbock called the verdict “arbitrary.”", "Baerbock"),
        ("Amnesty International described the arrests as unlawful.", "Amnesty"),
        ("The opposition leader Juan Perez called the election a sham.", "Perez"),
    ],
)
def test_naming_a_deed_with_a_word_of_condemnation_is_disapproval(nlp, text, source):
    doc = _analyse(nlp, text)
    events = [e for e in doc._.ng_events if e.type == "DISAPPROVE"]
    assert events, [(e.type, e.trigger) for e in doc._.ng_events]
    assert _actor_id(doc, source) in [a.actor for a in events[0].actors if a.role == "source"]
    _assert_offsets(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Pedro Sanchez called the agreement a historic achievement.",
        "Angela Merkel called the meeting productive.",
    ],
)
def test_naming_with_praise_or_a_neutral_word_is_no_disapproval(nlp, text):
    assert "DISAPPROVE" not in {e.type for e in _analyse(nlp, text)._.ng_events}


def test_a_speakers_home_is_not_where_the_criticism_happened(nlp):
    doc = _analyse(nlp, "The Kurdish administration in northern Syria rejected the constitution, calling it exclusionary.")
    criticism = [e for e in doc._.ng_events if e.type == "DISAPPROVE"]
    assert criticism and all(e.place is None for e in criticism)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen took at least 20 hostages near Kandahar on Monday.", "ASSAULT"),
        ("Al-Shabab militants claimed the hijacking of a bus in Mogadishu.", "ASSAULT"),
        ("Spanish police broke up a jihadist cell in Barcelona on Friday.", "COERCE"),
        ("Italian police dismantled a smuggling ring in Palermo.", "COERCE"),
    ],
)
def test_taking_captives_and_breaking_up_a_group_are_deeds_of_force(nlp, text, expected):
    doc = _analyse(nlp, text)
    assert expected in {e.type for e in doc._.ng_events}, [(e.type, e.trigger) for e in doc._.ng_events]
    _assert_offsets(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The company will break up its sales network in Europe.",  # a business sense: no actor acts on a group
        "The Prime Minister said he would not be held hostage by the opposition.",
    ],
)
def test_breaking_up_a_business_or_a_figurative_hostage_is_no_force(nlp, text):
    types = {e.type for e in _analyse(nlp, text)._.ng_events}
    assert not types & {"COERCE", "ASSAULT"}, types
