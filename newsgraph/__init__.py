"""newsgraph: who said what, who met whom, when and where, from news articles.

The public Python API::

    import newsgraph
    analysis = newsgraph.analyze(text_or_html, url=None)   # -> newsgraph.model.Analysis
    article = newsgraph.read(source)                       # -> newsgraph.model.Article
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

# The subpackage newsgraph.analyze shares its name with the function below. Importing a
# subpackage sets it as an attribute of its parent the first time it loads, which would
# replace the function with the module after the first call; importing it here, before
# the function is defined, lets the function win for good. (Its __init__ is light: spaCy
# loads only when the pipeline is asked for.)
import newsgraph.analyze  # noqa: E402,F401  (must precede ``def analyze``)

if TYPE_CHECKING:
    from newsgraph.model import Analysis, Article


def read(source: str, *, allow_private: bool = False) -> "Article":
    """Read one source (path, URL, or '-') and return its first Article."""
    from newsgraph.extract import extract_article
    from newsgraph.ingest import iter_documents

    for doc in iter_documents([source], allow_private=allow_private):
        return extract_article(doc)
    from newsgraph.errors import EmptyDocumentError

    raise EmptyDocumentError("no document found", source=source)


def analyze(text_or_html: str | bytes, url: str | None = None) -> "Analysis":
    """Extract and analyse one article given as HTML or plain text; return its Analysis."""
    from newsgraph.analyze import analyze as _analyze

    return _analyze(text_or_html, url=url)


__all__ = ["analyze", "read", "__version__"]
