"""Text copied from a news page: title, dateline, byline, furniture and "Read more:" lines.

Copied text has no markup, so the parts are found by position and shape:
the title is a short first paragraph; the dateline and a "By X" line are short
paragraphs right after it (dates parsed by dateparser); a byline may also open
the first or second body paragraph as "X – ..." (as news agencies write it).
"""

from __future__ import annotations

import re

from newsgraph.extract.dates import parse_dateline
from newsgraph.extract.draft import Draft
from newsgraph.extract.furniture import classify, strip_furniture
from newsgraph.model import Furniture

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
#: How many short paragraphs after the title may hold the dateline or byline.
HEADER_PARAGRAPHS = 3
MAX_HEADER_CHARS = 100

_BY_LINE = re.compile(r"^by\s+(?P<by>\S.{0,80})$", re.I)
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_LINK_WORD = r"(?:of|the|and|for|&|de|da|di|al|el|van|von|bin|ibn)"
#: "ISWNews Analysis Group – On June 21, ..." (a dash with spaces around it).
_BYLINE_PREFIX = re.compile(
    rf"^(?P<by>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_LINK_WORD})){{0,6}})\s+[–—-]\s+(?P<rest>\S.*)$", re.S
)


def split_paragraphs(text: str) -> list[str]:
    """Return the paragraphs of plain text: blocks between blank lines (a block's lines
    joined by spaces), or every line when the text has no blank line at all."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    blocks = re.split(r"\n[ \t\u00a0]*\n", text.strip())
    if len(blocks) == 1:
        blocks = text.strip().split("\n")
    paragraphs = [" ".join(line.strip() for line in block.split("\n") if line.strip()) for block in blocks]
    return [p for p in paragraphs if p]


def _is_title(paragraph: str, total: int) -> bool:
    return (
        total > 1
        and len(paragraph) <= MAX_TITLE_CHARS
        and len(paragraph.split()) <= MAX_TITLE_WORDS
        and classify(paragraph) is None
        and parse_dateline(paragraph) is None
    )


def byline_prefix(paragraph: str) -> tuple[str, str] | None:
    """Return (byline, rest of the paragraph) when it opens with "X – ", else None.

    Not taken for a byline: an ALL-CAPS prefix or one with parentheses or commas,
    which is a place dateline ("KYIV –", "LONDON (Reuters) –").
    """
    m = _BYLINE_PREFIX.match(paragraph)
    if not m:
        return None
    by = m.group("by").strip()
    if by.isupper() or any(ch in by for ch in "(),"):
        return None
    return by, m.group("rest").strip()


def take_byline_prefix(paragraphs: list[str], byline: str | None) -> tuple[str | None, Furniture | None]:
    """Take an "X – " byline off the first or second paragraph (in place) when it agrees with ``byline``
    or there is none yet; return the byline and the removed prefix as furniture."""
    for index in range(min(2, len(paragraphs))):
        found = byline_prefix(paragraphs[index])
        if found and (byline is None or byline.casefold() == found[0].casefold()):
            removed = paragraphs[index][: len(paragraphs[index]) - len(found[1])].strip()
            paragraphs[index] = found[1]
            return found[0] if byline is None else byline, Furniture(text=removed, reason="byline")
    return byline, None


def extract_text(text: str) -> Draft:
    """Return the parts of an article given as copied text."""
    paragraphs = split_paragraphs(text)
    draft = Draft(extractor="text")
    if paragraphs and _is_title(paragraphs[0], len(paragraphs)):
        draft.title = paragraphs.pop(0)
    for _ in range(HEADER_PARAGRAPHS):
        if not paragraphs or len(paragraphs[0]) > MAX_HEADER_CHARS or len(paragraphs) == 1:
            break
        head = paragraphs[0]
        if draft.published is None and (date := parse_dateline(head)):
            draft.published, draft.published_precision = date
        elif draft.byline is None and (m := _BY_LINE.match(head)):
            draft.byline = m.group("by").strip()
        else:
            break
        paragraphs.pop(0)
    cleaned = strip_furniture(paragraphs)
    paragraphs = cleaned.paragraphs
    draft.byline, removed = take_byline_prefix(paragraphs, draft.byline)
    if removed:
        cleaned.furniture.insert(0, removed)
    draft.paragraphs = paragraphs
    draft.furniture = cleaned.furniture
    draft.related = cleaned.related
    return draft
