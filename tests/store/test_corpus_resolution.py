"""Corpus resolution on real analyses: which events are one, what is a network edge, and
stores that do not depend on the order (or the partitioning) articles arrive in."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsgraph.model import Actor, Analysis, Article, Event, EventActor, Mention
from newsgraph.store import Store


def _articles(texts: dict[str, tuple[str, str]]) -> list[Article]:
    return [Article(id=k, source=f"{k}.txt", published=p, published_precision="second", body=b, language="en",
                    extractor="text") for k, (p, b) in texts.items()]


def _events(analysis: Analysis, kind: str) -> list[Event]:
    return [e for e in analysis.events if e.type == kind]


MEETINGS = {
    # the same meeting told by two outlets, each its own way, a day apart
    "m1": ("2025-05-13T09:00:00+00:00", "Finnish President Alexander Stubb met German Chancellor Friedrich Merz in "
           "Berlin on Monday. The two leaders discussed defence spending and energy prices, officials said."),
    "m2": ("2025-05-14T18:30:00+00:00", "German Chancellor Friedrich Merz met Finnish President Alexander Stubb on "
           "Monday in Berlin, his office said. Merz said the talks were useful."),
    # another meeting of the same two, a week later
    "m3": ("2025-05-21T10:00:00+00:00", "Finnish President Alexander Stubb met German Chancellor Friedrich Merz in "
           "Helsinki on Tuesday. Stubb said the visit showed close ties."),
}


def test_real_reports_of_one_meeting_are_one_event_another_day_is_another(store: Store, analyzer) -> None:
    analyses = {a.article.id: a for a in analyzer.pipe(_articles(MEETINGS))}
    dated = {k: [(e.date, e.date_precision) for e in _events(a, "CONSULT") if e.actors] for k, a in analyses.items()}
    # what the analysis must give for this test to mean anything
    assert dated == {"m1": [("2025-05-12", "day")], "m2": [("2025-05-12", "day")], "m3": [("2025-05-20", "day")]}
    for aid in ("m3", "m2", "m1"):
        store.save(analyses[aid])
    [edge] = store.network(actor="Stubb")
    assert {edge.source, edge.target} == {"Alexander Stubb", "Friedrich Merz"}
    assert edge.count == 2 and (edge.first_date, edge.last_date) == ("2025-05-12", "2025-05-20")
    by_day = {}
    for item in store.actor_timeline(store.find_actor("Friedrich Merz").id):
        if item.kind == "event" and item.event_type == "CONSULT" and item.counterparts:
            by_day[item.date] = sorted(e.article_id for e in item.evidence)
    assert by_day == {"2025-05-12": ["m1", "m2"], "2025-05-20": ["m3"]}


def test_an_event_with_one_participant_is_never_an_edge(store: Store, analyzer) -> None:
    body = "The Ukrainian army launched a drone attack on Tuesday, the general staff said. No details were given."
    [analysis] = analyzer.pipe(_articles({"s1": ("2025-05-14T10:00:00+00:00", body)}))
    lone = [e for e in analysis.events if len({r.actor for r in e.actors}) == 1]
    assert lone, "the analysis gives the attack with its one doer"
    store.save(analysis)
    # two roles of one event that the corpus knows as one actor: still one participant
    text = "Acme Holdings sued Acme Holdings Ltd. Nothing else."
    a1 = Actor(id="a1", name="Acme Holdings", type="ORG", mentions=[Mention(text="Acme Holdings", start=0, end=13)])
    a2 = Actor(id="a2", name="Acme Holdings Ltd", type="ORG", aliases=["Acme Holdings"],
               mentions=[Mention(text="Acme Holdings Ltd", start=19, end=36)])
    sentence = text.split(".")[0]
    ev = Event(type="COERCE", actors=[EventActor(actor="a1", role="source"), EventActor(actor="a2", role="target")],
               date="2025-05-13", date_precision="day", text=sentence, start=0, end=len(sentence))
    store.save(Analysis(article=Article(id="s2", source="s2.txt", body=text, published="2025-05-14"),
                        actors=[a1, a2], events=[ev]))
    assert store.counts()["events"] >= 2
    assert store.network(types=None) == []
    assert any(i.kind == "event" for i in store.actor_timeline(store.find_actor("Acme Holdings").id))


def _org(aid: str, body: str, name: str, *aliases: str) -> Actor:
    mentions = [Mention(text=n, start=body.index(n), end=body.index(n) + len(n)) for n in (name, *aliases) if n in body]
    return Actor(id=aid, name=name, type="ORG", aliases=list(aliases), mentions=mentions)


def _chain() -> list[Analysis]:
    """Three articles: one names the agency in full, one by its acronym, one by both (the link)."""
    bodies = {"c1": "The World Health Organization said cases rose.", "c2": "WHO said cases fell in May.",
              "c3": "The World Health Organization (WHO) said vaccines work."}
    actors = {"c1": [_org("a1", bodies["c1"], "World Health Organization")],
              "c2": [_org("a1", bodies["c2"], "WHO")],
              "c3": [_org("a1", bodies["c3"], "World Health Organization", "WHO")]}
    return [Analysis(article=Article(id=k, source=f"{k}.txt", body=b), actors=actors[k]) for k, b in bodies.items()]


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (2, 1, 0), (0, 2, 1)])
def test_actors_linked_by_one_article_are_one_whatever_came_first(store: Store, order) -> None:
    analyses = _chain()
    for i in order:
        store.save(analyses[i])
    [actor] = store.list_actors(None, limit=10).items
    assert actor.article_count == 3
    assert actor.name == "World Health Organization"  # two articles of three call it that
    assert "WHO" in actor.aliases


def _orders(analyses: list[Analysis]) -> dict[str, list[list[Analysis]]]:
    """Ways a corpus can reach the store: one pass, reversed, shuffled, and 3 partitions finishing out of order."""
    third = -(-len(analyses) // 3)
    parts = [analyses[i : i + third] for i in range(0, len(analyses), third)]
    return {"sorted": [analyses], "reversed": [analyses[::-1]],
            "shuffled": [random.Random(7).sample(analyses, len(analyses))],
            "3 partitions": [parts[2], parts[0], parts[1]]}


@pytest.mark.slow
def test_the_store_is_the_same_whatever_the_order(text_corpus: Path, analyzer, tmp_path: Path, dump) -> None:
    from newsgraph.extract import extract_article
    from newsgraph.model import RawDocument

    files = sorted(text_corpus.glob("*.txt"))
    articles = [extract_article(RawDocument(content=f.read_bytes(), source=str(f), content_type="text/plain"))
                for f in files]
    analyses = list(analyzer.pipe(articles))
    dumps = {}
    for name, batches in _orders(analyses).items():
        with Store(f"sqlite:///{tmp_path / (name.replace(' ', '_') + '.db')}") as store:
            for batch in batches:
                store.save_many(batch, batch_size=50)
            dumps[name] = dump(store)
    reference = dumps.pop("sorted")
    assert len(reference["actors"]) > 500 and len(reference["events"]) > 100
    for name, got in dumps.items():
        for key in reference:
            assert got[key] == reference[key], f"{name}: {key} differ"
