"""One exception hierarchy, with messages a user can act on.

Every error that concerns an input names it, so that a run over many inputs
can print one line per failure and go on (``str(err)`` is that line).
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)


# ---------------------------------------------------------------- ingest


class InputError(NewsgraphError):
    """An input could not be read (missing file, unknown kind of source)."""


class FetchError(InputError):
    """A URL did not answer, answered with an error, or was too large."""


class PrivateAddressError(FetchError):
    """A URL points at loopback or a private network and that is not allowed."""


class FeedError(InputError):
    """A feed could not be parsed."""


class WarcError(InputError):
    """A WARC file is unreadable or truncated."""


# --------------------------------------------------------------- extract


class ExtractionError(NewsgraphError):
    """A document was read but holds no article newsgraph can extract."""


class NotTextError(ExtractionError):
    """Binary junk, an image, or some other non-text content."""


class EmptyDocumentError(ExtractionError):
    """The document is empty or has no article text."""


class DocumentTooLargeError(ExtractionError):
    """The document is larger than the configured cap."""


# --------------------------------------------------------------- analyze


class AnalysisError(NewsgraphError):
    """The analysis pipeline could not run (e.g. its model is missing)."""


class ModelNotInstalledError(AnalysisError):
    """The spaCy model package is not installed."""


class LexiconError(AnalysisError):
    """A language-data file (``newsgraph/data/<lang>/``) is missing or malformed."""


class KnowledgeBaseError(NewsgraphError):
    """An actor knowledge-base file is malformed."""


# ----------------------------------------------------------------- store


class StoreError(NewsgraphError):
    """The database could not be opened, migrated or written."""


class NotFoundError(StoreError):
    """No article, actor or event with that id or name."""


class QueryError(StoreError):
    """A search or filter could not be understood."""


# ------------------------------------------------------------ web, batch


class ConfigError(NewsgraphError):
    """A setting is missing or invalid."""


class BatchError(NewsgraphError):
    """A batch run could not start (e.g. the scheduler does not answer)."""
