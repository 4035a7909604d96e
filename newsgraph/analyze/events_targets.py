"""Who an event is aimed at when the verb's own object names nobody.

CAMEO/PLOVER coders read the target further into the sentence than the direct
object: the one told what to do ("demanded *that Hamas* renounce ..."), the one
a withdrawal or a demand is *from* ("withdrew troops from Lebanon", "demanded
autonomy from Serbian authorities"), whoever did what is condemned or rejected
("condemned the killing *by* the militia", "rejected calls *by* Belarus"), and
the one a threatened deed is aimed at ("threatened to break relations *with*
Russia").  Used by ``events_args.arguments`` after the direct reading; ``not_owner`` keeps a
thing's owner out of the targets, and ``between_parties`` names both sides of "between X and Y".
``armed_patient`` says when a deed of force is aimed at armed people (CAMEO 19x: fought, not
assaulted), ``armed_force`` when an actor is a state's armed force.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.syntax import OBJECTS, ActorIndex, for_to_clauses, prep_objects

#: Types whose "from" phrase is the target, not the source: one withdraws, demands,
#: and turns down offers *from* someone.
FROM_TYPES = frozenset({"DEMAND", "REJECT", "RETREAT", "SANCTION"})
#: Types aimed at the doer of what they react to: "condemned the attack *by* X".
BY_TYPES = frozenset({"DISAPPROVE", "REJECT", "INVESTIGATE"})
#: Types where the subject of a "that" clause is the target: the one told what to do
#: ("demanded that X withdraw"), the one accused ("accusations that X lied").
CLAUSE_TYPES = frozenset({"DEMAND", "DISAPPROVE"})
#: Prepositions that aim a verb's object at someone ("cut ties *with* X"); the verb's own target
#: prepositions less "between"/"among", which on an object name both sides ("relations between X and Y").
_AT = ("with", "against", "on", "to", "at", "upon", "toward", "towards", "into")
#: PLOVER sectors of armed people: military, police, rebels, unidentified armed forces (agents.csv).
_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF"})
#: Lemmas that mark an actor or weapon as military ("troops", "army", "a military convoy").
_MILITARY = lexicon().words("events/weapons.csv", "military")
#: Words of a title ("*deputy* chief", "*chief* of staff"): a rank, not a kind of armed people.
_TITLE_WORDS = lexicon().words("actors/title_words.csv", "title_word")


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, and those of the verbs it governs ("threatened to break *relations*")."""
    found = [c for c in verb.children if c.dep_ in OBJECTS]
    for comp in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp")):
        found += [c for c in comp.children if c.dep_ in OBJECTS]
    return found


def _told(clause: Token) -> bool:
    """True for a clause that says what someone is to do: "(that) Hamas *renounce*", "Iraq *must* cooperate"."""
    auxes = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("must", "should", "shall") for a in auxes):
        return True
    # the subjunctive, "that X withdraw", "that X be taken away": the small model tags a bare
    # "withdraw" VB or VBP, while "is", "was", "withdrew" (VBZ, VBD) assert rather than demand
    return clause.tag_ in ("VB", "VBP") and not auxes or auxes == ["be"]


def clause_subjects(head: Token, etype: str) -> list[Token]:
    """Subjects of the clauses hanging on ``head``: for a demand, only the active subject of one saying
    what is to be done ("demanded that *Hamas* renounce", "its demand that *Israel* ease"; not "insisted
    that X was wrong", nor "demanded that X be released")."""
    # a demanded deed in the passive names what is to be done to its subject, not who is to do it:
    # "demanded that the prisoners be freed" is not aimed at the prisoners
    subjects = ("nsubj",) if etype == "DEMAND" else ("nsubj", "nsubjpass")
    found = [
        s for c in head.children if c.dep_ in ("ccomp", "acl") and (etype != "DEMAND" or _told(c))
        for s in c.children if s.dep_ in subjects
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or head.pos_ == "VERB"
    ]
    if etype == "DEMAND":  # the for-to clause: "called for *the Taliban* to lift the travel ban"
        found += [s for c in dict.fromkeys(c for c, _ in for_to_clauses(head)) for s in c.children if s.dep_ == "nsubj"]
    return found


def from_targets(trig_token: Token, etype: str) -> list[Token]:
    """The "from" phrases that name a target for ``etype`` (on the trigger and on its objects)."""
    if etype not in FROM_TYPES:
        return []
    heads = [trig_token, *(_objects(trig_token) if trig_token.pos_ == "VERB" else ())]
    return [o for h in heads for o in prep_objects(h, ("from",))]


def further_targets(trig_token: Token, etype: str) -> list[Token]:
    """Phrases that name the target when the direct reading found none, best first."""
    found: list[Token] = []
    if etype in CLAUSE_TYPES:
        found += clause_subjects(trig_token, etype)
    objects = _objects(trig_token) if trig_token.pos_ == "VERB" else prep_objects(trig_token, ("into", "of", "on"))
    if etype in BY_TYPES:
        found += [o for n in objects for o in prep_objects(n, ("by",))]
    found += [o for n in objects for o in prep_objects(n, _AT)]
    return found


def not_owner(noun: Token, index: ActorIndex) -> list[str]:
    """The actors a phrase names other than through a possessor: "to *UN* peacekeepers", "to the
    republic of *Nakhichevan*", but not "to *Russia's* jets" (a thing, and its owner is no party)."""
    owned = {t.i for p in noun.children if p.dep_ == "poss" for t in p.subtree}
    return [a for a in index.actors(noun) if any(i not in owned for i, b in index.by_token.items() if b == a
                                                 and noun.left_edge.i <= i <= noun.right_edge.i)]


def between_parties(tok: Token, index: ActorIndex) -> list[str]:
    """The two or more actors of a "between X and Y" on a trigger with no subject of its own ("the
    Oval Office *clash between* Trump and Zelenskyy", "talks between Hamas and Fatah"), else none."""
    node = tok
    for _ in range(4):  # "the U.N. mediated between X and Y", "the US must be ready to mediate between X and
        # Y", "Egypt's mediation between ...": a third party's deed
        if any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in node.children):
            return []
        if node.dep_ not in ("xcomp", "conj", "advcl", "acomp") or node.head.i == node.i:
            break
        node = node.head
    found = [a for o in prep_objects(tok, ("between",)) for a in index.actors(o)]
    found = [*dict.fromkeys(found)]
    return found if len(found) > 1 else []


def _armed_words(noun: Token, sectors: frozenset[str] = _ARMED_SECTORS) -> bool:
    """True for a noun naming armed people or their gear, by itself or its modifiers: "militants",
    "gunmen", "a *paramilitary* force", "a *military* vehicle", "*police* officers"."""
    kinds = lexicon().agent_sectors()
    words = [noun, *(m for m in noun.children if m.dep_ in ("amod", "compound") and m.lower_ not in _TITLE_WORDS)]
    return any(w.lemma_.lower() in _MILITARY or kinds.get(w.lemma_.lower()) in sectors for w in words)


def _described(noun: Token) -> list[Token]:
    """The phrases that say who a patient is: the noun, what a count is of ("18 *of those* on board",
    "one of the *militants*"), and what a vehicle carries ("a bus transporting *a paramilitary force*")."""
    found = [noun]
    if noun.like_num or noun.pos_ in ("NUM", "PRON"):
        found += prep_objects(noun, ("of",))
    found += [o for a in noun.children if a.dep_ == "acl" for o in a.children if o.dep_ == "dobj"]
    return found


def armed_patient(tok: Token, verb: Token, index: ActorIndex) -> bool:
    """True when a deed of force is done to armed people: its object or passive subject names them
    ("ambushed a bus transporting a paramilitary force", "killed all six attackers", "16 terrorists had been
    killed"), or is a group the article calls armed elsewhere ("killed al-Shabab", told of "al-Shabab
    militants").  Fighting between armed parties is CAMEO 19x, FIGHT; violence against civilians 18x."""
    patients = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if tok.pos_ == "NOUN":  # "an attack *on* a military convoy"
        patients += prep_objects(tok, ("on", "against"))
    if any(_armed_words(d) for p in patients for d in _described(p)):
        return True
    named = [a for p in patients if p.pos_ == "PROPN" for a in index.actors(p)]
    return any(index.types.get(a) != "GPE" and armed_actor(a, index) for a in named)


def _mention_heads(actor_id: str, index: ActorIndex) -> list[Token]:
    """The nouns an actor's mentions stand as or are named by: the mention's root, the noun it
    modifies ("*al-Shabab* militants", "*Hamas's* fighters") and its apposition ("the militant group al-Shabab")."""
    doc = index.doc
    heads: list[Token] = []
    for actor in doc._.ng_actors or []:
        if actor.id != actor_id:
            continue
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            heads.append(root)
            if root.dep_ in ("compound", "poss", "appos", "nmod"):
                heads.append(root.head)
            heads += [c for c in root.children if c.dep_ == "appos"]
    return heads


def armed_actor(actor_id: str, index: ActorIndex, sectors: frozenset[str] = _ARMED_SECTORS) -> bool:
    """True for an actor some mention of which names armed people: a military word ("Security forces ... say
    *they* killed"), or a noun of ``sectors`` (default any armed sector: "al-Shabab *militants*")."""
    return any(_armed_words(h, sectors) for h in _mention_heads(actor_id, index))
