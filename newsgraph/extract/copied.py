"""The parts of a copied page that only position and shape tell: header, credits, navigation runs, outlet.

A browser copy of a news page is the page's visible text: navigation and page
controls, the headline, a dateline and byline in whatever form the outlet
prints them, the article, then footer lines.  Hand-written (no library reads
plain copied text); outlet names and credit forms are data
(``newsgraph/data/outlets.csv``), never code.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from newsgraph.extract.dates import (
    find_printed_date,
    find_relative_date,
    find_yearless_date,
    looks_iso,
    parse_iso,
    unglue,
)
from newsgraph.extract.draft import Draft
from newsgraph.extract.fallback import word_count
from newsgraph.extract.furniture import _TAIL_HEADING, classify
from newsgraph.extract.outlets import outlets
from newsgraph.model import Furniture

#: How far down the header may reach: copied navigation can be long, an article's lead never comes later.
MAX_HEADER_LINES = 40
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
#: A headline of fewer words is taken only when it is the header's one line (short lines are mostly menus).
MIN_TITLE_WORDS = 3
#: Lines after a headline within which its byline or dateline is printed.
BYLINE_AFTER_TITLE = 3
MAX_BYLINE_CHARS = 120
#: A paragraph this long is prose whatever its punctuation.
PROSE_CHARS = 200
#: A sentence's stop, Latin and CJK (full-width), and what may close it after the stop: quotes and a parenthesis,
#: then a bracket and CJK quotes (``text._CLOSED`` takes the Latin ones only).
SENTENCE_STOPS, CJK_STOPS = ".!?…", "。！？"
SENTENCE_CLOSERS, MORE_CLOSERS = "\"'”’)", "]」』"
#: Prose ends like a sentence; a short line that does so with ! or ? may still be a headline.
_SENTENCE_END = re.compile(
    rf"[{re.escape(SENTENCE_STOPS + CJK_STOPS)}][{re.escape(SENTENCE_CLOSERS + MORE_CLOSERS)}]*$")
PROSE_WORDS = 12
#: Lines before the article where its headline, date and byline are looked for.
HEADER_WINDOW = 16
#: Short lines in a row (menus, tag lists) that are never the article's own: at least this many.
MIN_RUN = 3
MAX_RUN_WORDS = 6
MAX_FOOTER_WORDS = 12
#: A line introducing a list with a colon has this many words at least.
MIN_INTRO_WORDS = 4
#: A colon line that opens other stories, not the article's own list ("Related coverage from ...:").
_OTHER_STORIES = re.compile(r"^(?:related|more|see|read|also|recommended|popular|trending|latest|don.t miss)\b", re.I)

_BY = re.compile(r"^(?:by|posted by|written by|author|reporter|report(?:ed)? by|story by)\s*[:\-–]?\s+(?P<by>\S.*)$", re.I)
_ID_BYLINE = re.compile(r"\b(?:journalist|reporter|author) id\s*:\s*[\w-]+", re.I)
_DATE_LABEL = re.compile(r"^\W*(?:published|updated|posted|last updated?|date|created|release date)?(?:\s+on)?\s*[:\-–]?\s*$", re.I)
#: What may stand before a dateline's date besides a label: a byline ("by Jane Roe on ", "Posted by X on "),
#: the outlet or place and a separator ("News Bureau | Updated : "), the time and weekday ("PUBLISHED: 10:48, Tue, ",
#: "Updated 0339 GMT (1139 HKT) ", a weekday in any language: "sexta-feira, ").
_DATE_BEFORE = re.compile(
    r"^\W*(?:(?:(?:posted|written|published|reported)\s+)?by\s+[^|.:;!?]{1,60}?\s+(?:on\s+)?"
    r"|(?:[^|•·]{0,60}[|•·]\s*)?(?:published|updated|posted|last updated?|date|created|release date)?(?:\s+on)?"
    r"\s*[:\-–]?\s*(?:(?:\d{1,2}[:.]\d{2}|\d{4}\s+[A-Z]{2,4}\b)\s*(?:[ap]\.?m\.?)?(?:\s*\(\d{3,4}\s+[A-Z]{2,4}\))?,?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*|[^\W\d_]+(?:-[^\W\d_]+)?,\s*)?)$",
    re.I,
)
#: A name before the date on a short line is the author's or the outlet's ("Reuters November 18, 2019 11:03 PM",
#: "Brent Co November 20, 2019 12:32"): capitalised words only.
_NAME_BEFORE = re.compile(r"^(?:[A-Z][\w.’'&-]*\s+){1,3}$")
MAX_NAMED_DATELINE_CHARS = 60
_SEPARATOR_BEFORE = re.compile(r"[|•·–—-]\s*$")
#: A story's end mark after its last sentence ("... with militants. ■", "###", "(END)").
_END_MARK = re.compile(r"\s*(?:[■□●◆]|#{3}|\(END\)|—30—|-30-)\s*$")
#: A dateline's source label: "Source: Xinhua | 2025-03-14 20:36:00".
_SOURCE_CREDIT = re.compile(r"\bsource\s*:\s*([A-Z][\w .'’-]{1,40}?)\s*(?:[|•·]|$)", re.I)


_words = word_count


def is_prose(paragraph: str) -> bool:
    """Return True when a paragraph reads like article prose (long, or a full sentence), not furniture."""
    text = paragraph.strip()
    if classify(text) is not None:
        return False
    if len(text) > PROSE_CHARS:
        return True
    text = _END_MARK.sub("", _without_credit(text))
    if not _SENTENCE_END.search(text):
        return False
    return text.rstrip(SENTENCE_CLOSERS + MORE_CLOSERS).endswith((".", "…", "。")) or _words(text) >= PROSE_WORDS


def _without_credit(text: str) -> str:
    """Return ``text`` without a closing agency credit ("... said. -Xinhua")."""
    m = _closing_credit(text)
    if m and m.start() > 0:
        return text[: m.start()].rstrip()
    return text


def _closing_credit(text: str, whole_line: bool = False) -> re.Match[str] | None:
    """Return the match of a known agency credit that closes ``text`` set off as one: by a dash or parentheses
    ("-Xinhua", "(TASS)"), after the last sentence's end ("... into the US. PTI"), or (``whole_line``) as all of
    it ("TASS"); else None."""
    known = outlets().by_credit
    m = _TRAILING_CREDIT.search(text)
    if m and (m.group(0).strip()[:1] in "-–—(" or (whole_line and m.start() == 0)) and m.group("credit").strip() in known:
        return m
    m = _CREDIT_AFTER_SENTENCE.search(text)
    return m if m and m.group("credit") in known else None


def content_words(text: str) -> set[str]:
    """Return the words of ``text`` that carry content: four letters or more, or any word of a non-Latin script."""
    return {w for w in re.findall(r"[^\W\d_]+", text.casefold()) if len(w) >= 4 or not w.isascii()}


def date_line(line: str, fetched_at: dt.datetime | None) -> tuple[str, str] | None:
    """Return (ISO date, precision) when ``line`` is a dateline: it opens with a printed or relative date
    (after a label such as "Published:"), or ends with one after a separator ("Tehran Times | 17 Jan 2023")."""
    if len(line) > MAX_BYLINE_CHARS * 2:
        return None
    line = unglue(line)
    if looks_iso(line.strip()):  # a machine date shown as text ("2019-11-19T12:48:14Z")
        return parse_iso(line.strip())
    for found in (find_printed_date(line), find_relative_date(line, fetched_at), find_yearless_date(line, fetched_at)):
        if found:
            value, precision, (start, end) = found
            before, after = line[:start], line[end:]
            if _DATE_LABEL.match(before) or _DATE_BEFORE.match(before) or (
                (_SEPARATOR_BEFORE.search(before)
                 or (_NAME_BEFORE.match(before) and len(line) <= MAX_NAMED_DATELINE_CHARS))
                and not after.strip()
            ):
                return value, precision
    return None


def _credit_line(line: str) -> str | None:
    """Return the credit when the line is nothing but an outlet's credit ("Xinhua", "(AP)", "- TASS")."""
    text = line.strip().strip("()[]-–—|:. ")
    return text if text in outlets().by_credit else None


def _byline(line: str) -> str | None:
    """Return the byline a "By X" / "Posted by: X" line states."""
    if len(line) <= MAX_BYLINE_CHARS and (m := _BY.match(line.strip())):
        return m.group("by").strip(" |,")
    return None


def _is_title(line: str) -> bool:
    text = line.strip()
    return (
        len(text) <= MAX_TITLE_CHARS
        and _words(text) <= MAX_TITLE_WORDS
        and not text.endswith((":", ",", "."))  # a headline has no full stop; a standfirst or caption has
        and classify(text) is None
        and any(ch.isalpha() for ch in text)
    )


def read_header(
    header: list[str], draft: Draft, fetched_at: dt.datetime | None, title_at: int | None = None
) -> list[Furniture]:
    """Fill the draft's title, date and byline from the header lines (the headline is ``header[title_at]`` when
    given, else chosen by ``_choose_title``); return the lines not kept, as furniture."""
    titles: list[int] = []
    reasons: dict[int, str] = {}
    for index, line in enumerate(header):
        text = line.strip()
        if draft.published is None and (date := date_line(text, fetched_at)):
            draft.published, draft.published_precision = date  # type: ignore[assignment]
            reasons[index] = "dateline"
            if draft.byline is None and (m := _ID_BYLINE.search(text)):
                draft.byline = m.group(0)
            elif draft.byline is None and (m := _SOURCE_CREDIT.search(text)) and m.group(1) in outlets().by_credit:
                draft.byline = m.group(1)  # "Source: Xinhua | 2025-03-14 20:36:00 | Editor: huaxia"
        elif m := _ID_BYLINE.search(text):
            draft.byline = draft.byline or m.group(0)
            reasons[index] = "byline"
        elif by := _byline(text):
            draft.byline = draft.byline or by
            reasons[index] = "byline"
        elif credit := _credit_line(text):
            # After the headline: the story's credit, not the logo.
            if (titles or (title_at is not None and index > title_at)) and draft.byline is None:
                draft.byline = credit
            reasons[index] = "byline"
        elif (found := classify(text)) is not None:
            reasons[index] = found[0]
        elif date_line(text, fetched_at):
            reasons[index] = "dateline"  # a second date (updated)
        elif _is_title(text):
            titles.append(index)
        else:
            reasons[index] = "header"
    chosen = title_at if title_at is not None else _choose_title(header, titles)
    if chosen is not None:
        draft.title = header[chosen].strip()
    furniture = []
    for index, line in enumerate(header):
        if index == chosen:
            continue
        reason = reasons.get(index) or ("navigation" if chosen is None or index < chosen else "header")
        furniture.append(Furniture(text=line.strip(), reason=reason))
    return furniture


def _choose_title(header: list[str], titles: list[int]) -> int | None:
    """Return the index of the headline: the first title-like line that a byline or dateline follows within
    ``BYLINE_AFTER_TITLE`` lines (headline, then who and when, is how news pages print it), else the
    title-like line of most words (the later one on a tie)."""
    long_enough = [i for i in titles if _words(header[i]) >= MIN_TITLE_WORDS]
    for index in long_enough:
        following = (line.strip() for line in header[index + 1 : index + 1 + BYLINE_AFTER_TITLE])
        if any(date_line(line, None) or _byline(line) or _ID_BYLINE.search(line) for line in following):
            return index
    if long_enough:
        return max(long_enough, key=lambda i: (_words(header[i]), i))
    if len(header) == 1 and titles:
        return titles[0]
    return None


def introduces_list(paragraph: str) -> bool:
    """Return True when a line is a sentence that ends with a colon: a word in lower case, no furniture and
    no heading of other stories."""
    text = paragraph.strip()
    words = text.split()
    return (text.endswith(":") and len(words) >= MIN_INTRO_WORDS and classify(text) is None
            and not _TAIL_HEADING.match(text) and not _OTHER_STORIES.match(text)
            and any(w[:1].islower() for w in words))


def _is_short_line(paragraph: str, max_words: int) -> bool:
    text = paragraph.strip()
    return _words(text) <= max_words and not _SENTENCE_END.search(text)


def strip_runs(paragraphs: list[str], furniture: list[Furniture]) -> list[str]:
    """Return the paragraphs without runs of short lines (menus, tag lists) and without the short lines
    after the last prose paragraph (footer); what is removed is added to ``furniture``."""
    kept: list[str] = []
    index = 0
    while index < len(paragraphs):
        end = index
        while end < len(paragraphs) and _is_short_line(paragraphs[end], MAX_RUN_WORDS):
            end += 1
        if end - index >= MIN_RUN:
            furniture.extend(Furniture(text=p.strip(), reason="navigation") for p in paragraphs[index:end])
            index = end
            continue
        kept.append(paragraphs[index])
        index += 1
    last = max((i for i, p in enumerate(kept) if is_prose(p)), default=len(kept) - 1)
    tail = kept[last + 1 :]
    if tail and introduces_list(tail[0]):  # "The dead by district:" and its items are the article's
        return kept
    if all(_is_short_line(p, MAX_FOOTER_WORDS) for p in tail):
        furniture.extend(Furniture(text=p.strip(), reason="footer") for p in tail)
        kept = kept[: last + 1]
    return kept


_LEAD_CREDIT = re.compile(r"^[^\n()]{0,80}?\((?P<credit>[^()]{1,40})\)\s*[-–—]+\s+\S")
_LEAD_PLACE_CREDIT = re.compile(r"^[A-Z][\w .'’-]{0,40},\s*(?P<credit>[^,\n]{1,40}?)\s*[-–—]+\s+\S")
#: TASS's form: "ISLAMABAD, March 14. /TASS/. Pakistan officials ...".
_LEAD_SLASH_CREDIT = re.compile(r"^[A-Z][\w .'’-]{0,40},[^/\n]{0,30}?/(?P<credit>[A-Z][\w .-]{1,20})/\.?\s+\S")
_CREDIT_AFTER_SENTENCE = re.compile(r"(?<=[\w)][.!?])[\"'”’]?\s+(?P<credit>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4})$")
_TRAILING_CREDIT = re.compile(r"(?:\s+[-–—]+\s*|\s*[-–—]+|\s+)\(?(?P<credit>[A-Z][\w .’'-]{0,40}?)\)?\s*$")


def take_credits(paragraphs: list[str], furniture: list[Furniture]) -> str | None:
    """Return the agency credit that opens the lead ("KYIV (AP) — ", "Tehran, IRNA - ") or closes the story
    ("... said. -Xinhua", "... into the US. PTI", a last line "(TASS)"); a closing credit, and an end mark ("■", "###"), is removed from
    the body (in place)."""
    known = outlets().by_credit
    credit = None
    if paragraphs:
        for pattern in (_LEAD_CREDIT, _LEAD_PLACE_CREDIT, _LEAD_SLASH_CREDIT):
            if (m := pattern.match(paragraphs[0])) and m.group("credit").strip() in known:
                credit = m.group("credit").strip()
                break
    if paragraphs and (m := _END_MARK.search(paragraphs[-1])):
        furniture.append(Furniture(text=m.group(0).strip(), reason="footer"))
        paragraphs[-1] = paragraphs[-1][: m.start()].rstrip()
    if paragraphs and (m := _closing_credit(paragraphs[-1], whole_line=True)):
        furniture.append(Furniture(text=m.group(0).strip(), reason="byline"))
        rest = paragraphs[-1][: m.start()].rstrip()
        if rest:
            paragraphs[-1] = rest
        else:
            paragraphs.pop()
        credit = credit or m.group("credit").strip()
    return credit


def site_of(url: str | None, byline: str | None, credit: str | None) -> str | None:
    """Return the outlet's name: from the URL's host, else the byline, else an agency credit (None: unknown)."""
    table = outlets()
    host = urlsplit(url).hostname if url else None
    for outlet in (table.from_host(host), table.in_text(byline), table.in_text(credit)):
        if outlet is not None:
            return outlet.name
    return None
