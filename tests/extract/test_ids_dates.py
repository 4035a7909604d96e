"""Article ids and date parsing."""

from __future__ import annotations

from newsgraph.extract.dates import find_printed_date, parse_dateline, parse_feed_date, parse_iso
from newsgraph.extract.ids import article_id, canonical_url


def test_canonical_url() -> None:
    assert canonical_url("HTTPS://WWW.Example.COM/a/b?utm_source=x&id=3&utm_medium=y#frag") == "https://www.example.com/a/b?id=3"
    assert canonical_url("http://example.com:80/x?fbclid=1") == "http://example.com/x"


def test_article_id_url_then_text() -> None:
    a = article_id("https://example.com/story?utm_campaign=z#top", "body")
    assert a == article_id("https://EXAMPLE.com/story", "another body")
    assert a != article_id("https://example.com/other", "body")
    assert article_id(None, "Some  Text\n\nhere") == article_id(None, "some text here")
    assert article_id(None, "Some text") != article_id(None, "Other text")


def test_datelines_keep_their_precision() -> None:
    assert parse_dateline("Thursday 22 June 2023 - 20:22") == ("2023-06-22T20:22", "minute")
    assert parse_dateline("Published: 3 March 2021") == ("2021-03-03", "day")
    assert parse_dateline("June 2023") == ("2023-06", "month")
    assert parse_dateline("Posted on 2023-01-05 10:11:12") == ("2023-01-05T10:11:12", "second")
    assert parse_dateline("Share it:") is None
    assert parse_dateline("Hamas Delegation Meets With Iranian President, IRGC Cmdr.") is None
    assert parse_dateline("May 5") is None  # no year: not a dateline


def test_year_first_printed_dates() -> None:
    # Year first with dots or slashes ("2016.12.01", Korean, Chinese and Japanese outlets) is always Y-M-D.
    assert find_printed_date("by Kim Ji-won / 2016.12.01")[:2] == ("2016-12-01", "day")
    assert find_printed_date("Updated 2023/01/17 13:36")[:2] == ("2023-01-17T13:36", "minute")
    assert find_printed_date("version 2.10.2019x") is None
    assert find_printed_date("IP 10.1.2.3") is None


def test_machine_dates() -> None:
    assert parse_iso("2023-06-22T20:22:05+0300") == ("2023-06-22T20:22:05+03:00", "second")
    assert parse_iso("2023-06-22T20:22Z") == ("2023-06-22T20:22Z", "minute")
    assert parse_iso("2023-06-22") == ("2023-06-22", "day")
    assert parse_iso("2023-02-30") is None
    assert parse_feed_date("Thu, 22 Jun 2023 20:22:00 +0300") == ("2023-06-22T20:22:00+03:00", "second")
