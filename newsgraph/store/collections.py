"""Outlet collections: named sets of outlets ("Iranian state media": ISWNews, Tasnim, Press TV…),
read from a file the user keeps, to filter and compare searches and exports by.

The file is TOML, one name per line::

    "Iranian state media" = ["ISWNews", "Tasnim", "Press TV"]
    wires = ["Reuters", "AP", "AFP"]

or CSV with a ``collection,site`` header, one outlet a row.  Outlets are matched to an article's
site without regard to case.
"""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

from newsgraph.errors import ConfigError


def load_collections(path: str | Path | None) -> dict[str, list[str]]:
    """Return {collection name: outlets} from a TOML or CSV file ({} for no path); ConfigError naming the file."""
    if not path:
        return {}
    path = Path(path).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"outlet collections: cannot read {path}: {err}") from err
    if path.suffix.lower() == ".csv":
        return _from_csv(text, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"outlet collections: {path} is not TOML: {err}") from err
    out: dict[str, list[str]] = {}
    for name, outlets in data.items():
        if not isinstance(outlets, list) or not all(isinstance(o, str) for o in outlets):
            raise ConfigError(f"outlet collections: {path}: {name!r} must be a list of outlet names")
        out[name] = [o.strip() for o in outlets if o.strip()]
    return out


def _from_csv(text: str, path: Path) -> dict[str, list[str]]:
    rows = list(csv.DictReader(text.splitlines()))
    if rows and not {"collection", "site"} <= set(rows[0]):
        raise ConfigError(f"outlet collections: {path} needs a 'collection,site' header")
    out: dict[str, list[str]] = {}
    for row in rows:
        name, site = (row.get("collection") or "").strip(), (row.get("site") or "").strip()
        if name and site:
            out.setdefault(name, []).append(site)
    return out
