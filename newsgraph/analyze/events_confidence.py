"""How sure newsgraph is of an event: one number from the trigger row, the factuality of
its clause and the roles the grammar found.

confidence = row × factuality × roles, each factor in (0, 1]:

- row: how often events told by that kind of trigger row are right (newsgraph's own rows,
  rows derived from PETRARCH2, a verb or a noun);
- factuality (``events_factuality``): told as done, a threat or promise as such, told in
  a form that often names no particular occurrence, or not done at all;
- roles: who did it and to whom, as the grammar gives them.

The factors were set by measurement on half of the news-gold dev stories (whole VOA
articles) and checked on the other half and on US political news (PolNeAR texts); see
``CONFIDENCE_THRESHOLD``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.analyze.events_factuality import factuality, generic_object, present_simple

if TYPE_CHECKING:
    from newsgraph.analyze.plover import Trigger

#: Events below this confidence are not output. Chosen so the output's precision comes
#: first (issue "Events an analyst can trust"); lower it through the component's
#: ``threshold`` setting to trade precision for recall.
CONFIDENCE_THRESHOLD = 0.5

_ROW = {"triggers.csv": 0.8, "petrarch_verbs.csv": 0.58}
_FACT = {"asserted": 1.0, "speech-act": 0.9, "weak": 0.7, "irrealis": 0.15}
_ROLES = {"st": 1.0, "s": 1.0, "t": 0.75, "kind": 0.9, "-": 0.6}
#: A noun trigger tied to no occurrence ("sanctions", "talks", "cooperation") mostly names a kind of event.
_ANCHOR = {"verb": 1.0, "date": 1.0, "occurrence verb": 1.0, "definite": 0.8, "indefinite": 0.8, "bare": 0.3}
#: Words inside quotation marks are someone's view or rhetoric more often than the reporter's account.
_QUOTED = 0.75


def in_quote(tok) -> bool:
    """True when the trigger stands inside quotation marks in its sentence (someone's words, not the reporter's)."""
    before = tok.doc[tok.sent.start : tok.i].text  # not doc.text: that joins the whole document each call
    curly = before.count("\u201c") - before.count("\u201d")
    # some archives print quotation marks as two apostrophes ("tweeted: ''Important distinction: ...")
    return curly > 0 or before.count('"') % 2 == 1 or before.count("''") % 2 == 1


#: Verbs that report a particular occurrence of what their object names ("*held* talks", "*launched* an offensive").
_OCCURRENCE_VERBS = frozenset(
    "hold launch stage carry conduct mount begin start end wrap complete host attend join lead "
    "order announce impose draw spark trigger prompt follow condemn denounce criticize praise welcome".split()
    + ["staged", "stages", "staging"]  # the small model lemmatises "staged" as "stag"
)


def _anchored(tok, ev) -> str:
    """How a noun trigger is tied to one occurrence: a date, a determiner or possessor, an occurrence verb."""
    if tok.pos_ in ("VERB", "ADJ"):  # (an adjective trigger is predicated: "is disappointed by")
        return "verb"
    if ev.date is not None and ev.date.value:
        return "date"
    if tok.dep_ in ("dobj", "nsubjpass") and {tok.head.lemma_.lower(), tok.head.lower_} & _OCCURRENCE_VERBS:
        return "occurrence verb"
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
    if any(c.dep_ == "poss" for c in tok.children) or dets & {"the", "this", "that", "these", "those", "its", "their", "his", "her"}:
        return "definite"
    if dets & {"a", "an"}:
        return "indefinite"
    return "bare"


def confidence(trig: Trigger, ev, recoded: str | None, kind_agent: bool) -> tuple[float, dict]:
    """Return (confidence in [0, 1], the factors that gave it) for one candidate event.

    ``recoded`` names the speech act CAMEO codes instead of the deed ("intent": "said it would
    send aid" is AGREE), given only when the doer's own words state it (``events_mood.own_intent``).
    """
    verdict, reason = factuality(trig.token)
    if recoded is not None:  # CAMEO codes the saying: "said it would send aid" is AGREE, told as done
        verdict, reason = "speech-act", recoded
    elif verdict == "asserted" and any(generic_object(n) for n in trig.extra):
        verdict, reason = "irrealis", "generic object"  # "condemns any violence against civilians": a stance
    elif verdict == "asserted" and ev.type in ("ASSAULT", "FIGHT") and present_simple(trig.token):
        verdict, reason = "weak", "present deed"  # "Israel attacks the Muslims in Jerusalem": a charge, a habit
    elif verdict == "attempt":  # an attempted attack or arrest is coded as one; an attempted deal is no deal
        verdict = "asserted" if ev.type in ("ASSAULT", "FIGHT", "COERCE") else "irrealis"
    roles = ("s" if ev.sources else "") + ("t" if ev.targets else "") or ("kind" if kind_agent else "-")
    row = _ROW.get(trig.rule.lexicon or "", 0.7)
    factors = {
        "quoted": in_quote(trig.token),
        "anchor": _anchored(trig.token, ev),
        "lexicon": trig.rule.lexicon or "",
        "row": f"{' '.join((trig.rule.head, *trig.rule.needs))} [{(trig.rule.lexicon or '-')[:4]}] {trig.rule.type}",
        "pos": trig.token.pos_,
        "needs": len(trig.rule.needs),
        "fact": verdict,
        "reason": reason,
        "roles": roles,
        "recoded": recoded,
        "kind_agent": kind_agent,
    }
    score = row * _FACT[verdict] * _ROLES[roles] * _ANCHOR[factors["anchor"]] * (_QUOTED if factors["quoted"] else 1.0)
    return score, factors
