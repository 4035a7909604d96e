"""A speaker left unnamed ("an eyewitness said") who is named in a statement just after.

``named_after`` changes the statements in place (see its docstring); split out of
``statements_speakers`` to keep that module short.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyze.doc import actors_of
from newsgraph.model import Statement


def named_after(doc: Doc, statements: list[Statement]) -> None:
    """Give an indefinite description that speaks the person named just after it in the same role.

    "an eyewitness said there has been gunfire. “...,” said Mohamed Qoone, a resident who witnessed the
    attack" and "..., according to witnesses and a Somali lawmaker. ... federal lawmaker Dahir Amin Jesow
    said": a speaker left unnamed ("a"/"an" and a singular noun) is the person whose own phrase, in one
    of the next two statements, uses the same noun, when that person was not named before.  Changes
    ``statements`` in place; returns nothing.
    """
    actors = {a.id: a for a in actors_of(doc)}
    for k, st in enumerate(statements):
        if st.speaker is not None or st.speaker_start is None or st.speaker_end is None:
            continue
        span = doc.char_span(st.speaker_start, st.speaker_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        heads = [t.lemma_.lower() for t in (span.root, *span.root.conjuncts) if t.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)]
        for later in statements[k + 1 : k + 3] if heads else ():
            actor = actors.get(later.speaker or "")
            if actor is None or actor.type != "PERSON" or later.speaker_start is None or later.speaker_end is None:
                continue
            if any(m.start < st.speaker_start for m in actor.mentions):
                continue  # named before: not the one the description introduces
            named = doc.char_span(later.speaker_start, later.speaker_end, alignment_mode="expand")
            words = {t.lemma_.lower() for t in named.root.subtree} if named is not None and len(named) else set()
            if any(_same_noun(h, w) for h in heads for w in words):
                st.speaker = later.speaker
                break


def _same_noun(a: str, b: str) -> bool:
    """True when two lemmas name the same role: equal, or one the other's head ("eyewitness", "witness")."""
    return a == b or (len(b) >= 5 and a.endswith(b)) or (len(a) >= 5 and b.endswith(a))
