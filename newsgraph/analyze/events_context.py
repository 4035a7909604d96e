"""Dating events (and statements) from their explicit context, when their own clause gives no date.

Run by ``newsgraph_statement_dates`` after the statements are dated.  A date is only taken where
the text ties the event to it, never from the publication date and never from the story's main
date by default; no date is better than a wrong one:

* ``same_day``: the clause says "earlier in the day", "later that day", "the same day" ...
  (``data/<lang>/events/context_dates.csv``): the day the previous two sentences last named;
* ``statement``: the event is the speech act of a dated statement: its trigger is the cue
  ("..., he alleged"), or a speech act in the present tense inside the content ("China calls
  on ...", "I urge the Taliban ..."), said when the statement was;
* ``continuation``: a past-tense deed of an actor whose dated deed or statement the nearest
  dated sentence before it (at most two back) tells, with no other actor's date between:
  "Zamora attended the hearing on Monday. ... he called the ruling arbitrary". The same rule
  dates a statement the text gives no date for ("In his response Wednesday, Bennett said ...
  'I urge ...,' he said");
* ``elaboration``: a past-tense statement with no date of its own (and the speech act it tells)
  whose very next sentence opens on a quote of the same speaker said on a named day ("Stevandic
  denounced the moves as an attack. 'We are absolutely right,' he said *Wednesday*."; "...
  reaffirmed that the U.S. calls for ... '...,' the spokesperson added in a statement emailed
  *on Wednesday*"): the quote's words were said then. Not when that sentence names another day,
  nor when the statement is placed against another time ("said *after the convention* ...");
* ``anaphora``: a bare definite noun ("the meeting") refers back to the nearest earlier same noun,
  and takes its date where one dates it ("called a meeting *Wednesday*", "*Friday's* meeting").

A pluperfect or perfect ("had denounced", "has been released"), a relative or adnominal
clause ("a politician who criticized ...") and a sentence with a date of its own are never
dated this way: they tell another time.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.analyze.events_dates import dates_a_clause
from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.syntax import ActorIndex, clause_verb
from newsgraph.model import DateMention, Event, Statement

_SAME_DAY = tuple(sorted(lexicon().words("events/context_dates.csv", "same_day"), key=len, reverse=True))
#: Event types that are speech acts: the saying is the deed.
SPEECH_ACT_TYPES = frozenset({"DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
#: Adverbs that put a clause at another time than the one just told.
_OTHER_TIME = frozenset("earlier previously once recently already formerly before later since".split())
#: Entity types of a name that holds a date word ("USA Today").
_NAMES = frozenset({"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "NORP", "GPE", "EVENT"})
#: Prepositions that place a clause against another time.
_TIME_PREPS = frozenset({"after", "before", "since", "following", "until", "ahead"})
#: The dated and the undated deeds and statements told so far, by sentence.
_Told = tuple[dict[int, list["_Dated"]], dict[int, list[frozenset[str]]]]
#: How many sentences back a continuation may look.
_LOOK_BACK = 2


@dataclass
class _Dated:
    """A dated deed or statement: who, when, from which words."""

    actors: frozenset[str]
    date: str
    precision: str | None
    text: str | None


def date_from_context(doc: Doc, events: list[Event], statements: list[Statement],
                      dates: list[DateMention]) -> None:
    """Date in place the undated events and statements whose context dates them (module docstring)."""
    sent_starts = [s.start_char for s in doc.sents]
    contents = [(st.start, st.end) for st in statements]

    def sent_of(char: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, char) - 1)

    own_dates: dict[int, list[DateMention]] = {}  # dates outside any statement's content, by sentence
    timed: set[int] = set()  # sentences with a time expression of their own, resolved or not
    for d in dates:
        if not any(a <= d.start and d.end <= b for a, b in contents):
            timed.add(sent_of(d.start))
            if d.value:
                own_dates.setdefault(sent_of(d.start), []).append(d)
    roots = _date_roots(doc, dates)
    dated = _dated_clauses(ActorIndex(doc), own_dates, roots)
    undated: dict[int, list[frozenset[str]]] = {}  # who does or says something undated, by sentence
    said_then: dict[int, str | None] = {}  # the statements dated here (said when a dated one was): the words
    # a sentence's statements first: a speech act in a quote is dated by its statement
    items = [(sent_of(ev.start), 1, ev.start, ev) for ev in events]
    items += [(sent_of(st.cue_start or st.start), 0, st.cue_start or st.start, st) for st in statements]
    quoted_on = _said_on(doc, statements, roots, sent_starts)
    near = [(st, events[st.event].date_text) for st in statements
            if st.date_source == "event" and _near_meeting(st, events, sent_of)]
    for si, _, _, item in sorted(items, key=lambda x: x[:3]):
        if isinstance(item, Event):
            actors = frozenset(r.actor for r in item.actors if r.role != "target")
            if not item.date:
                mine = [(st, said_then[id(st)]) for st in statements if id(st) in said_then] + near
                _date_event(doc, item, si, mine, own_dates, (dated, undated), roots, si in timed)
            if item.date and item.date_precision != "approximate":
                dated.setdefault(si, []).append(_Dated(actors, item.date, item.date_precision, item.date_text))
            elif actors:
                undated.setdefault(si, []).append(actors)
            continue
        speaker = frozenset({item.speaker}) if item.speaker else frozenset()
        if item.date_source == "published" and speaker and si not in timed:
            found = _continued(speaker, si, own_dates, (dated, undated))
            if found is None and not _placed_otherwise(doc, item):
                found = _elaborated(speaker, si, quoted_on, own_dates)
            if found is not None and _said_past(doc, item) and not _another_time(_cue_verb(doc, item)):
                item.date, item.date_precision, item.date_source = found.date, found.precision, "text"
                said_then[id(item)] = found.text
        if item.date_source in ("text", "event") and speaker and item.date_precision != "approximate":
            dated.setdefault(si, []).append(_Dated(speaker, item.date, item.date_precision, said_then.get(id(item))))
        elif speaker:
            undated.setdefault(si, []).append(speaker)


def _said_on(doc: Doc, statements: list[Statement], roots: dict[int, tuple[DateMention, Token]],
             sent_starts: list[int]) -> dict[int, list[_Dated]]:
    """The quotes (and the words "added") whose cue's own clause names the day they were said ("'...,'
    he said *Wednesday*", "the spokesperson added in a statement emailed to VOA *on Wednesday*"), by
    the sentence the statement opens in (a quote's first): who, when."""
    said: dict[int, list[_Dated]] = {}
    for st in statements:
        verb = _cue_verb(doc, st)
        if st.date_source != "text" or st.speaker is None or verb is None or st.date_precision != "day":
            continue
        if not st.direct and verb.lemma_ != "add":
            continue  # "Friday, Bill Clinton announced he will ...": another act, not the words of the last
        opens = st.start if st.cue_start is None else min(st.start, st.cue_start)
        si = max(0, bisect.bisect_right(sent_starts, opens) - 1)
        if doc.text[sent_starts[si]:opens].strip(" \n'\"“‘"):
            continue  # "In the past week, ... ''If Hillary ...,'' Trump wrote": the quote opens no sentence
        days = [d for d, root in roots.values() if d.value == st.date and dates_a_clause(root)
                and _dates_saying(clause_verb(root), verb) and not st.start <= d.start < st.end
                and root.ent_type_ not in _NAMES]  # "told USA Today": a name, no day
        if days:
            said.setdefault(si, []).append(
                _Dated(frozenset({st.speaker}), st.date, "day", days[0].text))
    return said


def _dates_saying(clause: Token, cue: Token) -> bool:
    """True when a date's clause is the cue's own, or the participle of the cue's vehicle ("added in
    a statement *emailed* to VOA on Wednesday")."""
    if clause == cue:
        return True
    vehicle = clause.head if clause.dep_ == "acl" else None
    return (vehicle is not None and vehicle.dep_ == "pobj" and vehicle.head.dep_ == "prep"
            and vehicle.head.lower_ in ("in", "at") and vehicle.head.head == cue)


def _placed_otherwise(doc: Doc, st: Statement) -> bool:
    """True when the words around a statement place it against another time ("he *previously* said",
    "Trump said *after the convention* he would not accept ...": a phrase between the cue and the
    content's subject hangs on the saying, whatever the parse says)."""
    verb = _cue_verb(doc, st)
    if verb is None:
        return True
    subject = next((t for t in verb.sent if t.i > verb.i and t.dep_ in ("nsubj", "nsubjpass")), None)
    for t in verb.sent:
        around = not st.start <= t.idx < st.end or (verb.i < t.i and (subject is None or t.i < subject.i))
        timed = (t.dep_ == "prep" and t.lower_ in _TIME_PREPS) or (t.dep_ == "advmod" and t.lower_ in _OTHER_TIME)
        if around and timed:
            return True
    return False


def _elaborated(speaker: frozenset[str], si: int, said_on: dict[int, list[_Dated]],
                own_dates: dict[int, list[DateMention]]) -> _Dated | None:
    """The day the very next sentence says the same speaker said something, when it names no other
    day: the quote that follows a paraphrase ("X denounced the moves as an attack. 'We are right,'
    he said *Wednesday*.")."""
    mine = [d for d in said_on.get(si + 1, []) if d.actors & speaker]
    if not mine or len({d.date for d in mine}) != 1:
        return None
    if any(d.value != mine[0].date for d in own_dates.get(si + 1, [])):
        return None  # another day told beside it
    return mine[0]


def _dated_clauses(index: ActorIndex, own_dates: dict[int, list[DateMention]],
                   roots: dict[int, tuple[DateMention, Token]]) -> dict[int, list[_Dated]]:
    """The actors of each past clause a day dates, by sentence ("Zamora attended the hearing *on Monday*")."""
    dated: dict[int, list[_Dated]] = {}
    for si, mentions in own_dates.items():
        for d in mentions:
            root = roots[d.start][1] if d.start in roots else None
            if root is None or d.precision != "day" or not dates_a_clause(root) or not _past(clause_verb(root)):
                continue
            subjects = [c for c in clause_verb(root).children if c.dep_ == "nsubj"]
            actors = frozenset(a for subj in subjects for a in index.actors(subj))
            if actors:
                dated.setdefault(si, []).append(_Dated(actors, d.value, d.precision, d.text))
    return dated


def _date_event(doc: Doc, ev: Event, si: int, statements: list[tuple[Statement, str | None]],
                own_dates: dict[int, list[DateMention]], told: _Told,
                roots: dict[int, tuple[DateMention, Token]], timed: bool) -> None:
    tok = _trigger_token(doc, ev)
    if tok is None:
        return
    found = None
    if si not in own_dates:
        found = _antecedent_date(tok, roots)
    if found is None and _says_same_day(doc, tok):
        found = _last_day(si, own_dates)
    if found is None and ev.type in SPEECH_ACT_TYPES:
        found = _statement_date(tok, ev, statements)
    continues = tok.pos_ == "VERB" and _told_as_past(tok) and not _another_time(clause_verb(tok))
    if found is None and not timed and continues:
        actors = frozenset(r.actor for r in ev.actors if r.role != "target")
        if actors:
            found = _continued(actors, si, own_dates, told)
    if found is not None:
        ev.date, ev.date_precision, ev.date_text = found.date, found.precision, found.text


def _date_roots(doc: Doc, dates: list[DateMention]) -> dict[int, tuple[DateMention, Token]]:
    """Each resolved date mention and its root token, by the mention's start."""
    roots = {}
    for d in dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand") if d.value else None
        if span is not None:
            roots[d.start] = (d, span.root)
    return roots


def _antecedent_date(tok: Token, roots: dict[int, tuple[DateMention, Token]]) -> _Dated | None:
    """The date of the occurrence a bare definite noun refers back to: "called a meeting *Wednesday*
    ... participated in *the meeting*" (the nearest earlier same noun, at most eight sentences back;
    an earlier indefinite one undated is another occurrence)."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in tok.children):
        return None
    if any(c.dep_ in ("amod", "compound", "nummod", "poss", "nmod") for c in tok.children):
        return None  # "the next meeting", "the 2014 attack", "Israel's strike": which one, the text says
    sents = list(tok.doc.sents)
    si = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
    dated_tokens: dict[int, DateMention] = {}
    for d, root in roots.values():
        if d.precision != "approximate":
            for target in _dated_by(root):
                dated_tokens.setdefault(target.i, d)
    for prev in reversed(tok.doc[sents[max(0, si - 8)].start:sents[si].start]):
        if prev.lemma_ != tok.lemma_ or prev.pos_ != "NOUN":
            continue
        d = dated_tokens.get(prev.i)
        if d is not None:
            return _Dated(frozenset(), d.value, d.precision, d.text)
        if not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in prev.children):
            return None  # "a meeting" told undated: the one referred to, undated
    return None


def _dated_by(root: Token) -> list[Token]:
    """The nouns a date mention dates: "*Friday's* meeting", "the meeting *on Friday*", "called a
    meeting *Wednesday*" (the object of the verb it dates)."""
    if root.dep_ == "poss" or (root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.pos_ == "NOUN"):
        return [root.head if root.dep_ == "poss" else root.head.head]
    if dates_a_clause(root):
        return [c for c in clause_verb(root).children if c.dep_ in ("dobj", "nsubjpass")]
    return []


def _trigger_token(doc: Doc, ev: Event) -> Token | None:
    """The first word of the event's trigger in its sentence."""
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None or not ev.trigger:
        return None
    first = ev.trigger.split()[0].lower()
    return next((t for t in span if t.lower_ == first), None)


def _says_same_day(doc: Doc, tok: Token) -> bool:
    """True when the trigger's clause says it was on the day last named ("earlier in the day")."""
    verb = clause_verb(tok)
    text = " " + " ".join(t.lower_ for t in verb.subtree if clause_verb(t) == verb and not t.is_punct) + " "
    return any(f" {p} " in text for p in _SAME_DAY)


def _last_day(si: int, own_dates: dict[int, list[DateMention]]) -> _Dated | None:
    """The day the sentence before (or the one before that) last names, if it names one."""
    for k in range(1, _LOOK_BACK + 1):
        days = [d for d in own_dates.get(si - k, []) if d.precision == "day"]
        if days:
            d = days[-1]
            return _Dated(frozenset(), d.value, "day", d.text)
        if own_dates.get(si - k):
            return None  # a month or a year: no day to be the same as
    return None


def _statement_date(tok: Token, ev: Event, statements: list[tuple[Statement, str | None]]) -> _Dated | None:
    """The date of the statement (said at a dated meeting, or when a dated one was) whose cue the
    trigger is, or whose content it performs; a date the cue's own sentence gives is the event's
    own clause's business (``events_dates``)."""
    for st, words in statements:
        if not st.date or st.date_precision == "approximate":
            continue
        is_cue = st.cue_start is not None and st.cue_start <= tok.idx < (st.cue_end or st.cue_start)
        if is_cue or (st.start <= tok.idx < st.end and _performative(tok)):
            return _Dated(frozenset(), st.date, st.date_precision, words)
    return None


def _performative(tok: Token) -> bool:
    """True for a speech act in the simple present ("China *calls on* ...", "I *urge* ...")."""
    return tok.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass", "neg") for c in tok.children)


def _past(verb: Token) -> bool:
    """True for a verb in the simple past ("attended", not "will attend", "had attended")."""
    return verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)


def _told_as_past(tok: Token) -> bool:
    """True for a deed in the simple past in a main or complement clause ("he *called* the ruling
    arbitrary"); not "had called", "has called", nor "a politician who *criticized* ..."."""
    verb = clause_verb(tok)
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "has made incursions and even *simulated* an attack": the perfect of both
    if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for v in {verb, first} for c in v.children):
        return False
    node = verb
    for _ in range(8):
        if node.dep_ in ("relcl", "acl", "advcl", "pcomp"):
            return False
        if node.head.i == node.i:
            return True
        node = node.head
    return False


def _continued(actors: frozenset[str], si: int, own_dates: dict[int, list[DateMention]],
               told: _Told) -> _Dated | None:
    """The date of the same actors' deed or statement in the nearest dated sentence before ``si``."""
    dated, undated = told
    for k in range(1, _LOOK_BACK + 1):
        found = dated.get(si - k, [])
        mine = [d for d in found if d.actors & actors]
        if mine and all(d.precision == "day" for d in mine):  # a year or month told before: background
            return mine[-1] if len({d.date for d in mine}) == 1 else None
        if mine or found or own_dates.get(si - k) or any(a & actors for a in undated.get(si - k, [])):
            return None  # someone else's date, a date of something else, or the same actors at no told time
    return None


def _cue_verb(doc: Doc, st: Statement) -> Token | None:
    if st.cue_start is None:
        return None
    span = doc.char_span(st.cue_start, st.cue_end, alignment_mode="expand")
    return next((t for t in span or [] if t.pos_ in ("VERB", "AUX")), None)


def _said_past(doc: Doc, st: Statement) -> bool:
    """True when the statement's cue reports it as past ("he said", "she added")."""
    verb = _cue_verb(doc, st)
    return verb is not None and verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)


def _another_time(verb: Token | None) -> bool:
    """True when the clause names an occasion of its own ("*In an interview*, he said", "*In one of
    his assessments*, ...") or says it was at another time ("*earlier*", "*previously*")."""
    if verb is None:
        return True
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in _OTHER_TIME:
            return True
        if c.dep_ == "prep" and c.lower_ in _TIME_PREPS:
            return True  # "after the meeting, he denounced ...": a time told against another
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "during"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if any(o.lower_ == "one" or any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in o.children)
                   for o in objs):
                return True
    return False


def _near_meeting(st: Statement, events: list[Event], sent_of) -> bool:
    """True when the dated meeting a statement was said at is told at most two sentences before it."""
    if st.event is None or not 0 <= st.event < len(events):
        return False
    ev = events[st.event]
    at = sent_of(st.cue_start or st.start)
    told = [ev.start] + [e.start for e in ev.evidence]
    return any(0 <= at - sent_of(a) <= _LOOK_BACK for a in told)
