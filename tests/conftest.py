"""Fixtures shared by the whole suite. Each area adds its own in tests/<area>/conftest.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """A copy of the article this project started from (ISWNews, copied page text)."""
    return FIXTURES / "seed_iswnews.txt"


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The gold data in ../shared/data (skips when this checkout has none beside it)."""
    path = Path(os.environ.get("NEWSGRAPH_TEST_SHARED_DATA", ROOT.parent / "shared" / "data"))
    if not path.is_dir():
        pytest.skip(f"gold data not found at {path}")
    return path
