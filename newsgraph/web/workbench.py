"""The search workbench, shared by the search page and the API: the URL's values, the store calls,
and the volume chart's geometry.

Everything is driven by the URL (as in Datasette): each facet value, chart bar and sort is a link
that sets one more parameter, so a view can be bookmarked, shared and downloaded as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.web.queries import KINDS, checked_cursor, direct_flag

SORTS = ("relevance", "date", "oldest")
#: The URL parameters of a search, in the order links write them.
PARAMS = ("q", "kind", "sort", "actor", "type", "cue", "direct", "source", "collection", "since", "until")
#: Filters a reader can remove one by one (shown as chips above the results).
FILTERS = ("actor", "type", "cue", "direct", "source", "collection", "since", "until")


def search_values(**given: str | None) -> dict[str, str]:
    """Return the search's URL values, normalised: every PARAMS key, empty strings for absent ones."""
    values = {k: (given.get(k) or "").strip() if k != "q" else (given.get(k) or "") for k in PARAMS}
    if values["kind"] not in KINDS:
        values["kind"] = "articles"
    if values["sort"] not in SORTS:
        values["sort"] = ""
    return values


def store_filters(values: dict[str, str], collections: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Return the store's search keyword arguments for these URL values (QueryError: unknown collection)."""
    from newsgraph.errors import QueryError

    sites = None
    if values["collection"]:
        if not collections or values["collection"] not in collections:
            raise QueryError(f"no outlet collection named {values['collection'][:80]!r}")
        sites = collections[values["collection"]]
    return {"actor": values["actor"] or None, "type": values["type"] or None, "since": values["since"] or None,
            "until": values["until"] or None, "source": values["source"] or None,
            "direct": direct_flag(values["direct"]), "cue": values["cue"] or None, "sites": sites,
            "sort": values["sort"] or None}


def run_search(s: Any, values: dict[str, str], cursor: str | None, limit: int = 20,
               collections: dict[str, list[str]] | None = None) -> Any:
    """Return the store's page of results for these URL values."""
    return s.search(values["q"], kind=values["kind"], limit=limit, cursor=checked_cursor(cursor),
                    **store_filters(values, collections))


def run_facets(s: Any, values: dict[str, str], collections: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Return the store's facets (total, facet counts, months, hint) for these URL values."""
    return s.search_facets(values["q"], kind=values["kind"], **store_filters(values, collections))


def run_download(s: Any, values: dict[str, str], fmt: str, collections: dict[str, list[str]] | None = None) -> Any:
    """Return the lines of every result (CSV, or a JSON array) for these URL values."""
    return s.download(values["q"], kind=values["kind"], format=fmt, **store_filters(values, collections))


def compare_sides(values: list[str], named: dict[str, list[str]]) -> list[dict]:
    """Return each side as (label, store filters, URL filters): a collection's name, else an outlet."""
    out = []
    for value in values:
        if value in named:
            out.append({"label": value, "what": "collection", "filters": {"sites": named[value]},
                        "params": {"collection": value}, "outlets": named[value]})
        else:
            out.append({"label": value, "what": "outlet", "filters": {"source": value}, "params": {"source": value},
                        "outlets": [value]})
    return out


@dataclass
class Bar:
    """One bar of the volume chart: its period, count, link value and box."""

    label: str
    count: int
    since: str
    until: str
    x: float
    y: float
    width: float
    height: float


WIDTH, HEIGHT, BOTTOM, LEFT = 720, 160, 22, 34


def volume_bars(months: list[dict[str, Any]], days: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Return the chart: bars for every month from the first to the last (empty ones too), by year past
    ten years of months, by day when ``days`` are given (a short span); periods without a month (or
    day) listed apart, not drawn."""
    series = days if days else months
    dated = {m["value"]: m["count"] for m in series if m["value"]}
    apart = [m for m in series if not m["value"]]
    if not dated:
        return {"bars": [], "apart": apart, "max": 0, "width": WIDTH, "height": HEIGHT}
    first, last = min(dated), max(dated)
    periods = _days_between(first, last) if days else _months_between(first, last)
    if days:
        counts = {p: dated.get(p, 0) for p in periods}
    elif len(periods) > 120:
        years: dict[str, int] = {}
        for month, n in dated.items():
            years[month[:4]] = years.get(month[:4], 0) + n
        periods = [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
        counts = {p: years.get(p, 0) for p in periods}
    else:
        counts = {p: dated.get(p, 0) for p in periods}
    top = max(counts.values()) or 1
    step = (WIDTH - LEFT) / len(periods)
    width = min(max(step * 0.8, 1.0), 48.0)
    bars = []
    for i, period in enumerate(periods):
        h = (HEIGHT - BOTTOM - 8) * counts[period] / top
        bars.append(Bar(period, counts[period], period, period, LEFT + i * step + (step - width) / 2,
                        HEIGHT - BOTTOM - h, width, h))
    unit = "day" if days else ("year" if len(periods[0]) == 4 else "month")
    return {"bars": bars, "apart": apart, "max": top, "width": WIDTH, "height": HEIGHT, "base": HEIGHT - BOTTOM,
            "left": LEFT, "first": periods[0], "last": periods[-1], "total": sum(counts.values()), "unit": unit}


def _days_between(first: str, last: str) -> list[str]:
    import datetime as dt

    day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(day + dt.timedelta(days=i)).isoformat() for i in range((end - day).days + 1)]


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
