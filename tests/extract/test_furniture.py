"""Furniture rules: what is taken out of a body, and what stays."""

from __future__ import annotations

import pytest

from newsgraph.extract.furniture import classify, strip_furniture, strip_header


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share it:", "share-buttons"),
        ("Share this article", "share-buttons"),
        ("Facebook Twitter WhatsApp Email", "share-buttons"),
        ("Like this story? Share it with a friend!", "share-buttons"),
        ("Leave a Reply", "comment-form"),
        ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ("Save my name, email, and website in this browser for the next time I comment.", "comment-form"),
        ("12 Comments", "comment-form"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Get the day’s top headlines delivered to your inbox", "newsletter"),
        ("Follow us on Twitter and Facebook", "social-follow"),
        ("Tags: politics, elections", "tags"),
        ("Main image credit: Getty", "image-credit"),
        ("A worker loads trims into a truck outside a store in Hialeah, Fla. (AP Photo/Jane Doe, File)", "image-credit"),
        ("(Image credit: Example Space Agency)", "image-credit"),
        ("The hospital where patients sought treatmentCredit: EPA", "image-credit"),
        ("In this Dec. 12, 2006, file photo, two astronauts work outside the station.", "image-credit"),
        ("In this undated photo provided by the family, the boy sits on a porch.", "image-credit"),
        ("Image 2 of 5", "image-credit"),
        ("3of4A shopper looks at extension cords in a hardware store.", "image-credit"),
        ('[button link="/submit/" type="big"] Send us YOUR review[/button]', "shortcode"),
        ("Also on example.com Ministers meet in Paris", "read-more"),
        ("Related post: Pickled Sprouts Recipe", "read-more"),
        ("Updated at 1:23 p.m.", "dateline"),
        ("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", "dateline"),
        ("Posted: 14 March, 20:30", "dateline"),
        ("© 2019 Example Press. All Rights Reserved.", "copyright"),
        ("This copy is for your personal, non-commercial use only.", "copyright"),
        # Real caption credits from copied pages (Wired, The Guardian, NBC News, The New York Times).
        ("Photograph: Tim Robberts/Getty Images", "image-credit"),
        ("‘Excessive force and police brutality have accelerated and magnified these protests.’ Photograph: AFP via Getty",
         "image-credit"),
        ("The house where Adolf Hitler was born in Braunau am Inn, Austria.Leonhard Foeger / Reuters file", "image-credit"),
        ("Trump asked voters in Louisiana for a big win. He didn’t get it.Credit", "image-credit"),
        ("The core stage of the first SLS at Michoud Assembly Facility after the installation in early November of "
         "its four RS-25 engines. (credit: NASA/Jude Guidry)", "image-credit"),
        # Wire credits and captions in the forms Reuters, AP and picture desks print them (VOA story's names).
        ("(Reporting by Ayaz Gul in Islamabad; Editing by Alex Richardson)", "credits"),
        ("Reporting by Jane Roe in Ankara and Ali Khan in Islamabad; Writing by Sam Poe; Editing by Alex Richardson",
         "credits"),
        ("Associated Press writers Munir Ahmed and Riaz Khan contributed to this report.", "credits"),
        ("Above: Demonstrators march in Khartoum after the new law was passed.", "image-credit"),
        ("Courtesy of the Sudanese Ministry of Justice", "image-credit"),
        ("Anjum Naveed, AP", "image-credit"),
        ("Demonstrators chant in Khartoum after the vote. Getty Images", "image-credit"),
        ("The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)", "image-credit"),
        ("Titan in false colour, 2004. (NASA/JPL/Space Science Institute)", "image-credit"),
        ("Pakistan's provinces where the attacks were reported this year. STATISTA", "image-credit"),
        ("Credit...", "image-credit"),
        ("Continue Reading Below", "read-more"),
        ("On example.com: Pakistan train attack survivors recount hours of terror", "read-more"),
        # ScrapingHub pages' copies (nj.com, vortexcannon.org).
        ("Alex Wong | Getty Images", "image-credit"),
        ("Home » Сolumn »", "navigation"),
        # timesunion.com: a gallery's caption of any length with its counter glued on.
        ("1of4Grass Valley's Dionicio Torres looks at the gas can selection before taking the last 5-gallon gas can on "
         "the shelves at B&C Ace Home & Garden Center, Tuesday, Nov. 19, 2019, in Grass Valley, Calif., in preparation "
         "of the planned outage. Pacific Gas & Electric Co. was set to begin shutting off power Wednesday to some "
         "375,000 people in 18 Northern and central California counties.", "image-credit"),
    ],
)
def test_furniture_lines(line: str, reason: str) -> None:
    found = classify(line)
    assert found is not None and found[0] == reason


@pytest.mark.parametrize(
    "line",
    [
        "He said the comments were taken out of context.",
        "Read the statement in full below, the minister told reporters on Monday.",
        "Facebook said it would share more data with researchers.",
        "Also on Monday, the minister said the talks would go on.",
        "Related stories in the region were covered by the local press.",
        "Photos show the damage to the bridge.",
        "In this case, the court said, the photo was taken lawfully by a neighbour.",
        "The bank said it would give credit to small firms first.",
        "He scored 3 of 4 penalties in the final.",
        "Updated figures show 3% growth in 2019 for exports.",
        "Posted on March 14 at 8:30 pm, the video went viral.",
        "The photograph was taken by a reporter for The Associated Press in 2019.",
        "He said the deal was worth $10m / AP reported the figure was higher.",
        "Credit card debt rose for a third month, the central bank said.",
        "Reporting by the BBC has shown that the ministry knew of the plan.",
        "Five Frontier Corps personnel were also killed in the attack, the army said. AP",
        "Canada contributed to this year's fund more than any other G7 member, officials said.",
        "The lenders (IMF/World Bank) will review the program in May.",
        "On Monday: talks resumed in the capital after a week.",
        "The newsletter, which has 10,000 readers, was founded in 2010 by two teachers who wanted to "
        "sign up parents for school trips and share news about the district with them every week; it grew "
        "quickly and now covers three counties and dozens of schools in the region.",
    ],
)
def test_prose_stays(line: str) -> None:
    assert classify(line) is None


def test_read_more_becomes_related_link_with_url() -> None:
    links = {"the other story": "https://example.org/other"}
    cleaned = strip_furniture(
        ["First paragraph.", "READ MORE: The other story", "Second paragraph."], lambda t: links.get(t.lower())
    )
    assert cleaned.paragraphs == ["First paragraph.", "Second paragraph."]
    assert [(r.title, r.url) for r in cleaned.related] == [("The other story", "https://example.org/other")]
    assert cleaned.furniture[0].reason == "read-more"


def test_trailing_related_section_is_cut_whole() -> None:
    body = [f"Paragraph {i} of the story, long enough to be prose." for i in range(6)]
    cleaned = strip_furniture(body + ["Related Articles", "Another story", "A third story"])
    assert cleaned.paragraphs == body
    assert [r.title for r in cleaned.related] == ["Another story", "A third story"]
    tagged = strip_furniture(body + ["Tags", "economy, trade"])
    assert tagged.paragraphs == body and tagged.related == []
    assert {f.reason for f in tagged.furniture} == {"tags"}


def test_related_heading_followed_by_prose_is_kept() -> None:
    body = ["Intro paragraph."] * 4 + ["Related", "x" * 400]
    assert strip_furniture(body).paragraphs == body


def test_strip_header_title_and_dateline() -> None:
    rest, removed = strip_header(["My Title", "Updated at 1:23 p.m.", "By Jo Doe", "Body starts."], "My Title")
    assert rest == ["Body starts."]
    assert [f.reason for f in removed] == ["title", "dateline", "byline"]


def test_strip_header_parsed_dateline_in_the_page_language() -> None:
    rest, removed = strip_header(["November 20, 2019 - 11:28 AMT", "Body starts."], None)
    assert rest == ["Body starts."] and removed[0].reason == "dateline"
    rest, removed = strip_header(["sexta-feira, 22 de outubro de 2010 às 20:13", "Corpo."], None, ("pt", "en"))
    assert rest == ["Corpo."]
    # A short first line without a date stays.
    assert strip_header(["The minister resigned.", "More."], None) == (["The minister resigned.", "More."], [])


def test_block_of_other_headlines_inside_the_body() -> None:
    body = [
        "The first paragraph of the story, with a full stop.",
        "DON'T MISS",
        "Minister quits over scandal [INSIGHT]",
        "Storm hits coast: pictures [VIDEO]",
        "The story goes on here, and this is prose again.",
    ]
    cleaned = strip_furniture(body)
    assert cleaned.paragraphs == [body[0], body[4]]
    assert [r.title for r in cleaned.related] == ["Minister quits over scandal", "Storm hits coast: pictures"]
    # A heading-like line followed by prose is left alone.
    prose = ["Intro.", "More", "He said the plan would cost more than expected."]
    assert strip_furniture(prose).paragraphs == prose


@pytest.mark.parametrize("heading", ["Most read in world news", "More From the Los Angeles Times", "Most shared",
                                     "More Great WIRED Stories", "Top stories", "Trending News", "More in World",
                                     "MORE STORIES LIKE THIS ONE"])
def test_trailing_list_of_other_stories_is_cut(heading: str) -> None:
    body = ["The minister said the talks would resume next week in the capital.", "He gave no further details.",
            heading, "Storm closes schools across the north", "Court rules on port dispute"]
    cleaned = strip_furniture(body)
    assert cleaned.paragraphs == body[:2]
    assert [link.title for link in cleaned.related] == body[3:]


def test_more_from_a_lower_case_phrase_is_not_a_heading() -> None:
    body = ["The minister said the talks would resume next week.", "He said more.",
            "More from the minister said", "Storm closes schools across the north"]
    assert strip_furniture(body).paragraphs == body


def test_more_in_a_lower_case_phrase_is_not_a_heading() -> None:
    body = ["The minister said the talks would resume next week.", "He said more.",
            "More in the morning", "Storm closes schools across the north"]
    assert strip_furniture(body).paragraphs == body
