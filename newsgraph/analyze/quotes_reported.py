"""Reported speech from the dependency parse: cue, speaker, content, addressee.

The rules read spaCy's parse (ClearNLP labels, as the English models emit):

* a cue verb with a clausal complement: "X said (that) ...", "..., X said",
  "X pointed out that ...", "X went on to say that ...", "noting that ...";
* a cue verb with a noun-phrase object, for verbs that report speech that
  way: "X stressed the importance of ...", "X expressed gratitude for ...";
* "X referred to A as B"; "According to X, ..."; "X, he said, ...";
  "as X noted, ...";
* where the parser slipped: a "that" clause hung on a noun ("said during a
  conference that ..."), a subject it did not link (the noun just before).

One cue gives one statement.  Coordinated clauses under one cue ("said that
A, and that B") stay in that statement, since the parse hangs them on the
first clause and the reader sees one act of speech; two cues coordinated
("underlined A and said that B") give two statements.  Where a content lies
when it is not a clause (objects, names given, the sentence's shape) is
``quotes_content``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.analyze.cues import (
    ACT_CUES,
    CALL_FOR,
    CARRIER_VERBS,
    CLAUSE_ONLY,
    DECLINING_VERBS,
    HYPOTHETICAL_MODALS,
    NAMING_VERBS,
    NP_CONTENT_VERBS,
    PARTICLE_CUES,
    PRESENTING_VERBS,
    QUOTE_ONLY,
    REPORTER_WORDS,
    SAYING_TO_VERBS,
    SAYING_VERBS,
    TELLING_VERBS,
    TOPIC_VERBS,
    XCOMP_CUES,
)
from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.quotes_content import (
    act_not_speech,
    speech_object,
    around,
    asked_to,
    by_position,
    called_for,
    clause_content,
    name_given,
    naming_content,
    object_content,
    presented_report,
    refer_as,
    trimmed,
)
from newsgraph.analyze.quotes_speakers import (
    agreeing_subject,
    agrees,
    cited_speaker,
    cites_as_saying,
    inverted_subject,
    relative_head_before,
)
from newsgraph.analyze.statements_relative import antecedent
from newsgraph.analyze.syntax import sentence_bounds, speaker_subject

#: What a speaker addresses someone in: "in a letter to X".
_MESSAGES: frozenset[str] = lexicon().words("speech/speakers.csv", "message")
#: Children cut from a speaker's phrase: "Smith, who ..., said" -> "Smith".
_SPEAKER_PRUNE = frozenset({"relcl", "acl", "punct", "advcl", "parataxis", "cc", "appos"})


@dataclass
class Reported:
    """One piece of reported speech found in the parse (character offsets into the doc)."""

    cue_start: int
    cue_end: int
    content_start: int | None
    content_end: int | None
    speaker: tuple[int, int] | None = None
    speaker_token: Token | None = None
    addressee: tuple[int, int] | None = None
    cue_token: Token | None = None
    #: The content is the verb's object, not a clause ("stressed the importance of ...").
    np_content: bool = False
    #: The speaker is named by the cue's own subject, not inherited from a verb it hangs on.
    own_subject: bool = True


def cue_tokens(doc: Doc) -> list[Token]:
    """Return the tokens that can head a cue: verbs of saying, and "according"."""
    found = []
    for tok in doc:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            found.append(tok)
        elif tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in SAYING_VERBS or tok.lemma_.lower() in ACT_CUES):
            found.append(tok)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() == CALL_FOR and called_for(tok) is not None:
            found.append(tok)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in NAMING_VERBS and name_given(tok) is not None:
            found.append(tok)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in PRESENTING_VERBS and presented_report(tok) is not None:
            found.append(tok)
    return found


def not_said(verb: Token) -> bool:
    """True when the cue reports no act of speech: negated ("did not say", "never denied"),
    hypothetical ("would say", "if he says"), or a topic ("discussed the economy")."""
    if verb.lemma_.lower() in TOPIC_VERBS:
        return True
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_MODALS):
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless") and verb.dep_ == "advcl":
            return True
    return False


def reported_speech(doc: Doc) -> list[Reported]:
    """Return every cue the parse ties to a speaker or a content, in text order."""
    out: list[Reported] = []
    for tok in cue_tokens(doc):
        item = _according_to(doc, tok) if tok.lower_ == "according" else _from_verb(doc, tok)
        if item is not None:
            out.append(item)
    return out


def speaker_span(tok: Token) -> tuple[int, int]:
    """Return the char span naming a speaker: its phrase without clauses and asides."""
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        tok = antecedent(tok)  # "X, who said ..." -> X
    keep = [tok]
    stack = [tok]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in _SPEAKER_PRUNE or child.is_space or _aside(child):
                continue
            keep.append(child)
            stack.append(child)
    kept = {t.i for t in keep}
    # a pruned aside inside the phrase ("Smith, 54, of Ohio") leaves a gap: keep the head's run
    lo = hi = tok.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = tok.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _aside(prep: Token) -> bool:
    """True for a prepositional aside like "for his part", "in their turn" (not "of his party")."""
    if prep.dep_ != "prep" or prep.lower_ == "of":
        return False
    return any(c.dep_ == "pobj" and any(g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children)
               for c in prep.children)


def speaker_token(cue: Token) -> Token | None:
    """Return the token naming who speaks for a cue token (a verb of saying, or "according")."""
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return speaker_subject(cue) or inverted_subject(cue)


def _cue_extent(verb: Token) -> tuple[Token, Token]:
    """Return the first and last token of the cue words around ``verb``."""
    first = last = verb
    for child in verb.children:
        if child.dep_ == "prt" and child.i <= verb.i + 2 and child.i > verb.i:
            last = child
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if verb.lemma_.lower() == "refer" and nxt is not None and nxt.lower_ == "to":
        last = nxt  # "referred to A as B"
    head = verb.head
    if verb.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in CARRIER_VERBS and head.i < verb.i <= head.i + 4:
        first = head  # "went on to say"
    return first, last


def _after_it_is_adjective(verb: Token) -> bool:
    """True for an infinitive after "it is <adjective>" ("it is hard to predict", "it was too early to say"):
    a judgment on saying, not an act of it."""
    be = verb.head.head if verb.head.pos_ == "ADJ" else verb.head
    return any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in be.children) and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children)


def _not_a_cue(verb: Token, lemma: str) -> bool:
    """True when a verb of saying reports no statement of its own where it stands."""
    if not_said(verb) or cites_as_saying(verb):
        return True
    if lemma in PARTICLE_CUES and PARTICLE_CUES[lemma]:
        if not any(c.dep_ == "prt" and c.lower_ in PARTICLE_CUES[lemma] for c in verb.children):
            return True
    if verb.dep_ == "amod" or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(
            c.dep_ == "nsubj" for c in verb.children)):
        return True  # "the said document", "a so-called deal" (not "a move that the lawyer called ...")
    if lemma == "ask" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True  # "Asked about X, she said ...": the one asked speaks, in the main clause
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in DECLINING_VERBS:
        return True  # "declined to say whether ..."
    if verb.dep_ == "xcomp" and _after_it_is_adjective(verb):
        return True  # "it is hard to predict how ...": what no one says
    # "urged the leaders to agree on ...": what was asked, part of the one statement
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in XCOMP_CUES and verb.head.i < verb.i


def _content(doc: Doc, verb: Token, lemma: str) -> tuple[tuple[int, int] | None, bool]:
    """Return the content the parse gives a cue (None if none) and whether it is a noun phrase
    to be trusted only with a known speaker ("stressed the importance of ...")."""
    content = speech_object(doc, verb) or clause_content(doc, verb)
    if content is None and lemma in NAMING_VERBS:
        content = naming_content(doc, verb)
    if content is None and lemma == "refer":
        content = refer_as(doc, verb)
    if content is None and lemma in XCOMP_CUES:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if xcomp is not None and xcomp.i > verb.i:
            # "urged owners to substitute ...": whom the speech asks is part of what was said
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
            content = trimmed(doc, *(asked_to(verb, obj) or (xcomp.left_edge.i, xcomp.right_edge.i)))
    if content is None and (lemma in NP_CONTENT_VERBS and lemma not in CLAUSE_ONLY or lemma in ACT_CUES
                            or lemma == CALL_FOR):
        content = object_content(doc, verb)
        if content is not None:
            # trusted without a known actor when coordinated with another cue ("stressed A and said B")
            partners = [verb.head] if verb.dep_ == "conj" else []
            partners += [c for c in verb.children if c.dep_ == "conj"]
            return content, not any(p.lemma_.lower() in SAYING_VERBS for p in partners)
    if content is None and verb.dep_ == "parataxis":
        content = around(doc, verb.head, verb)
    if content is None and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        content = around(doc, verb.head, verb)  # "as Comey noted, people ... could be ..."
    return content, False


def _from_verb(doc: Doc, verb: Token) -> Reported | None:
    lemma = verb.lemma_.lower()
    if lemma in PRESENTING_VERBS:
        return _presenting(doc, verb) if not not_said(verb) else None
    if _not_a_cue(verb, lemma) or act_not_speech(verb):
        return None
    if lemma in QUOTE_ONLY:  # "“...,” he continued": a cue for the quote around it, nothing else
        first, last = _cue_extent(verb)
        subj = speaker_subject(verb)
        if subj is None:
            return None
        return Reported(first.idx, last.idx + len(last.text), None, None, speaker_span(subj), subj, cue_token=verb)
    content, np_content = _content(doc, verb, lemma)
    first, last = _cue_extent(verb)
    subj = cited_speaker(verb) or speaker_subject(first if first.i != verb.i else verb) or inverted_subject(verb)
    if subj is not None and not agrees(verb, subj):
        subj = agreeing_subject(verb, subj)
    if subj is None:
        subj = relative_head_before(verb)
    if lemma == "ask" and subj is not None and subj.lower_ in REPORTER_WORDS:
        return None  # a question the reporter put
    if content is None and subj is not None and subj.head.i == verb.i and (
            lemma in SAYING_VERBS or lemma not in NAMING_VERBS):  # "A, he called ..." is no content of "called"
        content = by_position(doc, verb, subj)
    if content is None and subj is None:
        return None
    item = Reported(cue_start=first.idx, cue_end=last.idx + len(last.text),
                    content_start=content[0] if content else None, content_end=content[1] if content else None,
                    cue_token=verb, np_content=np_content)
    if subj is not None:
        item.speaker = speaker_span(subj)
        item.speaker_token = subj
        item.own_subject = subj.head.i in (first.i, verb.i)
    item.addressee = _addressee(verb)
    return item


def _presenting(doc: Doc, verb: Token) -> Reported | None:
    """"X presented a report on A": the report is X's speech, its words the content."""
    obj = presented_report(verb)
    subj = speaker_subject(verb)
    content = trimmed(doc, obj.left_edge.i, obj.right_edge.i) if obj is not None else None
    if content is None or subj is None:
        return None
    return Reported(verb.idx, verb.idx + len(verb.text), content[0], content[1], speaker_span(subj), subj,
                    cue_token=verb, np_content=True)


def _addressee(verb: Token) -> tuple[int, int] | None:
    """Return the span of whom the speech is addressed to, where the sentence says so."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if lemma in TELLING_VERBS and child.dep_ in (
            "dobj", "dative") and child.pos_ in ("PROPN", "NOUN"):
            return speaker_span(child)
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and lemma in SAYING_TO_VERBS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return speaker_span(pobj)
        if child.dep_ == "advcl" and child.lemma_.lower() == "address":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return speaker_span(obj)
        if child.dep_ == "prep" and child.lower_ == "in":  # "said in a letter to X", "in remarks to X"
            letter = next((c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in _MESSAGES), None)
            to = next((c for c in letter.children if c.dep_ == "prep" and c.lower_ == "to"), None) if letter else None
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return speaker_span(pobj)
    return None


def _according_to(doc: Doc, tok: Token) -> Reported | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent_start, sent_end = sentence_bounds(tok)
    speaker = speaker_span(pobj)
    cut = next((t.i for t in doc[pobj.i : sent_end] if t.idx >= speaker[1]), sent_end)
    lo, hi = sent_start, sent_end - 1
    left = trimmed(doc, lo, tok.i - 1) if tok.i > lo else None
    right = trimmed(doc, cut, hi) if cut <= hi else None
    content = max((c for c in (left, right) if c), key=lambda c: c[1] - c[0], default=None)
    if content is None:
        return None
    end = to.idx + len(to.text)
    return Reported(tok.idx, end, content[0], content[1], speaker=speaker, speaker_token=pobj,
                    cue_token=tok)
