"""newsgraph_events: who did what to whom, when and where, PLOVER-coded.

For each trigger (``plover.find_triggers``: a verb or noun from the PLOVER
lexicon, read in its dependency parse) the component finds:

- the actors: the subject is the ``source``; the object, or the actor after
  "with"/"against"/"on"/"to"/"of", the ``target``; failing those, the one told
  what to do, withdrawn from, or whose deed is condemned (``events_targets``).  A noun trigger ("In a
  meeting with X, Y said ...") takes its source from the verb it hangs on.
  Phrases map to actors through their mentions (``doc._.ng_actors``).
- the date: a date mention in the trigger's clause, else the only resolved
  date of the sentence; none otherwise.
- the place: an actor that is a place after "in"/"at"/"near" in the
  trigger's clause, else the only such place in the sentence; never guessed.

CAMEO's conventions decide the type where the grammar says more than the
verb: the governing verb codes the event ("agreed to meet" is AGREE), an
intention is AGREE or THREATEN ("will send aid", "is ready to impose
sanctions"), a deed made conditional ("will withdraw unless ...", "may halt
talks if ...") THREATEN, "X said Y must ..." is X's DEMAND, "will not ..." and
"failed to reach agreement" a REJECT, and a denied deed ("did not meet") no
event.  An event with no named actor is kept only when the text gives its
place or names its doer by kind ("police", "students": PLOVER's sectors,
``data/<lang>/actors/agents.csv``, and PETRARCH's agent nouns), a kind the text
introduces, not one referring back to actors named before ("the two leaders":
``events_kinds``).

The same event told twice (same type, one actor set within the other,
compatible dates and places) is kept once, the other sentences as evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.events_args import (
    COOPERATIVE_TYPES, HARM_TYPES, MATERIAL_TYPES, arguments, event_place, has_agent, violence_type,
)
from newsgraph.analyze.events_targets import between_parties
from newsgraph.analyze.events_confidence import CONFIDENCE_THRESHOLD, confidence
from newsgraph.analyze.events_dates import event_date, participial_adjunct
from newsgraph.analyze.events_factuality import presupposed
from newsgraph.analyze.events_filters import not_an_event, retold
from newsgraph.analyze.events_issuers import issuer_sources, speaker_for_state
from newsgraph.analyze.events_kinds import refers_back
from newsgraph.analyze.events_retold import told_again
from newsgraph.analyze.events_mood import abstained, announced_decision, condition, demanded, failed, hedged, intended, own_intent, warning_of_others
from newsgraph.analyze.events_senses import other_sense
from newsgraph.analyze.lexicon import DEFAULT_LANGUAGE
from newsgraph.analyze.plover import HeadRules, find_triggers, lexicon_paths, load_rules
from newsgraph.analyze.syntax import CCOMP, ActorIndex, clause_verb, doer_subjects, trimmed_span
from newsgraph.model import DateMention, Event, EventActor, Span as TextSpan

#: Deeds of force: one told as the result of another ("..., killing five") is the same deed.
VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT"})
#: Types whose parties, named together as the subject of a verb with no object, act on each other:
#: "Trump and Zelenskyy *disagreed*", "Duterte and Suga *spoke* by phone".
MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE", "DISAPPROVE", "AGREE"})
_PRECISION_RANK = {"second": 6, "minute": 5, "hour": 4, "day": 3, "approximate": 2, "month": 1, "year": 0}


@dataclass
class _Found:
    """An event while it is being built and merged."""

    type: str
    mode: str | None
    sources: list[str]
    targets: list[str]
    trigger: str
    sentence: Span
    date: DateMention | None = None
    place: str | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 1.0
    factors: dict[str, float] = field(default_factory=dict)
    token: Token | None = None  # the trigger's head
    mutual: bool = False  # done by its parties to each other ("X and Y met"): each is a participant

    @property
    def actor_set(self) -> set[str]:
        return set(self.sources) | set(self.targets)

def _trimmed(span: Span) -> tuple[str, int, int]:
    """Return (text, start, end) of a sentence without the spaces at its edges."""
    body = trimmed_span(span, punct=False)
    if body is None:
        return "", span.start_char, span.start_char
    return body.text, body.start_char, body.end_char


def _dates_compatible(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    if "approximate" in (a.precision, b.precision) and len(a.value) >= 10 and len(b.value) >= 10:
        gap = abs(dt.date.fromisoformat(a.value[:10]) - dt.date.fromisoformat(b.value[:10]))
        return gap.days <= 7
    return False


def _roles_cross(a: _Found, b: _Found) -> bool:
    """True when an actor is the doer in one telling and the one done to in the other ("the Taliban
    denounced the delay" / "U.S. officials blamed the Taliban"): two deeds, not one told twice."""
    return bool(set(a.sources) & set(b.targets) or set(a.targets) & set(b.sources))


def _same_event(a: _Found, b: _Found) -> bool:
    if a.type != b.type or not _dates_compatible(a.date, b.date):
        return False
    if a.type != "FIGHT" and _roles_cross(a, b):
        return False  # (both sides of a fight are its parties: events_args keeps them apart)
    if a.type in VIOLENT_TYPES and not b.sources and b.sentence.start == a.sentence.end and not (b.place and a.place != b.place):
        return True  # "Commandos stormed the ship. Nine activists were killed.": the next sentence tells its toll
    if a.place and b.place and a.place != b.place:
        return False
    sa, sb = a.actor_set, b.actor_set
    if not sa and not sb:  # told only by what happened where
        return a.place is not None and a.place == b.place
    if sb <= sa:
        return bool(sb)
    if sa < sb:  # a later telling naming more parties is the same deed only when both say the same day
        return bool(sa) and _same_day(a.date, b.date)
    return bool(a.place and a.place == b.place and sa & sb)


def _same_day(a: DateMention | None, b: DateMention | None) -> bool:
    """True when both dates are known and name the same day."""
    return bool(a and b and a.value and b.value and a.precision == b.precision == "day" and a.value == b.value)


def _better_date(a: DateMention | None, b: DateMention | None) -> DateMention | None:
    if a is None or not a.value:
        return b if b and b.value else a
    if b is None or not b.value:
        return a
    return b if _PRECISION_RANK.get(b.precision or "", -1) > _PRECISION_RANK.get(a.precision or "", -1) else a


def merge_events(found: list[_Found]) -> list[_Found]:
    """Return events with retellings merged into the first telling (text order kept)."""
    merged: list[_Found] = []
    for ev in found:
        same = next((m for m in merged if _same_event(m, ev)), None)
        if same is None and ev.type in VIOLENT_TYPES and (
            retold(ev.token) or told_again(ev.token, ev.date is not None or bool(ev.place))
        ):
            # "claimed responsibility for the attack", "this week's siege": a definite deed refers back to
            # the last one of its kind told (failing one, the first violent deed)
            same = next((m for m in reversed(merged) if m.type == ev.type), None) or next(
                (m for m in merged if m.type in VIOLENT_TYPES), None)
            if same is not None:
                ev.sources = [a for a in ev.sources if a not in same.targets]
                ev.targets = [a for a in ev.targets if a not in same.sources]
        if same is None:
            merged.append(ev)
            continue
        sources, targets = ev.sources, ev.targets
        if ev.type == "FIGHT" and (set(sources) & set(same.targets) or set(targets) & set(same.sources)):
            # both sides of a fight are warring parties: "X besieged Y" then "Y fled the siege of X's
            # fighters" keeps X's fighters on X's side, never among Y's targets
            sources, targets = targets, sources
        same.sources.extend(a for a in sources if a not in same.actor_set)
        same.targets.extend(a for a in targets if a not in same.actor_set)
        same.date = _better_date(same.date, ev.date)
        same.place = same.place or ev.place
        same.confidence = max(same.confidence, ev.confidence)
        for sent in (ev.sentence, *ev.evidence):
            if sent != same.sentence and sent not in same.evidence:
                same.evidence.append(sent)
    return merged


def _to_record(ev: _Found) -> Event:
    text, start, end = _trimmed(ev.sentence)
    doers = "participant" if ev.mutual and not ev.targets else "source"
    actors = [EventActor(actor=a, role=doers) for a in ev.sources]
    actors += [EventActor(actor=a, role="target") for a in ev.targets]
    evidence = [TextSpan(text=t, start=s, end=e) for t, s, e in map(_trimmed, ev.evidence)]
    return Event(
        type=ev.type, mode=ev.mode, actors=actors, trigger=ev.trigger, text=text, start=start, end=end,
        date=ev.date.value if ev.date else None, date_precision=ev.date.precision if ev.date else None,
        date_text=ev.date.text if ev.date else None, place=ev.place, evidence=evidence,
        confidence=round(ev.confidence, 3),
    )


def find_candidates(doc: Doc, rules: dict[str, HeadRules] | None = None) -> list[_Found]:
    """Return every event the triggers of a parsed doc could tell (matching the trigger ``rules``,
    default ``plover.load_rules()``), unmerged and unthresholded, each with its confidence and the
    factors that gave it (``events_confidence``)."""
    index = ActorIndex(doc)
    dates_by_sentence: dict[int, list[tuple[DateMention, Token]]] = {}
    for mention in doc._.ng_dates or []:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            dates_by_sentence.setdefault(span.root.sent.start, []).append((mention, span.root))
    found: list[_Found] = []
    for trig in find_triggers(doc, rules):
        sources, targets = arguments(trig, index)
        if not sources:  # "The statement threatened sanctions": who issued it
            sources = issuer_sources(trig, index)
            targets = [a for a in targets if a not in sources]
        sources = speaker_for_state(trig, sources, index)  # "Putin said that Russia supports ...": Putin
        etype, mode = trig.rule.type, trig.rule.mode
        if "/" in etype:
            etype, mode = violence_type(trig, sources, index, etype.split("/"))
        verb = clause_verb(trig.token)
        is_intent = intended(verb) and not presupposed(trig.token)  # "who would have thought X would ..." told X
        recoded = None
        if abstained(verb):
            continue  # "refrained from attacking": nothing happened
        if trig.negated:
            if not is_intent:
                continue  # "did not meet": nothing happened
            etype, mode, recoded = "REJECT", None, "refusal"  # "will not accept": CAMEO codes a refusal
        elif demanded(verb):  # "X said Y must return the helicopter": CAMEO codes X's demand
            speaker = verb.head if verb.dep_ == CCOMP else None
            demanders = [a for s in (doer_subjects(speaker) if speaker is not None else []) for a in index.actors(s)]
            sources, targets = demanders, [a for a in sources + targets if a not in demanders]
            etype, mode, recoded = "DEMAND", None, "must"
        elif (is_intent or hedged(verb)) and (
            (cond := condition(verb)) == "unless" or (cond == "if" and etype in HARM_TYPES)
        ):  # CAMEO 13: a deed made conditional on the other side's ("will withdraw unless ...") is a threat
            etype, mode, recoded = "THREATEN", "threatened", "conditional threat"
        elif is_intent and announced_decision(verb):  # "announced it would cease aid": the sanction itself
            recoded = "decision"
        elif is_intent:  # CAMEO: intent to cooperate is AGREE, intent to harm THREATEN
            new_type = "AGREE" if etype in COOPERATIVE_TYPES else "THREATEN" if etype in HARM_TYPES else etype
            if new_type != etype:  # the mode says the deed is a speech act about the future (issue 12)
                mode = "intended" if new_type == "AGREE" else "threatened"
            etype, recoded = new_type, "intent"
        elif failed(verb) and etype in (*COOPERATIVE_TYPES, "AGREE"):  # "failed to reach agreement": CAMEO 12
            etype, mode, recoded = "REJECT", None, "failure"
        elif etype == "THREATEN" and not trig.rule.needs and warning_of_others(trig.token, index.actors):
            if not targets:  # the one whose deed is judged: "warned that *the government's* actions would ..."
                clause = next(c for c in trig.token.children if c.dep_ == "ccomp")
                judged = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass", "csubj")]
                targets = [a for j in judged for a in index.actors(j) if a not in sources]
            if not targets:
                continue  # a warning about a state of things ("officials warn the fire is too big"): no one criticised
            etype, recoded = "DISAPPROVE", "warning"  # "warned that the government's actions would divide the country"
        elif etype == "THREATEN" and _threatened_by_a_thing(trig.token, index):
            continue  # "the province is threatened by rising consumption": no one threatens
        sense = other_sense(trig.token, etype, [index.types.get(a, "") for a in sources + targets])
        if sense == "verbal":
            etype, mode = "DISAPPROVE", None  # a verbal attack is criticism (PLOVER)
        elif sense is not None:
            continue  # a sports, business, campaign or weather sense: no political event
        if not_an_event(trig.token, etype, index.actors):
            continue  # a label, a charge, background, a forecast, a tally (events_filters)
        sent = trig.token.sent
        place = event_place(trig, sent, index, material=etype in HARM_TYPES)
        kind_agent = has_agent(trig.token)
        if not sources and not targets and not (place and etype in MATERIAL_TYPES) and not kind_agent:
            continue  # nobody named does it, nowhere: a mention of a kind of event, not an event
        ev = _Found(
            type=etype, mode=mode, sources=sources, targets=targets,
            trigger=" ".join(t.text for t in trig.tokens), sentence=sent,
            date=event_date(trig, dates_by_sentence.get(sent.start, [])), place=place, token=trig.token,
            mutual=etype in MUTUAL_TYPES and len(sources) > 1 and not targets and _mutual(trig.token)
            or etype in (*MUTUAL_TYPES, "FIGHT") and bool(between_parties(trig.token, index)),
        )
        speech_act = recoded in ("warning", "conditional threat") or recoded is not None and trig.token.pos_ == "VERB" and (
            own_intent(verb, index.actors)
            or (etype == "THREATEN" and recoded == "intent" and bool(sources and targets))  # "France will impose sanctions on Iran"
        )
        # a kind referring back ("the two leaders") names no new doer: weighed as no one named
        ev.confidence, ev.factors = confidence(trig, ev, recoded if speech_act else None,
                                               kind_agent and not refers_back(trig.token))
        found.append(ev)
    return fold_results(found)


def fold_results(found: list[_Found]) -> list[_Found]:
    """Return the events with a deed's told results folded into it: "detonated a bomb near a convoy,
    *killing* one and *injuring* four" is one assault (CAMEO codes the act once), its victims its targets."""
    by_token = {ev.token.i: ev for ev in found if ev.token is not None}
    kept: list[_Found] = []
    for ev in found:
        tok = ev.token
        if tok is not None and tok.dep_ == "conj" and participial_adjunct(tok.head):
            tok = tok.head  # "killing one and *injuring* four"
        head = by_token.get(tok.head.i) if tok is not None and participial_adjunct(tok) else None
        if head is not None and head is not ev and {head.type, ev.type} <= VIOLENT_TYPES:
            head.targets.extend(a for a in ev.targets if a not in head.actor_set)
            continue
        kept.append(ev)
    return kept


def _adds_nothing(ev: _Found, found: list[_Found]) -> bool:
    """True for a violent event with no actor, place or date of its own told inside the clause of
    another violent deed with actors, below its verb: "Gunmen *stormed* a hotel ..., leaving five dead
    and triggering an ongoing *siege*" is the storming told on (its doers are the storming's); not a
    deed of another clause ("a roadside bomb killed 11 miners, while the BLA took credit for attacking")."""
    if ev.type not in VIOLENT_TYPES or ev.actor_set or ev.place or ev.date is not None or ev.token is None:
        return False
    above = {t.i for t in ev.token.ancestors}
    return any(o is not ev and o.type in VIOLENT_TYPES and o.actor_set and o.token is not None
               and o.token.pos_ == "VERB" and o.token.i in above for o in found)


def _mutual(tok: Token) -> bool:
    """True for a verb with conjoined subjects and no object: what its subjects do, they do to each
    other ("X and Y met", "X and Y publicly disagreed"; not "X and Y criticized the decision")."""
    if tok.pos_ != "VERB" or any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in tok.children):
        return False
    return any(c.dep_ == "nsubj" and any(k.dep_ == "conj" for k in c.children) for c in tok.children)


def _threatened_by_a_thing(tok: Token, index: ActorIndex) -> bool:
    """True for a passive "threatened by <something that is no actor>" ("threatened by floods")."""
    agents = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return bool(agents) and not any(index.actors(o) for o in agents)


def find_events(
    doc: Doc, rules: dict[str, HeadRules] | None = None, threshold: float = CONFIDENCE_THRESHOLD
) -> list[Event]:
    """Return the PLOVER events of a parsed doc whose confidence reaches ``threshold``
    (actors and dates components must have run)."""
    kept = [ev for ev in find_candidates(doc, rules) if ev.confidence >= threshold]
    kept = [ev for ev in kept if not _adds_nothing(ev, kept)]
    return [_to_record(ev) for ev in merge_events(kept)]


class EventFinder:
    """The newsgraph_events component: sets ``doc._.ng_events``.

    ``threshold``: the confidence an event needs to be output (default ``CONFIDENCE_THRESHOLD``;
    recall-minded users may lower it: ``nlp.add_pipe("newsgraph_events", config={"threshold": 0.3})``).
    ``triggers``: the user's trigger lexicons, which win over the language's own (``lexicon``: a
    language under ``newsgraph/data`` or a directory); both are read and checked when it is built.
    """

    def __init__(
        self, lexicon: str = DEFAULT_LANGUAGE, triggers: list[str] | tuple[str, ...] = (),
        threshold: float = CONFIDENCE_THRESHOLD,
    ) -> None:
        self.lexicon = lexicon
        self.triggers = tuple(Path(p) for p in triggers)
        self.threshold = threshold
        load_rules(*self.paths())

    def paths(self) -> tuple[Path, ...]:
        """Return the trigger lexicons this component reads, first winning (looked up on each call,
        so the events benchmark can swap ``plover.LEXICONS``)."""
        return lexicon_paths(self.triggers, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_events = find_events(doc, load_rules(*self.paths()), self.threshold)
        return doc


@Language.factory(
    "newsgraph_events",
    assigns=["doc._.ng_events"],
    requires=["doc._.ng_actors", "doc._.ng_dates", "token.dep", "token.lemma"],
    default_config={"lexicon": DEFAULT_LANGUAGE, "triggers": [], "threshold": CONFIDENCE_THRESHOLD},
)
def make_event_finder(nlp: Language, name: str, lexicon: str, triggers: list[str], threshold: float) -> EventFinder:
    """Return the newsgraph_events component (``triggers``: the user's lexicons, first winning;
    events below ``threshold`` confidence are not output)."""
    return EventFinder(lexicon, triggers, threshold)
