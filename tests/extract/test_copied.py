"""Copied pages of many outlets (browser copies: menus, headline, dateline, byline, captions, footer).

The pages are written for these tests in the shapes outlets print; no text is taken from the gold.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph.extract import extract_article
from newsgraph.extract.copied import site_of
from newsgraph.extract.outlets import outlets
from newsgraph.ingest import iter_documents
from newsgraph.model import RawDocument

FETCHED = dt.datetime(2023, 1, 17, 15, 0, tzinfo=dt.timezone.utc)
LEAD = ("The two ministers discussed trade, energy and the reopening of consular offices during a meeting "
        "that lasted more than two hours, officials said.")
SECOND = ("A joint statement said both sides would set up a working group on shipping routes and report "
          "back to their governments before the end of the year.")
THIRD = "The talks were the first at this level since the dispute over fishing rights began last spring."

PAGES = {
    "wire-reuters": (
        "Skip to main content\nExclusive news, data and analytics\nWorld\nBusiness\nMarkets\n\n"
        "Ministers agree to reopen consulates after two-hour talks\n\nBy Jane Roe and Ali Khan\n\n"
        "January 17, 2023 1:36 PM GMT+3 Updated 2 hours ago\n\n"
        f"ANKARA, Jan 17 (Reuters) - {LEAD}\n\n"
        "A staff member arranges flags before the meeting in Ankara, Turkey, January 17, 2023. REUTERS/John Doe\n\n"
        f"{SECOND}\n\n{THIRD}\n\nReporting by Jane Roe; Editing by Sam Poe\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n\nRead Next\nMarkets\nWorld\nSports"
    ),
    "agency-id-line": (
        "Jan 17, 2023, 1:36 PM Journalist ID: 5331 News ID: 85001428 T T 1 Persons\n\n"
        "Ministers agree to reopen consulates after two-hour talks\n\n"
        f"Tehran, IRNA - {LEAD}\n\n{SECOND}\n\n{THIRD}\n\n"
        "Follow us on Twitter @IrnaEnglish\n\nTags\nTrade\nEnergy\nConsulates"
    ),
    "trailing-credit": (
        "Home | World | China\n\nMinisters agree to reopen consulates after two-hour talks\n\n"
        "Source: Xinhua | 2023-01-17 13:36:00\n\n"
        f"{LEAD}\n\n{SECOND}\n\n{THIRD} -Xinhua\n\n"
        "Copyright © 2000-2023 XINHUANET.com All rights reserved."
    ),
    "ap-lead": (
        "Menu\nSearch\n\nMinisters agree to reopen consulates after two-hour talks\n\n"
        "Published 1:36 PM UTC, January 17, 2023\n\n"
        f"ANKARA, Turkey (AP) — {LEAD}\n\n{SECOND}\n\n"
        "Photo: Flags are arranged before the meeting\n\n"
        f"{THIRD}\n\nSign up for our morning newsletter"
    ),
    "day-month-dash": (
        "Ministers agree to reopen consulates after two-hour talks\n\n22 June 2023 - 20:22\n\n"
        f"Press TV – {LEAD}\n\n{SECOND}\n\n{THIRD}\n\nShare it:"
    ),
    "iso-time": (
        "News\nPolitics\n\nMinisters agree to reopen consulates after two-hour talks\n\n"
        "2023-01-17 13:36\n\nTASS\n\n"
        f"{LEAD}\n\n{SECOND}\n\n{THIRD}\n\nSubscribe to our newsletter for daily briefings"
    ),
}
EXPECTED = {
    "wire-reuters": ("2023-01-17T13:36+03:00", "Jane Roe and Ali Khan", "Reuters"),
    "agency-id-line": ("2023-01-17T13:36", "Journalist ID: 5331", "IRNA"),
    "trailing-credit": ("2023-01-17T13:36:00", "Xinhua", "Xinhua"),
    "ap-lead": ("2023-01-17T13:36Z", "AP", "Associated Press"),
    "day-month-dash": ("2023-06-22T20:22", "Press TV", "Press TV"),
    "iso-time": ("2023-01-17T13:36", "TASS", "TASS"),
}
NOT_IN_BODY = ("Skip to main content", "REUTERS/", "Journalist ID", "T T", "Follow us", "Tags", "Copyright",
               "Photo:", "newsletter", "Share it", "Our Standards", "Markets", "Menu", "-Xinhua")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_copied_page(name: str) -> None:
    doc = RawDocument(content=PAGES[name].encode(), source=f"{name}.txt", fetched_at=FETCHED)
    article = extract_article(doc)
    published, byline, site = EXPECTED[name]
    assert article.title == "Ministers agree to reopen consulates after two-hour talks"
    assert article.published == published
    assert article.byline == byline
    assert article.site == site
    assert LEAD in article.body and SECOND in article.body and THIRD in article.body
    for line in NOT_IN_BODY:
        assert line not in article.body, line


def test_relative_date_is_counted_from_the_fetch_time() -> None:
    text = f"Ministers agree to reopen consulates after two-hour talks\n\n2 hours ago\n\n{LEAD}\n\n{SECOND}"
    article = extract_article(RawDocument(content=text.encode(), source="rel.txt", fetched_at=FETCHED))
    assert (article.published, article.published_precision) == ("2023-01-17T13:00Z", "hour")


def test_relative_date_without_a_capture_time_stays_unresolved(tmp_path) -> None:
    # A saved copy read later: "2 hours ago" counted from the moment of reading would be a false date.
    path = tmp_path / "saved.txt"
    path.write_text(f"Ministers agree to reopen consulates after two-hour talks\n\n2 hours ago\n\n{LEAD}\n\n{SECOND}")
    (doc,) = iter_documents([str(path)])
    assert doc.fetched_at is None
    article = extract_article(doc)
    assert article.title == "Ministers agree to reopen consulates after two-hour talks"
    assert article.published is None


def test_page_without_headline_keeps_its_lead_in_the_body() -> None:
    text = f"{LEAD}\n\n{SECOND}\n\n{THIRD}"
    article = extract_article(RawDocument(content=text.encode(), source="lead.txt"))
    assert article.title is None
    assert article.body.startswith(LEAD)


def test_navigation_lines_are_never_the_title() -> None:
    text = f"Skip to content\nHome\nWorld News\n\n{LEAD}\n\n{SECOND}"
    article = extract_article(RawDocument(content=text.encode(), source="nav.txt"))
    assert article.title is None
    assert article.body.startswith(LEAD)


def test_outlet_from_url_byline_or_credit() -> None:
    assert site_of("https://en.mehrnews.com/news/1/x", None, None) == "Mehr News Agency"
    assert site_of(None, "Staff writer, Al Jazeera", None) == "Al Jazeera"
    assert site_of(None, "Jane Roe", "AP") == "Associated Press"
    assert site_of(None, "Jane Roe", None) is None
    assert site_of("https://example.org/a", "Apple Pie", None) is None  # "AP" only as a whole word
    assert outlets().from_host("www.kcna.kp").name == "KCNA"


def test_repeated_lines_are_furniture_but_a_repeated_summary_is_not() -> None:
    caption = ("Ministers shake hands before their meeting in Ankara, Turkey, on Tuesday, January 17, 2023, "
               "as officials look on.")
    share = "Facebook Twitter Email"
    text = (f"Ministers agree to reopen consulates after two-hour talks\n\n{LEAD}\n\n{share}\n\n{caption}\n\n"
            f"{SECOND}\n\n{caption}\n\n{THIRD}\n\n{share}\n\nMore news\n\n{LEAD}")
    article = extract_article(RawDocument(content=text.encode(), source="repeat.txt"))
    assert LEAD in article.body and SECOND in article.body and THIRD in article.body
    assert caption not in article.body and share not in article.body
    assert any(f.reason == "repeated" and f.text == caption for f in article.furniture)


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("by Jane Roe September 15, 2014", "2014-09-15"),
        ("Posted by Jane Roe on November 19, 2019, 6:21 AM EST", "2019-11-19T06:21-05:00"),
        ("Example News Bureau | Updated : 19 November 2019, 09:01 AM", "2019-11-19T09:01"),
        ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", "2019-11-19"),
        ("2019-11-19T12:48:14Z", "2019-11-19T12:48:14Z"),
    ],
)
def test_dateline_forms(dateline: str, published: str) -> None:
    text = f"Ministers agree to reopen consulates after two-hour talks\n\n{dateline}\n\n{LEAD}\n\n{SECOND}"
    article = extract_article(RawDocument(content=text.encode(), source="date.txt"))
    assert article.published == published
    assert dateline not in article.body


def test_dateline_far_above_the_lead_is_found() -> None:
    menu = "\n".join(f"Section {n}" for n in range(20))
    text = (f"Ministers agree to reopen consulates after two-hour talks\n\nNovember 19, 2019\n\n{menu}\n\n"
            f"{LEAD}\n\n{SECOND}\n\n{THIRD}")
    article = extract_article(RawDocument(content=text.encode(), source="far.txt"))
    assert article.published == "2019-11-19"


def test_a_tweet_signature_is_not_a_dateline() -> None:
    text = (f"Ministers agree to reopen consulates after two-hour talks\n\n{LEAD}\n\n"
            f"— Jane Roe (@janeroe) November 19, 2019\n\n{SECOND}")
    article = extract_article(RawDocument(content=text.encode(), source="tweet.txt"))
    assert article.published is None


def test_headline_is_the_line_its_byline_follows_not_a_longer_standfirst_or_caption() -> None:
    text = ("Home\nWorld\nBusiness\n\nMinisters agree to reopen consulates\n\nBy Jane Roe\n\nNovember 19, 2019\n\n"
            "Officials from both countries say a deal on shipping routes could follow within weeks of the talks\n\n"
            "The two foreign ministers shake hands before their meeting in Ankara (AP Photo/John Doe)\n\n"
            f"{LEAD}\n\n{SECOND}\n\n{THIRD}")
    article = extract_article(RawDocument(content=text.encode(), source="standfirst.txt"))
    assert article.title == "Ministers agree to reopen consulates"
    assert (article.byline, article.published) == ("Jane Roe", "2019-11-19")


def test_a_sentence_with_a_full_stop_is_not_the_headline() -> None:
    text = ("Ministers agree to reopen consulates\n\n"
            "Officials from both countries say a deal on shipping routes could follow within weeks.\n\n"
            f"{LEAD}\n\n{SECOND}\n\n{THIRD}")
    article = extract_article(RawDocument(content=text.encode(), source="dek.txt"))
    assert article.title == "Ministers agree to reopen consulates"


def test_text_pasted_twice_keeps_its_first_telling() -> None:
    text = f"{LEAD}\n\n{SECOND}\n\n{THIRD}"
    article = extract_article(RawDocument(content=f"{text}\n\n{text}".encode(), source="twice.txt"))
    assert article.body.count(LEAD) == 1 and article.body.count(SECOND) == 1 and article.body.count(THIRD) == 1


def test_headline_below_long_navigation_and_dateline_under_a_caption() -> None:
    # A real copied page (CTV News, 18 Nov 2019): menus, the headline, a photo caption taken for prose, then the
    # credit and the dateline; the headline shares the lead's words and is chosen over the navigation.
    menus = ("Skip to Main Content\nSkip to Section Links\nCTV News\nMobile\nCTV\nLive Now:\nYour Morning\n"
             "HOT TOPICS SIN scam\nLiberal cabinet\nViral video\nSearch\nSearch CTV News\nX\nNEWS\nVIDEO\nLOCAL\n"
             "SHOWS\nCTV NEWS CHANNEL\nMYNEWS\nCONNECT\nABOUT\nAdvertisement\n")
    text = (menus + "Snooze cruise: Study sees future for hibernating astronauts\n"
            "In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert L. Curbeam Jr., left, and "
            "European Space Agency astronaut Christer Fuglesang, participate in a space walk during construction of "
            "the International Space Station. (NASA via AP, File)\n0\nThe Associated Press\n"
            "Published Monday, November 18, 2019 8:22AM EST\n"
            "BERLIN -- The European Space Agency says putting astronauts into a state of suspended animation could "
            "make it easier to reach other planets.\n"
            "The agency said Monday that its researchers examined how hibernation would affect the design of a "
            "crewed mission to Mars and concluded that it could help to significantly shrink the size of spacecraft.\n"
            "While slowing down humans' metabolic rate similarly to the way animals hibernate isn't possible yet, "
            "research team head Jennifer Ngo-Anh says the idea \"is actually not so crazy.\"\n")
    article = extract_article(RawDocument(content=text.encode(), source="ctv.txt", content_type="text/plain"))
    assert article.title == "Snooze cruise: Study sees future for hibernating astronauts"
    assert article.published == "2019-11-18T08:22-05:00"
    assert "BERLIN -- The European Space Agency" in article.body
    assert "HOT TOPICS" not in article.body and "Published Monday" not in article.body


def test_headline_found_by_the_url_and_lead_among_teasers() -> None:
    # Written for the test from a real story's headline and teaser (New York Post, 18 Nov 2019): a teaser of
    # another story stands nearer the lead than the headline does.
    text = ("Home\nNews\nWorld\n\nChinese hunter catches bubonic plague after eating wild rabbit\n\n"
            "By Post Staff\n\nNovember 18, 2019\n\n"
            "Two patients diagnosed with plague in China as officials scramble to prevent outbreak\n\n"
            "A hunter in Inner Mongolia has been diagnosed with bubonic plague after eating a wild rabbit, "
            "Chinese health officials said.\n\n"
            "The man, a 55-year-old local, was being treated in hospital, and 28 people who came into close contact "
            "with him had been quarantined, the officials said in a statement.\n\n"
            "Plague is spread by fleas that live on rabbits and rodents, and it can be treated with antibiotics.")
    url = "https://nypost.com/2019/11/18/chinese-hunter-catches-bubonic-plague-after-eating-wild-rabbit/"
    article = extract_article(RawDocument(content=text.encode(), source=url, content_type="text/plain"))
    assert article.title == "Chinese hunter catches bubonic plague after eating wild rabbit"
    assert article.published == "2019-11-18"


def test_headline_not_its_standfirst_nor_a_menu_line_above_it() -> None:
    # Real copied lines (NBC DFW, 2019; BigBrandSystem, 2018): the standfirst under the headline repeats more of
    # the lead, and a capitalised menu line stands above a headline.
    text = ("News\nLocal\nWeather\n'We Got Her!' Video Shows Dramatic Rescue of Kidnapped Girl\n"
            "A video showing the dramatic moment a kidnapped 8-year-old Fort Worth girl was rescued\n"
            "Published Nov 18, 2019 at 6:52 PM\n"
            "Police released video Monday showing the dramatic rescue of an 8-year-old girl who was kidnapped while "
            "walking with her brother in Fort Worth.\n"
            "The girl was found in a hotel room in Forest Hill about 15 hours after she was kidnapped, police said.\n"
            "Officers and FBI agents forced their way into the room and found the girl with the suspect, who was "
            "arrested.\n")
    article = extract_article(RawDocument(content=text.encode(), source="nbcdfw.txt", content_type="text/plain"))
    assert article.title == "'We Got Her!' Video Shows Dramatic Rescue of Kidnapped Girl"
    menu = ("Check out my free workshops. Pick your topic and start watching now:\nVISUAL MARKETING\n"
            "GROWING AN ONLINE BUSINESS\nHow to Adopt an Online Leader Success Mindset\n197 Shares\nBuffer\nShare\n"
            "by Pamela Wilson\n"
            "Growing an online business takes more than a website: it takes the mindset of a leader who is willing "
            "to be seen, to teach and to make decisions.\n"
            "An online leader success mindset is something you can learn, and this article shows you how to start.\n"
            "Leaders online share what they know, ask for feedback and keep going when growth is slow.\n")
    article = extract_article(RawDocument(content=menu.encode(), source="bbs.txt", content_type="text/plain"))
    assert article.title == "How to Adopt an Online Leader Success Mindset"


@pytest.mark.parametrize(
    ("line", "expected"),
    [  # real datelines from copied pages (VentureBeat, Autoindustriya, autoracing.com.br, CNN)
        ("Reuters November 18, 2019 11:03 PM", "2019-11-18T23:03"),
        ("Brent Co November 20, 2019 12:32", "2019-11-20T12:32"),
        ("segunda-feira, 22 de janeiro de 2018 às 0:13", "2018-01-22T00:13"),
        ("Updated 0339 GMT (1139 HKT) November 19, 2019", "2019-11-19"),
    ],
)
def test_datelines_with_a_name_a_weekday_in_another_language_or_a_four_digit_clock(line: str, expected: str) -> None:
    from newsgraph.extract.copied import date_line

    assert date_line(line, None)[0] == expected


def test_a_date_inside_a_sentence_is_no_dateline() -> None:
    from newsgraph.extract.copied import date_line

    assert date_line("The summit of November 18, 2019 ended without a statement", None) is None
    assert date_line("He said on November 18, 2019", None) is None


def test_headline_among_a_list_of_other_headlines() -> None:
    # Real copied lines (MacRumors, 18 Nov 2019): the story's headline under a list of other stories' headlines
    # that share its words; the byline under it decides, and a headline two lines up is no standfirst of it.
    text = ("Top Stories\n16-Inch MacBook Pro: Magic Keyboard, Physical Esc Key, Up to 64GB of RAM, and More\n"
            "First Impressions Praise Scissor Keyboard, Larger Display\nMac Pro Shipping in December\n"
            "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020\n"
            "Monday November 18, 2019 7:45 am PST by Joe Rossignol\n"
            "Following the 16-inch MacBook Pro, Apple plans to release a new 13-inch MacBook Pro with a scissor "
            "switch keyboard in the first half of 2020, according to analyst Ming-Chi Kuo.\n"
            "In a research note with TF International Securities today, Kuo said the 13-inch model will have the "
            "same Magic Keyboard with a scissor mechanism as the new 16-inch model.\n"
            "Kuo expects the keyboard to be used in all MacBook models by the end of 2020.\n")
    article = extract_article(RawDocument(content=text.encode(), source="macrumors.txt", content_type="text/plain"))
    assert article.title == "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020"
    assert article.published == "2019-11-18T07:45-08:00"


def test_headline_sharing_no_word_with_the_lead_over_its_byline() -> None:
    # Real copied lines (MSN / CNN, Nov 2019): teasers of other stories above; the headline shares no word of
    # four letters with the lead, but its byline stands under it.
    text = ("Megabus is offering free tickets on Cyber Monday\n"
            "2020 Mini John Cooper Works GP is the most hardcore Mini to date\n"
            "Why you should always close the door before you go to bed\n"
            "The man whose duvet nearly killed him: How this medical mystery was solved\n"
            "By Sandee LaMotte, CNN\n1 day ago\n"
            "The symptoms came on quickly. First it was hard to breathe, then dizzy spells caused by any amount of "
            "exertion.\n"
            "\"Two months after the onset of the symptoms, I was unable to stand or walk for more than a few minutes "
            "at a time,\" wrote Taylor in a case report.\n"
            "Four doctor appointments failed to find the cause, which was \"extremely distressing,\" wrote Taylor.\n")
    article = extract_article(RawDocument(content=text.encode(), source="msn.txt", content_type="text/plain"))
    assert article.title == "The man whose duvet nearly killed him: How this medical mystery was solved"


def test_article_ends_where_a_dated_teaser_of_another_story_opens() -> None:
    # A real copy (Washington Examiner, 18 Nov 2019, from the ScrapingHub benchmark, MIT licence; lxml text of
    # the page): after the article and its tags, 16 teasers of other stories, each a headline, a byline, a date
    # and a lead; the article's weight must not carry them into the body.
    text = (Path(__file__).parent / "data" / "washingtonexaminer_xi_copy.txt").read_text(encoding="utf-8")
    article = extract_article(RawDocument(content=text.encode(), source="examiner.txt", content_type="text/plain"))
    assert "In short, slaughter is likely coming to Hong Kong." in article.body
    assert "Carlos Ghosn" not in article.body and "Chick-fil-A" not in article.body
    assert article.body.startswith("With Hong Kong protests exploding to new levels")
    assert article.published == "2019-11-18T12:26"


def test_headline_and_dateline_run_into_one_line() -> None:
    # A real Chromium copy (PanArmenian, 20 Nov 2019, ScrapingHub benchmark): the headline and the dateline are
    # two lines of one block, which the reader of hard-wrapped text joins into one.
    text = ("Home\nAll\xa0news\nWorld\nForeign Policy & Diaspora\nPolitics\nSociety\nmore... \n"
            " Overview\xa0\xa0\xa0 News\xa0\xa0\xa0 Articles\xa0\xa0\xa0 Interviews\n\t\n\xa0Calendar\n\t\nInvalid query\n\t\n"
            "Amnesty. More than 100 protesters killed in Iran unrest\nNovember 20, 2019 - 11:28 AMT\n\n"
            "PanARMENIAN.Net - Verified video footage, eyewitness testimony from people on the ground and "
            "information gathered from human rights activists outside Iran reveal a harrowing pattern of unlawful "
            "killings by Iranian security forces, which have used excessive and lethal force to crush largely "
            "peaceful protests in more than 100 cities across Iran sparked by a hike in fuel prices on 15 November, "
            "said Amnesty International on Tuesday, November 19.\n\n"
            "At least 106 protesters in 21 cities have been killed, according to credible reports received by "
            "Amnesty. The organization believes that the real death toll may be much higher, with some reports "
            "suggesting as many as 200 have been killed.\n")
    article = extract_article(RawDocument(content=text.encode(), source="panarmenian.txt", content_type="text/plain"))
    assert article.title == "Amnesty. More than 100 protesters killed in Iran unrest"
    assert article.published == "2019-11-20T11:28"


def test_a_sentence_ending_in_a_date_is_not_cut() -> None:
    from newsgraph.extract.text import split_headline_dates

    lines = ["Talks between the two ministers were held on November 20, 2019",
             "John Smith November 20, 2019 at 3:17 pm"]
    assert split_headline_dates(lines[:1]) == lines[:1]
    assert split_headline_dates(lines[1:]) == lines[1:]  # a name and a date: a dateline already
