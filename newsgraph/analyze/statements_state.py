"""A country's officials speak for its state: "Iraqi officials said" is Iraq's statement.

The actors component makes a group of "Iraqi officials" or "Pakistani
authorities" (the nationality gives its country).  When they speak, news means
the state (PLOVER and CAMEO code them as the country's government), so
``state_voice`` returns the government the article names for that country ("the
Afghan government"), else the country itself ("Iraq"), when either is an actor
of the article; the speaker words then become that actor's mention (see
``Speakers.mention``).  Other groups ("Iraqi protesters", "Turkish leaders", who
are persons) stay themselves.
"""

from __future__ import annotations

from newsgraph.analyze.lexicon import lexicon
from newsgraph.model import Actor

#: Plural heads of groups that speak for their country's state: "officials", "authorities".
STATE_VOICES: frozenset[str] = lexicon().words("speech/speakers.csv", "state_voice")
#: Heads of a group that is a country's government: "the Afghan government", "the regime".
_GOVERNMENTS = frozenset({"government", "regime"})


def state_voice(actors: dict[str, Actor], actor_id: str) -> str:
    """Return the actor that speaks when the group ``actor_id`` speaks: the government or country of
    a country's officials ("Iraqi officials" -> Iraq), when the article has one; else ``actor_id``."""
    group = actors.get(actor_id)
    if group is None or group.type != "GROUP" or group.country is None:
        return actor_id
    words = group.name.casefold().split()
    if not words or words[-1] not in STATE_VOICES:
        return actor_id
    same = [a for a in actors.values() if a.country == group.country and a.id != actor_id]
    government = [a for a in same if a.type in ("GROUP", "ORG") and a.name.casefold().split()[-1] in _GOVERNMENTS]
    country = [a for a in same if a.type == "GPE"]
    chosen = (government or country or [None])[0]
    return chosen.id if chosen is not None else actor_id
