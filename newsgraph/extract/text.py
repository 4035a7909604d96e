"""Text copied from a news page: title, dateline, byline, furniture and "Read more:" lines.

Copied text has no markup, so the parts are found by position and shape
(``newsgraph.extract.copied``): the header is the short lines before the first
prose paragraph, and holds the title, the date and the byline among navigation
and page controls; a byline may also open the first or second body paragraph as
"X – ..." (as news agencies write it), and a wire credit may open or close the body.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from newsgraph.extract.block import main_block
from newsgraph.extract.copied import (
    HEADER_WINDOW,
    _byline,
    MAX_HEADER_LINES,
    SENTENCE_CLOSERS,
    SENTENCE_STOPS,
    date_line,
    is_prose,
    read_header,
    site_of,
    strip_runs,
    take_credits,
)
from newsgraph.extract.dates import find_printed_date, unglue
from newsgraph.extract.draft import Draft
from newsgraph.extract.headline import choose_headline
from newsgraph.extract.furniture import classify, strip_furniture
from newsgraph.model import Furniture

#: Lines of hard-wrapped prose are at least this long (but for a paragraph's last line).
MIN_WRAPPED_CHARS = 40
#: The article's first paragraphs, where a dateline may stand when a caption was taken for its lead.
DATELINE_IN_BODY = 5
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_LINK_WORD = r"(?:of|the|and|for|&|de|da|di|al|el|van|von|bin|ibn)"
#: "ISWNews Analysis Group – On June 21, ..." (a dash with spaces around it).
_BYLINE_PREFIX = re.compile(
    rf"^(?P<by>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_LINK_WORD})){{0,6}})\s+[–—-]\s+(?P<rest>\S.*)$", re.S
)


_INVISIBLE_LINE = re.compile(r"^[^\S\n]*[\u200b\u200c\u200d\u2060\ufeff][\u200b\u200c\u200d\u2060\ufeff\t \u00a0]*$", re.M)


def split_paragraphs(text: str) -> list[str]:
    """Return the paragraphs of plain text: blocks between blank lines, or every line when the text has
    no blank line at all.  A block's lines are joined by spaces when they are hard-wrapped prose (every
    line but the last long); otherwise each line is a paragraph of its own, as a browser copy gives
    menus, headlines and datelines one to a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    # A line of nothing but zero-width characters (an editor's empty paragraph "\u200b") is a blank line.
    text = _INVISIBLE_LINE.sub("", text)
    blocks = re.split(r"\n[ \t\u00a0]*\n", text.strip())
    if len(blocks) == 1:
        blocks = text.strip().split("\n")
    paragraphs: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if all(len(line) >= MIN_WRAPPED_CHARS for line in lines[:-1]):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(_join_continued(lines))
    return _join_bare_labels([p for p in paragraphs if p])


#: A line that goes on with the sentence of the line before it: it opens with a word in lower case (a sentence's
#: lines a copy broke at each <br>: "Photos" / "which were released online and are making the rounds" / ... ).
_CONTINUED = re.compile(r"^[^\W\d_A-Z][^\W\d_]*(?:[-’'][^\W\d_]+)*,?\s")
_LOWER_BY = re.compile(r"^(?:\w+\s+){0,2}by\s", re.I)
_OPEN_END = re.compile(r"[\w,’'”\"-]$")
MAX_DATED_CHARS = 80
#: A run of continued lines ends a sentence: ``copied._SENTENCE_END`` without its CJK stops, bracket and CJK quotes
#: (the lines joined open with a small letter, which CJK text has not; the rest is kept as first written).
_CLOSED = re.compile(rf"[{re.escape(SENTENCE_STOPS)}][{re.escape(SENTENCE_CLOSERS)}]*$")


def _join_continued(lines: list[str]) -> list[str]:
    """Return the lines of a block with each run of lines that continue a sentence (``_continues``) joined to the
    line before them, when the run ends the sentence (a full stop, "?", "!"): one sentence broken into lines."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = index + 1
        while end < len(lines) and _continues(lines[end - 1], lines[end], lines[end - 2] if end > 1 else ""):
            end += 1
        if end - index > 1 and _CLOSED.search(lines[end - 1]):
            out.append(" ".join(lines[index:end]))
        else:
            out.extend(lines[index:end])
        index = end
    return out


def _continues(before: str, line: str, label: str) -> bool:
    """Return True when ``line`` goes on with the sentence of ``before``: that has no end (no stop, colon or
    semicolon), this opens with a word in lower case and is no byline ("by Jeff Foust", nor the name under a bare
    "By" ``label``), dateline ("segunda-feira, 5 de março de 2018") or furniture."""
    if not (_OPEN_END.search(before) and _CONTINUED.match(line) and line[:1].islower()) or _BARE_LABEL.match(label):
        return False
    dated = date_line(line, None) or (len(line) <= MAX_DATED_CHARS and find_printed_date(line))  # "on Monday, Nov..."
    return not (_byline(line) or _LOWER_BY.match(line) or dated or classify(line) is not None)


_BARE_LABEL = re.compile(r"^(?:by|posted by|written by|words by|story by|reporter|author)\s*:?$", re.I)


def _join_bare_labels(paragraphs: list[str]) -> list[str]:
    """Return the paragraphs with a bare byline label ("By", "Written by:") joined to the name on the next line,
    where a copy of the label and the author's link as blocks put them."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and _BARE_LABEL.match(out[-1]):
            out[-1] = f"{out[-1]} {paragraph}"
        else:
            out.append(paragraph)
    return out


#: A copy may run the headline and the dateline into one line: "... killed in Iran unrest November 20, 2019 - 11:28".
MAX_HEADLINE_DATE_CHARS = 260
MIN_HEADLINE_CHARS = 15
_ZONE_LEFT = re.compile(r"^[A-Z]{0,5}$")
#: A date after these is a sentence's ("talks held on November 20, 2019"), not a dateline run into a headline.
_BEFORE_A_SENTENCE_DATE = re.compile(r"\b(?:on|of|since|from|until|till|by|to|in|at|before|after|and|or|the)$", re.I)


def split_headline_dates(paragraphs: list[str]) -> list[str]:
    """Return the paragraphs with a short line that ends in a printed date, not itself a dateline, cut in two:
    the headline and its dateline; and a headline run into its author's line with a handle (``_HEADLINE_HANDLE``)."""
    out: list[str] = []
    for paragraph in paragraphs:
        text = paragraph.strip()
        found = None if len(text) > MAX_HEADLINE_DATE_CHARS or is_prose(text) else find_printed_date(text)
        if found and found[2][0] >= MIN_HEADLINE_CHARS and _ZONE_LEFT.match(unglue(text)[found[2][1]:].strip()):
            head = unglue(text)[: found[2][0]].rstrip(" |-–—,·•")
            if head and not _BEFORE_A_SENTENCE_DATE.search(head) and not date_line(text, None):
                out += [head, unglue(text)[found[2][0] :].strip()]
                continue
        if not is_prose(text) and (m := _HEADLINE_HANDLE.match(text)) and not _BEFORE_A_SENTENCE_DATE.search(m["head"]):
            out += [m.group("head"), m.group("by")]
            continue
        out.append(paragraph)
    return out


#: A headline run into its author's line, the author named with a social handle: "... investigating WeWork Catherine
#: Shu @catherineshu / 2 days".
_HEADLINE_HANDLE = re.compile(
    rf"^(?P<head>\S.{{{MIN_HEADLINE_CHARS},}})\s+(?P<by>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}\s+@\w+(?:\s*[/|·•]\s*.{{1,30}})?)$"
)


#: A paragraph of the lead that a copy shows without its full stop: this many words at least, most in lower case.
MIN_UNSTOPPED_WORDS = 8
#: A sentence's end, a teaser's cut ("..."), a caption's credit in brackets ("... to the Moon [SpaceX via Nasa]"):
#: such a line is no lead paragraph missing its stop.
_LEAD_END = re.compile(r"(?:[.!?…:;][\"'”’)]*|[)\]])$")


def _unstopped_lead(paragraphs: list[str], start: int, title_at: int | None) -> int:
    """Return where the article starts when the lines right over ``start``, right under a dateline or byline
    below the headline, are paragraphs of the lead that lack their full stop ("Chelsea have this morning paid the
    £71.6million fee to ... Athletic Bilbao"): ``MIN_UNSTOPPED_WORDS`` words or more, most of them in lower case,
    no end mark, not furniture, a dateline or a byline; else ``start``."""
    floor = -1 if title_at is None else title_at
    first = start
    while first - 1 > floor and _unstopped(paragraphs[first - 1]):
        first -= 1
    who = paragraphs[first - 1].strip() if first > floor + 1 else ""
    return first if first < start and who and (date_line(who, None) or _byline(who)) else start


def _unstopped(paragraph: str) -> bool:
    text = paragraph.strip()
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return (len(words) >= MIN_UNSTOPPED_WORDS and lower * 2 > len(words) and not _LEAD_END.search(text)
            and classify(text) is None and not date_line(text, None) and not _byline(text))


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


def extract_text(text: str, *, fetched_at: dt.datetime | None = None, url: str | None = None) -> Draft:
    """Return the parts of an article given as copied text (a page's visible text, furniture included).

    The article is the run of prose of most weight (``main_block``); the lines
    just before it give the title, the date (printed, or relative to
    ``fetched_at``) and the byline; everything else is furniture; the outlet is
    recognised from ``url``, the byline or an agency credit
    (``newsgraph/data/outlets.csv``).
    """
    paragraphs = split_paragraphs(text)
    draft = Draft(extractor="text")
    start, end = main_block(paragraphs)
    # Only above the article (below it, "Name November 20, 2019" is a comment's).
    above = split_headline_dates(paragraphs[:start])
    paragraphs = all_paragraphs = above + paragraphs[start:]
    start, end = len(above), end + len(above) - start
    title_at = choose_headline(paragraphs, start, end, url)
    if title_at is not None and title_at >= start:  # a caption or a standfirst was taken for the lead
        start = title_at + 1
    start = _unstopped_lead(paragraphs, start, title_at)
    window = max(0, start - HEADER_WINDOW) if title_at is None else min(title_at, max(0, start - HEADER_WINDOW))
    before, header, after = paragraphs[:window], paragraphs[window:start], paragraphs[end:]
    furniture = [Furniture(text=line, reason=_reason(line, "navigation")) for line in before]
    furniture += read_header(header, draft, fetched_at, None if title_at is None else title_at - window)
    if draft.published is None:  # long navigation or captions between the dateline and the lead
        draft.published, draft.published_precision = nearest_dateline(paragraphs[:window], fetched_at)
    body = paragraphs[start:end]
    if draft.published is None:  # a caption taken for the lead, the dateline under it
        body = _take_dateline(body, draft, furniture, fetched_at)
    cleaned = strip_furniture(body)
    paragraphs = strip_runs(drop_repeated(cleaned.paragraphs, all_paragraphs, cleaned.furniture), cleaned.furniture)
    paragraphs = drop_author_note(paragraphs, cleaned.furniture)
    draft.byline, removed = take_byline_prefix(paragraphs, draft.byline)
    if removed:
        furniture.append(removed)
    credit = take_credits(paragraphs, furniture)
    if draft.byline is None and credit:
        draft.byline = credit
    draft.site = site_of(url, draft.byline, credit)
    draft.paragraphs = paragraphs
    trailing = strip_furniture(after)
    draft.furniture = furniture + cleaned.furniture + trailing.furniture
    draft.furniture += [Furniture(text=line, reason=_reason(line, "footer")) for line in trailing.paragraphs]
    draft.related = cleaned.related + trailing.related
    return draft


#: The note on the author that closes a story: "Phil Helsel is a reporter for NBC News.", "Dallas Robinson is a
#: freelance writer living in Minneapolis": a name, "is a", a journalist's trade, opening a short paragraph.
_AUTHOR_NOTE = re.compile(
    rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}} is an? (?:[\w-]+ ){{0,4}}?(?:reporter|writer|correspondent|editor|"
    r"journalist|columnist|contributor|producer|photographer)\b[^.!?]{0,240}(?:[.!?]|$)"
)
#: A note on the author may tell more after its first sentence ("She previously wrote for ..."), briefly.
MAX_AUTHOR_NOTE_CHARS = 600
MAX_AUTHOR_NOTES = 2
#: A box on the author that closes a post: "About Jane Roe" (also "Sobre ...", "Über ...", "À propos de ...",
#: "Acerca de ...") over a paragraph or two of biography.
_ABOUT_AUTHOR = re.compile(
    rf"^(?:about(?: the author)?|sobre(?: o autor| a autora)?|über(?: den autor| die autorin)?|à propos de"
    rf"|acerca de)\s+(?-i:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})$|^about the author$",
    re.I,
)
MAX_BIO_PARAGRAPHS = 2


def drop_author_note(paragraphs: list[str], furniture: list[Furniture]) -> list[str]:
    """Return ``paragraphs`` without the notes on the author among their last ``MAX_AUTHOR_NOTES``, and without a
    closing box on the author (an "About Jane Roe" heading and up to ``MAX_BIO_PARAGRAPHS`` after it), added to
    ``furniture``; one inside the story is the story's."""
    kept = list(paragraphs)
    for index in range(max(1, len(kept) - MAX_BIO_PARAGRAPHS - 1), len(kept)):
        if _ABOUT_AUTHOR.match(kept[index].strip()):
            furniture.extend(Furniture(text=p.strip(), reason="author-note") for p in kept[index:])
            kept = kept[:index]
            break
    if len(kept) > 2 and _named_bio(kept[-2].strip(), kept[-1].strip()):
        furniture.extend(Furniture(text=p.strip(), reason="author-note") for p in kept[-2:])
        kept = kept[:-2]
    for _ in range(MAX_AUTHOR_NOTES):
        if len(kept) > 1 and len(kept[-1].strip()) <= MAX_AUTHOR_NOTE_CHARS and _AUTHOR_NOTE.match(kept[-1].strip()):
            furniture.append(Furniture(text=kept.pop().strip(), reason="author-note"))
    return kept


_NAME_LINE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}$")


def _named_bio(name: str, bio: str) -> bool:
    """Return True when ``name`` and ``bio`` close a post as a box on its author: a name of two or three words on
    its own line, then a short paragraph that opens with one of them ("Emiliano Bellini" / "Emiliano joined pv
    magazine in March 2017. He has been ...")."""
    if not _NAME_LINE.match(name) or len(bio) > MAX_AUTHOR_NOTE_CHARS:
        return False
    first = bio.split(maxsplit=1)[0].strip(",.") if bio else ""
    return first in name.split() and bool(re.match(rf"^{re.escape(first)}\s+[a-z]", bio))


def _take_dateline(
    body: list[str], draft: Draft, furniture: list[Furniture], fetched_at: dt.datetime | None
) -> list[str]:
    """Return ``body`` without a dateline among its first paragraphs, which becomes the draft's date."""
    for index, paragraph in enumerate(body[:DATELINE_IN_BODY]):
        if found := date_line(paragraph.strip(), fetched_at):
            draft.published, draft.published_precision = found  # type: ignore[assignment]
            furniture.append(Furniture(text=paragraph.strip(), reason="dateline"))
            return body[:index] + body[index + 1 :]
    return body


def nearest_dateline(lines: list[str], fetched_at: dt.datetime | None) -> tuple[str | None, str | None]:
    """Return (ISO date, precision) of the dateline nearest the article among the lines before its header
    (up to ``MAX_HEADER_LINES`` back), else (None, None)."""
    for line in reversed(lines[-MAX_HEADER_LINES:]):
        if found := date_line(line.strip(), fetched_at):
            return found
    return None, None


def drop_repeated(paragraphs: list[str], page: list[str], furniture: list[Furniture]) -> list[str]:
    """Return the body ``paragraphs`` without those shown more than once: a short line the page repeats is a
    share bar or a section label, a line the body repeats a gallery's caption (an article says each
    paragraph once; its lead may be repeated outside it, as the page's summary); a body mostly repeated keeps
    its first telling; the removed are furniture."""
    on_page = Counter(" ".join(p.split()).casefold() for p in page)
    in_body = Counter(" ".join(p.split()).casefold() for p in paragraphs)
    repeated = {key for key, n in in_body.items() if n > 1}
    # A gallery repeats a few captions; text that is mostly repeated was pasted twice: keep its first telling.
    pasted_twice = len(repeated) * 2 >= len(in_body)
    kept, seen = [], set()
    for paragraph in paragraphs:
        key = " ".join(paragraph.split()).casefold()
        prose = is_prose(paragraph)
        first_telling = pasted_twice and key not in seen
        seen.add(key)
        if not first_telling and (key in repeated or (on_page[key] > 1 and not prose)):
            furniture.append(Furniture(text=paragraph.strip(), reason="repeated"))
        else:
            kept.append(paragraph)
    return kept


def _reason(line: str, default: str) -> str:
    found = classify(line)
    return found[0] if found else default
