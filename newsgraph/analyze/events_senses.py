"""Senses of trigger words that name no political event: a verbal "attack" of one person on another,
a campaign "rally" or "town hall meeting", electoral "support", a sports "beat", a television show "cancelled".

PLOVER codes material conflict only when force is used, and a protest only when people
demonstrate against something; news about campaigns, sports, business and entertainment uses
the same words for other things.  ``other_sense`` says when the words around a trigger show
such a sense, from the parse and a few word lists (no dev story's words: the lists are the
vocabulary of those fields).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.analyze.lexicon import lexicon

_LEX = lexicon()
#: What a sports, business or entertainment sense acts on or is done by: "beat the Lakers 3-1"
#: is told of a team or a match, "cancelled the show" of a programme, "attacked the market" of prices.
FIELD_NOUNS = _LEX.words("events/senses.csv", "field")
#: Words that show force was used: an "attack" with these is not a verbal one.
FORCE_LEMMAS = _LEX.words("events/senses.csv", "force")
_VERBAL_ATTACK_LEMMAS = _LEX.words("events/senses.csv", "verbal")
#: Words of conflict that campaigns, courts and markets use for a contest: "beat", "battle", "capture".
_CONTEST_LEMMAS = _LEX.words("events/senses.csv", "contest")
_VOTE_LEMMAS = _LEX.words("events/senses.csv", "vote")
#: Nouns of sport: an article with several of them reports games.
_SPORT_NOUNS = _LEX.words("events/senses.csv", "sport")
#: What a camera shoots: "the video, shot by a worker", "shot the footage" (no gun fired).
_RECORDINGS = _LEX.words("events/senses.csv", "recording")
_SPORTING = 5  # nouns of sport a text needs; a score was tried and left out (vote tallies, "2019-20")


def sporting(doc) -> bool:
    """True for a text about sport: five nouns of sport ("match", "season", "goaltender"; sports reports on
    the Scrapinghub pages have 7 to 26, political ones at most 4). Cached on the doc. Read for words of
    conflict that games use ("Russia beat Croatia on Monday" in a Davis Cup report)."""
    if "ng_sporting" not in doc.user_data:
        nouns = sum(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in _SPORT_NOUNS for t in doc)
        doc.user_data["ng_sporting"] = nouns >= _SPORTING
    return doc.user_data["ng_sporting"]


def claimed(tok: Token) -> bool:
    """True for an attack someone "claimed responsibility for": news says it of a deed of force (and CAMEO
    of an unconventional one, an 18x assault), never of words."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in ("responsibility", "credit")


def _votes(tok: Token) -> bool:
    """True when the sentence counts votes, seats or delegates: an electoral contest."""
    return any(t.lemma_.lower() in _VOTE_LEMMAS for t in tok.sent)


def _around(tok: Token) -> list[Token]:
    """The trigger's own phrase: its subject and objects and what they are of."""
    verb = tok
    near = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "compound", "poss", "attr")]
    near += [g for c in near for g in c.children if g.dep_ in ("pobj", "compound", "poss")]
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and tok.head.pos_ in ("VERB", "ADP"):
        near.append(tok.head)
    return near


def _between_persons(tok: Token) -> bool:
    """True for "a clash between <person> and <person>": the trigger's own "between" phrase names
    only persons (the event's source may come from the verb the phrase hangs on)."""
    objs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "between" for o in p.children if o.dep_ == "pobj"]
    named = [t.ent_type_ for o in objs for t in (o, *o.conjuncts) if t.ent_type_]  # heads: "U.S. President Trump" is a person
    return bool(named) and set(named) <= {"PERSON"}


def _retort(tok: Token) -> bool:
    """'shot back that ...', 'fired back: ...': "back" and a clause of what was said, no one shot at."""
    return (any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in tok.children)
            and any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)
            and not any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children))


def _recording(tok: Token) -> bool:
    """True when what "shoot" acts on is a recording: its object, its passive subject, or the noun
    its participle describes ("The fuzzy video, *shot* by a worker on the floor of a Carrier factory")."""
    shot = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + ([tok.head] if tok.dep_ == "acl" else [])
    return any(t.lemma_.lower() in _RECORDINGS for t in shot)


def _town_hall(tok: Token) -> bool:
    """True for a "town hall (-style) meeting": a politician's public forum ("During a town hall-style
    meeting in Cedar Rapids, Iowa, Rubio told reporters"), no talks between parties."""
    left = " ".join(t.lower_ for t in tok.subtree if t.i < tok.i)
    return any(form in left for form in ("town hall", "townhall", "town - hall"))  # (tokens joined by spaces)


def other_sense(tok: Token, etype: str, actor_types: list[str]) -> str | None:
    """Return why a trigger names no political event here ("field", "verbal", "campaign"), or None.

    ``actor_types`` are the types (PERSON, ORG, GPE ...) of the event's named actors.
    """
    lemma = tok.lemma_.lower()
    near = _around(tok)
    forceful = claimed(tok) or bool({t.lemma_.lower() for t in tok.sent} & FORCE_LEMMAS)
    if not forceful and any(t.lemma_.lower() in FIELD_NOUNS for t in near):
        return "field"  # "beat the Lakers in the playoff", "cancelled the show", "battled the blaze"
    if etype in ("ASSAULT", "FIGHT", "COERCE") and sporting(tok.doc) and not claimed(tok) and not any(
        t.lemma_.lower() in FORCE_LEMMAS for t in tok.sent if t.i != tok.i
    ):  # the trigger's own word ("fired") shows no force in a game report
        return "field"  # "Minnesota beat Buffalo", "fired a shot at Matt Murray" in a report of games
    if etype == "MOBILIZE" and not forceful and any(t.lemma_.lower() in FIELD_NOUNS for t in tok.sent):
        return "field"  # "went on high alert over the mpox outbreak", "mobilized against the floods": no force readied
    if etype in ("ASSAULT", "FIGHT") and lemma in _VERBAL_ATTACK_LEMMAS:
        if not forceful and (actor_types and set(actor_types) <= {"PERSON"} or _between_persons(tok)):
            return "verbal"  # "Trump attacked Clinton over her emails": criticism, not force
    if etype in ("ASSAULT", "FIGHT") and lemma == "shoot" and _recording(tok):
        return "field"  # a camera's shot: "the video, shot by a worker", "shot the footage in Aleppo"
    if etype in ("ASSAULT", "FIGHT") and _retort(tok):
        return "verbal"  # "Trump shot back that the journalist should sit down": a retort
    # a contest told as an intent is recoded THREATEN before this is asked ("Clinton would beat Trump")
    if etype in ("ASSAULT", "FIGHT", "COERCE", "THREATEN") and lemma in _CONTEST_LEMMAS and not forceful:
        if actor_types and set(actor_types) <= {"PERSON"} or _votes(tok):
            return "contest"  # "Obama beat Clinton", "a battle for the nomination", "captured Florida by 74,000 votes"
    if etype == "PROTEST" and tok.pos_ == "NOUN" and lemma in ("rally", "rallies"):
        if any(c.dep_ in ("compound", "poss") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in ("campaign", "election")) for c in tok.children):
            return "campaign"  # "a Trump rally", "her campaign rally": no protest
    if etype == "CONSULT" and tok.pos_ == "NOUN" and _town_hall(tok):
        return "campaign"  # "during a town hall meeting in Columbus, Ohio": a public forum
    if etype == "SUPPORT" and tok.pos_ == "NOUN" and lemma in ("support", "backing"):
        if not any(c.dep_ == "prep" and c.lower_ in ("for", "of", "to") for c in tok.children):
            return "standing"  # "her support among women": a share of voters, no act of support
    return None
