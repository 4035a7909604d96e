"""Reading an event's parts from the dependency parse: actors and roles, place, kind of violence
(the date: ``newsgraph.analyze.events_dates``).

Used by ``newsgraph.analyze.events``.  Every function here looks at one trigger
and its sentence only, so the component stays linear in document length.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.analyze.events_copula import ranked_doer
from newsgraph.analyze.events_feelings import feelers, judged
from newsgraph.analyze.events_filters import said_noun, state_noun
from newsgraph.analyze.events_roles import expressed_attitude, named_by_modifier_only, town
from newsgraph.analyze.events_senses import claimed
from newsgraph.analyze.events_targets import (
    CLAUSE_TYPES, armed_actor, armed_patient, between_parties, clause_subjects, from_targets, further_targets,
    not_owner,
)
from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.plover import Trigger
from newsgraph.analyze.syntax import (
    OBJECTS, ActorIndex, agents, clause_tokens, clause_verb, doer_subjects, governing_verb, is_passive, prep_objects,
    reporting_subjects,
)

_LEX = lexicon()
#: Lemmas that mark an actor or weapon as military (CAMEO 19x "fight" vs 18x "assault").
MILITARY_LEMMAS = _LEX.words("events/weapons.csv", "military")
#: Heavy weapons: a fight with them has the mode "heavy-weapons".
HEAVY_LEMMAS = _LEX.words("events/weapons.csv", "heavy")
#: Lemmas of bombs and mines: unconventional violence (CAMEO 183) whoever uses them.
EXPLOSIVE_LEMMAS = _LEX.words("events/weapons.csv", "explosive")
#: A doer counted ("tens of thousands of students"): its kind is what it is "of".
_QUANTITIES = _LEX.words("events/measures.csv", "quantity")
#: A source some mention of which is a military word ("Security forces ... say *they* killed") fights
#: (CAMEO 19x); no sector besides: a sector's words ("commandos") alone keep the old reading.
_FORCE: frozenset[str] = frozenset()


PLACE_TYPES = ("GPE", "LOC", "FAC")
#: Places that are never a party (a GPE may be a state): sites, regions, buildings.
_PLACES = ("LOC", "FAC")
COOPERATIVE_TYPES = ("CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")
#: Material conflict: intending one of these is a threat (CAMEO 13x).
HARM_TYPES = ("PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT")
#: Events that are facts on the ground: kept with a place even when no actor is named.
MATERIAL_TYPES = ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "RETREAT", "AID")
_PLACE_PREPS = ("in", "at", "near", "outside", "inside")
_TARGET_PREPS = ("with", "against", "on", "to", "at", "upon", "between", "among", "toward", "towards", "into")


def arguments(trig: Trigger, index: ActorIndex) -> tuple[list[str], list[str]]:
    """Return (source actor ids, target actor ids) of a trigger."""
    tok = trig.token
    sources: list[str] = []
    targets: list[str] = []

    def add(into: list[str], heads: list[Token]) -> None:
        for head in heads:
            into.extend(a for a in index.actors(head) if a not in into)

    if tok.pos_ == "ADJ":  # "X is deeply disappointed by Y's decision" (events_feelings)
        targets = judged(tok, index.actors, state_noun, said_noun)
        return [a for s in feelers(tok) for a in index.actors(s) if a not in targets], targets
    if tok.pos_ == "VERB":
        passive = _passive(tok)
        subj = [] if passive else _doers(tok)
        add(sources, [s for s in subj if not _deed_done_to(s) and not named_by_modifier_only(s, index)])
        if passive and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
            add(targets, [tok.head])  # "schoolgirls *kidnapped* in Zamfara": the noun is done to
        elif passive and tok.dep_ == "advcl" and not is_passive(tok):  # "X is dead, *killed* in ...": X is
            add(targets, [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")])
        elif not subj and not passive:  # never the one a passive is done to ("*activists* were killed")
            sources.extend(index.actor_before(tok))
        elif subj and not sources and all(s.pos_ == "PRON" for s in subj):  # never the reporter of a passive
            sources.extend(_speaker(tok, index))
        elif subj and not sources:  # "*Russian and DPRK* leaders signed a treaty": the two states
            sources.extend(a for s in subj for a in _sides(s, index) if a not in sources)
        add(sources, agents(tok))
        objects = [c for c in tok.children if c.dep_ in (*OBJECTS, "nsubjpass")]
        if trig.rule.type == "CONSULT":  # "met Macron", but "discussed *China's role*": a topic, not a party
            targets.extend(a for o in objects for a in _named_directly(o, index) if a not in targets)
        else:  # "expressed *X's commitment* to Israel": whom the attitude is toward, not who holds it
            for o in objects:
                add(targets, [o] if (toward := expressed_attitude(tok, o, index)) is None else toward)
        # a noun of the trigger's own names whom only by its owner: "hacked *into the computers of X*",
        # but "returned *to Evin prison*" says where, not whom
        own = {t.i for t in trig.extra}
        for o in prep_objects(tok, _TARGET_PREPS):
            add(targets, [c for c in o.children if c.dep_ == "poss"] + prep_objects(o, ("of",)) if o.i in own else [o])
        if not targets and trig.rule.type in CLAUSE_TYPES:  # "demanded that *Ottawa* must drop its tariff"
            add(targets, clause_subjects(tok, trig.rule.type))
        for noun in trig.extra:  # "expressed gratitude for X", "held talks with X"
            add(targets, prep_objects(noun, (*_TARGET_PREPS, "for")))
        if not targets:  # "agreed to meet X", "urged X to withdraw", "threatened to attack X"
            for comp in (c for c in tok.children if c.dep_ in ("xcomp", "ccomp")):
                add(targets, [c for c in comp.children if c.dep_ in OBJECTS])
                # "threatened to cut ties *with Russia*", but not "warned it could turn *to Russia's jets*":
                # a thing the deed goes to is no party to it, nor is its owner
                targets.extend(a for o in prep_objects(comp, _TARGET_PREPS) for a in not_owner(o, index)
                               if a not in targets)
    else:
        modifiers = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        if tok.lemma_.lower() in PATIENT_NOMINALS and not prep_objects(tok, ("of",)):
            # "the journalist's *arrest*": the one arrested; but with an "of" phrase naming the
            # one done to, the possessor did it ("Boko Haram's abduction of 276 schoolgirls")
            add(targets, [m for m in modifiers if m.dep_ in ("poss", "compound")])
            modifiers = [m for m in modifiers if m.dep_ not in ("poss", "compound")]
        verb = governing_verb(tok)
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            # "Russia used *its* Security Council veto", "the agenda for *his* White House meeting": the
            # possessor is the doer; a noun modifier beside the pronoun names where or what, not who
            modifiers = [m for m in modifiers if m.dep_ != "compound"]
        add(sources, [m for m in modifiers if not (m.dep_ == "compound" and town(m, index))])
        add(sources, prep_objects(tok, ("by", "from")))
        add(targets, prep_objects(tok, (*_TARGET_PREPS, "of", "for")))
        if verb is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in _REACTION_VERBS:
            verb = None  # "the arrest *drew* condemnation": the arrest does not condemn
        if verb is not None and verb.lemma_.lower() in _TELLING_VERBS and not any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children
        ):  # "Trump later *confirmed* X's killing"; but "Trump and Ryan ... *describing their* meeting": theirs
            verb = None
        if _named_by_origin(tok):
            verb = None  # "a *Turkish* offensive": the noun names its doer's side; the verb's subject is someone else
            if not sources:
                sources.extend(_state_of(tok))
        if verb is not None and verb.lemma_.lower() in _VICTIM_VERBS and not _passive(verb):
            # "31 people *lost their lives* in the hijacking (by militants)": the subject suffered
            # the deed; a "by" phrase on the verb names who did it
            add(sources, prep_objects(verb, ("by",)))
            verb = None
        if tok.dep_ == "pobj" and tok.head.lower_ in _TIME_PREPS and not prep_objects(tok, ("with",)):
            # "told reporters *after the attack*": who speaks after it did not do it (but "X, after
            # a meeting with Y, told ...": X met Y)
            verb = None
        if not sources and verb is not None and _passive(verb):
            add(sources, agents(verb))  # "were killed *in the attack* (by X)": the victims never did it
            if trig.rule.type in HARM_TYPES or "/" in trig.rule.type:
                add(targets, [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")] or _noun_done_to(verb))
        elif not sources and verb is not None:
            subj = _doers(verb)
            add(sources, [s for s in subj if not _deed_done_to(s) and not named_by_modifier_only(s, index)])
            if not subj:
                sources.extend(index.actor_before(verb))
        if verb is not None:  # "said in a meeting with the head of X('s bureau) with Y"
            add(targets, [t for t in clause_tokens(verb) if t.dep_ == "pobj" and t.head.lower_ == "with"])
            if not targets and tok.dep_ == "dobj":  # "gave Tanzania a grant", "provided aid to refugees"
                add(targets, [c for c in verb.children if c.dep_ in OBJECTS and c.i != tok.i])
                add(targets, prep_objects(verb, ("to", "for", "against", "on", "toward", "towards")))
    parties = between_parties(tok, index)
    if parties:  # "the clash between X and Y": theirs, whoever's verb the noun hangs on
        sources, targets = parties, []
    add(targets, from_targets(tok, trig.rule.type))  # "withdrew troops from Lebanon"
    if not targets:  # "demanded that Hamas ...", "condemned the attack by X", "threatened to cut ties with X"
        add(targets, further_targets(tok, trig.rule.type))
    orderers = [a for o in _orderers(tok) for a in index.actors(o)]
    if orderers:  # "returned to prison *on the orders of Judge X*": the judge did it, and is no target
        if trig.rule.type == "COERCE" and tok.pos_ == "VERB" and not any(c.dep_ in OBJECTS for c in tok.children):
            targets = [*dict.fromkeys(sources + targets)]  # the one sent to prison on someone's orders
            sources = []
        sources = [*dict.fromkeys(orderers + sources)]
        targets = [a for a in targets if a not in orderers]
    sources = [a for a in sources if index.types.get(a) not in _PLACES]  # a hotel, a region never acts
    if trig.rule.type not in (*HARM_TYPES, "VIOLENCE") and "/" not in trig.rule.type:
        targets = [a for a in targets if index.types.get(a) not in _PLACES]  # "met at the hotel": where, not whom
    targets = [a for a in targets if a not in sources]
    return sources, targets


#: Prepositions that place a verb's deed in time against another: its subject is no party to that one.
_TIME_PREPS = frozenset({"after", "before", "since", "following", "until", "till", "ahead"})

#: Verbs whose subject causes or undergoes what their object names, not its doer: "the arrest *drew*
#: condemnation", "the plan *faced* protests", "the move *sparked* clashes".
_REACTION_VERBS = frozenset(
    "draw spark trigger prompt provoke face receive attract earn cause meet invite elicit fuel ignite".split()
)

#: Verbs whose subject tells of or learns of a deed its object names, not its doer (reporters are never
#: sources): "Trump later *confirmed* al-Rufay'i's killing", "officials *reported* the deaths".
_TELLING_VERBS = frozenset("confirm report describe recount reveal detail document deny mourn".split())

#: Verbs whose subject undergoes or lives through the deed a noun in the clause names: "died in the
#: attack", "lost their lives in the hijacking", "suffered injuries in the blast".
_VICTIM_VERBS = frozenset("die lose suffer sustain perish survive escape flee succumb".split())

#: Nouns of a deed whose possessor or noun modifier is the one it is done to, not the doer:
#: "the journalist's arrest", "Morsi's ouster", "the Khashoggi killing" (but "Israel's strike").
PATIENT_NOMINALS = frozenset(
    "arrest detention release killing murder assassination abduction kidnapping death execution "
    "imprisonment jailing expulsion deportation extradition ouster overthrow removal capture rescue "
    "trial conviction sentencing torture beating injury impeachment dismissal sacking firing "
    "freeing evacuation internment prosecution indictment".split()
)


#: Nouns of a bidding whose owner caused the deed: "on the *orders* of X", "at the *request* of X", "at X's *behest*".
_BIDDINGS = frozenset("order orders request behest direction directions instruction instructions command urging".split())


def _orderers(tok: Token) -> list[Token]:
    """Who bid the deed be done: the "of" object or possessor of "on/at/upon/under the orders of X" on the
    trigger or its clause's verb."""
    heads = [tok] + ([clause_verb(tok)] if clause_verb(tok) is not tok else [])
    biddings = [
        o for h in heads for o in prep_objects(h, ("on", "at", "upon", "under", "by")) if o.lemma_.lower() in _BIDDINGS
    ]
    return [*(o for b in biddings for o in prep_objects(b, ("of",))), *(c for b in biddings for c in b.children if c.dep_ == "poss")]


def _named_directly(noun: Token, index: ActorIndex) -> list[str]:
    """The actors a noun and its conjuncts name themselves ("met *Macron*", "visited *the White House*"),
    not through a possessor or an "of" phrase ("discussed China's role")."""
    found = [index.by_token.get(t.i) for t in (noun, *noun.conjuncts)]
    return [a for a in dict.fromkeys(found) if a]


def _doers(verb: Token) -> list[Token]:
    """The subject that does a verb's deed: of the passive clause an "-ing" adjunct hangs on, else
    ``events_copula.ranked_doer`` ("X was the first to reject"), else ``syntax.doer_subjects``."""
    return _passive_controller(verb) or ranked_doer(verb) or doer_subjects(verb)


def _deed_done_to(subj: Token) -> bool:
    """True for a subject that names a deed done to its possessor ("*Zamora's detention* is arbitrary
    and called for ..." misread): a detention calls for nothing, nor does the one detained."""
    return subj.lemma_.lower() in PATIENT_NOMINALS and any(c.dep_ == "poss" for c in subj.children)


def _passive_controller(verb: Token) -> list[Token]:
    """The subject of the passive clause an adverbial "-ing" hangs on: who was released is who
    apologized in "X was released *after apologizing* to Y", not the one reporting the release."""
    if verb.tag_ != "VBG":
        return []
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in _TIME_PREPS | {"by", "while", "upon"}:
        head = head.head
    elif verb.dep_ != "advcl":
        return []
    if head.i == verb.i or not any(c.dep_ == "auxpass" for c in head.children):
        return []
    return [c for c in head.children if c.dep_ == "nsubjpass"][:1]


def _noun_done_to(verb: Token) -> list[Token]:
    """The noun a passive participle modifies ("those *killed*", "civilians *wounded*"), else none."""
    return [verb.head] if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN", "PRON") else []


def _passive(verb: Token) -> bool:
    """True for a passive verb ("were killed", "girls *kidnapped* last week"): its subject is done to;
    ``syntax.is_passive`` and a past participle modifying a noun."""
    if is_passive(verb) or any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return False
    # "(leaders) *kidnapped* last week"; "X is dead, *killed* in an airstrike": a participle adjunct
    return verb.dep_ in ("acl", "amod") or verb.dep_ == "advcl" and verb.i > verb.head.i


def has_agent(tok: Token) -> bool:
    """True for a verb whose doer is a political agent named by kind ("officials agreed",
    "were arrested by police"), or a noun that is the object of such a verb ("students staged
    demonstrations"); the kinds are PLOVER's sectors (data/<lang>/actors/agents.csv)."""
    if tok.pos_ != "VERB":
        if _named_by_origin(tok):  # "Palestinian riots", "Kurdish protests"
            return True
        if tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
            return False
        tok = tok.head
    heads = [] if is_passive(tok) else doer_subjects(tok)
    heads += [o for a in tok.children if a.dep_ == "agent" for o in a.children]  # (any child of "by")
    kinds = _LEX.agent_sectors()
    for head in heads:
        if head.pos_ == "PRON":  # "leaders said *they* would boycott": the speaker
            head = next(reporting_subjects(tok), head)
        if head.like_num or head.lemma_.lower() in _QUANTITIES:  # "tens of thousands of students"
            head = next((o for p in head.children if p.lower_ == "of" for o in p.children), head)
        if head.lemma_.lower() in kinds or head.lower_ in kinds:
            return True
        if head.tag_ in ("NNS", "NNPS") and _named_by_origin(head, proper=True):  # "Ibo elders", "Islamic fundamentalists"
            return True
    return False


def _sides(noun: Token, index: ActorIndex) -> list[str]:
    """The two or more states or actors conjoined modifiers of a noun name ("*Russian and DPRK* leaders",
    "*Israeli and Palestinian* negotiators"), else none: one nation adjective alone ("Russian officials")
    names a group of its own."""
    mods = [m for m in noun.children if m.dep_ in ("amod", "compound", "nmod") and m.i < noun.i]
    mods = [*mods, *(c for m in mods for c in m.conjuncts if c.i < noun.i)]
    states = {a.country: a.id for a in noun.doc._.ng_actors or [] if a.type == "GPE" and a.country}
    found = []
    for m in mods:
        code = _LEX.demonyms().get(m.lower_)
        actor = index.by_token.get(m.i) or (states.get(code) if code else None)
        if actor and actor not in found:
            found.append(actor)
    return found if len(found) > 1 and any(m.conjuncts for m in mods) else []


def _state_of(noun: Token) -> list[str]:
    """The one country actor of the article a nation adjective on ``noun`` names ("a *Turkish* offensive"
    -> Turkey, when the article names Turkey), else none."""
    codes = {_LEX.demonyms().get(m.lower_) for m in noun.children if m.dep_ in ("amod", "compound") and m.i < noun.i}
    codes.discard(None)
    states = [a.id for a in noun.doc._.ng_actors or [] if a.type == "GPE" and a.country in codes]
    return states if len(states) == 1 else []


def _named_by_origin(noun: Token, proper: bool = False) -> bool:
    """True for a noun whose modifier names a people, faith or nation ("*Palestinian* riots",
    "*Sunni* militants"; with ``proper``, any proper-noun modifier: "*Ibo* elders")."""
    for mod in noun.children:
        if mod.i > noun.i or mod.dep_ not in ("amod", "compound", "nmod"):
            continue
        if mod.ent_type_ == "NORP" or mod.lower_ in _LEX.demonyms() or (proper and mod.pos_ == "PROPN"):
            return True
    return False


def _speaker(verb: Token, index: ActorIndex) -> list[str]:
    """For an unresolved pronoun subject in reported speech, the speaker: "Hungary said *it* will support"."""
    for subj in reporting_subjects(verb):
        found = index.actors(subj)
        if found:
            return found
    return []


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
    objects = [o for h in heads for o in (*h.children, *prep_objects(h, _TARGET_PREPS)) if o.dep_ in (*OBJECTS, "pobj")]
    heads += [
        o for o in objects
        if (material and o.dep_ in OBJECTS)
        or (o.i in index.by_token and index.types.get(index.by_token[o.i]) not in PLACE_TYPES)
    ]
    if material:  # "Police in Tehran detained ...": where the doers are is where the deed was; a speaker's
        heads += doer_subjects(verb)  # home ("the Administration in north Syria called it ...") is not where a word was said
    for head in heads:
        near = places(prep_objects(head, _PLACE_PREPS))
        if near:
            return near[0]
    # else a place the sentence gives for an action ("this happened ... in Jenin"),
    # not one that only describes a thing ("developments in the West Bank")
    anywhere = set(
        places([
            t for t in sent if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS and t.head.head.pos_ in ("VERB", "AUX")
            and t.head.head.dep_ not in ("acl", "amod")  # "shells *made in* North Korea" describes the shells
        ])
    )
    return anywhere.pop() if len(anywhere) == 1 else None


def violence_type(
    trig: Trigger, sources: list[str], index: ActorIndex, choice: list[str] | None = None
) -> tuple[str, str | None]:
    """FIGHT when armed forces, states or heavy weapons do it, or it is done to armed people (CAMEO 19x:
    fighting between armed parties), else ASSAULT (CAMEO 18x: violence against civilians); returns (type, mode).

    ``choice`` names the two types to choose from (default FIGHT, ASSAULT); bombs
    and mines are ASSAULT whoever uses them.
    """
    armed, other = choice or ("FIGHT", "ASSAULT")
    tok = trig.token
    verb = clause_verb(tok)
    # who acts and with what: the subject of an active verb, the "by" agent of a
    # passive one, the instrument ("in a bomb attack", "with missiles"); never the victims
    doers = [] if is_passive(verb) else doer_subjects(verb)
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children]
    doers += [o for p in (*tok.children, *verb.children) if p.dep_ == "prep" and p.lower_ in ("in", "with", "by", "using") for o in p.children]
    doers += [c for c in tok.children if c.dep_ in ("compound", "amod", "nsubj")]
    lemmas = {t.lemma_.lower() for d in doers for t in d.subtree}
    if lemmas & EXPLOSIVE_LEMMAS and "ASSAULT" in (armed, other):
        return "ASSAULT", "explosives"
    if claimed(tok) and "ASSAULT" in (armed, other):  # "claimed responsibility for the attack"
        return "ASSAULT", trig.rule.mode
    heavy = lemmas & HEAVY_LEMMAS
    if lemmas & MILITARY_LEMMAS or any(index.types.get(a) == "GPE" or armed_actor(a, index, _FORCE) for a in sources) or (
        armed_patient(tok, verb, index)  # fought between armed parties: "BLA insurgents ambushed a bus transporting a paramilitary force"
    ):
        return armed, trig.rule.mode or ("heavy-weapons" if heavy and armed == "FIGHT" else None)
    return other, trig.rule.mode or ("arrest" if other == "COERCE" else None)
