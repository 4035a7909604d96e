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
