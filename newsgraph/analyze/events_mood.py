"""What a clause says about its deed: done, intended, conditional, only possible, failed,
refrained from, or demanded of someone.

CAMEO codes these differently from the deed itself ("will send aid" is AGREE, "will
withdraw unless ..." THREATEN, "failed to reach agreement" REJECT, "refrained from
attacking" nothing); ``events.find_events`` asks these questions of a trigger's verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.lexicon import lexicon

#: "ready to", "willing to", "plans to": the complement is intended, not done (data/<lang>/events/intent.csv).
_INTENT_HEADS = lexicon().words("events/intent.csv", "intent")
#: Verbs saying their complement was not done: "refrained from attacking", "avoided meeting".
_ABSTAIN_LEMMAS = lexicon().words("events/intent.csv", "abstain")


def intended(tok: Token) -> bool:
    """True when the text states an intention, not a deed ("will send", "is ready to withdraw")."""
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if auxes & {"will", "shall", "'ll", "wo"} or ("would" in auxes and tok.dep_ == "ccomp"):
        return True
    if tok.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False  # "have sworn *to fight*" is often parsed advcl, "left *after* talks" is no intent
    return tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in _INTENT_HEADS


def condition(verb: Token) -> str | None:
    """Return "unless" or "if" when a condition clause hangs on ``verb`` ("will withdraw *unless* ..."), else None."""
    for child in verb.children:
        if child.dep_ == "advcl":
            mark = next((c.lower_ for c in child.children if c.dep_ == "mark" and c.lower_ in ("unless", "if")), None)
            if mark:
                return mark
    return None


def hedged(verb: Token) -> bool:
    """True for a deed only said to be possible ("may halt", "could impose")."""
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in verb.children)


def failed(verb: Token) -> bool:
    """True for a deed the subject failed to do ("failed to reach agreement")."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail"


def abstained(verb: Token) -> bool:
    """True for a deed the subject kept from doing ("refrained from attacking", "avoided meeting X")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return head.lemma_.lower() in _ABSTAIN_LEMMAS


def demanded(verb: Token) -> bool:
    """True for a clause under "must" ("Sudan must return ...")."""
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children)
