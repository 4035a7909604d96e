"""Which lines of a copied page are the article: the block of most prose weight, or the one under its headline.

A browser copy holds the article among menus, teaser grids, related-story lists, footers and comments.  Each
line weighs for or against the article (``_score``: prose by its words; menus, datelines, teasers cut off
mid-sentence or glued to their headline, against); the article is the heaviest run (Kadane's maximum
subarray), or a run that opens under a headline and its dateline or byline when that is near as heavy, and it
ends where another item opens (a dateline, a byline, a list of other stories' headlines).
"""

from __future__ import annotations

import re

from newsgraph.extract.copied import (
    _ID_BYLINE,
    _SENTENCE_END,
    BYLINE_AFTER_TITLE,
    MAX_RUN_WORDS,
    MAX_TITLE_WORDS,
    MIN_TITLE_WORDS,
    _byline,
    _is_title,
    _without_credit,
    _words,
    content_words,
    date_line,
    introduces_list,
    is_prose,
)
from newsgraph.extract.dates import says_relative_date
from newsgraph.extract.furniture import _TAIL_HEADING, classify

#: What a line that is not prose weighs against the article around it: this, plus its words up to the max.
SHORT_LINE_COST = 2
MAX_SHORT_LINE_COST = 10
#: What a line opening readers' comments or a list of other stories weighs: a wall, or nearly.
COMMENTS_COST = 60
SECTION_COST = 15
DATE_LINE_COST = 25
#: Prose words before a comment-form line for it to mark the end of the article.
MIN_ARTICLE_WORDS = 30
#: Prose words of the article before a dateline or byline in it opens another item (a comment, a teaser).
ITEM_END_WORDS = 80
#: Lines in a row, of a headline's length, that list other stories.
HEADLINE_RUN = 3
MIN_HEADLINE_WORDS = 3
ARTICLE_SHARE_AFTER_LIST = 4
#: A list the article introduces with a colon: its items (at most, and more than the least).
MAX_LIST_ITEMS = 60
MIN_LIST_ITEMS = 2
#: What opening under a headline and its dateline or byline is worth, in words of prose: once per page.
HEADED_BONUS = 40
#: Lines above a dateline or byline where the headline is (a photo and its caption may stand between).
HEADLINE_OVER_WHO = 5
#: A teaser's summary is cut off mid-sentence: "... residents of the Indian state may soon..." (a word, then dots).
_TRUNCATED = re.compile(r"[\w,;]\s?(?:\.{3}|…)$")
#: A link's Title Case text run into the next without a space ("... Bill At Troy SteakhouseA party of six left"):
#: a teaser's headline glued to its summary, or a menu's items glued together.
_GLUED_TITLE = re.compile(
    r"^[A-Z0-9$‘'“][\w'’:;?!$,.&‘-]*\s+(?:(?:[A-Z0-9$‘'“][\w'’:;?!$,.&‘-]*|of|to|a|an|the|in|for|and|on|at|by|with"
    r"|from)\s+){3,}[A-Z0-9][\w'’-]*(?:[a-z]{3}|[?!])[A-Z][\w'’]*\s"
)



def _score(paragraph: str) -> int:
    """Return a paragraph's weight for finding the article: prose counts its words, other lines count against."""
    # A date or "By X" line inside a page's text opens another item (a teaser, a comment): a wall, nearly.
    if date_line(paragraph, None) or _byline(paragraph):
        return -DATE_LINE_COST
    if is_prose(paragraph) and not _TRUNCATED.search(paragraph.strip()) and not _GLUED_TITLE.match(paragraph):
        return _words(paragraph)
    found = classify(paragraph)
    if found and found[0] == "comment-form" and _words(paragraph) >= 2:  # readers' comments follow
        return -COMMENTS_COST
    if _TAIL_HEADING.match(paragraph.strip()):  # "Related stories", "Most read": other articles follow
        return -SECTION_COST
    return -(SHORT_LINE_COST + min(_words(paragraph), MAX_SHORT_LINE_COST))


def _comments_start(paragraphs: list[str]) -> int:
    """Return where readers' comments start (a comment-form line after some prose), else len(paragraphs):
    comments come after the article, however long they are."""
    prose = 0
    for index, paragraph in enumerate(paragraphs):
        found = classify(paragraph)
        # A bare "Comments" is often a link near the top that jumps to them; the comments open with more.
        if (found and found[0] == "comment-form" and prose >= MIN_ARTICLE_WORDS and _words(paragraph) >= 2
                and not _under_who_or_when(paragraphs, index)):
            return index
        if found is None and is_prose(paragraph):
            prose += _words(paragraph)
    return len(paragraphs)


def _under_who_or_when(paragraphs: list[str], index: int) -> bool:
    """Return True when a dateline or byline stands within ``BYLINE_AFTER_TITLE`` lines above ``paragraphs[index]``
    (a "0 Comments" link printed beside them is the header's, not the comments' start)."""
    above = paragraphs[max(0, index - BYLINE_AFTER_TITLE) : index]
    return any(date_line(p.strip(), None) or _byline(p) for p in above)


def _headed(paragraphs: list[str], index: int) -> bool:
    """Return True when prose ``paragraphs[index]`` stands under its headline and a dateline or byline: a who or
    when line within ``BYLINE_AFTER_TITLE`` lines above it (and no prose between), a title-like line of three words
    or more within ``HEADLINE_OVER_WHO`` lines above that, sharing a word with the prose (a footer under a teaser's
    headline and date does not)."""
    lead = content_words(" ".join(paragraphs[index : index + 2]))
    for who in range(index - 1, max(0, index - BYLINE_AFTER_TITLE) - 1, -1):
        line = paragraphs[who].strip()
        if is_prose(line):
            return False  # the first prose under the header only
        if date_line(line, None) or _byline(line) or _ID_BYLINE.search(line):
            above = paragraphs[max(0, who - HEADLINE_OVER_WHO) : who]
            if any(_is_title(p) and _words(p) >= MIN_TITLE_WORDS and content_words(p) & lead for p in above):
                return True
    return False


def _headed_block(paragraphs: list[str], scores: list[int]) -> tuple[int, tuple[int, int]] | None:
    """Return (weight, (start, end)) of the heaviest block that opens under a headline and its dateline or
    byline (``_headed``) and runs as far as its weight grows; None when no prose is so headed."""
    found = None
    for start, score in enumerate(scores):
        if score <= 0 or not is_prose(paragraphs[start]) or not _headed(paragraphs, start):
            continue
        total, best, end = 0, 0, start + 1
        for index in range(start, len(scores)):
            total += scores[index]
            if total > best:
                best, end = total, index + 1
        if found is None or best > found[0]:
            found = (best, (start, end))
    return found


def main_block(paragraphs: list[str]) -> tuple[int, int]:
    """Return (start, end) of the article in a copied page: the run of paragraphs of highest total weight
    (prose for, menus and link lists against; Kadane's maximum subarray), or the heaviest block that opens under
    a headline and its dateline or byline when it weighs no less than ``HEADED_BONUS`` words under it (a short
    article beside a disclaimer or a teaser grid).  Without any prose: (1, len), the first line taken for the
    header."""
    best, best_span = 0, None
    total, start = 0, 0
    scores = [_score(p) for p in paragraphs[: _comments_start(paragraphs)]]
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0, index
        total += score
        if total > best:
            best, best_span = total, (start, index + 1)
    if best_span is not None:
        best_span = best_span[0], _next_item(paragraphs, *best_span)
    headed = _headed_block(paragraphs, scores)
    if headed and best_span and best_span[0] <= headed[1][0] < best_span[1]:
        # A headline and its date inside the block under a caption or a teaser: the article starts there.
        above = sum(_words(p) for p in paragraphs[best_span[0] : headed[1][0]] if is_prose(p))
        if above < ITEM_END_WORDS:
            best_span = headed[1][0], max(best_span[1], _next_item(paragraphs, *headed[1]))
    elif headed and headed[0] + HEADED_BONUS > best:
        best_span = headed[1][0], _next_item(paragraphs, *headed[1])
    if best_span is None:
        return (1 if len(paragraphs) > 1 else 0), len(paragraphs)
    return best_span[0], _list_end(paragraphs, best_span[1])


def _list_end(paragraphs: list[str], end: int) -> int:
    """Return where the article ends when its last line, or the line after it, introduces a list with a colon
    ("The band's 2020 tour dates:"): after the items that follow (lines of a headline's length at most, no
    furniture, date or byline, up to ``MAX_LIST_ITEMS``), which weigh against a block of prose; else ``end``."""
    intro = next((i for i in (end - 1, end) if 0 <= i < len(paragraphs) and introduces_list(paragraphs[i])), None)
    if intro is None:
        return end
    index = intro + 1
    while index < len(paragraphs) and index - intro <= MAX_LIST_ITEMS and _is_list_item(paragraphs[index]):
        index += 1
    return max(end, index) if index - intro > MIN_LIST_ITEMS else end


def _is_list_item(paragraph: str) -> bool:
    text = paragraph.strip()
    return (0 < _words(text) <= MAX_TITLE_WORDS and classify(text) is None and not _TAIL_HEADING.match(text)
            and not date_line(text, None) and not _byline(text))


def _opens_item(paragraph: str) -> bool:
    """Return True when a line opens an item of its own: a dateline, a byline, or a short relative date."""
    return bool(date_line(paragraph, None) or _byline(paragraph)
                or (_words(paragraph) <= MAX_RUN_WORDS and says_relative_date(paragraph)))


def _next_item(paragraphs: list[str], start: int, end: int) -> int:
    """Return where the article ``paragraphs[start:end]`` ends: at a dateline or byline after
    ``ITEM_END_WORDS`` words of its prose (a comment's or another story's, which the article's weight carried
    into the block), else ``end``."""
    prose = 0
    for index in range(start, end):
        paragraph = paragraphs[index].strip()
        # "(Published Monday, Nov. 18, 2019)" dates a video inside the article, not another item.
        if prose >= ITEM_END_WORDS and not paragraph.startswith("(") and _opens_item(paragraph):
            return index
        if prose >= ITEM_END_WORDS and _opens_headlines(paragraphs, index, end, prose):
            return index
        if prose >= ITEM_END_WORDS and _closing_prompt(paragraphs, index, end, prose):
            return index
        if prose >= ITEM_END_WORDS and _opens_teasers(paragraphs, index):
            return index
        if is_prose(paragraph):
            prose += _words(paragraph)
    return end


def _is_listed_headline(paragraph: str) -> bool:
    """Return True when a line reads like another story's headline in a list: a few words, no sentence end."""
    text = paragraph.strip()
    # A sentence that closes with an agency's credit ("... into the US. PTI") is no headline.
    return MIN_HEADLINE_WORDS <= _words(text) <= MAX_TITLE_WORDS and not _SENTENCE_END.search(_without_credit(text)) and (
        classify(text) is None or classify(text)[0] == "read-more")


def _opens_headlines(paragraphs: list[str], index: int, end: int, prose: int) -> bool:
    """Return True when ``paragraphs[index]`` opens a list of other stories' headlines (``HEADLINE_RUN`` in a
    row, a heading such as "More Great WIRED Stories" among them) after the article: the block has
    ``ARTICLE_SHARE_AFTER_LIST`` times more prose before it (``prose`` words) than after it (an author's note, a
    footer); a list inside an article, or a box of related stories, is followed by more of the article."""
    run = paragraphs[index : index + HEADLINE_RUN]
    if len(run) < HEADLINE_RUN or not all(_is_listed_headline(p) for p in run):
        return False
    after = sum(_words(p) for p in paragraphs[index + HEADLINE_RUN : end] if is_prose(p))
    return after * ARTICLE_SHARE_AFTER_LIST < prose


def _closing_prompt(paragraphs: list[str], index: int, end: int, prose: int) -> bool:
    """Return True when ``paragraphs[index]`` is a newsletter prompt that opens the page's sign-up box after the
    article: the block has ``ARTICLE_SHARE_AFTER_LIST`` times more prose before it (``prose`` words) than after it
    (the form's confirmations); a prompt inside the article is followed by more of it."""
    found = classify(paragraphs[index].strip())
    if not found or found[0] != "newsletter":
        return False
    after = sum(_words(p) for p in paragraphs[index + 1 : end] if is_prose(p))
    return after * ARTICLE_SHARE_AFTER_LIST < prose


#: A heading over teasers ("You may also like...") and how many of the summaries under it are cut off.
MAX_TEASER_HEADING_WORDS = 6
TEASER_RUN = 3
MIN_TRUNCATED_TEASERS = 2


def _opens_teasers(paragraphs: list[str], index: int) -> bool:
    """Return True when ``paragraphs[index]`` is a short heading over other stories' summaries:
    ``MIN_TRUNCATED_TEASERS`` of the ``TEASER_RUN`` paragraphs under it are cut off mid-sentence ("... para …"),
    as a related-posts box prints them; an article's own paragraphs end their sentences."""
    text = paragraphs[index].strip()
    if not 0 < _words(text) <= MAX_TEASER_HEADING_WORDS:
        return False
    under = [p.strip() for p in paragraphs[index + 1 : index + 1 + TEASER_RUN]]
    return sum(1 for p in under if _words(p) > MAX_TITLE_WORDS and _TRUNCATED.search(p)) >= MIN_TRUNCATED_TEASERS
