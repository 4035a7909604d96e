"""Find direct quotations by their quote marks, robustly.

Hand-written because the libraries fail on real news (textacy's
``direct_quotations`` and CoreNLP's quote annotator both lose quotes that run
over paragraph breaks, and run away on a quote mark that is never closed).
The scanner here is one linear pass over the text and knows the conventions:

* curly ``“ ”``, low ``„``, guillemets ``« »``, straight ``"`` (opening or
  closing told apart by the characters around it), the typewriter pairs of
  two apostrophes or two backticks, and single ``‘ ’``;
* a quote that goes on for several paragraphs leaves each paragraph open and
  reopens the next with a quote mark: the pieces are returned with one
  ``group`` number;
* a quote mark never closed ends at its paragraph (``closed=False``): no span
  ever runs past a paragraph the quote did not continue into;
* quotes inside quotes (``“... ‘...’ ...”``) belong to the outer quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT = '"'
_OPENING_CONTEXT = " \t\n([{—–-/:;,"  # what may precede an opening mark
_MARKS = re.compile(r"[“„«”»‘‹’›\"]|''|``")
_CURLY_CLOSE = re.compile("”")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\n(?=[ \t]*(?:[“„«\"]|''|``))")
#: Characters stripped from the edges of quoted content; a trailing comma is
#: the news convention for "sentence ends here, attribution follows".
_EDGE_STRIP = " \t\r\n,"


@dataclass(frozen=True)
class Quote:
    """One quoted stretch: ``text[start:end]`` is the quoted words, marks excluded."""

    start: int
    end: int
    mark_start: int  # offset of the opening mark
    mark_end: int  # offset just after the closing mark, or the end of the piece
    closed: bool  # False when the paragraph ended before a closing mark
    group: int  # pieces of one quote running over several paragraphs share this
    double: bool  # double marks (single-mark quotes are rarer and riskier)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the paragraphs of ``text``.

    A paragraph ends at a blank line, or at a single line break followed by an
    opening quote mark (some bodies separate paragraphs by one newline).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _mark(text: str, i: int) -> tuple[str, int] | None:
    """Return (mark, width) for a quote mark at ``i``: the mark as one character and how many
    characters it takes ("''" and "``", the typewriter convention, count as a straight ")."""
    ch = text[i]
    if ch == "'" or ch == "`":
        return (STRAIGHT if ch == "'" else "“", 2) if text.startswith(ch * 2, i) else None
    if ch in DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT:
        return ch, 1
    return None


def _kind(text: str, i: int, ch: str, width: int) -> str | None:
    """Return "open", "close", "either" or None for the mark ``ch`` at ``i``."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if ch == STRAIGHT:
        if before in _OPENING_CONTEXT or before in DOUBLE_OPEN + SINGLE_OPEN:
            return "open" if not after.isspace() else "either"
        return "close"
    if ch in SINGLE_OPEN:
        # ‘90s, ‘em: an apostrophe written with the opening mark
        if after.isalnum() or after in DOUBLE_OPEN + STRAIGHT:
            return "open" if not after.isdigit() else None
        return None
    if ch in SINGLE_CLOSE:
        # don’t, Hamas’ (possessive after s): apostrophes, unless they close
        if before.isalnum() and after.isalnum():
            return None
        return "close" if not before.isspace() else None
    return None


def _opens_paragraph(text: str, at: int) -> int:
    """Return the width of a double opening mark at ``at`` (0 if none)."""
    mark = _mark(text, at) if at < len(text) else None
    return mark[1] if mark and (mark[0] in DOUBLE_OPEN or mark[0] == STRAIGHT) else 0


def find_quotes(text: str) -> list[Quote]:
    """Return the quotes of ``text`` in order (see the module docstring)."""
    quotes: list[Quote] = []
    paras = paragraphs(text)
    group = 0
    carry = False  # the previous paragraph ended inside a quote
    for p_index, (p_start, p_end) in enumerate(paras):
        # the news convention: a quote carried over reopens the paragraph with a quote mark
        open_w = _opens_paragraph(text, p_start) if carry else 0
        open_at: int | None = p_start if open_w else None
        group += 0 if open_w else 1
        i, open_w, double, carry = p_start + open_w, open_w or 1, True, False
        depth = 0  # quotes opened inside the current quote and not yet closed
        closers: list[int] | None = None  # positions of ” in the paragraph, when first needed
        while True:
            found = _MARKS.search(text, i, p_end)
            if found is None:
                break
            i = found.start()
            mark = _mark(text, i)
            if mark is None:
                i += 1
                continue
            ch, width = mark
            kind = _kind(text, i, ch, width)
            if open_at is None:
                if kind in ("open", "either"):
                    open_at, open_w, double, depth = i, width, ch not in SINGLE_OPEN, 0
                i += width
                continue
            closes = _closes(double, ch, kind)
            if closes and depth:
                depth -= 1  # closes a quote inside the quote
            elif closes:
                _add(quotes, text, open_at, open_w, i, i + width, True, group, double)
                open_at = None
                group += 1
            elif double and kind == "open" and (ch in DOUBLE_OPEN or ch == STRAIGHT):
                if closers is None:
                    closers = [m.start() for m in _CURLY_CLOSE.finditer(text, p_start, p_end)]
                if ch != STRAIGHT and len(closers) - bisect.bisect_right(closers, i) >= 2:
                    # “... “inner” ...”: closed, and another closing mark follows in the paragraph
                    depth += 1
                else:
                    # a new quote opens before the last one closed: that one was never closed
                    _add(quotes, text, open_at, open_w, i, i, False, group, double)
                    group += 1
                    open_at, open_w = i, width
            i += width
        if open_at is not None and double:
            # a quote still open at the paragraph's end: carried on when the next paragraph reopens
            # with a quote mark (the news convention); an unclosed single mark is far more often a
            # stray apostrophe: dropped
            nxt = paras[p_index + 1][0] if p_index + 1 < len(paras) else None
            carry = nxt is not None and _opens_paragraph(text, nxt) > 0
            _add(quotes, text, open_at, open_w, p_end, p_end, False, group, double)
            group += 0 if carry else 1
    return quotes


def _closes(double: bool, ch: str, kind: str) -> bool:
    """True when mark ``ch`` (of ``kind``) closes the open quote (double or single)."""
    if double:
        return (ch in DOUBLE_CLOSE or ch == STRAIGHT) and kind in ("close", "either")
    return ch in SINGLE_CLOSE and kind == "close"


def _add(quotes: list[Quote], text: str, open_at: int, open_w: int, close_at: int, mark_end: int, closed: bool,
         group: int, double: bool) -> None:
    start, end = open_at + open_w, close_at
    while start < end and text[start] in _EDGE_STRIP:
        start += 1
    while end > start and text[end - 1] in _EDGE_STRIP:
        end -= 1
    if end > start:
        quotes.append(Quote(start, end, open_at, mark_end, closed, group, double))
