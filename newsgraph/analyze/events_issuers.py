"""Who does what a document does: its issuer.

A statement, report or letter that threatens, condemns or calls for something
speaks for whoever issued it: "U.S. Secretary of State Antony Blinken issued a
statement Tuesday saying ... The statement threatened sanctions and visa
restrictions." is Blinken's threat (CAMEO codes the issuer).  The parse gives
the verb a document as subject, which is no actor, so the event would have no
source and be dropped.

The issuer is taken only where the text says it, as the statements component
does for "the statement said" (``statements_speakers.Speakers.issuer``):

* the document's own phrase names it: "a statement *posted by the agency*";
* or the subject is definite ("the statement", "this report") and, in the
  same sentence or the one before, the same noun is the object of an issuing
  verb ("X issued/released/sent a statement"): the subject of that verb.

Only for verbal events (a document threatens, demands, condemns, rejects,
supports or agrees; it fights no one), and never when the grammar named a
source already.

Likewise a person telling their own state's stance speaks it: "Russian President
Vladimir Putin said Thursday that Russia supports the U.S. proposal" is Putin's
support (``speaker_for_state``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.cues import SAYING_VERBS
from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.plover import Trigger
from newsgraph.analyze.syntax import ActorIndex

_LISTS = "speech/speakers.csv"
#: Documents and announcements that say what their issuer says ("the statement", "the report").
DOCUMENT_NOUNS: frozenset[str] = lexicon().words(_LISTS, "document")
#: Verbs by which an actor issues a document ("X released a statement").
ISSUING_VERBS: frozenset[str] = lexicon().words(_LISTS, "issuing")
#: Event types a document can do for its issuer: speech acts.
VERBAL_TYPES = frozenset({"DISAPPROVE", "SUPPORT", "REJECT", "DEMAND", "THREATEN", "AGREE"})
_DEFINITE = frozenset({"the", "this", "that"})


def _agent_of(verb: Token) -> Token | None:
    """Return the doer of an issuing verb: its subject, or the object of its "by" agent."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        return subj
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _posted_by(doc_noun: Token, index: ActorIndex) -> list[str]:
    """Return the actors a document's own phrase names as its issuer ("a statement posted by X")."""
    for verb in (c for c in doc_noun.children if c.dep_ == "acl" and c.lemma_.lower() in ISSUING_VERBS):
        agent = _agent_of(verb) if not any(c.dep_ == "nsubj" for c in verb.children) else None
        if agent is not None and index.actors(agent):
            return index.actors(agent)
    return []


def _issued_before(doc_noun: Token, index: ActorIndex) -> list[str]:
    """Return the actors that issued the document a definite noun refers back to: the subject of
    the last issuing verb whose object is the same noun, in this sentence or the one before."""
    sent = doc_noun.sent
    start = sent.start
    if start > 0:
        start = doc_noun.doc[start - 1].sent.start
    lemma = doc_noun.lemma_.lower()
    for tok in reversed(doc_noun.doc[start:doc_noun.i]):
        if tok.lemma_.lower() != lemma or tok.dep_ not in ("dobj", "nsubjpass"):
            continue
        if tok.head.lemma_.lower() not in ISSUING_VERBS:
            return []  # the nearest mention of the noun is not its issuing: "the report cited a statement"
        agent = _agent_of(tok.head)
        return index.actors(agent) if agent is not None else []
    return []


def issuer_sources(trig: Trigger, index: ActorIndex) -> list[str]:
    """Return the source actors of a verbal event whose subject is a document: its issuer as the
    text states it (module docstring), else none."""
    tok = trig.token
    if tok.pos_ != "VERB" or trig.rule.type not in VERBAL_TYPES:
        return []
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ != "NN" or subj.lemma_.lower() not in DOCUMENT_NOUNS or index.actors(subj):
        return []
    found = _posted_by(subj, index)
    if not found and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subj.children):
        found = _issued_before(subj, index)
    return [a for a in found if index.types.get(a) not in ("LOC", "FAC")]


def speaker_for_state(trig: Trigger, sources: list[str], index: ActorIndex) -> list[str]:
    """Return the sources of a verbal event its own state's person tells ("Russian President Vladimir
    Putin said Thursday that *Russia supports* the U.S. proposal"): the speaker, whose saying is the
    act (one person of that country, the subject of the saying verb the clause is the complement of);
    else ``sources`` unchanged.  A state telling its own stance ("Ukraine said it is ready") keeps it."""
    tok = trig.token
    if tok.pos_ != "VERB" or trig.rule.type not in VERBAL_TYPES or len(sources) != 1:
        return sources
    state = next((a for a in tok.doc._.ng_actors or [] if a.id == sources[0]), None)
    if state is None or state.type != "GPE" or not state.country or tok.dep_ != "ccomp":
        return sources
    saying = tok.head
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    if saying.lemma_.lower() not in SAYING_VERBS or not that:
        return sources
    subj = _agent_of(saying)
    speakers = index.actors(subj) if subj is not None and subj.pos_ != "PRON" else []
    people = {a.id: a for a in tok.doc._.ng_actors or [] if a.type == "PERSON"}
    if len(speakers) == 1 and speakers[0] in people and people[speakers[0]].country == state.country:
        return speakers
    return sources
