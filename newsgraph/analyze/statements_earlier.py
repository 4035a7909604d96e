"""Speakers named in the sentences before the cue: the group "they" stands for, the issuer of a document.

``plural_subject`` returns the group or organisation that was the subject of the
main clause of the sentence before a plural pronoun's cue: "Dozens of Kenyan
farmers marched ... “...,” they said" (the farmers), "Tens of thousands of
Sudanese began protesting ... They demanded reforms" (the Sudanese).
``issuing_subject`` returns who issues a document ("X released a statement").
``mistyped_surnames`` finds the person named in full before whose last name the
recogniser took for an organisation ("Carly Fiorina ... Fiorina said").
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.model import Actor

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


def mistyped_surnames(actors: list[Actor]) -> dict[str, list[tuple[int, str]]]:
    """Return {organisation id: [(first mention's start, person id), ...]} for the organisations whose
    one-word name is the last word of a person's name of two words or more: a last name the recogniser
    took for an organisation ("Carly Fiorina ... Fiorina, 61, declined ..."); see ``surname_at``."""
    by_last: dict[str, list[tuple[int, str]]] = {}
    for a in actors:
        words = a.name.split()
        if a.type == "PERSON" and len(words) > 1 and a.mentions:
            by_last.setdefault(words[-1], []).append((min(m.start for m in a.mentions), a.id))
    return {a.id: by_last[a.name] for a in actors if a.type == "ORG" and a.name in by_last}


def surname_at(surnamed: dict[str, list[tuple[int, str]]], actor_id: str, at: int) -> str | None:
    """Return the one person named before ``at`` whose last name the organisation ``actor_id`` is
    (see ``mistyped_surnames``), or None (no such organisation, no one or two people named before)."""
    before = [person for start, person in surnamed.get(actor_id, ()) if start < at]
    return before[0] if len(before) == 1 else None
