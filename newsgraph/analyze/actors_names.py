"""The names of an article: spaCy's entities and the knowledge base's names, cleaned and merged.

Pass 1 of ``actors``: every name once, in text order, not overlapping, each with its KB
entry (when the KB knows it) and actor type.  The entity recogniser's slips are mended here:
a possessive or a function word it ran into is cut ("Donald Trump’s", "the ministry on
Friday"), a title before a person's name is left to the titles pass ("President Joe Biden"),
a description it tagged as a name ("the Supreme Leader") is no name, and the speakers it
missed are added (``actors_speakers``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.analyze.actors_cluster import display_name, normalise
from newsgraph.analyze.actors_gender import first_name_gender
from newsgraph.analyze.actors_speakers import ORG_WORDS, with_missed_speakers
from newsgraph.analyze.actors_titles import HONORIFICS, TITLE_WORDS, role_word
from newsgraph.analyze.kb import KBEntry

#: spaCy entity label -> actor type (NORP only as a plural noun: "Palestinians").
ENT_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "GROUP"}
#: Parts of speech a name never ends with: "the ministry on (Friday)", "Bosnia and (Herzegovina)".
_DANGLING = frozenset({"ADP", "CCONJ", "DET", "PART", "SCONJ", "PUNCT"})

Name = tuple[Span, "KBEntry | None", str]


def trim_entity(ent: Span) -> Span | None:
    """Return an entity without the possessive or function words the recogniser ran into ("Donald
    Trump’s" -> "Donald Trump", "the ministry on" -> "the ministry"), or None when no word of a
    name is left once a function word is cut (in lower case: "the ministry" is a description)."""
    doc, end = ent.doc, ent.end
    while end - ent.start > 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("’s", "'s", "’", "'")):
        end -= 1
    cut = end
    while end - ent.start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ in _DANGLING:
        end -= 1
    words = [t for t in doc[ent.start:end] if t.is_alpha and t.lower_ not in ("the", "a", "an")]
    if end < cut and not any(ch.isupper() for t in words for ch in t.text):
        return None
    return Span(doc, ent.start, end, label=ent.label_)


def kb_spans(doc: Doc, comp) -> list[Span]:
    """Return the knowledge-base names the component's matchers find (``comp``: the actors
    component, holding ``kb``, ``exact`` and ``anycase``), the longest where they overlap."""
    spans = []
    for matcher, strict in ((comp.exact, True), (comp.anycase, False)):
        for match_id, start, end in matcher(doc):
            span = Span(doc, start, end, label=match_id)
            if strict or any(t.is_title or t.is_upper for t in span if t.is_alpha):
                spans.append(span)
    return [s for s in filter_spans(spans) if comp.kb.get(s.label_) is not None]


def given_name(ent: Span, demonyms) -> bool:
    """True when a person entity ending in a role word is a name all the same ("Larry King")."""
    before = [t for t in ent[:-1] if t.lower_ not in ("the", "a")]
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in HONORIFICS:
        return True  # "Mr. King"
    return any(t.is_title and t.lower_ not in TITLE_WORDS and t.lower_ not in demonyms
               and not role_word(t) for t in before)


def _entities(doc: Doc, demonyms) -> list[Span]:
    """Return the recogniser's names, mended (see the module docstring), in text order."""
    ents: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ENT_TYPES:
            continue
        if ents and ent.label_ == ents[-1].label_ == "PERSON" and ents[-1].end == ent.start:
            ents[-1] = Span(doc, ents[-1].start, ent.end, label="PERSON")  # "Ayatollah Seyyed" + "Ali Khamenei"
            continue
        ents.append(ent)
    out = []
    person_words = {t.text for ent in ents if ent.label_ == "PERSON" for t in ent}
    place_words = {t.text for ent in ents if ent.label_ in ("GPE", "NORP", "LOC") for t in ent}
    for ent in ents:
        ent = trim_entity(ent)
        if ent is None:
            continue
        if ent.label_ == "ORG" and _person_tagged_org(ent, person_words, place_words, demonyms):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        if ent.label_ == "NORP" and not (ent.root.tag_ in ("NNPS", "NNS") and ent.root.pos_ in ("PROPN", "NOUN")):
            continue  # "Palestinian youth": an adjective, not the group
        if not any(c.isalpha() for c in ent.text):
            continue  # "104" of "104 passengers": a number the recogniser took for a name
        if ent.label_ in ("PERSON", "ORG") and len(ent) == 1 and ent[0].pos_ in ("VERB", "ADJ", "ADV") and all(
                t.is_punct for t in doc[ent.sent.start:ent.start]):
            continue  # "Coordinated airstrikes by ...": capitalised only because it starts the sentence
        if all(t.lower_ in TITLE_WORDS for t in ent):
            continue  # "Supreme" of "Supreme Leader": part of a title
        if ent.label_ in ("PERSON", "ORG"):
            roles = [t.i for t in ent if role_word(t)]
            if roles and roles[-1] == ent.end - 1:
                if not (ent.label_ == "PERSON" and given_name(ent, demonyms)):
                    continue  # "IRGC Cmdr", "the Supreme Leader": a description, not a name
                roles = roles[:-1]  # "Larry King": the last word is his name
            if roles and ent.label_ == "PERSON":
                ent = Span(doc, roles[-1] + 1, ent.end, label="PERSON")  # "President Joe Biden"
        out.append(ent)
    return out


def _person_tagged_org(ent: Span, person_words: set[str], place_words: set[str], demonyms) -> bool:
    """True when an entity tagged ORG is a person's name: two or three capitalised proper nouns, the
    first a clear first name (no place, people or demonym), the last no organisation or plural word
    and a person's name elsewhere in the article ("Keith Lamont Scott" ORG, "Scott" PERSON) or after a
    person's title ("One Republican presidential hopeful, Carly Fiorina")."""
    if not 2 <= len(ent) <= 3 or not all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in ent):
        return False
    first, last, doc = ent[0], ent[-1], ent.doc
    # a person's title right before the name or its comma: "One Republican presidential hopeful, Carly Fiorina"
    before = doc[ent.start - 2] if ent.start >= 2 and doc[ent.start - 1].text == "," else (
        doc[ent.start - 1] if ent.start >= 1 else None)
    titled = before is not None and role_word(before) is not None and before.lower_ not in ORG_WORDS
    return (first_name_gender(first.text) is not None and first.text not in place_words
            and first.lower_ not in demonyms and (last.text in person_words or titled) and last.tag_ != "NNPS"
            and last.lower_ not in ORG_WORDS and not any(role_word(t) for t in ent))


def _with_kb(doc: Doc, ent: Span, kb, inside: list[Span]) -> Name:
    """Return an entity's name with the KB entry whose name ends it (``inside``: the KB names it overlaps)."""
    head = [k for k in inside if k.start < ent.end <= k.end]
    entry = kb.get(head[0].label_) if head else None
    if entry is not None and ent.label_ == "PERSON" and len(head[0]) < len(ent):
        # "John Harris" is not the KB's "Harris" unless the whole name is known
        if kb.get(" ".join(normalise(ent.text))) is not entry:
            entry = None
    if entry is not None and ent.label_ == "ORG" and entry.type == "GPE" and len(head[0]) < len(ent):
        entry = None  # "Statistics Canada", "the Bank of Canada", "Air Canada": a body of the country, not it
    if entry is not None:  # a KB name ends the entity, same actor ("Ayatollah Seyyed Ali Khamenei")
        k = head[0]
        span = Span(doc, min(ent.start, k.start), max(ent.end, k.end))
        return span, entry, entry.type if entry.type != "OTHER" else ENT_TYPES[ent.label_]
    if inside:  # modifiers of a larger name ("China Steel", "U.S. Senate"), or another person
        return ent, None, ENT_TYPES[ent.label_]
    entry = kb.get(display_name(ent.text))  # the tokenizer may have glued a possessive on ("Trump’s")
    kind = ENT_TYPES[ent.label_]
    return ent, entry if entry is not None and entry.type == kind else None, kind


def find_names(doc: Doc, comp, in_headline: Callable[[Span], bool]) -> list[Name]:
    """Return (span, KB entry, actor type) of every name, in text order, not overlapping
    (``comp``: the actors component, with its KB, matchers and demonyms)."""
    kb = comp.kb
    found_kb = kb_spans(doc, comp)
    out: list[Name] = []
    used_kb: set[int] = set()
    for ent in _entities(doc, comp.demonyms):
        inside = [k for k in found_kb if k.start < ent.end and ent.start < k.end]
        out.append(_with_kb(doc, ent, kb, inside))
        used_kb.update(k.start for k in inside)
    for k in found_kb:
        if k.start not in used_kb and not any(s.start < k.end and k.start < s.end for s, _, _ in out):
            entry = kb.get(k.label_)
            out.append((k, entry, entry.type if entry.type != "OTHER" else "ORG"))
    out.sort(key=lambda item: (item[0].start, -len(item[0])))
    kept: list[Name] = []
    for item in out:
        if not kept or item[0].start >= kept[-1][0].end:
            kept.append(item)
    return with_missed_speakers(doc, kept, comp.demonyms, in_headline)
