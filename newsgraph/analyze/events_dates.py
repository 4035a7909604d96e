"""Dating an event from its own clause: the date mention of the trigger's clause, of a clause it
continues, of a participial adjunct or of a "when" clause.

Used by ``newsgraph.analyze.events``.  Every function here looks at one trigger and its sentence only.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.plover import Trigger
from newsgraph.analyze.syntax import clause_verb
from newsgraph.model import DateMention


def event_date(trig: Trigger, in_sentence: list[tuple[DateMention, Token]]) -> DateMention | None:
    """Return the date mention of the trigger's clause, else of the clause it continues, else None.

    ``in_sentence`` holds the (mention, root token) pairs of the trigger's sentence.
    """
    verb = clause_verb(trig.token)
    for mention, root in in_sentence:
        if _dated_clause(root) == verb and mention.value and not _dates_another_noun(root, trig.token):
            return mention
    told = _date_of_telling(verb, in_sentence) or _means_date(trig.token, verb, in_sentence)
    if told is not None:
        return told
    when = _when_date(verb, in_sentence)
    if when is not None:
        return when
    # a participial adjunct tells the same occasion: "rejected the warrant, telling journalists *on
    # Wednesday* ...", "detonated a bomb *on Monday*, killing five"
    same = [c for c in verb.children if participial_adjunct(c)] + ([verb.head] if participial_adjunct(verb) else [])
    for mention, root in in_sentence:
        if mention.value and dates_a_clause(root) and _dated_clause(root) in same:
            return mention
    # else a date of the clause this one continues ("agreed *on Tuesday* to meet", "met X *on Monday*
    # and signed ..."); never a date of another clause ("said Monday that ...", "the 2014 abduction
    # ... triggered calls"): no date is better than a wrong one
    above = _governing_clauses(verb)
    for mention, root in in_sentence:
        if mention.value and dates_a_clause(root) and clause_verb(root) in above:
            return mention
    for mention, root in in_sentence:  # "..., but this happened a few days ago": the sentence's deed
        if mention.value and _happened(clause_verb(root)):
            return mention
    return _year_of_occasion(verb, in_sentence)


#: Nouns of a telling whose date dates the deed its "that" clause tells: "*Tuesday's* announcement that
#: Ukraine had agreed to a ceasefire" (the agreement was made known that day).
_TELLINGS = frozenset("announcement statement declaration confirmation".split())

#: Verbs of using a means to a deed: "used its veto *to shut down* the panel in April" is one act.
_MEANS_VERBS = frozenset("use employ exercise wield invoke".split())


def _dated_clause(root: Token) -> Token:
    """The clause a date mention dates: its own, but for a document "dated" so, the clause the
    document's noun is in ("sent a letter *dated Feb. 4*, urging him to ...": the sending)."""
    head = root.head
    if head.lemma_.lower() == "date" and head.dep_ == "acl" and root.dep_ in ("npadvmod", "dobj", "oprd", "attr"):
        return clause_verb(head.head)
    return clause_verb(root)


def _date_of_telling(verb: Token, in_sentence: list[tuple[DateMention, Token]]) -> DateMention | None:
    """The day of the announcement whose "that" clause tells the deed: "welcomed *Tuesday's* announcement
    that Ukraine had agreed to a 30-day ceasefire" (a possessive or noun-modifier date of the telling)."""
    noun = verb.head
    if verb.dep_ not in ("acl", "ccomp") or noun.lemma_.lower() not in _TELLINGS:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    return next((m for m, root in in_sentence if m.value and m.precision == "day" and root.head.i == noun.i
                 and root.dep_ in ("poss", "compound")), None)


def _means_date(trigger: Token, verb: Token, in_sentence: list[tuple[DateMention, Token]]) -> DateMention | None:
    """The date of the deed a used means was used for: "Russia then used its Security Council *veto* to
    shut down the panel *in April*" (the veto and the shutting down are one act)."""
    if trigger.dep_ != "dobj" or trigger.head.i != verb.i or verb.lemma_.lower() not in _MEANS_VERBS:
        return None
    purposes = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return next((m for m, root in in_sentence if m.value and dates_a_clause(root)
                 and clause_verb(root) in purposes), None)


#: Conjunctions that tie a clause's time to the one it hangs on ("soured in 2010 *after* X stormed ...").
_TIED = frozenset({"after", "when", "as", "while", "following", "once"})


def _year_of_occasion(verb: Token, in_sentence: list[tuple[DateMention, Token]]) -> DateMention | None:
    """The month or year of the clause a "when"/"after" clause hangs on: "Relations soured *in 2010*
    after commandos stormed the ship" (a day is not passed on: "on Monday, after X had ..." may be
    days apart)."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _TIED for c in verb.children):
        return None
    head = clause_verb(verb.head)
    return next((m for m, root in in_sentence if m.value and m.precision in ("month", "year")
                 and dates_a_clause(root) and clause_verb(root) == head), None)


def _dates_another_noun(root: Token, trigger: Token) -> bool:
    """True for a date that modifies a noun other than the trigger: "welcomed *Tuesday's* announcement"
    dates the announcement, not the welcome."""
    return root.dep_ in ("poss", "compound", "nummod", "amod") and root.head.i != trigger.i


def _when_date(verb: Token, in_sentence: list[tuple[DateMention, Token]]) -> DateMention | None:
    """The date a "when" clause opens on: "In August 2022, *when* X called for war, ..." (the parse
    hangs the clause on the main verb, but the text puts it right after the date it dates)."""
    when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < verb.i), None)
    if when is None:
        return None
    text = verb.doc.text
    return next(
        (m for m, _ in in_sentence if m.value and m.end <= when.idx and not text[m.end:when.idx].strip(" ,")), None
    )


def participial_adjunct(verb: Token) -> bool:
    """True for a participial adjunct after its verb, with no word saying when it stands to it
    ("..., *saying*", "..., *killing* five"; not "after *meeting* X", "before *leaving*")."""
    return (
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i
        and not any(c.dep_ in ("mark", "prep", "advmod") and c.i < verb.i for c in verb.children)
    )


def _happened(verb: Token) -> bool:
    """True for "this/that/it happened (took place, occurred)": a clause that only dates what was told."""
    if verb.lemma_.lower() not in ("happen", "occur", "take") or (
        verb.lemma_.lower() == "take" and not any(c.lower_ == "place" for c in verb.children)
    ):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it", "which") for c in verb.children)


def _governing_clauses(verb: Token) -> list[Token]:
    """The clauses ``verb``'s clause hangs in, nearest first ("said *Monday* that X had met Y")."""
    found, node = [], verb
    for _ in range(4):
        if node.head.i == node.i or node.dep_ in ("relcl", "acl", "advcl", "parataxis"):
            break
        node = clause_verb(node.head)
        found.append(node)
    return found


def dates_a_clause(root: Token) -> bool:
    """True for a date that modifies a verb ("met *on Monday*"), not a noun ("the *2014* abduction")."""
    head = root.head.head if root.dep_ == "pobj" else root.head
    return head.pos_ in ("VERB", "AUX") and root.dep_ not in ("compound", "nummod", "amod", "poss")
