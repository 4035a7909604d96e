"""The words that introduce speech in news: verbs of saying and their kin.

A lexicon, not a model: the lists are ``data/<lang>/speech/cues.csv`` (one kind a
row: saying, np_content, carrier, ...; see that file), ``speech/particle_cues.csv``
and ``pronouns.csv``, read once through ``analyze.lexicon``.  Entries are spaCy
lemmas (lower case).
"""

from __future__ import annotations

from newsgraph.analyze.lexicon import lexicon

_LEX = lexicon()
_CUES = "speech/cues.csv"

#: Verbs of saying: they report speech and take the content as a clause
#: ("said that ...", "..., he said") or frame a quote ("“...,” she added").
SAYING_VERBS: frozenset[str] = _LEX.words(_CUES, "saying")
#: Verbs whose content may be a noun phrase ("stressed the importance of unity").
NP_CONTENT_VERBS: frozenset[str] = _LEX.words(_CUES, "np_content")
#: Verbs that head a cue without being one themselves: "went on to say".  The speaker is their subject.
CARRIER_VERBS: frozenset[str] = _LEX.words(_CUES, "carrier")
#: Verbs that are cues only with a clause, never alone or with a noun object ("add salt").
CLAUSE_ONLY: frozenset[str] = _LEX.words(_CUES, "clause_only")
#: Cues only for a quote beside them, never with a parsed clause ("will continue not to").
QUOTE_ONLY: frozenset[str] = _LEX.words(_CUES, "quote_only")
#: A cue under these says nothing: "declined to say whether ...".
DECLINING_VERBS: frozenset[str] = _LEX.words(_CUES, "declining")
#: Cues whose content may be their infinitive complement ("vowed to fight on").
XCOMP_CUES: frozenset[str] = _LEX.words(_CUES, "xcomp_content")
#: Cues whose object is whom the speech is addressed to ("told reporters").
TELLING_VERBS: frozenset[str] = _LEX.words(_CUES, "tells")
#: Cues whose "to" phrase is whom the speech is addressed to ("said to reporters").
SAYING_TO_VERBS: frozenset[str] = _LEX.words(_CUES, "says_to")

#: Verbal acts that report speech with a noun-phrase object ("rejected the charges", "accused X of Y",
#: "claimed responsibility for ..."): cues, not all of them verbs of saying in the benchmark's sense.
ACT_CUES: frozenset[str] = _LEX.words(_CUES, "act")
#: Verbal acts whose noun object counts only when it names speech or carries a clause ("rejected the
#: accusations", not "rejected the arrest warrant"); the nouns that name speech.
SPEECH_OBJECT_VERBS: frozenset[str] = _LEX.words(_CUES, "speech_object")
SPEECH_NOUNS: frozenset[str] = _LEX.words(_CUES, "speech_noun")
#: Verbal acts that report speech only with what the object is blamed or credited for ("blamed X for Y").
TWO_PLACE_ACTS: frozenset[str] = _LEX.words(_CUES, "two_place")
#: "called for X": a demand, reported speech with the thing called for as content.
CALL_FOR = "call"
#: Cues that go on with the speaker's own words when coordinated inside them ("..., and added that").
GOING_ON_VERBS: frozenset[str] = _LEX.words(_CUES, "going_on")
#: Verbs that call something a name: "called the death a significant achievement", "described X as Y".
NAMING_VERBS: frozenset[str] = _LEX.words(_CUES, "naming")
#: Verbs of saying that name a topic, not what was said ("discussed the economy"): never statements.
TOPIC_VERBS: frozenset[str] = _LEX.words(_CUES, "topic")
#: Modals that make a cue hypothetical ("would say", "could argue"): no one said it.
HYPOTHETICAL_MODALS: frozenset[str] = _LEX.words(_CUES, "hypothetical")
#: Who asks as the reporter: a question they put is not a statement ("the reporter asked whether ...").
REPORTER_WORDS: frozenset[str] = _LEX.words(_CUES, "reporter")
#: Presenting a document reports its content: "presented a report on the latest developments".
PRESENTING_VERBS: frozenset[str] = _LEX.words(_CUES, "presenting")
REPORT_NOUNS: frozenset[str] = _LEX.words(_CUES, "report_noun")

#: Verbs that only count as a cue with a particle: "pointed out that ..." (none: never alone).
PARTICLE_CUES: dict[str, frozenset[str]] = {
    r["verb"].lower(): frozenset(r["particles"].lower().split())
    for r in _LEX.table("speech/particle_cues.csv", ("verb", "particles"))
}

_PRONOUNS = _LEX.table("pronouns.csv", ("word", "speaker", "gender", "case", "group_anaphor"))
#: Pronouns that may stand for a speaker named before.
PERSON_PRONOUNS: frozenset[str] = frozenset(r["word"].lower() for r in _PRONOUNS if r["speaker"] == "person")
GROUP_PRONOUNS: frozenset[str] = frozenset(r["word"].lower() for r in _PRONOUNS if r["speaker"] == "group")


def is_saying_lemma(lemma: str) -> bool:
    """Return True when ``lemma`` is a verb of saying (used by the benchmark too)."""
    return lemma.lower() in SAYING_VERBS
