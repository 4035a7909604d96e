"""Who a statement's speaker words name: an actor id, or None when the text names no one.

``Speakers.resolve`` takes the speaker span a cue gave and returns the actor:

* the actor with a mention there (names, titles, descriptions and pronouns the
  actors component linked) — except a bare unnamed source ("officials",
  "authorities", "sources"; "Iraqi officials" are Iraq's): the text never says
  who, so None; and except a person named as the possessor of the speaker
  ("the journalist's lawyer");
* a name in apposition to the speaker words: after a description ("one of the
  family's attorneys, Justin Bamberg,"), or after a name when no comma closes it
  and the cue follows and it names a person ("the real Dred Scott, Chief Justice Roberts said,");
* a bare name no actor holds ("Cuban said", the recogniser's nationality) or one it
  made an organisation ("Fiorina said"): the one person named in full before with
  that last name, else as below;
* a country's officials ("Iraqi officials said"): its government or the country
  when the article names it (``statements_state``);
* an unlinked pronoun: the previous statement's speaker if of the same kind
  (person or not) and gender, else the person most mentioned in the three
  sentences before whose gender does not contradict it; a plural one ("they", "we") with no such
  previous speaker: the group or organisation that was the main subject of the sentence before;
* a document or announcement ("the report said", "a statement said"): the
  actor named in its words ("Ivana Trump's brief", "the U.N. report"), else
  the actor that issued it in an earlier sentence ("X released a statement"),
  else the previous speaker when that is an organisation, else None;
* an organisation noun ("the ministry said", "the group said"): the
  organisation whose name holds that noun, else (for "the group", "the
  organization") the previous speaker or last organisation named just before,
  else (for "the agency", "the union") the organisation that spoke in this or the
  sentence before with no other named between;
* any other "the <noun>" ("the fund"): the organisation last named whose name
  ends in that noun ("the International Monetary Fund"): a name's head is its short form;
* any other description the actors component did not give to anyone ("the
  spokesperson", "an eyewitness"): None, never the nearest person.
"""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Doc, Token

from newsgraph.analyze.actors_titles import ROLE_CLASS
from newsgraph.analyze.cues import GROUP_PRONOUNS, PERSON_PRONOUNS, REPORTER_WORDS
from newsgraph.analyze.coref import quoted_tokens
from newsgraph.analyze.doc import actors_of
from newsgraph.analyze.lexicon import lexicon
from newsgraph.analyze.statements_earlier import (
    issuing_subject,
    mistyped_surnames,
    plural_subject,
    surname_at,
)
from newsgraph.analyze.statements_state import state_voice
from newsgraph.analyze.statements_named import named_after  # noqa: F401  (re-exported for statements)
from newsgraph.analyze.syntax import ActorIndex
from newsgraph.model import Mention, Statement

_LISTS = "speech/speakers.csv"
#: Plural sources that name no one in particular: "officials said", "Western diplomats say".
UNNAMED_SOURCES: frozenset[str] = lexicon().words(_LISTS, "unnamed_source")
#: Documents and announcements that "say" what their issuer says.
DOCUMENT_NOUNS: frozenset[str] = lexicon().words(_LISTS, "document")
#: Verbs by which an actor issues a document: "X released a statement".
ISSUING_VERBS: frozenset[str] = lexicon().words(_LISTS, "issuing")
#: Organisation nouns a definite description may stand for ("the ministry", "the group").
ORG_NOUNS: frozenset[str] = lexicon().words(_LISTS, "org_noun")
#: Of those, the nouns that fit any organisation (no need for the noun in its name).
GENERIC_ORG_NOUNS: frozenset[str] = lexicon().words(_LISTS, "generic_org")
#: Of those, the kinds of business: "the company said" after "Twitter ..." (no "company" in the name).
BUSINESS_NOUNS: frozenset[str] = lexicon().words(_LISTS, "business_org")
#: Who speaks for an organisation without being named: "a spokesperson said".
VOICE_NOUNS: frozenset[str] = lexicon().words(_LISTS, "voice")
#: Nouns naming an agent by kind ("the farmer", "the soldier"): someone of that kind, not a variation.
_AGENTS = lexicon().agent_sectors()
_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
_PERSON_PRONOUNS_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


class Speakers:
    """Speaker resolution for one doc (see the module docstring)."""

    #: How far back (characters) the previous statement's speaker still counts.
    REACH = 1500

    def __init__(self, doc: Doc, sent_starts: list[int]) -> None:
        self.doc = doc
        self.index = ActorIndex(doc)
        actors = actors_of(doc)
        self.types = {a.id: a.type for a in actors}
        self.actors = {a.id: a for a in actors}
        self.gender = doc._.ng_gender or {} if doc.has_extension("ng_gender") else {}
        self.unnamed = {a.id for a in actors if a.type == "GROUP" and _unnamed(a.name)}
        #: actors known only by a description ("the Afghan army chief"): the actors component's last resort
        self.nameless = {a.id for a in actors if a.mentions and all(m.kind == "description" for m in a.mentions)}
        self.sent_starts = sent_starts
        # person and organisation mentions in text order, for bisects into the sentences before a speaker
        #: organisations that are a person's last name mistyped ("Carly Fiorina ... Fiorina said"): that person
        self.surnamed = mistyped_surnames(actors)
        people = ((m.start, a.id if a.type == "PERSON" else surname_at(self.surnamed, a.id, m.start))
                  for a in actors if a.type == "PERSON" or a.id in self.surnamed for m in a.mentions)
        self.people = sorted((start, a) for start, a in people if a is not None)
        self.people_starts = [start for start, _ in self.people]
        self.orgs = sorted((m.start, a.id, a.name.casefold()) for a in actors if a.type in ("ORG", "GROUP")
                           and a.id not in self.unnamed for m in a.mentions if m.kind in ("name", "alias"))
        self.org_starts = [start for start, _, _ in self.orgs]
        self.described: list[tuple[int, str, str]] = []  # (start, head noun, actor) of singular noun speakers
        self._quoted: list[bool] | None = None  # per token: inside quotation marks (computed when needed)

    def resolve(self, start: int, end: int, previous: Statement | None) -> str | None:
        """Return the actor id the speaker words ``text[start:end]`` name, or None; a pronoun or
        description resolved here becomes a mention of that actor (see ``_mention``)."""
        found, head = self._resolve(start, end, previous)
        if found is not None:
            found = state_voice(self.actors, found)  # "Iraqi officials said": Iraq
        if found is not None and head is not None and head.pos_ == "NOUN" and head.tag_ == "NN":
            self.described.append((start, head.lemma_.lower(), found))
        if found is not None and head is not None:
            self.mention(found, start, end, head)
        return found

    def mention(self, actor_id: str, start: int, end: int, head: Token) -> None:
        """Add the speaker words as a mention of the actor they were resolved to, when none of its
        mentions covers them: "“...,” she said" and "The billionaire real estate magnate says" refer
        to that person as much as the name does (the actors component, which links only the pronouns
        and descriptions it is sure of, left them out).  A document ("the statement said") is its
        issuer's words, not a name for the issuer: no mention."""
        actor = self.actors.get(actor_id)
        if (actor is None or head.pos_ not in ("PRON", "NOUN") or head.lemma_.lower() in DOCUMENT_NOUNS
                or any(m.start < end and start < m.end for m in actor.mentions)):
            return
        kind = "pronoun" if head.pos_ == "PRON" else "description"
        actor.mentions.append(Mention(text=self.doc.text[start:end], start=start, end=end, kind=kind))
        actor.mentions.sort(key=lambda m: m.start)

    def _resolve(self, start: int, end: int, previous: Statement | None) -> tuple[str | None, Token | None]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        found = self._named(span, start, end, previous)
        if (found is not None and found not in self.nameless) or span is None or not len(span):
            return found, span.root if span is not None and len(span) else None
        head = span.root
        if head.pos_ == "NOUN" and head.tag_ == "NN" and span[0].lower_ in _DETERMINERS:
            # "a senior State Department official told VOA ... The official added": the one who spoke
            # before, rather than a new nameless actor for the description
            earlier = self.again(head.lemma_.lower(), previous, start)
            if earlier is not None and not (found is not None and earlier in self.nameless):
                found = earlier  # (two nameless actors the actors component kept apart stay apart)
            if found is None and span[0].lower_ == "the":
                found = self.varied(head, previous, start)
        return found, head

    def again(self, noun: str, previous: Statement | None, at: int) -> str | None:
        """Return who "the official" or "a spokesperson" is when no actor holds the words: the
        speaker an earlier cue named by the same noun ("a senior State Department official said ...
        The official added"), else, for a voice of an organisation, the organisation that spoke last."""
        if noun in REPORTER_WORDS:
            return None
        same = [found for start, lemma, found in self.described if lemma == noun and start > at - self.REACH]
        if same:
            return same[-1]
        last = self._recent(previous, at)
        if noun in VOICE_NOUNS and last is not None and self.types.get(last) == "ORG":
            return last
        return None

    def varied(self, head: Token, previous: Statement | None, at: int) -> str | None:
        """Return the person the previous statement named when "the young professional" or "the
        45-year-old" goes on speaking (news varies the words for the person just quoted): a
        description that is no role, agent kind or voice ("the judge", "the spokesperson" is someone
        else), with nobody else mentioned in the sentences between; else None."""
        lemma = head.lemma_.lower()
        if (previous is None or previous.speaker is None or self.types.get(previous.speaker) != "PERSON"
                or lemma in ROLE_CLASS or lemma in _AGENTS or lemma in VOICE_NOUNS or lemma in REPORTER_WORDS
                or lemma in UNNAMED_SOURCES or previous.end < at - self.REACH // 3):
            return None
        said = max(previous.end, previous.speaker_end or 0)  # from the sentence after the previous one's
        following = self.sent_starts[bisect.bisect_right(self.sent_starts, said):] or [at]
        between = self.people[bisect.bisect_left(self.people_starts, min(following[0], at)):
                              bisect.bisect_left(self.people_starts, at)]
        return previous.speaker if all(a == previous.speaker for _, a in between) else None

    def _named(self, span, start: int, end: int, previous: Statement | None) -> str | None:
        """Return the actor the speaker words name, a pronoun, document or organisation noun stands for."""
        found = self.index.span_actor(start, end)
        if span is None or not len(span):
            return None if found in self.unnamed else found
        head, words = span.root, span.text.lower().split()
        if found is not None and self.types.get(self.index.by_token.get(head.i)) == "PERSON":
            found = self.index.by_token[head.i]  # "Jane Roe of the Foreign Policy Institute": Roe, however long the rest
        if len(words) == 1 and head.tag_ == "NNS" and head.lemma_.lower() in UNNAMED_SOURCES:
            return None  # "Authorities said": no one named, whoever the word was merged with
        named = self.apposed(head)
        if named is not None:
            return named
        if head.is_lower and head.lemma_ in REPORTER_WORDS:
            return None  # "a VOA reporter in the town said": what the reporting saw, no one's statement
        if found is not None and head.lemma_.lower() in DOCUMENT_NOUNS and found not in self.unnamed:
            return found  # "Ivana Trump's brief", "the U.N. report": whose it is
        if found is not None:
            if self.types.get(found) == "PERSON" and head.pos_ == "NOUN" and any(
                    c.dep_ == "poss" for c in head.children):
                # "the journalist's lawyer", "Smith's spokesman": the person named is not the one speaking
                found = self.index.span_actor(head.idx, head.idx + len(head.text))
            if surname_at(self.surnamed, found, start) is not None and len(span) == 1:
                found = self.surname(span) or found  # "Carly Fiorina ... Fiorina said", the recogniser's ORG
            return None if found in self.unnamed else found
        # a bare name no actor holds (the tagger takes some surnames for nouns: "Hannity")
        named = self.surname(span) if all(t.pos_ == "PROPN" or (t.is_title and t.pos_ in ("NOUN", "ADJ"))
                                          for t in span) else None
        if named is not None:
            return named
        if len(words) == 1 and words[0] in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self.pronoun(previous, start, words[0])
        lemma = head.lemma_.lower()
        if lemma in DOCUMENT_NOUNS:
            return self.issuer(head, previous, start)
        if lemma in ORG_NOUNS and words[0] in ("the", "this", "that"):
            return self.organisation(lemma, previous, start)
        if words[0] == "the" and len(span) == 2 and head.tag_ == "NN":
            return self.name_head(lemma, start)
        return None

    def surname(self, span) -> str | None:
        """Return the one person named in full before whose last name the speaker's bare name is
        ("Billionaire Mark Cuban ... “...,” Cuban said", where the recogniser took "Cuban" for a
        nationality), adding it as that person's mention; None when no one or two people have it."""
        last = span[-1].text
        people = {a.id for a in self.actors.values() if a.type == "PERSON" and len(a.name.split()) > 1
                  and a.name.split()[-1] == last and any(m.start < span.start_char for m in a.mentions)}
        if len(people) != 1:
            return None
        actor = self.actors[people.pop()]
        actor.mentions.append(Mention(text=span.text, start=span.start_char, end=span.end_char, kind="name"))
        actor.mentions.sort(key=lambda m: m.start)
        return actor.id

    def apposed(self, head: Token) -> str | None:
        """Return the actor named in apposition to the speaker phrase's head: after a description
        ("the journalist's lawyer, X,", "one of the family's attorneys, Justin Bamberg,"), or after
        a name when no comma closes it and the cue follows ("To understand the real Dred Scott, Chief
        Justice Roberts said,": the parse's apposition is the speaker); else None."""
        if head.pos_ not in ("NOUN", "NUM", "PROPN"):
            return None
        for appos in (c for c in head.children if c.dep_ == "appos" and c.i > head.i):
            after = self.doc[appos.right_edge.i + 1] if appos.right_edge.i + 1 < len(self.doc) else None
            if head.pos_ == "PROPN" and not (appos.pos_ == "PROPN" and after is not None and after == head.head):
                continue
            if any(t.is_space or t.text.startswith((".", "!", "?")) for t in self.doc[head.i + 1:appos.left_edge.i]):
                continue  # the parse ran on past a sentence's or paragraph's end: "... Association..\n\nShaw said"
            named = self.index.span_actor(appos.left_edge.idx, appos.right_edge.idx + len(appos.right_edge.text))
            if named is not None and (head.pos_ != "PROPN" or self.types.get(named) == "PERSON"):
                return named  # (after a name, a person only: "Stacy Baker of Columbia, South Carolina says")
        return None

    def name_head(self, noun: str, at: int) -> str | None:
        """Return the organisation last named before ``at`` whose name ends in ``noun`` ("the fund"
        after "the International Monetary Fund"): a name's head noun is its short form; else None."""
        _, hi = self._window(self.org_starts, at)
        named = [a for _, a, name in self.orgs[:hi] if name.split()[-1] == noun]
        return named[-1] if named else None

    def _recent(self, previous: Statement | None, at: int) -> str | None:
        if previous is not None and previous.speaker is not None and previous.end > at - self.REACH:
            return previous.speaker
        return None

    def pronoun(self, previous: Statement | None, at: int, word: str) -> str | None:
        """Return the actor an unlinked pronoun most likely stands for, or None."""
        person = word in PERSON_PRONOUNS
        sex = _PERSON_PRONOUNS_GENDER.get(word)
        last = self._recent(previous, at)
        kinds = ("PERSON",) if person else ("ORG", "GPE") if word == "it" else ("ORG", "GPE", "GROUP")
        if last is not None and self.types.get(last) in kinds and self.gender.get(last, sex) == sex:
            return last  # ("it" is no plural group: "authorities ... It claimed")
        if not person:
            return plural_subject(self, at) if word != "it" else self.it_subject(previous, at)
        lo, hi = self._window(self.people_starts, at)
        counts: Counter[str] = Counter(a for _, a in self.people[lo:hi] if self.gender.get(a, sex) == sex)
        if not counts:
            return None
        last_seen = {a: start for start, a in self.people[lo:hi]}
        return max(counts, key=lambda a: (counts[a], last_seen[a]))

    def it_subject(self, previous: Statement | None, at: int) -> str | None:
        """Return who "it" stands for when no organisation spoke just before: the last subject written
        (outside quotation marks, not a pronoun) in the two sentences before and this one up to "it",
        when it is an organisation ("Still, the Business Council of British Columbia opposed an
        increase. “...,” it recommended") or a document, whose issuer it is ("The report also provided
        details ... It said"); None otherwise."""
        si = bisect.bisect_right(self.sent_starts, at) - 1
        span = self.doc.char_span(self.sent_starts[max(0, si - 2)], at, alignment_mode="expand") if si >= 0 else None
        if span is None:
            return None
        if self._quoted is None:
            self._quoted = quoted_tokens(self.doc)
        subj = next((t for t in reversed(span) if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"
                     and not self._quoted[t.i]), None)
        if subj is None or subj.tag_ not in ("NN", "NNP"):
            return None
        if subj.lemma_.lower() in DOCUMENT_NOUNS:
            return self.issuer(subj, previous, at)
        found = self.index.by_token.get(subj.i)
        return found if found is not None and self.types.get(found) == "ORG" and found not in self.unnamed else None

    def issuer(self, head: Token, previous: Statement | None, at: int) -> str | None:
        """Return who issued the document ``head`` names ("the statement"), or None."""
        doc, lemma = self.doc, head.lemma_.lower()
        for verb in (c for c in head.children if c.dep_ == "acl"):  # "a statement posted by the agency"
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            found = self.index.phrase_actor(pobj) if pobj is not None else None
            if found is not None and found not in self.unnamed:
                return found
        for tok in reversed(doc[max(0, head.i - 400):head.i]):
            if tok.lemma_.lower() != lemma or tok.dep_ not in ("dobj", "nsubjpass"):
                continue
            if tok.head.lemma_.lower() not in ISSUING_VERBS:
                continue
            found = issuing_subject(self, tok.head)
            if found is not None:
                return found
            break
        if head.tag_ != "NN":
            return None  # "local media reports say": whose reports, the text does not say
        last = self._recent(previous, at)
        return last if last is not None and self.types.get(last) in ("ORG", "GPE", "GROUP") else None

    def organisation(self, noun: str, previous: Statement | None, at: int) -> str | None:
        """Return the organisation "the ministry" or "the group" stands for, or None."""
        lo, hi = self._window(self.org_starts, at)
        if noun not in GENERIC_ORG_NOUNS:  # "the ministry": the organisation so named
            named = [a for _, a, name in self.orgs[:hi] if noun in name.split()]
            if named:
                return named[-1]
            return self.business(previous, at) if noun in BUSINESS_NOUNS else self.continued(previous, at)
        last = self._recent(previous, at)
        if last is not None and self.types.get(last) == "ORG":
            return last
        named = [a for _, a, _ in self.orgs[lo:hi] if self.types.get(a) == "ORG"]
        return named[-1] if named else None

    def continued(self, previous: Statement | None, at: int) -> str | None:
        """Return the organisation that spoke just before when "the agency" or "the union" goes on
        and no name holds the noun ("..., according to the Congressional Budget Office. ..., the
        agency said"): the previous speaker, when an organisation whose statement ends in this
        sentence or the one before, with no other organisation or group named in between; else None."""
        if previous is None or previous.speaker is None or self.types.get(previous.speaker) != "ORG":
            return None
        said = max(previous.end, previous.speaker_end or 0)
        si = bisect.bisect_right(self.sent_starts, at) - 1
        if si < 0 or said < self.sent_starts[max(0, si - 1)] or said > at:
            return None
        between = self.orgs[bisect.bisect_left(self.org_starts, said):bisect.bisect_left(self.org_starts, at)]
        return previous.speaker if all(a == previous.speaker for _, a, _ in between) else None

    def business(self, previous: Statement | None, at: int) -> str | None:
        """Return the organisation "the company" or "the airline" stands for when no name holds the
        noun: the previous speaker if an organisation, else the last organisation that was a subject
        in the three sentences before ("Twitter has stepped up ... The company said"), else the only
        organisation named there ("... with EgyptAir, the airline said"); None when unclear."""
        last = self._recent(previous, at)
        if last is not None and self.types.get(last) == "ORG":
            return last
        lo, hi = self._window(self.org_starts, at)
        named = {a for _, a, _ in self.orgs[lo:hi] if self.types.get(a) == "ORG"}
        if not named:
            return None
        window = self.doc.char_span(self.orgs[lo][0], at, alignment_mode="expand")
        subjects = [self.index.by_token.get(t.i) for t in window or () if t.dep_ in ("nsubj", "nsubjpass")]
        subjects = [a for a in subjects if a in named]
        if subjects:
            return subjects[-1]
        return named.pop() if len(named) == 1 else None

    def _window(self, starts: list[int], at: int) -> tuple[int, int]:
        """Return the index range of ``starts`` in the three sentences before ``at``."""
        if not self.sent_starts:
            return 0, 0
        si = bisect.bisect_right(self.sent_starts, at) - 1
        window_start = self.sent_starts[max(0, si - 3)]
        return bisect.bisect_left(starts, window_start), bisect.bisect_left(starts, at)


def _unnamed(name: str) -> bool:
    """True for a group actor that is a generic source ("Iraqi officials", "authorities")."""
    words = [w for w in name.casefold().split() if w != "the"]
    if len(words) != 1:
        return False  # "Iraqi officials" say who: Iraq's
    last = words[-1]
    return last.rstrip("s") in UNNAMED_SOURCES or last[:-3] + "y" in UNNAMED_SOURCES or last in UNNAMED_SOURCES
