"""newsgraph_actors: people, organisations, countries, places and groups, mentions merged.

Sets ``doc._.ng_actors`` to a list of ``model.Actor`` with ids "a1", "a2", ...
in order of first mention.  In six passes, each linear in the document:

1. names (``actors_names``): spaCy's entities plus knowledge-base names and aliases (a
   ``PhraseMatcher``), the KB entry winning where it covers the entity's head, then typed as
   the words beside them say ("the town of X", "the group X": ``actors_types``);
2. names clustered into actors (KB entry, same name, surname, acronym, and
   "Palestinian Resistance Movement Hamas"-style appositions);
3. titles written before or after a person's name ("Iran's Supreme Leader
   ...", "Maria Gonzalez, the mayor of Springfield,"), with the affiliations
   and nationality they state;
4. descriptions ("the political leader of Hamas", "The Palestinian official")
   resolved to the person whose titles (from the article and the KB),
   nationality and affiliations fit;
5. unnamed groups ("Israeli soldiers", "police", "Rwandan rebels"): agent
   nouns with a nationality, a qualifier or standing alone, merged by country
   and class (``actors_groups.py``);
6. pronouns, by subject salience (``coref.py``).

A description is never given to a named person it does not fit; one that
fits nobody stays unresolved, except a definite one that speaks ("The Afghan
army chief said"), which becomes a nameless actor of that description, so the
statement keeps its speaker (``actors_speakers.described_speakers``).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from newsgraph.analyze import coref
from newsgraph.analyze import doc as _doc_ext  # noqa: F401  (registers doc._.ng_*)
from newsgraph.analyze.actors_gender import address_gender, cluster_genders
from newsgraph.analyze.actors_groups import add_groups
from newsgraph.analyze.actors_names import find_names
from newsgraph.analyze.actors_speakers import described_speakers, possessed_actors
from newsgraph.analyze.actors_cluster import Cluster, match_name, normalise, pick, to_actor
from newsgraph.analyze.actors_types import or_aliases, retype_names, voted_type
from newsgraph.analyze.actors_titles import Role, description_at, role_word, title_apposed_before, titles_before
from newsgraph.analyze.kb import KBEntry, KnowledgeBase
from newsgraph.analyze.lexicon import DEFAULT_LANGUAGE, lexicon as lexicon_of

_SUBJ = {"nsubj", "nsubjpass"}
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with", "from", "as", "vs"}


class ActorsComponent:
    """The spaCy component; holds the KB phrase matchers, built once."""

    def __init__(self, nlp: Language, name: str = "newsgraph_actors", kb: KnowledgeBase | None = None,
                 lexicon: str = DEFAULT_LANGUAGE) -> None:
        self.nlp = nlp
        self.name = name
        self.demonyms = lexicon_of(lexicon).demonyms()
        self.use_kb(kb if kb is not None else KnowledgeBase.default())

    def use_kb(self, kb: KnowledgeBase) -> None:
        """Match against this knowledge base from now on."""
        self.kb = kb
        # Acronyms and very short names only as written ("US" is not "us");
        # other names in any case, checked below for a capital letter.
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.anycase = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        exact: dict[str, list[str]] = {}
        anycase: dict[str, list[str]] = {}
        for entry in kb:
            for name in entry.names():
                strict = len(name) <= 3 or not any(ch.islower() for ch in name)
                (exact if strict else anycase).setdefault(entry.id, []).append(name)
        for table, matcher in ((exact, self.exact), (anycase, self.anycase)):
            names = [n for ns in table.values() for n in ns]
            docs = iter(self.nlp.tokenizer.pipe(names))
            for entry_id, ns in table.items():
                matcher.add(entry_id, [next(docs) for _ in ns])

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.ng_actors`` and return the doc."""
        doc._.ng_actors = _Analysis(self, doc).run() if len(doc) else []
        return doc


@Language.factory(
    "newsgraph_actors",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.ng_actors"],
    default_config={"lexicon": DEFAULT_LANGUAGE, "kb": None},
)
def make_actors(nlp: Language, name: str, lexicon: str, kb: list[str] | None) -> ActorsComponent:
    """Return the actors component; ``kb`` lists KB files or folders (null: the shipped KB and the
    user's imported one), ``lexicon`` the language whose demonyms it reads."""
    knowledge = KnowledgeBase.load([Path(p) for p in kb]) if kb is not None else KnowledgeBase.default()
    return ActorsComponent(nlp, name, knowledge, lexicon)


class _Analysis:
    """The state of one document's actor analysis."""

    def __init__(self, comp: ActorsComponent, doc: Doc) -> None:
        self.comp = comp
        self.doc = doc
        self.clusters: list[Cluster] = []
        self.name_of_token: list[Cluster | None] = [None] * len(doc)
        self.name_spans: list[tuple[Span, Cluster]] = []
        self.title_heads: set[int] = set()
        self.people: list[coref.PersonMention] = []
        self.text: str | None = None
        self.headline_lines: dict[int, bool] = {}
        #: possessed descriptions that speak, named after their possessor once pronouns are resolved
        self.possessed: list[tuple[Cluster, int, str]] = []

    # ---------------------------------------------------------- 3. clusters
    def cluster_for(self, span: Span, entry: KBEntry | None, kind: str) -> Cluster:
        """Return the cluster a name joins (creating it), KB entry first."""
        if entry is not None:
            for c in self.clusters:
                if c.kb is entry:
                    return c
            words = normalise(span.text)
            if kind == "PERSON":
                people = [c for c in self.clusters if c.kb is None and c.type == "PERSON"]
                if len(words) == 1:  # "Harris" after "John Harris" is John Harris, whatever the KB knows
                    same = [c for c in people if words[0] in c.surnames]
                    if same:
                        return max(same, key=lambda c: c.last_token)
                full = {" ".join(normalise(n)) for n in entry.names()}
                for c in people:  # "Haniyeh" first, "Ismail Haniyeh" later: link the KB entry
                    # ... unless the cluster's full names are someone else's ("John Harris")
                    if all(" ".join(w) in full for w in c.words if len(w) > 1) and any(
                            w and w[-1] == words[-1] for w in c.words):
                        c.kb = entry
                        c.__post_init__()
                        return c
            c = Cluster(type=kind, kb=entry)
            self.clusters.append(c)
            return c
        words = normalise(span.text)
        said = address_gender(self.doc[span.start - 1].text) if span.start > 0 and kind == "PERSON" else None
        found = match_name(words, kind, self.clusters, said)
        if found is not None and kind == "PERSON" and found.type != "PERSON" and words not in found.words:
            found.type = "PERSON"
        if found is None:
            found = Cluster(type=kind)
            self.clusters.append(found)
        if said is not None:
            found.addressed.add(said)
        return found

    def add_mention(self, c: Cluster, span: Span, kind: str) -> None:
        end = span.end_char
        if kind in ("name", "alias") and len(span[-1]) > 2 and span[-1].text.endswith(("’s", "'s")):
            end -= 2  # "Trump’s" left as one token: the name is "Trump"
        c.mentions.append((span.start_char, end, kind))
        c.last_token = max(c.last_token, span.start)

    def in_headline(self, span: Span) -> bool:
        """True when the span sits on a Title-Case line (a headline or a "Read more" link)."""
        text = self.doc.text if self.text is None else self.text
        self.text = text
        start = text.rfind("\n", 0, span.start_char) + 1
        if start not in self.headline_lines:
            end = text.find("\n", start)
            words = [w for w in _WORD.findall(text[start:end if end >= 0 else len(text)]) if w.lower() not in _SMALL]
            capitals = sum(1 for w in words if w[0].isupper())
            self.headline_lines[start] = len(words) >= 3 and capitals >= 0.8 * len(words)
        return self.headline_lines[start]

    def is_subject(self, span: Span) -> int:
        """Return the subject level of a mention (see ``coref.subject_level``)."""
        root = span.root
        if root.dep_ in ("appos", "compound") and root.head.dep_ in _SUBJ:
            root = root.head
        return coref.subject_level(root)

    def run(self) -> list:
        """Return the article's actors (the six passes of the module docstring), in order of first mention."""
        doc = self.doc
        names, phrases = retype_names(find_names(doc, self.comp, self.in_headline), self.comp.demonyms)
        self.cluster_names(names)
        for n, phrase in phrases:  # "The Islamist militant group al-Shabab": one actor, an ORG
            c = self.name_of_token[names[n][0].start]
            c.type = names[n][2] if c.kb is None else c.type
            if phrase is not None and all(self.name_of_token[t.i] is None for t in phrase):
                self.add_mention(c, phrase, "description")
                self.title_heads.update(t.i for t in phrase)
        self.titles()
        self.descriptions()  # 4.
        self.groups()  # 5. unnamed groups ("Israeli soldiers", "police")
        self.unnamed_speakers()
        by_id = {id(c): c for c in self.clusters}  # 6. pronouns
        gender = cluster_genders(self.doc, self.clusters, self.name_spans)
        pronouns: dict[int, Cluster] = {}
        for i, key in coref.resolve(doc, self.people, gender):
            self.add_mention(by_id[key], doc[i:i + 1], "pronoun")
            pronouns[i] = by_id[key]
        ordered = sorted((c for c in self.clusters if c.mentions), key=lambda c: min(m[0] for m in c.mentions))
        ids = {id(c): f"a{n}" for n, c in enumerate(ordered, start=1)}
        doc._.ng_gender = {ids[key]: g for key, g in gender.items() if key in ids}
        text = self.text or doc.text  # built from the tokens on each access: once
        actors = {id(c): to_actor(c, ids[id(c)], ids, text) for c in ordered}
        for c, poss_i, rest in self.possessed:  # "His lawyer": "Peter Kadzik's lawyer"
            owner = self.name_of_token[poss_i] or pronouns.get(poss_i)
            if id(c) in actors and owner is not None and id(owner) in actors and owner is not c:
                actors[id(c)].name = f"{actors[id(owner)].name}'s {rest}"
        return list(actors.values())

    def cluster_names(self, names: list) -> None:
        """Pass 2: join the names into clusters, appositions ("Palestinian Resistance Movement
        Hamas") into one, and record each name's mention."""
        linked: dict[int, int] = {}
        for n in range(len(names) - 1):
            (a, ea, ta), (b, eb, tb) = names[n], names[n + 1]
            if a.end == b.start and ta == tb == "ORG" and (eb is not None or ea is None):
                linked[n] = n + 1
        aliases = {b: a for b, a in or_aliases(names).items() if a not in linked and b not in linked}
        linked.update(aliases)  # "the Quadrilateral Security Dialogue, or Quad,"
        order = sorted(range(len(names)), key=lambda n: n in linked)  # heads of appositions first
        cluster_of: dict[int, Cluster] = {}
        for n in order:
            span, entry, kind = names[n]
            if n in linked:
                c = cluster_of[linked[n]]
            else:
                c = self.cluster_for(span, entry, kind)
                c.words.extend(normalise(names[i][0].text) for i in (n, n + 1) if i == n or aliases.get(i) == n)
            cluster_of[n] = c
        for n, (span, entry, kind) in enumerate(names):
            c = cluster_of[n]
            words = normalise(span.text)
            is_alias = n in linked or (c.kb is not None and not set(words) <= set(c.kb.name.casefold().split()))
            self.add_mention(c, span, "alias" if is_alias else "name")
            # a Title-Case headline glues words onto names ("Obama Says"): name actors from the body
            (c.headline_names if self.in_headline(span) else c.names).append(span.text)
            for t in span:
                self.name_of_token[t.i] = c
            self.name_spans.append((span, c))
        kinds: dict[int, list[str]] = {}
        for n, (_, _, kind) in enumerate(names):
            kinds.setdefault(id(cluster_of[n]), []).append(kind)
        for c in self.clusters:  # a name always written alike: the type most of its mentions have
            if c.kb is None and all(w == c.words[0] for w in c.words):  # "Mali" each time, not "Cavusoglu"
                c.type = voted_type(kinds.get(id(c), []), c.type)
        for c in self.clusters:  # "Palestinians", "Israelis": a nationality
            if c.type == "GROUP" and c.country is None and c.words and len(c.words[0]) == 1:
                word = c.words[0][0]
                c.country = self.comp.demonyms.get(word) or self.comp.demonyms.get(word[:-1])
        self.first_pos = {id(c): min(m[0] for m in c.mentions) for c in self.clusters}

    def titles(self) -> None:
        """Pass 3: titles before and after person names, the affiliations they and the KB state;
        then the people's name mentions, for the pronouns."""
        doc = self.doc
        person_tokens = {t.i for span, c in self.name_spans if c.type == "PERSON" for t in span}
        for span, c in self.name_spans:
            if c.type != "PERSON":
                continue
            roles = titles_before(doc, span.start, span.sent.start, self.comp.demonyms, person_tokens)
            after = self.title_after(span)
            apposed = title_apposed_before(doc, span, self.comp.demonyms) if not roles else None
            for role in roles + [r for r in (apposed, after) if r is not None]:
                self.attach_role(c, role, "title")
                # the role word and its modifiers are this title; its "of ..." may name someone else
                self.title_heads.update(range(role.span.start, role.head.i + 1))
        kb = self.comp.kb
        for c in self.clusters:  # KB affiliations among the article's actors
            if c.kb is not None:
                c.kb_affiliations = {e.id for e in map(kb.get, c.kb.affiliations) if e is not None}
                for other in self.clusters:
                    if other.kb is not None and other.kb.id in c.kb_affiliations:
                        c.add_affiliation(other)
        for span, c in self.name_spans:
            if c.type == "PERSON":
                self.people.append(coref.PersonMention(span.start, span.end, id(c), self.is_subject(span)))

    def groups(self) -> None:
        """Add the unnamed collective actors (``actors_groups``), merged by country and class."""
        doc = self.doc
        done: list[list[bool]] = []

        def covering() -> list[bool]:  # built once, and only for a doc with a candidate
            if not done:
                covered = numpy.array([c is not None for c in self.name_of_token])
                starts = doc.to_array("IDX")
                for c in self.clusters:
                    for start, end, _ in c.mentions:
                        covered[numpy.searchsorted(starts, start):numpy.searchsorted(starts, end)] = True
                done.append(covered.tolist())
            return done[0]

        # "Palestinians" may be "they"; after a named organisation or country "they" is unclear
        named = {span.root.i: c if c.type == "GROUP" else None for span, c in self.name_spans
                 if c.type in ("GROUP", "ORG", "GPE")}
        add_groups(doc, self.clusters, covering, self.comp.demonyms, self.add_mention, named)

    def held_at(self, char: int) -> bool:
        """Return True when a mention of some actor covers the character at offset ``char``."""
        return any(start <= char < end for c in self.clusters for start, end, _ in c.mentions)

    def unnamed_speakers(self) -> None:
        """Make an actor of each speaking description no one holds ("The Afghan army chief said"),
        one per description text, so the statement has its speaker even without a name; then of each
        possessed one ("His lawyer said", ``actors_speakers.possessed_actors``)."""
        held = {start for c in self.clusters for start, _, _ in c.mentions}  # before the descriptions' own

        def held_token(t: Token) -> bool:
            return self.name_of_token[t.i] is not None or t.idx in held

        text = self.text or self.doc.text
        seen: list[tuple[str, set[str], Cluster]] = []  # (role class, what the words specify, actor)
        for role in described_speakers(self.doc, self.comp.demonyms, held_token):
            if self.held_at(role.head.idx):
                continue
            spec = role.modifiers | set(role.complement.split()) | (
                {t.lower_ for t in role.possessor} if role.possessor is not None else set())
            # "The Afghan army chief ... The army chief added": one chief; "The Taliban chief": another
            c = next((c for cls, words, c in reversed(seen) if cls == role.role_class
                      and (spec <= words or words <= spec)), None)
            if c is None:
                c = Cluster(type="PERSON", fixed_name=text[role.span.start_char:role.span.end_char].removeprefix(
                    "the ").removeprefix("The "))
                self.clusters.append(c)
            seen.append((role.role_class, spec, c))
            self.add_mention(c, role.span, "description")
        self.possessed = possessed_actors(self.doc, text, held_token, self.held_at, self.name_of_token,
                                          self.clusters, self.add_mention)

    def title_after(self, span: Span) -> Role | None:
        """Return the appositive title after a name: "Maria Gonzalez, the mayor of Springfield, said"."""
        doc, sent = self.doc, span.sent
        if span.end + 2 >= sent.end or doc[span.end].text != ",":
            return None
        for i in range(span.end + 1, min(sent.end, span.end + 6)):
            if role_word(doc[i]):
                role = description_at(doc, i, sent, self.comp.demonyms)
                if role is None or role.span.start != span.end + 1:
                    return None
                after = doc[role.span.end] if role.span.end < sent.end else None
                if after is None or after.is_punct:
                    return role
                return None
            if self.name_of_token[i] is not None and self.name_of_token[i].type == "PERSON":
                return None
        return None

    def role_affiliations(self, role: Role) -> list[Cluster]:
        """Return the non-person actors named inside a title or description."""
        found: list[Cluster] = []
        for t in role.span:
            c = self.name_of_token[t.i]
            if c is not None and c.type != "PERSON" and c not in found:
                found.append(c)
        return found

    def attach_role(self, c: Cluster, role: Role, kind: str) -> None:
        span = role.span
        self.add_mention(c, span, kind)
        specific = role.complement or (role.modifiers - set(self.comp.demonyms))
        if kind == "title" or (specific and not role.generic):
            c.add_title(role.title_text())
        for a in self.role_affiliations(role):
            c.add_affiliation(a)
        if role.country and c.country is None:
            c.country = role.country

    def descriptions(self) -> None:
        doc = self.doc
        person_clusters = [c for c in self.clusters if c.type == "PERSON"]
        name_starts = {span.start for span, c in self.name_spans if c.type == "PERSON"}
        for sent in doc.sents:
            for tok in sent:
                if tok.i in self.title_heads or self.name_of_token[tok.i] is not None or not role_word(tok):
                    continue
                role = description_at(doc, tok.i, sent, self.comp.demonyms)
                if role is None or role.span.end in name_starts:
                    continue
                after = doc[role.span.end] if role.span.end < sent.end else None
                if (after is not None and after.pos_ in ("NOUN", "PROPN") and role.span.end == tok.i + 1
                        and not self.in_headline(role.span)):  # Title-Case lines are mis-tagged
                    continue  # "the Justice Department", "police chief's car": a modifier, not a person
                named = {t.lower_ for t in role.span if self.name_of_token[t.i] is not None}
                role.modifiers -= named
                role.proper -= named
                affils = self.role_affiliations(role)
                before = [c for c in person_clusters if self.first_pos[id(c)] < role.span.start_char]
                chosen = pick(role, affils, before)
                if chosen is None and len(before) < len(person_clusters):
                    chosen = pick(role, affils, [c for c in person_clusters if c not in before])
                if chosen is None:
                    continue
                self.attach_role(chosen, role, "description")
                level = coref.subject_level(role.head)
                self.people.append(coref.PersonMention(role.span.start, role.span.end, id(chosen), level))
