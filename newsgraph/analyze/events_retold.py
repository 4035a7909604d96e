"""A violent deed told again in other words, with no time or place of its own (issue 12): its doer
saying it had done it, or a definite deed as the subject of the verb.  ``events.merge_events`` joins
such a telling to the last deed of its type told, as it does a definite deed noun ("the attack",
``events_filters.retold``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.cues import SAYING_VERBS
from newsgraph.analyze.events_filters import retold

#: Nouns of a violent deed: as a definite subject ("*the airstrikes* killed X") they name one already told.
_DEED_NOUNS = frozenset("attack siege raid strike airstrike assault bombing blast explosion shelling shooting".split())


def told_again(tok: Token | None, situated: bool) -> bool:
    """Return True when a violent verb retells a deed already told (``situated``: the telling has a
    date or place of its own, which makes it another occasion, so False)."""
    if tok is None or situated or tok.pos_ != "VERB":
        return False
    return claimed_again(tok) or by_deed_told(tok)


def claimed_again(tok: Token) -> bool:
    """True for a deed its doer says, in the active past perfect, it had done: "In a statement, the
    group said it *had killed* more than 10 people" tells the attack already told (not a toll: "the
    sources said 16 terrorists *had been killed*")."""
    if tok.dep_ != "ccomp" or any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return False
    return tok.head.lemma_.lower() in SAYING_VERBS and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


def by_deed_told(tok: Token) -> bool:
    """True for a verb whose subject (or its first conjunct's) is a definite deed: "NISA said *the
    airstrikes* targeted the Damasha area and killed Mansoor" is the airstrikes told before."""
    verbs = (tok, tok.head) if tok.dep_ == "conj" else (tok,)
    subject = next((c for v in verbs for c in v.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in _DEED_NOUNS and retold(subject)
