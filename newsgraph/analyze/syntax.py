"""The grammar layer: every reading of spaCy's dependency parse that more than one stage needs.

``actors``, ``statements`` (``quotes_reported``) and ``events`` ask the parse the same
questions (who is the subject of this verb, which verb governs this noun, what are
its objects, where does its sentence start) and all ask them here.  The dependency
labels are named once, below: they are ClearNLP's, as spaCy's English models emit;
a model with Universal Dependencies labels changes this block only.

Every function looks at one token and its neighbourhood, climbing at most
``CLIMB_LIMIT`` heads, so callers stay linear in document length.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.actors_titles import role_word
from newsgraph.analyze.doc import actors_of

# -- dependency labels (ClearNLP) -----------------------------------------------------
NSUBJ, NSUBJPASS, CSUBJ, CSUBJPASS, EXPL = "nsubj", "nsubjpass", "csubj", "csubjpass", "expl"
AGENT, DOBJ, DATIVE, POBJ, PREP, PRT = "agent", "dobj", "dative", "pobj", "prep", "prt"
ROOT, CONJ, CC, PUNCT, APPOS, PARATAXIS = "ROOT", "conj", "cc", "punct", "appos", "parataxis"
CCOMP, XCOMP, ADVCL, PCOMP, ACL, RELCL = "ccomp", "xcomp", "advcl", "pcomp", "acl", "relcl"
AUX, AUXPASS, MARK, NEG = "aux", "auxpass", "mark", "neg"
POSS, COMPOUND, AMOD, NMOD, NUMMOD, DET = "poss", "compound", "amod", "nmod", "nummod", "det"
PREDET, QUANTMOD, CASE, NPADVMOD = "predet", "quantmod", "case", "npadvmod"

#: Who does a verb: an active subject, or a clausal one.
SUBJECTS = (NSUBJ, CSUBJ)
#: Subjects of either voice.
ANY_SUBJECTS = (NSUBJ, NSUBJPASS)
#: What a verb acts on ("obj"/"iobj" are the UD names, for a model that emits them).
OBJECTS = (DOBJ, DATIVE, "obj", "iobj")
#: Clauses nested in a clause, not entered when reading the clause's own words.
NESTED_CLAUSES = (CCOMP, ADVCL, RELCL, ACL, XCOMP, CSUBJ)
#: Open and closed quote marks as tokens.
OPEN_QUOTES, CLOSE_QUOTES = "“\"‘«", "”\"’»"

#: How many heads any climb up the parse goes at most: a sentence's chain of
#: coordinated and complement verbs is rarely deeper, and the limit keeps every
#: reading of a token bounded.  (Measured: 8 lets a noun deep in a long phrase take a
#: verb's subject as its doer, "his speech on the anniversary of the protest": Obama protests.)
CLIMB_LIMIT = 6


def ancestors(tok: Token, limit: int = CLIMB_LIMIT) -> Iterator[Token]:
    """Yield ``tok``'s heads, nearest first, at most ``limit`` of them, stopping at the root."""
    node = tok
    for _ in range(limit):
        if node.head.i == node.i:
            return
        node = node.head
        yield node


def is_verb(tok: Token) -> bool:
    """True for a verb or an auxiliary."""
    return tok.pos_ in ("VERB", "AUX")


def children(tok: Token, deps: Iterable[str]) -> list[Token]:
    """Return ``tok``'s children with one of the dependency labels ``deps``."""
    deps = tuple(deps)
    return [c for c in tok.children if c.dep_ in deps]


def objects(verb: Token) -> list[Token]:
    """Return what ``verb`` acts on: its direct and dative objects."""
    return children(verb, OBJECTS)


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Return the objects of ``token``'s prepositions among ``preps`` ("talks *with* X": X)."""
    return [o for p in token.children if p.dep_ == PREP and p.lower_ in preps for o in p.children if o.dep_ == POBJ]


def for_to_clauses(head: Token) -> list[tuple[Token, Token]]:
    """Return (clause verb, its "for") for each for-to clause below ``head``: "called *for* the Taliban
    to *lift* the ban" (the parser makes "for" the mark of "lift", a clause of "called")."""
    return [(c, m) for c in head.children if c.dep_ in (ADVCL, XCOMP, CCOMP)
            for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]


def agents(verb: Token) -> list[Token]:
    """Return the "by" doers of a passive verb ("was arrested *by police*": police)."""
    return [o for a in verb.children if a.dep_ == AGENT for o in a.children if o.dep_ == POBJ]


def is_passive(verb: Token) -> bool:
    """True for a verb with a passive subject ("X *was arrested*")."""
    return any(c.dep_ == NSUBJPASS for c in verb.children)


def has_aux(verb: Token, words: Iterable[str], deps: tuple[str, ...] = (AUX,)) -> bool:
    """True when an auxiliary of ``verb`` is one of ``words`` ("*will* send", "*must* return")."""
    words = tuple(words)
    return any(c.dep_ in deps and c.lower_ in words for c in verb.children)


def nearest_subject(node: Token, anchor: Token | None = None) -> Token | None:
    """Return ``node``'s subject; two subjects is a misparse ("Agency – On Monday, the minister
    said"), and the one nearer ``anchor`` (default ``node``) is the subject."""
    subjects = children(node, SUBJECTS)
    if not subjects:
        return None
    anchor = anchor if anchor is not None else node
    return min(subjects, key=lambda c: abs(anchor.i - c.i))


def clause_verb(tok: Token) -> Token:
    """Return the verb whose clause holds ``tok`` (the token itself for a verb; the root at worst)."""
    if is_verb(tok):
        return tok
    node = tok
    for node in ancestors(tok):
        if is_verb(node):
            return node
    return node


def governing_verb(noun: Token) -> Token | None:
    """Return the verb a noun hangs on ("In a *meeting* with X, Y *said*"), or None for a subject or the root."""
    node = noun
    for _ in range(CLIMB_LIMIT):
        if node.dep_ in (NSUBJ, NSUBJPASS, ROOT) or node.head.i == node.i:
            return None
        node = node.head
        if is_verb(node):
            return node
    return None


def clause_tokens(verb: Token) -> list[Token]:
    """Return the tokens of ``verb``'s clause, not entering clauses nested in it."""
    found, stack = [], [verb]
    while stack:
        tok = stack.pop()
        found.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in NESTED_CLAUSES)
    return found


def sentence_bounds(tok: Token) -> tuple[int, int]:
    """Return the token range ``[start, end)`` of ``tok``'s sentence (spaCy's ``Token.sent``,
    which walks the sentence's own tokens only)."""
    sent = tok.sent
    return sent.start, sent.end


# -- subjects -------------------------------------------------------------------------
def speaker_subject(verb: Token) -> Token | None:
    """Return the token naming who performs a verb of saying, following coordination and participles.

    A passive's "by" agent counts; "it was said that ..." names nobody; "Smith, who
    said ..." and "Smith, saying ..." name Smith; a verb left without a subject takes
    the noun right before it (``noun_before``).
    """
    node = verb
    for _ in range(CLIMB_LIMIT):
        subj = nearest_subject(node)
        if subj is not None:
            return subj
        agent = next((c for c in node.children if c.dep_ == AGENT), None)
        pobj = next((c for c in agent.children if c.dep_ == POBJ), None) if agent is not None else None
        if pobj is not None:
            return pobj
        if is_passive(node):
            return None  # "it was said that ...": no speaker named
        if node.dep_ in (CONJ, ADVCL, XCOMP, PCOMP) and node.head.i != node.i and node.head.pos_ != "ADJ":
            # (not from "it is worth mentioning": the writer's aside, no one's speech)
            node = node.head
            if node.pos_ == "ADP":  # "after saying ..." hangs on a preposition
                node = node.head
            continue
        if node.dep_ == RELCL or (node.dep_ == ACL and (node.head.pos_ == "PROPN" or node.head.ent_type_)):
            return node.head  # "Smith, who said ...", "Smith, saying ..."; not "in order to discuss"
        return noun_before(node)
    return None


#: "left *after* meeting X", "protested *by* blocking roads": the deed was done by the verb's
#: subject; not "refrained *from*", "balked *at*", "instead *of*", "accused *of*"
DONE_PREPS = ("by", "after", "before", "in", "while", "through", "upon", "on")


def doer_subjects(verb: Token) -> list[Token]:
    """Return the subject of a verb of doing (one token, or none), inherited up xcomp/conj/advcl/acl chains.

    "X issued a declaration *demanding* ...": X; "youths *throwing* stones": youths;
    "protested by *blocking* roads": the subject of "protested" (a ``DONE_PREPS`` preposition).
    The climb stops at a passive clause: whoever did it is not the subject of a clause above it
    ("it's time a special prosecutor be appointed to *investigate* ..., Priebus said").
    """
    node = verb
    for _ in range(CLIMB_LIMIT):
        subj = nearest_subject(node, anchor=verb)
        if subj is not None:
            return [subj]
        if node is not verb and children(node, (NSUBJPASS,)):
            break  # a passive clause's subject is done to: "time a special prosecutor *be appointed* to investigate"
        if node.dep_ not in (XCOMP, CONJ, ADVCL, CCOMP, PCOMP, ACL) or node.head.i == node.i:
            break
        came_by, node = node, node.head
        if came_by.dep_ == ACL and node.dep_ == DOBJ and is_verb(node.head):
            node = node.head  # "X issued a declaration *demanding* ...": X demands
        elif came_by.dep_ == ACL and node.pos_ in ("NOUN", "PROPN") and is_active(came_by):
            return [node]  # "youths *throwing* stones", or a finite verb misparsed as acl: the noun does it
        elif came_by.dep_ == PCOMP and node.lower_ in DONE_PREPS and is_verb(node.head):
            node = node.head  # "protested by *blocking* roads": the verb's subject blocks
    return []


def is_active(verb: Token) -> bool:
    """True for an active participle or a finite verb ("men *carrying* guns"), not a passive one ("weapons *seized*")."""
    return verb.tag_ in ("VBG", "VBD", "VBZ", "VBP")


def reporting_subjects(verb: Token) -> Iterator[Token]:
    """Yield the non-pronoun subjects of the verbs whose complement holds ``verb``, nearest first:
    "Hungary said *it* will support" -> Hungary."""
    node = verb
    for _ in range(CLIMB_LIMIT):
        if node.dep_ not in (CCOMP, XCOMP, CONJ) or node.head.i == node.i:
            return
        node = node.head
        yield from (s for s in doer_subjects(node) if s.pos_ != "PRON")


# -- the parser's usual slip: a subject left before its verb ----------------------------
def noun_before(verb: Token) -> Token | None:
    """Return the noun right before a subjectless verb, the parser's usual slip when a long
    name is hung on the wrong head ("…, Iran’s Leader Ali Khamenei pointed out"), or None."""
    sent_start = verb.sent.start
    doc = verb.doc
    i = verb.i - 1
    while i >= sent_start and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].text == ")"):
        if doc[i].text == ")":  # "Sen. Chris Murphy (a Connecticut Democrat ...) says"
            while i >= sent_start and doc[i].text != "(":
                i -= 1
        i -= 1
    if i < sent_start:
        return None
    tok = doc[i]
    if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.dep_ not in (POBJ, DOBJ):
        return tok
    return None


def segment_start(verb: Token) -> int:
    """Return where the stretch of words right before ``verb`` starts: after the last comma,
    bracket, dash, verb or subordinator of its sentence before it."""
    sent_start = verb.sent.start
    for tok in reversed(verb.doc[sent_start:verb.i]):
        if (tok.is_punct and tok.text in ",;:()–—") or tok.pos_ in ("VERB", "SCONJ") or tok.dep_ == MARK:
            return tok.i + 1
    return sent_start


def phrase_head(tok: Token, lo: int, hi: int) -> Token:
    """Return the head of ``tok``'s phrase inside tokens ``[lo, hi)`` (climbing while the head stays inside)."""
    top = tok
    while top.head.i != top.i and lo <= top.head.i < hi:
        top = top.head
    return top


# -- edges ------------------------------------------------------------------------------
def trim_edges(doc: Doc, left: int, right: int, *, punct: bool = True, complementiser: bool = False,
               paired_quotes: bool = False) -> tuple[int, int] | None:
    """Return tokens ``left..right`` (inclusive) without spaces at the edges, and optionally punctuation
    (``punct``), a leading "that"/"whether" (``complementiser``); with ``paired_quotes`` a quote
    mark whose partner is inside stays.  None when nothing is left."""
    def droppable(tok: Token) -> bool:
        return tok.is_space or (punct and tok.is_punct)

    while left <= right and (droppable(doc[left]) or (
            complementiser and doc[left].lower_ in ("that", "whether") and doc[left].dep_ == MARK)):
        if paired_quotes and doc[left].text in OPEN_QUOTES and any(
                t.text in CLOSE_QUOTES for t in doc[left + 1:right + 1]):
            break
        left += 1
    while right >= left and droppable(doc[right]):
        if paired_quotes and doc[right].text in CLOSE_QUOTES and any(t.text in OPEN_QUOTES for t in doc[left:right]):
            break
        right -= 1
    return (left, right) if left <= right else None


def trimmed_span(span: Span, punct: bool = True) -> Span | None:
    """Return ``span`` without spaces (and, with ``punct``, punctuation) at its edges, or None if nothing is left."""
    edges = trim_edges(span.doc, span.start, span.end - 1, punct=punct)
    return span.doc[edges[0]:edges[1] + 1] if edges else None


# -- tokens -> actors -------------------------------------------------------------------
class ActorIndex:
    """Which actor a token or a stretch of text names, from the actors component's mentions.

    A token names the actor whose mention overlaps it most; a tie goes to the mention
    that starts last (the head of "the leader of Hamas Ismail Haniyeh" is the name at
    its end).  ``span_actor`` applies the same rule to a character span.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._actors = actors_of(doc)
        self.types: dict[str, str] = {a.id: a.type for a in self._actors}

    @cached_property
    def by_token(self) -> dict[int, str]:
        """Token index -> actor id."""
        best: dict[int, tuple[int, int, str]] = {}
        for actor in self._actors:
            for m in actor.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                for tok in span or ():
                    overlap = min(m.end, tok.idx + len(tok)) - max(m.start, tok.idx)
                    key = (overlap, m.start, actor.id)
                    if overlap > 0 and (tok.i not in best or key[:2] > best[tok.i][:2]):
                        best[tok.i] = key
        return {i: key[2] for i, key in best.items()}

    def span_actor(self, start: int, end: int) -> str | None:
        """Return the id of the actor with a mention overlapping characters ``[start, end)`` most, or None."""
        best: tuple[int, int, str] | None = None
        for actor in self._actors:
            for m in actor.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > 0:
                    key = (overlap, m.start, actor.id)
                    if best is None or key[:2] > best[:2]:
                        best = key
        return best[2] if best else None

    def phrase_actor(self, head: Token, via_of: bool = True) -> str | None:
        """Return the actor a noun phrase names: its head first, then modifiers, then possessors, then "of X".

        A person's role is the name in apposition ("Sudan's U.N. envoy, Omer Siddig"), else its possessor
        ("Iran's U.N. ambassador" is Iran's envoy): the possessor is whom the role serves, a modifier
        only where it is held.
        """
        if head.i not in self.by_token and role_word(head):
            for dep in ("appos", POSS):
                named = next((a for c in head.children if c.dep_ == dep and (a := self.phrase_actor(c, False))), None)
                if named:
                    return named
        for allowed in ((), (POSS,), (POSS, "of")) if via_of else ((), (POSS,)):
            queue, seen = [head], set()
            while queue:
                tok = queue.pop(0)
                if tok.i in seen:
                    continue
                seen.add(tok.i)
                if tok.i in self.by_token:
                    return self.by_token[tok.i]
                for child in tok.children:
                    if child.dep_ == POSS and POSS not in allowed:
                        continue
                    if child.dep_ == PREP:
                        if "of" in allowed and child.lower_ == "of":
                            queue.extend(child.children)
                        continue
                    if child.dep_ in (RELCL, ACL, ADVCL, PUNCT, CC, CONJ, CCOMP, XCOMP):
                        continue
                    queue.append(child)
        return None

    def actors(self, head: Token) -> list[str]:
        """Return the actors of a phrase and of its conjuncts ("Jordan and Britain")."""
        found: list[str] = []
        # "of X" only when nothing better is named: "the head of Hamas" stands for
        # Hamas, but "the representative of the Leader and Secretary ... Y" is Y.
        for via_of in (False, True):
            for tok in (head, *head.conjuncts):
                actor = self.phrase_actor(tok, via_of)
                if actor and actor not in found:
                    found.append(actor)
            if found:
                break
        return found

    def actor_before(self, verb: Token) -> list[str]:
        """The actor named right before a verb the parser left without a subject
        ("..., Iran's Leader X pointed out"): the last one in ``segment_start``'s stretch."""
        lo = segment_start(verb)
        for tok in reversed(verb.doc[lo:verb.i]):
            if tok.i in self.by_token:
                actor = self.phrase_actor(phrase_head(tok, lo, verb.i))
                return [actor] if actor else [self.by_token[tok.i]]
        return []
