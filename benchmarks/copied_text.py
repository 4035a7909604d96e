"""Copied-text versions of benchmark pages, as a browser copy gives them, and the two readers run on them.

``copies_lxml``: the page's visible text with block elements as line breaks (paragraphs and headings as
blank lines), scripts, styles and hidden elements left out, furniture included.  ``copies_chromium``: the
loaded page's ``document.body.innerText`` in Chromium (JavaScript off, no network), which is what
select-all and copy gives.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
_SKIP = {"script", "style", "noscript", "template", "head", "iframe", "svg", "select", "button"}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "table", "ul", "ol", "article",
              "section", "header", "footer", "nav", "aside", "main"}
_BLOCK = _PARAGRAPH | {"div", "li", "br", "tr", "dt", "dd", "figcaption", "pre", "address", "hr", "td", "th"}


def copy_lxml(page: bytes) -> str:
    """Return the page's visible text, one block element a line, paragraphs separated by a blank line."""
    import lxml.etree
    import lxml.html

    from newsgraph.errors import NewsgraphError
    from newsgraph.extract.decode import decode

    try:  # decoded as a browser would: the declared charset, else detection
        text = decode(page, "text/html", "page").text
        text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
        root = lxml.html.document_fromstring(text)
    except (NewsgraphError, ValueError, lxml.etree.ParserError):
        return ""
    parts: list[str] = []

    def walk(element) -> None:  # noqa: ANN001 - an lxml element
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP or element.get("hidden") is not None or "display:none" in (element.get("style") or "").replace(" ", ""):
            if element.tail:
                parts.append(element.tail)
            return
        brk = "\n\n" if tag in _PARAGRAPH else "\n" if tag in _BLOCK else ""
        parts.append(brk)
        if element.text and tag:
            parts.append(element.text)
        for child in element:
            walk(child)
        parts.append(brk)
        if element.tail:
            parts.append(element.tail)

    body = root.find(".//body")
    walk(body if body is not None and len(body.text_content().strip()) > 0 else root)
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:  # collapse runs of blank lines to one
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def copies_chromium(pages: list[bytes]) -> list[str]:
    """Return ``document.body.innerText`` of each page loaded in Chromium (no scripts, no network)."""
    from playwright.sync_api import sync_playwright

    texts = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        context.route("**/*", lambda route: route.abort())
        page = context.new_page()
        for raw in pages:
            try:
                page.set_content(raw.decode("utf-8", "replace"), wait_until="domcontentloaded", timeout=20000)
                texts.append(page.evaluate("() => document.body ? document.body.innerText : ''"))
            except Exception:  # noqa: BLE001 - a page Chromium cannot load counts as an empty copy
                texts.append("")
        browser.close()
    return texts


def newsgraph_text_reader() -> Callable[[str, str], str]:
    """Return a function: copied text -> newsgraph's article body ("" when it finds none)."""
    from newsgraph.errors import ExtractionError
    from newsgraph.extract import extract_article
    from newsgraph.model import RawDocument

    def run(text: str, url: str) -> str:
        try:
            doc = RawDocument(content=text.encode("utf-8"), source=url, content_type="text/plain")
            return extract_article(doc).body
        except ExtractionError:
            return ""

    return run


def trafilatura_text_reader(**options: object) -> Callable[[str, str], str]:
    """Return a function: copied text -> trafilatura's body, the text given to it as one <p> a line
    (trafilatura reads HTML; this is the page it would see of a copy)."""
    import trafilatura

    def run(text: str, url: str) -> str:
        paragraphs = "".join(f"<p>{html_lib.escape(line)}</p>" for line in text.split("\n") if line.strip())
        return trafilatura.extract(f"<html><body>{paragraphs}</body></html>", **options) or ""

    return run


_WORD = re.compile(r"\w+")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,60}$")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_META_DATE = ('//meta[@property="article:published_time" or @name="article:published_time"'
              ' or @itemprop="datePublished" or @name="parsely-pub-date" or @name="pubdate"]/@content'
              ' | //*[@itemprop="datePublished"]/@datetime')


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def page_metadata(page: bytes) -> tuple[set[tuple[str, ...]], str | None]:
    """Return the headline a page declares (as word tuples: og:title, it without a " | Site" suffix, and the
    <h1>s that share most of its words) and its declared publication day ("YYYY-MM-DD" from
    article:published_time, itemprop datePublished or JSON-LD; None when it declares none).

    The page's own metadata, not a human gold: the ScrapingHub truth states only body and url."""
    import lxml.etree
    import lxml.html

    from newsgraph.errors import NewsgraphError
    from newsgraph.extract.decode import decode

    try:  # decoded as the copy was
        text = re.sub(r"^\s*<\?xml[^>]*>", "", decode(page, "text/html", "page").text)
        root = lxml.html.document_fromstring(text)
    except (NewsgraphError, ValueError, lxml.etree.ParserError):
        return set(), None
    og = [t.strip() for t in root.xpath('//meta[@property="og:title"]/@content') if t.strip()]
    h1 = [" ".join(e.text_content().split()) for e in root.xpath("//h1")]
    titles = set()
    for t in og[:1]:
        titles |= {_tokens(t), _tokens(_SITE_SUFFIX.sub("", t))}
    og_words = set(_tokens(og[0])) if og else set()
    for t in h1:
        words = _tokens(t)
        if words and (not og or len(set(words) & og_words) >= 0.5 * len(set(words))):
            titles.add(words)
    dates = [*root.xpath(_META_DATE), *_LD_DATE.findall(text)]
    day = next((m.group(0) for d in dates if (m := _ISO_DAY.match(d.strip()))), None)
    return {t for t in titles if t}, day


def shows_day(copy: str, day: str) -> bool:
    """Return True when the copy prints the date ``day`` on a line of its own size (a dateline)."""
    from newsgraph.extract.dates import find_printed_date

    for line in copy.split("\n"):
        if len(line) <= 200 and day in line:
            return True
        if len(line) <= 200 and (found := find_printed_date(line)) and found[0][:10] == day:
            return True
    return False


def metadata_scores(pages: list[bytes], copies: list[str], urls: list[str]) -> dict[str, tuple[int, int]]:
    """Return {"title": (right, pages with a declared headline), "date": (right, pages whose copy prints the
    declared day)} for newsgraph's copied-text reader."""
    from newsgraph.errors import ExtractionError
    from newsgraph.extract import extract_article
    from newsgraph.model import RawDocument

    title, date = [0, 0], [0, 0]
    for page, copy, url in zip(pages, copies, urls):
        titles, day = page_metadata(page)
        try:
            article = extract_article(RawDocument(content=copy.encode("utf-8"), source=url, content_type="text/plain"))
        except ExtractionError:
            article = None
        if titles:
            title[1] += 1
            title[0] += bool(article and article.title and _tokens(article.title) in titles)
        if day and shows_day(copy, day):
            date[1] += 1
            date[0] += bool(article and article.published and article.published[:10] == day)
    return {"title": (title[0], title[1]), "date": (date[0], date[1])}
