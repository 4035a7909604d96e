"""Doers a copula names: "The Kurdish-led Autonomous Administration ... was *the first to reject* the
constitution", "Canada became *the latest country to impose* sanctions", "Britain was *one of the few
states to vote* against": the infinitive on "the first/only/last (one)" is done by the copula's subject.

Used by ``newsgraph.analyze.events_args`` (a verb's doers) and ``events_factuality`` (the infinitive is
told as done when its copula is: "was the first to", not "will be the first to").
"""

from __future__ import annotations

from spacy.tokens import Token

#: Words that single out the subject among those who did a deed: "the *first* to", "the *only* country to".
_RANKS = frozenset("first second third last late latest only sole next".split())  # ("latest": lemma "late")
#: Verbs that say what their subject is: "X *was* the first to", "X *became* the latest to".
_LINKS = frozenset("be become remain".split())


def _ranked(noun: Token) -> bool:
    """True for "first" or a noun ranked by one of ``_RANKS`` ("the only country")."""
    return noun.lemma_.lower() in _RANKS or any(
        c.dep_ in ("amod", "advmod") and c.lemma_.lower() in _RANKS for c in noun.children)


def ranked_copula(verb: Token) -> Token | None:
    """The copula whose complement ranks an infinitive ("X *was* the first to reject"), else None."""
    if verb.dep_ not in ("relcl", "acl", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None  # "the first country (that) Israel's prime minister visited": its own subject does it
    noun = verb.head
    if verb.dep_ == "advcl":  # "became the latest country | to impose": the parser hangs it on the copula
        noun = next((c for c in noun.children if c.dep_ == "attr" and c.i < verb.i), noun)
    if not _ranked(noun):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head  # "one of the first countries to recognize"
    copula = noun.head
    if noun.dep_ != "attr" or copula.lemma_.lower() not in _LINKS:
        return None
    subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    return copula if subj is not None and _named(subj) else None


#: Pronouns that stand for a doer: "*he* was the first to", never "*this* was the only chance to".
_PERSONAL = frozenset("i we you he she they".split())


def _named(subj: Token) -> bool:
    """True for a subject that names a doer: a name ("Arizona was the first state to require") or a
    personal pronoun; not a thing ("rallying around Ted Cruz is the only way to stop Donald Trump")."""
    return subj.lower_ in _PERSONAL or subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def ranked_doer(verb: Token) -> list[Token]:
    """The subject of the copula whose complement an infinitive ranks ("*X* was the first to reject"), else none."""
    copula = ranked_copula(verb)
    return [] if copula is None else [c for c in copula.children if c.dep_ == "nsubj"][:1]
