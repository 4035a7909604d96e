"""Readable framing category names ("Name_Calling,Labeling" -> "Name-calling / labelling"), from a data file."""

from __future__ import annotations

from functools import cache


@cache
def _table() -> dict[str, tuple[str, str]]:
    from newsgraph.analyze.lexicon import lexicon  # the data file only; no spaCy behind it

    rows = lexicon().table("framing_categories.csv", ("category", "name", "description"), required=2, fold=False)
    return {r["category"]: (r["name"], r["description"] or "") for r in rows}


def category_name(category: str) -> str:
    """Return the readable name of a framing category (underscores as spaces where the file has none)."""
    found = _table().get(category)
    return found[0] if found else category.replace("_", " ").replace(",", " / ")


def category_description(category: str) -> str:
    """Return a one-line description of the category, or ""."""
    found = _table().get(category)
    return found[1] if found else ""


def split_categories(category: str) -> list[str]:
    """Return the categories one flag carries (one today: a comma belongs to the name, "Name_Calling,Labeling")."""
    return [category] if category else []
