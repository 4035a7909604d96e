"""Copied-text versions of benchmark pages, as a browser copy gives them, and the two readers run on them.

``copies_lxml``: the page's visible text with block elements as line breaks (paragraphs and headings as
blank lines), scripts, styles and hidden elements left out, furniture included.  ``copies_chromium``: the
loaded page's ``document.body.innerText`` in Chromium (JavaScript off, no network), which is what
select-all and copy gives.
"""

from __future__ import annotations

import datetime as dt
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
_DECLARED = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_TWEET_SIGNATURE = re.compile(r"^\s*[—–-].{0,80}\(@\w+\)")
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
    declared = next((d.strip() for d in dates if _ISO_DAY.match(d.strip())), None)
    return {t for t in titles if t}, declared


def _month_names(month: int) -> list[str]:
    """Return the names and abbreviations of ``month`` in every language dateparser knows (its locale data,
    not newsgraph's date finder: the denominator must not depend on the reader it scores)."""
    from dateparser.languages.loader import default_loader

    key = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")[month - 1]
    names = set()
    for locale in default_loader.get_locales():
        names |= {n.strip(".").casefold() for n in locale.info.get(key, []) if len(n.strip(".")) >= 3}
    return sorted(names, key=len, reverse=True)


def day_forms(day: dt.date) -> re.Pattern[str]:
    """Return a pattern for ``day`` printed in the common forms: numeric year-first, day-first or month-first
    with - / . separators, "19 November 2019", "Nov. 19, 2019", "19 ноября 2019", "2019年11月19日"."""
    y, m, d = day.year, day.month, day.day
    num_m, num_d = rf"0?{m}", rf"0?{d}"
    months = "|".join(re.escape(n) for n in _month_names(m))
    ordinal = r"(?:st|nd|rd|th|er|\.)?"
    forms = [
        rf"{y}\s*[-/.]\s*{num_m}\s*[-/.]\s*{num_d}(?!\d)",
        rf"(?<!\d){num_d}\s*[-/.]\s*{num_m}\s*[-/.]\s*{y}",
        rf"(?<!\d){num_m}\s*[-/.]\s*{num_d}\s*[-/.]\s*{y}",
        rf"(?<!\d){num_d}{ordinal}\s+(?:de\s+)?(?:{months})\.?,?\s+(?:de\s+)?{y}",
        rf"(?<!\w)(?:{months})\.?\s+{num_d}{ordinal},?\s+{y}",
        rf"{y}\s*年\s*{num_m}\s*月\s*{num_d}\s*日",
    ]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.I)


def instant(value: str) -> dt.datetime | None:
    """Return the time an ISO 8601 string states (aware when it states an offset), None when it states only a
    day or is not one."""
    m = _DECLARED.match(value.strip())
    if not m or m.group(4) is None:
        return None
    y, mo, d, h, mi, sec, zone = m.groups()
    tz = None
    if zone:
        zone = "+0000" if zone == "Z" else zone.replace(":", "")
        sign = -1 if zone[0] == "-" else 1
        tz = dt.timezone(sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])))
    try:
        return dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0), tzinfo=tz)
    except ValueError:
        return None


def local_days(declared: str) -> set[dt.date]:
    """Return the days the declared publication time can be on the page's own calendar: its own day when it
    states no offset; with an offset, its day in every zone from UTC-12 to UTC+14 (a page may declare UTC and
    print local time)."""
    value = instant(declared)
    try:
        if value is None or value.tzinfo is None:
            return {dt.date.fromisoformat(declared.strip()[:10])}
        utc = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return {(utc + dt.timedelta(hours=h)).date() for h in range(-12, 15)}
    except (ValueError, OverflowError):  # "0001-01-01T00:00:00Z", as some CMSs declare an unset date
        return set()


def shows_day(copy: str, days: set[dt.date]) -> bool:
    """Return True when a line of dateline size (<= 200 characters) of the copy prints one of ``days`` with
    its year, in any common form (``day_forms``); an embedded tweet's signature line ("— Jane Roe (@jroe)
    November 18, 2019") dates the tweet, not the page."""
    patterns = [day_forms(day) for day in days]
    return any(
        len(line) <= 200 and not _TWEET_SIGNATURE.match(line) and any(p.search(line) for p in patterns)
        for line in copy.split("\n")
    )


def date_right(found: str | None, declared: str, days: set[dt.date]) -> bool:
    """Return True when newsgraph's date ``found`` is the declared publication day: the same instant's day when
    both state an offset, else one of the page-local ``days``."""
    if not found or len(found) < 10:
        return False
    value, declared_value = instant(found), instant(declared)
    try:
        if value is not None and value.tzinfo is not None and declared_value is not None and declared_value.tzinfo:
            return declared_value.astimezone(value.tzinfo).date() == value.date()
        return dt.date.fromisoformat(found[:10]) in days
    except (ValueError, OverflowError):
        return False


def shown_titles(titles: set[tuple[str, ...]], copy: str) -> set[tuple[str, ...]]:
    """Return the declared headlines that the copy shows as a line of its own (og:title is sometimes a
    headline for social media the page never prints: then no reader of the copy can give it)."""
    lines = {_tokens(line) for line in copy.split("\n")}
    return {t for t in titles if t in lines}


def metadata_scores(pages: list[bytes], copies: list[str], urls: list[str]) -> dict[str, tuple[int, int]]:
    """Return {"title": (right, pages whose copy shows a declared headline as a line), "date": (right, pages
    whose copy prints the declared day with its year), "title_not_shown": (pages declaring a headline the copy
    never shows, 0), "date_not_shown": (pages declaring a day the copy does not print, 0)} for newsgraph's
    copied-text reader."""
    from newsgraph.errors import ExtractionError
    from newsgraph.extract import extract_article
    from newsgraph.model import RawDocument

    title, date, title_hidden, date_hidden = [0, 0], [0, 0], 0, 0
    for page, copy, url in zip(pages, copies, urls):
        titles, declared = page_metadata(page)
        try:
            article = extract_article(RawDocument(content=copy.encode("utf-8"), source=url, content_type="text/plain"))
        except ExtractionError:
            article = None
        if titles and (shown := shown_titles(titles, copy)):
            title[1] += 1
            title[0] += bool(article and article.title and _tokens(article.title) in titles | shown)
        elif titles:
            title_hidden += 1
        if declared and shows_day(copy, days := local_days(declared)):
            date[1] += 1
            date[0] += bool(article and date_right(article.published, declared, days))
        elif declared:
            date_hidden += 1
    return {"title": (title[0], title[1]), "date": (date[0], date[1]), "title_not_shown": (title_hidden, 0),
            "date_not_shown": (date_hidden, 0)}
