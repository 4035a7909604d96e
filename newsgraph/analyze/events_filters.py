"""Trigger readings that tell no event of their own (issue 12, precision first).

``not_an_event`` says, from the parse around a trigger, when the words name no particular act:

- a label: "what they called a victory", "what X has called the preferred line" names, asks nothing;
- a charge: "he was accused of incitement" (no accuser), "in custody over accusations of ...";
- background in a relative clause on a thing: "the pact the United States negotiated", "the weapons
  Russia has used": the clause describes the thing, the article tells no act;
- a description: "soldiers, supported by clan militias, ..." (a participle on a noun);
- a forecast: "warned of a possible resurgence" (a warning of a possibility is no threat);
- a reporter's query: "had no comment when contacted by VOA" (a passive contact nobody made);
- a tally: "1,250 terrorists have been killed in the last 15 months", "killed 400 people in over 500
  attacks": a count over a span of time or many deeds, no one occurrence;
- a non-violent retaliation: "retaliated by announcing tariffs" is no assault;
- a denial: "rejected questions that the hijacking was an intelligence failure", "a charge the
  ministry rejected": what is turned down is a statement of fact, not a proposal (no CAMEO 12 refusal);
- a danger: "there was a security threat" says a threat exists, not that anyone threatened;
  "threatening the territorial integrity of the country" endangers a state of things, threatens no one;
- a topic: "issued a statement on the release of the journalist", "questions about the raid": the
  words are about a deed the article tells (or not) elsewhere; this phrase tells none;
- a quality: "it's striking that ...", "the public becomes repulsed by him": a trigger used as a
  predicate adjective; "as demonstrated by his departure" (a passive "demonstrate" is "show");
- a fall: "his health continued to decline", "sales declined": a "decline" with nothing declined;
- a worry: "expressed concern about heightened tensions", "voiced concern over the violence in Israel":
  a concern about a state of things, no one's deed, criticises no one (but "concern about the conditions
  in which the publisher is being held", "about the policy", "about X's actions" stay criticism).

``retold`` says when a violent trigger refers back to a deed the article already told ("claimed
responsibility for the attack", "were killed in the attack"): evidence of that deed, not a new one.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.events_feelings import judged
from newsgraph.analyze.events_mood import SAY_LEMMAS
from newsgraph.analyze.events_senses import FORCE_LEMMAS
from newsgraph.analyze.lexicon import lexicon

#: Nouns that name something said ("claim", "report", "question", "statement": speech/cues.csv).
_SPEECH_NOUNS = lexicon().words("speech/cues.csv", "speech_noun")
#: States of things one may endanger ("threatens the peace", "our way of life"); nouns ending in
#: -ity, -ness, -ence, -ance are such states too ("integrity", "security", "viability", "existence").
_STATES = lexicon().words("events/senses.csv", "state")
_STATE_SUFFIXES = ("ity", "ness", "ence", "ance")
_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
#: Verbs whose "on"/"about" phrase is what is said ("spoke about the strike"); with a speech noun
#: as object any verb is ("issued a statement on the release").
_TOPIC_VERBS = SAY_LEMMAS | {"speak", "talk", "comment", "ask", "question", "write", "brief"}

_HEDGES = frozenset({"possible", "potential", "likely", "looming", "imminent", "further", "future"})
_SPANS = frozenset({"day", "week", "month", "year", "decade"})
_WH = frozenset({"who", "whom", "that", "which", "whose"})
_SUBJ = ("nsubj", "nsubjpass")
#: Verbal acts told in a relative clause are still told as done ("problems that he blamed on X").
_VERBAL = frozenset({"DISAPPROVE", "REJECT", "DEMAND", "THREATEN"})
#: Nouns of a deed of force a retelling refers back to ("in the attack").
_DEEDS = FORCE_LEMMAS | {"attack", "siege", "raid", "strike", "assault"}


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl")


def _agent(tok: Token) -> bool:
    return any(c.dep_ == "agent" for c in tok.children)


def _label(tok: Token) -> bool:
    """'what they called X': naming, not a call for anything."""
    return tok.lemma_.lower() == "call" and any(c.lower_ == "what" for c in tok.children)


def _charge(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "accuse" and tok.pos_ == "VERB":
        return _passive(tok) and not _agent(tok)  # "He was accused of incitement": a charge, no accuser told
    if lemma in ("accusation", "charge") and tok.pos_ == "NOUN":
        return tok.head.lower_ in ("over", "on") and not any(c.dep_ == "poss" for c in tok.children)
    return False


def _object_relative(tok: Token, actors) -> bool:
    """A trigger in a relative clause whose gap is its object, on a noun naming no actor."""
    if tok.dep_ != "relcl" or tok.pos_ != "VERB":
        return False
    subjects = [c for c in tok.children if c.dep_ in _SUBJ]
    if not subjects or any(s.lower_ in _WH for s in subjects):
        return False  # "the girls, who were kidnapped": the noun is the one acted on or the doer
    if any(c.dep_ == "advmod" and c.lower_ in ("when", "where", "why") for c in tok.children):
        return False  # "a hotel where officials were meeting", "August, when X called for war": told events
    if _told_that(tok):
        return False
    return not actors(tok.head)


#: Verbs whose object is the one told and whose "that" clause is what they are told.
_TELL_LEMMAS = frozenset({"tell", "assure", "inform", "remind", "brief"})


def _told_that(tok: Token) -> bool:
    """'told a cabinet meeting that he had met with security officials': the parser takes the clause
    told for a relative clause on the audience ("that" as its object); it is what was said, no background."""
    head = tok.head
    return head.dep_ == "dobj" and head.head.lemma_.lower() in _TELL_LEMMAS and any(
        c.lower_ == "that" and c.dep_ in ("dobj", "mark") and c.i < tok.i for c in tok.children)


def _description(tok: Token) -> bool:
    """'soldiers, supported by militias, ...': a participle describing a noun."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN"


def _forecast(tok: Token) -> bool:
    if tok.lemma_.lower() not in ("warn", "warning"):
        return False
    heads = [tok, *(o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
    objs = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("of", "about")
            for o in p.children if o.dep_ == "pobj"]  # "warned in July of a possible ...": "of" may hang on "July"

    return any(a.lower_ in _HEDGES for o in objs for a in o.children if a.dep_ == "amod")


def _query(tok: Token) -> bool:
    """'when contacted by VOA': a contact in a passive time clause, with no one contacted named."""
    timed = tok.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "if", "once") for c in tok.children
    )  # the parser attaches "when" as a mark or as an advmod
    return timed and tok.tag_ == "VBN" and not any(c.dep_ == "nsubjpass" for c in tok.children)


def _tally(tok: Token) -> bool:
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and any(
        n.dep_ == "nummod" and any(q.dep_ in ("quantmod", "advmod") for q in n.children) for n in tok.children
    ):
        return True  # "in over 500 attacks", "nearly 400 strikes": a count of deeds
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "over", "during")):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            mods = {m.lower_ for m in obj.children}
            counted = any(m.dep_ == "nummod" or m.like_num for m in obj.subtree if m is not obj)
            if obj.lemma_.lower() in _SPANS and counted and mods & {"last", "past"}:
                return True  # "in the last 15 months"
            if obj.tag_ == "NNS" and counted and obj.lemma_.lower() in FORCE_LEMMAS | {"attack", "strike", "raid"}:
                return True  # "in over 500 attacks"
    return False


def _trade_retaliation(tok: Token) -> bool:
    if tok.lemma_.lower() != "retaliate":
        return False
    deeds = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pcomp"]
    return bool(deeds) and not any(t.lemma_.lower() in FORCE_LEMMAS for d in deeds for t in d.subtree)


def _indicative(clause: Token) -> bool:
    """True for a finite clause told as fact ("that the attack *was* orchestrated"), not a
    proposal's subjunctive or modal ("that both sides *withdraw*", "that they *should* talk")."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes)


def _denial(tok: Token) -> bool:
    """'rejected questions that X was a failure', 'a charge [that] X rejected': the thing turned down is
    a statement of fact (a noun with a factual that-clause, or a noun naming something said)."""
    if tok.pos_ != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    relative = tok.dep_ in ("relcl", "acl") and tok.head.pos_ == "NOUN" and not any(c.dep_ == "dobj" for c in tok.children)
    if relative:
        objs.append(tok.head)  # "the claim ..., a charge Balkhi rejected": the gap is the object
    for obj in objs:
        said = [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        if any(_indicative(c) for c in said):
            return True
        if relative and obj is tok.head and obj.lemma_.lower() in _SPEECH_NOUNS:
            return True
    return False


def _danger(tok: Token) -> bool:
    """'there was a security threat': an existential "there is" names a danger, no one threatening."""
    head = tok.head
    return (tok.pos_ == "NOUN" and tok.dep_ in ("attr", "nsubj") and head.lemma_.lower() == "be"
            and any(c.dep_ == "expl" for c in head.children))


def _endangering(tok: Token) -> bool:
    """'threatening the territorial integrity of the country', 'threaten our national security': the verb's
    object is a state of things (and no "with" says what with), so nobody is threatened with a deed."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "threaten":
        return False  # only the verb itself: "sworn to *attack* ships" is a threat of a deed
    if any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    states = [o for o in objs if o.pos_ == "NOUN" and not o.ent_type_ and (
        o.lemma_.lower() in _STATES or len(o.lemma_) > 6 and o.lemma_.lower().endswith(_STATE_SUFFIXES))]
    return bool(objs) and len(states) == len(objs)


def _topic(tok: Token) -> bool:
    """'a statement on the release of X', 'comments about the raid', 'spoke about the strike': a noun
    trigger that is only what words are about."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in _TOPIC_PREPS:
        return False
    speech = tok.head.head
    lemma = speech.lemma_.lower()
    if speech.pos_ == "NOUN":
        return lemma in _SPEECH_NOUNS
    if speech.pos_ != "VERB":
        return False
    return lemma in _TOPIC_VERBS or any(c.dep_ == "dobj" and c.lemma_.lower() in _SPEECH_NOUNS for c in speech.children)


def _quality(tok: Token, etype: str) -> bool:
    """'It's striking that', 'becomes repulsed by him', 'as demonstrated by': no deed, a property."""
    if tok.pos_ == "VERB" and tok.dep_ == "acomp":  # (an ADJ row's adjective: the 'feeling' rule)
        return True
    if any(c.dep_ == "dobj" and c.pos_ == "SCONJ" for c in tok.children) and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in tok.children
    ):
        return True  # "It's striking that ...": the parser takes the conjunction for an object
    return etype == "PROTEST" and tok.lemma_.lower() == "demonstrate" and _passive(tok)


def _nothing_declined(tok: Token) -> bool:
    """'his health continued to decline': "decline" with no object, clause or infinitive is a fall."""
    return tok.lemma_.lower() == "decline" and tok.pos_ == "VERB" and not any(
        c.dep_ in ("xcomp", "dobj", "ccomp", "advcl") for c in tok.children)


#: Prepositions that give what a concern is about.
_CONCERN_PREPS = frozenset({"about", "over", "at", "regarding", "concerning"})


def said_noun(noun: Token) -> bool:
    """True for a noun naming something said ("report", "statement": speech/cues.csv)."""
    return noun.lemma_.lower() in _SPEECH_NOUNS


def state_noun(noun: Token) -> bool:
    """True for a noun naming a state of things (a ``_STATES`` word or one in -ity, -ness, -ence, -ance)."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and not noun.ent_type_ and (
        lemma in _STATES or len(lemma) > 6 and lemma.endswith(_STATE_SUFFIXES))


def _worry(tok: Token, actors) -> bool:
    """'expressed concern about heightened tensions': the concern is about a state of things that no
    actor's possessive or "of"/"by" phrase makes someone's doing (not "the violence of the regime")."""
    concerns = [tok] if tok.lemma_.lower() == "concern" else [
        c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "concern"]
    topics = [o for h in (*concerns, tok) for p in h.children if p.dep_ == "prep" and p.lower_ in _CONCERN_PREPS
              for o in p.children if o.dep_ == "pobj"]
    if not concerns or not topics:
        return False
    owners = [c for t in topics for c in t.children if c.dep_ == "poss"]
    owners += [o for t in topics for p in t.children if p.dep_ in ("prep", "agent") and p.lower_ in ("of", "by")
               for o in p.children if o.dep_ == "pobj"]
    return all(state_noun(t) for t in topics) and not any(actors(o) for o in owners)


def not_an_event(tok: Token, etype: str, actors) -> str | None:
    """Return why the trigger ``tok`` (read as ``etype``) tells no event here ("label", "charge",
    "background", "description", "forecast", "query", "tally", "trade", "denial", "danger",
    "topic", "quality", "fall", "worry", "feeling"), or None.
    ``actors(token)`` returns the actor ids a token's phrase names."""
    if etype == "DEMAND" and _label(tok):
        return "label"
    if etype == "DISAPPROVE" and _charge(tok):
        return "charge"
    if etype not in _VERBAL and _object_relative(tok, actors):
        return "background"
    if etype == "SUPPORT" and _description(tok):
        return "description"
    if etype == "THREATEN" and _forecast(tok):
        return "forecast"
    if etype == "CONSULT" and tok.pos_ == "VERB" and _query(tok):
        return "query"
    if etype in ("ASSAULT", "FIGHT") and _tally(tok):
        return "tally"
    if _trade_retaliation(tok):
        return "trade"
    if etype == "REJECT" and _denial(tok):
        return "denial"
    if etype == "THREATEN" and (_danger(tok) or _endangering(tok)):
        return "danger"
    if _topic(tok):
        return "topic"
    if _quality(tok, etype):
        return "quality"
    if etype == "REJECT" and _nothing_declined(tok):
        return "fall"
    if etype == "DISAPPROVE" and _worry(tok, actors):
        return "worry"
    if tok.pos_ == "ADJ" and not judged(tok, actors, state_noun, said_noun):  # "concerned citizens", "concerned about tensions"
        return "feeling"
    return None


def retold(tok: Token | None) -> bool:
    """True when a violent trigger refers back to a deed already told: a definite noun ("the attack",
    "Tuesday's siege") or a deed done "in the attack"."""
    if tok is None:
        return False
    if tok.pos_ == "NOUN":
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in tok.children)
    return any(
        o.pos_ == "NOUN" and o.lemma_.lower() in _DEEDS
        and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children)
        for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
        for o in p.children if o.dep_ == "pobj"
    )
