"""Speakers named in the sentences before the cue: the group "they" stands for, the issuer of a document.

``plural_subject`` returns the group or organisation that was the subject of the
main clause of the sentence before a plural pronoun's cue: "Dozens of Kenyan
farmers marched ... “...,” they said" (the farmers), "Tens of thousands of
Sudanese began protesting ... They demanded reforms" (the Sudanese).
``issuing_subject`` returns who issues a document ("X released a statement").
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from newsgraph.analyze.statements_speakers import Speakers

#: Tags of plural nouns: a plural subject is a group "they" can stand for.
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def plural_subject(speakers: Speakers, at: int) -> str | None:
    """Return the group or organisation "they" at ``at`` stands for: the subject of the main clause of
    the sentence before when that subject is plural ("Kenyan farmers", "the Conservatives") or a plural
    "of" an organisation ("dozens of farmers", "members of the union"), when it is an actor of those
    kinds and not an unnamed source; None otherwise."""
    starts = speakers.sent_starts
    si = bisect.bisect_right(starts, at) - 1
    if si < 1:
        return None
    sent = speakers.doc.char_span(starts[si - 1], starts[si], alignment_mode="expand")
    if sent is None or not len(sent):
        return None
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    by_token = speakers.index.by_token
    plural = subj.tag_ in _PLURAL_TAGS
    if subj.i not in by_token:  # "dozens of farmers": the farmers; "members of the union": the union
        subj = next((o for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for o in c.children if o.dep_ == "pobj"), subj)
    if not (plural or subj.tag_ in _PLURAL_TAGS):
        return None
    found = by_token.get(subj.i)
    if found is None or found in speakers.unnamed or speakers.types.get(found) not in ("ORG", "GROUP"):
        return None
    return found


def issuing_subject(speakers: Speakers, verb: Token) -> str | None:
    """Return the actor that ``verb`` ("released", "issued") has as subject or "by" agent, or None
    (none, or an unnamed source)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None:
        return None
    found = speakers.index.span_actor(subj.idx, subj.idx + len(subj.text))
    return found if found is not None and found not in speakers.unnamed else None


