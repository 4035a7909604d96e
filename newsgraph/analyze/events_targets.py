"""Who an event is aimed at when the verb's own object names nobody.

CAMEO/PLOVER coders read the target further into the sentence than the direct
object: the one told what to do ("demanded *that Hamas* renounce ..."), the one
a withdrawal or a demand is *from* ("withdrew troops from Lebanon", "demanded
autonomy from Serbian authorities"), whoever did what is condemned or rejected
("condemned the killing *by* the militia", "rejected calls *by* Belarus"), and
the one a threatened deed is aimed at ("threatened to break relations *with*
Russia").  Used by ``events_args.arguments`` after the direct reading; ``not_owner`` keeps a
thing's owner out of the targets, and ``between_parties`` names both sides of "between X and Y".
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.syntax import OBJECTS, ActorIndex, prep_objects

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
    return [
        s for c in head.children if c.dep_ in ("ccomp", "acl") and (etype != "DEMAND" or _told(c))
        for s in c.children if s.dep_ in subjects
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or head.pos_ == "VERB"
    ]


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
