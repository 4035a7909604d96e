"""Every setting of newsgraph in one place, each with its environment variable and help text.

``Settings()`` reads the ``NEWSGRAPH_*`` variables (pydantic-settings); keyword arguments win over
them.  Commands and the web app read it once when they start and pass it on; library helpers that
are called without one (``kb.home_dir``, ``plover.lexicon_paths``) call ``get_settings()``, which
reads the environment at that moment, so a test's ``monkeypatch.setenv`` is seen.

The README's table of settings is generated from this class (``markdown_table``) and checked
against it by ``tests/test_docs.py``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from newsgraph.errors import ConfigError

#: The largest input newsgraph reads (a file, a fetched page, an upload body): 20 MB.  The one constant.
MAX_INPUT_BYTES = 20_000_000

#: The database used when neither ``--db`` nor ``NEWSGRAPH_DB`` names one.
DEFAULT_DB = "sqlite:///newsgraph.db"

ENV_PREFIX = "NEWSGRAPH_"


class Settings(BaseSettings):
    """newsgraph's settings: each field is read from ``NEWSGRAPH_<FIELD NAME>`` unless given."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", validate_default=True)

    db: str = Field(DEFAULT_DB, description="Database URL (SQLAlchemy) or SQLite file path; `--db` wins over it.")
    home: Path = Field(default_factory=lambda: Path.home() / ".newsgraph",
                       description="newsgraph's per-user directory (imported KB lists go to `HOME/kb/`).")
    triggers: str = Field("", description="Your own event-trigger CSV files, paths joined by `:` "
                                          "(`;` on Windows); they win over the shipped lexicons.")
    api_token: str | None = Field(None, description="Bearer token the web API's writes (ingest, comments) need; "
                                                    "unset: API writes are refused.")
    admin_token: str | None = Field(None, description="Token that hides comments in the web app; unset: nobody can.")
    secret: bytes = Field(default_factory=lambda: secrets.token_bytes(32),
                          description="Key that signs the web forms' CSRF tokens; unset: a random one per start "
                                      "(set it when several server processes share a port).")
    base_url: str | None = Field(None, description="Public address of the web app (e.g. `https://news.example.org`), "
                                                   "used for permanent links; unset: links are relative. The "
                                                   "request's Host header is never used.")
    allow_private: bool = Field(False, description="Let fetches (web URL ingest) reach loopback, private and "
                                                   "reserved addresses (`--allow-private` for the CLI).")
    fetch_timeout: float = Field(20.0, gt=0, le=600, description="Seconds one fetch may take in all: connect, "
                                                                 "headers and body.")
    fetch_workers: int = Field(4, ge=1, le=64, description="Web URL ingests fetched at once; more wait in a queue.")
    fetch_queue: int = Field(100, ge=1, le=10_000, description="Web URL ingests that may wait; past it: 503.")
    analysis_budget: float = Field(300.0, gt=0, description="Seconds the analysis of one document may take; "
                                                             "past it (checked after each 50,000-character chunk) "
                                                             "the document fails with one line, the others go on.")
    analysis_max_chars: int = Field(2_000_000, ge=1_000, description="Characters of one document's body that "
                                                                     "are analysed (about 330,000 words, some 100 s); "
                                                                     "the rest is stored but not analysed, and the "
                                                                     "article's notes say so.")
    collections: Path | None = Field(None, description="A TOML or CSV file naming outlet collections "
                                                       "(`\"state media\" = [\"ISWNews\", \"Press TV\"]`) for the "
                                                       "search's and export's `collection` filter; `--collections` "
                                                       "wins over it.")
    comment_limit: int = Field(5, ge=1, description="Comments one client may post per `comment_window`.")
    comment_window: float = Field(60.0, gt=0, description="Seconds of the comment rate window.")
    ingest_limit: int = Field(10, ge=1, description="Web/API ingests (and token tries) per client per `ingest_window`.")
    ingest_window: float = Field(60.0, gt=0, description="Seconds of the ingest rate window.")
    max_comment_chars: int = Field(5_000, ge=1, description="Longest comment accepted, in characters.")
    max_upload_bytes: int = Field(5_000_000, ge=1, le=MAX_INPUT_BYTES,
                                  description="Largest web/API upload, in bytes.")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Return settings from the environment with ``overrides`` applied (``ConfigError`` on a bad value)."""
        return get_settings(**overrides)

    @field_validator("base_url")
    @classmethod
    def _check_base_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError(f"base_url must be an http(s) address with no query, not {value!r}")
        return value.strip().rstrip("/")

    def trigger_paths(self) -> tuple[Path, ...]:
        """Return the user's trigger lexicons named by ``triggers``, in order."""
        return tuple(Path(p) for p in self.triggers.split(os.pathsep) if p.strip())

    def public_url(self, path: str) -> str:
        """Return ``path`` (starting with '/') under ``base_url``, or ``path`` itself when none is set."""
        return f"{self.base_url}{path}" if self.base_url else path


def get_settings(**overrides: object) -> Settings:
    """Return the settings as the environment gives them now, with ``overrides`` applied.

    Raises ``ConfigError`` naming the variable when one has a bad value (one line, no traceback).
    """
    try:
        return Settings(**overrides)
    except ValidationError as err:
        problems = []
        for item in err.errors()[:3]:
            field = str(item["loc"][0]) if item.get("loc") else "?"
            where = env_name(field) if field in Settings.model_fields else field
            problems.append(f"{where}: {item.get('msg', 'invalid')}")
        raise ConfigError("; ".join(problems)) from None


def env_name(field: str) -> str:
    """Return the environment variable that sets ``field``."""
    return ENV_PREFIX + field.upper()


def markdown_table() -> str:
    """Return the README's table of settings: variable, default, meaning."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, info in Settings.model_fields.items():
        if info.default_factory is not None:
            default = {"home": "`~/.newsgraph`", "secret": "random per start"}.get(name, "computed")
        elif info.default in (None, ""):
            default = "unset"
        else:
            default = f"`{info.default}`"
        rows.append(f"| `{env_name(name)}` | {default} | {info.description} |")
    return "\n".join(rows)
