"""Copied-text extraction: paragraphs, title, dateline, byline."""

from __future__ import annotations

from newsgraph.extract import extract_article, is_html
from newsgraph.extract.text import byline_prefix, extract_text, split_paragraphs
from newsgraph.model import RawDocument


def test_split_paragraphs_blocks_and_lines() -> None:
    wrapped = "The council met on Tuesday evening to discuss\nthe budget for next year."
    assert split_paragraphs(f"{wrapped}\n\nSecond.\r\n\r\nThird.") == [
        "The council met on Tuesday evening to discuss the budget for next year.", "Second.", "Third."]
    # Short lines in one block are a copied page's menu and header lines, one a line.
    assert split_paragraphs("World\nBusiness\nCouncil Approves Budget\n\nThe council met.") == [
        "World", "Business", "Council Approves Budget", "The council met."]
    assert split_paragraphs("One.\nTwo.\nThree.") == ["One.", "Two.", "Three."]
    assert split_paragraphs("  \n\n ") == []


def test_a_line_of_zero_width_spaces_is_a_blank_line() -> None:
    # jeongdongtheater.com (ScrapingHub page, lxml copy): an editor's empty paragraphs ("\u200b") around each photo.
    text = ("The refreshing autumn sky!\n\u200b\nThis is Daehak-ro Marronnier Park where the air is filled with the scent "
            "of fall~\n \u200b \n\nThe reason we came to Marronnier Park!")
    paragraphs = split_paragraphs(text)
    assert paragraphs == ["The refreshing autumn sky!",
                          "This is Daehak-ro Marronnier Park where the air is filled with the scent of fall~",
                          "The reason we came to Marronnier Park!"]


def test_a_sentence_broken_into_lines_is_one_paragraph() -> None:
    # linknaija.com (ScrapingHub page, lxml copy): the lead's lines broken at each <br>; a name under "By" and a
    # "by X" line stay lines of their own, and so does a run that ends no sentence (a menu).
    text = ("LinkNaija\nOctober 06, 2018\n\nPhotos\nwhich were released online and are making the rounds on social media,\n"
            "show Nigerian actress, Kate Henshaw, looking absolutely stunning in new\nmake-up photos.\nKate Henshaw\n\n"
            "By\nMinh Do\non Monday, November 18th, 2019 at 11:08 a.m.\n\n"
            "Seeking a bigger role for a big rocket\nby Jeff Foust\nSolutions\nphone_iphone Mobile Commerce")
    paragraphs = split_paragraphs(text)
    assert ("Photos which were released online and are making the rounds on social media, show Nigerian actress, "
            "Kate Henshaw, looking absolutely stunning in new make-up photos.") in paragraphs
    assert "By Minh Do" in paragraphs and "on Monday, November 18th, 2019 at 11:08 a.m." in paragraphs
    assert "by Jeff Foust" in paragraphs and "Solutions" in paragraphs


def test_byline_prefix() -> None:
    assert byline_prefix("Staff Reporter – The council met.") == ("Staff Reporter", "The council met.")
    assert byline_prefix("Press TV - Officials said...") == ("Press TV", "Officials said...")
    # Place datelines are not bylines.
    assert byline_prefix("KYIV – Ukraine said...") is None
    assert byline_prefix("LONDON (Reuters) - Shares fell.") is None
    assert byline_prefix("Paris, France – It rained.") is None
    # A hyphen inside a word is not the separator.
    assert byline_prefix("Well-known analysts say the deal is done.") is None


def test_text_with_by_line_and_day_dateline() -> None:
    text = (
        "Council Approves New Budget\n\n"
        "By Jane Roe\n\n"
        "Published: 3 March 2021\n\n"
        "The city council approved the budget on Tuesday after a long debate about road repairs and schools.\n\n"
        "Sign up for our newsletter\n\n"
        "The mayor said the vote was a relief."
    )
    draft = extract_text(text)
    assert draft.title == "Council Approves New Budget"
    assert draft.byline == "Jane Roe"
    assert (draft.published, draft.published_precision) == ("2021-03-03", "day")
    assert draft.paragraphs[0].startswith("The city council")
    assert draft.paragraphs[-1] == "The mayor said the vote was a relief."
    assert [f.reason for f in draft.furniture] == ["byline", "dateline", "newsletter"]


def test_text_without_header_keeps_first_paragraph() -> None:
    text = "The city council approved the budget on Tuesday after a long debate about road repairs, schools and parks in the east of the city, which had waited years."
    draft = extract_text(text)
    assert draft.title is None
    assert draft.paragraphs == [text]


def test_dispatch_by_type_and_sniffing() -> None:
    assert is_html("<p>x</p>", "text/html; charset=utf-8")
    assert not is_html("<p>x</p><p>y</p><div>z</div>", "text/plain")
    assert is_html("<!DOCTYPE html><html><body>x</body></html>", None)
    assert is_html("\ufeff  <html lang='en'>", None)
    assert not is_html("Title\n\nA story about <b> tags is rare.", None)


def test_short_text_is_low_confidence() -> None:
    article = extract_article(RawDocument(content=b"Breaking\n\nSomething happened today.", source="short.txt"))
    assert article.low_confidence
    assert any("very short body" in w for w in article.warnings)
    assert article.title == "Breaking"


def test_feed_hints_fill_what_the_page_does_not_say() -> None:
    text = "The city council approved the budget on Tuesday after a long debate about road repairs and schools. " * 6
    doc = RawDocument(
        content=text.encode(),
        source="https://example.org/budget",
        content_type="text/plain",
        url="https://example.org/budget?utm_source=rss",
        hints={"title": "Council approves budget", "date": "Tue, 02 Mar 2021 18:05:00 +0000", "author": "Jo Doe"},
    )
    article = extract_article(doc)
    assert article.title == "Council approves budget"
    assert (article.published, article.published_precision) == ("2021-03-02T18:05:00Z", "second")
    assert article.byline == "Jo Doe"
    assert article.site == "example.org"
    same_page = doc.model_copy(update={"url": "https://EXAMPLE.org/budget#comments"})
    assert extract_article(same_page).id == article.id


def test_control_characters_never_reach_the_article() -> None:
    text = "Title\x1b[31m here\n\nThe council met on Tuesday\x07 and voted.\x1b]0;pwned\x07 It was a long day for everyone."
    article = extract_article(RawDocument(content=text.encode(), source="esc.txt"))
    assert article.title == "Title[31m here"
    assert "\x1b" not in article.body and "\x07" not in article.body
