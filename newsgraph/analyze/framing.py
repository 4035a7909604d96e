"""newsgraph_framing: loaded and propagandistic wording, flagged with a technique name.

The lexicon is data (``newsgraph/data/<lang>/framing.csv``: pattern, category,
note), matched with spaCy's ``PhraseMatcher`` (and ``Matcher`` for patterns with a
part of speech) on lower-cased words and their inflections.  Categories are SemEval-2020 Task 11 technique names, plus
newsgraph's ``Appeal_to_Religion``.  Matches are flagged and counted; the text
is never changed.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.analyze.lexicon import DEFAULT_LANGUAGE, language_dir, lexicon, read_table
from newsgraph.model import Framing

LEXICON = lexicon().path("framing.csv")


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON) -> tuple[tuple[str, str, str], ...]:
    """Return the (pattern, category, note) rows of a framing lexicon CSV (pattern and category required)."""
    rows = read_table(path, ("pattern", "category", "note"), required=2)
    return tuple((r["pattern"], r["category"], r["note"]) for r in rows)


def _inflections(word: str) -> list[str]:
    """The word and its regular English inflections ("enemy" -> "enemies", "liberate" -> "liberated")."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    return sorted(forms)


_ENTITY_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"})


def compile_pattern(pattern: str, nlp: Language) -> list[list[dict]]:
    """Return the spaCy Matcher token patterns (alternatives) for one lexicon pattern string.

    ``<PROPN|NORP>`` matches a part of speech or an entity label: the Matcher
    cannot OR two attributes in one token, so each becomes its own alternative.
    """
    alternatives: list[list[dict]] = [[]]
    for word in pattern.split():
        optional = word.endswith("?") and len(word) > 1
        word = word.rstrip("?") if optional else word
        if word.startswith("<") and word.endswith(">"):
            names = word[1:-1].split("|")
            pos = [n for n in names if n not in _ENTITY_LABELS]
            ents = [n for n in names if n in _ENTITY_LABELS]
            options = ([{"POS": {"IN": pos}}] if pos else []) + ([{"ENT_TYPE": {"IN": ents}}] if ents else [])
            if optional:
                options = [{**o, "OP": "?"} for o in options]
            alternatives = [alt + [o] for alt in alternatives for o in options]
            continue
        if word.startswith("~"):
            specs = [{"LOWER": {"IN": _inflections(word[1:].lower())}}]
        else:  # plain words go through the tokenizer: "so-called" is three tokens
            specs = [{"LOWER": t.lower_} for t in nlp.make_doc(word)]
        if optional:
            for spec in specs:
                spec["OP"] = "?"
        alternatives = [alt + specs for alt in alternatives]
    return alternatives


def phrase_variants(pattern: str) -> list[str] | None:
    """Return every literal phrase a pattern stands for, or None when it needs the Matcher (POS, optional)."""
    words = pattern.split()
    if any(w.startswith("<") or (w.endswith("?") and len(w) > 1) for w in words):
        return None
    choices = [_inflections(w[1:].lower()) if w.startswith("~") else [w.lower()] for w in words]
    return [" ".join(combo) for combo in itertools.product(*choices)]


class FramingFinder:
    """The newsgraph_framing component: sets ``doc._.ng_framing``."""

    def __init__(self, nlp: Language, lexicon: Path = LEXICON) -> None:
        """``lexicon``: the framing CSV to match (pattern, category, note)."""
        # Literal phrases go to the PhraseMatcher (a hash look-up per token); only
        # patterns with parts of speech or optional tokens need the slower Matcher.
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher = Matcher(nlp.vocab)
        self.rows = load_lexicon(lexicon)
        for number, (pattern, _category, _note) in enumerate(self.rows):
            key = f"NG_FRAME_{number}"
            variants = phrase_variants(pattern)
            if variants is None:
                self.matcher.add(key, compile_pattern(pattern, nlp))
            else:
                self.phrases.add(key, [nlp.make_doc(v) for v in variants])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in [*self.phrases(doc), *(self.matcher(doc) if len(self.matcher) else ())]:
            spans.append(Span(doc, start, end, label=match_id))
        found = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            _pattern, category, note = self.rows[int(doc.vocab.strings[span.label].rsplit("_", 1)[1])]
            found.append(Framing(text=span.text, start=span.start_char, end=span.end_char, category=category, note=note or None))
        doc._.ng_framing = found
        return doc


def framing_counts(framing: list[Framing]) -> dict[str, int]:
    """Return how many flags each category has, most frequent first."""
    counts: dict[str, int] = {}
    for flag in framing:
        counts[flag.category] = counts.get(flag.category, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@Language.factory(
    "newsgraph_framing",
    assigns=["doc._.ng_framing"],
    default_config={"lexicon": DEFAULT_LANGUAGE},
)
def make_framing_finder(nlp: Language, name: str, lexicon: str) -> FramingFinder:
    """Return the newsgraph_framing component, matching ``framing.csv`` of ``lexicon`` (a language
    under ``newsgraph/data`` or a directory)."""
    return FramingFinder(nlp, language_dir(lexicon) / "framing.csv")
