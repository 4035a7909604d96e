"""Speakers the entity recogniser missed: every name that speaks is an actor.

spaCy's small model leaves many names untagged, or tags them as something
else ("Wasuge" as a work of art), and most often exactly the surname that
carries a quote ("..., Palvetzian said").  A statement whose speaker is named
must still have an actor, so the proper noun that is the subject of a cue
("X said", "X told", "X, adding") or the object of "according to" becomes a
name here:

* its span is the run of proper nouns the parse joins to it ("Nop Vy"),
  without the titles and forms of address before it;
* it is an organisation when the words the parse hangs on it say so ("media
  association CamboJA", "the ministry") or it is written in capitals
  ("UNICEF"), else a person;
* a person's fuller name elsewhere in the article ("Sevaun Palvetzian ...
  Palvetzian said") is added as a name too (even where the recogniser gave
  it another type), so the clusterer merges both forms into one actor.

Only cue subjects are taken: a capitalised word elsewhere is no evidence of a
name, and a wrong actor is worse than a missing one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.actors_cluster import Cluster
from newsgraph.analyze.actors_titles import HONORIFICS, TITLE_WORDS, Role, description_at, role_word
from newsgraph.analyze.cues import REPORTER_WORDS
from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.quotes_reported import cue_tokens, not_said, speaker_token

_SPEAKERS = "speech/speakers.csv"
#: Head nouns of organisations: a cue subject modified by one is an ORG ("media association X").
ORG_WORDS: frozenset[str] = lexicon().words(_SPEAKERS, "org_word")
#: Capitalised words that open a sentence or a quote without naming anyone.
_NOT_NAMES: frozenset[str] = lexicon().words(_SPEAKERS, "not_name")
#: Nouns whose speaking is their issuer's or no one's: documents ("his report"), unnamed sources.
_NOT_POSSESSED: frozenset[str] = lexicon().words(_SPEAKERS, "document") | lexicon().words(_SPEAKERS, "unnamed_source")
#: Nouns for a body of people around someone ("her campaign", "Lai's legal team"): a group.
COLLECTIVE_WORDS: frozenset[str] = lexicon().words(_SPEAKERS, "collective")
#: Nouns for a person by their tie to someone ("his ex-wife", "Obama's campaign strategist").
_TIES: frozenset[str] = lexicon().words(_SPEAKERS, "tie")
_AGENT_NOUNS = lexicon().agent_sectors()


def _can_speak(tok: Token) -> bool:
    """True for a noun that names who can speak: a role, an agent, an organisation, a body of people
    or a person's tie ("Zamora's detention" cannot, whatever the parse hangs on it)."""
    lemma = tok.lemma_.lower()
    last = lemma.rsplit("-", 1)[-1]
    return bool(role_word(tok)) or any(w in words for w in (lemma, last) for words in (
        _AGENT_NOUNS, ORG_WORDS, COLLECTIVE_WORDS, _TIES))


def doc_quote_before(tok: Token) -> bool:
    """True when a quote mark or colon comes right before ``tok`` (a quote's first word)."""
    return tok.i > 0 and (tok.doc[tok.i - 1].is_quote or tok.doc[tok.i - 1].text == ":")


def _is_name_word(tok: Token, demonyms: Collection[str]) -> bool:
    low = tok.lower_
    # a capitalised "noun" inside a sentence is a name the tagger did not know ("association CamboJA")
    proper = tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and not tok.is_sent_start and not doc_quote_before(tok))
    return (proper and tok.is_alpha and tok.text[:1].isupper() and low not in HONORIFICS
            and low not in TITLE_WORDS and low not in demonyms and low not in _NOT_NAMES and not role_word(tok))


def _name_span(doc: Doc, subj: Token, demonyms: Collection[str]) -> Span | None:
    """Return the run of name words ending at ``subj`` ("Nop Vy"), or None."""
    if not _is_name_word(subj, demonyms):
        return None
    lo = subj.i
    while lo - 1 >= 0 and _is_name_word(doc[lo - 1], demonyms) and not doc[lo].is_sent_start and (
            doc[lo - 1].head.i == subj.i or doc[lo - 1].head.i == lo):
        lo -= 1
    return doc[lo:subj.i + 1]


def _titled(doc: Doc, span: Span) -> bool:
    """True when a title or form of address comes right before the name ("Mayor X", "Mr. X")."""
    return span.start > 0 and (role_word(doc[span.start - 1]) or doc[span.start - 1].lower_ in HONORIFICS)


def _kind(subj: Token, span: Span) -> str:
    """Return ORG or PERSON for a speaker's name (see the module docstring)."""
    if (span.text.isupper() and len(span.text) >= 2) or (len(span) > 1 and span[-1].lower_ in ORG_WORDS):
        return "ORG"  # "UNICEF"; "Global Terrorism Index", "Kadir Has University"
    for child in subj.children:
        if child.dep_ in ("compound", "amod", "nmod", "appos") and child.lower_ in ORG_WORDS:
            return "ORG"
    return "PERSON"


def missed_speakers(doc: Doc, covered: Collection[int], demonyms: Collection[str],
                    in_headline: Callable[[Span], bool]) -> list[tuple[Span, str]]:
    """Return (span, type) for each cue subject that is a name no name span covers, and
    for the fuller forms of those people's names elsewhere, in text order."""
    found: dict[int, tuple[Span, str]] = {}
    lowered: set[str] | None = None
    for cue in cue_tokens(doc):
        subj = speaker_token(cue)
        if subj is None:
            continue
        # the name in apposition to a description: "the press association FreeMik, said"
        names = [c for c in subj.children if c.dep_ == "appos"] if subj.pos_ == "NOUN" else []
        for name in [subj] + names:
            if name.pos_ not in ("PROPN", "NOUN"):
                continue
            span = _name_span(doc, name, demonyms)
            if span is None or span.start in found or in_headline(span):
                continue
            if name.i in covered and not _titled(doc, span):
                continue  # (a name tagged as a place after a title is a person's: "Mayor Hadi Rudyatmo")
            if lowered is None:
                lowered = {t.text for t in doc if t.is_lower}
            if any(t.lower_ in lowered for t in span) if len(span) == 1 else all(t.lower_ in lowered for t in span):
                continue  # a common word written with a capital ("Police said"; not "Global Terrorism Index")
            kind = "ORG" if name is not subj and subj.lemma_.lower() in ORG_WORDS else _kind(name, span)
            if name.i in covered:
                kind = "PERSON"
            found[span.start] = (span, kind)
    people = {span[-1].text for span, kind in found.values() if kind == "PERSON"}
    if people:
        for tok in doc:
            if tok.text in people and tok.i > 0:
                full = _name_span(doc, tok, demonyms)
                if full is not None and len(full) > 1 and full.start not in found and not in_headline(full):
                    found[full.start] = (full, "PERSON")
    return [found[k] for k in sorted(found)]


def with_missed_speakers(doc: Doc, kept: list, demonyms: Collection[str],
                         in_headline: Callable[[Span], bool]) -> list:
    """Return the (span, KB entry, type) names ``kept`` plus the speakers' names the recogniser
    missed; a fuller form of such a person's name replaces a name of another type it covers
    ("Mahad Wasuge" tagged ORG), in text order."""
    covered = {t for span, _, _ in kept for t in range(span.start, span.end)}
    extra = missed_speakers(doc, covered, demonyms, in_headline)
    if not extra:
        return kept
    for span, kind in extra:
        inside = [item for item in kept if item[0].start < span.end and span.start < item[0].end]
        if inside and not all(item[1] is None and item[2] != "PERSON" and kind == "PERSON"
                              and span.start <= item[0].start and item[0].end == span.end for item in inside):
            continue
        kept = [item for item in kept if item not in inside]
        kept.append((Span(doc, span.start, span.end, label=kind), None, kind))
    kept.sort(key=lambda item: item[0].start)
    return kept


def described_speakers(doc: Doc, demonyms, held: Callable[[Token], bool]) -> list[Role]:
    """Return the definite descriptions that speak and that no actor holds ("The Afghan army chief
    said ...", "the minister said"), in text order: each is someone the article presents without a
    name, an actor all the same.  Only the singular ones with a role word: "officials" name no one,
    and a reporter is not a source."""
    found: dict[int, Role] = {}
    for cue in cue_tokens(doc):
        subj = speaker_token(cue) if not not_said(cue) else None  # "The Democratic nominee did not answer"
        if (subj is None or subj.i in found or subj.tag_ != "NN" or not role_word(subj) or held(subj)
                or subj.lower_ in REPORTER_WORDS):
            continue
        role = description_at(doc, subj.i, subj.sent, demonyms)
        if role is not None and role.span.start < len(doc) and doc[role.span.start].lower_ in ("the", "this", "that"):
            found[subj.i] = role
    return [found[k] for k in sorted(found)]


def possessed_speakers(doc: Doc, held: Callable[[Token], bool]) -> list[tuple[Span, Token]]:
    """Return (description, possessor) for each singular description with a possessor that speaks
    and that no actor holds ("His lawyer said", "Pagliano's lawyer has said", "Hillary Clinton's
    campaign has asked"), in text order: someone the article presents by their tie to another actor,
    an actor of their own (the possessor is not the one speaking).  Not a document ("his report":
    its issuer speaks), an unnamed source or a reporter."""
    found: dict[int, tuple[Span, Token]] = {}
    for cue in cue_tokens(doc):
        subj = speaker_token(cue) if not not_said(cue) else None
        if (subj is None or subj.i in found or subj.tag_ != "NN" or held(subj) or subj.lower_ in REPORTER_WORDS
                or subj.lemma_.lower() in _NOT_POSSESSED or not _can_speak(subj)):
            continue
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        if poss is None:
            continue
        start = min(t.i for t in poss.subtree)
        if any(t.dep_ in ("cc", "conj", "punct") for t in doc[start:subj.i]):
            continue  # "Trump and his aides": not one description
        found[subj.i] = (doc[start:subj.i + 1], poss)
    return [found[k] for k in sorted(found)]


def possessed_actors(doc: Doc, text: str, held: Callable[[Token], bool], held_at: Callable[[int], bool],
                     name_of_token: Sequence[Cluster | None], clusters: list[Cluster],
                     add_mention: Callable[[Cluster, Span, str], None]) -> list[tuple[Cluster, int, str]]:
    """Make an actor of each possessed description that speaks and no one holds ("His lawyer said",
    ``possessed_speakers``), one per possessor and noun: a person, or an organisation or group by its
    noun; each new actor is appended to ``clusters``, each description added with ``add_mention``.
    ``held_at`` says whether a mention covers a character offset.  Return (actor, the possessor's token
    index, the description after the possessor) for each new actor, to be named after the possessor
    once pronouns are resolved ("His lawyer": "Peter Kadzik's lawyer")."""
    by_key: dict[tuple[object, str], Cluster] = {}
    possessed: list[tuple[Cluster, int, str]] = []
    for span, poss in possessed_speakers(doc, held):
        if held_at(span.root.idx):
            continue
        lemma = span.root.lemma_.lower()
        owner = name_of_token[poss.i]
        key = (id(owner) if owner is not None else poss.lower_, lemma)
        c = by_key.get(key)
        if c is None:
            kind = "ORG" if lemma in ORG_WORDS else "GROUP" if lemma in COLLECTIVE_WORDS else "PERSON"
            rest = text[doc[poss.i + 1].idx:span.end_char].removeprefix("’s ").removeprefix("'s ").strip()
            written = text[span.start_char:span.end_char]
            c = Cluster(type=kind, fixed_name=written[:1].lower() + written[1:] if poss.tag_ == "PRP$" else written)
            clusters.append(c)
            by_key[key] = c
            possessed.append((c, poss.i, rest))
        add_mention(c, span, "description")
    return possessed
