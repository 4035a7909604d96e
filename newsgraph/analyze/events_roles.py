"""Roles the parse misleads: who is named only as a modifier of the doer, whose attitude an expressed
noun is (issue 12).

Used by ``newsgraph.analyze.events_args``.  Every function here looks at one trigger and its sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.syntax import ActorIndex, prep_objects

_LEX = lexicon()

#: Verbs that voice an attitude their object names ("*expressed* the administration's commitment to X",
#: "*reaffirmed* Washington's support for Kyiv"): the object's owner holds it, it is not done to them.
_EXPRESSING = frozenset("express voice reaffirm reiterate convey extend renew affirm".split())

#: What an expressed attitude is toward: "commitment *to* Israel's security", "support *for* Kyiv".
_TOWARD = ("to", "for", "toward", "towards", "with", "about", "over")


def named_by_modifier_only(subj: Token, index: ActorIndex) -> bool:
    """True for an indefinite subject whose head names no actor and whose only actor is a modifier
    naming where it sits or what nation it is of: "*A Phnom Penh* court alleged ...", "*A Guatemalan*
    judge ordered ...": some court or judge, unnamed, acts, not the town (a GPE with no country of
    its own) nor a nationality the entity recognizer took for an organisation.  A state modifier stays
    ("a *U.S.* official said"), and so does the group a plural names ("*Quad* leaders agreed").
    """
    if subj.pos_ != "NOUN" or subj.i in index.by_token:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
        return False
    named = [t for t in subj.subtree if t.i in index.by_token]
    if not named:
        return False
    mods = [c for c in subj.children if c.dep_ in ("compound", "amod", "nmod") and c.i < subj.i]
    allowed = {t.i for m in mods for t in m.subtree}
    return all(t.i in allowed and _place_or_nationality(t, index) for t in named)


def _place_or_nationality(tok: Token, index: ActorIndex) -> bool:
    if town(tok, index):
        return True  # a town or a city: where the court sits
    return index.types.get(index.by_token[tok.i]) not in ("GPE", "LOC") and tok.lower_ in _LEX.demonyms()


def expressed_attitude(verb: Token, obj: Token, index: ActorIndex) -> list[Token] | None:
    """For the object of a verb voicing an attitude, owned by someone ("expressed *the Biden
    administration's commitment* to Israel's security"), the phrases it is toward (the targets:
    "Israel's security"); None when the rule does not apply (the object is read as usual)."""
    if verb.lemma_.lower() not in _EXPRESSING or obj.i in index.by_token:
        return None
    if not any(c.dep_ == "poss" and c.pos_ != "PRON" for c in obj.children):
        return None
    return prep_objects(obj, _TOWARD)


def town(mod: Token, index: ActorIndex) -> bool:
    """True for a noun modifier naming a town, not a state ("the *Kabul* attack", "the *Minsk* talks":
    where it was; but "*U.S.* airstrikes"): a GPE actor with no country of its own."""
    actor = index.by_token.get(mod.i)
    towns = {a.id for a in mod.doc._.ng_actors or [] if a.type == "GPE" and not a.country}
    return actor in towns
