"""Personal pronouns resolved to people, where the antecedent is clear.

A subject-salience heuristic (after Lappin & Leass, much simplified), linear
in the length of the document:

* "his"/"her"/"him" -> the nearest person mentioned before it in the same
  sentence ("Ismail Haniyeh and his delegation"), else as below;
* "he"/"she" -> a person that is the subject earlier in the same sentence
  ("Haniyeh said he..."), else the most recent person that was the subject
  of one of the previous few sentences (so "Addressing the Supreme Leader,
  he said" skips the addressee and finds the speaker of the paragraphs
  before), else nobody.

A person of the other gender is skipped: the gender the article states or the
first name gives (``actors_gender``), else the one a pronoun already taught.
spaCy's small English model has no coreference component (coreferee and
spacy-experimental's coref do not support spaCy 3.8), hence this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.analyze.lexicon import lexicon

#: Pronouns that stand for a person: word -> (gender, case) (data/<lang>/pronouns.csv).
PRONOUNS: dict[str, tuple[str, str]] = {
    r["word"].lower(): (r["gender"], r["case"])
    for r in lexicon().table("pronouns.csv", ("word", "speaker", "gender", "case", "group_anaphor"))
    if r["gender"] and r["case"]
}
_SUBJ = {"nsubj", "nsubjpass"}
#: How many sentences back a subject stays salient for "he"/"she".
WINDOW = 6


@dataclass(frozen=True)
class PersonMention:
    start: int  # token offsets
    end: int
    actor: str  # cluster key
    subject: int  # 2: subject of the main clause, 1: of another clause, 0: not a subject


def subject_level(token: Token) -> int:
    """Return 2 for the subject of a main clause, 1 for another subject, 0 otherwise."""
    if token.dep_ not in _SUBJ:
        return 0
    verb = token.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1


def _generic(doc: Doc, i: int) -> bool:
    """True for "his or her", "he or she": nobody in particular."""
    near = [doc[j].lower_ for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(doc)]
    return "or" in near and any(w in PRONOUNS and w != doc[i].lower_ for w in near)


def resolve(doc: Doc, people: list[PersonMention], gender: dict | None = None) -> list[tuple[int, str]]:
    """Return (token index, actor key) for each pronoun resolved to a person, in text order.

    ``gender`` maps actor keys to "m"/"f" where known beforehand (``actors_gender``); a person of
    the other gender is never a pronoun's antecedent, and the genders the pronouns teach are added
    to it."""
    people = sorted(people, key=lambda m: m.start)
    sent_index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_index[i] = n

    gender = {} if gender is None else gender
    subjects: list[tuple[int, str, int]] = []  # (sentence index, actor, level) of person subjects so far
    recent: list[PersonMention] = []  # person mentions of the current sentence
    current_sent = -1
    p = 0
    out: list[tuple[int, str]] = []
    for tok in doc:
        s = sent_index[tok.i]
        if s != current_sent:
            current_sent, recent = s, []
        while p < len(people) and people[p].start <= tok.i:
            m = people[p]
            if sent_index[m.start] == s:
                recent.append(m)
            if m.subject:
                subjects.append((sent_index[m.start], m.actor, m.subject))
            p += 1
        info = PRONOUNS.get(tok.lower_)
        if info is None or tok.tag_ not in ("PRP", "PRP$") or any(m.start <= tok.i < m.end for m in recent):
            continue
        if _generic(doc, tok.i):
            continue
        sex, case = info

        def fits(actor: str) -> bool:
            return gender.get(actor, sex) == sex

        found = None
        if case in ("poss", "obj"):
            found = next((m.actor for m in reversed(recent) if m.end <= tok.i and fits(m.actor)), None)
        if found is None:
            same = [m.actor for m in recent if m.end <= tok.i and m.subject and fits(m.actor)]
            if same:
                found = same[-1]
        if found is None:
            # the main-clause subject of a recent sentence first, then any subject
            for wanted in (2, 1):
                for sent_no, actor, level in reversed(subjects):
                    if sent_no >= s:
                        continue
                    if s - sent_no > WINDOW:
                        break
                    if level >= wanted and fits(actor):
                        found = actor
                        break
                if found is not None:
                    break
        if found is not None:
            gender.setdefault(found, sex)
            out.append((tok.i, found))
            level = subject_level(tok)
            if level:
                subjects.append((s, found, level))
            recent.append(PersonMention(tok.i, tok.i + 1, found, level))
    return out
