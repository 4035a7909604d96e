"""Honest dates: a fact's date shown with what is known of it, never more.

An approximate date ("a few days ago") is shown as "≈ 2023-06-19, 'a few days ago'", a
month-precise one as "2023-06", and a fact with no date as "undated" — in pages, the CLI and
exports alike, so a guessed day never looks like a day the text gave.
"""

from __future__ import annotations

UNDATED = "undated"
#: How many characters of an ISO date each precision vouches for.
_SHOWN = {"year": 4, "month": 7}


def date_label(date: str | None, precision: str | None = None, text: str | None = None) -> str:
    """Return the date as shown to a reader: "2023-06-21", "2023-06", "≈ 2023-06-19, 'a few days ago'", "undated",
    or "undated (between 2019-11-13 and 2019-11-20)" when only the days it can be on are known."""
    if not date:
        return f"{UNDATED} ({text})" if text else UNDATED
    shown = date[: _SHOWN.get(precision or "", 10)]
    if precision == "approximate":
        return f"≈ {shown}, '{text}'" if text else f"≈ {shown}"
    return shown


def day_label(date: str | None, precision: str | None = None) -> str:
    """Return the short form for a column of dates: "2023-06-21", "2023-06", "≈2023-06-19", "undated"."""
    if not date:
        return UNDATED
    shown = date[: _SHOWN.get(precision or "", 10)]
    return f"≈{shown}" if precision == "approximate" else shown
