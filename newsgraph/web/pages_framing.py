"""Framing summary page: loaded wording flagged across the corpus, by readable category, per article,
per outlet (and outlet collection) and month, with a trend chart drawn server-side."""

from __future__ import annotations

import math
from html import escape
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from newsgraph.errors import ConfigError, QueryError
from newsgraph.store.framing_summary import FramingSummary, for_collections
from newsgraph.web.deps import render, state, store
from newsgraph.web.framing_names import category_description, category_name

router = APIRouter(include_in_schema=False)
Short = Annotated[str | None, Query(max_length=200)]


def trend_svg(result: FramingSummary, categories: list[str], width: int = 760, height: int = 180) -> Markup:
    """Return stacked monthly bars of flags (the top categories, the rest as "other"); each bar's title tells it."""
    months = list(result.by_month)
    if not months:
        return Markup("")
    left, bottom, top = 36, 26, 10
    peak = max(sum(c.values()) for c in result.by_month.values()) or 1
    step = (width - left - 10) / len(months)
    bar = max(2.0, min(40.0, step * 0.7))
    out = [f'<svg class="framing-trend" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="Framing flags per month" xmlns="http://www.w3.org/2000/svg">',
           f'<text class="tick" x="2" y="{top + 8}">{peak}</text><text class="tick" x="2" y="{height - bottom}">0</text>']
    for n, month in enumerate(months):
        counts = result.by_month[month]
        x = left + n * step + (step - bar) / 2
        y = height - bottom
        parts = [(c, counts.get(c, 0)) for c in categories] + [("other", sum(v for k, v in counts.items() if k not in categories))]
        for k, (category, value) in enumerate(parts):
            if not value:
                continue
            h = value / peak * (height - bottom - top)
            y -= h
            name = "other categories" if category == "other" else category_name(category)
            out.append(f'<rect class="c{k if category != "other" else "x"}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                       f'height="{h:.1f}"><title>{escape(month)}: {value} {escape(name)}</title></rect>')
        if len(months) <= 14 or n % math.ceil(len(months) / 12) == 0:
            out.append(f'<text class="tick" x="{x + bar / 2:.1f}" y="{height - 8}" text-anchor="middle">{escape(month)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


@router.get("/framing", response_class=HTMLResponse, name="framing_page")
def framing_page(request: Request, since: Short = None, until: Short = None, site: Short = None) -> HTMLResponse:
    """Return the framing summary, optionally for a date range and one outlet."""
    filters = {"since": since or "", "until": until or "", "site": site or ""}
    try:
        result = store(request).framing_summary(since=since, until=until, site=site)
    except QueryError as err:
        return render(request, "framing.html", {"filters": filters, "error": str(err), "result": None}, status=400)
    categories = [c for c, _ in result.by_category.most_common()]
    try:
        from newsgraph.store.collections import load_collections

        collections = for_collections(result, load_collections(state(request).settings.collections))
    except (ConfigError, ImportError, AttributeError):
        collections = {}
    names = {c: category_name(c) for c in categories}
    return render(request, "framing.html", {
        "filters": filters, "result": result, "categories": categories, "names": names,
        "descriptions": {c: category_description(c) for c in categories}, "collections": collections,
        "trend": trend_svg(result, categories[:6]), "legend": categories[:6],
        "sites": sorted(result.by_site, key=lambda s: (-sum(result.by_site[s].values()), s)),
    })
