"""newsgraph_statements: who said what, as direct quotes and reported speech.

Sets ``doc._.ng_statements`` to a list of ``Statement`` records in text order.
Two finders feed it: the quote-mark scanner (``quotes.find_quotes``) for
verbatim quotes, and the dependency rules (``quotes_reported``) for cues,
speakers and reported speech.  They are merged:

* a cue whose clause lies (mostly) inside a quote makes that quote a direct
  statement with the cue's speaker ("“We will win,” he said");
* a quote inside reported speech ("said the plan was “a disaster”") stays
  part of that one indirect statement;
* any other quote takes the nearest free cue in its sentence or the one
  before it ("He said:" / "“...,” said X"), else the speaker of the
  statement just before it (a quote that goes on in the next sentence or
  paragraph; in the same paragraph, "“A,” she said. “B.”", B also takes that
  cue, as the attribution covers the paragraph); a short scare quote with
  neither is not a statement.

Speakers are resolved to actor ids by ``statements_speakers`` (names, titles,
descriptions and pronouns the actors component linked; unlinked pronouns,
documents and organisation nouns; never the nearest person for a description
nobody holds).
Runs in time linear in the document (one pass per finder, bisect lookups).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.analyze.quotes import Quote, find_quotes, paragraphs
from newsgraph.analyze.quotes_reported import Reported, reported_speech
from newsgraph.analyze.statements_speakers import Speakers
from newsgraph.model import Statement

#: A quote of fewer words with no cue is a scare quote ("so-called “peace”"), not speech.
MIN_UNCUED_WORDS = 4
#: Words a title leaves in lower case ("Meet the Press", "Fox and Friends").
_TITLE_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from".split())
#: How much of a reported clause must lie inside a quote to make the statement direct.
DIRECT_SHARE = 0.6


def newsgraph_statements(doc: Doc) -> Doc:
    """Set ``doc._.ng_statements`` (see the module docstring) and return the doc."""
    doc._.ng_statements = find_statements(doc)
    return doc


@Language.factory(
    "newsgraph_statements",
    assigns=["doc._.ng_statements"],
    requires=["doc._.ng_actors", "token.dep"],
    default_config={},
)
def make_statement_finder(nlp: Language, name: str):
    """Return the newsgraph_statements component (stateless: its cue lists are the default
    language's, ``cues.py``)."""
    return newsgraph_statements


@dataclass
class _Draft:
    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    group: int | None = None  # quote group, for quotes running over paragraphs
    inherit: bool = False  # no cue: speaker is the previous statement's
    needs_actor: bool = False  # kept only if the speaker is a known actor (noun-phrase content)


def find_statements(doc: Doc) -> list[Statement]:
    """Return the statements of ``doc`` (content, cue, speaker, addressee), in text order."""
    text = doc.text
    quotes = [q for q in find_quotes(text) if q.end > q.start]
    reported = _within_paragraphs(text, reported_speech(doc))
    drafts, used_quotes, used_cues = _merge(text, quotes, reported)
    sent_starts = [s.start_char for s in doc.sents] if len(doc) else []
    drafts.extend(_uncued_quotes(text, sent_starts, quotes, used_quotes, reported, used_cues))
    drafts = _drop_nested_acts(doc, _drop_self_quotes(text, _dedupe(drafts)))
    drafts = [d for d in drafts if not _on_headline(text, d.cue[0] if d.cue else d.start)]
    return _resolve(doc, text, sent_starts, drafts)


def _on_headline(text: str, at: int) -> bool:
    """True when ``at`` lies on a headline line ("Mayor Says Budget Is Balanced"): a short line
    of Title-Case words with no final stop.  A headline is not a statement: it retells one."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _TITLE_SMALL_WORDS]
    return (3 <= len(words) <= 20 and line[-1:] not in ".:”\"" and sum(w[0].isupper() for w in words) >= 0.8 * len(words))


def _drop_self_quotes(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Drop a first-person cue inside another statement ("he said that we emphasize that ..."):
    the speaker quoting their own words is one statement, not two.  ``drafts`` are in start order."""
    starts = [d.start for d in drafts]
    reach: list[int] = []  # reach[k]: the furthest end among drafts[0..k]
    for d in drafts:
        reach.append(max(d.end, reach[-1]) if reach else d.end)
    kept = []
    for d in drafts:
        if d.cue and d.speaker and text[d.speaker[0]:d.speaker[1]].lower() in ("we", "i"):
            k = bisect.bisect_right(starts, d.cue[0]) - 1
            if k >= 0 and reach[k] > d.cue[0] and not (d.start <= d.cue[0] < d.end):
                continue
        kept.append(d)
    return kept


def _drop_nested_acts(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Drop a standing position reported inside another statement ("a spokesperson reaffirmed that
    the United States calls for Lai's release"; "asserting that China ... rejects X"): the one who
    reports it is the one speaking.  A past act told inside a statement ("A statement said Sullivan
    expressed ...") happened, and stays a statement of its own."""
    spans = [(d.start, d.end) for d in drafts if not d.needs_actor]

    def nested(d: _Draft) -> bool:
        if not (d.needs_actor and d.cue and any(s <= d.cue[0] < e and (s, e) != (d.start, d.end) for s, e in spans)):
            return False
        cue = doc.char_span(d.cue[0], d.cue[1], alignment_mode="expand")
        return cue is not None and len(cue) > 0 and cue[0].tag_ in ("VBZ", "VBP", "VBG")

    return [d for d in drafts if not nested(d)]


def _within_paragraphs(text: str, reported: list[Reported]) -> list[Reported]:
    """Clip each reported content to its cue's paragraph: a sentence the parser ran over
    a paragraph break (often after a quote mark never closed) must not carry the content along."""
    paras = paragraphs(text)
    if not paras:
        return reported
    starts = [p[0] for p in paras]
    for item in reported:
        if item.content_start is None:
            continue
        p0, p1 = paras[max(0, bisect.bisect_right(starts, item.cue_start) - 1)]
        c0, c1 = max(item.content_start, p0), min(item.content_end, p1)
        while c1 > c0 and text[c1 - 1] in " \t\r\n,;:.":
            c1 -= 1
        while c0 < c1 and text[c0].isspace():
            c0 += 1
        if c1 - c0 < 2:
            item.content_start = item.content_end = None
        else:
            item.content_start, item.content_end = c0, c1
    return reported


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _merge(text: str, quotes: list[Quote], reported: list[Reported]) -> tuple[list[_Draft], set[int], set[int]]:
    """Tie each cue's content to the quotes it overlaps; return drafts, used quotes and cues."""
    drafts: list[_Draft] = []
    used_quotes: set[int] = set()
    used_cues: set[int] = set()
    starts = [q.mark_start for q in quotes]
    _cut_at_continuations(text, reported)
    for n, item in enumerate(reported):
        if _inside_closed_quote(quotes, starts, item.cue_start):
            used_cues.add(n)  # speech reported inside a quote is part of that quote
            continue
        following = _quote_after(text, quotes, starts, item.cue_end)
        if following is None:
            following = _quote_before(text, quotes, starts, item)
        if following is not None and following not in used_quotes and _speechlike(text, quotes[following]):
            # a quote right beside the cue ("X said: “...”", "“...,” X said") beats the parse
            used_cues.add(n)
            drafts.extend(_quote_drafts(quotes, quotes[following].group, item, used_quotes))
            continue
        if item.content_start is None:
            continue
        c0, c1 = item.content_start, item.content_end
        lo = max(0, bisect.bisect_right(starts, c0) - 1)
        inside: list[int] = []
        for k in range(lo, len(quotes)):
            q = quotes[k]
            if q.mark_start >= c1:
                break
            if _overlap(c0, c1, q.start, q.end):
                inside.append(k)
        direct = [k for k in inside if _overlap(c0, c1, quotes[k].start, quotes[k].end) >= DIRECT_SHARE * (c1 - c0)]
        used_cues.add(n)
        if direct and not _speechlike(text, quotes[direct[0]]):
            if _title_like(text, quotes[direct[0]]):
                continue  # the "content" is a quoted title: “Meet the Press,” he said, was ...
            direct = []  # 'says it's "disastrous"': reported speech with a quoted word
        if direct:
            drafts.extend(_quote_drafts(quotes, quotes[direct[0]].group, item, used_quotes))
            continue
        if item.speaker is None:
            continue  # reported speech with no one reporting it ("it is worth mentioning that")
        used_quotes.update(inside)
        drafts.append(_Draft(c0, c1, False, (item.cue_start, item.cue_end), item.speaker, item.addressee,
                             needs_actor=item.np_content))
    return drafts, used_quotes, used_cues


def _quote_drafts(quotes: list[Quote], group: int, item: Reported, used: set[int]) -> list[_Draft]:
    """Return one direct draft per piece of quote ``group``, all with ``item``'s cue and speaker."""
    out = []
    for j, q in enumerate(quotes):
        if q.group == group:
            used.add(j)
            out.append(_Draft(q.start, q.end, True, (item.cue_start, item.cue_end), item.speaker,
                              item.addressee, group))
    return out


def _inside_closed_quote(quotes: list[Quote], starts: list[int], at: int) -> bool:
    k = bisect.bisect_right(starts, at) - 1
    return k >= 0 and quotes[k].closed and quotes[k].mark_start < at < quotes[k].mark_end


def _quote_after(text: str, quotes: list[Quote], starts: list[int], at: int) -> int | None:
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


def _quote_before(text: str, quotes: list[Quote], starts: list[int], item: Reported) -> int | None:
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
    return k if text[quotes[k].mark_end:at].strip(" ,") == "" and len(text[quotes[k].mark_end:at]) <= 3 else None


def _cut_at_continuations(text: str, reported: list[Reported]) -> None:
    """End a content where a second cue of the same speaker starts inside it.

    "noted that A, and added: “B”" is often parsed with "added" under A; the
    second cue is its own statement, so the first stops before it.
    """
    cue_starts = [r.cue_start for r in reported]
    for item in reported:
        if item.content_start is None or item.speaker_token is None:
            continue
        k = bisect.bisect_right(cue_starts, item.content_start)
        while k < len(reported) and reported[k].cue_start < item.content_end:
            other = reported[k]
            if not other.own_subject and (other.speaker_token.i == item.speaker_token.i
                                          or other.speaker_token.pos_ == "PRON"):
                # "said that A and noted that B": the second cue is the speaker's, not A's subject's
                other.speaker, other.speaker_token = item.speaker, item.speaker_token
                end = other.cue_start
                while end > item.content_start and (text[end - 1] in " ,;:—–-\n" or text[end - 4:end] == " and"):
                    end -= 4 if text[end - 4:end] == " and" else 1
                item.content_end = end if end - item.content_start > 1 else item.content_end
                break
            k += 1


def _uncued_quotes(text: str, sent_starts: list[int], quotes: list[Quote], used: set[int], reported: list[Reported],
                   used_cues: set[int]) -> list[_Draft]:
    """Give each remaining quote group the nearest free cue, or the previous speaker."""
    free = [(r.cue_start, r) for n, r in enumerate(reported) if n not in used_cues]
    free_starts = [s for s, _ in free]
    drafts: list[_Draft] = []
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
        if not any(_speechlike(text, q) for q in pieces):
            continue
        if best is None and not _opens_sentence(text, first):
            continue
        for q in pieces:
            if best is not None:
                drafts.append(_Draft(q.start, q.end, True, (best.cue_start, best.cue_end), best.speaker,
                                     best.addressee, group))
            else:
                drafts.append(_Draft(q.start, q.end, True, group=group, inherit=True))
    return drafts


def _new_sentence_after(text: str, q: Quote) -> bool:
    """True when the quote ends its sentence and a new one starts after it (“... of when.” Authorities
    said ...): a cue there with its own content is another statement, however the parser joined them."""
    return text[q.start:q.end].rstrip()[-1:] in (".", "!", "?") and text[q.mark_end:q.mark_end + 3].lstrip()[:1].isupper()


def _speechlike(text: str, q: Quote) -> bool:
    """False for a quoted title or a scare quote: “Meet the Press”, “Fox & Friends”,
    “an orange buffoon” (short, and either every word capitalised or not a sentence)."""
    if _title_like(text, q):
        return False
    return len(text[q.start:q.end].split()) >= MIN_UNCUED_WORDS or text[q.start:q.start + 1].isupper()


def _title_like(text: str, q: Quote) -> bool:
    """True for two to six words, all capitalised but small words, with no final stop."""
    words = text[q.start:q.end].split()
    return 2 <= len(words) <= 6 and text[q.end - 1] not in ".!?" and all(
        w[:1].isupper() or not w[:1].isalpha() or w in _TITLE_SMALL_WORDS for w in words)


def _opens_sentence(text: str, q: Quote) -> bool:
    """True when the quote stands as a sentence of its own (capital letter after sentence end)."""
    before = text[max(0, q.mark_start - 40):q.mark_start].rstrip()
    return (not before or before[-1] in ".!?:”\"\n") and text[q.start:q.start + 1].isupper()


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """Drop drafts whose content repeats or lies inside another statement with the same cue."""
    drafts.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[_Draft] = []
    for d in drafts:
        if kept and d.start >= kept[-1].start and d.end <= kept[-1].end and (
            d.cue == kept[-1].cue or d.cue is None or (d.start, d.end) == (kept[-1].start, kept[-1].end)
        ):
            continue
        kept.append(d)
    return kept


def _resolve(doc: Doc, text: str, sent_starts: list[int], drafts: list[_Draft]) -> list[Statement]:
    """Turn drafts into Statements, resolving speakers and addressees to actor ids."""
    para_starts = [p[0] for p in paragraphs(text)]
    speakers = Speakers(doc, sent_starts)
    index = speakers.index
    statements: list[Statement] = []
    previous: Statement | None = None
    group_speaker: dict[int, tuple[str | None, tuple[int, int] | None, tuple[int, int] | None]] = {}
    for d in drafts:
        speaker_id: str | None = None
        speaker = d.speaker
        cue = d.cue
        if d.group is not None and d.group in group_speaker and (speaker is None or d.inherit):
            speaker_id, speaker, cue = group_speaker[d.group]
        elif speaker is not None:
            speaker_id = speakers.resolve(*speaker, previous)
        elif d.inherit and previous is not None and _near(para_starts, previous, d.start):
            speaker_id = previous.speaker
            if previous.direct and _near(para_starts, previous, d.start, same=True):
                # “A,” she said. “B.”: the attribution covers the paragraph's quotes
                if previous.speaker_start is not None:
                    speaker = (previous.speaker_start, previous.speaker_end)
                if previous.cue_start is not None:
                    cue = (previous.cue_start, previous.cue_end)
        if d.needs_actor and speaker_id is None:
            continue  # "the fusillade underscored the importance of ...": no one spoke
        if d.group is not None and d.group not in group_speaker:
            group_speaker[d.group] = (speaker_id, speaker, cue)
        addressee = index.span_actor(*d.addressee) if d.addressee else None
        st = Statement(
            speaker=speaker_id,
            speaker_text=text[speaker[0]:speaker[1]] if speaker else None,
            speaker_start=speaker[0] if speaker else None,
            speaker_end=speaker[1] if speaker else None,
            cue=text[cue[0]:cue[1]] if cue else None,
            cue_start=cue[0] if cue else None,
            cue_end=cue[1] if cue else None,
            content=text[d.start:d.end],
            start=d.start,
            end=d.end,
            direct=d.direct,
            addressee=addressee if addressee != speaker_id else None,
        )
        statements.append(st)
        previous = st
    return statements


def _near(para_starts: list[int], previous: Statement, start: int, same: bool = False) -> bool:
    """True when ``start`` is in the paragraph of ``previous`` or (unless ``same``) the one after it."""
    p_prev = bisect.bisect_right(para_starts, previous.end - 1)
    p_now = bisect.bisect_right(para_starts, start)
    return p_now - p_prev <= (0 if same else 1)


__all__ = ["find_statements", "newsgraph_statements"]
