"""The workbench's store queries (actor keys and look-up, the actors list, fact notes, framing counts) on
SQLite and PostgreSQL, over hand-made analyses whose answers the test knows."""

from __future__ import annotations

import csv
import io

import pytest


@pytest.fixture
def store(db_url: str):  # noqa: ANN201
    """A Store over a fresh SQLite file or a new PostgreSQL schema, filled with two hand-made articles."""
    from newsgraph.store import Store

    s = Store(db_url)
    s.save_many(_analyses())
    yield s
    s.close()


def _analyses():  # noqa: ANN202
    from newsgraph.model import Actor, Analysis, Article, Event, EventActor, Framing, Mention, Statement

    out = []
    for n, (site, day) in enumerate((("Tasnim", "2023-06-21"), ("Reuters", "2023-07-02"))):
        body = (f"Supreme Leader Ali Khamenei met Ismail Haniyeh in Tehran.\n\n"
                f"\"The enemy is a cancerous tumour,\" Khamenei said of the Zionist regime. Story {n}. Mercury said nothing.")
        def mention(text: str, after: int = 0) -> Mention:  # noqa: E306
            start = body.index(text, after)
            return Mention(text=text, start=start, end=start + len(text))
        actors = [
            Actor(id="a1", name="Ali Khamenei", type="PERSON", kb_id="ali-khamenei", country="IRN",
                  titles=["Supreme Leader"], mentions=[mention("Ali Khamenei"), mention("Khamenei", 60)]),
            Actor(id="a2", name="Ismail Haniyeh", type="PERSON", country="PSE", mentions=[mention("Ismail Haniyeh")]),
            Actor(id="a3", name="Tehran", type="GPE", country="IRN", mentions=[mention("Tehran")]),
            # one name, two kinds of actor (no KB id): the URL key tells them apart by type
            Actor(id="a4", name="Mercury", type="ORG" if n == 0 else "PERSON", mentions=[mention("Mercury")]),
        ]
        sentence = body.split("\n\n")[0]
        quote = "The enemy is a cancerous tumour,"
        flags = [("cancerous tumour", "Name_Calling,Labeling")] + ([("Zionist regime", "Loaded_Language")] if n == 0 else [])
        out.append(Analysis(
            article=Article(id=f"w-{n}", source=f"w-{n}.txt", title=f"Story {n}", body=body, site=site, published=day,
                            extractor="text"),
            actors=actors,
            statements=[Statement(speaker="a1", content=quote, start=body.index(quote), end=body.index(quote) + len(quote),
                                  direct=True, cue="said")],
            events=[Event(type="CONSULT", actors=[EventActor(actor="a1"), EventActor(actor="a2")], place="a3",
                          date=day, date_precision="day", text=sentence, start=0, end=len(sentence))],
            framing=[Framing(text=t, start=body.index(t), end=body.index(t) + len(t), category=c) for t, c in flags],
        ))
    return out


def test_actor_keys_and_lookup_by_title_honorific_and_suggestion(store):
    from newsgraph.errors import NotFoundError

    khamenei = store.lookup_actor("Supreme Leader")
    assert khamenei.name == "Ali Khamenei"
    assert store.lookup_actor("Ayatollah Khamenei").id == khamenei.id  # honorific + a part of the name
    assert store.find_actor("Supreme Leader").id == khamenei.id  # the CLI's and API's look-up too
    for key in ("ali-khamenei", str(khamenei.id)):
        assert store.resolve_actor(key).id == khamenei.id
    assert store.resolve_actor("ismail-haniyeh").name == "Ismail Haniyeh"  # a name slug (no KB id)
    assert store.resolve_actor("mercury~org").type == "ORG" and store.resolve_actor("mercury~person").type == "PERSON"
    assert store.resolve_actor("ismail-haniyeh~person").name == "Ismail Haniyeh"
    with pytest.raises(NotFoundError, match="did you mean 'Ismail Haniyeh'"):
        store.lookup_actor("Ismail Hanieh")
    with pytest.raises(NotFoundError):
        store.resolve_actor("nobody-at-all")


def test_actors_list_filters_and_sorts(store):
    people = store.browse_actors(kind="PERSON", sort="name", descending=False).items
    assert [a.name for a in people] == ["Ali Khamenei", "Ismail Haniyeh", "Mercury"]
    iran = store.browse_actors(country="irn").items
    assert {a.name for a in iran} == {"Ali Khamenei", "Tehran"}
    assert store.browse_actors(sort="mentions").items[0].name == "Ali Khamenei"
    facets = store.actor_facets()
    assert facets["types"] == ["GPE", "ORG", "PERSON"] and facets["countries"] == ["IRN", "PSE"]
    nodes = store.network_nodes([a.id for a in people[:2]])
    assert {v[0] for v in nodes.values()} == {"Ali Khamenei", "Ismail Haniyeh"}


def test_fact_notes_flag_export_and_hide(store):
    flag = store.add_fact_note("w-0", "s-0", kind="flag", name="A", email="a@example.org", body="=not a quote")
    store.add_fact_note("w-1", "actor-a2", kind="comment", name="B", email="b@example.org", body="ok")
    assert flag.fact_kind == "statement" and "cancerous tumour" in flag.fact_text
    rows = list(csv.DictReader(io.StringIO("".join(store.export_fact_notes("flag")))))
    assert [(r["article_id"], r["fact"], r["kind"]) for r in rows] == [("w-0", "s-0", "flag")]
    assert rows[0]["body"] == "'=not a quote"  # a formula-like cell neutralised
    assert len(list(csv.DictReader(io.StringIO("".join(store.export_fact_notes()))))) == 2
    store.hide_fact_note(flag.id)
    assert store.fact_notes("w-0") == [] and len(store.fact_notes("w-1")) == 1


def test_fact_notes_refuse_facts_the_article_does_not_have(store):
    from newsgraph.errors import NotFoundError, QueryError

    with pytest.raises(QueryError):
        store.add_fact_note("w-0", "e-5", kind="flag", name="A", email="a@example.org", body="x")
    with pytest.raises(NotFoundError):
        store.add_fact_note("missing", "s-0", kind="flag", name="A", email="a@example.org", body="x")


def test_framing_counts_per_category_outlet_and_month(store):
    result = store.framing_summary()
    assert dict(result.by_category) == {"Name_Calling,Labeling": 2, "Loaded_Language": 1}
    assert dict(result.by_site["Tasnim"]) == {"Name_Calling,Labeling": 1, "Loaded_Language": 1}
    assert set(result.by_month) == {"2023-06", "2023-07"}
    assert result.articles[0]["id"] == "w-0" and result.total_articles == 2
    assert dict(store.framing_summary(site="reuters").by_category) == {"Name_Calling,Labeling": 1}
    assert sum(store.framing_summary(since="2023-07-01").by_category.values()) == 1
    from newsgraph.store.framing_summary import for_collections

    assert for_collections(result, {"state media": ["tasnim"]})["state media"][0] == 1
