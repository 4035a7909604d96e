"""Page furniture that extractors keep: share lines, comment forms, newsletter prompts, "Read more:" links.

Hand-written because no library does this last step: trafilatura removes most
boilerplate by page structure, but lines like these often sit inside the
article's own container (and in copied text there is no structure at all).
Only short paragraphs are tested, so article prose is never taken for furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.model import Furniture, RelatedLink

#: Longest paragraph that can be furniture (a "Read more:" line with a long title fits).
MAX_FURNITURE_CHARS = 250

_SOCIAL = r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|e-mail|print|messenger|copy link|vk|tumblr)"
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("share-buttons", re.compile(
        rf"^(?:share|share (?:it|this|this (?:article|story|post|page)|on {_SOCIAL})|tweet|print|email)\s*:?\s*$", re.I)),
    ("share-buttons", re.compile(rf"^(?:(?:share|{_SOCIAL})[\s,|·•/]*){{2,}}$", re.I)),
    ("comment-form", re.compile(
        r"^(?:leave a (?:reply|comment)|post a comment|add a comment|join the discussion|(?:post|submit) comment"
        r"|cancel reply|(?:\d+\s+)?(?:comments?|responses?)(?: so far)?)\W*$", re.I)),
    ("comment-form", re.compile(r"^your email address will not be published", re.I)),
    ("comment-form", re.compile(r"^required fields are marked", re.I)),
    ("comment-form", re.compile(r"^save my name,? email", re.I)),
    ("comment-form", re.compile(r"^you must be (?:logged in|registered) to (?:post|leave) a comment", re.I)),
    ("newsletter", re.compile(
        r"^(?:sign up|subscribe|register|get)\b.{0,120}\b(?:newsletters?|briefing|in your inbox|to your inbox)\b", re.I)),
    ("social-follow", re.compile(
        rf"^follow (?:us|[\w .]{{1,40}}) on (?:{_SOCIAL}|instagram|youtube|google news)\b.{{0,60}}$", re.I)),
    ("read-more", re.compile(r"^(?:read more|continue reading|read the full (?:story|article))\W*$", re.I)),
)
#: "Read more: TITLE" and its kin: the title becomes a related link.
_READ_MORE = re.compile(
    r"^(?:read more|read also|also read|see also|related(?: articles?| stories| news)?|recommended"
    r"|more on this|you may also like|read)\s*[:|»>–—]\s*(?P<title>\S.*)$",
    re.I,
)


@dataclass
class Cleaned:
    """Paragraphs with the furniture taken out, and what was taken."""

    paragraphs: list[str]
    furniture: list[Furniture] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)


def classify(paragraph: str) -> tuple[str, str | None] | None:
    """Return (reason, related title or None) when ``paragraph`` is furniture, else None."""
    text = paragraph.strip()
    if not text or len(text) > MAX_FURNITURE_CHARS:
        return None
    if m := _READ_MORE.match(text):
        return "read-more", m.group("title").strip()
    for reason, pattern in _RULES:
        if pattern.search(text):
            return reason, None
    return None


def strip_furniture(paragraphs: list[str], link_for: Callable[[str], str | None] | None = None) -> Cleaned:
    """Return the paragraphs without furniture; "Read more: X" lines become related links.

    ``link_for`` maps a link's text to its URL (from the page's anchors), so a
    related link keeps its URL where the HTML has it.
    """
    cleaned = Cleaned(paragraphs=[])
    for paragraph in paragraphs:
        found = classify(paragraph)
        if found is None:
            cleaned.paragraphs.append(paragraph)
            continue
        reason, title = found
        cleaned.furniture.append(Furniture(text=paragraph.strip(), reason=reason))
        if title:
            url = (link_for(title) or link_for(paragraph)) if link_for else None
            cleaned.related.append(RelatedLink(title=title, url=url))
    return cleaned
