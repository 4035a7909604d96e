"""Publication dates, only as precise as the source states them (never an invented time or zone)."""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re

from newsgraph.model import Precision

_LABEL = re.compile(r"^\s*(?:published|updated|posted|last updated|date)(?:\s+on)?\s*[:\-–]?\s*", re.I)
#: A dateline states a year: four digits, or a numeric date such as 22/06/23. Checked before dateparser (slow).
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_HAS_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?")


@functools.lru_cache(maxsize=16)
def _parser(languages: tuple[str, ...] | None = None):  # noqa: ANN202 - dateparser is imported lazily (slow to load)
    """Return a dateparser parser for these languages (None: detect among all, slower on first use of each)."""
    from dateparser.date import DateDataParser

    settings = {"RETURN_TIME_AS_PERIOD": True, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["month", "year"]}
    if languages:
        try:
            return DateDataParser(languages=list(languages), settings=settings)
        except ValueError:  # a language dateparser does not know
            return DateDataParser(languages=["en"], settings=settings)
    return DateDataParser(settings=settings, try_previous_locales=True)


def format_datetime(value: dt.datetime, precision: Precision) -> str:
    """Return ``value`` in ISO 8601 cut to ``precision``; the UTC offset only when the value has one."""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if precision == "day":
        return value.date().isoformat()
    text = value.replace(tzinfo=None).isoformat(timespec="seconds" if precision == "second" else "minutes")
    if value.tzinfo is not None and (offset := value.utcoffset()) is not None:
        text += "Z" if offset == dt.timedelta(0) else value.isoformat()[-6:]
    return text


@functools.lru_cache(maxsize=8192)  # a copy's lines are read for a date several times
def parse_dateline(text: str, languages: tuple[str, ...] | None = None) -> tuple[str, Precision] | None:
    """Return (ISO date, precision) when ``text`` is a dateline such as
    "Thursday 22 June 2023 - 20:22" (-> "2023-06-22T20:22", "minute"), else None.

    Parsed with dateparser, in ``languages`` when given (ISO 639-1 codes), else
    in whichever language fits; a dateline must state at least a month and a year.
    """
    cleaned = _LABEL.sub("", text).strip()
    if not cleaned or len(cleaned) > 80 or not _HAS_YEAR.search(cleaned):
        return None
    try:
        data = _parser(languages).get_date_data(cleaned)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    parts = set(getattr(data, "parts", None) or ())
    precision: Precision
    if data.period == "time" or "time" in parts:
        precision = "second" if _HAS_SECONDS.search(cleaned) else "minute"
    elif "day" in parts:
        precision = "day"
    elif "month" in parts:
        precision = "month"
    else:
        precision = "year"
    return format_datetime(data.date_obj, precision), precision


def looks_iso(value: str) -> bool:
    """Return True when ``value`` is written as an ISO 8601 date ("2023-06-22", "2023-06-22T20:22Z")."""
    return bool(_ISO.match(value or ""))


def parse_iso(value: str) -> tuple[str, Precision] | None:
    """Return (ISO date, precision) for a machine date such as "2023-06-22T20:22:05+03:00"."""
    m = _ISO.match(value or "")
    if not m:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    try:
        dt.datetime(int(year), int(month), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:  # "2023-02-30", "T25:00": not a time, whatever the markup says
        return None
    if day is None:
        return f"{year}-{month}", "month"
    if hour is None:
        return f"{year}-{month}-{day}", "day"
    text = f"{year}-{month}-{day}T{hour}:{minute}" + (f":{second}" if second else "")
    if zone:
        text += "Z" if zone == "Z" else (zone if ":" in zone else f"{zone[:3]}:{zone[3:]}")
    return text, ("second" if second else "minute")


def parse_feed_date(value: str) -> tuple[str, Precision] | None:
    """Return (ISO date, precision) for a feed's date (RFC 822 in RSS, ISO 8601 in Atom)."""
    iso = parse_iso(value)
    if iso:
        return iso
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    precision: Precision = "second" if _HAS_SECONDS.search(value) else "minute"
    return format_datetime(parsed, precision), precision


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_CLOCK = (r"(?:\s*(?:,|-|–|—|\||at|@|/|[^\W\d_]{1,6})?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
          r"(?:\s*(?:GMT|UTC|[A-Z]{2,4}T)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?)?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
#: A month's name in any language ("outubro", "Maret", "сентября"): any word, left to dateparser to accept or not.
_MONTH_WORD = rf"(?:{_MONTH}|[^\W\d_]{{3,15}}\.?)"
_DE = r"(?:\s+de)?"  # "22 de outubro de 2010"
#: A date as outlets print one: "Jan 17, 2023, 1:36 PM", "22 June 2023 - 20:22", "2023-01-17 13:36", "17/01/2023",
#: "2016.12.01" (year first with dots or slashes, as East Asian outlets print it: never day-first), and month names
#: of other languages ("22 de outubro de 2010 às 20:13", "24 сентября 2018").  A copy may glue the next word to
#: the year ("18.11.2019Get short URL"): a capital may follow it, not a digit or a small letter ("2.10.2019x").
PRINTED_DATE = re.compile(
    rf"(?<!\w)(?:\d{{1,2}}:\d{{2}}\s*[ap]\.?m\.?(?:\s+(?:GMT|UTC|[A-Z]{{2,4}}T))?,?\s+)?"
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH_WORD}\s+{_DAY},?\s+\d{{4}}|{_DAY}{_DE}\s+{_MONTH_WORD}{_DE},?\s+\d{{4}}"
    rf"|{_MONTH_WORD},?\s+{_DAY},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{4}}[/.]\d{{1,2}}[/.]\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}){_CLOCK}(?!\d)(?-i:(?![a-z]))",
    re.I,
)
#: A copy glues a year to the clock after it ("Nov 19 20197:05 AM", from "<span>Nov 19 2019</span><span>7:05 AM").
_GLUED_CLOCK = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d{1,2}:\d{2})")
_RELATIVE = re.compile(
    r"(?<!\w)(?P<n>\d{1,3}|an?|one)\s+(?P<unit>min(?:ute)?s?|mins|hours?|hrs?|days?|weeks?)\s+ago(?!\w)", re.I
)
_UNIT_PRECISION: dict[str, Precision] = {"m": "minute", "h": "hour", "d": "day", "w": "day"}


def unglue(text: str) -> str:
    """Return ``text`` with a space between a year and a clock a copy glued to it ("20197:05 AM")."""
    return _GLUED_CLOCK.sub(r"\1 \2", text)


def find_printed_date(text: str) -> tuple[str, Precision, tuple[int, int]] | None:
    """Return (ISO date, precision, (start, end) in ``unglue(text)``) of the first printed date in ``text``, else
    None."""
    text = unglue(text)
    for m in PRINTED_DATE.finditer(text[:300]):
        parsed = parse_dateline(m.group(0).strip(" ,|-–—/"))
        if parsed:
            return parsed[0], parsed[1], m.span()
    return None


def says_relative_date(text: str) -> bool:
    """Return True when ``text`` prints a relative date ("2 hours ago"), with or without a time to count from."""
    return bool(_RELATIVE.search(text[:300]))


def find_relative_date(text: str, fetched_at: dt.datetime | None) -> tuple[str, Precision, tuple[int, int]] | None:
    """Return (ISO date, precision, span) for "2 hours ago" and its kin, counted back from ``fetched_at``
    (None without a fetch time: a relative date means nothing without one)."""
    m = _RELATIVE.search(text[:300])
    if not m or fetched_at is None:
        return None
    import dateparser  # slow to import: only for pages that print such a date

    base = fetched_at.astimezone(dt.timezone.utc).replace(tzinfo=None) if fetched_at.tzinfo else fetched_at
    try:
        value = dateparser.parse(m.group(0), settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False})
    except (ValueError, OverflowError):
        return None
    if value is None:
        return None
    precision = _UNIT_PRECISION[m.group("unit")[0].lower()]
    if fetched_at.tzinfo is not None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return format_datetime(value, precision), precision, m.span()


#: A date printed without its year but with a clock, as outlets print the current year's ("14 MAR, 20:36",
#: "Nov 19, 9:41 AM"): English month names only.
_YEARLESS = re.compile(
    rf"(?<![\w:])(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})),?\s+(?:at\s+)?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:\s*(?P<ap>[ap])\.?m\.?)?(?![\d:])",
    re.I,
)


def find_yearless_date(text: str, fetched_at: dt.datetime | None) -> tuple[str, Precision, tuple[int, int]] | None:
    """Return (ISO date, minute, span) of a date printed with a clock but no year ("14 MAR, 20:36"), in the year
    of ``fetched_at`` (the year before when that would put it more than a day after the fetch); None without a
    fetch time (the year is then unknown)."""
    m = _YEARLESS.search(text[:300])
    if not m or fetched_at is None:
        return None
    named = parse_dateline(f"{m.group('m1') or m.group('m2')} 2000", ("en",))  # the month's number, by dateparser
    if named is None:
        return None
    month = int(named[0][5:7])
    day, hour, minute = int(m.group("d1") or m.group("d2")), int(m.group("h")), int(m.group("mi"))
    if m.group("ap"):
        hour = hour % 12 + (12 if m.group("ap").lower() == "p" else 0)
    fetched = fetched_at.replace(tzinfo=None)
    try:
        value = dt.datetime(fetched.year, month, day, hour, minute)
        if value > fetched + dt.timedelta(days=1):
            value = value.replace(year=fetched.year - 1)
    except ValueError:
        return None
    return format_datetime(value, "minute"), "minute", m.span()

