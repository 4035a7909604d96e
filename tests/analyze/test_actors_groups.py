"""Unnamed collective actors: "Israeli soldiers", "police", "Rwandan rebels", merged by country and class."""

from __future__ import annotations

from newsgraph.model import Actor


def groups(actors_nlp, text: str) -> list[Actor]:
    return [a for a in actors_nlp(text)._.ng_actors if a.type == "GROUP"]


def group_at(actors: list[Actor], body: str, needle: str) -> Actor | None:
    start = body.index(needle)
    return next((a for a in actors if any(m.start == start for m in a.mentions)), None)


def check_mentions(body: str, actors: list[Actor]) -> None:
    for actor in actors:
        spans = sorted((m.start, m.end) for m in actor.mentions)
        for m in actor.mentions:
            assert body[m.start:m.end] == m.text
        for (_, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{actor.name}: overlapping mentions"


def test_nationality_and_kind_make_group_actors(actors_nlp):
    text = ("Hungarian officials met Rwandan rebels in Kigali on Monday, while Swiss doctors treated the wounded. "
            "Russian troops shelled the town.")
    actors = actors_nlp(text)._.ng_actors
    found = {a.name: a for a in actors if a.type == "GROUP"}
    assert found["Hungarian officials"].country == "HUN"
    assert found["Rwandan rebels"].country == "RWA"
    assert found["Swiss doctors"].country == "CHE"
    assert found["Russian troops"].country == "RUS"
    assert [m.text for m in found["Rwandan rebels"].mentions] == ["Rwandan rebels"]
    check_mentions(text, actors)


def test_agent_nouns_alone_are_actors(actors_nlp):
    text = "Police detained dozens of protesters on Sunday. Security forces later fired on the militants."
    actors = groups(actors_nlp, text)
    assert group_at(actors, text, "Police").name == "police"
    assert group_at(actors, text, "protesters").name == "protesters"
    assert group_at(actors, text, "Security forces").name == "security forces"
    assert group_at(actors, text, "militants").name == "militants"
    assert group_at(actors, text, "dozens") is None
    check_mentions(text, actors)


def test_no_group_for_things_or_lone_people_words(actors_nlp):
    text = ("The young Palestinian generation defends Palestinian lands and the Palestinian cause. "
            "Men gathered outside. A Palestinian youth was wounded.")
    assert groups(actors_nlp, text) == []


def test_military_of_one_country_is_one_actor_named_neutrally(actors_nlp):
    text = ("Israeli soldiers raided the camp at dawn. Witnesses said the Zionist troops left before noon, "
            "and Israeli forces returned at night. Egyptian troops stayed at the border.")
    actors = groups(actors_nlp, text)
    israeli = group_at(actors, text, "Israeli soldiers")
    assert israeli is not None and israeli.name == "Israeli soldiers" and israeli.country == "ISR"
    assert group_at(actors, text, "Zionist troops") is israeli
    assert group_at(actors, text, "Israeli forces") is israeli
    assert "Israeli troops" in israeli.aliases  # the loaded adjective stays in the mention only
    egyptian = group_at(actors, text, "Egyptian troops")
    assert egyptian is not None and egyptian is not israeli and egyptian.country == "EGY"
    check_mentions(text, actors)


def test_kinds_of_groups_stay_apart_and_bare_mentions_join(actors_nlp):
    text = ("Iranian students and Iranian workers marched in Tehran. Iranian police arrested dozens. "
            "Police said the students had no permit.")
    actors = groups(actors_nlp, text)
    students = group_at(actors, text, "Iranian students")
    workers = group_at(actors, text, "Iranian workers")
    police = group_at(actors, text, "Iranian police")
    assert len({id(students), id(workers), id(police)}) == 3
    assert group_at(actors, text, "Police said") is police
    assert group_at(actors, text, "students had") is students
    check_mentions(text, actors)


def test_named_modifiers_keep_their_actor(actors_nlp):
    text = "US troops and Hamas fighters were seen near Iraq's government offices."
    actors = actors_nlp(text)._.ng_actors
    assert not [a for a in actors if a.type == "GROUP"]
    assert group_at(actors, text, "US").name in ("US", "United States")


def test_qualifiers_name_the_group(actors_nlp):
    text = "Rebel forces attacked government troops. Armed groups and Kurdish fighters joined them."
    actors = groups(actors_nlp, text)
    rebels = group_at(actors, text, "Rebel forces")
    assert rebels is not None and rebels.name == "rebel forces"
    assert group_at(actors, text, "government troops") not in (None, rebels)
    assert group_at(actors, text, "Armed groups").name == "armed groups"
    assert group_at(actors, text, "Kurdish fighters").name == "Kurdish fighters"


def test_they_after_a_group_in_the_same_sentence(actors_nlp):
    text = "The protesters made it so hard for the Zionist troops that they had to retreat."
    actors = groups(actors_nlp, text)
    troops = group_at(actors, text, "Zionist troops")
    they = text.index("they")
    assert any(m.start == they and m.kind == "pronoun" for m in troops.mentions)


def test_seed_groups(actors_nlp, seed_text):
    actors = actors_nlp(seed_text)._.ng_actors
    soldiers = group_at(actors, seed_text, "Israeli soldiers")
    assert soldiers is not None and soldiers.type == "GROUP" and soldiers.country == "ISR"
    assert group_at(actors, seed_text, "Zionist troops") is soldiers
    youth = group_at(actors, seed_text, "Palestinian youth")
    assert youth is not None and youth.name == "Palestinian youth" and youth.country == "PSE"
    assert [m.text for m in youth.mentions] == ["Palestinian youth", "Palestinian youth"]
    for thing in ("Palestinian generation", "Palestinian lands", "Palestinian soil", "Palestinian cause"):
        assert group_at(actors, seed_text, thing) is None, thing
    check_mentions(seed_text, actors)


def test_a_group_named_by_what_it_does(actors_nlp):
    text = ("Croatian authorities are failing to protect Croatian Serb refugees, a human rights group said on "
            "Wednesday. Aid groups agreed.")
    actors = groups(actors_nlp, text)
    assert group_at(actors, text, "human rights group").name == "human rights group"
    assert group_at(actors, text, "Aid groups").name == "aid groups"
    refugees = group_at(actors, text, "Croatian Serb refugees")
    assert refugees.name == "Croatian Serb refugees" and refugees.country == "HRV"
    assert group_at(actors, text, "Croatian authorities").country == "HRV"


def test_events_take_groups_as_actors(nlp):
    text = ("Police detained dozens of protesters in Cairo on Sunday. "
            "Russian troops shelled the town of Avdiivka, and Ukrainian soldiers fought back.")
    doc = nlp(text)
    names = {a.id: a.name for a in doc._.ng_actors}
    roles = [{(names[r.actor], r.role) for r in e.actors} for e in doc._.ng_events]
    assert any({("police", "source"), ("protesters", "target")} <= r for r in roles), roles
    assert any(("Russian troops", "source") in r for r in roles), roles


def test_seed_jenin_fighting_has_both_sides(analyzer, seed_text):
    from newsgraph.model import Article

    result = analyzer.analyze_article(
        Article(id="seed", source="seed", body=seed_text, published="2023-06-22", language="en"))
    names = {a.id: a.name for a in result.actors}
    jenin = next(a.id for a in result.actors if a.name == "Jenin")
    fights = [e for e in result.events if e.type in ("FIGHT", "ASSAULT") and e.place == jenin]
    assert len(fights) == 1, fights
    roles = {(names[r.actor], r.role) for r in fights[0].actors}
    assert ("Palestinian youth", "source") in roles, roles
    assert ("Israeli soldiers", "target") in roles, roles
    assert fights[0].date_precision == "approximate"


def test_mention_is_the_group_phrase_not_its_list_of_modifiers(actors_nlp):
    text = "Judges freed those two Syrian rebels and the armed, masked and angry militants."
    actors = groups(actors_nlp, text)
    rebels = group_at(actors, text, "Syrian rebels")
    assert rebels is not None and [m.text for m in rebels.mentions] == ["Syrian rebels"]
    militants = [a for a in actors if a.name == "militants" or a.name.endswith(" militants")]
    assert militants and all("," not in m.text for a in militants for m in a.mentions)
    check_mentions(text, actors)


def test_agent_kinds_of_the_plover_lists_make_groups_with_a_nationality(actors_nlp):
    text = ("Kenyan landowners blocked the road to Nakuru. Landowners are often sued. "
            "Russian aircraft bombed the bridge, and Israeli tanks crossed the border. Fighter jets flew over Nakuru.")
    actors = groups(actors_nlp, text)
    kenyan = group_at(actors, text, "Kenyan landowners")
    assert kenyan is not None and kenyan.country == "KEN"
    assert group_at(actors, text, "Landowners") is None  # a kind alone is nobody in particular
    assert group_at(actors, text, "Russian aircraft").country == "RUS"  # CAMEO: the country's military
    assert group_at(actors, text, "Israeli tanks").country == "ISR"
    assert group_at(actors, text, "Fighter jets") is None  # weapons without a country are things
    check_mentions(text, actors)


def test_a_counted_group_is_an_actor_named_as_written(actors_nlp):
    text = ("Six labour and farm groups wrote to the minister on Monday. "
            "Two members of the Lisbon Harbour Council — Ana Veloso and Rui Matos — signed the letter. "
            "Five people were hurt in the crush outside.")
    actors = groups(actors_nlp, text)
    unions = group_at(actors, text, "labour and farm groups")
    assert unions is not None and unions.name == "labour and farm groups"
    members = group_at(actors, text, "members")
    assert members is not None and members.name == "members of the Lisbon Harbour Council"
    assert group_at(actors, text, "people") is None  # counted, but only suffers: no new actor
    check_mentions(text, actors)
