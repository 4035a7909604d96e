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


def test_printed_dates_with_a_glued_clock_and_other_languages_month_names() -> None:
    # Real datelines from copied pages: CNBC's glued "20197:05 AM", Portuguese, Indonesian, Russian, Italian.
    assert find_printed_date("Published Tue, Nov 19 20197:05 AM EST")[:2] == ("2019-11-19T07:05-05:00", "minute")
    assert find_printed_date("sexta-feira, 22 de outubro de 2010 às 20:13")[:2] == ("2010-10-22T20:13", "minute")
    assert find_printed_date("Posted on Maret 30, 2015 by Admin")[:2] == ("2015-03-30", "day")
    assert find_printed_date("Текст: Венера Ерофеева·24 сентября 2018")[:2] == ("2018-09-24", "day")
    assert find_printed_date("02 Ago 2017")[:2] == ("2017-08-02", "day")
    assert find_printed_date("21:17 18.11.2019Get short URL")[:2] == ("2019-11-18", "day")
    # Words that are not months stay no date (dateparser decides, not a word list).
    assert find_printed_date("The team scored 25, 2019 was its best season") is None
