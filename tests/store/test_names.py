"""Which names tie an actor to another article's (store/names.py), and what a wrong alias can no longer do."""

from __future__ import annotations

import itertools

import pytest

from newsgraph.model import Actor, Analysis, Article, Mention
from newsgraph.store import Store
from newsgraph.store.names import linking_names, normalise_name, same_name


def test_folding():
    assert normalise_name("The  Élysée Palace!") == "elysee palace"
    assert normalise_name("U.S.") == "u s"


def test_forms_of_one_name():
    assert same_name("u s", "united states") and same_name("fbi", "federal bureau of investigation")
    assert same_name("peterson institute", "peterson institute for economics")
    assert not same_name("gop", "house") and not same_name("bill okafor", "maria okafor")


def test_a_persons_one_word_and_shorter_names_do_not_link():
    assert linking_names(["Maria Okafor", "Okafor", "Maria"], "PERSON") == {"maria okafor"}
    assert linking_names(["Okafor", "Maria N. Okafor"], "PERSON") == {"maria n okafor"}
    assert linking_names(["Maria N. Okafor", "Maria Okafor"], "PERSON") == {"maria n okafor"}
    # an alias the analysis attached to the wrong person ties nothing
    assert linking_names(["Maria Okafor", "Daniel Okafor"], "PERSON") == {"maria okafor"}
    assert linking_names(["Okafor"], "PERSON") == set()


def test_organisations_link_by_initials_and_shared_words_only():
    assert linking_names(["Northern Grain Board", "NGB", "Farmers Union"], "ORG") == {"northern grain board", "ngb"}
    assert linking_names(["Republic of Veldt", "Veldt"], "GPE") == {"republic of veldt", "veldt"}


def _person(aid: str, body: str, name: str, *aliases: str) -> Actor:
    mentions = [Mention(text=n, start=body.index(n), end=body.index(n) + len(n)) for n in (name, *aliases) if n in body]
    return Actor(id=aid, name=name, type="PERSON", aliases=list(aliases), mentions=mentions)


def _okafors() -> list[Analysis]:
    one, two = "Maria Okafor won the vote.", "Daniel Okafor lost his seat."
    three = "Maria Okafor, wife of Daniel Okafor, spoke."  # the analysis wrongly made them one actor here
    return [Analysis(article=Article(id="o1", source="o1.txt", body=one), actors=[_person("a1", one, "Maria Okafor")]),
            Analysis(article=Article(id="o2", source="o2.txt", body=two), actors=[_person("a1", two, "Daniel Okafor")]),
            Analysis(article=Article(id="o3", source="o3.txt", body=three),
                     actors=[_person("a1", three, "Maria Okafor", "Daniel Okafor", "Okafor")])]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_wrong_alias_does_not_merge_two_people(store: Store, order) -> None:
    analyses = _okafors()
    for i in order:
        store.save(analyses[i])
    people = sorted((a.name, a.article_count) for a in store.list_actors("okafor").items)
    assert people == [("Daniel Okafor", 1), ("Maria Okafor", 2)]
    assert store.find_actor("Daniel Okafor").article_count == 1
