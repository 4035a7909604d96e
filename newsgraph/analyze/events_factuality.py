"""Whether a trigger's clause tells a deed that happened: the factuality of an event.

News tells many deeds that did not happen: denied ("did not attack"), only possible
("could impose sanctions"), planned ("plans to visit"), hoped for, asked for ("urged X to
withdraw": the urging happened, the withdrawal did not), conditional ("if Ankara
activates the system"), asked about ("Will they meet?"), or told as a habit or a kind of
thing ("attacks on journalists are common", "a threat to stability").  ``factuality``
reads the grammar of the trigger's clause and of the clauses above it and says which of
these the event is, so ``events_confidence`` can weigh it.  It never looks at the words
of a particular article: only at auxiliaries, tense, the verbs a clause hangs on and the
determiners of a noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.events_copula import ranked_copula

#: Verbs whose complement is not (yet) done: wishes, plans, attempts, requests, expectations.
#: "hopes to resolve", "aims at boosting", "urged X to return", "is considering sanctions".
NON_FACTIVE_HEADS = frozenset(
    "hope wish want seek aim plan intend try attempt strive push consider weigh contemplate propose "
    "suggest expect need urge call ask request press encourage appeal invite implore beg allow permit "
    "look prepare threaten vow pledge promise swear offer mull explore discuss debate study demand "
    "insist require order recommend advise tell warn predict forecast fear worry risk imagine "
    "envisage envision would like love prefer hesitate refuse decline fail avoid refrain deny reject "
    "dismiss oppose resist prevent stop block bar forbid prohibit ban veto cancel postpone delay "
    "await wait intention plan bid effort attempt push call demand proposal aim goal "
    "accuse allege suspect".split()  # "accused X of plotting the attack": the plot is alleged, not told as done
)
#: Of those, the vows: their complement is kept and coded as the vow (CAMEO: "vowed to fight" is a
#: threat, "pledged to send aid" an agreement), an event though its deed is not done. A threat's or a
#: demand's complement is not: the threatening or demanding verb is the event.
VOW_HEADS = frozenset("vow pledge promise swear offer".split())
#: Heads of an attempt: CAMEO codes an attempted attack as the attack ("tried to assassinate").
ATTEMPT_HEADS = frozenset({"try", "attempt", "seek"})
#: Auxiliaries that make a clause possible, hypothetical or future rather than done.
MODAL_AUX = frozenset({"could", "would", "may", "might", "should", "can", "ca", "must", "will", "shall", "'ll", "wo", "'d"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
#: Subordinators that make a clause a condition, a question or an alternative, not a fact.
IRREALIS_MARKS = frozenset({"if", "unless", "whether", "lest", "until", "once"})
#: "is due to meet", "is set to visit", "is expected to sign": scheduled, not done.
SCHEDULED_ADJ = frozenset({"due", "set", "expected", "scheduled", "likely", "unlikely", "poised", "slated", "about", "able", "unable", "ready", "willing", "prepared", "eager", "keen", "determined", "reluctant"})
#: Determiners and quantifiers that make a noun generic or negated: "no attacks", "any talks".
GENERIC_DETS = frozenset({"no", "any", "every", "each", "such", "whatever", "all", "more", "further", "new", "future", "possible", "potential", "additional"})
#: Words that, on a noun trigger, name a kind of event, not one that happened ("further sanctions", "possible talks").
_IRREALIS_NOUN_MODS = frozenset({"possible", "potential", "future", "proposed", "planned", "further", "new", "additional", "alleged", "so-called", "expected", "upcoming", "prospective", "eventual", "more", "renewed"})


def _marks(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod") and c.i < tok.i}


def _auxes(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _negated(tok: Token) -> bool:
    """True for a clause its own words deny ("did not meet", "never attacked"; not "not only ... but")."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in ("only", "just", "merely"):
                continue
            return True
    return False


_RHETORICAL_HEADS = frozenset({"think", "imagine", "believe", "guess", "dream", "expect", "predict"})


def _rhetorical(verb: Token) -> bool:
    """True for "who would have thought (that) ...", whose complement the speaker takes as fact."""
    return (
        verb.lemma_.lower() in _RHETORICAL_HEADS
        and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ in ("would", "could") for c in verb.children)
    )


def _lemma_in(tok: Token, words: frozenset[str]) -> str | None:
    """The word of ``words`` that ``tok`` is a form of, or None. The small model's lemmatiser
    misreads some verbs ("hopes", "hoped" -> "hop"), so plain suffix-stripped forms count too."""
    low = tok.lower_
    if tok.lemma_.lower() in words or low in words:
        return tok.lemma_.lower() if tok.lemma_.lower() in words else low
    for ending in ("s", "d", "es", "ed", "ing"):  # only an inflection is stripped: "began" is no form of "beg"
        if low.endswith(ending) and (form := low[: -len(ending)]) in words:
            return form
    return None


def presupposed(tok: Token) -> bool:
    """True for a deed under "who would have thought (that) ...": the speaker takes it as done."""
    return any(_rhetorical(node) for node in clause_chain(tok))


def _nobody(subj: Token) -> bool:
    """True for a subject that names no one: "no country", "none", "nobody", "neither side"."""
    if subj.lower_ in ("none", "nobody", "noone", "neither", "nothing"):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subj.children)


def _up(tok: Token) -> Token | None:
    """The token a clause or noun phrase hangs on, or None at the root."""
    return None if tok.head.i == tok.i else tok.head


def clause_chain(tok: Token, limit: int = 8) -> list[Token]:
    """The trigger, then every head above it up to the sentence root (nouns and verbs alike)."""
    chain = [tok]
    node = tok
    for _ in range(limit):
        up = _up(node)
        if up is None:
            break
        chain.append(up)
        node = up
    return chain


def factuality(tok: Token) -> tuple[str, str | None]:
    """Return (verdict, reason) for the deed a trigger names.

    Verdicts: ``"asserted"`` (told as done or happening), ``"speech-act"`` (a threat, promise
    or demand of a future deed: the act of saying is the event), ``"irrealis"`` (denied,
    hypothetical, planned, conditional, asked about, generic), and ``"weak"`` (told as done,
    but in a form that often names no particular occurrence: a bare present tense, a bare
    plural noun).  ``reason`` names the grammar that decided.
    """
    sent = tok.sent
    if sent.text.rstrip().rstrip("\"'”’ )").endswith("?"):
        return "irrealis", "question"
    if presupposed(tok):
        return "asserted", "rhetorical"  # "who would have thought that X would ...": X is presupposed
    if tok.pos_ != "VERB":
        noun = _noun_reading(tok)
        if noun is not None:
            return noun
    node, prev = tok, None
    steps = 0
    while node is not None and steps < 8:
        steps += 1
        is_verb = node.pos_ in ("VERB", "AUX")
        if is_verb or node is tok:
            verdict = _clause_reading(node, first=node is tok or prev is None)
            if verdict is not None:
                return verdict
        if prev is not None and (lemma := _lemma_in(node, NON_FACTIVE_HEADS)) and _complement(node, prev):
            if lemma in VOW_HEADS and is_verb:
                return "speech-act", lemma
            return "irrealis", f"under {lemma}"
        if prev is not None and prev.dep_ == "acomp" or node.dep_ == "acomp":
            pass
        if node.lower_ in SCHEDULED_ADJ and prev is not None and prev.dep_ in ("xcomp", "advcl"):
            return "irrealis", f"{node.lower_} to"
        if is_verb and node.dep_ in ("ROOT",) or node.dep_ == "parataxis":
            break
        if is_verb and node.dep_ in ("relcl",):
            break  # a relative clause's head noun does not govern its factuality
        if is_verb and node.dep_ == "advcl" and node.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in node.children):
            break  # "will continue ..., *as Tehran rejected* the offer": a past clause with its own subject is told as done
        prev, node = node, _up(node)
    return "asserted", None


#: Verbs of saying: what they report ("told VOA that X was released", "warned that X attacked")
#: is asserted; only what they tell someone to do ("told X to leave") is not done.
_SAYING = frozenset({"tell", "warn", "advise", "insist", "deny", "predict", "fear", "worry", "suggest"})
#: Prepositions that introduce what a non-factive head is about ("called *for* talks",
#: "aimed *at* boosting"), not when something happened ("*after* a meeting").
_COMPLEMENT_PREPS = frozenset({"for", "at", "on", "to", "of", "toward", "towards", "into", "about"})


def _complement(head: Token, below: Token) -> bool:
    """True when ``below`` (a token on the path up from the trigger) is what ``head`` wishes, plans or asks for."""
    if below.dep_ == "ccomp":
        if head.tag_ == "JJ" or below.pos_ in ("NOUN", "ADJ"):
            return False  # "encouraged (that) the parties have reached ...", "consider the withdrawal a good step": judged, so done
        return head.lemma_.lower() not in _SAYING
    if below.dep_ in ("xcomp", "dobj", "pcomp", "compound", "nsubj", "acl"):
        return True
    if below.dep_ == "prep":
        return below.lower_ in _COMPLEMENT_PREPS
    if below.dep_ == "advcl":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
    return False


def _clause_reading(verb: Token, first: bool) -> tuple[str, str | None] | None:
    """What a verb's own auxiliaries, negation and subordinator say, or None when they say it was done."""
    auxes = _auxes(verb)
    if _negated(verb):
        return "irrealis", "negated"
    if any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(c) for c in verb.children):
        return "irrealis", "no one"  # "No country has recognized ...", "none of them attended"
    marks = _marks(verb)
    if marks & IRREALIS_MARKS:
        return "irrealis", f"'{sorted(marks & IRREALIS_MARKS)[0]}' clause"
    if auxes & MODAL_AUX:
        return ("irrealis", "future") if auxes & FUTURE_AUX else ("irrealis", f"modal {sorted(auxes & MODAL_AUX)[0]}")
    if (copula := ranked_copula(verb)) is not None:  # "was the first to reject": as done as its copula
        return _clause_reading(copula, first=False)
    if "to" in auxes and verb.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl", "csubj", "ROOT", "pcomp"):
        head = verb.head
        if head.lemma_.lower() in VOW_HEADS and verb.dep_ in ("xcomp", "advcl"):
            return "speech-act", head.lemma_.lower()  # "have sworn to fight" (often parsed advcl): a vow
        if first and head.lemma_.lower() in ATTEMPT_HEADS and verb.dep_ in ("xcomp", "acl"):
            return "attempt", head.lemma_.lower()  # "tried to hack into", "an attempt to assassinate"
        if verb.dep_ == "advcl" or verb.dep_ == "acl":
            return "irrealis", "purpose"  # "met to discuss", "a plan to strike"
        if head.lemma_.lower() in _IMPLICATIVE:
            return None
        if verb.dep_ == "xcomp" and not _lemma_in(head, NON_FACTIVE_HEADS) and head.pos_ == "VERB":
            return None  # "went on to win" and other implicatives; the chain decides the rest
        return "irrealis", "infinitive"
    if first and verb.tag_ in ("VBZ", "VBP") and not auxes and verb.dep_ not in ("ccomp",):
        return "weak", "present tense"
    return None


#: Verbs whose "to" complement did happen: "managed to free", "went on to win".
_IMPLICATIVE = frozenset({"manage", "begin", "start", "continue", "go", "proceed", "resume", "succeed", "help", "get", "dare", "use"})


def present_simple(tok: Token) -> bool:
    """True for a verb in the bare present ("attacks", "kill"), with no auxiliary. News tells a deed of
    force done in the past tense, even in reported speech; in the present it is someone's charge or a
    habit ("Israel attacks the Muslims in Jerusalem", said Erdogan), or a headline."""
    return tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBP") and not _auxes(tok)


#: Determiners that make the object a verb's row needs a kind of thing: "condemns *any* violence".
_KIND_DETS = frozenset({"any", "every", "all", "no", "whatever"})


def generic_object(noun: Token) -> bool:
    """True for a noun that names every or no such thing ("condemns any violence", "rejects all talks"):
    the verb then tells a stance, not a deed done to one occurrence."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _KIND_DETS for c in noun.children)


def _noun_reading(noun: Token) -> tuple[str, str | None] | None:
    """What a noun trigger's own determiners and modifiers say ("no talks", "possible sanctions",
    bare "sanctions"), or None when it may name a particular occurrence (then the clause decides)."""
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "advmod", "nummod", "quantmod")}
    if dets & {"no", "never"}:
        return "irrealis", "no"
    if dets & _IRREALIS_NOUN_MODS or dets & GENERIC_DETS:
        return "irrealis", f"'{sorted(dets & (_IRREALIS_NOUN_MODS | GENERIC_DETS))[0]}' {noun.lower_}"
    if noun.head.lower_ == "as" and noun.dep_ == "pobj":
        return "irrealis", "as a kind"  # "served as a warning", "seen as a challenge": a description, no occurrence
    if noun.head.lower_ in ("of", "for", "about", "against") and noun.head.head.lemma_.lower() in (
        "threat", "risk", "fear", "prospect", "possibility", "danger", "chance", "call", "demand", "plan", "need",
        "hope", "talk", "idea", "question", "issue", "concern", "warning", "case", "way", "end", "form", "kind",
    ):
        return "irrealis", f"{noun.head.head.lemma_.lower()} of"
    has_det = any(c.dep_ in ("det", "poss") for c in noun.children) or any(
        c.dep_ in ("compound", "amod") and (c.ent_type_ or c.pos_ == "PROPN") for c in noun.children
    )
    if not has_det and noun.tag_ == "NNS" and noun.dep_ not in ("dobj", "pobj") or not has_det and noun.dep_ in ("nsubj", "nsubjpass"):
        return "weak", "bare noun"
    return None
