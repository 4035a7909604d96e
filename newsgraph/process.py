"""The one ingest loop: sources -> documents -> articles -> analyses -> store.

``process`` is what ``newsgraph read``, ``analyze`` and ``ingest``, the web app's
ingest, the batch workers and ``newsgraph.analyze()`` all run. It yields one
``Result`` per article and one ``IngestFailure`` per input that failed (failures
as met, articles after their chunk); a failure never ends the run, and articles already read in a chunk
are analysed and stored whatever a later one does.

The failure rule lives here once: inside each stage, any exception (a library
such as trafilatura, lxml, spaCy or a codec raising on an odd page) is turned
into the stage's ``NewsgraphError`` naming the input (``stage``, as httpx's
``map_exceptions`` does), and ``failure`` builds the one record (and the one
stderr line, ``IngestFailure.error``) for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from newsgraph import errors
from newsgraph.errors import AnalysisError, ExtractionError, InputError, NewsgraphError, StoreError
from newsgraph.model import Analysis, Article, IngestFailure, RawDocument
from newsgraph.settings import MAX_INPUT_BYTES

if TYPE_CHECKING:
    from newsgraph.store import SaveResult, Store

Stage = Literal["ingest", "extract", "analyze", "store"]
#: The error each stage's unexpected exceptions become.
STAGE_ERRORS: dict[str, type[NewsgraphError]] = {
    "ingest": InputError, "extract": ExtractionError, "analyze": AnalysisError, "store": StoreError,
}
#: Articles read and extracted before one round of "already stored?" checks and one ``nlp.pipe``.
CHUNK = 16
#: What a user (or a corpus file) may give about an article; it wins over what is extracted.
GIVEN_FIELDS = ("url", "title", "published", "site", "byline")
MAX_ERROR = 2000


@dataclass
class Options:
    """How sources are read: the address policy, the fetch timeout, the size cap, and given metadata."""

    allow_private: bool = False
    timeout: float = 20.0
    max_bytes: int = MAX_INPUT_BYTES
    #: Metadata for every document read (a single text input); a corpus row's own fields win over it.
    given: dict[str, str] = field(default_factory=dict)
    #: Corpus-file column names for newsgraph's fields (``{"text": "story_text"}``).
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    """One article that went through: read, and analysed and stored when those stages ran."""

    raw: RawDocument
    article: Article
    analysis: Analysis | None = None
    saved: SaveResult | None = None
    #: "read", "analysed", the store's "new"/"updated"/"unchanged", or "skipped" (stored before, same text).
    status: str = "read"


Outcome = Result | IngestFailure


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


def _named(err: NewsgraphError, source: str | None) -> NewsgraphError:
    """Return ``err`` naming ``source`` when it names no input yet."""
    if err.source or not source:
        return err
    err.source = source
    err.args = (f"{source}: {err.message}",)
    return err


@contextlib.contextmanager
def stage(name: Stage, source: str | None) -> Iterator[None]:
    """Run a block of one stage: every exception leaves it as a NewsgraphError naming ``source``.

    A NewsgraphError passes (given the input's name if it had none); an
    OSError is "cannot read"; anything else (a library failing on odd input)
    becomes the stage's error class with the original type in the message.
    """
    try:
        yield
    except NewsgraphError as err:
        raise _named(err, source) from err.__cause__
    except OSError as err:
        raise STAGE_ERRORS[name](f"cannot read: {err.strerror or _one_line(err)}", source=source) from err
    except Exception as err:  # noqa: BLE001 - the one boundary where library exceptions are mapped
        raise STAGE_ERRORS[name](f"{type(err).__name__}: {_one_line(err)}", source=source) from err


def failure(err: BaseException, stage_name: Stage, source: str | None = None) -> IngestFailure:
    """Return the IngestFailure record of an error at ``stage_name``; its ``error`` is the one line to show."""
    if not isinstance(err, NewsgraphError):
        wrapped = STAGE_ERRORS[stage_name](f"{type(err).__name__}: {_one_line(err)}", source=source)
        wrapped.__cause__ = err
        err = wrapped
    err = _named(err, source)
    return IngestFailure(source=err.source or source or "?", stage=stage_name,
                         error=_one_line(err)[:MAX_ERROR], error_type=type(err).__name__)


def as_error(record: IngestFailure) -> NewsgraphError:
    """Return a failure record as the NewsgraphError it stands for (for the Python API, which raises)."""
    cls = getattr(errors, record.error_type, None)
    if not (isinstance(cls, type) and issubclass(cls, NewsgraphError)):
        cls = STAGE_ERRORS[record.stage]
    prefix = f"{record.source}: "
    message = record.error[len(prefix):] if record.error.startswith(prefix) else record.error
    return cls(message, source=record.source)


# ------------------------------------------------------------------ given metadata


def _given_published(value: str, source: str) -> tuple[str, str]:
    from newsgraph.extract.dates import parse_dateline, parse_feed_date

    parsed = parse_feed_date(value) or parse_dateline(value)
    if parsed is None:
        raise InputError(f"published: cannot read {value!r} as a date (give e.g. 2023-06-22 or 2023-06-22T20:22)",
                         source=source)
    return parsed


def apply_given(article: Article, given: dict[str, str]) -> Article:
    """Return ``article`` with the given metadata in place of what extraction found, each noted in its warnings.

    A given URL also gives the article its id (as a page read from that URL
    would have) and, when no site is known, the site from its host.
    """
    given = {k: v.strip() for k, v in given.items() if k in GIVEN_FIELDS and v and v.strip()}
    if not given:
        return article
    from urllib.parse import urlsplit

    from newsgraph.extract.ids import article_id

    update: dict[str, object] = {}
    notes = []
    for name, value in given.items():
        old = getattr(article, name)
        if name == "published":
            value, update["published_precision"] = _given_published(value, article.source)
        update[name] = value
        notes.append(f"{name} as given: {value!r}" + (f" (extracted: {old!r})" if old and old != value else ""))
    if "url" in given:
        update["id"] = article_id(str(update["url"]), article.body)
        if "site" not in given and not article.site:
            update["site"] = (urlsplit(str(update["url"])).hostname or "").removeprefix("www.") or None
    update["warnings"] = [*article.warnings, *notes]
    return article.model_copy(update=update)


# ------------------------------------------------------------------ the loop


def extract(raw: RawDocument, options: Options) -> Article:
    """Return the Article of one document, the given metadata applied; raises NewsgraphError only."""
    from newsgraph.extract import extract_article

    given = {**options.given, **raw.given}
    with stage("extract", raw.source):
        if given.get("url") and not raw.url:
            raw = raw.model_copy(update={"url": given["url"].strip()})
        article = extract_article(raw, max_bytes=options.max_bytes)
        return apply_given(_keep_first_paragraph(article, raw), given)


def _keep_first_paragraph(article: Article, raw: RawDocument) -> Article:
    """Put back the first paragraph the copied-text reader took for a headline when the document's own
    metadata (a corpus row's) gives another title.

    A corpus row's text is the body (the title is a field of its own), so its
    first sentence is no headline; dropping it would lose text and facts. A
    copied page with a title given on the command line keeps its headline out.
    """
    from newsgraph.extract.ids import article_id, normalise_text

    title = (raw.given.get("title") or "").strip()
    if not title or article.extractor != "text" or not article.title or article.title in raw.hints.values():
        return article
    if normalise_text(article.title) == normalise_text(title):
        return article
    body = f"{article.title}\n\n{article.body}"
    return article.model_copy(update={"body": body, "id": article_id(article.url, body)})


def analyse(analyzer, articles: list[Article], batch_size: int = CHUNK) -> list[Analysis | IngestFailure]:  # noqa: ANN001
    """Return each article's Analysis, in order, or its failure; one spaCy ``pipe`` over them all when it can.

    An article the analyzer stopped (past its time budget) comes out of ``pipe`` as its AnalysisError:
    that is its failure, and the others' analyses are kept.
    """
    if not articles:
        return []
    try:
        with stage("analyze", None):
            results = list(analyzer.pipe(articles, batch_size=batch_size))
        return [failure(r, "analyze", a.source) if isinstance(r, NewsgraphError) else r
                for a, r in zip(articles, results)]
    except NewsgraphError:
        pass  # one of them broke the pipeline: analyse them one by one below
    outcomes: list[Analysis | IngestFailure] = []
    for article in articles:  # find the culprit one article at a time; the others are kept
        try:
            with stage("analyze", article.source):
                outcomes.append(analyzer.analyze_article(article))
        except NewsgraphError as err:
            outcomes.append(failure(err, "analyze", article.source))
    return outcomes


def _documents(sources: Iterable[str], options: Options, failures: list[IngestFailure]) -> Iterator[RawDocument]:
    from newsgraph.ingest import iter_documents

    yield from iter_documents(sources, allow_private=options.allow_private, timeout=options.timeout,
                              max_bytes=options.max_bytes, fields=options.fields,
                              on_error=lambda err: failures.append(failure(err, "ingest")))


def _guarded(documents: Iterator[RawDocument], failures: list[IngestFailure], name: str) -> Iterator[RawDocument]:
    """Yield the documents; an exception of the iterator itself is one failure, and the reading stops there."""
    try:
        yield from documents
    except Exception as err:  # noqa: BLE001 - a reader's bug must not lose what was read before it
        failures.append(failure(err, "ingest", getattr(err, "source", None) or name))


def process(
    sources: Iterable[str] = (),
    *,
    options: Options | None = None,
    documents: Iterable[RawDocument] | None = None,
    analyzer=None,  # noqa: ANN001 - an analyze.pipeline.Analyzer (or one with its pipe/analyze_article)
    store: Store | None = None,
    chunk: int = CHUNK,
    name: str = "newsgraph",
) -> Iterator[Outcome]:
    """Read ``sources`` (or the given ``documents``), extract each article, then analyse it when an
    ``analyzer`` is given and store it when a ``store`` is too; yield a Result or an IngestFailure for each.

    With a store, articles already stored with the same text are not analysed
    again (status "skipped"), and every failure is also recorded in the store.
    ``name`` names failures of a reader that fails without naming its input.
    """
    options = options or Options()
    failures: list[IngestFailure] = []
    raws = iter(documents) if documents is not None else _documents(sources, options, failures)
    size = chunk if analyzer is not None else 1
    batch: list[tuple[RawDocument, Article]] = []
    for raw in _guarded(raws, failures, name):
        try:
            batch.append((raw, extract(raw, options)))
        except NewsgraphError as err:
            failures.append(failure(err, "extract", raw.source))
        yield from _drain(failures, store)
        if len(batch) >= size:
            yield from _finish(batch, analyzer, store, failures)
            yield from _drain(failures, store)
            batch = []
    yield from _drain(failures, store)
    yield from _finish(batch, analyzer, store, failures)
    yield from _drain(failures, store)


def _drain(failures: list[IngestFailure], store: Store | None) -> Iterator[IngestFailure]:
    """Yield the failures met so far (recording them in the store, if any) and forget them."""
    pending, failures[:] = list(failures), []
    for record in pending:
        if store is not None:  # recorded before it is yielded: a caller may stop at the first outcome
            try:
                with stage("store", record.source):
                    store.record_failure(record)
            except NewsgraphError as err:
                yield failure(err, "store", record.source)
        yield record


def _finish(batch: list[tuple[RawDocument, Article]], analyzer, store: Store | None,  # noqa: ANN001
            failures: list[IngestFailure]) -> Iterator[Outcome]:
    """Analyse and store one chunk of extracted articles; yield their outcomes in order."""
    if not batch:
        return
    if analyzer is None:
        yield from (Result(raw, article) for raw, article in batch)
        return
    known: set[str] = set()
    if store is not None:
        try:
            with stage("store", None):
                known = store.unchanged(article for _, article in batch)  # a changed page goes through
        except NewsgraphError:
            known = set()  # then saving says what is new; nothing is lost
    todo = [(raw, article) for raw, article in batch if article.id not in known]
    analysed = dict(zip((id(a) for _, a in todo), analyse(analyzer, [a for _, a in todo], len(todo) or 1)))
    for raw, article in batch:
        outcome = analysed.get(id(article))
        if outcome is None:
            yield Result(raw, article, status="skipped")
        elif isinstance(outcome, IngestFailure):
            failures.append(outcome)
        elif store is None:
            yield Result(raw, article, outcome, status="analysed")
        else:
            yield from _save(raw, article, outcome, store, failures)


def _save(raw: RawDocument, article: Article, analysis: Analysis, store: Store,
          failures: list[IngestFailure]) -> Iterator[Result]:
    try:
        with stage("store", article.source):
            saved = store.save(analysis, raw=raw)
    except NewsgraphError as err:
        failures.append(failure(err, "store", article.source))
        return
    yield Result(raw, article, analysis, saved, status=saved.status)


def first(outcomes: Iterable[Outcome]) -> Result:
    """Return the first Result, raising the first failure's error when one comes before it."""
    for outcome in outcomes:
        if isinstance(outcome, IngestFailure):
            raise as_error(outcome)
        return outcome
    raise errors.EmptyDocumentError("no document found")


def counts(outcomes: Iterable[Outcome], on_each: Callable[[Outcome], None] | None = None) -> dict[str, int]:
    """Consume ``outcomes``; return how many of each status (and "failed"), calling ``on_each`` on each."""
    tally: dict[str, int] = {}
    for outcome in outcomes:
        key = "failed" if isinstance(outcome, IngestFailure) else outcome.status
        tally[key] = tally.get(key, 0) + 1
        if on_each is not None:
            on_each(outcome)
    return tally


__all__ = ["Options", "Result", "Outcome", "process", "stage", "failure", "apply_given", "first", "counts",
           "extract", "analyse", "GIVEN_FIELDS", "CHUNK"]
