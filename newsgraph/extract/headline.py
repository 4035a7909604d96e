"""The headline of a copied page: which of the lines above the article is its title.

A browser copy puts the headline among navigation, teasers of other stories,
captions and share bars; a line is scored by the words it shares with the
article's lead (and the URL, when known), a byline or dateline under it, a
headline's length, and nearness to the article (``choose_headline``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsgraph.extract.copied import (
    _ID_BYLINE,
    BYLINE_AFTER_TITLE,
    MIN_TITLE_WORDS,
    _byline,
    _credit_line,
    _is_title,
    _words,
    date_line,
    is_prose,
)
from newsgraph.extract.dates import says_relative_date

#: Lines before the article's start where its headline may be (long navigation, share bars and captions may
#: stand between them), and after it (a caption taken for the lead).
TITLE_REACH = 40
TITLE_AFTER_START = 2
#: The article's first paragraphs, whose words a headline shares.
LEAD_PARAGRAPHS = 8
SHARED_WORDS_CAP = 8
HEADLINE_WORDS = 12
FOLLOWED_BONUS = 1.5
DEK_MARGIN = 1.0
_TWO_SENTENCES = re.compile(r"\w{2}[.!?]\s+[A-Z][\w’']*(?:\s+[\w’']+){3,}")
#: A headline may ask or exclaim ("Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?"), briefly.
HEADLINE_MAX_QUESTION = 20


def _content_words(text: str) -> set[str]:
    """Return the words of ``text`` that carry content: four letters or more, or any word of a non-Latin script."""
    return {w for w in re.findall(r"[^\W\d_]+", text.casefold()) if len(w) >= 4 or not w.isascii()}


def _followed_by_who_or_when(paragraphs: list[str], index: int) -> bool:
    """Return True when a byline or a dateline follows ``paragraphs[index]`` within ``BYLINE_AFTER_TITLE`` lines."""
    following = (p.strip() for p in paragraphs[index + 1 : index + 1 + BYLINE_AFTER_TITLE])
    return any(date_line(line, None) or _byline(line) or _ID_BYLINE.search(line) for line in following)


def _headline_score(paragraphs: list[str], index: int, start: int, lead: set[str], slug: set[str]) -> float:
    """Return how much ``paragraphs[index]`` looks like the article's headline: the share of its words the lead
    and the URL repeat, a dateline or byline next to it, a headline's length, nearness to the article."""
    text = paragraphs[index].strip()
    words = _content_words(text)
    if not words:
        return float("-inf")
    shared = words & (lead | slug)
    score = 2 * len(words & lead) / len(words) + (2 * len(words & slug) / len(words) if slug else 0)
    score += 0.15 * min(len(shared), SHARED_WORDS_CAP)  # two words of a menu may be all in the lead
    if _followed_by_who_or_when(paragraphs, index):
        score += FOLLOWED_BONUS  # headline, then who and when
    n = _words(text)
    score += 0.06 * min(n, HEADLINE_WORDS)  # a headline says a sentence's worth; a menu item or a name, less
    if text.isupper():
        score -= 0.5
    if _TWO_SENTENCES.search(text):  # a standfirst tells in sentences; a headline is one
        score -= 0.7
    return score - 0.02 * abs(start - index)


def _may_be_headline(paragraphs: list[str], index: int, shared_with: set[str]) -> bool:
    """Return True when ``paragraphs[index]`` may be a headline: title-shaped, no date, byline or credit, not
    prose (but a short question or exclamation), three words or more, and sharing a word with the lead or the
    URL (``shared_with``) or standing over a byline or dateline."""
    line = paragraphs[index].strip()
    if not _is_title(line) or date_line(line, None) or says_relative_date(line) or _byline(line):
        return False
    if is_prose(line) and not (line.endswith(("?", "!", "…")) and _words(line) <= HEADLINE_MAX_QUESTION):
        return False
    if _words(line) < MIN_TITLE_WORDS or _credit_line(line):
        return False
    return bool(_content_words(line) & shared_with) or _followed_by_who_or_when(paragraphs, index)


def choose_headline(paragraphs: list[str], start: int, end: int, url: str | None) -> int | None:
    """Return the index of the article's headline (``paragraphs[start:end]`` being the article) among the lines
    from ``TITLE_REACH`` before its start to just after it that ``_may_be_headline``, the one of best
    ``_headline_score`` (or the headline above it when that is its standfirst); None when there is none (then
    the header's own rules choose)."""
    lead_prose = (p for p in paragraphs[start : min(end, start + LEAD_PARAGRAPHS)] if is_prose(p))
    lead = _content_words(" ".join(lead_prose))
    slug = _content_words(urlsplit(url).path.replace("-", " ").replace("_", " ")) if url else set()
    best, best_score = None, 0.0
    scores: dict[int, float] = {}
    for index in range(max(0, start - TITLE_REACH), min(end, start + TITLE_AFTER_START)):
        if not _may_be_headline(paragraphs, index, lead | slug):
            continue
        score = scores[index] = _headline_score(paragraphs, index, start, lead, slug)
        if best is None or score > best_score:
            best, best_score = index, score
    return best if best is None else _above_standfirst(paragraphs, best, scores)


def _above_standfirst(paragraphs: list[str], best: int, scores: dict[int, float]) -> int:
    """Return the headline when ``paragraphs[best]`` is its standfirst (which repeats more of the lead): a
    candidate one line above (or two, past a line that is no candidate) of near-equal score that shares a word
    with it, is not in capitals (a kicker, a menu) and does not contain it (a breadcrumb); else ``best``."""
    text = paragraphs[best].strip()
    # Two lines up only past a line that is no candidate (a kicker, a share bar), not past another headline.
    for above in (best - 1, best - 2) if best - 1 not in scores else (best - 1,):
        line = paragraphs[above].strip() if above >= 0 else ""
        if (
            above in scores
            and scores[above] >= scores[best] - DEK_MARGIN
            and _content_words(line) & _content_words(text)
            and not line.isupper()
            and text not in line
        ):
            return above
    return best
