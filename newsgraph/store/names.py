"""Names across articles: how they are folded, and which of an actor's names may tie it to another article's.

Corpus actors are the groups of article actors tied by a shared *linking* name
(``merge``: a tie merges, so the groups do not depend on arrival order).  A
tie made by a wrong name therefore joins two whole actors, so only names that
identify are linking names:

* a person's one-word name ("Clinton", "Paul") never links: two people share
  surnames and first names, and an article's "Clinton" may be either;
* an alias links only when it is a form of the actor's own name: for a person,
  a fuller form ("Ismail Haniyeh" for "Haniyeh", "Paul D. Ryan" for "Paul Ryan";
  never a shorter one: "George Bush" may be either Bush); for others, one holds
  the other's words ("Peterson Institute") or is its initials ("U.S." / "United
  States", "AP" / "Associated Press").  An alias the analysis attached wrongly
  ("Bill Clinton" on "Hillary Clinton", "GOP" on "House") then stays a
  searchable name of that article's actor without tying it to another.

The other names are still stored, under a family no lookup uses, so every form
stays searchable and shown as an alias.
"""

from __future__ import annotations

import re
import unicodedata

FAMILIES = {"PERSON": "PERSON", "ORG": "ORG", "GROUP": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
#: Words an acronym skips ("Federal Bureau of Investigation" = FBI).
_SKIPPED = {"of", "the", "and", "for", "in", "on", "de", "la", "du"}


def family(actor_type: str) -> str:
    """Return the type family used to match names ("PERSON", "ORG", "PLACE", "OTHER")."""
    return FAMILIES.get(actor_type, "OTHER")


def shown_only(fam: str) -> str:
    """Return the family under which a non-linking name is stored (searchable, never matched)."""
    return ("-" + fam)[:8]


def normalise_name(name: str) -> str:
    """Return a name folded for matching: no accents, case or punctuation, single spaces, no leading 'the'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.findall(r"\w+", plain)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)[:400]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _SKIPPED)


def same_name(alias: str, name: str) -> bool:
    """True when two normalised names are forms of one name: one holds the other's words, or is its initials."""
    a, b = alias.split(), name.split()
    if not a or not b:
        return False
    if set(a) <= set(b) or set(b) <= set(a):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(long_) > 1 and "".join(short) == _initials(long_)


def linking_names(names: list[str], actor_type: str) -> set[str]:
    """Return the normalised names (of ``names``: the actor's name first, then its aliases) that may tie it
    to another article's actor."""
    if not names:
        return set()
    person = family(actor_type) == "PERSON"
    primary = normalise_name(names[0])
    out = set()
    for n in (normalise_name(x) for x in names):
        if not n or (person and len(n.split()) < 2):
            continue
        if n == primary or (set(n.split()) >= set(primary.split()) if person else same_name(n, primary)):
            out.add(n)
    return out
