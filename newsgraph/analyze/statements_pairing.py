"""Which cue a quotation takes: the one beside it, the nearest free one, or none.

Helpers of ``statements``: a cue right before or after a quote ("X said: “...”", "“...,” X said")
frames it, unless the quote ended its sentence and the cue has a clause of its own (“... when.”
Police said ...); a quote no cue frames takes the nearest free cue of its sentence, else goes on
with the previous speaker when it opens a sentence; titles and scare quotes are not speech.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsgraph.analyze.quotes import Quote
from newsgraph.analyze.quotes_reported import Reported

#: A quote of fewer words with no cue is a scare quote ("so-called “peace”"), not speech.
MIN_UNCUED_WORDS = 4
#: Words a title leaves in lower case ("Meet the Press", "Fox and Friends").
TITLE_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from".split())


@dataclass
class Draft:
    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    group: int | None = None  # quote group, for quotes running over paragraphs
    inherit: bool = False  # no cue: speaker is the previous statement's
    needs_actor: bool = False  # kept only if the speaker is a known actor (noun-phrase content)


def quote_drafts(quotes: list[Quote], group: int, item: Reported, used: set[int]) -> list[Draft]:
    """Return one direct draft per piece of quote ``group``, all with ``item``'s cue and speaker."""
    out = []
    for j, q in enumerate(quotes):
        if q.group == group:
            used.add(j)
            out.append(Draft(q.start, q.end, True, (item.cue_start, item.cue_end), item.speaker,
                              item.addressee, group))
    return out


def inside_closed_quote(quotes: list[Quote], starts: list[int], at: int) -> bool:
    k = bisect.bisect_right(starts, at) - 1
    return k >= 0 and quotes[k].closed and quotes[k].mark_start < at < quotes[k].mark_end


def quote_after(text: str, quotes: list[Quote], starts: list[int], at: int) -> int | None:
    """Return the index of a quote opening right after ``at`` past only a comma or colon."""
    k = bisect.bisect_left(starts, at)
    if k >= len(quotes):
        return None
    between = text[at:quotes[k].mark_start]
    if len(between) > 6 or between.strip() not in ("", ",", ":"):
        return None
    if "\n" in between and ":" not in between:
        return None
    return k


def quote_before(text: str, quotes: list[Quote], starts: list[int], item: Reported) -> int | None:
    """Return the index of a quote closing right before the cue and its speaker: “...,” X said."""
    at = item.cue_start if item.speaker is None else min(item.cue_start, item.speaker[0])
    if item.speaker is not None and item.speaker[0] > item.cue_start and text[item.cue_end:item.speaker[0]].strip():
        return None
    if item.speaker is not None and item.speaker[1] < item.cue_start and text[item.speaker[1]:item.cue_start].strip(
            " ,") not in ("", "also", "then", "later", "again"):
        return None
    k = bisect.bisect_left(starts, at) - 1
    if k < 0 or not quotes[k].closed or quotes[k].mark_end > at:
        return None
    if item.content_start is not None and _new_sentence_after(text, quotes[k]):
        return None  # “... of when.” Authorities said no ransom was paid: a statement of its own
    if item.content_start is not None and 0 < item.content_start - item.cue_end <= 6 and "," not in text[
            item.cue_end:item.content_start]:
        return None  # asked if the U.S. was considering “any action,” Rubio said the administration ...: his own clause
    return k if text[quotes[k].mark_end:at].strip(" ,") == "" and len(text[quotes[k].mark_end:at]) <= 3 else None


def uncued_quotes(text: str, sent_starts: list[int], quotes: list[Quote], used: set[int], reported: list[Reported],
                   used_cues: set[int]) -> list[Draft]:
    """Give each remaining quote group the nearest free cue, or the previous speaker."""
    free = [(r.cue_start, r) for n, r in enumerate(reported) if n not in used_cues]
    free_starts = [s for s, _ in free]
    drafts: list[Draft] = []
    groups: dict[int, list[Quote]] = {}
    for k, q in enumerate(quotes):
        if k not in used:
            groups.setdefault(q.group, []).append(q)
    n_sents = len(sent_starts)
    for group, pieces in groups.items():
        first, last = pieces[0], pieces[-1]
        words = sum(len(text[q.start:q.end].split()) for q in pieces)
        # where its cue may be: the quote's sentences; the one before if it ends with a colon
        # ("X said:"); the one after if it goes on in lower case (“...!” | he wrote.)
        si = max(0, bisect.bisect_right(sent_starts, first.mark_start) - 1)
        lo = sent_starts[si] if n_sents else 0
        if si > 0 and text[max(0, first.mark_start - 40):first.mark_start].rstrip().endswith(":"):
            lo = sent_starts[si - 1]
        sj = max(0, bisect.bisect_right(sent_starts, last.mark_end - 1) - 1)
        hi = sent_starts[sj + 1] if sj + 1 < n_sents else len(text)
        if (sj + 1 < n_sents and hi - last.mark_end <= 2 and "\n" not in text[last.mark_end:hi]
                and text[hi:hi + 1].islower()):
            hi = sent_starts[sj + 2] if sj + 2 < n_sents else len(text)  # “...” | he wrote.
        best: Reported | None = None
        best_dist = None
        a = bisect.bisect_left(free_starts, lo)
        b = bisect.bisect_left(free_starts, hi)
        for _, r in free[a:b]:
            if any(q.mark_start <= r.cue_start < q.mark_end for q in pieces) or r.speaker is None:
                continue
            dist = first.mark_start - r.cue_end if r.cue_end <= first.mark_start else r.cue_start - last.mark_end
            if dist < 0 or (r.cue_start >= last.mark_end and _new_sentence_after(text, last) and r.content_start is not None):
                continue
            if best_dist is None or dist < best_dist:
                best, best_dist = r, dist
        if best is None and words < MIN_UNCUED_WORDS:
            continue
        if not any(speechlike(text, q) for q in pieces):
            continue
        if best is None and not _opens_sentence(text, first):
            continue
        for q in pieces:
            if best is not None:
                drafts.append(Draft(q.start, q.end, True, (best.cue_start, best.cue_end), best.speaker,
                                     best.addressee, group))
            else:
                drafts.append(Draft(q.start, q.end, True, group=group, inherit=True))
    return drafts


def _new_sentence_after(text: str, q: Quote) -> bool:
    """True when the quote ends its sentence and a new one starts after it (“... of when.” Authorities
    said ...): a cue there with its own content is another statement, however the parser joined them."""
    return text[q.start:q.end].rstrip()[-1:] in (".", "!", "?") and text[q.mark_end:q.mark_end + 3].lstrip()[:1].isupper()


def speechlike(text: str, q: Quote) -> bool:
    """False for a quoted title or a scare quote: “Meet the Press”, “Fox & Friends”,
    “an orange buffoon” (short, and either every word capitalised or not a sentence)."""
    if title_like(text, q):
        return False
    return len(text[q.start:q.end].split()) >= MIN_UNCUED_WORDS or text[q.start:q.start + 1].isupper()


def title_like(text: str, q: Quote) -> bool:
    """True for two to six words, all capitalised but small words, with no final stop."""
    words = text[q.start:q.end].split()
    return 2 <= len(words) <= 6 and text[q.end - 1] not in ".!?" and all(
        w[:1].isupper() or not w[:1].isalpha() or w in TITLE_SMALL_WORDS for w in words)


def _opens_sentence(text: str, q: Quote) -> bool:
    """True when the quote stands as a sentence of its own (capital letter after sentence end)."""
    before = text[max(0, q.mark_start - 40):q.mark_start].rstrip()
    return (not before or before[-1] in ".!?:”\"\n") and text[q.start:q.start + 1].isupper()
