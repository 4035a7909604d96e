"""Adjective triggers: a feeling said of an actor about another's deed (CAMEO 111, DISAPPROVE).

"The United States is 'deeply disappointed' by the approval of the constitution by the Syrian
parliament": the copula's subject disapproves; the one disapproved of is the actor behind the
"by"/"about"/"over" phrase: the doer ("by" phrase) of the deed noun, else its possessor or "of"
object, or the actor named itself ("concerned about Dodik"). A feeling about a state of things
("concerned about heightened tensions", "worried about the health of X") judges no one (the
``events_filters`` 'worry' rule reads the same state nouns); an adjective that only describes a noun
("concerned citizens"), names no one's deed, or is no one's voiced words ("Republicans are angry
with Ankara") tells no event.

Used by ``newsgraph.analyze.events_args`` (the parties) and ``events_filters`` (no deed, no event).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.events_confidence import in_quote
from newsgraph.analyze.events_mood import SAY_LEMMAS
from newsgraph.analyze.syntax import prep_objects, reporting_subjects

#: Prepositions that give what a feeling is about: "disappointed *by*", "concerned *about*", "alarmed *at*".
FELT_PREPS = ("by", "about", "over", "at", "with", "regarding", "concerning")
#: Verbs that join a feeling to the one who has it: "is disappointed", "remains concerned", "feels betrayed".
_LINKS = frozenset("be remain feel seem appear become grow stay".split())


def predicative(tok: Token) -> bool:
    """True for an adjective said of the subject of a copula ("X *is* deeply concerned")."""
    head = tok.head
    return tok.pos_ == "ADJ" and tok.dep_ == "acomp" and head.lemma_.lower() in _LINKS and head.i != tok.i


def voiced(tok: Token) -> bool:
    """True for a feeling its holder voices: the speaker's own in a quotation ("*We* are deeply concerned
    about ..."), or in what a verb of saying reports, of the speaker ("said *he* and other rabbis were
    alarmed about ...") or the state the speaker speaks for ("issued a statement saying *the United States*
    is deeply disappointed"); a feeling the reporter or a speaker ascribes to others ("Republicans are angry
    with Ankara", "'Republicans are so frustrated with the FBI's decision,' a spokesman said") is no act
    of criticism (news-gold GUIDE: feelings not voiced are no statements)."""
    copula = tok.head
    subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if in_quote(subj):  # (the subject quoted too: not a word quoted, 'is "deeply disappointed"')
        return subj.lower_ in _FIRST_PERSON
    reported = copula.dep_ == "ccomp" and copula.head.lemma_.lower() in SAY_LEMMAS
    return reported and (subj.lower_ in _PERSONAL or subj.ent_type_ == "GPE")


#: Subjects that are the speaker's own voice inside a quotation.
_FIRST_PERSON = frozenset("i we".split())
#: Subjects of reported speech that stand for the speaker ("said *he* was alarmed").
_PERSONAL = _FIRST_PERSON | frozenset("he she they".split())


def feelers(tok: Token) -> list[Token]:
    """The subject of the copula an adjective is said of ("*The United States* is disappointed"); a
    pronoun ("*We* are deeply concerned, the embassy said") gives way to who reports it."""
    subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "csubj")][:1]
    if subj and subj[0].pos_ == "PRON":
        return list(reporting_subjects(tok.head))[:1] or subj
    return subj


def judged(tok: Token, actors, is_state, is_said=lambda noun: False) -> list[str]:
    """Return the actor ids whose deed a predicative feeling is about, else none.

    ``actors(token)`` gives the actors a phrase names; ``is_state(noun)`` is True for a state of
    things, which is no one's deed; ``is_said(noun)`` for something said ("concerned about the
    latest IAEA report about Iran's ..."): its teller is not judged."""
    if not predicative(tok) or not voiced(tok):
        return []
    found: list[str] = []
    # the parser often hangs the phrase on the copula ('is "deeply disappointed" *by* the approval')
    for topic in prep_objects(tok, FELT_PREPS) + prep_objects(tok.head, ("by", "about", "over")):
        for noun in (topic, *topic.conjuncts):
            if is_state(noun) or is_said(noun):
                continue
            doers = [a for o in prep_objects(noun, ("by",)) for a in actors(o)]
            found.extend(a for a in doers or actors(noun) if a not in found)
    return found
