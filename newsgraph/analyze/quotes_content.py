"""Where the content of reported speech lies, when it is not a clause under "said".

Helpers of ``quotes_reported``: the object and name of a naming verb ("called the death a
“significant achievement”"), the object of a verbal act ("accused X of Y", "called for X",
"urged X to Y"), the clause the parse hung elsewhere, and the content by the shape of the
sentence ("A, police said.").  Each returns character offsets into the doc, or None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.analyze.cues import ACT_CUES, CALL_FOR, REPORT_NOUNS, SPEECH_NOUNS, SPEECH_OBJECT_VERBS, TWO_PLACE_ACTS
from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.syntax import sentence_bounds, trim_edges

_CLAUSES = ("ccomp",)
#: Documents and messages an act is done in ("rejected the argument in a ruling"): no part of its content.
_SETTINGS: frozenset[str] = lexicon().words("speech/speakers.csv", "document") | lexicon().words(
    "speech/speakers.csv", "message")


def trimmed(doc: Doc, left: int, right: int) -> tuple[int, int] | None:
    """Return the char span of tokens ``left..right`` without edge punctuation, a leading
    complementiser ("that") or an unmatched quote mark; None if nothing of weight is left."""
    edges = trim_edges(doc, left, right, complementiser=True, paired_quotes=True)
    if edges is None:
        return None
    left, right = edges
    words = sum(1 for t in doc[left : right + 1] if not t.is_punct and not t.is_space)
    if words < 2:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def presented_report(verb: Token) -> Token | None:
    """Return the object of "presented a report on ...", the document whose content is speech."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in REPORT_NOUNS
                 and any(p.dep_ == "prep" and p.lower_ in ("on", "about", "of") for p in c.children)), None)


def name_given(verb: Token) -> Token | None:
    """Return what a naming verb calls its object: the object complement ("called the death a
    *achievement*") or the "as" phrase ("dismissed the charges *as* baseless"), or None.  Active
    voice only: "he was called a traitor" names no speaker."""
    if any(c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")))
           for c in verb.children):
        return None  # (nor does "a cell calling itself X": a name taken, not given)
    return next((c for c in verb.children if c.i > verb.i and (
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as" and any(c.children))
        or (c.dep_ in ("advcl", "acomp") and any(g.lower_ == "as" and g.i == c.i - 1 for g in c.children)))), None)


def naming_content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """Return the object and the name it is given ("the death a “significant achievement”"); the name
    alone when the object is a relative pronoun before the verb ("charges which X dismissed as baseless")."""
    name = name_given(verb)
    if name is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < name.i), None)
    left = obj.left_edge.i if obj is not None else (name.i + 1 if name.dep_ == "prep" else name.left_edge.i)
    right = name.right_edge.i
    sent_end = sentence_bounds(verb)[1]
    if right + 1 < sent_end and doc[right + 1].is_quote and doc[right + 1].text in "“\"":
        # the parse stopped at the quote the name opens: “one of the highest ... in the world.”
        for k in range(right + 2, sent_end):
            if doc[k].is_quote:
                right = k
                break
    edges = trim_edges(doc, left, right, complementiser=True, paired_quotes=True)  # one word may be the name
    return (doc[edges[0]].idx, doc[edges[1]].idx + len(doc[edges[1]].text)) if edges is not None else None


def called_for(verb: Token) -> Token | None:
    """Return the object of "called for X" (the demand) or of "called on X to do Y", or None."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")):
        if prep.lower_ == "on" and not any(c.dep_ == "xcomp" and c.i > prep.i for c in verb.children):
            continue  # "called on Monday": a date, no one called upon
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    return None


def asked_to(verb: Token, obj: Token | None) -> tuple[int, int] | None:
    """Return the token range of "X to do Y" after "urged"/"called on": who is asked and what to do."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if xcomp is None or obj is None or not (verb.i < obj.i < xcomp.i):
        return None
    return obj.left_edge.i, xcomp.right_edge.i


def object_content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """Return the noun-phrase content of a verbal act: the object and the phrases after it
    ("accused the government of fraud", "blamed the attacks on militants"), or "called for X"."""
    if verb.lemma_.lower() == CALL_FOR:
        obj = called_for(verb)
        if obj is None:
            return None
        edges = asked_to(verb, obj) or (obj.left_edge.i, obj.right_edge.i)
        return trimmed(doc, *edges)
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ == "dobj" and (c.pos_ != "PRON" or _accused(verb, c))), None)
    if obj is None or obj.i < verb.i:
        return None
    if lemma in SPEECH_OBJECT_VERBS and not names_speech(obj) and not any(
            c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in verb.children):
        return None  # "rejected the arrest warrant", "condemned the violence": an act, not speech
        # (a name given keeps it: "condemned Friday's test as “provocative”")
    right = obj.right_edge.i
    if lemma in ACT_CUES or lemma in SPEECH_OBJECT_VERBS:
        for c in verb.children:
            if c.dep_ == "prep" and c.i > obj.i and not _setting(c) and (c.lower_ in ("of", "for", "on", "as") or (
                    c.lower_ in ("in", "about", "over") and c.i == obj.right_edge.i + 1)):
                right = max(right, c.right_edge.i)  # "voiced interest in making aid conditional ..."
    if lemma in TWO_PLACE_ACTS and right == obj.right_edge.i and not any(
            c.dep_ == "prep" and c.lower_ in ("for", "on") for c in obj.children):
        return None  # "blamed archrival India": whom, without what for ("blamed the attacks on X" keeps)
    return trimmed(doc, obj.left_edge.i, right)


def _accused(verb: Token, pron: Token) -> bool:
    """True for a pronoun a verbal act charges with something: "accusing it of providing support"."""
    return verb.lemma_.lower() in ACT_CUES and any(
        c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == pron.i + 1 for c in verb.children)


def _setting(prep: Token) -> bool:
    """True for a phrase telling when or where the act was done, not what it was about: "on Monday",
    "in a ruling released Thursday", "in a statement"."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in _SETTINGS)


def act_not_speech(verb: Token) -> bool:
    """True when a verbal act has a noun object that is no speech ("rejected the arrest warrant",
    "blamed archrival India"): then the cue gives no statement at all, nor one by the sentence's shape."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_OBJECT_VERBS and lemma not in TWO_PLACE_ACTS:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON" and c.i > verb.i), None)
    return obj is not None and object_content(verb.doc, verb) is None and naming_content(verb.doc, verb) is None


def speech_object(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """Return the object of a verbal act when it is speech with its own clause: "rejected accusations
    that Lai's trial is unfair" -> "accusations that ... unfair" (what was rejected, not the accusers' words)."""
    if verb.lemma_.lower() not in SPEECH_OBJECT_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or not any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                for m in c.children) for c in obj.children):
        return None
    return trimmed(doc, obj.left_edge.i, obj.right_edge.i)


def names_speech(obj: Token) -> bool:
    """True when a verb's object, or a noun coordinated with it, names something said ("the
    accusations", "findings and statements") or carries a clause ("the idea that ...")."""
    for noun in (obj, *obj.conjuncts):
        if noun.lemma_.lower() in SPEECH_NOUNS or noun.lower_.rstrip("s") in SPEECH_NOUNS:
            return True
        if any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in ("that", "whether")
                                                  for m in c.children) for c in noun.children):
            return True
    return False


def by_position(doc: Doc, verb: Token, subj: Token) -> tuple[int, int] | None:
    """Content by the shape of the sentence when the parse gave no clause.

    "A, police said." / "A, Carter told a Senate panel Wednesday." -> A (the cue
    and its subject close the sentence after a comma); "X said having Trump on
    the ticket puts ..." -> what follows the cue, when it holds a finite verb.
    """
    sent_start, sent_end = sentence_bounds(verb)
    lo = min(subj.left_edge.i, verb.i)
    tail = doc[verb.i + 1 : sent_end]
    if lo - 1 > sent_start and doc[lo - 1].text == "," and not any(t.pos_ in ("VERB", "AUX") for t in tail):
        if verb.dep_ == "conj" or verb.dep_ == "ROOT" or verb.head.i > verb.i:
            return trimmed(doc, sent_start, lo - 2)
    if tail and tail[0].dep_ == "prep" and tail[0].lower_ == "to" and tail[0].head.i == verb.i:
        return None  # "Bennett reports to the Council and has ...": whom one answers to, no speech
    if subj.i < verb.i and not any(c.dep_ in ("dobj", "dative") for c in verb.children) and any(
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in tail):
        return trimmed(doc, verb.i + 1, sent_end - 1)
    return None


def clause_content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    clauses = [c for c in verb.children if c.dep_ in _CLAUSES]
    if not clauses:
        # "said on Friday during a conference that he may wait": the parser hangs the
        # clause on the nearest noun; a "that" marking it (not a relative pronoun) gives it away
        for tok in verb.doc[verb.i + 1 : verb.right_edge.i + 1]:
            if tok.dep_ in ("relcl", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
                return trimmed(doc, tok.left_edge.i, tok.right_edge.i)
        return None
    # clauses on the verb's side nearest its object: "said that A ... B" (one act)
    # "A, X said, B": with clauses on both sides the one before the cue is its content
    before = [c for c in clauses if c.i < verb.i]
    marked = [c for c in clauses if c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    # "said that B" is B, whatever the parse hung before the cue (a heading run into the sentence:
    # "Media outlets closed On another front, NISA said Wednesday that it closed ...")
    chosen = marked or before or clauses
    left = min(c.left_edge.i for c in chosen)
    right = max(c.right_edge.i for c in chosen)
    if left <= verb.i <= right:  # the verb sits inside ("A, he said, B"): keep the larger side
        return around(doc, doc[left:right + 1].root, verb)
    return trimmed(doc, left, right)


def around(doc: Doc, head: Token, cue: Token) -> tuple[int, int] | None:
    """Return the larger contiguous part of ``head``'s phrase on either side of ``cue``'s phrase."""
    lo, hi = head.left_edge.i, head.right_edge.i
    c_lo, c_hi = cue.left_edge.i, cue.right_edge.i
    left = trimmed(doc, lo, c_lo - 1) if c_lo > lo else None
    right = trimmed(doc, c_hi + 1, hi) if c_hi < hi else None
    if left and right:
        nxt = next((t for t in doc[c_hi + 1:hi + 1] if not t.is_punct), None)
        if nxt is not None and nxt.pos_ == "CCONJ":
            return left  # "A, Gallagher said, but now B": B goes on in the writer's words
        return left if left[1] - left[0] >= right[1] - right[0] else right
    return left or right


def refer_as(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """"referred to A as B" -> "A as B"."""
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if to is None or as_ is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    return trimmed(doc, obj.left_edge.i, as_.right_edge.i)
