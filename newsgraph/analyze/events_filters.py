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
- a non-violent retaliation: "retaliated by announcing tariffs" is no assault.

``retold`` says when a violent trigger refers back to a deed the article already told ("claimed
responsibility for the attack", "were killed in the attack"): evidence of that deed, not a new one.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.events_senses import FORCE_LEMMAS

_HEDGES = frozenset({"possible", "potential", "likely", "looming", "imminent", "further", "future"})
_SPANS = frozenset({"day", "week", "month", "year", "decade"})
_WH = frozenset({"who", "whom", "that", "which", "whose"})
_SUBJ = ("nsubj", "nsubjpass")
#: Verbal acts told in a relative clause are still told as done ("problems that he blamed on X").
_VERBAL = frozenset({"DISAPPROVE", "REJECT", "DEMAND", "THREATEN"})


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
    return not actors(tok.head)


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
    timed = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("when", "if", "once") for c in tok.children)
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


def not_an_event(tok: Token, etype: str, actors) -> str | None:
    """Return why the trigger ``tok`` (read as ``etype``) tells no event here ("label", "charge",
    "background", "description", "forecast", "query", "tally", "trade"), or None.
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
    return None


def retold(tok: Token | None) -> bool:
    """True when a violent trigger refers back to a deed already told: a definite noun ("the attack",
    "Tuesday's siege") or a deed done "in the attack"."""
    if tok is None:
        return False
    if tok.pos_ == "NOUN":
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in tok.children)
    return any(
        o.pos_ == "NOUN" and o.lemma_.lower() in FORCE_LEMMAS | {"attack", "siege", "raid", "strike", "assault"}
        and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children)
        for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
        for o in p.children if o.dep_ == "pobj"
    )
