"""newsgraph: who said what, who met whom, when and where, from news articles.

The public Python API::

    import newsgraph
    analysis = newsgraph.analyze(text_or_html, url=None, title=None, published=None, site=None, byline=None)
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
    """Read one source (path, URL, or '-') and return its first Article.

    Raises the NewsgraphError of the first failure when it comes before any article.
    """
    from newsgraph.process import Options, first, process

    return first(process([source], options=Options(allow_private=allow_private))).article


def analyze(
    text_or_html: str | bytes,
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    site: str | None = None,
    byline: str | None = None,
) -> "Analysis":
    """Extract and analyse one article given as HTML or as text copied from a page; return its Analysis.

    HTML is told from text by ``newsgraph.extract.is_html`` (a fragment such as
    ``<article><h1>...`` is HTML). What is given here wins over what extraction
    guesses, and the article's warnings record it as given: ``url`` (also gives
    the article id and, by default, the site), ``title``, ``published`` (a date
    or time, e.g. "2023-06-22T20:22"), ``site`` (the outlet) and ``byline``.
    Raises ``newsgraph.errors.NewsgraphError`` (e.g. ExtractionError when the input holds no article).
    """
    from newsgraph.analyze.pipeline import default_analyzer
    from newsgraph.model import RawDocument
    from newsgraph.process import first, process

    content = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
    given = {k: v for k, v in (("url", url), ("title", title), ("published", published), ("site", site),
                               ("byline", byline)) if v}
    # no content type: extraction sniffs HTML or text itself (is_html), and the charset (decode)
    doc = RawDocument(content=content, source=url or "<text>", url=url, given=given)
    return first(process(documents=[doc], analyzer=default_analyzer())).analysis


__all__ = ["analyze", "read", "__version__"]
