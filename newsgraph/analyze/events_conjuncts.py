"""The subject a conjoined verb shares with the verb it is really conjoined to.

Used by ``newsgraph.analyze.events_args``.  A conjoined verb with no subject of its own shares
its conjunct's subject (CAMEO coders read "X did A and B" as X doing both).  The parser often
hangs a second verb on the nearest verb before it, even inside a relative clause:
"Security forces ... say they *killed* all six attackers who laid siege to a hotel ... and later
*killed* at least 50 al-Shabab militants" parses the second "killed" as a conjunct of "laid", so
the attackers would kill al-Shabab.  A verb repeated is the parallel the writer meant: the
conjunct belongs to the earlier verb of the same lemma above the relative clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.syntax import SUBJECTS, nearest_subject

#: Steps climbed from the relative clause's noun to the verb it hangs on ("killed *all six attackers*").
_CLIMB = 4


def _outer_verb(relcl: Token) -> Token | None:
    """The verb the noun a relative clause modifies hangs on ("*killed* all six attackers who ..."), else None."""
    node = relcl.head
    for _ in range(_CLIMB):
        if node.dep_ in SUBJECTS or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _joined_by_and(conj: Token) -> bool:
    """True when a conjunct is joined to its head by a plain "and" ("... and later killed")."""
    ccs = [c for c in (*conj.head.children, *conj.children) if c.dep_ == "cc" and c.i < conj.i]
    return bool(ccs) and ccs[-1].lower_ == "and"


def repeated_verb(verb: Token) -> Token | None:
    """Return the verb a subjectless conjunct repeats across a relative clause, the one it is really
    conjoined to, else None: "they *killed* all six attackers who laid siege ... and later killed 50 militants".

    Only for a conjunct of the relative clause's verb with the same lemma and tag as the verb above it,
    the relative clause without an auxiliary of its own, joined by a plain "and"; a passive conjunct
    ("and was killed") or one with its own subject keeps its own reading.
    """
    if verb.dep_ != "conj" or verb.head.dep_ != "relcl":
        return None
    if any(c.dep_ in (*SUBJECTS, "nsubjpass", "auxpass") for c in verb.children):
        return None
    if not _joined_by_and(verb) or any(c.dep_ == "preconj" or c.lower_ == "only" for c in verb.head.children):
        return None  # "the War On Drugs, which *not only* came with ... *but also* introduced": the clause's own pair
    outer = _outer_verb(verb.head)
    if outer is None or outer.lemma_.lower() != verb.lemma_.lower() or outer.i > verb.head.i:
        return None
    if outer.tag_ != verb.tag_ or any(c.dep_ in ("aux", "auxpass") for c in verb.head.children):
        return None  # "police killed a man who *had* stabbed two and killed a third": the clause's own deeds
    return outer


def repeated_verb_subject(verb: Token) -> list[Token]:
    """Return the subject (one token) of ``repeated_verb``'s verb, which the conjunct shares, else []."""
    outer = repeated_verb(verb)
    subj = nearest_subject(outer) if outer is not None else None
    return [subj] if subj is not None else []
