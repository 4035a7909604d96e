"""Page furniture that extractors keep: share lines, comment forms, newsletter prompts, "Read more:" links.

Hand-written because no library does this last step: trafilatura removes most
boilerplate by page structure, but lines like these often sit inside the
article's own container (and in copied text there is no structure at all).
Only short paragraphs are tested, so article prose is never taken for furniture.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.extract.dates import parse_dateline
from newsgraph.model import Furniture, RelatedLink

#: Longest paragraph that can be furniture (a "Read more:" line with a long title fits).
MAX_FURNITURE_CHARS = 250

_SOCIAL = r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|e-mail|print|messenger|copy link|vk|tumblr)"
#: A wire's credit line: roles ("Reporting by", "additional reporting by", "Editing by") and the names after them.
_CREDIT_ROLE = r"(?i:(?:additional )?(?:reporting|writing|editing|compiled|produced|photos?))"
_NAMES = r"[A-Z][\w.’'-]*(?:(?:\s+|\s*,\s*|\s+(?:and|in|from|de|van|von|al|bin)\s+|\s*&\s*)[A-Z][\w.’'-]*)*"
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("share-buttons", re.compile(
        rf"^(?:share|share (?:it|this|this (?:article|story|post|page)|on {_SOCIAL})|tweet|print|email)\s*:?\s*$", re.I)),
    ("share-buttons", re.compile(rf"^(?:(?:share|{_SOCIAL})[\s,|·•/]*){{2,}}$", re.I)),
    ("share-buttons", re.compile(r"^(?:like this (?:story|article)\?\s*)?share (?:it|this|this (?:story|article)) with\b.{0,40}$", re.I)),
    ("comment-form", re.compile(r"^(?:tell us what you think|what do you think|have your say)\W*$", re.I)),
    ("tags", re.compile(r"^(?:tags?|tagged(?: with)?|topics|filed under)\s*:\s*\S.{0,200}$", re.I)),
    ("comment-form", re.compile(
        r"^(?:leave a (?:reply|comment)|post a comment|add a comment|join the discussion|(?:post|submit) comment"
        r"|cancel reply|(?:\d+\s+)?(?:comments?|responses?)(?: so far)?)\W*$", re.I)),
    ("comment-form", re.compile(r"^your email address will not be published", re.I)),
    ("comment-form", re.compile(r"^required fields are marked", re.I)),
    ("comment-form", re.compile(r"^save my name,? email", re.I)),
    ("comment-form", re.compile(r"^you must be (?:logged in|registered) to (?:post|leave) a comment", re.I)),
    ("newsletter", re.compile(
        r"^(?:sign up|subscribe|register|get)\b.{0,120}\b(?:newsletters?|briefing|in your inbox|to your inbox)\b", re.I)),
    ("newsletter", re.compile(r"\b(?:sign up|subscribe)\b.{0,80}\bnewsletter", re.I)),
    ("social-follow", re.compile(
        rf"^follow (?:us|[\w .]{{1,40}}) on (?:{_SOCIAL}|instagram|youtube|google news)\b.{{0,60}}$", re.I)),
    ("read-more", re.compile(r"^(?:read more|continue reading(?: below)?|read the full (?:story|article))\W*$", re.I)),
    ("image-credit", re.compile(r"^(?:main |top |header )?(?:image|photo|picture|pictures|photos)(?: credits?)?\s*:\s*\S.{0,80}$", re.I)),
    ("dateline", re.compile(
        r"^(?:last )?updated(?: at| on|:)?\s+(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|[a-z]+\.? \d{1,2},? \d{4}"
        r"|\d{1,2} [a-z]+ \d{4})\b.{0,30}$", re.I)),
    # Without the year: "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", "Posted: 18 Nov, 20:19".
    ("dateline", re.compile(
        r"^(?:last )?(?:updated|posted|published)(?: at| on)?\s*:?\s*(?:[a-z]{3,9}\.? \d{1,2}|\d{1,2} [a-z]{3,9}\.?),? "
        r"(?:at )?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?(?:\s*[;|·•]\s*.{0,50})?$", re.I)),
    ("copyright", re.compile(r"^(?:copyright\b|©).{0,150}$", re.I)),
    ("copyright", re.compile(r"^this (?:copy|article|material) is for your personal,? non-?commercial use", re.I)),
    ("navigation", re.compile(
        r"^(?:skip to (?:main |primary )?(?:content|navigation|menu|search|footer)|jump to (?:main )?content"
        r"|(?:main |open |close )?menu|search|home|sign in|log ?in|sign up|my account|toggle navigation"
        r"|advertisement|advert|sponsored|listen(?: to (?:this|the) (?:article|story))?|print|font size|text size"
        r"|(?:a[+-]?\s*){2,}|(?:t\s+){1,3}t|back to top|go to top|watch live|live tv)\W*$", re.I)),
    # A breadcrumb, also one a copy ends with its separator ("Home » Column »", the page's own name left out).
    ("navigation", re.compile(r"^(?:[\w'&.-]+(?:\s[\w'&.-]+){0,2}\s*(?:[›»>|/•·]\s*)){2,}(?:[\w'&.-]+(?:\s[\w'&.-]+){0,2})?$")),
    ("navigation", re.compile(r"^(?:(?:news|journalist|reporter|author|story|article) id\s*:\s*[\w-]+\s*)+$", re.I)),
    ("navigation", re.compile(r"^(?:\d+\s+)?(?:min(?:ute)?s?|mins) read$", re.I)),
    ("image-credit", re.compile(r"^(?:file photo|photo(?:graph)?|image|picture|video|caption|credit)s?\s*(?:[:/|]|by\b)", re.I)),
    ("image-credit", re.compile(
        r"\b(?:REUTERS|AFP|AP Photo|Getty Images|EPA(?:-EFE)?|Anadolu(?: Agency)?|Xinhua|IRNA|TASS|Sputnik|Shutterstock)"
        r"\s*/\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}\W*(?:\(\w[\w\s/.-]{0,40}\))?\s*$")),
    ("image-credit", re.compile(
        r"\((?:[A-Z][\w.&-]*\s+){0,3}(?:file )?(?:photo|image|picture)s?(?: credits?)?(?:\s*(?:by|:|/)\s*[^)]{0,60})?\)\s*$",
        re.I)),
    # A caption's closing credit as photographer / agency: "...Austria.Leonhard Foeger / Reuters file".
    ("image-credit", re.compile(
        r"\b[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*/\s*(?:AP|Reuters|AFP|Getty Images|EPA(?:-EFE)?|Bloomberg"
        r"|Shutterstock|The [A-Z][\w ]{2,30})(?:\s+(?:file|via Getty Images|Images))?\s*$")),
    # The NYT's caption credit glued to the caption: "...He didn’t get it.Credit" / "...it.Credit...Doug Mills".
    ("image-credit", re.compile(r"(?<=[a-z.!?”’\"])Credit(?:\.{3}.{0,60})?$")),
    # A caption's closing credit, often glued to it in a copy: "...sought treatmentCredit: EPA".
    ("image-credit", re.compile(r"(?:\b|(?<=[a-z]))(?:(?:photo |image )?credits?|photograph)\s*:\s*[\w&'’.,/ -]{1,50}\)?$", re.I)),
    # AP's caption form: "In this Dec. 12, 2006, file photo, ..." / "In this undated photo provided by ...".
    ("image-credit", re.compile(r"^in this\b[\w.,' -]{0,40}?\b(?:photo|image|picture|video|frame grab|handout)(?: photo| image)?"
        r"\s*(?:,|provided\b|taken\b|released\b|made\b|from\b|obtained\b|courtesy\b)", re.I)),
    # Gallery counters: "Image 1 of 5", "1of4" glued to the caption it numbers.
    ("image-credit", re.compile(r"^(?:(?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s+\d+$|\d+\s*of\s*\d+(?=[A-Z]))", re.I)),
    ("image-credit", re.compile(r"^image (?:caption|source|copyright)\b", re.I)),
    ("cookies", re.compile(r"\b(?:we|this (?:site|website)) uses? cookies\b|\baccept (?:all )?cookies\b", re.I)),
    ("copyright", re.compile(r"\ball rights reserved\b|^our standards\s*:", re.I)),
    ("comment-form", re.compile(r"^(?:comments?|your comment|post your comment|send comment|name|email)\s*[:*]?\s*$", re.I)),
    ("comment-form", re.compile(r"^\d+\s+(?:comments?|responses?|replies)\b.{0,100}$", re.I)),
    ("comment-form", re.compile(r"^(?:show|view|load|read) (?:all |more )?(?:\d+ )?comments?\b.{0,30}$", re.I)),
    ("share-buttons", re.compile(r"^click to (?:share|email|print)\b.{0,80}$", re.I)),
    ("comment-form", re.compile(
        r"^\S.{0,60}\b(?:on )?[a-z]+\.? \d{1,2},? \d{4},? (?:at )?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:said|says|wrote)\s*:?$", re.I)),
    ("navigation", re.compile(r"^(?:previous|next|older|newer) (?:post|article|story|entry)\b.{0,120}$", re.I)),
    # A wire story's closing credits: "(Reporting by Jane Roe; Editing by Sam Poe)", "X contributed to this report."
    ("credits", re.compile(
        rf"^\(?{_CREDIT_ROLE} by {_NAMES}(?:\s*[;,]?\s*(?:and |with )?{_CREDIT_ROLE} by {_NAMES})*\.?\)?\.?$")),
    ("credits", re.compile(r"^\S.{0,200}\bcontributed (?:reporting|(?:to )?this (?:report|story|article))\b.{0,60}$")),
    # A caption's place ("Above: ...", "Pictured: ..."), a credit line of its own ("Courtesy of X", "Michael Conroy,
    # AP", "... via AP"), a caption closed by its credit after the last full stop ("... drug. Getty") or in
    # parentheses with slashes ("(NASA/JPL-Caltech/ASU)"); "Alex Wong | Getty Images" as the credit's own line.
    ("image-credit", re.compile(r"^(?:above|below|top|pictured|inset|left|right|main picture)\s*:\s*\S", re.I)),
    ("image-credit", re.compile(
        r"^(?:(?i:courtesy)(?: of)?\s+\S.{0,60}|.{0,80}\bvia (?:AP|Reuters|AFP|Getty Images|EPA)"
        r"|(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w.’'-]*\s*[,|]\s*(?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|TASS|IRNA)(?: Photo)?)$")),
    ("image-credit", re.compile(r"[.!?][\"”’]?\s+(?i:Getty(?: Images)?|Statista|Shutterstock|iStock|Alamy)$")),
    # The NYT's credit label alone on its line ("Credit...", "Credit...Doug Mills").
    ("image-credit", re.compile(r"^Credit\.{3}.{0,60}$")),
    ("image-credit", re.compile(r"\((?:[A-Z][\w.-]*)(?:\s*/\s*[\w.-]+(?: [A-Z][\w.-]*){0,3})+\)\s*$")),
    # WordPress shortcodes left in the text: "[button link=...]Send us...[/button]".
    ("shortcode", re.compile(r"^\[(\w+)\b[^\]]*\].*\[/\1\]$")),
)
#: "Read more: TITLE" and its kin: the title becomes a related link.
_READ_MORE = re.compile(
    r"^(?:(?:read more|read also|also read|see also|see more|related(?: posts?| articles?| stories| news)?|recommended"
    r"|more on this|you may also like|read)\s*[:|»>–—]|also on [\w-]+(?:\.[\w-]+)+\b[:|»>–—]?"
    r"|on [\w-]+(?:\.[\w-]+)+\s*:)\s*(?P<title>\S.*)$",
    re.I,
)


#: A heading after which the rest of the page is a list of other stories, or tags.
_TAIL_HEADING = re.compile(
    r"^(?:tags|tagged|related(?: posts| articles| stories| news| content| coverage| topics)?"
    r"|you (?:may|might) also like(?: these(?: posts| stories))?|more (?:great )?(?:[A-Z][\w.’'&-]* )?(?:stories|news|articles)"
    r"(?: (?:from|like this)(?: .{1,30})?)?|recommended(?: for you| stories)?|top (?:stories|news)|trending (?:news|stories)"
    r"|more (?:from|in) (?:the )?(?-i:[A-Z][\w.’'&-]*(?: [A-Z][\w.’'&-]*){0,4})"  # an outlet's or section's name
    r"|most (?:read|popular|viewed|shared)(?: (?:in|on) [\w .’'&-]{1,30})?|popular (?:posts|stories)|trending(?: now)?|latest (?:news|stories|posts)"
    r"|read next|what to read next|more on this (?:story|topic))\s*:?$",
    re.I,
)
#: A heading that opens a list of other stories inside the body ("DON'T MISS", "More:").
_BLOCK_HEADING = re.compile(
    rf"{_TAIL_HEADING.pattern}|^(?:don[’']t miss|do not miss|must reads?|also read|read also|see also|more)\s*:?$",
    re.I,
)
#: A trailing "[VIDEO]"-style label on a listed headline.
_HEADLINE_LABEL = re.compile(r"\s*\[[A-Z][A-Z ]{1,20}\]\W*$")
MAX_HEADLINE_CHARS = 160
MAX_HEADLINE_WORDS = 25
#: Short lines at the top of a body that only restate when or by whom (the record keeps them as metadata).
_HEADER_LINE = re.compile(r"^(?:(?:last )?updated|published|posted)\b.{0,60}\d.{0,30}$|^by\s+\S.{0,60}$", re.I)
MAX_HEADER_LINES = 3
MAX_HEADER_CHARS = 100


@dataclass
class Cleaned:
    """Paragraphs with the furniture taken out, and what was taken."""

    paragraphs: list[str]
    furniture: list[Furniture] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)


def _is_headline(paragraph: str) -> bool:
    """Return True when a paragraph reads like a listed headline: short, no closing full stop."""
    text = paragraph.strip()
    return (
        0 < len(text) <= MAX_HEADLINE_CHARS
        and len(text.split()) <= MAX_HEADLINE_WORDS
        and not text.endswith((".", ":", ";", ","))
    )


def _tail_start(paragraphs: list[str]) -> int:
    """Return where a trailing "Related"/"Tags" section starts (len(paragraphs) when there is none).

    Only a heading in the second half of the body counts, and only when what
    follows is short lines (titles, tags), not more prose.
    """
    for index in range(len(paragraphs) // 2, len(paragraphs)):
        if _TAIL_HEADING.match(paragraphs[index].strip()):
            rest = paragraphs[index + 1 :]
            if all(len(p) <= MAX_FURNITURE_CHARS for p in rest):
                return index
    return len(paragraphs)


def strip_header(
    paragraphs: list[str], title: str | None, languages: tuple[str, ...] | None = None
) -> tuple[list[str], list[Furniture]]:
    """Return the paragraphs without a repeated title and date/byline lines at the top, and what was removed.

    ``languages`` are the ones datelines are read in (see ``parse_dateline``).
    """
    removed: list[Furniture] = []
    rest = list(paragraphs)
    norm_title = " ".join((title or "").split()).casefold()
    for _ in range(MAX_HEADER_LINES):
        if len(rest) < 2:
            break
        head = rest[0].strip()
        if norm_title and " ".join(head.split()).casefold() == norm_title:
            removed.append(Furniture(text=head, reason="title"))
        elif len(head) <= MAX_HEADER_CHARS and _HEADER_LINE.match(head):
            removed.append(Furniture(text=head, reason="dateline" if head[:1].lower() != "b" else "byline"))
        elif len(head) <= MAX_HEADER_CHARS and parse_dateline(head, languages) is not None:
            removed.append(Furniture(text=head, reason="dateline"))
        else:
            break
        rest.pop(0)
    return rest, removed


#: A gallery's counter glued to the caption it numbers ("3of4A shopper looks at ...").
_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*of\s*\d{1,3}(?=[A-Z“\"‘'])")


def classify(paragraph: str) -> tuple[str, str | None] | None:
    """Return (reason, related title or None) when ``paragraph`` is furniture, else None."""
    text = paragraph.strip()
    if text and _GALLERY_COUNTER.match(text):  # a gallery's caption, however long: "1of4Grass Valley's ..."
        return "image-credit", None
    if not text or len(text) > MAX_FURNITURE_CHARS:
        return None
    return _classify(text)


@functools.lru_cache(maxsize=8192)  # a copy's lines are classified several times (block, header, headline)
def _classify(text: str) -> tuple[str, str | None] | None:
    """Return ``classify`` of a stripped line no longer than ``MAX_FURNITURE_CHARS``."""
    if m := _READ_MORE.match(text):
        return "read-more", m.group("title").strip()
    for reason, pattern in _RULES:
        if pattern.search(text):
            return reason, None
    return None


def strip_furniture(paragraphs: list[str], link_for: Callable[[str], str | None] | None = None) -> Cleaned:
    """Return the paragraphs without furniture; "Read more: X" lines become related links.

    A trailing "Related"/"Tags" section is cut whole: its lines become related
    links (tags do not).  ``link_for`` maps a link's text to its URL (from the
    page's anchors), so a related link keeps its URL where the HTML has it.
    """

    def link(title: str) -> RelatedLink:
        return RelatedLink(title=title, url=link_for(title) if link_for else None)

    cleaned = Cleaned(paragraphs=[])
    tail = _tail_start(paragraphs)
    index = 0
    while index < tail:
        paragraph = paragraphs[index]
        if index > 0 and _BLOCK_HEADING.match(paragraph.strip()):
            end = index + 1
            while end < tail and _is_headline(paragraphs[end]):
                end += 1
            if end > index + 1:  # a heading and the headlines it lists: other stories, not this one
                cleaned.furniture.append(Furniture(text=paragraph.strip(), reason="related-section"))
                for item in paragraphs[index + 1 : end]:
                    cleaned.furniture.append(Furniture(text=item.strip(), reason="related-section"))
                    cleaned.related.append(link(_HEADLINE_LABEL.sub("", item.strip())))
                index = end
                continue
        index += 1
        found = classify(paragraph)
        if found is None:
            cleaned.paragraphs.append(paragraph)
            continue
        reason, title = found
        cleaned.furniture.append(Furniture(text=paragraph.strip(), reason=reason))
        if title:
            related = link(title)
            if related.url is None and link_for:
                related.url = link_for(paragraph)
            cleaned.related.append(related)
    if tail < len(paragraphs):
        heading, *items = (p.strip() for p in paragraphs[tail:])
        is_tags = heading.lower().startswith("tag")
        reason = "tags" if is_tags else "related-section"
        cleaned.furniture.append(Furniture(text=heading, reason=reason))
        for item in items:
            cleaned.furniture.append(Furniture(text=item, reason=reason))
            if not is_tags:
                cleaned.related.append(link(item))
    return cleaned
