"""RSS/Atom feeds (feedparser): each item's page, with the feed's title and date as hints.

How a source is taken for a feed (see also ``newsgraph.ingest.iter_documents``):

* a ``feed:`` prefix (``feed:https://example.org/news``, ``feed:path/to/file``);
* a local file ending ``.rss``, ``.atom`` or ``.xml``;
* a URL whose path ends ``.rss``, ``.atom`` or ``.xml``, or whose answer is
  served as RSS/Atom/XML or starts like one (``<rss``, ``<feed``, ``<rdf:RDF``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import feedparser

from newsgraph.errors import FeedError

FEED_CONTENT_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


@dataclass
class FeedItem:
    """One feed entry: the page it links to and what the feed said about it."""

    link: str
    hints: dict[str, str] = field(default_factory=dict)


def looks_like_feed(content: bytes, content_type: str | None = None) -> bool:
    """Return True when a response is an RSS/Atom feed, by content type or by its first element."""
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype in FEED_CONTENT_TYPES[:3]:
        return True
    head = content[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_FEED_START.match(head))


def parse_feed(content: bytes, source: str) -> list[FeedItem]:
    """Return the items of a feed, in feed order; raise FeedError when it is not a feed.

    Items without a link are skipped (there is no page to read).
    """
    # A stream, never a string: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(content))
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f": {str(reason).splitlines()[0]}" if reason else ""
        raise FeedError(f"not an RSS/Atom feed{detail}", source=source)
    feed_title = parsed.feed.get("title")
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        hints: dict[str, str] = {"feed": source}
        if feed_title:
            hints["feed_title"] = str(feed_title)
        if entry.get("title"):
            hints["title"] = str(entry["title"])
        for key in ("published", "updated"):
            if entry.get(key):
                hints["date"] = str(entry[key])
                break
        if entry.get("author"):
            hints["author"] = str(entry["author"])
        items.append(FeedItem(link=str(link), hints=hints))
    return items
