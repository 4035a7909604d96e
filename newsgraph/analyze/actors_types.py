"""What kind of actor a name is, as the words beside it state: pass 1b of ``actors``.

The entity recogniser's label for a rare name is often wrong ("Beledweyne" PERSON, "al-Shabab"
PERSON, "Guatemalan" ORG).  The article itself says what the name is:

- "the central town of Beledweyne", "the Somali city of Beledweyne", "Beledweyne, a town near
  ...": a place (GPE);
- "The Islamist militant group al-Shabab", "Al-Shabab, a U.S.-designated terrorist group": an
  organisation (ORG), the describing phrase one more mention of it;
- a country's name (``actors/countries.csv``) tagged a person or organisation is a place;
- a "person" whose name ends with such a noun is none ("Swiss People's Party", "Beledweyne District");
- a nationality adjective alone ("A Guatemalan judge") is no actor.

The nouns are those of ``data/<lang>/actors/kind_nouns.csv`` (kind ``place`` or ``org``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.actors_cluster import display_name
from newsgraph.analyze.actors_gender import first_name_gender
from newsgraph.analyze.actors_groups import group_lemma, load_nouns
from newsgraph.analyze.actors_titles import role_word
from newsgraph.analyze.lexicon import lexicon

_KINDS: dict[str, str] = lexicon().mapping("actors/kind_nouns.csv", ("word", "kind"))
_COUNTRIES: frozenset[str] = lexicon().words("actors/countries.csv", "country")
#: actor type each kind of noun gives, and the recogniser's types it overrides
_RETYPE = {"place": ("GPE", ("PERSON", "ORG")), "org": ("ORG", ("PERSON", "GPE"))}
_DETS = {"the", "a", "an"}
#: words that join the parts of a longer name ("Campaign for an Independent and Neutral Switzerland")
_INSIDE_NAME = {"and", "of", "for", "&", "an", "a"}
#: place nouns whose "of" names the larger place they belong to ("the capital of Somalia")
_OWNED = {"capital", "port"}
_PHRASE_POS = {"ADJ", "NOUN", "PROPN", "NUM", "ADV"}


def _kind(tok: Token) -> str | None:
    """Return the kind (place, org) a common noun names, or None."""
    return _KINDS.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" and tok.is_lower else None


def _phrase_before(doc: Doc, noun: Token, floor: int) -> Span | None:
    """Return the noun phrase that ends with ``noun`` and opens with an article ("The Islamist
    militant group", "a U.S.-designated terrorist group"), not reaching below token ``floor``; None
    when no article opens it."""
    i = noun.i
    while i - 1 >= floor:
        prev = doc[i - 1]
        if prev.lower_ in _DETS:
            return doc[i - 1:noun.i + 1]
        if not (prev.pos_ in _PHRASE_POS or prev.text == "-" or prev.tag_ == "VBN"):
            return None
        i -= 1
    return None


def _apposed(span: Span, noun: Token) -> bool:
    """True when ``noun`` describes the name before it, not the next item of a list ("Europe, the
    Korean Peninsula, the Indo-Pacific region and ..."): an indefinite article ("Beledweyne, a town
    near ...") or a definite one with a complement ("Quetta, the provincial capital of Balochistan")."""
    if span.root.dep_ in ("conj", "appos") or any(t.dep_ in ("conj", "cc") for t in noun.children):
        return False
    det = [t for t in noun.children if t.dep_ == "det"]
    return bool(det) and (det[0].lower_ in ("a", "an") or any(t.lower_ == "of" for t in noun.rights))


def stated_kind(span: Span) -> tuple[str, Span | None] | None:
    """Return the kind of actor (``place`` or ``org``) the words beside a name state, with the
    describing phrase ("the central town", "a U.S.-designated terrorist group"; None when it is
    not the name's own: "the capital of Somalia"), or None."""
    doc, sent = span.doc, span.sent
    if span.start - 2 >= sent.start and doc[span.start - 1].lower_ == "of":
        head = doc[span.start - 2]  # "the central town of Beledweyne"
        if _kind(head) == "place" and doc[span.start - 1].head.i == head.i:
            phrase = _phrase_before(doc, head, sent.start)
            if phrase is not None:  # "the capital of Somalia" is a place, not Somalia's description
                return "place", phrase if head.lemma_ not in _OWNED and head.tag_ != "NNS" else None
    if span.start - 1 > sent.start:
        noun = doc[span.start - 1]  # "The Islamist militant group al-Shabab"
        if _kind(noun) == "org" and (noun.head.i in range(span.start, span.end) or span.root.head.i == noun.i):
            phrase = _phrase_before(doc, noun, sent.start)
            if phrase is not None:
                return "org", phrase
    if span.end + 2 < sent.end and doc[span.end].text == ",":
        for child in span.root.children:  # "Al-Shabab, a U.S.-designated terrorist group,"
            if child.dep_ == "appos" and child.i > span.end and _kind(child) is not None and _apposed(span, child):
                phrase = _phrase_before(doc, child, span.end + 1)
                if phrase is not None and phrase.start == span.end + 1:
                    return _kind(child), phrase
    return None


def _described(adjective: Token) -> bool:
    """True when a nationality word modifies a role ("A Guatemalan judge") or a group noun ("Ukrainian
    officials"), which the titles and groups passes make the actor."""
    head = adjective.head
    return head.i > adjective.i and head.pos_ in ("NOUN", "PROPN") and (
        role_word(head) is not None or group_lemma(head) in load_nouns())


def _country_name(span: Span) -> bool:
    """True when a name is a country's ("Niger", "the Netherlands") and no given name ("Chad")."""
    name = display_name(span.text)
    return name.casefold() in _COUNTRIES and (len(span) > 1 or first_name_gender(name) is None)


def retype_names(names: list, demonyms: dict[str, str]) -> tuple[list, list[tuple[int, Span | None]]]:
    """Return the names (``actors_names.Name`` tuples) with the types their context states, a
    lone nationality adjective dropped, and (index in the returned list, describing phrase or
    None) of each name retyped or confirmed by an organisation's or place's description."""
    kept: list = []
    phrases: list[tuple[int, Span | None]] = []
    for span, entry, kind in names:
        if entry is None and len(span) == 1 and span[0].lower_ in demonyms and kind != "GROUP" \
                and span[0].tag_ not in ("NNS", "NNPS") and _described(span[0]):
            continue  # "A Guatemalan judge", "Ukrainian officials": the nationality of a person or group
        if entry is None and kind in ("PERSON", "ORG") and _country_name(span):
            kind = "GPE"  # "across Burkina Faso, Niger and Mali"
        last = _KINDS.get(span[-1].lower_) if len(span) > 1 and span[-1].is_title else None
        if entry is None and kind == "PERSON" and last is not None:
            kind = _RETYPE[last][0]  # "the Swiss People's Party", "Beledweyne District": no person
        stated = stated_kind(span) if entry is None else None
        if stated is not None:
            new_type, overrides = _RETYPE[stated[0]]
            if kind in overrides:
                kind = new_type
            if kind == new_type or (stated[0] == "place" and kind in ("LOC", "FAC")):
                phrases.append((len(kept), stated[1]))
        kept.append((span, entry, kind))
    return kept, phrases


def voted_type(kinds: list[str], current: str) -> str:
    """Return the type most of a name's mentions were recognised as ("Mali" twice a place, once a
    person: a place), or ``current`` when no type has more mentions than it."""
    best = max(set(kinds), key=kinds.count, default=current)
    return best if kinds.count(best) > kinds.count(current) else current


def or_aliases(names: list) -> dict[int, int]:
    """Return {index: index of the name it is another name of} for each name given as an alternative
    right after an organisation's or place's ("the Quadrilateral Security Dialogue, or Quad,", "the
    Islamic State, or ISIS."), unless both are different KB entries."""
    found: dict[int, int] = {}
    for n in range(len(names) - 1):
        (a, ea, ta), (b, eb, _) = names[n], names[n + 1]
        doc = a.doc
        if ta == "PERSON" or b.start != a.end + 2 or doc[a.end].text != "," or doc[a.end + 1].lower_ != "or":
            continue
        prev = doc[a.start - 1] if a.start else None
        if a.root.dep_ == "conj" or (prev is not None and (prev.is_title or prev.lower_ in _INSIDE_NAME)):
            continue  # "Syria, Yemen, or Libya": a list; "Campaign for an Independent and Neutral Switzerland"
        if (b.end == len(doc) or doc[b.end].is_punct) and (ea is None or eb is None or ea is eb):
            found[n + 1] = n
    return found
