"""PLOVER event triggers: the trigger lexicons (data/<lang>/events/) and finding triggers in a parse.

A trigger row is a head lemma plus the lemmas that must hang below it in the
dependency parse ("hold talk" is "held talks", "call for" is "called for").
Matching walks each token's children and grandchildren once, so it is linear
in the length of the document.  spaCy's DependencyMatcher could express the
same patterns, but one pattern per row and per depth would be hundreds of
patterns for what is a dictionary look-up here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsgraph.analyze.lexicon import DEFAULT_LANGUAGE, language_dir, lexicon, read_table
from newsgraph.analyze.syntax import clause_verb, for_to_clauses, prep_objects
from newsgraph.errors import LexiconError
from newsgraph.model import PLOVER_TYPES  # noqa: F401 (re-exported: the trigger lexicons' vocabulary)

#: The shipped trigger lexicons and the nominal list of the default language.
DATA_DIR = lexicon().path("events")

#: Lexicon pseudo-type, short for "FIGHT/ASSAULT". A type "A/B" is resolved per
#: sentence: A when armed forces or heavy weapons do it, else B.
VIOLENCE = "VIOLENCE"
#: Lexicon type of phrases that look like triggers but tell no event ("declined to comment").
NO_EVENT = "NONE"

@dataclass(frozen=True)
class TriggerRule:
    """One lexicon row: head lemma, required dependent lemmas, PLOVER type and mode."""

    head: str
    needs: tuple[str, ...]
    pos: str | None
    type: str
    mode: str | None
    cameo: str | None = None  # the CAMEO code the row was derived from, where it says
    lexicon: str | None = None  # the file name of the lexicon the row was read from

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The needed lemmas that are words, without the markers ``!obj`` and ``@person``."""
        return tuple(n for n in self.needs if n[0] not in "!@")


MUST_RULE = TriggerRule("must", (), "VERB", "DEMAND", None)
#: Verbs of promising whose complement event is what is promised.
PROMISE_LEMMAS = lexicon().words("events/intent.csv", "promise")
#: Nouns that only measure or frame what they are "of": the event is in the "of" phrase
#: ("a state of emergency", "part of the stronghold", "a round of talks"), unlike
#: "the endorsement of a leader".
_FRAMES = lexicon().words("events/measures.csv", "frame")


@dataclass(frozen=True)
class Trigger:
    """A rule matched at a token; ``extra`` are the dependents it needed."""

    token: Token
    rule: TriggerRule
    extra: tuple[Token, ...]
    negated: bool = False

    @property
    def tokens(self) -> list[Token]:
        """Return the trigger's tokens in text order."""
        return sorted((self.token, *self.extra), key=lambda t: t.i)


#: The lexicons read by default, in order of precedence: newsgraph's own rows,
#: then the rows derived from PETRARCH2's CAMEO verb dictionary (see the file's header).
LEXICONS = (DATA_DIR / "triggers.csv", DATA_DIR / "petrarch_verbs.csv")


def user_trigger_paths() -> tuple[Path, ...]:
    """Return the user's trigger lexicons as the environment names them (``NEWSGRAPH_TRIGGERS``, paths
    joined by the OS path separator): the default of the events component's ``triggers`` setting.

    The analysis reads it here only, through ``newsgraph.settings``.
    """
    from newsgraph.settings import get_settings

    return get_settings().trigger_paths()


def shipped_lexicons(language: str | Path = DEFAULT_LANGUAGE) -> tuple[Path, ...]:
    """Return a language's own trigger lexicons, in order of precedence (``LEXICONS`` for the default one;
    for another, its ``events/triggers.csv`` and, where it has one, ``events/petrarch_verbs.csv``)."""
    if str(language) == DEFAULT_LANGUAGE:
        return LEXICONS
    folder = language_dir(language) / "events"
    return (folder / "triggers.csv", *[p for p in (folder / "petrarch_verbs.csv",) if p.is_file()])


def lexicon_paths(user: tuple[Path, ...] | None = None, language: str | Path = DEFAULT_LANGUAGE) -> tuple[Path, ...]:
    """Return the lexicons to read: the user's (default: ``user_trigger_paths``), which win over the
    language's own (``shipped_lexicons``)."""
    return (*(user_trigger_paths() if user is None else user), *shipped_lexicons(language))


#: The columns of a trigger lexicon (see the header of data/en/events/triggers.csv).
TRIGGER_COLUMNS = ("trigger", "pos", "type", "mode", "cameo")


def _read_lexicon(path: Path) -> list[TriggerRule]:
    found: list[TriggerRule] = []
    for row in read_table(path, TRIGGER_COLUMNS, key=("trigger", "pos"), min_cells=4):
        words, pos, etype, mode, cameo = (row[c] for c in TRIGGER_COLUMNS)
        if etype == VIOLENCE:
            etype = "FIGHT/ASSAULT"
        if etype != NO_EVENT and (any(p not in PLOVER_TYPES for p in etype.split("/")) or etype.count("/") > 1):
            raise LexiconError(f"unknown PLOVER type {etype!r}", source=row.source)
        head, *needs = words.lower().split()
        found.append(TriggerRule(head, tuple(needs), pos or None, etype, mode or None, cameo or None, Path(path).name))
    return found


@dataclass(frozen=True)
class HeadRules:
    """The rules of one head lemma, most specific first, indexed by their first word: a head can
    have hundreds of rows ("give aid", "give asylum", ...) and only those naming a word found
    below the token need trying."""

    rules: tuple[TriggerRule, ...]
    by_first_word: dict[str, tuple[int, ...]]
    without_words: tuple[int, ...]

    @classmethod
    def of(cls, rules: tuple[TriggerRule, ...]) -> HeadRules:
        by_first_word: dict[str, list[int]] = {}
        for order, rule in enumerate(rules):
            by_first_word.setdefault(rule.words[0] if rule.words else "", []).append(order)
        without = tuple(by_first_word.pop("", ()))
        return cls(rules, {w: tuple(o) for w, o in by_first_word.items()}, without)

    def __iter__(self):
        return iter(self.rules)

    def possible(self, present: set[str]) -> list[TriggerRule]:
        """Return the rules whose words could all be in ``present``, in their order."""
        orders = {*self.without_words, *(o for w in present for o in self.by_first_word.get(w, ()))}
        return [rule for rule in (self.rules[i] for i in sorted(orders)) if all(w in present for w in rule.words)]


@lru_cache(maxsize=4)
def load_rules(*paths: Path) -> dict[str, HeadRules]:
    """Return the trigger rules of lexicon CSVs (default: ``LEXICONS``), by head lemma, most specific first.

    A row whose words and part of speech an earlier file already has is skipped,
    so the first file overrides the later ones.
    """
    rules: dict[str, list[TriggerRule]] = {}
    seen: set[tuple[str, tuple[str, ...], str | None]] = set()
    for path in paths or lexicon_paths():
        for rule in _read_lexicon(path):
            key = (rule.head, rule.needs, rule.pos)
            if key in seen:
                continue
            seen.add(key)
            rules.setdefault(rule.head, []).append(rule)
    # most specific first; among equals a no-event phrase wins ("declined to comment"),
    # then the earlier file (the sort is stable)
    return {head: HeadRules.of(tuple(sorted(rs, key=lambda r: (-len(r.needs), r.type != NO_EVENT)))) for head, rs in rules.items()}


def _pos_ok(token: Token, pos: str | None) -> bool:
    if pos is None:
        return token.pos_ in ("VERB", "NOUN") or (token.pos_ == "PROPN" and not token.ent_type_)
    if pos == "VERB":
        return token.pos_ == "VERB"
    return token.pos_ == pos or (pos == "NOUN" and token.pos_ == "PROPN" and not token.ent_type_)


#: Dependents that are not what a trigger acts on: its doer, and clauses of their own
#: ("*forces* said", "said ... *troops*" are no "send troops").
_NOT_BELOW = frozenset({
    "nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "ccomp", "parataxis", "advcl", "relcl", "punct",
    "agent",  # the doer of a passive: "tax systems used *by countries*"
})


def _below(token: Token) -> list[Token]:
    """Children, then grandchildren, of ``token`` in its own clause (the places a trigger's other words sit),
    then what an object is "of" ("declared a state *of emergency*", "handed over tonnes *of medicine*")."""
    children = [c for c in token.children if c.dep_ not in _NOT_BELOW and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    grandchildren = [g for c in children for g in c.children if g.dep_ not in _NOT_BELOW]
    of_objects = [o for c in children if c.dep_ in _FRAMED_DEPS and _measure(c) for o in prep_objects(c, ("of",))]
    return children + grandchildren + of_objects + _means(token) + _relative_object(token) + _for_to_mark(token)


def _means(token: Token) -> list[Token]:
    """The noun modifiers of what a deed is done "by" or "via" ("spoke *by video* link", "speaking by
    *phone* Sunday", the parser's reading of "by phone on Sunday"): the means, one step below the object."""
    return [m for o in prep_objects(token, ("by", "via")) for m in o.children if m.dep_ == "compound"]


def _for_to_mark(token: Token) -> list[Token]:
    """The "for" of a for-to clause the parser hangs below the trigger: "called *for* the charges to be
    dropped" (parsed as the mark of "dropped", a clause of "called")."""
    return [m for _, m in for_to_clauses(token) if m.i == token.i + 1]


def _relative_object(token: Token) -> list[Token]:
    """The noun a relative clause with no object of its own acts on: "a charge (which) Delhi *rejected*"."""
    if token.dep_ == "relcl" and not any(
        c.dep_ in ("dobj", "obj", "ccomp", "xcomp") and c.tag_ not in ("WDT", "WP") for c in token.children
    ):  # "which", "that", "whom" as the object stand for the noun
        return [token.head]
    return []


#: Where a framing noun sits below a trigger for its "of" phrase to be read.
_FRAMED_DEPS = frozenset({"dobj", "obj", "nsubjpass", "pobj"})


def _measure(noun: Token) -> bool:
    """True for a noun that frames what it is "of": a _FRAMES word or a counted one ("700 kg", "10 days")."""
    return noun.lemma_.lower() in _FRAMES or any(c.dep_ == "nummod" for c in noun.children)


_FUNCTION_DEPS = frozenset({"prt", "prep", "aux", "agent", "mark", "dative"})


def _distance(token: Token, extra: list[Token]) -> float:
    """How far a rule's words sit from the trigger: a direct object beats a modifier of it
    ("withdrew weapons *inspectors*" is about inspectors), a content word beats a particle."""
    return sum((1 if t.head.i == token.i else 2) + (0.5 if t.dep_ in _FUNCTION_DEPS else 0) for t in extra)


def _match_rule(token: Token, rule: TriggerRule, below: list[Token]) -> list[Token] | None:
    extra: list[Token] = []
    for lemma in rule.needs:
        if lemma == "!obj":  # "demonstrate !obj": only with no object ("demonstrated its power" is no protest)
            if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in token.children):
                return None
            continue
        if lemma.startswith("@"):  # "release @person": the one acted on is a named person
            label = lemma[1:].upper()
            if not any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ == label for c in token.children):
                return None
            continue
        hit = next((t for t in below if (t.lemma_.lower() == lemma or t.lower_ == lemma) and t not in extra
                    and _attached(token, t)), None)
        if hit is None:
            return None
        extra.append(hit)
    return extra


def _attached(token: Token, word: Token) -> bool:
    """A preposition or particle a row needs hangs on the trigger itself ("called *on* Iran"), or is the
    "to" of its infinitive ("declined *to* say"); one on a noun below is that noun's ("called the
    decision *on* the steel deal a landmark" is no "call on"). Content words may sit a step lower."""
    if word.pos_ not in ("ADP", "PART") or word.head.i == token.i:
        return True
    if word.lower_ == "for" and word.dep_ == "mark":
        return word.i == token.i + 1  # "called for the charges to be dropped" (``_for_to_mark``)
    return word.lower_ == "to" and word.head.head.i == token.i and word.head.dep_ in ("xcomp", "ccomp", "advcl")


def _best(token: Token, candidates: HeadRules, below: list[Token], nominal: bool = False) -> Trigger | None:
    present = {t.lemma_.lower() for t in below} | {t.lower_ for t in below}
    best: tuple[float, Trigger] | None = None
    for rule in candidates.possible(present):
        if best is not None and len(rule.needs) < len(best[1].rule.needs):
            break  # candidates come most specific first
        if nominal:  # a verb's row on its noun: only rows that name what the deed is done to
            if not rule.words or len(rule.words) != len(rule.needs) or rule.pos == "NOUN":
                continue
        elif not _pos_ok(token, rule.pos):
            continue
        extra = _match_rule(token, rule, below) if rule.needs else []
        if extra is None:
            continue
        distance = _distance(token, extra)
        if best is None or distance < best[0]:
            best = (distance, Trigger(token, rule, tuple(extra)))
    return best[1] if best else None


@lru_cache(maxsize=1)
def load_nominals(path: Path = DATA_DIR / "nominals.csv") -> dict[str, str]:
    """Return {noun lemma: verb lemma} of nouns naming a verb's deed ("suspension": "suspend")."""
    return {r["noun"].lower(): r["verb"].lower() for r in read_table(path, ("noun", "verb"), required=2)}


def _of_phrase(noun: Token) -> list[Token]:
    """What a noun is "of", with its modifiers: "the suspension *of air links*"."""
    return [t for o in prep_objects(noun, ("of",)) for t in (o, *o.children)]


def match_token(token: Token, rules: dict[str, HeadRules]) -> Trigger | None:
    """Return the most specific trigger rule that matches at ``token``, or None.

    Among rules needing as many words, the one whose words sit nearest wins (then lexicon order).
    A noun of ``nominals.csv`` with no rule of its own takes its verb's rows on what it is "of".
    """
    candidates = rules.get(token.lemma_.lower()) or rules.get(token.lower_)
    found = _best(token, candidates, _below(token)) if candidates else None
    if found is None and token.pos_ == "NOUN":
        verb = load_nominals().get(token.lemma_.lower())
        if verb in rules:
            found = _best(token, rules[verb], _of_phrase(token), nominal=True)
    return found


def find_triggers(doc: Doc, rules: dict[str, HeadRules] | None = None) -> list[Trigger]:
    """Return the event triggers of ``doc``, in text order.

    Negated triggers ("did not meet") are dropped, and so is a trigger that is
    the complement of another ("agreed to meet" is AGREE, "threatened to
    attack" is THREATEN): the governing verb says what was done.
    """
    rules = load_rules() if rules is None else rules
    found: dict[int, Trigger] = {}
    used: set[int] = set()
    for token in doc:
        if token.i in used or token.is_stop and token.lemma_.lower() not in rules:
            continue
        trig = match_token(token, rules)
        if trig is None or token.dep_ == "amod":
            continue  # "the occupied territories" names a thing, not an event
        if token.tag_ == "VB" and token.dep_ == "ROOT" and not any(c.dep_.startswith("nsubj") for c in token.children):
            continue  # an imperative ("Visit our site") tells no event
        if token.lemma_.lower() == "meet" and any(c.dep_ == "auxpass" for c in token.children) and any(
            c.lower_ == "with" for c in token.children
        ):
            continue  # "the plan was met with criticism": a reception, not a meeting
        if _negated(token):
            trig = Trigger(trig.token, trig.rule, trig.extra, negated=True)
        found[token.i] = trig
        used.update(t.i for t in trig.extra if t.i != token.head.i)  # the noun a relative clause is about stays its own
    for i in list(found):
        if i in used:
            found.pop(i, None)
    for token in doc:  # "X said Y must return the helicopter": a demand whatever the verb
        if token.i not in found and token.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ == "must" for c in token.children
        ):
            found[token.i] = Trigger(token, MUST_RULE, ())
    # "vowed to fight", "offered to mediate": the complement says what is intended,
    # so it is kept (coded as intent by the events component) and the promise dropped
    for i, trig in list(found.items()):
        if trig.token.lemma_.lower() in PROMISE_LEMMAS and any(
            c.dep_ == "xcomp" and c.i in found for c in trig.token.children
        ):
            found.pop(i)
    return [
        trig for _, trig in sorted(found.items())
        if trig.rule.type != NO_EVENT and not _governed(trig.token, found) and not _object_of_trigger(trig.token, found)
    ]


def _negated(token: Token) -> bool:
    """True for "did not meet", "never met", and "will no longer recognize" (the "no" hangs on "longer")."""
    return any(
        c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(g.dep_ == "neg" for g in c.children)
        for c in token.children
    )


def _object_of_trigger(token: Token, found: dict[int, Trigger]) -> bool:
    """True for a noun that is what another trigger acts on: "condemned the *attack*", "brokered a *ceasefire*"."""
    return token.pos_ != "VERB" and token.dep_ == "dobj" and token.head.i in found


def _governed(token: Token, found: dict[int, Trigger]) -> bool:
    """True when ``token`` is the complement or the purpose of another trigger ("agreed to *meet*")."""
    node = clause_verb(token)  # a noun counts from its verb: "agreed to host *talks*"
    if node.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        # a purpose ("staged demonstrations *to demand* reforms") is the aim of the
        # event it hangs on, not a second event
        head = node.head
        if head.i in found or any(c.i in found for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")):
            return True
    while node.dep_ in ("xcomp", "ccomp") and node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.i in found and _deed(found[node.head.i]):
            return False  # "the police assaulted them ...; later, ... they shot 41 people": no deed takes a clause
        node = node.head
        if node.i in found:
            return True
    return False


#: Types of deeds done to someone, not said: their verbs take no clause ("shot", "arrested", "marched").
_DEED_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE", "MOBILIZE", "PROTEST", VIOLENCE})


def _deed(trig: Trigger) -> bool:
    """True for a trigger of a deed of force or a street action (a clause parsed as its complement
    is another sentence the parser joined to it, not what it governs)."""
    return any(t in _DEED_TYPES for t in trig.rule.type.split("/"))
