"""Across articles: one actor per person, one event per real-world event, syndicated copies grouped."""

from __future__ import annotations

import pytest

from newsgraph.errors import NotFoundError, QueryError
from newsgraph.model import Actor, Analysis, Article, Event, EventActor, Mention
from newsgraph.store import Store


def test_seed_in_a_corpus(store: Store, seed_analysis: Analysis, second_analysis: Analysis) -> None:
    """Seed, second outlet, seed again: two articles, one Khamenei, one Haniyeh, one meeting with two sources."""
    statuses = [store.save(a).status for a in (seed_analysis, second_analysis, seed_analysis)]
    assert statuses == ["new", "new", "unchanged"]
    assert store.counts()["articles"] == 2
    khamenei, haniyeh = store.find_actor("Khamenei"), store.find_actor("Haniyeh")
    assert khamenei.article_count == haniyeh.article_count == 2
    assert [a.id for a in store.list_actors("khamenei").items] == [khamenei.id]
    assert [a.id for a in store.list_actors("haniyeh").items] == [haniyeh.id]
    assert "Haniyeh" in haniyeh.aliases and haniyeh.affiliations == ["Hamas"]

    meetings = [e for e in store.network() if {e.source, e.target} == {khamenei.name, haniyeh.name}]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert (meeting.count, meeting.first_date, meeting.event_type, meeting.sources) == (1, "2023-06-21", "CONSULT", 2)
    assert sorted(e.article_id for e in meeting.evidence) == ["gulfwire-1", "seed-iswnews"]
    bodies = {a.article.id: a.article.body for a in (seed_analysis, second_analysis)}
    for ev in meeting.evidence:
        assert bodies[ev.article_id][ev.start:ev.end] == ev.text

    # the June 19 meeting: "Ahmadiyan" in one outlet, "Ahmadian" in the other, one person
    ahmadian = store.find_actor("Ali Akbar Ahmadian")
    assert store.find_actor("Ali Akbar Ahmadiyan").id == ahmadian.id
    [edge] = store.actor_meetings(ahmadian.id)
    assert {edge.source_id, edge.target_id} == {haniyeh.id, ahmadian.id} and edge.first_date == "2023-06-19"

    said = [i for i in store.actor_timeline(haniyeh.id) if i.kind == "statement"]
    assert {i.evidence[0].article_id for i in said} == {"seed-iswnews", "gulfwire-1"}
    assert any(i.direct and "single inch" in i.summary for i in said)
    events = [i for i in store.actor_timeline(haniyeh.id) if i.kind == "event"]
    assert [i.date for i in events] == ["2023-06-19", "2023-06-21"]
    assert store.counts()["events"] == 2


def test_related_articles_share_actors_and_events(store: Store, seed_analysis: Analysis, second_analysis: Analysis) -> None:
    store.save(seed_analysis)
    store.save(second_analysis)
    lonely = Analysis(article=Article(id="other", source="o.txt", body="Nothing related at all here."))
    store.save(lonely)
    [related] = store.related("seed-iswnews")
    assert related.id == "gulfwire-1" and related.score >= 2 * 3.0  # two shared events at least
    assert store.related("other") == []
    with pytest.raises(NotFoundError):
        store.related("missing")


def _person(aid: str, name: str, body: str, **kw) -> Actor:
    start = body.index(name)
    return Actor(id=aid, name=name, type="PERSON", mentions=[Mention(text=name, start=start, end=start + len(name))], **kw)


def _article(aid: str, body: str, published: str | None = "2024-01-10") -> Article:
    return Article(id=aid, source=f"{aid}.txt", body=body, published=published)


def test_knowledge_base_ids_win_over_names(store: Store) -> None:
    one = "John Smith met the board."
    two = "John Smith, the footballer, scored."
    store.save(Analysis(article=_article("one", one), actors=[_person("a1", "John Smith", one, kb_id="kb:js-ceo")]))
    store.save(Analysis(article=_article("two", two), actors=[_person("a1", "John Smith", two, kb_id="kb:js-player")]))
    three = "Mr John Smith spoke."
    store.save(Analysis(article=_article("three", three), actors=[_person("a1", "John Smith", three, kb_id="kb:js-ceo")]))
    actors = store.list_actors("john smith").items
    assert sorted(a.article_count for a in actors) == [1, 2]
    assert {a.kb_id for a in actors} == {"kb:js-ceo", "kb:js-player"}


def test_similar_but_different_people_stay_apart(store: Store) -> None:
    one, two = "Maria Lopez said yes.", "Mario Lopez said no."
    store.save(Analysis(article=_article("one", one), actors=[_person("a1", "Maria Lopez", one)]))
    store.save(Analysis(article=_article("two", two), actors=[_person("a1", "Mario Lopez", two)]))
    assert len(store.list_actors("lopez").items) == 2
    with pytest.raises(NotFoundError):
        store.find_actor("Nobody Atall")


def _group(aid: str, phrase: str, body: str, country: str | None) -> Actor:
    start = body.index(phrase)
    mention = Mention(text=phrase, start=start, end=start + len(phrase), kind="description")
    return Actor(id=aid, name=phrase, type="GROUP", country=country, mentions=[mention])


def test_unnamed_groups_merge_across_articles_only_with_a_country(store: Store) -> None:
    one, two = "Police said Israeli soldiers left.", "Police said Israeli soldiers returned."
    for aid, body in (("one", one), ("two", two)):
        store.save(Analysis(article=_article(aid, body), actors=[
            _group("a1", "Police", body, None), _group("a2", "Israeli soldiers", body, "ISR")]))
    assert sorted(a.article_count for a in store.list_actors("police").items) == [1, 1]
    assert [a.article_count for a in store.list_actors("israeli soldiers").items] == [2]
    # a named group of the same name is not an unnamed one
    three = "Police is a band."
    store.save(Analysis(article=_article("three", three), actors=[_person("a1", "Police", three).model_copy(update={"type": "ORG"})]))
    assert len(store.list_actors("police").items) == 3


def _meeting(aid: str, body: str, date: str | None, precision: str | None = "day", published: str = "2024-01-10") -> Analysis:
    a, b = _person("a1", "Olaf Scholz", body), _person("a2", "Emmanuel Macron", body)
    sentence = body.split(".")[0]
    ev = Event(type="CONSULT", actors=[EventActor(actor="a1", role="source"), EventActor(actor="a2", role="target")],
               date=date, date_precision=precision if date else None, text=sentence, start=0, end=len(sentence))
    return Analysis(article=_article(aid, body, published), actors=[a, b], events=[ev])


def test_events_merge_only_when_type_actors_and_date_agree(store: Store) -> None:
    store.save(_meeting("m1", "Olaf Scholz met Emmanuel Macron in Paris. More.", "2024-01-09"))
    store.save(_meeting("m1b", "Olaf Scholz received Emmanuel Macron. Told again.", "2024-01-09", published="2024-01-11"))
    # a month is not the day: it may be another meeting that month
    store.save(_meeting("m2", "Olaf Scholz and Emmanuel Macron held talks. Other words.", "2024-01", "month"))
    # undated: nothing says which meeting it is
    store.save(_meeting("m3", "Olaf Scholz hosted Emmanuel Macron on Tuesday. Yes.", None, published="2024-01-12"))
    store.save(_meeting("m4", "Olaf Scholz met Emmanuel Macron again in Berlin. New.", "2024-03-02", published="2024-03-03"))
    edges = store.network()
    assert len(edges) == 1 and edges[0].count == 4
    assert (edges[0].first_date, edges[0].last_date) == ("2024-01", "2024-03-02")
    by_text = {}
    for item in store.actor_timeline(store.find_actor("Scholz").id):
        by_text[(item.date, item.date_precision)] = sorted(e.article_id for e in item.evidence)
    assert by_text == {("2024-01-09", "day"): ["m1", "m1b"], ("2024-01", "month"): ["m2"], (None, None): ["m3"],
                       ("2024-03-02", "day"): ["m4"]}
    assert store.network(since="2024-02-01")[0].count == 1
    assert store.network(until="2023-12-31") == []
    assert store.network(types=["ASSAULT"]) == []
    with pytest.raises(QueryError, match="since"):
        store.network(since="last week")


def _deed(aid: str, body: str, type_: str, source: str, target: str) -> Analysis:
    a, b = _person("a1", source, body), _person("a2", target, body)
    sentence = body.split(".")[0]
    ev = Event(type=type_, actors=[EventActor(actor="a1", role="source"), EventActor(actor="a2", role="target")],
               date="2024-01-09", date_precision="day", text=sentence, start=0, end=len(sentence))
    return Analysis(article=_article(aid, body), actors=[a, b], events=[ev])


def test_roles_must_agree_except_for_symmetric_types(store: Store) -> None:
    store.save(_deed("d1", "Olaf Scholz criticised Emmanuel Macron. More.", "DISAPPROVE", "Olaf Scholz", "Emmanuel Macron"))
    store.save(_deed("d2", "Emmanuel Macron criticised Olaf Scholz. More.", "DISAPPROVE", "Emmanuel Macron", "Olaf Scholz"))
    store.save(_deed("d3", "Emmanuel Macron met Olaf Scholz. More.", "CONSULT", "Emmanuel Macron", "Olaf Scholz"))
    store.save(_deed("d4", "Olaf Scholz met Emmanuel Macron. More.", "CONSULT", "Olaf Scholz", "Emmanuel Macron"))
    edges = store.network(types=None)
    directed = sorted((e.source, e.target, e.count) for e in edges if e.event_type == "DISAPPROVE")
    assert directed == [("Emmanuel Macron", "Olaf Scholz", 1), ("Olaf Scholz", "Emmanuel Macron", 1)]
    [meeting] = [e for e in edges if e.event_type == "CONSULT"]
    assert meeting.count == 1 and sorted(x.article_id for x in meeting.evidence) == ["d3", "d4"]
    assert store.counts()["events"] == 3  # two criticisms, one meeting told twice


def test_syndicated_copies_are_grouped_not_independent(store: Store) -> None:
    base = ("Olaf Scholz met Emmanuel Macron in Paris on Tuesday to discuss the budget of the European Union, "
            "defence spending, energy prices, migration and the war in Ukraine, officials from both governments "
            "said after the meeting, which lasted three hours and ended with a joint statement on industry.\n\n"
            "The two leaders agreed to set up a working group on subsidies for chip factories and battery plants, "
            "and asked their finance ministers to report back before the next summit in Brussels. Macron called the "
            "talks frank and useful, while Scholz said Germany and France would present common proposals on the "
            "joint procurement of ammunition. Opposition parties in both countries criticised the lack of detail.")
    # a wire copy: another dateline, one word changed, the agency's tag added
    copy = "PARIS (Reuters) - " + base.replace("officials from both", "officials of both") + " (Reporting by staff)"
    store.save(_meeting("wire", base, "2024-01-09"))
    store.save(_meeting("copy", copy, "2024-01-09"))
    [edge] = store.network()
    assert edge.count == 1 and len(edge.evidence) == 2 and edge.sources == 1
    dup = {e.article_id: e.duplicate_of for e in edge.evidence}
    assert dup == {"wire": None, "copy": "wire"}
