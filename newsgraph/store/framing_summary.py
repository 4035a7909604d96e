"""Framing across the corpus: flags per category, per article, per outlet and per month (current facts only)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.store import schema as t
from newsgraph.store.read import live


@dataclass
class FramingSummary:
    """Counts of framing flags: by category, and each per article, outlet and publication month."""

    by_category: Counter = field(default_factory=Counter)
    by_site: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_month: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    articles: list[dict] = field(default_factory=list)  # most flagged first: id, title, site, published, counts
    site_articles: Counter = field(default_factory=Counter)  # articles per outlet (flagged or not)
    total_articles: int = 0


def summary(conn: Connection, since: str | None = None, until: str | None = None, site: str | None = None,
            limit: int = 50) -> FramingSummary:
    """Return the framing counts of the articles published in [since, until] (ISO days), of one outlet if given."""
    where = []
    if since:
        where.append(t.articles.c.published >= since)
    if until:
        where.append(t.articles.c.published < until + "\uffff")
    if site:
        where.append(sa.func.lower(t.articles.c.site) == site.lower())
    out = FramingSummary()
    for r in conn.execute(sa.select(t.articles.c.site, sa.func.count()).where(*where).group_by(t.articles.c.site)):
        out.site_articles[r[0] or "(no site)"] += r[1]
    out.total_articles = sum(out.site_articles.values())
    rows = conn.execute(
        sa.select(t.framing.c.article_id, t.framing.c.category, sa.func.count().label("n"), t.articles.c.title,
                  t.articles.c.site, t.articles.c.published)
        .join(t.articles, sa.and_(t.articles.c.id == t.framing.c.article_id, t.articles.c.version == t.framing.c.version))
        .where(t.framing.c.superseded == live, *where)
        .group_by(t.framing.c.article_id, t.framing.c.category, t.articles.c.title, t.articles.c.site,
                  t.articles.c.published)
    ).all()
    per_article: dict[str, dict] = {}
    for r in rows:
        outlet = r.site or "(no site)"
        out.by_category[r.category] += r.n
        out.by_site[outlet][r.category] += r.n
        if r.published:
            out.by_month[r.published[:7]][r.category] += r.n
        item = per_article.setdefault(r.article_id, {"id": r.article_id, "title": r.title, "site": r.site,
                                                     "published": r.published, "counts": Counter()})
        item["counts"][r.category] += r.n
    out.articles = sorted(per_article.values(), key=lambda a: (-sum(a["counts"].values()), a["id"]))[:limit]
    out.by_month = dict(sorted(out.by_month.items()))
    return out


def for_collections(result: FramingSummary, collections: dict[str, list[str]]) -> dict[str, tuple[int, Counter]]:
    """Return {collection: (articles, counts by category)} from the per-outlet counts (outlets matched without case)."""
    out = {}
    for name, outlets in collections.items():
        wanted = {o.casefold() for o in outlets}
        counts: Counter = Counter()
        articles = 0
        for outlet, n in result.site_articles.items():
            if outlet.casefold() in wanted:
                articles += n
                counts.update(result.by_site.get(outlet, Counter()))
        out[name] = (articles, counts)
    return out
