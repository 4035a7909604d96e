"""newsgraph_events: who did what to whom, when and where, PLOVER-coded.

For each trigger (``plover.find_triggers``: a verb or noun from the PLOVER
lexicon, read in its dependency parse) the component finds:

- the actors: the subject is the ``source``; the object, or the actor after
  "with"/"against"/"on"/"to"/"of", the ``target``.  A noun trigger ("In a
  meeting with X, Y said ...") takes its source from the verb it hangs on.
  Phrases map to actors through their mentions (``doc._.ng_actors``).
- the date: a date mention in the trigger's clause, else the only resolved
  date of the sentence; none otherwise.
- the place: an actor that is a place after "in"/"at"/"near" in the
  trigger's clause, else the only such place in the sentence; never guessed.

The same event told twice (same type, one actor set within the other,
compatible dates and places) is kept once, the other sentences as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.doc import actors_of
from newsgraph.analyze.plover import EXPLOSIVE_LEMMAS, MILITARY_LEMMAS, VIOLENCE, Trigger, find_triggers, load_rules
from newsgraph.model import DateMention, Event, EventActor, Span as TextSpan

PLACE_TYPES = ("GPE", "LOC", "FAC")
COOPERATIVE_TYPES = ("CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")
#: "ready to", "willing to", "plans to": the complement is intended, not done.
_INTENT_HEADS = (
    "willing", "ready", "prepared", "plan", "intend", "prepare", "want", "seek", "aim", "expect",
    "vow", "pledge", "promise", "swear", "offer", "threaten",
)
#: Events that are facts on the ground: kept with a place even when no actor is named.
MATERIAL_TYPES = ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "RETREAT", "AID")
_PLACE_PREPS = ("in", "at", "near", "outside", "inside")
_TARGET_PREPS = ("with", "against", "on", "to", "at", "upon", "between", "among", "toward", "towards", "into")
_SUBJECTS = ("nsubj", "csubj")
_OBJECTS = ("dobj", "dative", "obj", "iobj")
_PRECISION_RANK = {"second": 6, "minute": 5, "hour": 4, "day": 3, "approximate": 2, "month": 1, "year": 0}


class _ActorIndex:
    """Token index -> actor id, chosen like ``doc.actor_at`` (most overlap, then latest mention)."""

    def __init__(self, doc: Doc) -> None:
        best: dict[int, tuple[int, int, str]] = {}
        self.types: dict[str, str] = {}
        for actor in actors_of(doc):
            self.types[actor.id] = actor.type
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for tok in span or ():
                    overlap = min(m.end, tok.idx + len(tok)) - max(m.start, tok.idx)
                    key = (overlap, m.start, actor.id)
                    if overlap > 0 and (tok.i not in best or key[:2] > best[tok.i][:2]):
                        best[tok.i] = key
        self.by_token = {i: key[2] for i, key in best.items()}

    def phrase_actor(self, head: Token, via_of: bool = True) -> str | None:
        """Return the actor a noun phrase names: its head first, then modifiers, then possessors, then "of X"."""
        for allowed in ((), ("poss",), ("poss", "of")) if via_of else ((), ("poss",)):
            queue, seen = [head], set()
            while queue:
                tok = queue.pop(0)
                if tok.i in seen:
                    continue
                seen.add(tok.i)
                if tok.i in self.by_token:
                    return self.by_token[tok.i]
                for child in tok.children:
                    if child.dep_ == "poss" and "poss" not in allowed:
                        continue
                    if child.dep_ == "prep":
                        if "of" in allowed and child.lower_ == "of":
                            queue.extend(child.children)
                        continue
                    if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj", "ccomp", "xcomp"):
                        continue
                    queue.append(child)
        return None

    def actors(self, head: Token) -> list[str]:
        """Return the actors of a phrase and of its conjuncts ("Jordan and Britain")."""
        found: list[str] = []
        # "of X" only when nothing better is named: "the head of Hamas" stands for
        # Hamas, but "the representative of the Leader and Secretary ... Y" is Y.
        for via_of in (False, True):
            for tok in (head, *head.conjuncts):
                actor = self.phrase_actor(tok, via_of)
                if actor and actor not in found:
                    found.append(actor)
            if found:
                break
        return found


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

    @property
    def actor_set(self) -> set[str]:
        return set(self.sources) | set(self.targets)


def _subject(verb: Token) -> list[Token]:
    """Return the subject tokens of ``verb``, inherited up xcomp/conj/advcl chains when it has none."""
    node = verb
    for _ in range(6):
        subj = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subj:  # two subjects is a misparse ("Agency – On Monday, the minister said"): take the nearer
            return [min(subj, key=lambda c: abs(verb.i - c.i))]
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl") and node.head.i != node.i:
            node = node.head
            continue
        break
    return []


def _governing_verb(noun: Token) -> Token | None:
    """Return the verb a noun trigger hangs on ("In a *meeting* with X, Y *said*"), or None."""
    node = noun
    for _ in range(6):
        if node.dep_ in ("nsubj", "nsubjpass", "ROOT") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    return [obj for p in token.children if p.dep_ == "prep" and p.lower_ in preps for obj in p.children if obj.dep_ == "pobj"]


def _arguments(trig: Trigger, index: _ActorIndex) -> tuple[list[str], list[str]]:
    """Return (source actor ids, target actor ids) of a trigger."""
    tok = trig.token
    sources: list[str] = []
    targets: list[str] = []

    def add(into: list[str], heads: list[Token]) -> None:
        for head in heads:
            into.extend(a for a in index.actors(head) if a not in into)

    if tok.pos_ == "VERB":
        subject = _subject(tok)
        add(sources, subject)
        if not subject:
            sources.extend(_left_actor(tok, index))
        agents = [obj for a in tok.children if a.dep_ == "agent" for obj in a.children if obj.dep_ == "pobj"]
        add(sources, agents)
        add(targets, [c for c in tok.children if c.dep_ in (*_OBJECTS, "nsubjpass")])
        add(targets, _prep_objects(tok, _TARGET_PREPS))
        for noun in trig.extra:  # "expressed gratitude for X", "held talks with X"
            add(targets, _prep_objects(noun, (*_TARGET_PREPS, "for")))
        if not targets:  # "agreed to meet X", "urged X to withdraw", "threatened to attack X"
            for comp in (c for c in tok.children if c.dep_ in ("xcomp", "ccomp")):
                add(targets, [c for c in comp.children if c.dep_ in _OBJECTS])
                add(targets, _prep_objects(comp, _TARGET_PREPS))
    else:
        add(sources, [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")])
        add(sources, _prep_objects(tok, ("by", "from")))
        add(targets, _prep_objects(tok, (*_TARGET_PREPS, "of", "for")))
        verb = _governing_verb(tok)
        if not sources and verb is not None:
            subject = _subject(verb)
            add(sources, subject)
            if not subject:
                sources.extend(_left_actor(verb, index))
        if verb is not None:  # "said in a meeting with the head of X('s bureau) with Y"
            add(targets, [t for t in _clause_tokens(verb) if t.dep_ == "pobj" and t.head.lower_ == "with"])
    targets = [a for a in targets if a not in sources]
    return sources, targets


def _left_actor(verb: Token, index: _ActorIndex) -> list[str]:
    """The actor named right before a verb the parser left without a subject ("..., Iran's Leader X pointed out")."""
    segment_start = verb.sent.start
    for tok in reversed(verb.doc[verb.sent.start : verb.i]):
        if (tok.is_punct and tok.text in ",;:()–—") or tok.pos_ in ("VERB", "SCONJ") or tok.dep_ == "mark":
            segment_start = tok.i + 1
            break
    for tok in reversed(verb.doc[segment_start : verb.i]):
        if tok.i in index.by_token:
            top = tok  # climb to the head of the noun phrase, inside the segment
            while top.head.i != top.i and segment_start <= top.head.i < verb.i:
                top = top.head
            actor = index.phrase_actor(top)
            return [actor] if actor else [index.by_token[tok.i]]
    return []


def _clause_tokens(verb: Token) -> list[Token]:
    """Tokens of ``verb``'s clause, not entering clauses nested in it."""
    found, stack = [], [verb]
    while stack:
        tok = stack.pop()
        found.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("ccomp", "advcl", "relcl", "acl", "xcomp", "csubj"))
    return found


def _intended(tok: Token) -> bool:
    """True when the text states an intention, not a deed ("will send", "is ready to withdraw")."""
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if auxes & {"will", "shall", "'ll", "wo"} or ("would" in auxes and tok.dep_ == "ccomp"):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _INTENT_HEADS


def _demanded(verb: Token) -> bool:
    """True for a clause under "must" ("Sudan must return ...")."""
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children)


_PERSONAL = frozenset({"he", "she", "it", "they", "we", "i", "you"})


def _has_agent(tok: Token) -> bool:
    """True for a verb with a subject or agent ("officials agreed", "were arrested by police"),
    or a noun that is the object of such a verb ("students staged demonstrations")."""
    if tok.pos_ != "VERB":
        if tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
            return False
        tok = tok.head
    heads = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads += [o for a in tok.children if a.dep_ == "agent" for o in a.children]
    return any(h.pos_ in ("NOUN", "PROPN") or h.lower_ in _PERSONAL for h in heads)


def _clause_verb(tok: Token) -> Token:
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _event_date(trig: Trigger, sent: Span, dates: list[tuple[DateMention, Token]]) -> DateMention | None:
    in_sentence = [(d, root) for d, root in dates if sent.start <= root.i < sent.end]
    verb = _clause_verb(trig.token)
    for mention, root in in_sentence:
        if _clause_verb(root) == verb and mention.value:
            return mention
    resolved = {d.value: d for d, _ in in_sentence if d.value}
    return next(iter(resolved.values())) if len(resolved) == 1 else None


def _event_place(trig: Trigger, sent: Span, index: _ActorIndex) -> str | None:
    def places(objs: list[Token]) -> list[str]:
        return [a for o in objs for a in index.actors(o) if index.types.get(a) in PLACE_TYPES]

    tok = trig.token
    near = places(_prep_objects(tok, _PLACE_PREPS))
    verb = _clause_verb(tok)
    if not near and verb is not tok:
        near = places(_prep_objects(verb, _PLACE_PREPS))
    if near:
        return near[0]
    # else a place the sentence gives for an action ("this happened ... in Jenin"),
    # not one that only describes a thing ("developments in the West Bank")
    anywhere = set(
        places([t for t in sent if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS and t.head.head.pos_ in ("VERB", "AUX")])
    )
    return anywhere.pop() if len(anywhere) == 1 else None


def _violence_type(trig: Trigger, sources: list[str], index: _ActorIndex) -> tuple[str, str | None]:
    """FIGHT when armed forces, states or heavy weapons do it (CAMEO 19x), else ASSAULT (CAMEO 18x)."""
    tok = trig.token
    verb = _clause_verb(tok)
    # who acts and with what: the subject of an active verb, the "by" agent of a
    # passive one, the instrument ("in a bomb attack", "with missiles"); never the victims
    doers = [] if any(c.dep_ == "nsubjpass" for c in verb.children) else _subject(verb)
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children]
    doers += [o for p in (*tok.children, *verb.children) if p.dep_ == "prep" and p.lower_ in ("in", "with", "by", "using") for o in p.children]
    doers += [c for c in tok.children if c.dep_ in ("compound", "amod", "nsubj")]
    lemmas = {t.lemma_.lower() for d in doers for t in d.subtree}
    if lemmas & EXPLOSIVE_LEMMAS:
        return "ASSAULT", "explosives"
    heavy = lemmas & {"jet", "warplane", "aircraft", "artillery", "tank", "missile", "rocket", "drone", "helicopter"}
    if lemmas & MILITARY_LEMMAS or any(index.types.get(a) == "GPE" for a in sources):
        return "FIGHT", trig.rule.mode or ("heavy-weapons" if heavy else None)
    return "ASSAULT", trig.rule.mode


def _trimmed(span: Span) -> tuple[str, int, int]:
    text = span.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return body, span.start_char + lead, span.start_char + lead + len(body)


def _dates_compatible(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    if "approximate" in (a.precision, b.precision) and len(a.value) >= 10 and len(b.value) >= 10:
        import datetime as dt

        gap = abs(dt.date.fromisoformat(a.value[:10]) - dt.date.fromisoformat(b.value[:10]))
        return gap.days <= 7
    return False


def _same_event(a: _Found, b: _Found) -> bool:
    if a.type != b.type or not _dates_compatible(a.date, b.date):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    sa, sb = a.actor_set, b.actor_set
    if not sa and not sb:  # told only by what happened where
        return a.place is not None and a.place == b.place
    if sa <= sb or sb <= sa:
        return bool(sa and sb)
    return bool(a.place and a.place == b.place and sa & sb)


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
        if same is None:
            merged.append(ev)
            continue
        same.sources.extend(a for a in ev.sources if a not in same.actor_set)
        same.targets.extend(a for a in ev.targets if a not in same.actor_set)
        same.date = _better_date(same.date, ev.date)
        same.place = same.place or ev.place
        for sent in (ev.sentence, *ev.evidence):
            if sent != same.sentence and sent not in same.evidence:
                same.evidence.append(sent)
    return merged


def _to_record(ev: _Found) -> Event:
    text, start, end = _trimmed(ev.sentence)
    actors = [EventActor(actor=a, role="source") for a in ev.sources]
    actors += [EventActor(actor=a, role="target") for a in ev.targets]
    evidence = [TextSpan(text=t, start=s, end=e) for t, s, e in map(_trimmed, ev.evidence)]
    return Event(
        type=ev.type, mode=ev.mode, actors=actors, trigger=ev.trigger, text=text, start=start, end=end,
        date=ev.date.value if ev.date else None, date_precision=ev.date.precision if ev.date else None,
        date_text=ev.date.text if ev.date else None, place=ev.place, evidence=evidence,
    )


def find_events(doc: Doc) -> list[Event]:
    """Return the PLOVER events of a parsed doc (actors and dates components must have run)."""
    index = _ActorIndex(doc)
    dates = []
    for mention in doc._.ng_dates or []:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            dates.append((mention, span.root))
    found: list[_Found] = []
    for trig in find_triggers(doc):
        sources, targets = _arguments(trig, index)
        etype, mode = trig.rule.type, trig.rule.mode
        if etype == VIOLENCE:
            etype, mode = _violence_type(trig, sources, index)
        verb = _clause_verb(trig.token)
        intended = _intended(verb)
        if trig.negated:
            if not intended:
                continue  # "did not meet": nothing happened
            etype, mode = "REJECT", None  # "will not accept", "would not meet": CAMEO codes a refusal
        elif _demanded(verb):  # "X said Y must return the helicopter": CAMEO codes X's demand
            speaker = verb.head if verb.dep_ == "ccomp" else None
            demanders = [a for s in (_subject(speaker) if speaker is not None else []) for a in index.actors(s)]
            sources, targets = demanders, [a for a in sources + targets if a not in demanders]
            etype, mode = "DEMAND", None
        elif intended:  # CAMEO: intent to cooperate is AGREE, intent to harm THREATEN
            etype = "AGREE" if etype in COOPERATIVE_TYPES else "THREATEN" if etype in MATERIAL_TYPES else etype
        sent = trig.token.sent
        place = _event_place(trig, sent, index)
        if not sources and not targets and not (place and etype in MATERIAL_TYPES) and not _has_agent(trig.token):
            continue  # nobody named does it, nowhere: a mention of a kind of event, not an event
        found.append(
            _Found(
                type=etype, mode=mode, sources=sources, targets=targets,
                trigger=" ".join(t.text for t in trig.tokens), sentence=sent,
                date=_event_date(trig, sent, dates), place=place,
            )
        )
    return [_to_record(ev) for ev in merge_events(found)]


class EventFinder:
    """The newsgraph_events component: sets ``doc._.ng_events``."""

    def __init__(self) -> None:
        load_rules()  # read and check the lexicon once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_events = find_events(doc)
        return doc


@Language.factory("newsgraph_events")
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    """Return the newsgraph_events component."""
    return EventFinder()
