"""The actor knowledge base: well-known people, organisations and places.

A knowledge base (KB) is a set of CSV files, one entry a row, with the columns
(header required, order free, extra columns ignored)::

    name        canonical name                     "Ali Khamenei"
    aliases     other names, '|'-separated          "Khamenei|Ayatollah Khamenei"
    type        PERSON, ORG, GPE, LOC, GROUP, FAC   "PERSON"
    wikidata    Wikidata ID, only where cited       "" or "Q794"
    titles      roles, '|'-separated                "Supreme Leader|Leader of the Islamic Revolution"
    country     ISO 3166 alpha-3                    "IRN"
    affiliation names of other entries, '|'-sep.    "Iran"

newsgraph ships a small KB in ``newsgraph/data/kb/`` (sources of its
Wikidata IDs in ``SOURCES.md`` there); ``newsgraph kb import`` converts a
user's larger lists (this CSV format, or PETRARCH "Phoenix" actor
dictionaries) into ``$NEWSGRAPH_HOME/kb/`` (default ``~/.newsgraph/kb/``),
which the actors component loads after the shipped files.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import KnowledgeBaseError

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
COLUMNS = ("name", "aliases", "type", "wikidata", "titles", "country", "affiliation")
TYPES = ("PERSON", "ORG", "GPE", "LOC", "GROUP", "FAC", "OTHER")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass
class KBEntry:
    """One actor the KB knows."""

    id: str  # stable slug of the name, e.g. "ali-khamenei"
    name: str
    type: str = "OTHER"
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    wikidata: str | None = None
    country: str | None = None
    affiliations: list[str] = field(default_factory=list)  # names of other entries
    source: str = ""  # file (and line) it was read from

    def names(self) -> list[str]:
        """Return the name and every alias."""
        return [self.name, *self.aliases]


def slug(name: str) -> str:
    """Return the KB id of a name: lowercase words joined by '-'."""
    return "-".join(re.findall(r"\w+", name.casefold()))


def home_dir() -> Path:
    """Return newsgraph's per-user directory ($NEWSGRAPH_HOME, default ~/.newsgraph)."""
    from newsgraph.settings import get_settings  # read when asked, so a changed environment is seen

    return get_settings().home


def user_kb_dir() -> Path:
    """Return the directory that holds the user's imported KB files."""
    return home_dir() / "kb"


class KnowledgeBase:
    """Entries by id, with a case-insensitive index of every name and alias."""

    def __init__(self, entries: Iterable[KBEntry] = ()) -> None:
        self.entries: dict[str, KBEntry] = {}
        self._by_name: dict[str, str] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: KBEntry) -> None:
        """Add an entry; a later entry with the same id replaces the earlier one.

        An entry of the same type sharing a name or alias with a known one is
        merged into it (an imported "KHAMENEI_ / +ALI_KHAMENEI" completes the
        shipped "Ali Khamenei"); its Wikidata ID and country win when given.
        """
        if entry.id not in self.entries:
            same = {self._by_name.get(n.casefold()) for n in entry.names()} - {None}
            known = [self.entries[i] for i in same if self.entries[i].type == entry.type]
            if len(known) == 1:
                self._merge(known[0], entry)
                return
        self.entries[entry.id] = entry
        for name in entry.names():
            self._by_name[name.casefold()] = entry.id

    def _merge(self, kept: KBEntry, new: KBEntry) -> None:
        for name in new.names():
            if name.casefold() != kept.name.casefold() and name.casefold() not in (a.casefold() for a in kept.aliases):
                kept.aliases.append(name)
            self._by_name[name.casefold()] = kept.id
        kept.titles.extend(t for t in new.titles if t not in kept.titles)
        kept.affiliations.extend(a for a in new.affiliations if a not in kept.affiliations)
        kept.wikidata = new.wikidata or kept.wikidata
        kept.country = new.country or kept.country
        kept.source = f"{kept.source}; {new.source}"

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self.entries.values())

    def get(self, name_or_id: str) -> KBEntry | None:
        """Return the entry with this id, name or alias (any case), or None."""
        if name_or_id in self.entries:
            return self.entries[name_or_id]
        entry_id = self._by_name.get(name_or_id.casefold())
        return self.entries.get(entry_id) if entry_id else None

    def search(self, query: str = "") -> list[KBEntry]:
        """Return entries whose id, name, aliases or titles contain ``query`` (any case), by name."""
        needle = query.casefold()
        found = [
            e for e in self
            if not needle or any(needle in s.casefold() for s in (e.id, *e.names(), *e.titles))
        ]
        return sorted(found, key=lambda e: e.name.casefold())

    @classmethod
    def load(cls, paths: Iterable[Path]) -> "KnowledgeBase":
        """Return a KB read from these CSV files or directories of CSV files, in order."""
        kb = cls()
        for path in paths:
            files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
            for file in files:
                for entry in read_csv(file):
                    kb.add(entry)
        return kb

    @classmethod
    def default(cls) -> "KnowledgeBase":
        """Return the shipped KB plus the user's imported files (these win on equal ids)."""
        paths = [SHIPPED_DIR]
        if user_kb_dir().is_dir():
            paths.append(user_kb_dir())
        return cls.load(paths)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def read_csv(path: Path) -> list[KBEntry]:
    """Return the entries of one KB CSV file; raise KnowledgeBaseError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"cannot read KB file: {err}", source=str(path)) from err
    return parse_csv(text, str(path))


def parse_csv(text: str, source: str) -> list[KBEntry]:
    """Return the entries of KB CSV ``text``; ``source`` names it in errors."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().casefold() for h in reader.fieldnames or []]
    if "name" not in header:
        expected = ",".join(COLUMNS)
        raise KnowledgeBaseError(f"line 1: header has no 'name' column (expected: {expected})", source=source)
    reader.fieldnames = header
    entries = []
    for row in reader:
        line = reader.line_num
        if None in row:  # more cells than header columns
            cells = len(header) + len(row[None])
            raise KnowledgeBaseError(f"line {line}: {cells} cells for {len(header)} columns", source=source)
        name = (row.get("name") or "").strip()
        if not name:
            if not any((v or "").strip() for v in row.values()):
                continue
            raise KnowledgeBaseError(f"line {line}: empty name", source=source)
        kind = (row.get("type") or "OTHER").strip().upper() or "OTHER"
        if kind not in TYPES:
            raise KnowledgeBaseError(f"line {line}: type {kind!r} is not one of {', '.join(TYPES)}", source=source)
        qid = (row.get("wikidata") or "").strip() or None
        if qid and not _QID.match(qid):
            raise KnowledgeBaseError(f"line {line}: wikidata {qid!r} is not a Wikidata ID like Q794", source=source)
        country = (row.get("country") or "").strip().upper() or None
        if country and not _ISO3.match(country):
            raise KnowledgeBaseError(f"line {line}: country {country!r} is not an ISO 3166 alpha-3 code", source=source)
        entries.append(KBEntry(
            id=(row.get("id") or "").strip() or slug(name), name=name, type=kind,
            aliases=_split(row.get("aliases")), titles=_split(row.get("titles")),
            wikidata=qid, country=country, affiliations=_split(row.get("affiliation")),
            source=f"{source}:{line}",
        ))
    return entries


def write_csv(entries: Iterable[KBEntry], path: Path) -> None:
    """Write entries as a KB CSV file (atomically: a temp file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for e in entries:
            writer.writerow([e.name, "|".join(e.aliases), e.type, e.wikidata or "",
                             "|".join(e.titles), e.country or "", "|".join(e.affiliations)])
    tmp.replace(path)


# ------------------------------------------------------------------ Phoenix
# PETRARCH's actor dictionaries (openeventdata/petrarch2, docs/source/dictionaries.rst):
#   PRIMARY_PHRASE_ [optional default CODE]  ; or # comment
#   +SYNONYM_PHRASE
#   \t[CODE date-restriction]      e.g. [IRNGOV 790603-890603], [IRNELI >20050101]
# Phrases use '_' or blanks between words; a trailing '_' is a TABARI stem marker.
# No parser for this format exists on PyPI, hence the hand-written reader.

_CODE = re.compile(r"\[([^\]\s]*)(?:\s+([^\]]*))?\]")
_SECTORS = {"GOV": "government", "MIL": "military", "ELI": "elite", "REB": "rebel", "OPP": "opposition",
            "LEG": "legislature", "JUD": "judiciary", "SPY": "intelligence", "COP": "police", "IGO": "IGO",
            "NGO": "NGO", "PTY": "party", "BUS": "business", "MED": "media", "EDU": "education",
            "REL": "religious", "CVL": "civilian", "HLH": "health", "LAB": "labour", "AGR": "agriculture",
            "CRM": "criminal", "REF": "refugee", "UAF": "armed group", "INS": "insurgent", "SEP": "separatist"}


def _phrase(raw: str) -> str:
    words = raw.replace("_", " ").split()
    return " ".join(w if any(c.islower() for c in w) else w.capitalize() for w in words)


#: CAMEO codes that start with a sector, not a country (international organisations, NGOs...).
_NOT_COUNTRIES = {"IGO", "NGO", "NGM", "MNC", "UNO", "IMG", "UIS", "SET", "MOD", "RAD"} | set(_SECTORS)


def _code_info(code: str) -> tuple[str | None, str | None]:
    """Return (country, sector words) of a CAMEO actor code such as 'IRNGOV'."""
    code = code.strip().upper()
    head = code[:3]
    country = head if _ISO3.match(head) and head not in _NOT_COUNTRIES else None
    first = 3 if country else 0
    sector = " ".join(_SECTORS[code[i:i + 3]] for i in range(first, len(code) - 2, 3) if code[i:i + 3] in _SECTORS)
    return country, sector or None


def parse_phoenix(text: str, source: str) -> list[KBEntry]:
    """Return the entries of a Phoenix/PETRARCH actor dictionary; raise KnowledgeBaseError on bad lines."""
    entries: list[KBEntry] = []
    current: KBEntry | None = None
    codes: list[tuple[str, str]] = []

    def finish() -> None:
        if current is None:
            return
        if codes:  # the last listed restriction is the most recent in these files
            country, sector = _code_info(codes[-1][0])
            current.country = current.country or country
            bare = [c for c, _ in codes if len(c) == 3 and _code_info(c)[0]]
            if bare and len(codes) == len(bare):
                current.type = "GPE"  # "AFGHANISTAN_ [AFG]"
            elif codes[-1][0][:3].upper() in ("IGO", "NGO", "MNC"):
                current.type = "ORG"  # "UNITED_NATIONS_ [IGOUNO]"
            else:
                current.type = "PERSON"
            for code, when in codes:
                c, s = _code_info(code)
                if s:
                    current.titles.append(f"{s} ({c or code}{', ' + when if when else ''})")
        entries.append(current)

    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.split(r"\s[;#]|^[;#]", raw, maxsplit=1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("<", "#", ";")):
            continue
        body = line.strip()
        if body.startswith("["):
            if current is None:
                raise KnowledgeBaseError(f"line {number}: code {body!r} before any actor name", source=source)
            match = _CODE.fullmatch(body)
            if not match or not match.group(1):
                raise KnowledgeBaseError(f"line {number}: malformed code restriction {body!r}", source=source)
            codes.append((match.group(1), (match.group(2) or "").strip()))
        elif body.startswith("+"):
            if current is None:
                raise KnowledgeBaseError(f"line {number}: synonym {body!r} before any actor name", source=source)
            alias = _phrase(body[1:].split("[")[0])
            if not alias:
                raise KnowledgeBaseError(f"line {number}: empty synonym", source=source)
            current.aliases.append(alias)
        else:
            if body.startswith(("{", "]", "-", "&")) or body.count("[") != body.count("]"):
                raise KnowledgeBaseError(f"line {number}: not an actor dictionary line: {body!r}", source=source)
            finish()
            head, _, rest = body.partition("[")
            name = _phrase(head)
            if not name:
                raise KnowledgeBaseError(f"line {number}: empty actor name", source=source)
            current = KBEntry(id=slug(name), name=name, source=f"{source}:{number}")
            codes = []
            if rest:
                match = _CODE.match("[" + rest)
                if not match:
                    raise KnowledgeBaseError(f"line {number}: malformed code in {body!r}", source=source)
                codes.append((match.group(1), (match.group(2) or "").strip()))
    finish()
    return entries


def read_file(path: Path, fmt: str = "csv") -> list[KBEntry]:
    """Return the entries of a KB file in format 'csv' or 'phoenix'."""
    if fmt not in ("csv", "phoenix"):
        raise KnowledgeBaseError(f"unknown KB format {fmt!r} (use csv or phoenix)", source=str(path))
    if fmt == "csv":
        return read_csv(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read KB file: {err}", source=str(path)) from err
    return parse_phoenix(text, str(path))


def import_file(path: Path, fmt: str = "csv", dest_dir: Path | None = None) -> tuple[Path, int]:
    """Validate a KB file and write it, as KB CSV, into the user KB directory.

    Returns (written path, number of entries).  Nothing is written when the
    file is malformed.
    """
    entries = read_file(path, fmt)
    if not entries:
        raise KnowledgeBaseError("no actor entries found", source=str(path))
    dest = (dest_dir or user_kb_dir()) / f"{slug(path.stem) or 'imported'}.csv"
    write_csv(entries, dest)
    return dest, len(entries)
