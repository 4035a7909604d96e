"""newsgraph_dates: every date expression, resolved against the publication date.

Candidates are spaCy's DATE/TIME entities plus a few patterns the small model
often misses (weekday names, "yesterday", "N days ago", "21 June").  Each is
resolved with dateparser relative to ``doc._.ng_published``, preferring the
past (news reports what happened).  The value is only as precise as the words:
"last year" -> "2022" (year), "June" -> "2023-06" (month), "a few days ago"
-> a day marked "approximate", a bare "10 a.m." -> None (which day?).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.analyze.syntax import clause_verb, has_aux, trimmed_span
from newsgraph.model import DateMention, Precision

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY_RE = re.compile(rf"^(?:on\s+)?(?:{_WEEKDAYS})$", re.I)
#: Words that say the expression names a day (or month/year), not just a clock time.
_DATE_WORD_RE = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS}|yesterday|today|tonight|tomorrow|\d{{4}})\b|\d{{1,2}}[/.-]\d{{1,2}}", re.I
)
#: Vague quantities dateparser does not read; replaced by a typical number, marked approximate.
_VAGUE = (
    (re.compile(r"\ba\s+few\b|\bseveral\b|\bsome\b", re.I), "3"),
    (re.compile(r"\ba\s+couple\s+of\b|\ba\s+couple\b", re.I), "2"),
    (re.compile(r"\bdozens\s+of\b", re.I), "24"),
)
#: Qualifiers that narrow a period without naming a day ("mid-June", "earlier this month").
_QUALIFIER_RE = re.compile(
    r"^(?:the\s+)?(?:earlier|early|later|late|mid-?|middle\s+of|end\s+of|beginning\s+of|start\s+of|"
    r"the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)\s*(?:in\s+|of\s+)?",
    re.I,
)
#: The month a qualifier puts a year's part at ("late 2019", "early last year", "mid-2020").
_PART_OF_YEAR = {"late": "12", "end": "12", "early": "01", "beginning": "01", "start": "01", "mid": "06",
                 "middle": "06"}
#: Qualifiers that place a moment within the day they qualify ("late Tuesday", "early on Wednesday").
_WITHIN_DAY_RE = re.compile(r"^(?:earlier|early|later|late)\s*(?:on\s+)?$", re.I)
_LEADING_RE = re.compile(r"^(?:on|in|at|since|by|from|until|till|as\s+of|during|the)\s+", re.I)
#: Spans of time ("three years", "the past week", "decades"), not points in time.
_DURATION_RE = re.compile(
    r"^(?:the\s+)?(?:past|last|next|coming|recent|previous)?\s*(?:\d+|a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|few|several|many|some|couple\s+of)?\s*"
    r"(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)$",
    re.I,
)
#: What a date expression must contain to name a point in time: a month, a weekday, a year of
#: four digits, a relative word, a unit of time or a numeric date. spaCy's DATE entities also
#: cover bare numbers (ages, model numbers, street numbers), which dateparser turns into years.
_NAMES_TIME_RE = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS})\.?\b|\b(?:1[5-9]|20)\d\d\b|\d{{1,2}}[/.-]\d{{1,2}}|"
    r"\b(?:yesterday|today|tonight|tomorrow|ago|last|next|this|earlier|later|recently|weekend|"
    r"days?|weeks?|months?|years?|morning|afternoon|evening|night|noon|midnight|spring|summer|autumn|fall|winter)\b",
    re.I,
)
_ORDINAL_PERIOD_RE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:year|anniversary|day|week|month|century|season)", re.I)
_POINT_WORDS_RE = re.compile(r"\b(?:ago|last|next|this|yesterday|today|tomorrow|earlier|later)\b", re.I)
_DECADE_RE = re.compile(r"\b(?:\d{2,4}|')0s\b|\bcentur(?:y|ies)\b|\bdecades?\b", re.I)
_CORE_RE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?:{_MONTHS})(?:,?\s+\d{{4}})?|(?:{_WEEKDAYS})|yesterday|today|tonight|(?:{_MONTHS})\s+\d{{4}})\b",
    re.I,
)


def _patterns() -> list[list[dict]]:
    weekday = {"LOWER": {"REGEX": f"^(?:{_WEEKDAYS})$"}}
    month = {"LOWER": {"REGEX": f"^(?:{_MONTHS})\\.?$"}}
    day = {"TEXT": {"REGEX": r"^\d{1,2}(?:st|nd|rd|th)?$"}}
    unit = {"LOWER": {"REGEX": r"^(?:days?|weeks?|months?|years?|hours?)$"}}
    return [
        [weekday],
        [{"LOWER": {"IN": ["yesterday", "today", "tonight", "tomorrow"]}}],
        [month, day],
        [month, day, {"TEXT": ","}, {"SHAPE": "dddd"}],
        [day, month],
        [day, month, {"SHAPE": "dddd"}],
        # datelines: "Thursday 22 June 2023", "Thursday, June 22, 2023"
        [weekday, {"TEXT": ",", "OP": "?"}, day, month, {"SHAPE": "dddd"}],
        [weekday, {"TEXT": ",", "OP": "?"}, month, day, {"TEXT": ",", "OP": "?"}, {"SHAPE": "dddd"}],
        [{"LIKE_NUM": True}, unit, {"LOWER": "ago"}],
        [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["few", "couple"]}}, {"LOWER": "of", "OP": "?"}, unit, {"LOWER": "ago"}],
        [{"LOWER": {"IN": ["several", "some"]}}, unit, {"LOWER": "ago"}],
        [{"LOWER": {"IN": ["last", "next", "this"]}}, {"LOWER": {"IN": ["week", "month", "year", "weekend"]}}],
    ]


@lru_cache(maxsize=8)
def _parser(base: dt.datetime | None, language: str = "en", prefer: str = "past") -> DateDataParser:
    settings = {"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=[language], settings=settings)


def parse_published(value: str | None) -> dt.datetime | None:
    """Return the publication date/time as a naive datetime, or None when absent or unreadable."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{4}", text):
        text += "-07-01"  # a year alone: mid-year keeps relative answers within it
    elif re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-15"
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def resolve_date(
    text: str, base: dt.datetime | None, language: str = "en", future: bool = False
) -> tuple[str | None, Precision | None]:
    """Return (ISO value, precision) for a date expression, or (None, None) when it names no point in time.

    ``base`` is the publication date; without it only expressions that name
    their year are resolved. ``future``: the expression's clause tells what will
    happen ("will press charges on April 1"), so an incomplete date is read forward.
    """
    raw = " ".join(text.split())
    core = _LEADING_RE.sub("", raw).strip(" ,.;:")
    if not core or _DECADE_RE.search(core):
        return None, None
    if not _NAMES_TIME_RE.search(core) or _ORDINAL_PERIOD_RE.search(core):
        return None, None  # "29" (an age), "SU 35", "area 55", "its 20th year": numbers, not dates
    if _DURATION_RE.match(core) and not _POINT_WORDS_RE.search(core):
        return None, None  # "three years" is how long, not when
    if base is None and not re.search(r"\b\d{4}\b", core):
        return None, None  # "June 21" of which year?
    approximate = False
    for pattern, number in _VAGUE:
        if pattern.search(core):
            core, approximate = pattern.sub(number, core), True
    qualified = _QUALIFIER_RE.match(core)
    if qualified and qualified.end() < len(core):
        core = core[qualified.end():]
    value, precision = _parse(core, base, language, future)
    if value is None:
        inner = _CORE_RE.search(core)  # "the early hours of Tuesday" -> "Tuesday"
        if inner and inner.group(0) != core:
            value, precision = _parse(inner.group(0), base, language, future)
    if value is None:
        return None, None
    if qualified and precision == "day" and not (_WITHIN_DAY_RE.match(qualified.group(0)) and _CORE_RE.search(core)):
        precision = "approximate"  # "the end of ...": about then; but "late Tuesday" is Tuesday
    if qualified and precision == "year" and value:
        word = re.sub(r"^the\s+", "", qualified.group(0).lower()).split()[0].rstrip("-")
        if word in _PART_OF_YEAR:  # "late last year": about its last month, not the whole year
            value, precision = f"{value[:4]}-{_PART_OF_YEAR[word]}", "approximate"
    if approximate and precision in ("day", "hour", "minute", "second"):
        value, precision = value[:10], "approximate"
    return value, precision


def _parse(
    core: str, base: dt.datetime | None, language: str = "en", future: bool = False
) -> tuple[str | None, Precision | None]:
    relative = base
    if future:
        if base is not None and _WEEKDAY_RE.match(core):
            relative = base - dt.timedelta(days=1)  # "will meet Thursday" on a Thursday is that day
    elif base is not None and _WEEKDAY_RE.match(core):
        # A bare weekday is the most recent one on or before publication:
        # "Thursday" in a Thursday story is that day, not a week earlier.
        relative = base + dt.timedelta(days=1)
    try:
        data = _parser(relative, language, "future" if future else "past").get_date_data(core)
    except (ValueError, OverflowError, TypeError):  # dateparser on an absurd value ("year 99999")
        return None, None
    when, period = data.date_obj, data.period
    if when is None:
        return None, None
    if period == "year":
        return f"{when:%Y}", "year"
    if period == "month":
        return f"{when:%Y-%m}", "month"
    if period == "week":
        return f"{when:%Y-%m-%d}", "approximate"
    if period == "time":
        if not _DATE_WORD_RE.search(core):
            return None, None  # a clock time alone does not say which day
        if ":" in core:
            return f"{when:%Y-%m-%dT%H:%M}", "minute"
        return f"{when:%Y-%m-%dT%H}", "hour"
    return f"{when:%Y-%m-%d}", "day"  # "day" and "part_of_day"


class DateFinder:
    """The newsgraph_dates component: sets ``doc._.ng_dates``."""

    def __init__(self, nlp: Language, language: str = "en") -> None:
        self.language = language  # dateparser's language code
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("NG_DATE", _patterns())

    def __call__(self, doc: Doc) -> Doc:
        base = parse_published(doc._.ng_published)
        spans: list[Span] = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        spans.extend(doc[s:e] for _, s, e in self.matcher(doc))
        found: list[tuple[DateMention, Span]] = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            span = trimmed_span(span)  # entities sometimes carry edge punctuation
            if span is None:
                continue
            shift = _day_shift(span.text)
            if shift is not None:  # "two days later": from the day last named, never from publication
                value, precision = _shifted(found, span, shift), "day"
                precision = precision if value else None
            else:
                value, precision = resolve_date(span.text, base, self.language, future=_in_future_clause(span))
            found.append((
                DateMention(
                    text=span.text, start=span.start_char, end=span.end_char, value=value, precision=precision
                ), span,
            ))
        doc._.ng_dates = [m for m, _ in found]
        return doc


#: A day told against the day last named: "two days later", "one day earlier", "the previous day('s)".
_SHIFT_RE = re.compile(
    r"^(?:(a|an|one|two|three|four|five|six|seven|\d)\s+days?\s+(later|earlier)|"
    r"(?:the\s+)?(previous|next|following)\s+(?:day|morning|afternoon|evening|night))(?:\s*'s)?$",
    re.I,
)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _day_shift(text: str) -> int | None:
    """The days ``text`` counts from the day last named (+ later, - earlier), or None if it is no such phrase."""
    m = _SHIFT_RE.match(" ".join(text.split()))
    if m is None:
        return None
    if m.group(3):
        return -1 if m.group(3).lower() == "previous" else 1
    n = _NUMBERS.get(m.group(1).lower()) or int(m.group(1))
    return n if m.group(2).lower() == "later" else -n


def _shifted(found: list[tuple[DateMention, Span]], span: Span, shift: int) -> str | None:
    """The day last named before ``span`` (in its sentence or the two before) moved by ``shift`` days."""
    sents = {s.start: n for n, s in enumerate(span.doc.sents)}
    here = sents[span.sent.start]
    for mention, other in reversed(found):
        if here - sents[other.sent.start] > 2:
            return None
        if mention.value and mention.precision == "day":
            return (dt.date.fromisoformat(mention.value[:10]) + dt.timedelta(days=shift)).isoformat()
    return None


#: Auxiliaries and heads that put a clause in the future: "will meet", "is due to visit", "plans to".
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_HEADS = frozenset({"due", "scheduled", "set", "plan", "expect", "intend", "slate", "poise"})
_RELATIVE_RE = re.compile(r"\b(?:ago|last|yesterday|earlier|previous|past)\b", re.I)


def _in_future_clause(span: Span) -> bool:
    """True when the date's clause tells what will happen ("will press charges *on April 1*",
    "is due to meet *in January*"); words that say past ("last", "ago") keep it past."""
    if _RELATIVE_RE.search(span.text):
        return False
    if span.start > 0 and span.doc[span.start - 1].tag_ == "VBD":
        return False  # "said *Sunday* Israel will ...": it dates the past verb it follows, whatever the parse says
    node = clause_verb(span.root)
    for _ in range(3):
        if has_aux(node, _FUTURE_AUX):
            return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _FUTURE_HEADS:
            return True
        # "after it joins *on April 1*, it will press charges": a time clause of a future deed
        if node.dep_ not in ("xcomp", "conj", "advcl") or node.head.i == node.i:
            return False
        node = node.head
    return False


@Language.factory(
    "newsgraph_dates",
    assigns=["doc._.ng_dates"],
    requires=["doc.ents"],
    default_config={"language": "en"},
)
def make_date_finder(nlp: Language, name: str, language: str) -> DateFinder:
    """Return the newsgraph_dates component (``language``: the dateparser language dates are read in;
    the extra patterns are English)."""
    return DateFinder(nlp, language)
