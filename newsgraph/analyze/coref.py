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
from newsgraph.analyze.quotes import find_quotes

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


def quoted_tokens(doc: Doc) -> list[bool]:
    """Return, per token, whether it lies inside a quotation (the quote-mark scanner's spans)."""
    inside = [False] * len(doc)
    spans = [(q.start, q.end) for q in find_quotes(doc.text) if q.end > q.start]
    k = 0
    for tok in doc:
        while k < len(spans) and spans[k][1] <= tok.idx:
            k += 1
        inside[tok.i] = k < len(spans) and spans[k][0] <= tok.idx
    return inside


def resolve(doc: Doc, people: list[PersonMention], gender: dict | None = None) -> list[tuple[int, str]]:
    """Return (token index, actor key) for each pronoun resolved to a person, in text order.

    ``gender`` maps actor keys to "m"/"f" where known beforehand (``actors_gender``); a person of
    the other gender is never a pronoun's antecedent, and the genders the pronouns teach are added
    to it.  A person named inside a quotation is no antecedent of a pronoun outside it: in
    "“... Smith has seen ...,” she said" the speaker is not the one she speaks of.  A pronoun inside a
    quotation teaches no gender and is no subject for later pronouns: in "“If he is asked ...,” she
    said" the "he" is whom the speaker talks about, and must not make the speaker a man."""
    quoted = quoted_tokens(doc)
    people = sorted((m for m in people if not quoted[m.start]), key=lambda m: m.start)
    sent_index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_index[i] = n
    state = _Salience(gender if gender is not None else {})
    p = 0
    out: list[tuple[int, str]] = []
    for tok in doc:
        s = sent_index[tok.i]
        state.enter(s)
        while p < len(people) and people[p].start <= tok.i:
            state.seen(people[p], sent_index[people[p].start])
            p += 1
        info = PRONOUNS.get(tok.lower_)
        if info is None or tok.tag_ not in ("PRP", "PRP$") or state.covers(tok.i) or _generic(doc, tok.i):
            continue
        found = state.antecedent(tok.i, s, *info)
        if found is not None:
            out.append((tok.i, found))
            if not quoted[tok.i]:  # a quoted "he" is often someone the speaker talks about: it teaches nothing
                state.learn(tok, s, found, info[0])
    return out


class _Salience:
    """The people a pronoun may stand for: this sentence's mentions, the recent subjects."""

    def __init__(self, gender: dict) -> None:
        self.gender = gender
        self.subjects: list[tuple[int, str, int]] = []  # (sentence index, actor, level) of person subjects so far
        self.recent: list[PersonMention] = []  # person mentions of the current sentence
        self.sent = -1

    def enter(self, s: int) -> None:
        if s != self.sent:
            self.sent, self.recent = s, []

    def seen(self, m: PersonMention, sent_no: int) -> None:
        if sent_no == self.sent:
            self.recent.append(m)
        if m.subject:
            self.subjects.append((sent_no, m.actor, m.subject))

    def covers(self, i: int) -> bool:
        return any(m.start <= i < m.end for m in self.recent)

    def fits(self, actor: str, sex: str) -> bool:
        return self.gender.get(actor, sex) == sex

    def antecedent(self, i: int, s: int, sex: str, case: str) -> str | None:
        """Return the person pronoun ``i`` stands for (see the module docstring), or None."""
        if case in ("poss", "obj"):
            found = next((m.actor for m in reversed(self.recent) if m.end <= i and self.fits(m.actor, sex)), None)
            if found is not None:
                return found
        same = [m.actor for m in self.recent if m.end <= i and m.subject and self.fits(m.actor, sex)]
        if same:
            return same[-1]
        for wanted in (2, 1):  # the main-clause subject of a recent sentence first, then any subject
            for sent_no, actor, level in reversed(self.subjects):
                if sent_no >= s:
                    continue
                if s - sent_no > WINDOW:
                    break
                if level >= wanted and self.fits(actor, sex):
                    return actor
        return None

    def learn(self, tok: Token, s: int, found: str, sex: str) -> None:
        """Record a resolved pronoun: its gender, and as a mention (a subject stays salient)."""
        self.gender.setdefault(found, sex)
        level = subject_level(tok)
        if level:
            self.subjects.append((s, found, level))
        self.recent.append(PersonMention(tok.i, tok.i + 1, found, level))
