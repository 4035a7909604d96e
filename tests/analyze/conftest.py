"""Fixtures for the analysis tests: the spaCy model is loaded once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The full newsgraph pipeline (spaCy model + every newsgraph component)."""
    from newsgraph.analyze.pipeline import load_model

    return load_model()


@pytest.fixture(scope="session")
def analyzer(nlp):
    """An Analyzer over the session's pipeline (Article -> Analysis)."""
    from newsgraph.analyze.pipeline import Analyzer

    return Analyzer(nlp=nlp)


@pytest.fixture(scope="session")
def actors_nlp():
    """spaCy's model plus the actors component only (independent of the later components)."""
    import spacy

    import newsgraph.analyze.actors  # noqa: F401  (registers the factory)
    from newsgraph.analyze.pipeline import DEFAULT_MODEL

    from newsgraph.analyze.kb import SHIPPED_DIR, KnowledgeBase

    model = spacy.load(DEFAULT_MODEL)
    model.add_pipe("newsgraph_actors")
    # the shipped KB only: a user's ~/.newsgraph/kb must not change test results
    model.get_pipe("newsgraph_actors").use_kb(KnowledgeBase.load([SHIPPED_DIR]))
    return model


@pytest.fixture(scope="session")
def analyse(nlp):
    """A function: (text, published ISO time) -> the doc the full pipeline makes of the text."""

    def run(text: str, published: str = "2025-03-14T10:00"):
        doc = nlp.make_doc(text)
        doc._.ng_published = published
        return nlp(doc)

    return run


@pytest.fixture(scope="session")
def event_roles(analyse):
    """A function: (text, published, type or None) -> the text's events (of that type when given),
    each as (event, {actor name: role})."""

    def run(text: str, published: str, etype: str | None = None):
        doc = analyse(text, published)
        names = {a.id: a.name for a in doc._.ng_actors}
        return [(e, {names.get(a.actor): a.role for a in e.actors}) for e in doc._.ng_events
                if etype in (None, e.type)]

    return run


@pytest.fixture(scope="session")
def coded_events(analyse):
    """A function: text (published 2025-03-14T10:00) -> its events as (type, source names, target names)."""

    def events(text: str) -> list[tuple[str, set[str], set[str]]]:
        doc = analyse(text)
        names = {a.id: a.name for a in doc._.ng_actors}
        return [(ev.type, {names[a.actor] for a in ev.actors if a.role == "source"},
                 {names[a.actor] for a in ev.actors if a.role == "target"}) for ev in doc._.ng_events]

    return events


@pytest.fixture(scope="session")
def statement_with():
    """A function: (doc, words) -> the one statement of the doc whose content holds the words (asserts one)."""

    def find(doc, needle: str):
        found = [s for s in doc._.ng_statements if needle in s.content]
        assert len(found) == 1, [(s.speaker_text, s.content) for s in doc._.ng_statements]
        return found[0]

    return find


@pytest.fixture(scope="session")
def actor_by_id():
    """A function: (doc, actor id) -> that actor of the doc."""
    return lambda doc, actor_id: next(a for a in doc._.ng_actors if a.id == actor_id)
