"""The words that introduce speech in news: verbs of saying and their kin.

A lexicon, not a model: attribution cues are a small, closed class that news
writing uses over and over (the PARC/PolNeAR annotation guidelines list the
same families).  Entries are spaCy lemmas (lower case).  British and American
spellings are both listed because the lemmatiser keeps the spelling it sees.
"""

from __future__ import annotations

#: Verbs of saying: they report speech and take the content as a clause
#: ("said that ...", "..., he said") or frame a quote ("“...,” she added").
SAYING_VERBS: frozenset[str] = frozenset(
    """
    say tell add state note claim announce argue assert declare explain insist warn write
    report comment remark reply respond answer ask acknowledge admit confirm deny stress
    emphasize emphasise underline underscore suggest mention observe predict promise vow
    pledge reiterate repeat recall concede contend maintain allege charge complain tweet
    testify affirm proclaim caution urge indicate disclose reveal conclude tout boast joke
    quip shout yell scream whisper exclaim continue retort counter inform assure highlight
    express discuss refer point recount describe inquire enquire demand reassure
    clarify elaborate lament acknowledge rule estimate forecast hint signal threaten
    declare agree disagree accuse blame criticize criticise condemn praise welcome
    reaffirm recommend propose advise brief notify post quote cite echo
    """.split()
)

#: Verbs whose content may be a noun phrase ("stressed the importance of
#: unity", "expressed gratitude for ..."): reported speech without a clause.
NP_CONTENT_VERBS: frozenset[str] = frozenset(
    """
    emphasize emphasise stress underline underscore highlight express announce
    deny reiterate reaffirm mention condemn criticize criticise praise welcome reject
    propose recommend demand urge reveal disclose acknowledge cite
    """.split()
)

#: Verbs of a verbal act that report speech with a noun-phrase object ("rejected the charges",
#: "accused the government of fraud", "claimed responsibility for the attack", "voiced concern"):
#: cues, but not verbs of saying in the benchmark's sense (they are left out of ``SAYING_VERBS``).
ACT_CUES: frozenset[str] = frozenset({"reject", "dismiss", "blame", "accuse", "claim", "voice"})

#: "called for X": a demand, reported speech with the thing called for as content.
CALL_FOR = "call"

#: Verbs that only count as a cue with a particle: "pointed out that ...".
PARTICLE_CUES: dict[str, frozenset[str]] = {
    "point": frozenset({"out"}),
    "go": frozenset({"on"}),  # "went on to say" (the saying verb follows)
    "refer": frozenset(),  # "referred to X as Y", handled with its prepositions
}

#: Verbs that head a cue without being one themselves: "went on to say",
#: "continued to insist", "was quick to add".  The speaker is their subject.
CARRIER_VERBS: frozenset[str] = frozenset({"go", "continue", "proceed", "rush", "hasten", "want", "seem"})

#: Verbs that are cues only with a clause, never alone or with a noun object
#: (they are too often used in other senses: "add salt", "rule the country").
CLAUSE_ONLY: frozenset[str] = frozenset(
    """
    add continue rule charge counter point post quote signal answer repeat recall
    describe refer estimate forecast agree disagree write report observe maintain
    """.split()
)

#: Cues only for a quote beside them, never with a parsed clause ("will continue not to").
QUOTE_ONLY: frozenset[str] = frozenset({"continue", "quote"})

#: Verbs of saying that name a topic, not what was said ("discussed the economy"): never statements.
TOPIC_VERBS: frozenset[str] = frozenset({"discuss", "debate"})

#: Modals that make a cue hypothetical ("would say", "could argue"): no one said it.
HYPOTHETICAL_MODALS: frozenset[str] = frozenset({"would", "could", "might", "may", "should", "must", "'d", "’d"})

#: Who asks as the reporter: a question they put is not a statement ("the reporter asked whether ...").
REPORTER_WORDS: frozenset[str] = frozenset({"reporter", "reporters", "journalist", "journalists", "correspondent",
                                            "interviewer", "moderator", "i", "we"})

#: Presenting a document reports its content: "presented a report on the latest developments".
PRESENTING_VERBS: frozenset[str] = frozenset({"present", "deliver", "submit", "give"})
REPORT_NOUNS: frozenset[str] = frozenset({"report", "briefing", "account", "overview", "assessment", "update"})

#: Pronouns that may stand for a speaker named before.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "i"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "we", "it"})


def is_saying_lemma(lemma: str) -> bool:
    """Return True when ``lemma`` is a verb of saying (used by the benchmark too)."""
    return lemma.lower() in SAYING_VERBS
