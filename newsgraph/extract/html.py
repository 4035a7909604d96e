"""HTML pages: trafilatura (with htmldate) for body and metadata, then newsgraph's furniture pass."""

from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newsgraph.errors import EmptyDocumentError
from newsgraph.extract.dates import looks_iso, parse_iso
from newsgraph.extract.draft import Draft
from newsgraph.extract.fallback import drop_figure_tables, fallback_text, word_count
from newsgraph.extract.furniture import strip_furniture, strip_header
from newsgraph.extract.language import detect_language
from newsgraph.extract.text import take_byline_prefix
from newsgraph.model import Precision

#: Trafilatura settings, chosen by measuring on the ScrapingHub set (benchmarks/extraction.py, 181 pages).
#: F1 of newsgraph with: favor_precision, no comments 0.971; same + fast 0.958 (recall drops);
#: default precision/recall balance, no comments 0.961; favor_precision without tables 0.962.
TRAFILATURA_OPTIONS: dict[str, object] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
}
MAX_ANCHORS = 5000
#: Pages longer than this (characters) skip trafilatura's comparison with readability and jusText
#: (``fast``): on a 19.9 MB page it copied the tree again for the same text (peak 713 -> 607 MB, 31 -> 20 s).
FAST_CHARS = 5_000_000
#: Fewer words than this is page chrome (a menu, a login form), not an article.
MIN_WORDS = 10
#: Fewer words than this from the main extractor, and the fallbacks are tried (and kept if they give twice as many).
FALLBACK_WORDS = 50
#: Meta tags that state a publication time (htmldate gives the day; these can tell the time).
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
#: Stands for trafilatura's metadata when only the baseline pass found text.
_NO_METADATA = SimpleNamespace(sitename=None, hostname=None, title=None, url=None, author=None, date=None)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def anchor_map(tree: HtmlElement, base: str | None) -> dict[str, str]:
    """Return {normalised link text: absolute URL} for the page's links (first link wins)."""
    links: dict[str, str] = {}
    for anchor in tree.iterfind(".//a[@href]"):
        if len(links) >= MAX_ANCHORS:
            break
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        text = _norm(anchor.text_content())
        if text and text not in links:
            links[text] = urljoin(base, href) if base else href
    return links


def time_candidates(tree: HtmlElement) -> list[str]:
    """Return the machine-readable publication dates the page states, most authoritative first."""
    found: list[str] = []
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META:
            found.append(meta.get("content", ""))
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        found.extend(_JSONLD_DATE.findall(script.text or ""))
    for time_el in tree.iterfind(".//time[@datetime]"):
        found.append(time_el.get("datetime", ""))
        break
    return found


def published_with_precision(
    day: str | None, candidates: list[str], warnings: list[str] | None = None
) -> tuple[str | None, Precision | None]:
    """Return the publication date: htmldate's day, refined to the time a meta tag
    states for that same day (never a time invented by padding).

    A machine date in the markup that is no real date or time ("2023-06-22T25:00",
    "2023-02-30") is dropped, said in ``warnings``; htmldate's day is dropped too
    when only such a date stands behind it (htmldate keeps the valid part of it).
    """
    parsed = [p for p in (parse_iso(c) for c in candidates) if p]
    invalid = [c.strip()[:40] for c in candidates if looks_iso(c) and parse_iso(c) is None]
    if warnings is not None:
        warnings.extend(f"invalid date in the markup dropped: {c!r}" for c in dict.fromkeys(invalid))
    if day and invalid and not any(value.startswith(day) for value, _ in parsed):
        if any(c.startswith(day[:7]) for c in invalid):
            return None, None
    if day:
        for value, precision in parsed:
            if value.startswith(day) and precision in ("minute", "second"):
                return value, precision
        return day, "day"
    return parsed[0] if parsed else (None, None)


def _canonical(page_url: str | None, declared: str | None) -> str | None:
    """Return the page's canonical URL, unless it is a bare home page (a common template mistake)."""
    if declared and declared.startswith(("http://", "https://")):
        if urlsplit(declared).path.strip("/") or not page_url or not urlsplit(page_url).path.strip("/"):
            return declared
    return page_url


def clean_title(title: str | None, site: str | None) -> str | None:
    """Return the title without a trailing " - Site" / " | Site" that repeats the site name."""
    if not title:
        return None
    if site:
        for sep in (" - ", " | ", " – ", " — ", " :: "):
            suffix = f"{sep}{site}"
            if title.lower().endswith(suffix.lower()) and len(title) > len(suffix):
                return title[: -len(suffix)].strip()
    return title.strip()


def _main_text(html: str, url: str | None, source: str) -> tuple[HtmlElement, object, list[str], list[str]]:
    """Return (tree, trafilatura result, paragraphs, warnings): trafilatura on the page, and when it finds
    nothing or too little, the fallbacks of ``newsgraph.extract.fallback`` on the repaired markup."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(html)
    result = None
    if tree is not None:
        options = {**TRAFILATURA_OPTIONS, "fast": True} if len(html) > FAST_CHARS else TRAFILATURA_OPTIONS
        result = bare_extraction(tree, url=url, with_metadata=True, **options)
    text = (getattr(result, "text", None) if result is not None else None) or ""
    warnings: list[str] = []
    words = word_count(text)
    if words < FALLBACK_WORDS:
        found, fallback, how, fallback_tree = fallback_text(html, url, TRAFILATURA_OPTIONS, max(MIN_WORDS, 2 * words))
        if fallback_tree is not None:
            warnings.append(f"the main extractor found {'no' if words < MIN_WORDS else 'too little'} article"
                            f" text: text from {how}")
            tree, text = fallback_tree, fallback
            result = found if found is not None else result
    if tree is None:
        raise EmptyDocumentError("no HTML content could be parsed", source=source)
    if not text.strip():
        raise EmptyDocumentError("no article text found in the page", source=source)
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    words = sum(len(p.split()) for p in paragraphs)
    if words < MIN_WORDS:
        raise EmptyDocumentError(f"no article text found in the page (only {words} words of text)", source=source)
    return tree, result, paragraphs, warnings


def extract_html(html: str, *, url: str | None, source: str) -> Draft:
    """Return the parts of an article given as an HTML page; raise EmptyDocumentError when it holds none."""
    tree, result, paragraphs, warnings = _main_text(html, url, source)
    candidates = time_candidates(tree)
    paragraphs, tables = drop_figure_tables(paragraphs)
    if result is None:  # the baseline pass gives text only
        result = _NO_METADATA
    site = result.sitename or result.hostname or None
    title = clean_title(result.title, site)
    page_url = _canonical(url, result.url)
    links: dict[str, str] | None = None

    def link_for(text: str) -> str | None:
        nonlocal links
        if links is None:  # built only for pages that have related links
            links = anchor_map(tree, page_url)
        return links.get(_norm(text))

    # Identified on the extracted text (a page's declared lang is often missing or a template default).
    language = detect_language("\n\n".join(paragraphs))
    paragraphs, header = strip_header(paragraphs, title, (language, "en") if language and language != "en" else ("en",))
    cleaned = strip_furniture(paragraphs, link_for)
    byline, removed = take_byline_prefix(cleaned.paragraphs, result.author or None)
    if removed:
        header.append(removed)
    published, precision = published_with_precision(result.date, candidates, warnings)
    return Draft(
        extractor="html",
        paragraphs=cleaned.paragraphs,
        title=title,
        published=published,
        published_precision=precision,
        byline=byline,
        url=page_url,
        site=site,
        language=language,
        furniture=header + cleaned.furniture + tables,
        related=cleaned.related,
        warnings=warnings,
        low_confidence=bool(warnings and result is _NO_METADATA),
    )
