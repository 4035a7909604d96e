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
    content_words as _content_words,
    date_line,
    is_prose,
)
from newsgraph.extract.dates import says_relative_date
from newsgraph.extract.furniture import classify

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
#: A sentence's end (a lower-case word, not a title such as "Rep." or "Gov."; any word before "?" or "!": "... de
#: Belo Horizonte? Assista a uma palinha!") and another sentence of four words or more.
_TWO_SENTENCES = re.compile(r"(?:(?<![\w.])[^\W\d_A-Z]{2,}[.!?]|\w{2,}[?!])\s+[A-Z][\w’']*(?:\s+[\w’']+){3,}")
#: A headline may ask or exclaim ("Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?"), briefly.
HEADLINE_MAX_QUESTION = 20
STANDFIRST_LINES = 2
BELOW_DATELINE_PENALTY = 1.0
#: Lines of this many words or fewer between a headline and its byline are passed over, this many at most.
FRAGMENT_WORDS = 2
MAX_SKIPPED_FRAGMENTS = 6
#: A line holding a candidate that makes up this share of its words or more is a breadcrumb or a page title.
WITHIN_SHARE = 0.6
#: A relative date of a teaser ("2 hours ago", "Nov 18 · 3 min read") is a short line.
MAX_RELATIVE_DATE_WORDS = 6
#: A headline this short is taken only right over its dateline or byline.
SHORT_HEADLINE_WORDS = 2
SHORT_HEADLINE_COST = 1.0


def _followed_by_who_or_when(paragraphs: list[str], index: int) -> bool:
    """Return True when a byline or a dateline follows ``paragraphs[index]`` within ``BYLINE_AFTER_TITLE`` lines
    (two more past a standfirst right under it: headline, standfirst, author, then the date), not counting
    lines of one or two words (a share bar, a comment count a copy cut into "New," "15" "comments")."""
    under_standfirst = index + 1 < len(paragraphs) and is_prose(paragraphs[index + 1])
    reach = BYLINE_AFTER_TITLE + (STANDFIRST_LINES if under_standfirst else 0)
    counted = 0
    for line in paragraphs[index + 1 : index + 1 + reach + MAX_SKIPPED_FRAGMENTS]:
        line = line.strip()
        if date_line(line, None) or _byline(line) or _ID_BYLINE.search(line):
            return True
        counted += _words(line) > FRAGMENT_WORDS
        if counted >= reach:
            return False
    return False


def _headline_score(paragraphs: list[str], index: int, distance: int, lead: set[str], slug: set[str]) -> float:
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
    if n < MIN_TITLE_WORDS:
        score -= SHORT_HEADLINE_COST  # an author's name over the date is as short: a longer headline wins

    return score - 0.02 * distance


#: A list of other stories: this many datelines or more, each within ``TEASER_GAP`` lines of the one before.
TEASER_DATES = 3
TEASER_GAP = 3


def teaser_lists(paragraphs: list[str], lo: int, hi: int) -> set[int]:
    """Return the indices in ``paragraphs[lo:hi]`` of lists of other stories: ``TEASER_DATES`` datelines or
    more with at most ``TEASER_GAP`` lines from one to the next and no prose between (each a teaser's
    "section, headline, date"), from the line two above the first date (or the short heading over it) to the
    last date."""
    dates = [i for i in range(lo, hi) if date_line(paragraphs[i].strip(), None)
             or (_words(paragraphs[i]) <= MAX_RELATIVE_DATE_WORDS and says_relative_date(paragraphs[i]))]
    marked: set[int] = set()
    run: list[int] = []
    for index in [*dates, None]:
        if index is not None and run and index - run[-1] <= TEASER_GAP and not any(
            is_prose(p) for p in paragraphs[run[-1] + 1 : index]
        ):
            run.append(index)
            continue
        if len(run) >= TEASER_DATES:
            first = max(lo, run[0] - 2)
            heading = first - 1  # "More stories like this one" over the list
            line = paragraphs[heading] if heading >= lo else ""
            if line and _words(line) <= MAX_RELATIVE_DATE_WORDS and not is_prose(line):
                first = heading
            marked.update(range(first, run[-1] + 1))
        run = [] if index is None else [index]
    return marked


def _may_be_headline(paragraphs: list[str], index: int, shared_with: set[str]) -> bool:
    """Return True when ``paragraphs[index]`` may be a headline: title-shaped, no date, byline or credit, not
    prose (but a short question or exclamation), three words or more (two right over a dateline or byline), and
    sharing a word with the lead or the URL (``shared_with``) or standing over a byline or dateline."""
    line = paragraphs[index].strip()
    stopped = _stopped_headline(paragraphs, index)
    if not (_is_title(line) or stopped) or date_line(line, None) or says_relative_date(line) or _byline(line):
        return False
    if is_prose(line) and not stopped and not (line.endswith(("?", "!", "…")) and _words(line) <= HEADLINE_MAX_QUESTION):
        return False
    if _words(line) < MIN_TITLE_WORDS and not (_words(line) == SHORT_HEADLINE_WORDS and _dated_next(paragraphs, index)):
        return False
    if _credit_line(line) or _TWO_SENTENCES.search(line):
        return False  # a headline is one sentence; a standfirst or a prompt tells in two
    return bool(_content_words(line) & shared_with) or _followed_by_who_or_when(paragraphs, index)


def _dated_next(paragraphs: list[str], index: int) -> bool:
    """Return True when the line right under ``paragraphs[index]`` is a dateline or a byline: a headline of two
    words ("About bugs") stands so; a menu's two-word item does not."""
    line = paragraphs[index + 1].strip() if index + 1 < len(paragraphs) else ""
    found = classify(line) if line else None
    return bool(line and (date_line(line, None) or _byline(line) or (found and found[0] == "dateline")))


def _stopped_headline(paragraphs: list[str], index: int) -> bool:
    """Return True when ``paragraphs[index]`` is a headline that ends with a full stop ("Home Depot Stock Is
    Falling After Its Earnings Release. Why You Shouldn't Worry."): of a headline's length, no furniture, right
    over its dateline or byline, and not under a title-shaped line that the byline or dateline follows too,
    lines of one or two words passed over (then it is the standfirst under that headline)."""
    line = paragraphs[index].strip()
    if not line.endswith(".") or _words(line) > HEADLINE_MAX_QUESTION or classify(line) is not None:
        return False
    # Past a comment count or a share bar a copy cut into lines of a word or two ("New," "6" "comments").
    above = next((i for i in range(index - 1, max(-1, index - 2 - MAX_SKIPPED_FRAGMENTS), -1)
                  if _words(paragraphs[i]) > FRAGMENT_WORDS), None)
    headline_above = above is not None and _is_title(paragraphs[above]) and _followed_by_who_or_when(paragraphs, above)
    return _dated_next(paragraphs, index) and not headline_above


def _reach(paragraphs: list[str], start: int) -> int:
    """Return the first line before ``start`` within reach of the headline: ``TITLE_REACH`` lines of
    ``MIN_TITLE_WORDS`` words or more back (a menu or a select list of one-word lines between the headline and
    the article does not take it out of reach)."""
    counted = 0
    for index in range(start - 1, -1, -1):
        counted += _words(paragraphs[index]) >= MIN_TITLE_WORDS
        if counted > TITLE_REACH:
            return index + 1
    return 0


def choose_headline(paragraphs: list[str], start: int, end: int, url: str | None) -> int | None:
    """Return the index of the article's headline (``paragraphs[start:end]`` being the article) among the lines
    from ``TITLE_REACH`` before its start (``_reach``) to just after it, not in a list of teasers
    (``teaser_lists``), that ``_may_be_headline``, the one of best
    ``_headline_score`` (or the headline above it when that is its standfirst); None when there is none (then
    the header's own rules choose)."""
    lead_prose = (p for p in paragraphs[start : min(end, start + LEAD_PARAGRAPHS)] if is_prose(p))
    lead = _content_words(" ".join(lead_prose))
    slug = _content_words(urlsplit(url).path.replace("-", " ").replace("_", " ")) if url else set()
    best, best_score = None, 0.0
    scores: dict[int, float] = {}
    reach = range(_reach(paragraphs, start), min(end, start + TITLE_AFTER_START))
    teasers = teaser_lists(paragraphs, reach.start, reach.stop)
    for index in reach:
        if index in teasers or not _may_be_headline(paragraphs, index, lead | slug):
            continue
        scores[index] = _headline_score(paragraphs, index, min(abs(start - index), TITLE_REACH), lead, slug)
    _below_the_dateline(paragraphs, start, scores)
    for index, score in scores.items():
        if best is None or score > best_score:
            best, best_score = index, score
    return best if best is None else _above_standfirst(paragraphs, _within(paragraphs, best, scores), scores)


def _below_the_dateline(paragraphs: list[str], start: int, scores: dict[int, float]) -> None:
    """Lower (in place) the scores of the candidates below the article's dateline or byline (the last one over
    its start) when a candidate over it is followed by it: headline, then who and when; what comes between
    them and the article is a standfirst, a caption or a table's row."""
    who = next((i for i in range(start - 1, min(scores, default=start) - 1, -1)
                if date_line(paragraphs[i].strip(), None) or _byline(paragraphs[i])), None)
    if who is None or not any(i < who and _followed_by_who_or_when(paragraphs, i) for i in scores):
        return
    for index in scores:
        if index > who:
            scores[index] -= BELOW_DATELINE_PENALTY


def _within(paragraphs: list[str], best: int, scores: dict[int, float]) -> int:
    """Return the candidate whose words ``paragraphs[best]`` contains with more around them (a breadcrumb "Home
    Holidays <headline>", a page title "<headline> | Site" hold the headline), the longest; else ``best``."""
    text = " ".join(paragraphs[best].split()).casefold()
    inside = [i for i in scores if i != best and (line := " ".join(paragraphs[i].split()).casefold()) != text
              and _words(line) >= WITHIN_SHARE * _words(text) and re.search(rf"(?<!\w){re.escape(line)}(?!\w)", text)]
    return max(inside, key=lambda i: len(paragraphs[i])) if inside else best


def _above_standfirst(paragraphs: list[str], best: int, scores: dict[int, float]) -> int:
    """Return the headline when ``paragraphs[best]`` is its standfirst (which repeats more of the lead): a
    candidate one line above (or two, past a line that is no candidate) of near-equal score that shares a word
    with it, is not in capitals (a kicker, a menu), does not contain it (a breadcrumb) and is not contained in it (a
    series' name over its episode: "Dare to Play" over "Dare to Play 3 / October pack"); else ``best``."""
    text = paragraphs[best].strip()
    # Two lines up only past a line that is no candidate (a kicker, a share bar), not past another headline.
    for above in (best - 1, best - 2) if best - 1 not in scores else (best - 1,):
        line = paragraphs[above].strip() if above >= 0 else ""
        if (
            above in scores
            and scores[above] >= scores[best] - DEK_MARGIN
            and _content_words(line) & _content_words(text)
            and not line.isupper()
            and text.casefold() not in line.casefold()
            and line.casefold() not in text.casefold()  # a standfirst does not repeat its headline whole
        ):
            return above
    return best
