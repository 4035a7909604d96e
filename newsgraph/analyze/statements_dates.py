"""newsgraph_statement_dates: when each statement was said.

Runs after ``newsgraph_events`` (it reads the events) and sets, on each of
``doc._.ng_statements``, ``date``/``date_precision``/``date_source`` and,
where it was said at an event the article tells, ``event`` (the index of that
event in ``doc._.ng_events``):

* ``event``: the speaker takes part in a dated meeting (CONSULT) told in the
  cue's sentence ("In a meeting with X on June 21, Y said ..."), or told
  earlier, when the statement is reported in the past tense ("said", "noted",
  "according to"), its sentence gives no date of its own and no other dated
  event of that speaker comes between: the article's account of what was said
  at the meeting ("The leader also stressed ...");
* ``text``: a date in the cue's sentence outside the content ("said on
  Tuesday that ...");
* ``published``: otherwise the publication date, marked as such (a statement
  reported without a date is taken as said by the time of publication).

A date inside the content is what the content is about, never when it was said.

Then the events and statements their own clause leaves undated are dated from their explicit
context (``events_context.date_from_context``: "earlier in the day", the speech act of a dated
statement, a deed continuing the same actor's dated one).
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.analyze.events_context import date_from_context
from newsgraph.model import DateMention, Event, Statement

#: Event types a statement may be made at.
SPEECH_EVENTS = frozenset({"CONSULT"})
#: Cue tags of a statement reported as past: said, noting, according to.
_PAST_TAGS = frozenset({"VBD", "VBG", "VBN"})


def newsgraph_statement_dates(doc: Doc) -> Doc:
    """Date each statement of ``doc._.ng_statements`` (see the module docstring)."""
    statements = doc._.ng_statements or []
    if statements:
        date_statements(doc, statements, doc._.ng_events or [], doc._.ng_dates or [], doc._.ng_published)
    date_from_context(doc, doc._.ng_events or [], statements, doc._.ng_dates or [])
    return doc


@Language.factory(
    "newsgraph_statement_dates",
    assigns=["doc._.ng_statements"],  # and the context dates of doc._.ng_events (events_context)
    requires=["doc._.ng_statements", "doc._.ng_events", "doc._.ng_dates"],
    default_config={},
)
def make_statement_dater(nlp: Language, name: str):
    """Return the newsgraph_statement_dates component (stateless)."""
    return newsgraph_statement_dates


def date_statements(doc: Doc, statements: list[Statement], events: list[Event], dates: list[DateMention],
                    published: str | None) -> None:
    """Set each statement's date fields in place (see the module docstring)."""
    sent_starts = [s.start_char for s in doc.sents]
    dates = sorted((d for d in dates if d.value), key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    meetings = [(n, ev) for n, ev in enumerate(events) if ev.type in SPEECH_EVENTS and ev.date]
    for st in statements:
        at = st.cue_start if st.cue_start is not None else st.start
        si = max(0, bisect.bisect_right(sent_starts, at) - 1)
        s0 = sent_starts[si]
        s1 = sent_starts[si + 1] if si + 1 < len(sent_starts) else len(doc.text)
        own = [d for d in dates[bisect.bisect_left(date_starts, s0):bisect.bisect_left(date_starts, s1)]
               if d.end <= st.start or d.start >= st.end]
        found = _meeting(doc, st, at, s0, s1, meetings, bool(own))
        if found is not None:
            n, ev = found
            st.event, st.date, st.date_precision, st.date_source = n, ev.date, ev.date_precision, "event"
        elif own:
            nearest = min(own, key=lambda d: abs(d.start - at))
            st.date, st.date_precision, st.date_source = nearest.value, nearest.precision, "text"
        elif published:
            st.date, st.date_precision = _published(published)
            st.date_source = "published"


def _meeting(doc: Doc, st: Statement, at: int, s0: int, s1: int, meetings: list[tuple[int, Event]],
             dated: bool) -> tuple[int, Event] | None:
    """Return (index, event) of the dated meeting the statement was made at, or None."""
    if st.speaker is None:
        return None
    mine = [(n, ev) for n, ev in meetings if any(r.actor == st.speaker for r in ev.actors)]
    for n, ev in mine:  # told in the cue's own sentence
        if any(sp_start < s1 and s0 < sp_end for sp_start, sp_end in _sentences(ev)):
            return n, ev
    if dated or not _past(doc, st):
        return None
    before = [(min(a for a, _ in _sentences(ev)), n, ev) for n, ev in mine]
    before = [b for b in before if b[0] < s0]
    if not before:
        return None
    _, n, ev = max(before, key=lambda b: b[0])  # the latest meeting told before it
    return n, ev


def _sentences(ev: Event) -> list[tuple[int, int]]:
    return [(ev.start, ev.end)] + [(e.start, e.end) for e in ev.evidence]


def _past(doc: Doc, st: Statement) -> bool:
    """True when the cue reports the statement as past ("said", "noting", "according to")."""
    if st.cue_start is None:
        return True  # a quote going on from the cue before it
    span = doc.char_span(st.cue_start, st.cue_end, alignment_mode="expand")
    if span is None:
        return False
    if span[0].lower_ == "according":
        return True
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return False
    verb = verbs[0]
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False  # "has said": at some time, not at the meeting
    return verb.tag_ in _PAST_TAGS


def _published(value: str) -> tuple[str | None, str | None]:
    """Return the publication date's day (or month, or year) and its precision."""
    day = value[:10]
    if len(day) == 10 and day[4] == "-" and day[7] == "-":
        return day, "day"
    if len(value) >= 7 and value[4] == "-":
        return value[:7], "month"
    return (value[:4], "year") if value[:4].isdigit() else (None, None)
