"""Unnamed collective actors: "Israeli soldiers", "Palestinian youth", "police", "Rwandan rebels".

News often names the doer of an event by nationality and kind, not by name.
A noun phrase is a group actor when its head is an agent noun of
``data/<lang>/actors/group_nouns.csv`` (people, forces, officials, kinds of groups:
never "Palestinian lands" or "the Palestinian cause"), or a plural of the
PLOVER/PETRARCH agent kinds (``actors/agents.csv``, ``phoenix_agents.csv``:
"Algerian landowners", "Republican voters") that a nationality or people
qualifies, and

- a modifier is a demonym (``actors/demonyms.csv``) or an adjective that
  stands for a country (``actors/group_adjectives.csv``: "Zionist"), which
  gives the actor's ``country``; or
- a qualifier says what group it is ("security forces", "armed groups"); or
- the noun is an agent by itself ("police", "protesters", "the militants"); or
- the phrase counts them and is the subject that acts ("Nine press freedom groups called ...",
  "three members of the U.S. Senate led ..."): named as written, with the actor they are
  members of; never a counted object or sufferer ("killed five people") or "the two leaders".

A phrase that already names an actor ("US troops", "Hamas fighters", "Iraq's
government", "officials of the ministry") stays that actor's: the named actor
stands for the group, as before.  Plural heads only, except collective nouns
("the army", "Palestinian youth"); "a Palestinian youth" is one person.  One attacker who acts
("a female suicide bomber detonated ...", "killed by a suicide bomber") is an actor too.

Merging within one article: mentions with the same country and the same class
(``class`` column: soldiers, troops, forces, army -> military) are one actor,
since CAMEO/PLOVER code them as one actor (country + sector); kinds of
civilians stay apart.  A mention without a country joins the latest actor of
its class when its qualifiers are among that actor's words ("Israeli police
... police said"; "armed groups" is not "rebel forces"), and a first countryless actor
takes the country of a later same-class mention when none has it yet.
The actor is named neutrally: the country's first demonym in demonyms.csv plus
qualifier and head as written ("the Zionist troops" -> "Israeli troops"); the
first mention's name is the actor's name, the others its aliases.

"they"/"them"/"their" after a group in the same sentence is that group (the
nearest one; none after a named organisation or country, where it is unclear):
"so difficult for the Zionist troops that they would have to ...".

Hand-written on spaCy's parse: its NER labels only the adjective ("Israeli":
NORP) and no installed library (textacy, PLOVER/PETRARCH dictionaries) turns
such phrases into actors with offsets.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

import numpy
from spacy.strings import hash_string
from spacy.symbols import NOUN
from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.actors_cluster import Cluster
from newsgraph.analyze.lexicon import lexicon

_LEX = lexicon()
#: "they" after a group in the same sentence is that group (data/<lang>/pronouns.csv).
_THEY = tuple(r["word"].lower() for r in _LEX.table("pronouns.csv", ("word", "speaker", "gender", "case",
                                                                      "group_anaphor")) if r.yes("group_anaphor"))
_NOUN_COLUMNS = ("lemma", "class", "sector", "bare", "singular", "generic", "qualifies", "name", "country")
#: Modifiers that only count, never enter the mention ("the two Israeli soldiers").
_LEFT_DEPS = ("amod", "compound", "nmod", "npadvmod")
_SKIP_DEPS = ("det", "predet", "nummod", "poss", "quantmod", "case", "punct")
_SKIP_POS = ("DET", "PRON", "NUM", "PUNCT", "CCONJ", "ADP", "SCONJ")
_ONE = {"a", "an", "one", "each", "every", "another"}


@dataclass(frozen=True)
class GroupNoun:
    """One row of ``actors/group_nouns.csv``."""

    lemma: str
    cls: str  # empty: only a qualifier
    sector: str
    bare: bool
    singular: bool
    generic: bool
    qualifies: str
    name: str
    agent_only: bool = False  # from the PLOVER agent lists: a head, never a qualifier
    needs_country: bool = False  # "Israeli tanks" is a group, "fighter jets" is not


@dataclass
class GroupMention:
    """A group phrase found in the text (token offsets, end exclusive)."""

    start: int
    end: int
    head: int
    country: str | None
    key: tuple[str, ...]  # class plus qualifiers for generic heads
    words: list[str]  # the name's words after the demonym: qualifiers and head as written


@functools.cache
def load_nouns() -> dict[str, GroupNoun]:
    """Return {lemma: GroupNoun} from the group nouns, then the PLOVER agent kinds
    (``Lexicon.agent_sectors``: "landowners", "hackers") as plural heads that need a
    nationality or people to make a group ("Algerian landowners", not "landowners")."""
    nouns = {
        r["lemma"].lower(): GroupNoun(
            r["lemma"].lower(), r["class"], r["sector"], r.yes("bare"), r.yes("singular"), r.yes("generic"),
            r["qualifies"], r["name"], needs_country=r.yes("country"),
        )
        for r in _LEX.table("actors/group_nouns.csv", _NOUN_COLUMNS)
    }
    for lemma, sector in _LEX.agent_sectors().items():
        if lemma not in nouns and lemma.isalpha():
            nouns[lemma] = GroupNoun(lemma, lemma, sector, False, False, False, "", "", agent_only=True)
    return nouns


@functools.cache
def load_adjectives() -> dict[str, str]:
    """Return {adjective (lowercase): ISO alpha-3} of non-demonym adjectives standing for a country."""
    rows = _LEX.table("actors/group_adjectives.csv", ("adjective", "country", "note"))
    return {r["adjective"].casefold(): r["country"].upper() for r in rows}


def canonical_demonyms() -> dict[str, str]:
    """Return {ISO alpha-3: the country's first demonym in demonyms.csv} ("ISR": "Israeli")."""
    return _LEX.canonical_demonyms()


@functools.cache
def _head_hashes() -> numpy.ndarray:
    """Return the string hashes of the group head lemmas (to pick candidates from ``Doc.to_array``)."""
    return numpy.array(sorted(hash_string(lemma) for lemma, n in load_nouns().items() if n.cls), dtype="uint64")


def _among(values: numpy.ndarray, sorted_hashes: numpy.ndarray) -> numpy.ndarray:
    """Return a mask of ``values`` found in ``sorted_hashes`` (``numpy.isin`` is slow on short arrays)."""
    at = numpy.minimum(numpy.searchsorted(sorted_hashes, values), len(sorted_hashes) - 1)
    return sorted_hashes[at] == values


def group_lemma(tok: Token) -> str:
    """Return the word the group nouns know ``tok`` by: its lemma when that is a group noun, else its
    lower-case form (``load_nouns()`` holds "police" and "people" as they are written)."""
    lemma = tok.lemma_.lower()
    return lemma if lemma in load_nouns() else tok.lower_


def find_groups(doc: Doc, covering: Callable[[], list[bool]], demonyms: dict[str, str]) -> list[GroupMention]:
    """Return the group phrases of ``doc`` in text order.

    ``covering()`` returns, per token, whether it is in another actor's mention
    (called only when the doc has a candidate head noun).
    """
    nouns = load_nouns()
    found: list[GroupMention] = []
    arr = doc.to_array(["POS", "LEMMA", "LOWER"])
    heads = _head_hashes()
    candidates = numpy.nonzero((arr[:, 0] == NOUN) & (_among(arr[:, 1], heads) | _among(arr[:, 2], heads)))[0]
    if not len(candidates):
        return found
    covered = covering()
    for head in (doc[int(i)] for i in candidates):
        if covered[head.i] or head.dep_ in ("compound", "amod", "nmod"):
            continue  # "government offices", "police chief": a modifier of another noun
        noun = nouns.get(group_lemma(head))
        if noun is None or not noun.cls:
            continue
        plural = head.tag_ == "NNS" or head.lower_ in ("police", "people")
        # "a female suicide bomber detonated her explosives": one attacker who acts is an actor too
        attacker = not plural and noun.cls == "attacker" and (head.dep_ == "nsubj" or (
            head.dep_ == "pobj" and head.head.dep_ == "agent"))  # "killed by a suicide bomber"
        if not plural and not noun.singular and not attacker:
            continue
        children = list(head.children)
        if not plural and not noun.generic and not attacker and any(c.lower_ in _ONE for c in children if c.dep_ in ("det", "nummod")):
            continue  # "a Palestinian youth": one person ("a human rights group" is a group)
        # "Nine press freedom groups called ...", "three members of the Senate led ...": a counted subject
        # that acts is some in particular ("five people were killed", "the two leaders" are not new actors)
        counted = plural and head.dep_ == "nsubj" and not any(c.dep_ == "det" for c in children) and any(
            t.dep_ == "nummod" and t.like_num and t.lower_ not in _ONE for c in head.lefts for t in c.subtree)
        if not counted and any(c.dep_ == "prep" and c.lower_ == "of" and any(covered[o.i] for o in c.children)
                               for c in children):
            continue  # "officials of the ministry", "the government of Syria": that actor
        left = [c for c in children if c.i < head.i and c.dep_ in _LEFT_DEPS]
        if any(covered[t.i] for c in children if c.i < head.i for t in c.subtree):
            continue  # "US troops", "Hamas fighters", "Iraq's government": the named actor
        country, qualifiers, cls, extra = _modifiers(doc, left, noun, demonyms)
        if country is None and (noun.needs_country or not qualifiers and not noun.bare and not counted):
            continue  # "men", "groups", "youth" alone: nobody in particular; "fighter jets": things
        key = (cls, *sorted(extra)) if not attacker else (cls, "one")  # one bomber is not "the attackers"
        start = min((t.i for c in left for t in c.subtree), default=head.i)
        # a list of modifiers ("over-policed, targeted and criminalized black men"): its last part
        start = max([start] + [t.i + 1 for t in doc[start:head.i] if t.is_punct and t.text != "-"])
        while start < head.i and (doc[start].dep_ in _SKIP_DEPS or doc[start].pos_ in _SKIP_POS):
            start += 1
        if any(covered[i] for i in range(start, head.i + 1)):
            continue
        head_word = noun.name or head.lower_
        words = [*qualifiers, head_word]
        if counted and country is None and not qualifiers:  # named as written: "press freedom and rights groups"
            words = [t.text for t in doc[start:head.i]] + [head_word] + _of_words(children, covered)
        found.append(GroupMention(start, head.i + 1, head.i, country, key, words))
    return found


def _of_words(children: list[Token], covered: list[bool]) -> list[str]:
    """Return the words of an actor a counted group belongs to ("members" "of the U.S. Senate"), or []."""
    for c in children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((o for o in c.children if o.dep_ == "pobj" and covered[o.i]), None)
            if pobj is not None:
                return ["of", *(t.text for t in pobj.subtree if not t.is_punct and t.i <= pobj.i)]
    return []


def _modifiers(doc: Doc, left: list[Token], noun: GroupNoun,
               demonyms: dict[str, str]) -> tuple[str | None, list[str], str, list[str]]:
    """Return (country, qualifiers as written, class, words that tell groups apart) read from a group
    head's left modifiers ("Croatian Serb refugees", "security forces", "human rights group")."""
    nouns, adjectives = load_nouns(), load_adjectives()
    country, qualifiers, cls, extra = None, [], noun.cls, []
    for mod in left:
        word = mod.lower_
        pair = f"{doc[mod.i - 1].lower_} {word}" if mod.i > 0 else ""
        code = demonyms.get(pair) or demonyms.get(word) or adjectives.get(word)
        if code and country is None:
            country = code
            continue
        if code:  # "Croatian Serb refugees": the second says which people
            qualifiers.append(mod.text)
            extra.append(word)
            continue
        if mod.ent_type_ == "NORP":  # "Kurdish fighters", "Sunni militants": a group, no country
            qualifiers.append(mod.text)
            extra.append(word)
            continue
        qual = nouns.get(group_lemma(mod)) if mod.pos_ in ("NOUN", "ADJ", "PROPN") else None
        if qual is not None and (qual.qualifies or qual.cls) and not qual.agent_only:
            sub = list(mod.subtree)  # "human rights group": the qualifier with its own modifiers
            contiguous = sub[-1].i == mod.i and all(not t.is_punct for t in sub)
            qualifiers.append(" ".join(t.lower_ for t in sub) if contiguous else word)
            if noun.generic and qual.qualifies and cls == noun.cls:
                cls = qual.qualifies  # "security forces", "rebel forces", "armed groups"
            elif noun.generic:
                extra.append(word)
    return country, qualifiers, cls, extra


def group_name(mention: GroupMention) -> str:
    """Return the neutral name of a group mention ("Israeli soldiers", "security forces")."""
    words = list(mention.words)
    if mention.country:
        demonym = canonical_demonyms().get(mention.country)
        if demonym:
            words.insert(0, demonym)
    return " ".join(words)


def add_groups(
    doc: Doc, clusters: list[Cluster], covering: Callable[[], list[bool]], demonyms: dict[str, str],
    add_mention: Callable[[Cluster, Span, str], None], named: dict[int, Cluster | None],
) -> None:
    """Add the group actors of ``doc`` to ``clusters``, merged by country and class (see the module doc).

    ``covering()`` marks tokens of other actors' mentions (see ``find_groups``); ``named`` maps the head
    token of each named group ("Palestinians") to its cluster, for "they", and of
    each named organisation or country to None (after it "they" is left unresolved).
    """
    places: dict[str, Cluster] = {}
    for c in clusters:
        if c.type == "GPE" and c.country:
            places.setdefault(c.country, c)
    by_key: dict[tuple, Cluster] = {}
    latest: dict[tuple, Cluster] = {}  # class key -> the latest group of that class
    with_country: set[tuple[str, ...]] = set()  # class keys some group of which has a country
    last_group: dict[int, Cluster | None] = dict(named)  # head token -> its group
    for g in find_groups(doc, covering, demonyms):
        name = group_name(g)
        c = by_key.get((g.country, g.key)) if g.country else latest.get(g.key)
        if c is not None and not g.country:  # "Police said" joins "Iranian police"; "armed groups" not "rebel forces"
            said = {w for n in c.names for w in n.casefold().split()}
            c = c if all(w in said for q in g.words[:-1] for w in q.casefold().split()) else None
        if c is None and g.country:  # "militants ... Rwandan militants": the first had no country yet
            c = by_key.get((None, g.key))
            if c is not None and c.country is None and g.key not in with_country:
                c.country = g.country
                c.fixed_name = name
                by_key[(g.country, g.key)] = c
            else:
                c = None
        if c is None:
            c = Cluster(type="GROUP", country=g.country, fixed_name=name)
            clusters.append(c)
            by_key.setdefault((g.country, g.key), c)
            if g.country in places:
                c.add_affiliation(places[g.country])
        if name.casefold() not in (n.casefold() for n in c.names):
            c.names.append(name)
        add_mention(c, doc[g.start:g.end], "description")
        latest[g.key] = c
        last_group[g.head] = c
        if g.country:
            with_country.add(g.key)
    # "for the Zionist troops that they would have to ...": "they" after a group in the
    # same sentence is the nearest group before it (no salience model for plurals)
    if all(c is None for c in last_group.values()):
        return
    covered = covering()
    arr = doc.to_array(["LOWER", "SENT_START", "IS_QUOTE"])
    sentence = numpy.cumsum(arr[:, 1] == 1)
    quotes = numpy.cumsum(arr[:, 2] == 1)  # a group inside a quote is not the "they" after it
    they = numpy.nonzero(_among(arr[:, 0], numpy.array(sorted(hash_string(w) for w in _THEY), dtype="uint64")))[0]
    recent: Cluster | None = None
    recent_sentence = recent_quotes = -1
    for i, is_pronoun in sorted([(i, False) for i in last_group] + [(int(i), True) for i in they]):
        if not is_pronoun:  # a group, or a name after which "they" is unclear
            recent, recent_sentence, recent_quotes = last_group[i], sentence[i], quotes[i]
        elif recent is not None and sentence[i] == recent_sentence and quotes[i] == recent_quotes and not covered[i]:
            add_mention(recent, doc[i:i + 1], "pronoun")


__all__ = [
    "GroupMention", "GroupNoun", "add_groups", "canonical_demonyms", "find_groups", "group_name", "load_adjectives",
    "load_nouns",
]
