"""newsgraph.settings: the environment read through one class, bad values one line naming the variable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.settings import MAX_INPUT_BYTES, Settings, get_settings


def test_environment_variables_are_read(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_HOME", str(tmp_path))
    monkeypatch.setenv("NEWSGRAPH_DB", "sqlite:///x.db")
    monkeypatch.setenv("NEWSGRAPH_SECRET", "s3cret")
    monkeypatch.setenv("NEWSGRAPH_FETCH_TIMEOUT", "7.5")
    monkeypatch.setenv("NEWSGRAPH_TRIGGERS", os.pathsep.join(["a.csv", "", "b.csv"]))
    monkeypatch.setenv("NEWSGRAPH_BASE_URL", "https://news.example.org/")
    s = get_settings()
    assert (s.home, s.db, s.secret, s.fetch_timeout) == (tmp_path, "sqlite:///x.db", b"s3cret", 7.5)
    assert s.trigger_paths() == (Path("a.csv"), Path("b.csv"))
    assert s.public_url("/articles/1") == "https://news.example.org/articles/1"


def test_keywords_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_API_TOKEN", "from-env")
    assert Settings.from_env(api_token="given").api_token == "given"
    assert get_settings().api_token == "from-env"


def test_defaults_without_environment(monkeypatch):
    for name in list(os.environ):
        if name.startswith("NEWSGRAPH_"):
            monkeypatch.delenv(name)
    s = get_settings()
    assert s.api_token is None and s.base_url is None and s.public_url("/x") == "/x"
    assert len(s.secret) == 32 and s.secret != get_settings().secret  # random per start
    assert s.max_upload_bytes <= MAX_INPUT_BYTES == 20_000_000


@pytest.mark.parametrize(("name", "value"), [
    ("NEWSGRAPH_FETCH_TIMEOUT", "soon"), ("NEWSGRAPH_FETCH_TIMEOUT", "0"), ("NEWSGRAPH_ALLOW_PRIVATE", "perhaps"),
    ("NEWSGRAPH_BASE_URL", "javascript:alert(1)"), ("NEWSGRAPH_BASE_URL", "https://x.example/?q=1"),
    ("NEWSGRAPH_FETCH_WORKERS", "0"),
])
def test_a_bad_value_is_one_config_error_naming_the_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as err:
        get_settings()
    assert name in str(err.value) and "\n" not in str(err.value)


def test_an_unknown_keyword_is_refused():
    with pytest.raises(ConfigError):
        get_settings(fetch_timout=3)
