"""newsgraph: who said what, who met whom, when and where, from news articles.

The public Python API::

    import newsgraph
    analysis = newsgraph.analyze(text_or_html, url=None)   # -> newsgraph.model.Analysis
    article = newsgraph.read(source)                       # -> newsgraph.model.Article
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

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
