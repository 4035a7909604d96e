"""Title grammar: the roles people hold, as news English writes them.

Finds, over spaCy tokens,

* appositive titles before a name: "Iran's Supreme Leader Ayatollah Ali
  Khamenei", "Hamas leader Ismail Haniyeh", "representative of the Supreme
  Leader and Secretary of the Supreme National Security Council Ali Akbar
  Ahmadian" (two titles);
* descriptions standing for a person: "the Supreme Leader of the Islamic
  Revolution", "The Iranian Leader", "The Palestinian official".

A ``Role`` holds what identifies the holder: the role word and its class
("leader" ~ "head" ~ "chief"), the modifiers ("supreme", "political"), the
"of ..." complement and the nationality a demonym gives.  The words are
general English; the people they point to are resolved against the article's
actors and the knowledge base (``actors.py``), never listed here.

spaCy's parser attaches pre-name titles unreliably in this register (it often
makes the name a conjunct of the role word), so the title span is found by a
small token grammar instead; its vocabulary is the only hand-written part.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.analyze.lexicon import lexicon

_LEX = lexicon()
_ROLES = _LEX.table("actors/roles.csv", ("word", "class", "generic"))
#: Role word -> role class; a description matches a title of the same class (data/<lang>/actors/roles.csv).
ROLE_CLASS: dict[str, str] = {r["word"].lower(): r["class"] for r in _ROLES}

#: Generic role words: they match any titled person (with nationality/affiliation agreeing).
GENERIC = frozenset(r["word"].lower() for r in _ROLES if r.yes("generic"))

#: Words before a name that are forms of address, not roles ("Ayatollah Ali Khamenei").
HONORIFICS = _LEX.words("actors/title_words.csv", "honorific")

#: Adjectives of titles that spaCy sometimes tags as a name on their own ("Supreme").
TITLE_WORDS = _LEX.words("actors/title_words.csv", "title_word")

#: Words that may sit inside a title without being its head or a name.
_LINKS = {"of", "for", "the", "and", "'s", "’s", "'", "’", "-"}
_COORD = {"and"}


@dataclass
class Role:
    """What a title or description says about its holder."""

    span: Span  # the title or description words
    head: Token  # the role word
    role: str  # lowercase role word, e.g. "leader"
    role_class: str
    modifiers: set[str] = field(default_factory=set)  # lowercase words, e.g. {"supreme", "political"}
    country: str | None = None  # ISO alpha-3 from a demonym or a possessor
    complement: str = ""  # lowercase words after "of", e.g. "the islamic revolution"
    possessor: Span | None = None  # "Iran" in "Iran's Supreme Leader"
    #: Capitalised modifiers that say which office ("Republican", "Green Party"), lowercase.
    proper: set[str] = field(default_factory=set)

    @property
    def generic(self) -> bool:
        return self.role in GENERIC

    def title_text(self) -> str:
        """Return the title as recorded on the actor (no leading article or possessor)."""
        start = self.span.start
        if self.possessor is not None:
            start = self.possessor.end + 1  # skip the possessive marker
        while start < self.span.end and self.span.doc[start].lower_ in ("the", "a", "an"):
            start += 1
        return self.span.doc[start:self.span.end].text


#: Two-word offices: (first word, role word) -> role class ("attorney general", "vice president").
COMPOUNDS: dict[tuple[str, str], str] = {
    (r["first"].lower(), r["role"].lower()): r["class"]
    for r in _LEX.table("actors/offices.csv", ("first", "role", "class"), key=("first", "role"))
}
_FIRSTS = {first for first, _ in COMPOUNDS}

#: Qualifiers that make another office: "the president" is not the vice, deputy or former one.
QUALIFIERS = _LEX.words("actors/title_words.csv", "qualifier")


def compound(first: str, role: str) -> tuple[str, str] | None:
    """Return (office, role class) of a two-word office such as "prime minister", or None."""
    cls = COMPOUNDS.get((first, role))
    return (f"{first} {role}", cls) if cls else None


def role_word(token: Token) -> str | None:
    """Return the role word a token is (lowercase, singular), or None."""
    low = token.lower_.rstrip(".")
    if low in _FIRSTS and token.i + 1 < len(token.doc) and (low, token.nbor().lower_.rstrip(".")) in COMPOUNDS:
        return None  # "attorney general", "Chief Justice": the office is headed by the second word
    if low in ROLE_CLASS and token.tag_ not in ("NNS", "NNPS", "VB", "VBD", "VBP", "VBZ", "VBG"):
        return low
    # "minister" inside compounds spaCy keeps as one token, e.g. "prime-minister"
    if "-" in low and low.rsplit("-", 1)[-1] in ROLE_CLASS:
        return low.rsplit("-", 1)[-1]
    return None


def _is_title_token(token: Token) -> bool:
    """True for a token that can sit inside a title before a name."""
    if token.lower_ in _LINKS or token.tag_ == "POS":
        return True
    if token.is_punct or token.like_num or token.is_space:
        return False
    if token.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV", "ADP", "PART", "NUM", "INTJ"):
        return False
    if token.pos_ == "DET":
        return False
    return token.pos_ in ("PROPN", "NOUN", "ADJ") or token.is_title or token.is_upper


def _build_role(doc: Doc, start: int, end: int, head_i: int, demonyms: dict[str, str]) -> Role:
    head = doc[head_i]
    role = role_word(head) or head.lower_
    role_class = ROLE_CLASS.get(role, "other")
    office = compound(doc[head_i - 1].lower_, role) if head_i > start else None
    if office:
        role, role_class = office
    mods: set[str] = set()
    country = None
    possessor = None
    for tok in doc[start:head_i]:
        if tok.tag_ == "POS" or tok.lower_ in ("’", "'") and tok.i > start:
            possessor = doc[start:tok.i]
        elif tok.lower_ not in ("the", "a", "an"):
            mods.add(tok.lower_)
            country = country or demonyms.get(tok.lower_)
    complement = ""
    if head_i + 1 < end and doc[head_i + 1].lower_ in ("of", "for"):
        complement = " ".join(t.lower_ for t in doc[head_i + 2:end])
        for tok in doc[head_i + 2:end]:
            country = country or demonyms.get(tok.lower_)
    proper = set()
    for tok in doc[possessor.end + 1 if possessor is not None else start:head_i]:
        low = tok.lower_
        if ((tok.is_title or tok.is_upper) and tok.is_alpha and not tok.is_sent_start and not role_word(tok)
                and low not in TITLE_WORDS and low not in QUALIFIERS and low not in demonyms):
            proper.add(low)
    if possessor is not None:
        mods -= {t.lower_ for t in possessor}
    mods.discard(role.split()[0])
    return Role(doc[start:end], head, role, role_class, mods, country, complement, possessor, proper)


def titles_before(doc: Doc, name_start: int, sent_start: int, demonyms: dict[str, str],
                  blocked: Collection[int] = (), limit: int = 14) -> list[Role]:
    """Return the titles written right before a name at token ``name_start`` (left to right).

    "the head of Hamas' political bureau Ismail Haniyeh" -> one title;
    "representative of X and Secretary of Y Ali Akbar Ahmadian" -> two.
    ``blocked`` tokens (another person's name) end the title.
    """
    i = name_start - 1
    floor = max(sent_start, name_start - limit)
    while i >= floor and i not in blocked and _is_title_token(doc[i]):
        i -= 1
    first = i + 1
    # the title must start at a role word or its modifiers; find the first role word
    role_at = [k for k in range(first, name_start) if role_word(doc[k])]
    if not role_at:
        return []
    # cut into coordinated titles: "A of X and B of Y" (a new role word after "and")
    pieces: list[tuple[int, int]] = []
    start = first
    for k in range(first, name_start):
        if doc[k].lower_ in _COORD and any(r > k for r in role_at):
            pieces.append((start, k))
            start = k + 1
    pieces.append((start, name_start))
    roles = []
    for a, b in pieces:
        heads = [k for k in role_at if a <= k < b]
        if not heads:
            continue
        # the head is the last role word before any "of" (head of X, Supreme Leader)
        of_at = next((k for k in range(a, b) if doc[k].lower_ in ("of", "for")), b)
        before_of = [k for k in heads if k < of_at]
        head_i = before_of[-1] if before_of else heads[0]
        # "centerpiece of President Obama's plan": the title starts after that "of"
        a = max([a] + [k + 1 for k in range(a, head_i) if doc[k].lower_ in ("of", "for")])
        while a < head_i and doc[a].lower_ in ("the", "and", "of", "for", "'s", "’s", "’", "'", "-"):
            a += 1
        if doc[b - 1].lower_ in ("of", "for", "and", "the", "a"):
            continue  # "a lighted figure of Abraham Lincoln": not a title of the name
        roles.append(_build_role(doc, a, b, head_i, demonyms))
    return roles


def description_at(doc: Doc, head_i: int, sent: Span, demonyms: dict[str, str]) -> Role | None:
    """Return the description a role word at ``head_i`` heads, or None when it is not definite.

    Definite: "the ..." / "The ..." / a possessor ("Iran's leader") / a capitalised
    title ("Leader of the Islamic Revolution"). Indefinite ones ("a senior
    official") introduce someone unnamed: nobody to resolve them to.
    """
    head = doc[head_i]
    if not role_word(head) or (head_i + 1 < sent.end and role_word(doc[head_i + 1])):
        return None  # "Chief" of "Chief Justice": the head is further right
    if head_i > sent.start and doc[head_i - 1].lower_ in HONORIFICS:
        return None  # "Mr. King": a surname
    start = head_i
    while start - 1 >= sent.start:
        tok = doc[start - 1]
        if role_word(tok) and tok.lower_ not in TITLE_WORDS:
            break  # (a title word such as "chief" or "deputy" is part of this office: "the chief minister")
        # a capitalised word joins only as a name or a title word: in a
        # Title-Case headline every word is a PROPN ("Leader Addresses Hamas Official")
        proper = tok.pos_ == "PROPN" and (tok.ent_type_ or tok.is_upper or tok.lower_ in TITLE_WORDS)
        first_of_office = (tok.lower_, tok.nbor().lower_) in COMPOUNDS
        compound_noun = tok.pos_ == "NOUN" and tok.dep_ == "compound"
        if proper or first_of_office or compound_noun or tok.pos_ == "ADJ" or tok.tag_ == "POS":
            start -= 1
        elif tok.lower_ in ("’", "'") and start - 2 >= sent.start and doc[start - 2].pos_ == "PROPN":
            start -= 1
        else:
            break
    determiner = start - 1 >= sent.start and doc[start - 1].lower_ == "the"
    if determiner:
        start -= 1
    possessive = any(t.tag_ == "POS" or t.lower_ in ("’", "'") for t in doc[start:head_i])
    capitalised = head.is_title and head_i != sent.start
    end = head_i + 1
    has_of = end < sent.end and doc[end].lower_ in ("of", "for")
    indefinite = start - 1 >= sent.start and doc[start - 1].lower_ in ("a", "an", "one", "another", "any")
    # "met with head of Hamas' political bureau": news English drops the article before an office
    if indefinite or not (determiner or possessive or capitalised or has_of):
        return None
    if end < sent.end and doc[end].lower_ in ("of", "for"):
        k = end + 1
        while k < sent.end and k - end <= 7 and (
            doc[k].pos_ in ("DET", "ADJ", "PROPN", "NOUN") or doc[k].tag_ == "POS" or doc[k].lower_ in ("’", "'")
        ) and not role_word(doc[k]) and doc[k].ent_type_ not in ("DATE", "TIME"):
            k += 1  # (a day is no part of the office: "The leader of the Taliban insurgency Sunday praised")
        # a complement ends at a noun; "the political leader of Hamas for his part" stops at "Hamas"
        while k > end + 1 and doc[k - 1].pos_ in ("DET", "ADJ"):
            k -= 1
        if k > end + 1:
            end = k
    return _build_role(doc, start, end, head_i, demonyms)


def title_apposed_before(doc: Doc, name: Span, demonyms: dict[str, str]) -> Role | None:
    """Return the definite title a name stands in apposition to, written before it and its comma
    ("The Taliban's supreme leader, Mawlawi Hibatullah Akhundzada, said"; "Iran's foreign minister,
    Mohammad Javad Zarif,"), or None: the parse must hang the name on that role word."""
    root = name.root
    if name.start < 2 or doc[name.start - 1].text != "," or root.dep_ != "appos":
        return None
    head = root.head
    if head.i != name.start - 2 or not role_word(head) or head.dep_ == "conj":
        return None
    role = description_at(doc, head.i, name.sent, demonyms)
    if role is None or (role.span.start > 0 and doc[role.span.start - 1].text in (",", "and")):
        return None  # "the president, the vice president, Susan Rice": a list, not an apposition
    return role
