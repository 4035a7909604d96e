"""The lexicon layer: every word list the analysis reads, as files under ``newsgraph/data/<lang>/``.

One reader for all of them (``read_table``), so every list has the same rules:

* UTF-8 CSV, one entry a line; blank lines and lines starting with ``#`` are comments;
* an optional header line naming the columns (any order; it starts with the first
  column or names only known ones); without one the cells are the declared columns in
  order (users' trigger files are written that way);
* a column the list does not know, too many cells, a missing required cell, or the
  same key twice is a ``LexiconError`` naming the file and line.

A language is a folder: ``Lexicon("en")`` reads ``newsgraph/data/en/``; a directory path
works too (a user's own copy).  Each file's header comment says what it holds and
which module reads it; ``CONTRIBUTING.md`` says how to add a language.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import LexiconError

#: Where the shipped languages live, one folder each.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Row:
    """One entry of a list: its cells by column name (stripped, "" when absent) and where it was read."""

    cells: dict[str, str]
    source: str  # "file:line"

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def yes(self, column: str) -> bool:
        """Return True when the cell says "yes"."""
        return self.cells[column].lower() == "yes"


def read_table(path: Path, columns: Sequence[str], *, required: int = 1, key: Sequence[str] | None = None,
               fold: bool = True, min_cells: int = 1) -> list[Row]:
    """Return the rows of a lexicon CSV with ``columns`` (the first ``required`` of them must be filled;
    a row without a header has at least ``min_cells`` cells).

    ``key`` (default: the first column) must be unique, compared case-folded when ``fold``.
    Raises ``LexiconError`` naming file and line on anything malformed.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"cannot read the list: {exc}", source=name) from exc
    key = tuple(key or columns[:1])
    order: list[str] | None = None
    seen: dict[tuple[str, ...], int] = {}
    rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in next(csv.reader([line]))]
        if order is None:
            order = _header(cells, columns, name, number)
            if order is not None:
                continue
            order = list(columns)
        if not min_cells <= len(cells) <= len(order):
            raise LexiconError(f"line {number}: {len(cells)} cells, expected {min_cells} to {len(order)} "
                               f"({', '.join(order)})", source=name)
        values = dict.fromkeys(columns, "") | dict(zip(order, cells))
        empty = [c for c in columns[:required] if not values[c]]
        if empty:
            raise LexiconError(f"line {number}: no {empty[0]!r}", source=name)
        ident = tuple(values[k].casefold() if fold else values[k] for k in key)
        if ident in seen:
            raise LexiconError(f"line {number}: duplicate {'/'.join(key)} {'/'.join(ident)!r} (first on line "
                               f"{seen[ident]})", source=name)
        seen[ident] = number
        rows.append(Row(values, f"{name}:{number}"))
    return rows


def _header(cells: list[str], columns: Sequence[str], name: str, number: int) -> list[str] | None:
    """Return the column order a header line gives, or None when the line is an entry.

    A header starts with the first column's name, or names only known columns."""
    names = [c.lower() for c in cells]
    if names[0] != columns[0] and not all(n in columns for n in names):
        return None
    unknown = [c for c in names if c not in columns]
    if unknown:
        raise LexiconError(f"line {number}: unknown column {unknown[0]!r} (known: {', '.join(columns)})", source=name)
    if len(set(names)) != len(names):
        raise LexiconError(f"line {number}: a column named twice", source=name)
    return names


def language_dir(language: str | Path) -> Path:
    """Return the folder of a language's lists: a shipped language ("en") or a directory path."""
    shipped = DATA_DIR / str(language)
    if isinstance(language, str) and "/" not in language and "\\" not in language and shipped.is_dir():
        return shipped
    if Path(language).is_dir():
        return Path(language).resolve()
    raise LexiconError("no such lexicon: neither a language under newsgraph/data nor a directory",
                       source=str(language))


class Lexicon:
    """The word lists of one language, each read once (see the module docstring)."""

    def __init__(self, language: str | Path = DEFAULT_LANGUAGE) -> None:
        self.dir = language_dir(language)
        self._cache: dict[tuple, object] = {}

    def path(self, name: str) -> Path:
        """Return the path of the list ``name`` (e.g. "speech/cues.csv") in this language."""
        return self.dir / name

    def table(self, name: str, columns: Sequence[str], **options) -> list[Row]:
        """Return the rows of list ``name`` (``read_table``'s rules), read once."""
        ident = ("table", name, tuple(columns), tuple(sorted(options.items())))
        if ident not in self._cache:
            self._cache[ident] = read_table(self.path(name), columns, **options)
        return self._cache[ident]  # type: ignore[return-value]

    def words(self, name: str, kind: str | None = None) -> frozenset[str]:
        """Return the lower-case words of a ``word,kind`` list (only those of ``kind`` when given)."""
        ident = ("words", name, kind)
        if ident not in self._cache:
            rows = self.table(name, ("word", "kind", "note"), key=("word", "kind"))
            self._cache[ident] = frozenset(r["word"].lower() for r in rows if kind is None or r["kind"] == kind)
        return self._cache[ident]  # type: ignore[return-value]

    def mapping(self, name: str, columns: Sequence[str]) -> dict[str, str]:
        """Return {first column (lower case): second column} of a two-column list, first row winning."""
        found: dict[str, str] = {}
        for r in self.table(name, columns):
            found.setdefault(r[columns[0]].lower(), r[columns[1]])
        return found

    # -- lists read by more than one stage, in one place (each built once) -------------
    @functools.cached_property
    def _demonyms(self) -> dict[str, str]:
        return {r["demonym"].casefold(): r["country"].upper() for r in self.table("actors/demonyms.csv", _DEMONYM)}

    def demonyms(self) -> dict[str, str]:
        """Return {demonym (lower case): ISO alpha-3} ("palestinian": "PSE")."""
        return self._demonyms

    @functools.cached_property
    def _canonical(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for r in self.table("actors/demonyms.csv", _DEMONYM):
            found.setdefault(r["country"].upper(), r["demonym"])
        return found

    def canonical_demonyms(self) -> dict[str, str]:
        """Return {ISO alpha-3: the country's first demonym as written} ("ISR": "Israeli")."""
        return self._canonical

    @functools.cached_property
    def _agents(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for name in ("actors/agents.csv", "actors/phoenix_agents.csv"):
            for lemma, sector in self.mapping(name, ("lemma", "sector")).items():
                found.setdefault(lemma, sector)
        return found

    def agent_sectors(self) -> dict[str, str]:
        """Return {lemma: PLOVER sector} of nouns naming an agent by kind ("police": "COP"); the first list wins."""
        return self._agents


_DEMONYM = ("demonym", "country", "note")


@functools.cache
def lexicon(language: str = DEFAULT_LANGUAGE) -> Lexicon:
    """Return the (shared, read-once) Lexicon of ``language``."""
    return Lexicon(language)


__all__ = ["DATA_DIR", "DEFAULT_LANGUAGE", "Lexicon", "Row", "language_dir", "lexicon", "read_table"]
