"""Who speaks a cue when the parse does not say it plainly: a name written after the cue ("“...,”
added Smith"), someone cited "as saying", the subject that agrees with the cue in number, the name a
relative clause describes.  Helpers of ``quotes_reported``; each returns a token or None (or a bool).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.cues import SAYING_VERBS


def inverted_subject(verb: Token) -> Token | None:
    """Return the speaker written after a cue that follows a quote or clause: "“...,” added Smith",
    "..., said international relations expert Jane Roe" (the parser makes it the object)."""
    doc = verb.doc
    if verb.i == 0 or not (doc[verb.i - 1].is_punct or doc[verb.i - 1].is_quote):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "dative", "oprd") and child.pos_ in (
                "PROPN", "NOUN") and child.left_edge.i <= verb.i + 6 and child.ent_type_ not in ("DATE", "TIME"):
            return child
    # "“...,” said Smith, who ...": the parser may hang the name on the clause after it
    k = verb.i + 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title and not doc[k].is_sent_start:
        k += 1
    if k > verb.i + 1 and (k == len(doc) or doc[k].is_punct):
        return doc[k - 1]
    return _titled_person_after(verb)


def _titled_person_after(verb: Token) -> Token | None:
    """Return the last word of a person's name after a title the parse tore apart: "“...,” said
    international relations expert Jane Roe of X University" (only words of a noun phrase between)."""
    doc = verb.doc
    for k in range(verb.i + 1, min(len(doc), verb.i + 7)):
        tok = doc[k]
        if tok.ent_type_ == "PERSON":
            while k + 1 < len(doc) and doc[k + 1].ent_type_ == "PERSON" and doc[k + 1].ent_iob_ == "I":
                k += 1
            return doc[k]
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "DET") or tok.is_punct:
            return None
    return None


def cited_speaker(verb: Token) -> Token | None:
    """Return whom a source cites or quotes "as saying": "The Financial Times cited security officials
    as saying the ship would depart" -> officials (they said it; the newspaper only reports it)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)


def cites_as_saying(verb: Token) -> bool:
    """True for the verb that cites someone "as saying" (it reports the other's words, none of its own)."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.dep_ == "pcomp" and g.lemma_.lower() in SAYING_VERBS for g in c.children) for c in verb.children)


def relative_head_before(verb: Token) -> Token | None:
    """Return the name a relative clause closed just before a subjectless cue describes: "Mark Simon,
    who worked with Lai for decades in Hong Kong, argued that ..." when the parse lost the subject."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.dep_ not in ("ROOT", "ccomp"):
        return None
    for node in (doc[verb.i - 2], *doc[verb.i - 2].ancestors):
        if node.dep_ == "relcl":
            head = node.head
            ok = head.pos_ == "PROPN" and head.i < node.i and doc[head.i + 1].text == ","
            return head if ok else None
    return None


def agrees(verb: Token, subj: Token) -> bool:
    """False when a present-tense cue and a common-noun subject disagree in number ("... trial is unfair
    and maintain that ...": "maintain" is not the trial's).  Names agree either way ("the Taliban deny",
    "Reporters Without Borders says")."""
    plural_present = verb.tag_ == "VBP" or (  # a bare form joined to a "VBZ" verb: "is unfair and maintain"
        verb.tag_ == "VB" and verb.dep_ == "conj" and verb.head.tag_ == "VBZ"
        and not any(c.dep_ in ("aux", "mark") for c in verb.children))
    if plural_present:  # ("Pakistan and China reject": coordinated, plural)
        return subj.tag_ != "NN" or any(c.dep_ == "conj" for c in subj.children)
    if verb.tag_ == "VBZ":
        return subj.tag_ != "NNS"
    return True


def agreeing_subject(verb: Token, subj: Token) -> Token | None:
    """Return the subject of a clause further up that agrees with ``verb`` (the parse joined the cue to
    the wrong conjunct): "Hong Kong authorities have rejected accusations that Lai's trial is unfair
    and maintain that ..." -> authorities.  None when no such subject is found."""
    for head in subj.head.ancestors:
        found = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if found is not None and found.i != subj.i and agrees(verb, found):
            return found
    return None
