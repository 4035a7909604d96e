"""HTML extraction on real news pages: body, metadata, furniture and related links."""

from __future__ import annotations

from newsgraph.extract import extract_article
from newsgraph.extract.html import clean_title, published_with_precision


def test_cityam_read_more_lines_become_related_links_with_urls(page_doc) -> None:
    article = extract_article(page_doc("cityam_alibaba_listing"))
    assert article.extractor == "html"
    assert article.title == "Alibaba to raise up to $12.9bn in landmark Hong Kong listing"
    assert article.byline == "Anna Menin"
    assert article.site == "CityAM"
    assert article.language == "en"
    assert article.published == "2019-11-20T09:22:35+00:00"
    assert article.published_precision == "second"
    assert "Read more:" not in article.body
    titles = [r.title for r in article.related]
    assert "Alibaba poised to launch record-breaking $13.4bn Hong Kong listing" in titles
    for related in article.related:
        assert related.url and related.url.startswith("https://www.cityam.com/")
    assert {f.reason for f in article.furniture} >= {"read-more"}
    assert "Alibaba’s listing ceremony is due to be held at the Hong Kong Stock Exchange" in article.body
    assert not article.low_confidence


def test_paragraphs_are_separated_by_one_blank_line(page_doc) -> None:
    body = extract_article(page_doc("spokesman_meth_campaign")).body
    paragraphs = body.split("\n\n")
    assert len(paragraphs) > 10
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)


def test_spokesman_newsletter_prompts_removed(page_doc) -> None:
    article = extract_article(page_doc("spokesman_meth_campaign"))
    assert "newsletter" not in article.body.lower()
    newsletter = [f.text for f in article.furniture if f.reason == "newsletter"]
    assert any("Subscribe to the Morning Review newsletter" in text for text in newsletter)
    assert article.byline == "Megan Rowe"


def test_title_loses_site_suffix_and_comment_headings_go(page_doc) -> None:
    article = extract_article(page_doc("paradigmng_senate_adjournment"))
    assert article.title == "BREAKING: Lawan moves motion for Senate’s adjournment over Nzeribe, Adedoyin’s deaths"
    assert article.site == "The Paradigm"
    assert not any(p.strip().lower() == "comments" for p in article.body.split("\n\n"))
    assert [f.reason for f in article.furniture].count("comment-form") >= 1


def test_id_comes_from_canonical_url(page_doc) -> None:
    with_url = extract_article(page_doc("cityam_alibaba_listing"))
    # The page declares its canonical URL itself, so the id does not depend on where it was read from.
    without_url = extract_article(page_doc("cityam_alibaba_listing", with_url=False))
    assert with_url.url == without_url.url == "https://www.cityam.com/alibaba-to-raise-up-to-12-9bn-in-landmark-hong-kong-listing/"
    assert with_url.id == without_url.id


def test_clean_title() -> None:
    assert clean_title("Big news - The Paper", "The Paper") == "Big news"
    assert clean_title("Big news | The Paper", "the paper") == "Big news"
    assert clean_title("The Paper", "The Paper") == "The Paper"
    assert clean_title("Big news", None) == "Big news"


def test_published_time_only_when_a_tag_states_it_for_the_same_day() -> None:
    assert published_with_precision("2023-06-22", ["2023-06-22T20:22:00+03:00"]) == ("2023-06-22T20:22:00+03:00", "second")
    assert published_with_precision("2023-06-22", ["2023-06-22T20:22"]) == ("2023-06-22T20:22", "minute")
    # A time for another day (e.g. modified) is not grafted onto the publication day.
    assert published_with_precision("2023-06-22", ["2023-07-01T08:00"]) == ("2023-06-22", "day")
    assert published_with_precision(None, ["2023-06-22"]) == ("2023-06-22", "day")
    assert published_with_precision(None, []) == (None, None)


def test_seed_as_html_page_gives_the_same_record(seed_text: str) -> None:
    """The seed's story laid out as a web page: the HTML path agrees with the copied-text path."""
    from html import escape

    from newsgraph.extract.text import split_paragraphs
    from newsgraph.model import RawDocument

    title, dateline, *rest = split_paragraphs(seed_text)
    body_html = []
    for paragraph in rest:
        if paragraph.startswith("Read more: "):
            target = escape(paragraph.removeprefix("Read more: "))
            body_html.append(f'<p>Read more: <a href="/en/hamas-delegation-meets">{target}</a></p>')
        else:
            body_html.append(f"<p>{escape(paragraph)}</p>")
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)} - ISWNews</title>"
        '<meta property="og:site_name" content="ISWNews">'
        '<meta property="article:published_time" content="2023-06-22T20:22">'
        '<link rel="canonical" href="https://example.org/en/iran-leader-addresses-hamas-official/">'
        f"</head><body><nav><a href='/'>Home</a> <a href='/en'>News</a></nav><article><h1>{escape(title)}</h1>"
        f"<div class='date'>{dateline}</div>{''.join(body_html)}</article>"
        "<footer>Copyright ISWNews</footer></body></html>"
    )
    doc = RawDocument(content=page.encode(), source="seed.html", content_type="text/html; charset=utf-8",
                      url="https://example.org/en/iran-leader-addresses-hamas-official/?utm_source=x")
    article = extract_article(doc)
    assert article.extractor == "html"
    assert article.title == title
    assert article.site == "ISWNews"
    assert (article.published, article.published_precision) == ("2023-06-22T20:22", "minute")
    assert article.byline == "ISWNews Analysis Group"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("In a meeting with the head of Palestinian Resistance Movement Hamas’ political bureau")
    assert paragraphs[1].startswith("On June 21,")
    assert article.body.endswith("the latest political and field developments in Palestine.")
    for furniture in ("Read more:", "Share it:", "Leave a Reply", "Your email address", dateline):
        assert furniture not in article.body
    assert [(r.title, r.url) for r in article.related] == [
        ("Hamas Delegation Meets With Iranian President, IRGC Cmdr.", "https://example.org/en/hamas-delegation-meets")
    ]
    assert article.url == "https://example.org/en/iran-leader-addresses-hamas-official/"
