"""RSS/Atom feeds served by a local server: each item's page, with the feed's title and date as hints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import FeedError
from newsgraph.extract import extract_article
from newsgraph.ingest import iter_documents


def rss(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>" for title, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local News</title>'
        f"<link>http://127.0.0.1/</link><description>test</description>{entries}</channel></rss>"
    ).encode()


def atom(link: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>'
        '<id>urn:x</id><updated>2019-11-20T09:00:00Z</updated>'
        f'<entry><title>Atom item</title><id>urn:y</id><link href="{link}"/><updated>2019-11-20T09:22:35Z</updated></entry>'
        "</feed>"
    ).encode()


@pytest.fixture
def news_site(site, article_html: bytes, second_html: bytes):
    site.serve("/alibaba", article_html, content_type="text/html; charset=utf-8")
    site.serve("/meth", second_html, content_type="text/html; charset=utf-8")
    items = [
        ("Alibaba listing", site.url("/alibaba"), "Wed, 20 Nov 2019 09:22:35 +0000"),
        ("Gone story", site.url("/gone"), "Wed, 20 Nov 2019 10:00:00 +0000"),
        ("Meth campaign", site.url("/meth"), "Tue, 19 Nov 2019 18:18:25 +0000"),
    ]
    site.serve("/feed.rss", rss(items), content_type="application/rss+xml")
    site.serve("/news", rss(items), content_type="application/rss+xml")  # a feed URL without a telling path
    site.serve("/atom", atom(site.url("/alibaba")), content_type="application/atom+xml")
    return site


def test_rss_feed_url_yields_each_item_page(news_site) -> None:
    errors = []
    docs = list(iter_documents([news_site.url("/feed.rss")], allow_private=True, on_error=errors.append))
    assert [d.url for d in docs] == [news_site.url("/alibaba"), news_site.url("/meth")]
    assert docs[0].hints["title"] == "Alibaba listing"
    assert docs[0].hints["date"] == "Wed, 20 Nov 2019 09:22:35 +0000"
    assert docs[0].hints["feed_title"] == "Local News"
    assert len(errors) == 1 and str(errors[0]).startswith(news_site.url("/gone")) and "404" in str(errors[0])
    article = extract_article(docs[1])
    assert article.byline == "Megan Rowe"


def test_feed_detected_by_content_type_and_prefix(news_site, tmp_path: Path) -> None:
    by_type = list(iter_documents([news_site.url("/news")], allow_private=True, on_error=lambda e: None))
    assert len(by_type) == 2
    atom_docs = list(iter_documents([f"feed:{news_site.url('/atom')}"], allow_private=True))
    assert [d.hints["title"] for d in atom_docs] == ["Atom item"]
    local = tmp_path / "saved.xml"
    local.write_bytes(atom(news_site.url("/alibaba")))
    assert [d.url for d in iter_documents([str(local)], allow_private=True)] == [news_site.url("/alibaba")]


def test_feed_items_obey_the_address_policy(tmp_path: Path, news_site) -> None:
    # A local feed file whose items point at loopback: refused item by item without allow_private.
    feed = tmp_path / "local.rss"
    feed.write_bytes(rss([("A", news_site.url("/alibaba"), "Wed, 20 Nov 2019 09:22:35 +0000")]))
    errors = []
    assert list(iter_documents([str(feed)], on_error=errors.append)) == []
    assert len(errors) == 1 and "loopback" in str(errors[0])
    assert "/alibaba" not in news_site.hits


@pytest.mark.parametrize(
    "content",
    [b"this is not xml at all, just words", b"<html><body><p>An ordinary page</p></body></html>", b"\x00\x01\x02"],
)
def test_feed_that_is_not_xml(tmp_path: Path, content: bytes) -> None:
    feed = tmp_path / "broken.rss"
    feed.write_bytes(content)
    with pytest.raises(FeedError, match=rf"^{feed}: not an RSS/Atom feed"):
        list(iter_documents([str(feed)]))


def test_cli_reads_a_feed_with_a_failing_item(news_site) -> None:
    result = CliRunner().invoke(app, ["read", news_site.url("/feed.rss"), "--allow-private"])
    assert result.exit_code == 1  # one item failed
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records] == [
        "Alibaba to raise up to $12.9bn in landmark Hong Kong listing",
        "‘Meth. We’re on it.’: Spokane ad agencies divided on South Dakota’s viral campaign",
    ]
    assert result.stderr.strip().splitlines() == [f"error: {news_site.url('/gone')}: HTTP 404 Not Found"]
