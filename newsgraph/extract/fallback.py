"""When trafilatura finds no article: repair the markup, try again, then a plainer extractor; and tables of
figures, which are not body text."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newsgraph.model import Furniture

#: The document's start up to and including a broken or self-closed <html ...> start tag (an unclosed
#: quote, "<html/>", a tag cut short): it is replaced by a plain "<html>" and the parser rebuilds the rest.
_HTML_START_TAG = re.compile(r"^(?P<lead>\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>\s*)?(?:<!--.*?-->\s*)*)<html\b[^<]*",
                             re.I | re.S)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CELL_NUMBER = re.compile(r"^[\s(]*[-+±~≈]?[$€£¥]?\s*\d[\d,.\s]*(?:%|[kKmMbB]n?)?[\s)]*$|^[-–—]$|^n/?a$", re.I)
#: A table whose cells are at least this share of numbers is a table of figures.
MIN_NUMBER_SHARE = 0.4
MIN_ROWS = 2
#: Below this many words of prose outside tables, a page's table is its content.
MIN_PROSE_WORDS = 150


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def word_count(text: str) -> int:
    """Return the length of ``text`` in words, a CJK character counting half a word (no spaces there)."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def repaired_tree(html: str) -> HtmlElement | None:
    """Return the page parsed again after mending its <html> start tag, by lxml's forgiving parser
    (None when even that finds no element)."""
    import lxml.etree
    import lxml.html

    html = _NOT_XML.sub("", html)  # lxml refuses control characters in text it is handed later
    mended = _HTML_START_TAG.sub(lambda m: m.group("lead") + "<html>", html[:200_000], count=1) + html[200_000:]
    if mended == html and not re.match(r"\s*<", html):
        mended = f"<html><body>{html}</body></html>"  # a fragment or text with tags in it
    try:
        tree = lxml.html.document_fromstring(mended, parser=lxml.html.HTMLParser(recover=True, remove_comments=True))
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return None
    return tree if len(tree) else None


def fallback_text(html: str, url: str | None, options: dict[str, object],
                  need: int) -> tuple[object | None, str, str, HtmlElement | None]:
    """Return (trafilatura result or None, text, how it was found, tree) from the first fallback giving at
    least ``need`` words: trafilatura favouring recall on the page, then on the repaired markup with the
    usual settings and favouring recall, then trafilatura's baseline (the page's paragraph text)."""
    from copy import deepcopy

    from trafilatura import bare_extraction, baseline
    from trafilatura.utils import load_html

    recall = {"favor_precision": False, "favor_recall": True}
    original = load_html(html)
    repaired = repaired_tree(html)
    attempts = [("recall-oriented extraction", original, recall), ("repaired markup", repaired, {}),
                ("repaired markup, recall-oriented", repaired, recall)]
    for label, tree, extra in attempts:
        if tree is None:
            continue
        result = bare_extraction(deepcopy(tree), url=url, with_metadata=True, **{**options, **extra})
        text = getattr(result, "text", None) if result is not None else None
        if text and word_count(text) >= need:
            return result, text, label, tree
    for tree in (repaired, original):
        if tree is not None:
            try:
                _body, text, _length = baseline(deepcopy(tree))
            except ValueError:  # lxml refusing a string trafilatura builds from odd markup: no fallback text
                continue
            if text and word_count(text) >= need:
                return None, text, "baseline text pass", tree
    return None, "", "", None


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|") if c.strip()]


def drop_figure_tables(paragraphs: list[str]) -> tuple[list[str], list[Furniture]]:
    """Return the paragraphs without tables of figures (trafilatura's "| a | b |" rows, mostly numbers),
    and the rows removed: a table of case counts or results is data, not the article's prose.  On a page
    with little prose besides (a results or standings page), the table is the content and stays."""
    prose = sum(len(p.split()) for p in paragraphs if not p.lstrip().startswith("|"))
    if prose < MIN_PROSE_WORDS:
        return paragraphs, []
    kept: list[str] = []
    removed: list[Furniture] = []
    index = 0
    while index < len(paragraphs):
        end = index
        while end < len(paragraphs) and paragraphs[end].lstrip().startswith("|"):
            end += 1
        if end - index >= MIN_ROWS:
            cells = [c for row in paragraphs[index:end] for c in _cells(row)]
            numbers = sum(1 for c in cells if _CELL_NUMBER.match(c))
            if cells and numbers / len(cells) >= MIN_NUMBER_SHARE:
                removed.extend(Furniture(text=row.strip()[:500], reason="table") for row in paragraphs[index:end])
                index = end
                continue
        if end > index:
            kept.extend(paragraphs[index:end])
            index = end
        else:
            kept.append(paragraphs[index])
            index += 1
    return kept, removed
