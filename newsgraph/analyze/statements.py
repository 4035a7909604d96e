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
  neither is not a statement (``statements_pairing``).

Speakers are resolved to actor ids by ``statements_speakers`` (names, titles,
descriptions and pronouns the actors component linked; unlinked pronouns,
documents and organisation nouns; never the nearest person for a description
nobody holds).
Runs in time linear in the document (one pass per finder, bisect lookups).
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.analyze.cues import GOING_ON_VERBS
from newsgraph.analyze.quotes import Quote, find_quotes, paragraphs
from newsgraph.analyze.quotes_reported import Reported, reported_speech
from newsgraph.analyze.quotes_speakers import cited_speaker
from newsgraph.analyze.statements_pairing import (
    TITLE_SMALL_WORDS,
    Draft,
    inside_closed_quote,
    quote_after,
    quote_before,
    quote_drafts,
    speechlike,
    title_like,
    uncued_quotes,
)
from newsgraph.analyze.statements_relative import relative_pronoun
from newsgraph.analyze.statements_speakers import Speakers, named_after
from newsgraph.model import Statement

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


def find_statements(doc: Doc) -> list[Statement]:
    """Return the statements of ``doc`` (content, cue, speaker, addressee), in text order."""
    text = doc.text
    quotes = [q for q in find_quotes(text) if q.end > q.start]
    reported = _within_paragraphs(text, reported_speech(doc))
    drafts, used_quotes, used_cues = _merge(text, quotes, reported)
    sent_starts = [s.start_char for s in doc.sents] if len(doc) else []
    drafts.extend(uncued_quotes(text, sent_starts, quotes, used_quotes, reported, used_cues))
    drafts = _drop_nested_acts(doc, _drop_self_quotes(text, _dedupe(drafts)))
    drafts = [d for d in drafts if not _on_headline(text, d.cue[0] if d.cue else d.start)]
    return _resolve(doc, text, sent_starts, drafts)


def _on_headline(text: str, at: int) -> bool:
    """True when ``at`` lies on a headline line ("Mayor Says Budget Is Balanced"): a short line
    of Title-Case words with no final stop.  A headline is not a statement: it retells one."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    return (3 <= len(words) <= 20 and line[-1:] not in ".:”\"" and sum(w[0].isupper() for w in words) >= 0.8 * len(words))


def _drop_self_quotes(text: str, drafts: list[Draft]) -> list[Draft]:
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


def _drop_nested_acts(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drop a standing position reported inside another statement ("a spokesperson reaffirmed that
    the United States calls for Lai's release"; "asserting that China ... rejects X"): the one who
    reports it is the one speaking.  A past act told inside a statement ("A statement said Sullivan
    expressed ...") happened, and stays a statement of its own."""
    spans = [(d.start, d.end) for d in drafts if not d.needs_actor]

    def nested(d: Draft) -> bool:
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


def _merge(text: str, quotes: list[Quote], reported: list[Reported]) -> tuple[list[Draft], set[int], set[int]]:
    """Tie each cue's content to the quotes it overlaps; return drafts, used quotes and cues."""
    drafts: list[Draft] = []
    used_quotes: set[int] = set()
    used_cues: set[int] = set()
    starts = [q.mark_start for q in quotes]
    _cut_at_continuations(text, reported)
    for n, item in enumerate(reported):
        if inside_closed_quote(quotes, starts, item.cue_start):
            used_cues.add(n)  # speech reported inside a quote is part of that quote
            continue
        if item.speaker is not None and inside_closed_quote(quotes, starts, item.speaker[0]) and not (
                item.cue_token is not None and cited_speaker(item.cue_token) is not None
                and _quoted_name(quotes, starts, item.speaker)):
            item.speaker = _name_between(text, quotes, starts, item.cue_start)
        following = quote_after(text, quotes, starts, item.cue_end)
        if following is None:
            following = quote_before(text, quotes, starts, item)
        if following is not None and following not in used_quotes and speechlike(text, quotes[following]):
            # a quote right beside the cue ("X said: “...”", "“...,” X said") beats the parse
            used_cues.add(n)
            drafts.extend(quote_drafts(quotes, quotes[following].group, item, used_quotes))
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
        if direct and not speechlike(text, quotes[direct[0]]):
            if title_like(text, quotes[direct[0]]):
                continue  # the "content" is a quoted title: “Meet the Press,” he said, was ...
            direct = []  # 'says it's "disastrous"': reported speech with a quoted word
        if direct:
            drafts.extend(quote_drafts(quotes, quotes[direct[0]].group, item, used_quotes))
            continue
        if item.speaker is None:
            continue  # reported speech with no one reporting it ("it is worth mentioning that")
        used_quotes.update(inside)
        drafts.append(Draft(c0, c1, False, (item.cue_start, item.cue_end), item.speaker, item.addressee,
                             needs_actor=item.np_content))
    return drafts, used_quotes, used_cues


def _quoted_name(quotes: list[Quote], starts: list[int], speaker: tuple[int, int]) -> bool:
    """True when quote marks wrap the speaker's phrase itself (cited “security officials in two
    Western countries” as saying ...): a quoted name, not a quote the speaker hides in."""
    k = bisect.bisect_right(starts, speaker[0]) - 1
    return k >= 0 and quotes[k].start >= speaker[0] - 1 and quotes[k].end <= speaker[1] + 1


def _name_between(text: str, quotes: list[Quote], starts: list[int], cue: int) -> tuple[int, int] | None:
    """Return the words between a closing quote and its cue ("“...,” Representative Jane Roe, told VOA"),
    for a speaker the parse found inside the quote ("this"): a quote's words never name its speaker."""
    k = bisect.bisect_left(starts, cue) - 1
    if k < 0 or quotes[k].mark_end > cue:
        return None
    lo, hi = quotes[k].mark_end, cue
    while lo < hi and text[lo] in " ,\n":
        lo += 1
    while hi > lo and text[hi - 1] in " ,":
        hi -= 1
    words = text[lo:hi].split()
    return (lo, hi) if 0 < len(words) <= 8 and words[0][:1].isupper() and "\n" not in text[lo:hi] else None


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
                                          or other.speaker_token.pos_ == "PRON"
                                          or other.cue_token.lemma_.lower() in GOING_ON_VERBS):
                # "said that A and noted that B": the second cue is the speaker's, not A's subject's;
                # "pointed out that Indonesia does not ..., and added that ...": adding goes on speaking
                other.speaker, other.speaker_token = item.speaker, item.speaker_token
                end = other.cue_start
                while end > item.content_start and (text[end - 1] in " ,;:—–-\n" or text[end - 4:end] == " and"):
                    end -= 4 if text[end - 4:end] == " and" else 1
                item.content_end = end if end - item.content_start > 1 else item.content_end
                break
            k += 1


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Drop drafts whose content repeats or lies inside another statement with the same cue."""
    drafts.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[Draft] = []
    for d in drafts:
        if kept and d.start >= kept[-1].start and d.end <= kept[-1].end and (
            d.cue == kept[-1].cue or d.cue is None or (d.start, d.end) == (kept[-1].start, kept[-1].end)
        ):
            continue
        kept.append(d)
    return kept


def _resolve(doc: Doc, text: str, sent_starts: list[int], drafts: list[Draft]) -> list[Statement]:
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
            if speaker_id is not None and (rel := relative_pronoun(doc, cue)) is not None:
                speakers.mention(speaker_id, rel.idx, rel.idx + len(rel.text), rel)  # "who" is the speaker
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
    named_after(doc, statements)
    return statements


def _near(para_starts: list[int], previous: Statement, start: int, same: bool = False) -> bool:
    """True when ``start`` is in the paragraph of ``previous`` or (unless ``same``) the one after it."""
    p_prev = bisect.bisect_right(para_starts, previous.end - 1)
    p_now = bisect.bisect_right(para_starts, start)
    return p_now - p_prev <= (0 if same else 1)


__all__ = ["find_statements", "newsgraph_statements"]
