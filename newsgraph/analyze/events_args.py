"""Reading an event's parts from the dependency parse: actors and roles, date, place, kind of violence.

Used by ``newsgraph.analyze.events``.  Every function here looks at one trigger
and its sentence only, so the component stays linear in document length.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.doc import actors_of
from newsgraph.analyze.kb import demonym_words
from newsgraph.analyze.events_targets import OBJECT_DEPS, from_targets, further_targets
from newsgraph.analyze.plover import EXPLOSIVE_LEMMAS, MILITARY_LEMMAS, Trigger, load_agents, prep_objects
from newsgraph.model import DateMention


PLACE_TYPES = ("GPE", "LOC", "FAC")
COOPERATIVE_TYPES = ("CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")
#: Material conflict: intending one of these is a threat (CAMEO 13x).
HARM_TYPES = ("PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT")
#: Events that are facts on the ground: kept with a place even when no actor is named.
MATERIAL_TYPES = ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "RETREAT", "AID")
_PLACE_PREPS = ("in", "at", "near", "outside", "inside")
_TARGET_PREPS = ("with", "against", "on", "to", "at", "upon", "between", "among", "toward", "towards", "into")
_SUBJECTS = ("nsubj", "csubj")
#: "left *after* meeting X", "protested *by* blocking roads": the deed was done by the verb's
#: subject; not "refrained *from*", "balked *at*", "instead *of*", "accused *of*"
_DONE_PREPS = ("by", "after", "before", "in", "while", "through", "upon", "on")


class ActorIndex:
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


def subject(verb: Token) -> list[Token]:
    """Return the subject tokens of ``verb``, inherited up xcomp/conj/advcl chains when it has none."""
    node = verb
    for _ in range(6):
        subj = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subj:  # two subjects is a misparse ("Agency – On Monday, the minister said"): take the nearer
            return [min(subj, key=lambda c: abs(verb.i - c.i))]
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl") and node.head.i != node.i:
            came_by, node = node, node.head
            if came_by.dep_ == "acl" and node.dep_ == "dobj" and node.head.pos_ in ("VERB", "AUX"):
                node = node.head  # "X issued a declaration *demanding* ...": X demands
            elif came_by.dep_ == "acl" and node.pos_ in ("NOUN", "PROPN") and _active(came_by):
                return [node]  # "youths *throwing* stones", or a finite verb misparsed as acl: the noun does it
            elif came_by.dep_ == "pcomp" and node.lower_ in _DONE_PREPS and node.head.pos_ in ("VERB", "AUX"):
                node = node.head  # "resorted to *throwing* stones": the verb's subject throws
            continue
        break
    return []


def _active(verb: Token) -> bool:
    """True for an active participle or a finite verb ("men *carrying* guns"), not a passive one ("weapons *seized*")."""
    return verb.tag_ in ("VBG", "VBD", "VBZ", "VBP")


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


def arguments(trig: Trigger, index: ActorIndex) -> tuple[list[str], list[str]]:
    """Return (source actor ids, target actor ids) of a trigger."""
    tok = trig.token
    sources: list[str] = []
    targets: list[str] = []

    def add(into: list[str], heads: list[Token]) -> None:
        for head in heads:
            into.extend(a for a in index.actors(head) if a not in into)

    if tok.pos_ == "VERB":
        passive = _passive(tok)
        subj = [] if passive else subject(tok)
        add(sources, subj)
        if passive and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
            add(targets, [tok.head])  # "schoolgirls *kidnapped* in Zamfara": the noun is done to
        elif not subj and not passive:  # never the one a passive is done to ("*activists* were killed")
            sources.extend(_left_actor(tok, index))
        elif subj and not sources and all(s.pos_ == "PRON" for s in subj):  # never the reporter of a passive
            sources.extend(_speaker(tok, index))
        agents = [obj for a in tok.children if a.dep_ == "agent" for obj in a.children if obj.dep_ == "pobj"]
        add(sources, agents)
        add(targets, [c for c in tok.children if c.dep_ in (*OBJECT_DEPS, "nsubjpass")])
        add(targets, prep_objects(tok, _TARGET_PREPS))
        for noun in trig.extra:  # "expressed gratitude for X", "held talks with X"
            add(targets, prep_objects(noun, (*_TARGET_PREPS, "for")))
        if not targets:  # "agreed to meet X", "urged X to withdraw", "threatened to attack X"
            for comp in (c for c in tok.children if c.dep_ in ("xcomp", "ccomp")):
                add(targets, [c for c in comp.children if c.dep_ in OBJECT_DEPS])
                add(targets, prep_objects(comp, _TARGET_PREPS))
    else:
        modifiers = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        if tok.lemma_.lower() in PATIENT_NOMINALS:  # "the journalist's *arrest*": the one arrested
            add(targets, [m for m in modifiers if m.dep_ in ("poss", "compound")])
            modifiers = [m for m in modifiers if m.dep_ not in ("poss", "compound")]
        add(sources, modifiers)
        add(sources, prep_objects(tok, ("by", "from")))
        add(targets, prep_objects(tok, (*_TARGET_PREPS, "of", "for")))
        verb = _governing_verb(tok)
        if verb is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in _REACTION_VERBS:
            verb = None  # "the arrest *drew* condemnation": the arrest does not condemn
        if not sources and verb is not None:
            subj = subject(verb)
            add(sources, subj)
            if not subj:
                sources.extend(_left_actor(verb, index))
        if verb is not None:  # "said in a meeting with the head of X('s bureau) with Y"
            add(targets, [t for t in _clause_tokens(verb) if t.dep_ == "pobj" and t.head.lower_ == "with"])
            if not targets and tok.dep_ == "dobj":  # "gave Tanzania a grant", "provided aid to refugees"
                add(targets, [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i != tok.i])
                add(targets, prep_objects(verb, ("to", "for", "against", "on", "toward", "towards")))
    add(targets, from_targets(tok, trig.rule.type))  # "withdrew troops from Lebanon"
    if not targets:  # "demanded that Hamas ...", "condemned the attack by X", "threatened to cut ties with X"
        add(targets, further_targets(tok, trig.rule.type))
    targets = [a for a in targets if a not in sources]
    return sources, targets


#: Verbs whose subject causes or undergoes what their object names, not its doer: "the arrest *drew*
#: condemnation", "the plan *faced* protests", "the move *sparked* clashes".
_REACTION_VERBS = frozenset(
    "draw spark trigger prompt provoke face receive attract earn cause meet invite elicit fuel ignite".split()
)

#: Nouns of a deed whose possessor or noun modifier is the one it is done to, not the doer:
#: "the journalist's arrest", "Morsi's ouster", "the Khashoggi killing" (but "Israel's strike").
PATIENT_NOMINALS = frozenset(
    "arrest detention release killing murder assassination abduction kidnapping death execution "
    "imprisonment jailing expulsion deportation extradition ouster overthrow removal capture rescue "
    "trial conviction sentencing torture beating injury impeachment dismissal sacking firing "
    "freeing evacuation internment prosecution indictment".split()
)


def _passive(verb: Token) -> bool:
    """True for a passive verb ("were killed", "girls *kidnapped* last week"): its subject is done to."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" for c in verb.children)


def _speaker(verb: Token, index: ActorIndex) -> list[str]:
    """For an unresolved pronoun subject in reported speech, the speaker: "Hungary said *it* will support"."""
    node = verb
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            return []
        node = node.head
        found = [a for s in subject(node) if s.pos_ != "PRON" for a in index.actors(s)]
        if found:
            return found
    return []


def _left_actor(verb: Token, index: ActorIndex) -> list[str]:
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


def has_agent(tok: Token) -> bool:
    """True for a verb whose doer is a political agent named by kind ("officials agreed",
    "were arrested by police"), or a noun that is the object of such a verb ("students staged
    demonstrations"); the kinds are PLOVER's sectors (data/plover/agents.csv)."""
    if tok.pos_ != "VERB":
        if _named_by_origin(tok):  # "Palestinian riots", "Kurdish protests"
            return True
        if tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
            return False
        tok = tok.head
    heads = [] if any(c.dep_ == "nsubjpass" for c in tok.children) else subject(tok)
    heads += [o for a in tok.children if a.dep_ == "agent" for o in a.children]
    agents = load_agents()
    for head in heads:
        if head.pos_ == "PRON":  # "leaders said *they* would boycott": the speaker
            speaker = _speaker_subject(tok)
            head = speaker if speaker is not None else head
        if head.like_num or head.lemma_.lower() in _QUANTITIES:  # "tens of thousands of students"
            head = next((o for p in head.children if p.lower_ == "of" for o in p.children), head)
        if head.lemma_.lower() in agents or head.lower_ in agents:
            return True
        if head.tag_ in ("NNS", "NNPS") and _named_by_origin(head, proper=True):  # "Ibo elders", "Islamic fundamentalists"
            return True
    return False


def _named_by_origin(noun: Token, proper: bool = False) -> bool:
    """True for a noun whose modifier names a people, faith or nation ("*Palestinian* riots",
    "*Sunni* militants"; with ``proper``, any proper-noun modifier: "*Ibo* elders")."""
    for mod in noun.children:
        if mod.i > noun.i or mod.dep_ not in ("amod", "compound", "nmod"):
            continue
        if mod.ent_type_ == "NORP" or mod.lower_ in demonym_words() or (proper and mod.pos_ == "PROPN"):
            return True
    return False


_QUANTITIES = frozenset({"ten", "hundred", "thousand", "million", "dozen", "score", "number", "group", "some", "many"})


def _speaker_subject(verb: Token) -> Token | None:
    """The subject of the verb of saying whose complement holds ``verb``, if any."""
    node = verb
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
        found = [s for s in subject(node) if s.pos_ != "PRON"]
        if found:
            return found[0]
    return None


def clause_verb(tok: Token) -> Token:
    """Return the verb whose clause holds ``tok`` (the token itself for a verb; the root at worst)."""
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def event_date(trig: Trigger, in_sentence: list[tuple[DateMention, Token]]) -> DateMention | None:
    """Return the date mention of the trigger's clause, else of the clause it continues, else None.

    ``in_sentence`` holds the (mention, root token) pairs of the trigger's sentence.
    """
    verb = clause_verb(trig.token)
    for mention, root in in_sentence:
        if clause_verb(root) == verb and mention.value:
            return mention
    # else a date of the clause this one continues ("agreed *on Tuesday* to meet", "met X *on Monday*
    # and signed ..."); never a date of another clause ("said Monday that ...", "the 2014 abduction
    # ... triggered calls"): no date is better than a wrong one
    above = _governing_clauses(verb)
    for mention, root in in_sentence:
        if mention.value and _dates_a_clause(root) and clause_verb(root) in above:
            return mention
    for mention, root in in_sentence:  # "..., but this happened a few days ago": the sentence's deed
        if mention.value and _happened(clause_verb(root)):
            return mention
    return None


def _happened(verb: Token) -> bool:
    """True for "this/that/it happened (took place, occurred)": a clause that only dates what was told."""
    if verb.lemma_.lower() not in ("happen", "occur", "take") or (
        verb.lemma_.lower() == "take" and not any(c.lower_ == "place" for c in verb.children)
    ):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it", "which") for c in verb.children)


def _governing_clauses(verb: Token) -> list[Token]:
    """The clauses ``verb``'s clause hangs in, nearest first ("said *Monday* that X had met Y")."""
    found, node = [], verb
    for _ in range(4):
        if node.head.i == node.i or node.dep_ in ("relcl", "acl", "advcl", "parataxis"):
            break
        node = clause_verb(node.head)
        found.append(node)
    return found


def _dates_a_clause(root: Token) -> bool:
    """True for a date that modifies a verb ("met *on Monday*"), not a noun ("the *2014* abduction")."""
    head = root.head.head if root.dep_ == "pobj" else root.head
    return head.pos_ in ("VERB", "AUX") and root.dep_ not in ("compound", "nummod", "amod", "poss")


def event_place(trig: Trigger, sent: Span, index: ActorIndex, material: bool = False) -> str | None:
    """Return the id of the place actor the text gives for the event ("in Beijing"), or None.

    For material events (``material``) a place given for the victims or the thing
    acted on counts too: "killed five people in Baghdad".
    """
    def places(objs: list[Token]) -> list[str]:
        return [a for o in objs for a in index.actors(o) if index.types.get(a) in PLACE_TYPES]

    tok = trig.token
    verb = clause_verb(tok)
    heads = [tok, *trig.extra] + ([verb] if verb is not tok else [])
    # "talks with Macron in Beijing": a place attached to a named participant counts;
    # one attached to a thing ("developments in the West Bank") does not
    objects = [o for h in heads for o in (*h.children, *prep_objects(h, _TARGET_PREPS)) if o.dep_ in (*OBJECT_DEPS, "pobj")]
    heads += [
        o for o in objects
        if (material and o.dep_ in OBJECT_DEPS)
        or (o.i in index.by_token and index.types.get(index.by_token[o.i]) not in PLACE_TYPES)
    ]
    heads += subject(verb)  # "Police in Tehran detained ..."
    for head in heads:
        near = places(prep_objects(head, _PLACE_PREPS))
        if near:
            return near[0]
    # else a place the sentence gives for an action ("this happened ... in Jenin"),
    # not one that only describes a thing ("developments in the West Bank")
    anywhere = set(
        places([t for t in sent if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS and t.head.head.pos_ in ("VERB", "AUX")])
    )
    return anywhere.pop() if len(anywhere) == 1 else None


def violence_type(
    trig: Trigger, sources: list[str], index: ActorIndex, choice: list[str] | None = None
) -> tuple[str, str | None]:
    """FIGHT when armed forces, states or heavy weapons do it (CAMEO 19x), else ASSAULT (CAMEO 18x).

    ``choice`` names the two types to choose from (default FIGHT, ASSAULT); bombs
    and mines are ASSAULT whoever uses them.
    """
    armed, other = choice or ("FIGHT", "ASSAULT")
    tok = trig.token
    verb = clause_verb(tok)
    # who acts and with what: the subject of an active verb, the "by" agent of a
    # passive one, the instrument ("in a bomb attack", "with missiles"); never the victims
    doers = [] if any(c.dep_ == "nsubjpass" for c in verb.children) else subject(verb)
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children]
    doers += [o for p in (*tok.children, *verb.children) if p.dep_ == "prep" and p.lower_ in ("in", "with", "by", "using") for o in p.children]
    doers += [c for c in tok.children if c.dep_ in ("compound", "amod", "nsubj")]
    lemmas = {t.lemma_.lower() for d in doers for t in d.subtree}
    if lemmas & EXPLOSIVE_LEMMAS and "ASSAULT" in (armed, other):
        return "ASSAULT", "explosives"
    heavy = lemmas & {"jet", "warplane", "aircraft", "artillery", "tank", "missile", "rocket", "drone", "helicopter"}
    if lemmas & MILITARY_LEMMAS or any(index.types.get(a) == "GPE" for a in sources):
        return armed, trig.rule.mode or ("heavy-weapons" if heavy and armed == "FIGHT" else None)
    return other, trig.rule.mode or ("arrest" if other == "COERCE" else None)
