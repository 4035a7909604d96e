"""analyze: Article -> Analysis (actors, statements, events, dates, framing).

``analyze(text_or_html, url=None)`` is the one-call API; ``Analyzer`` is the
reusable pipeline for many articles.
"""

from __future__ import annotations

from newsgraph.model import Analysis, RawDocument


def analyze(text_or_html: str | bytes, url: str | None = None) -> Analysis:
    """Extract and analyse one article given as HTML or as text copied from a page.

    Returns the Analysis; raises ``newsgraph.errors.ExtractionError`` when the
    input holds no article.
    """
    from newsgraph.analyze.pipeline import default_analyzer
    from newsgraph.extract import extract_article

    content = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
    # no content type: extraction tells HTML from text itself (``extract.is_html``: an
    # ``<article><h1>...`` fragment is HTML) and reads the charset
    doc = RawDocument(content=content, source=url or "<text>", url=url)
    return default_analyzer().analyze_article(extract_article(doc))


def __getattr__(name: str):
    # Analyzer pulls in spaCy: import it only when asked for.
    if name in ("Analyzer", "default_analyzer", "load_model"):
        from newsgraph.analyze import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = ["Analyzer", "analyze", "default_analyzer", "load_model"]
