"""A doer named by kind that refers back to actors already named.

An event with no actor is kept when its doer is named by kind ("Ivory Coast
rebels on Friday again rejected a Senegalese peace plan", "A French minister
threatened today to impose import restrictions": ``events_args.has_agent``):
the kind is someone the text introduces.  But a definite kind phrase mostly
stands for actors the text has named before: "*both Afghan rivals* accusing
each other", "after *the two leaders* publicly disagreed", "*The two
presidents* are closely cooperating in Syria".  Coded with no actor, such an
event says only that somebody did something; it is not the new doer of a
kind that the rule is for.  Such an event stays a candidate, weighed as one
with no one named (``events_confidence``: below the default threshold).

``refers_back`` tells those apart by the doer phrase's determiner: "both",
"these", "those", "such", a possessor ("their leaders"), "the" with a count
("the two leaders"); "the" otherwise only when no nationality specifies the
kind (a demonym, or an adjective tagged NORP, "Kurdish"), for "the Kurdish
administration in northern Syria rejected the constitution" introduces its
doer by country and kind.  Not "a", none, or a count with no article ("two
officials").  The tagger's NORP is not always a nationality ("the Centerview
founders", a firm's): such a phrase keeps its event, as before.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.syntax import doer_subjects, is_passive

_BACK = frozenset({"both", "these", "those", "such"})
_THE = frozenset({"the", "this", "that"})
_DEMONYMS = lexicon().demonyms()


def _definite_back(head: Token) -> bool:
    """True for a doer phrase that points back: "both", "these", "their ...", "the two ...", or "the"
    with no nationality among its modifiers ("the Centerview founders"; not "the Kurdish administration")."""
    dets = [c for c in head.children if c.dep_ in ("det", "predet", "poss")]
    if any(c.dep_ == "poss" or c.lower_ in _BACK for c in dets):
        return True
    if not any(c.lower_ in _THE for c in dets):
        return False
    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "nummod") and c.i < head.i]
    if any(c.dep_ == "nummod" for c in mods):
        return True
    nationality = (t for m in mods for t in (m, *m.conjuncts) if t.lower_ in _DEMONYMS or (
        t.ent_type_ == "NORP" and t.pos_ == "ADJ"))
    return next(nationality, None) is None


def refers_back(tok: Token) -> bool:
    """True when the doer (the subject of a verb trigger, or of the verb a noun trigger is the
    object of) is a phrase pointing back to actors named before (module docstring), else False."""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
    if verb is None or is_passive(verb):
        return False
    return any(head.pos_ != "PRON" and _definite_back(head) for head in doer_subjects(verb))
