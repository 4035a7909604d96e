"""RawDocument -> Article: the body without page furniture, plus its metadata.

``extract_article`` refuses what holds no article (``NotTextError``,
``EmptyDocumentError``, ``DocumentTooLargeError``) and flags an Article
``low_confidence`` with warnings where the extraction is unsure.
"""

from __future__ import annotations

import ctypes
import logging
import re
from urllib.parse import urlsplit

from newsgraph.errors import DocumentTooLargeError, EmptyDocumentError
from newsgraph.extract.dates import parse_feed_date
from newsgraph.extract.decode import decode, sniff_binary
from newsgraph.extract.draft import Draft
from newsgraph.extract.ids import article_id
from newsgraph.extract.language import detect_language
from newsgraph.extract.outlets import outlets
from newsgraph.model import Article, RawDocument
from newsgraph.settings import MAX_INPUT_BYTES

__all__ = ["extract_article", "is_html", "MAX_BYTES", "MIN_WORDS"]

# These libraries log their misgivings about odd pages; newsgraph reports each input in one line
# of its own, so without a handler configured by the application their records go nowhere
# (instead of Python's last-resort printing to stderr).
for _name in ("trafilatura", "htmldate", "charset_normalizer", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

MAX_BYTES = MAX_INPUT_BYTES
#: A body shorter than this is flagged low-confidence: it may be a teaser, an index page, an error page.
MIN_WORDS = 50
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
#: Control characters (C0 but tab and newline, DEL, C1): never part of an article, and unsafe on a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TAG = re.compile(r"<(?:p|div|br|span|a|article|section|title|meta|h[1-6]|script|table|li)\b[^>]*>", re.I)


def is_html(text: str, content_type: str | None) -> bool:
    """Return True when the document is HTML: by content type (unless it holds no tag at all),
    else by its first element or its tags."""
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype == "text/plain":
        return False
    head = text[:4096].lstrip("\ufeff")
    if ctype in _HTML_TYPES:
        return "<" in head  # a "page" without a single tag is text saved under an .html name
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 3


def extract_article(doc: RawDocument, *, max_bytes: int = MAX_BYTES) -> Article:
    """Return the Article in ``doc`` (HTML page or copied text, told apart by content type and sniffing).

    Raises NotTextError (binary, image), EmptyDocumentError (nothing, or no
    article text), DocumentTooLargeError (over ``max_bytes``).
    """
    from newsgraph.extract.html import extract_html
    from newsgraph.extract.text import extract_text

    if len(doc.content) > max_bytes:
        raise DocumentTooLargeError(
            f"document is {len(doc.content):,} bytes, over the {max_bytes:,}-byte cap", source=doc.source
        )
    if not doc.content.strip():
        raise EmptyDocumentError("empty document", source=doc.source)
    sniff_binary(doc.content, doc.content_type, doc.source)
    decoded = decode(doc.content, doc.content_type, doc.source)
    if not decoded.text.strip():
        raise EmptyDocumentError("empty document", source=doc.source)
    if is_html(decoded.text, doc.content_type):
        draft = extract_html(decoded.text, url=doc.url, source=doc.source)
        if len(doc.content) > _RELEASE_BYTES:
            _release_freed_heap()
    else:
        draft = extract_text(decoded.text, fetched_at=doc.fetched_at, url=doc.url)
    draft.warnings[:0] = decoded.warnings
    if decoded.damaged or decoded.guessed:
        draft.low_confidence = True
    return _article(draft, doc)


#: Pages larger than this hand the memory of their parse back to the system once extracted.
_RELEASE_BYTES = 1_000_000


def _release_freed_heap() -> None:
    """Return freed heap memory to the system where the C library can (glibc's ``malloc_trim``).

    lxml and trafilatura parse a 20 MB page into trees of some 700 MB; once freed, that memory stays
    in the process's heap in fragments (a web server or batch worker kept 538 MB after one such page,
    291 MB with the trim). No library wraps the call, hence ctypes; elsewhere a no-op."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows): nothing to hand back this way
        pass


def _clean(text: str | None) -> str | None:
    """Return ``text`` without control characters (an escape sequence in a page must not reach a terminal)."""
    return _CONTROL.sub("", text).strip() if text is not None else None


def _article(draft: Draft, doc: RawDocument) -> Article:
    """Assemble the Article: hints fill gaps, then id, site, language and confidence."""
    body = "\n\n".join(p for p in (_clean(p) for p in draft.paragraphs) if p)
    if not body.strip():
        raise EmptyDocumentError("no article text found", source=doc.source)
    hints = doc.hints
    if draft.title is None and hints.get("title"):
        draft.title = hints["title"]
    if draft.published is None and hints.get("date") and (parsed := parse_feed_date(hints["date"])):
        draft.published, draft.published_precision = parsed
    if draft.byline is None and hints.get("author"):
        draft.byline = hints["author"]
    url = draft.url or doc.url
    site = draft.site
    if site is None and url:
        host = urlsplit(url).hostname or ""
        known = outlets().from_host(host)
        site = known.name if known else host.removeprefix("www.") or None
    words = len(body.split())
    if words < MIN_WORDS:
        draft.low_confidence = True
        draft.warnings.append(f"very short body ({words} words): the page may hold no article")
    return Article(
        id=article_id(url, body),
        source=doc.source,
        url=url,
        site=site,
        title=_clean(draft.title),
        published=draft.published,
        published_precision=draft.published_precision,
        byline=_clean(draft.byline),
        language=draft.language or detect_language(body),
        body=body,
        related=[r.model_copy(update={"title": _clean(r.title)}) for r in draft.related],
        furniture=[f.model_copy(update={"text": _clean(f.text)}) for f in draft.furniture],
        fetched_at=doc.fetched_at,
        extractor=draft.extractor,
        low_confidence=draft.low_confidence,
        warnings=draft.warnings,
    )
