"""Actor clusters: the mentions of one actor in one article, and how new ones join.

``Cluster`` gathers names, titles, descriptions and pronouns of one actor;
``match_name`` decides whether a name joins an existing cluster (same KB
entry, same normalised name, a surname, an acronym); ``score_description``
says how well a description ("the political leader of Hamas") fits a
person cluster, from role class, nationality, affiliation and wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.analyze.actors_gender import first_name_gender
from newsgraph.analyze.actors_titles import HONORIFICS, QUALIFIERS, ROLE_CLASS, Role, compound
from newsgraph.analyze.kb import KBEntry
from newsgraph.analyze.lexicon import lexicon
from newsgraph.model import Actor, Mention

_ARTICLES = {"the", "a", "an"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
#: "the French leader" may be the president, the prime minister or the king.
LEADER_CLASSES = {"lead", "president", "premier", "monarch"}


def normalise(text: str) -> list[str]:
    """Return the lowercase words of a name without article, honorifics and possessive."""
    text = re.sub(r"(?:'s|’s|'|’)$", "", text.strip()).replace("’", "'")  # "al-Rufay’i" is "al-Rufay'i"
    words = [w for w in re.split(r"\s+", text.casefold()) if w]
    while words and (words[0] in _ARTICLES or words[0] in HONORIFICS):
        words.pop(0)
    while len(words) > 1 and words[-1].rstrip(".,") in _SUFFIXES:
        words.pop()
    return words


def display_name(text: str) -> str:
    """Return a name as written, without leading article, honorifics or possessive."""
    text = re.sub(r"(?:'s|’s|'|’)$", "", text.strip())
    words = text.split()
    while len(words) > 1 and (words[0].casefold() in _ARTICLES or words[0].casefold() in HONORIFICS):
        words.pop(0)
    return " ".join(words)


@dataclass
class TitleInfo:
    """A title string, parsed: role word and class, modifiers, "of" complement."""

    text: str
    role: str
    role_class: str
    modifiers: set[str]
    complement: set[str]
    from_kb: bool = False  # a KB title (may be out of date), not one the article gives

    @property
    def spec(self) -> set[str]:
        """Return the words that say which office it is ("state" of "Secretary of State")."""
        return specifics(self.modifiers | self.complement)

    @classmethod
    def parse(cls, text: str, from_kb: bool = False) -> "TitleInfo | None":
        """Return the parsed title, or None when it holds no role word."""
        words = [w.strip(".,;:’'\"()") for w in text.casefold().replace("’s", " ").replace("'s", " ").split()]
        words = [w for w in words if w]
        of_at = next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))
        heads = [i for i, w in enumerate(words[:of_at]) if w in ROLE_CLASS] or [
            i for i, w in enumerate(words) if w in ROLE_CLASS]
        if not heads:
            return None
        h = heads[-1] if heads[-1] < of_at else heads[0]
        role, role_class = words[h], ROLE_CLASS[words[h]]
        office = compound(words[h - 1], role) if h > 0 else None
        if office:
            role, role_class = office
        mods = {w for w in words[:h] if w not in _ARTICLES} - {role.split()[0]}
        comp = {w for w in words[h + 1:] if w not in _ARTICLES and w not in ("of", "for", "and")}
        return cls(text, role, role_class, mods, comp, from_kb)


@dataclass
class Cluster:
    """One actor of the article while it is being assembled."""

    type: str
    kb: KBEntry | None = None
    words: list[list[str]] = field(default_factory=list)  # normalised names seen
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start_char, end_char, kind)
    names: list[str] = field(default_factory=list)  # names as written in the body, in order
    headline_names: list[str] = field(default_factory=list)  # names as written on Title-Case lines
    titles: list[str] = field(default_factory=list)  # from the article
    title_info: list[TitleInfo] = field(default_factory=list)  # article + KB titles, parsed
    affiliations: list["Cluster"] = field(default_factory=list)
    kb_affiliations: set[str] = field(default_factory=set)  # KB ids the KB entry is affiliated with
    country: str | None = None
    last_token: int = -1  # most recent mention (salience)
    fixed_name: str | None = None  # an unnamed group's neutral name ("Israeli soldiers")
    addressed: set[str] = field(default_factory=set)  # genders its forms of address state ("Mrs." -> "f")

    def __post_init__(self) -> None:
        if self.kb is not None:
            self.country = self.kb.country
            for title in self.kb.titles:
                info = TitleInfo.parse(title, from_kb=True)
                if info:
                    self.title_info.append(info)

    def add_title(self, text: str) -> None:
        """Record a title the article gives (once, case-insensitively)."""
        if text and text.casefold() not in (t.casefold() for t in self.titles):
            self.titles.append(text)
            info = TitleInfo.parse(text)
            if info:
                self.title_info.append(info)

    def add_affiliation(self, other: "Cluster") -> None:
        """Record an organisation, country or group this actor belongs to (its country may follow)."""
        if other is not self and other not in self.affiliations and other.type in ("ORG", "GPE", "GROUP", "LOC"):
            self.affiliations.append(other)
            if self.country is None and other.country and other.type in ("GPE", "ORG"):
                self.country = other.country

    @property
    def surnames(self) -> set[str]:
        """Return the last words of this actor's names (and of its KB name)."""
        found = {w[-1] for w in self.words if w}
        if self.kb is not None and self.type == "PERSON":
            found.add(self.kb.name.casefold().split()[-1])
        return found


def _bare(word: str) -> str:
    """Return a name word without the Arabic article ("al-sudani" -> "sudani": "Sudani" is al-Sudani)."""
    return word[3:] if word.startswith(("al-", "el-")) and len(word) > 5 else word


def _suffix(longer: list[str], shorter: list[str]) -> bool:
    return len(shorter) <= len(longer) and [_bare(w) for w in longer[len(longer) - len(shorter):]] == [
        _bare(w) for w in shorter]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in ("of", "and", "the", "for"))


def _other_person(words: list[str], c: Cluster) -> bool:
    """True when a full name and a full name of the cluster share the surname but not the first name:
    "Hillary Clinton" is not the "Bill Clinton" a bare "Clinton" began (an initial fits: "J. Smith")."""
    if len(words) < 2:
        return False
    for w in c.words:
        if len(w) >= 2 and w[-1] == words[-1] and w[0] != words[0]:
            a, b = w[0].rstrip("."), words[0].rstrip(".")
            if not (min(len(a), len(b)) == 1 and a[0] == b[0]):
                return True
    return False


def _gender_of(c: Cluster) -> str | None:
    """Return the gender a person cluster's forms of address or first names give, or None."""
    said = set(c.addressed) or {first_name_gender(w[0]) for w in c.words if len(w) >= 2} - {None}
    return said.pop() if len(said) == 1 else None


def _mislabelled(words: list[str], kind: str, c: Cluster) -> bool:
    """True when a name whose label differs from non-KB cluster ``c``'s (a person's against a place's or
    an organisation's) is still c's: spaCy's label for one name can differ between mentions."""
    if c.kb is not None:
        return False
    if kind != "PERSON":  # "McKinley" as GPE after the person: a surname joins
        return len(words) == 1 and words[0] in c.surnames
    if len(words) >= 2 and any(len(w) > len(words) and _suffix(w, words) for w in c.words):
        return True  # a full name ("Enrique Peña Nieto" as ORG, then as a person)
    if c.type not in ("GPE", "ORG", "LOC"):
        return False
    if len(words) == 1:
        # "Casin" the person after "Mesut Casin" tagged as a place (a two-word name's surname);
        # "al-Shabab" the organisation, then "al-Shabab" tagged a person (the same name)
        return words in c.words or any(len(w) == 2 and w[-1] == words[0] for w in c.words)
    # "Lai's son Sebastien" tagged an organisation, then "Sebastien Lai said"
    return all(w == words[:1] for w in c.words) and first_name_gender(words[0]) is not None


def match_name(words: list[str], kind: str, clusters: list[Cluster], gender: str | None = None) -> Cluster | None:
    """Return the existing non-KB cluster a name (normalised ``words``) belongs to, or None; a
    person of the other ``gender`` (the form of address before the name) is not a candidate
    ("Mrs. Clinton" is not the "Bill Clinton" of the bare "Clinton" before)."""
    if not words:
        return None
    best = None
    for c in clusters:
        if gender is not None and kind == "PERSON" and c.type == "PERSON" and _gender_of(c) not in (None, gender):
            continue
        if c.kb is not None and c.type == "PERSON" and kind == "PERSON":
            if words[-1] in c.surnames and (len(words) == 1 or words in c.words):
                best = c if best is None or c.last_token > best.last_token else best
            continue
        if (c.type == "PERSON") != (kind == "PERSON"):
            if _mislabelled(words, kind, c):
                best = c
            continue
        if words in c.words:
            return c
        if kind == "PERSON":
            # "Haniyeh" after "Ismail Haniyeh"; "Ismail Haniyeh" after "Haniyeh";
            # "Peña Nieto" after "Enrique Peña Nieto"
            if any(w and (_suffix(w, words) or _suffix(words, w)) for w in c.words) and not _other_person(words, c):
                if best is None or c.last_token > best.last_token:
                    best = c
            continue
        acronym = words[0].replace(".", "") if len(words) == 1 else ""
        if len(acronym) >= 2 and acronym.isalpha():  # "W.T.O." after "World Trade Organization"
            if any(len(w) > 1 and _initials(w) == acronym for w in c.words):
                best = c
        elif any(len(w) == 1 and _initials(words) == w[0].replace(".", "") for w in c.words):
            best = c
        elif len(words) >= 2 and any(len(w) > len(words) and w[:len(words)] == words and w[len(words)] in ("for", "of")
                                     for w in c.words):
            best = c  # "Peterson Institute" after "Peterson Institute for International Economics"
    if best is None and kind == "PERSON" and len(words) == 1:
        # a first name alone ("LeBron" after "LeBron James"), when only one person has it
        firsts = [c for c in clusters if c.type == "PERSON" and any(len(w) > 1 and w[0] == words[0] for w in c.words)]
        if len(firsts) == 1:
            best = firsts[0]
    return best


def specifics(words: set[str]) -> set[str]:
    """Return the words of a title that single out the office (no articles, qualifiers, demonyms)."""
    return {w for w in words if w not in _ARTICLES and w not in ("of", "for", "and")
            and w not in QUALIFIERS and w not in lexicon().demonyms()}


def score_description(role: Role, affils: list[Cluster], c: Cluster) -> int:
    """Return how well a description fits a person cluster (0: it cannot be that actor)."""
    classes = LEADER_CLASSES if role.role == "leader" else {role.role_class}
    qualifiers = role.modifiers & QUALIFIERS  # "the former president" is not the president
    comp = {w for w in role.complement.split() if w not in ("the", "of", "a")}
    wanted = specifics(role.modifiers | comp)

    def fits(t: TitleInfo) -> bool:
        if t.role_class not in classes or t.modifiers & QUALIFIERS != qualifiers:
            return False
        # "secretary of state" is not the "Homeland Security Secretary"
        return not (wanted and t.spec and not wanted & t.spec)

    same_class = [t for t in c.title_info if fits(t)]
    if role.generic:
        if not c.title_info and c.kb is None:
            return 0
    elif not same_class:
        return 0
    if role.proper:  # "the Republican nominee": the article or KB must say Republican
        said = set().union(*(t.modifiers | t.complement for t in (c.title_info if role.generic else same_class)))
        if not role.proper <= said:
            return 0
    score = 1
    if any(t.role == role.role for t in same_class):
        score += 1  # the same word, not only the same kind of office
    if same_class and all(t.from_kb for t in same_class):
        score -= 1  # only the KB says so, and a KB title may be out of date
    country = role.country
    if country:
        if c.country and c.country != country:
            return 0
        score += 2 if c.country == country else 0
    for a in affils:
        if a in c.affiliations or (c.kb is not None and a.kb is not None and a.kb.id in c.kb_affiliations):
            score += 2
        elif a.type == "GPE" and a.country and c.country == a.country:
            score += 2
        else:
            return 0
    mods = role.modifiers - {"the"}
    if mods and any(mods & t.modifiers for t in same_class):
        score += 1
    if comp and any(comp & t.complement for t in same_class):
        score += 2
    return score


def pick(role: Role, affils: list[Cluster], candidates: list[Cluster]) -> Cluster | None:
    """Return the cluster a description refers to, or None when no candidate is clearly it."""
    scored = [(score_description(role, affils, c), c.last_token, c) for c in candidates]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    best = scored[0]
    needed = 3 if role.generic else 2
    return best[2] if best[0] >= needed else None


def to_actor(c: Cluster, actor_id: str, ids: dict[int, str], text: str) -> Actor:
    """Return the Actor record of a cluster; ``ids`` maps id(cluster) -> actor id."""
    mentions = []
    last_end = -1
    for start, end, kind in sorted(set(c.mentions)):
        if start < last_end:  # one actor's mentions never overlap
            continue
        mentions.append(Mention(text=text[start:end], start=start, end=end, kind=kind))
        last_end = end
    written = [display_name(n) for n in c.names or c.headline_names]
    if c.fixed_name is not None:
        name = c.fixed_name
    elif c.kb is not None and (c.type == "PERSON" or c.kb.name.casefold() in (w.casefold() for w in written)):
        name = c.kb.name
    elif c.kb is not None and written:
        # a place or organisation is named as the article names it ("al-Quds"); kb_id keeps its identity
        name = max(written, key=lambda w: (written.count(w), len(w)))
    elif c.kb is not None:
        name = c.kb.name
    else:
        pool = written or [m.text for m in mentions]
        name = display_name(max(pool, key=len)) if pool else actor_id
    aliases = []
    for n in c.names + c.headline_names + ([c.kb.name] if c.kb is not None else []):
        n = display_name(n)
        if n.casefold() != name.casefold() and n.casefold() not in (a.casefold() for a in aliases):
            aliases.append(n)
    return Actor(
        id=actor_id, name=name, type=c.kb.type if c.kb is not None and c.kb.type != "OTHER" else c.type,
        wikidata=c.kb.wikidata if c.kb is not None else None, kb_id=c.kb.id if c.kb is not None else None,
        country=c.country, titles=list(c.titles), aliases=aliases,
        affiliations=[ids[id(a)] for a in c.affiliations if id(a) in ids], mentions=mentions,
    )


__all__ = ["Cluster", "TitleInfo", "match_name", "normalise", "pick", "score_description", "to_actor"]
