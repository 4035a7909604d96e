"""News outlets recognised from a URL's host, a byline or an agency credit (data: ``newsgraph/data/outlets.csv``)."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import ExtractionError

OUTLETS_FILE = Path(__file__).resolve().parent.parent / "data" / "outlets.csv"


@dataclass(frozen=True)
class Outlet:
    """One outlet: its name, its web hosts, and the forms it credits itself with in text."""

    name: str
    hosts: tuple[str, ...]
    credits: tuple[str, ...]


@dataclass(frozen=True)
class Outlets:
    """All outlets, with the patterns that find their credits in text."""

    outlets: tuple[Outlet, ...]
    #: Any credit as a whole word (case-sensitive): group "credit".
    credit: re.Pattern[str]
    by_credit: dict[str, Outlet]

    def from_host(self, host: str | None) -> Outlet | None:
        """Return the outlet whose host (or a parent domain of it) is ``host``."""
        host = (host or "").lower().rstrip(".")
        for outlet in self.outlets:
            if any(host == h or host.endswith("." + h) for h in outlet.hosts):
                return outlet
        return None

    def in_text(self, text: str | None) -> Outlet | None:
        """Return the outlet whose credit ``text`` names (the longest credit found first)."""
        if not text:
            return None
        found = [m.group("credit") for m in self.credit.finditer(text)]
        return self.by_credit[max(found, key=len)] if found else None


def _read(path: Path) -> Outlets:
    outlets: list[Outlet] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.DictReader(line for line in handle if not line.startswith("#"))
            for line, row in enumerate(rows, start=2):
                name = (row.get("name") or "").strip()
                if not name:
                    raise ExtractionError(f"row {line}: an outlet needs a name", source=str(path))
                hosts = tuple((row.get("hosts") or "").lower().split())
                credits = tuple(c.strip() for c in (row.get("credits") or "").split("|") if c.strip())
                outlets.append(Outlet(name, hosts, credits or (name,)))
    except OSError as err:
        raise ExtractionError(f"cannot read the outlets file: {err.strerror}", source=str(path)) from err
    by_credit = {c: o for o in reversed(outlets) for c in o.credits}
    alternatives = "|".join(re.escape(c) for c in sorted(by_credit, key=len, reverse=True))
    credit = re.compile(rf"(?<![\w-])(?P<credit>{alternatives})(?![\w-])")
    return Outlets(tuple(outlets), credit, by_credit)


@functools.lru_cache(maxsize=4)
def outlets(path: Path = OUTLETS_FILE) -> Outlets:
    """Return the outlets of ``path`` (read once)."""
    return _read(path)
