"""Speakers of relative clauses: "Mr. Kamin, who emphasized that ...", "the European Union, which contended".

Two things the parse leaves to us:

* ``antecedent`` — whom the relative pronoun stands for, when the parse hung
  the clause on the wrong word: after a list ("Will Smith, Patti LaBelle and
  Stevie Wonder, who joked") the last name written, unless the verb is plural
  ("Jeb Bush and Chris Christie, who say": both); after a name's apposed
  description ("McConnell, now the Senate majority leader, who ... said") the
  name;
* ``relative_pronoun`` — the "who" or "which" subject of a cue, which is then a
  mention of the speaker (it names the speaker in its clause as much as "he"
  does in a sentence of its own).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

#: Relative pronouns that can be a clause's subject.
_RELATIVES = frozenset({"who", "which", "that"})


def _subject_relative(verb: Token) -> Token | None:
    """Return the relative pronoun that is ``verb``'s subject when ``verb`` heads a relative clause."""
    if verb.dep_ != "relcl":
        return None
    heads = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    # (the parse may hang "who" on the auxiliary: "who is by all accounts enjoying ...")
    return next((c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.tag_ in ("WP", "WDT") and c.lower_ in _RELATIVES and c.i < verb.i), None)


def _plural(verb: Token) -> bool:
    """True for a plural present verb or auxiliary ("who say", "who have said", "who are")"""
    return verb.tag_ == "VBP" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBP" for c in verb.children)


def antecedent(rel: Token) -> Token:
    """Return the token the relative pronoun ``rel`` (its head a relative clause) stands for: the
    clause's head, or the last of a list's names just before the pronoun (a singular or past verb),
    or the name an apposed description belongs to."""
    head = rel.head.head
    doc = rel.doc
    last = head
    while (nxt := next((c for c in last.children if c.dep_ == "conj" and c.i < rel.i), None)) is not None:
        last = nxt  # the list's names: "Will Smith, ..., Patti LaBelle and Stevie Wonder"
    if (last is not head and head.pos_ == "PROPN" and last.pos_ == "PROPN" and not _plural(rel.head)
            and all(t.text == "," for t in doc[last.right_edge.i + 1:rel.i])):
        return last
    if head.dep_ == "appos" and head.head.pos_ == "PROPN" and head.head.i < head.i and head.pos_ == "NOUN":
        return head.head  # "McConnell, now the Senate majority leader, who": McConnell
    return head


def relative_pronoun(doc: Doc, cue: tuple[int, int] | None) -> Token | None:
    """Return the relative pronoun that is the subject of the cue verb in ``doc[cue]`` ("who" in
    "Mr. Kamin, who emphasized that ..."), or of the relative clause the cue's participle belongs to
    ("who surprised Trump by declaring", "who praised it, saying"); else None."""
    if cue is None:
        return None
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        verb = verb.head.head  # "who surprised Trump by declaring ...": the clause of "surprised"
    elif verb.dep_ == "advcl" and verb.tag_ == "VBG":
        verb = verb.head  # "who praised the deal, saying ..."
    found = _subject_relative(verb)
    if found is None and verb.dep_ == "conj":
        found = _subject_relative(verb.head)  # "who joined ... and said"
    return found
