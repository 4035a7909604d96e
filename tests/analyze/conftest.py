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
