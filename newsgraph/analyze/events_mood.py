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
#: Verbs that make a decision public: "the United States *announced* it would cease aid".
_DECISION_LEMMAS = lexicon().words("events/intent.csv", "decision")


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


def announced_decision(verb: Token) -> bool:
    """True for a deed its doer announces as decided ("announced that it would cease military aid",
    "announced the United States will ease sanctions"), with no condition or hedge on it: CAMEO codes
    the decision as the deed itself, not as a threat or a promise."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in _DECISION_LEMMAS
        and condition(verb) is None
        and not hedged(verb)
    )


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


def warning_of_others(verb: Token, sources_of) -> bool:
    """True for "X warned that <someone else's deed or a state> ...": a criticism (DISAPPROVE),
    not a threat; "X warned (that) *it* will retaliate" and "warned of consequences" stay threats.

    ``sources_of`` maps a subject token to the actor ids it names.
    """
    if verb.lemma_.lower() != "warn":
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)
    if subj is not None and subj.dep_ == "csubj":
        return True  # "warned that *expanding cooperation* is dangerous": a judgment of a deed
    if clause.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") for c in clause.children):
        return True  # "warned that it is too big to put out": a judgment of a state, not a threat
    if subj is None or subj.pos_ == "PRON" and subj.lower_ not in ("this", "that", "these", "those", "there"):
        return False  # "warned that *it* would respond": the warner's own deed
    doers = {a for s in verb.children if s.dep_ == "nsubj" for a in sources_of(s)}
    named = set(sources_of(subj))
    return not (named and named <= doers)


#: Verbs that report a speaker's words: "Norway *said* it would send aid".
SAY_LEMMAS = frozenset(
    "say announce declare state tell vow pledge promise warn insist confirm add write tweet reiterate "
    "stress emphasize emphasise repeat conclude remind reminder argue assert note".split()
)
#: Heads that state their subject's own intent: "is *ready* to withdraw", "*vowed* to fight".
_OWN_INTENT_HEADS = frozenset(
    "ready willing prepared determined vow pledge promise swear threaten offer agree decide refuse fail".split()
)


def own_intent(verb: Token, doers) -> bool:
    """True when a stated intent, refusal or demand is its doer's own speech act: the doer says it
    ("Norway said *it* would send aid", "Germany said Poland must ...") or declares it ("is ready
    to withdraw"), rather than someone predicting it ("analysts say Tehran would welcome ...") or
    the reporter telling a plan ("Rubio will join the talks on Tuesday").

    ``doers`` maps a subject token to the actor ids it names.
    """
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _OWN_INTENT_HEADS:
        return True
    if verb.dep_ not in ("ccomp", "acl") or verb.head.lemma_.lower() not in SAY_LEMMAS:
        return False
    speaker = [s for s in verb.head.children if s.dep_ == "nsubj"]
    subj = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    if demanded(verb):  # "X said Y must ...": X demands of someone else, not "we must ..."
        return subj[0].lower_ not in ("we", "i", "us", "you") and not (
            speaker and set(doers(subj[0])) & set(doers(speaker[0]))
        )
    if not speaker:
        return False
    return subj[0].pos_ == "PRON" and subj[0].lower_ not in ("you",) or bool(set(doers(subj[0])) & set(doers(speaker[0])))
