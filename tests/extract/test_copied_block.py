"""Which block of a copied page is the article, and which line its headline, when teasers surround it.

Article sentences are from VOA stories (public domain, ``news-gold/stories.jsonl``); the teasers and page
furniture are written for these tests in the shapes outlets print them.
"""

from __future__ import annotations

from newsgraph.extract import extract_article
from newsgraph.model import RawDocument

HEADLINE = "Military says death toll in Pakistan's train hijacking rises to 31"
ARTICLE = [
    "Pakistan officials confirmed Friday that 31 people, including 23 security personnel, lost their lives in "
    "Tuesday's train hijacking by armed militants in the country's restive Balochistan province.",
    "In a news briefing, Lieutenant General Ahmed Sharif Chaudhry said 18 off-duty military and paramilitary "
    "Frontier Corps personnel, three railway staff and five civilian passengers were among those killed in the "
    "initial attack.",
    "Five Frontier Corps personnel were also killed in the attack and the ensuing battle with militants.",
]
#: Other stories' summaries, as a teaser grid cuts them off.
TEASERS = [
    "Top diplomats from the Group of Seven leading industrial nations gathered Thursday in Charlevoix, Quebec, as "
    "host country Canada outlined its top agenda, focusing on achieving a just and lasting peace in Ukraine and...",
    "U.S. President Donald Trump ramped up his trade war with Canada on Tuesday, doubling the 25% U.S. tariff on "
    "its northern neighbor's steel and aluminum exports to 50% after Canada's Ontario provincial leader said...",
    "Prime Minister Yoshihide Suga is expected visit India and the Philippines in late April, in a move to "
    "strengthen regional ties after meeting with U.S. President Joe Biden, according to Kyodo News, citing...",
    "Sudanese authorities have approved a law to dismantle the foundations of former president Omar al-Bashir's "
    "government. Demonstrators flooded the streets in Khartoum in celebration of the new law, which also...",
    "On Feb. 24, the Moroccan counterterror agency broke up a terrorist cell calling itself the Lions of the "
    "Caliphate in the Maghreb Al Aqsa. Authorities said the group was making remote-controlled bombs to...",
]


def read(text: str):
    return extract_article(RawDocument(content=text.encode("utf-8"), source="test", content_type="text/plain"))


def test_truncated_teasers_are_not_the_article():
    # The teaser grid has more words than the article; its summaries end cut off ("... said...").
    page = "\n\n".join(["Home", "World", "Latest", *TEASERS, HEADLINE, "March 14, 2025 8:30 PM", *ARTICLE,
                        "Share this story"])
    article = read(page)
    assert article.title == HEADLINE
    assert article.published.startswith("2025-03-14")
    assert article.body.startswith("Pakistan officials confirmed Friday")
    assert "Group of Seven" not in article.body


def test_comment_count_beside_the_byline_does_not_end_the_article():
    # "0 Comments" is a link printed with the byline, after some teaser prose: the comments start later.
    page = "\n\n".join(["Breaking News", TEASERS[0].replace("...", "."), HEADLINE, "March 14, 2025",
                        "by VOA News", "0 Comments", *ARTICLE])
    article = read(page)
    assert article.body.startswith("Pakistan officials confirmed Friday")
    assert "Frontier Corps personnel were also killed" in article.body


def test_glued_teaser_headlines_do_not_outweigh_the_article():
    # A menu's teasers, the link's Title Case headline run into its summary without a space.
    glued = [
        "G7 Diplomats Convene In Canada With Ukraine Peace Atop AgendaTop diplomats from the Group of Seven "
        "leading industrial nations gathered Thursday in Charlevoix, Quebec, to discuss Ukraine.",
        "Trump Doubles Tariffs On Canadian Steel And AluminumU.S. President Donald Trump ramped up his trade war "
        "with Canada on Tuesday, doubling the tariff on its steel and aluminum exports.",
        "Japan's Prime Minister To Visit India And PhilippinesPrime Minister Yoshihide Suga is expected to visit "
        "India and the Philippines in late April to strengthen regional ties.",
    ]
    page = "\n".join(["Menu", "News", "Latest Headlines", *glued, *glued, "More", HEADLINE,
                      "March 14, 2025 at 8:30 pm", *ARTICLE, "Comments"])
    article = read(page)
    assert article.title == HEADLINE
    assert article.body.startswith("Pakistan officials confirmed Friday")
    assert "Charlevoix" not in article.body


def test_a_two_sentence_prompt_over_the_dateline_is_no_headline():
    page = "\n".join([
        "World", HEADLINE, "Share", "Video",
        "Get alerts on the Pakistan train hijacking. Follow live coverage of the militants' attack here",
        "March 14, 2025, 8:30 PM UTC", "By Ayaz Gul", *ARTICLE,
    ])
    assert read(page).title == HEADLINE


def test_a_list_of_dated_teasers_between_headline_and_article():
    # Headline and date, then "More stories like this one": section, headline, date, several times over.
    teasers = []
    for section, title, date in [
        ("WORLD", "Pakistan train attack survivors recount hours of terror", "March 12, 2025"),
        ("ASIA", "Army says militants killed security personnel and passengers in Balochistan train attack",
         "March 12, 2025"),
        ("WORLD", "Separatists claim attack on Pakistan train", "March 11, 2025"),
        ("ASIA", "Frontier Corps personnel killed in battle with militants in Balochistan province",
         "February 2, 2025"),
    ]:
        teasers += [section, title, date]
    page = "\n".join(["News", HEADLINE, "Ayaz Gul", "March 14, 2025 20:30", "FIND A STORY",
                      "MORE STORIES LIKE THIS ONE", *teasers, *ARTICLE, "Tags: Pakistan"])
    article = read(page)
    assert article.title == HEADLINE
    assert article.published.startswith("2025-03-14")


def test_a_breadcrumb_holding_the_headline_is_not_it():
    title = "New Law in Sudan Dismantles Foundations of Bashir's Government"
    page = "\n".join([
        "Home", "Africa", f"Home Africa {title}",
        "This post may contain affiliate links. Please see our disclosure page.",
        title.upper(), "written by Hassan Kennedy",
        "Sudanese authorities have approved a law to dismantle the foundations of former president Omar "
        "al-Bashir's government.",
        "Demonstrators flooded the streets in Khartoum in celebration of the new law, which also repeals a public "
        "order act used to regulate women's dress and behavior.",
    ])
    assert read(page).title.casefold() == title.casefold()


def test_a_short_article_under_its_headline_beats_a_longer_footer_paragraph():
    # A two-paragraph story under headline, byline and date; the page's footer has one longer paragraph.
    teasers = []
    for title, date in [("G7 diplomats convene in Canada", "03/13/2025 01:14 PM"),
                        ("Trump doubles tariffs on Canadian steel", "03/11/2025 10:08 AM")]:
        teasers += [title, "By VOA NEWS", date]
    footer = ("The Customer Service Center can be contacted with any questions or requests by telephone, by e-mail or "
              "through the contact form on this site, and the team of the service center will answer every request "
              "within two business days, except on Saturdays, Sundays and holidays, when the center is closed to "
              "the public and requests are answered on the next business day.")
    page = "\n".join(["Login", "BREAKING NEWS", HEADLINE, "By VOA NEWS", "MARCH 14, 2025 20:30", *ARTICLE[:2],
                      *teasers, footer, "Copyright © 2025. All rights reserved."])
    article = read(page)
    assert article.title == HEADLINE
    assert article.body.startswith("Pakistan officials confirmed Friday")
    assert "Customer Service Center" not in article.body


def test_a_list_of_headlines_after_the_article_ends_it():
    more = ["More Great Stories", "G7 diplomats convene in Canada with Ukraine peace atop the agenda",
            "Trump doubles tariffs on Canadian steel and aluminum", "Japan's prime minister to visit India and Philippines",
            "IS in Sahel expands terror threat beyond strongholds"]
    bio = ("Ayaz Gul is a correspondent covering Pakistan and Afghanistan for the network and has reported from "
           "the region for two decades.")
    page = "\n\n".join([HEADLINE, "By Ayaz Gul", "March 14, 2025", *ARTICLE, *ARTICLE, *more, bio])
    body = read(page).body
    assert body.startswith("Pakistan officials confirmed Friday")
    assert "G7 diplomats" not in body and "correspondent covering Pakistan" not in body


def test_a_box_of_related_headlines_inside_the_article_does_not_end_it():
    box = ["Pakistan train attack survivors recount hours of terror [VIDEO]",
           "Army says operation to free train passengers is over [INSIGHT]",
           "Separatists claim attack on Pakistan train [NEWS]"]
    rest = ["Separatist militants from Baloch Liberation Army (BLA), a designated terror group, took over the "
            "Jaffar Express near Sibi hours after it left the provincial capital, Quetta.",
            "The train was carrying more than 400 passengers when it was attacked in a remote mountainous area, "
            "officials said, and security forces surrounded it within hours.",
            "Chaudhry said the militants had been in contact with handlers in neighboring Afghanistan throughout "
            "the siege, a charge the Taliban government in Kabul has rejected."]
    page = "\n\n".join([HEADLINE, "March 14, 2025", *ARTICLE, *box, *rest])
    assert "handlers in neighboring Afghanistan" in read(page).body


def test_a_note_on_the_author_closing_the_story_is_not_its_text():
    note = "Ayaz Gul is a correspondent for VOA News based in Islamabad."
    page = "\n\n".join([HEADLINE, "By Ayaz Gul", "March 14, 2025", *ARTICLE, note])
    body = read(page).body
    assert "Five Frontier Corps personnel were also killed" in body
    assert "is a correspondent for VOA" not in body


def test_a_sentence_on_a_reporter_inside_the_story_stays():
    inside = "Ayaz Gul is a correspondent for VOA News who was on the train when it was attacked."
    page = "\n\n".join([HEADLINE, "March 14, 2025", ARTICLE[0], inside, *ARTICLE[1:]])
    assert inside in read(page).body


def test_headline_over_a_comment_count_cut_into_fragments_a_standfirst_and_a_bare_by():
    # A copy cut "New, 15 comments" and "By" + the author's link into lines of their own.
    standfirst = "Officials say most of the dead were off-duty soldiers"
    page = "\n".join(["World", "Asia", HEADLINE, "New,", "15", "comments", standfirst, "By", "Ayaz Gul",
                      "Mar 14, 2025, 8:30pm EDT", "Share this story", *ARTICLE])
    article = read(page)
    assert article.title == HEADLINE
    assert article.byline == "Ayaz Gul"


def test_a_list_the_article_introduces_with_a_colon_is_its_own():
    items = ["Sibi district, 14 dead and 20 wounded", "Quetta district, 9 dead", "Bolan Pass, 6 dead and 3 missing",
             "Mach town, 2 dead"]
    page = "\n".join([HEADLINE, "March 14, 2025", *ARTICLE, "The dead by the district where they lived:", *items,
                      "Share this story", "Related coverage from Asia:", "Pakistan train attack survivors recount "
                      "hours of terror", "Separatists claim attack on Pakistan train"])
    body = read(page).body
    assert "Sibi district, 14 dead" in body and "Mach town, 2 dead" in body
    assert "survivors recount" not in body


def test_a_line_between_the_dateline_and_the_article_is_not_the_headline():
    # A line under the dateline (a kicker, a results row) sharing more words with the lead than the headline.
    title = "Death toll rises in hijacking"
    row = "Officials: 31 people lost lives in hijacking"
    page = "\n".join(["News", title, "Ayaz Gul", "Published 8:30 PM EDT Mar 14, 2025", "Photo: Frontier Corps", row,
                      *ARTICLE])
    assert read(page).title == title


def test_a_state_agency_page_with_a_source_label_an_end_mark_and_a_slash_credit_caption():
    caption = "Soldiers stand guard near the site of the attack in Sibi, Pakistan, March 14, 2025. (Xinhua/Ahmad Kamal)"
    page = "\n".join(["Home | World | Asia-Pacific", HEADLINE, "Source: Xinhua | 2025-03-14 20:36:00 | Editor: huaxia",
                      "Video Player Close", ARTICLE[0], ARTICLE[1], caption, ARTICLE[2] + " ■", "Related:",
                      "Pakistan condemns train attack", "Copyright © 2000-2025 XINHUANET.com All rights reserved."])
    article = read(page)
    assert article.title == HEADLINE
    assert article.published == "2025-03-14T20:36:00"
    assert article.byline == "Xinhua" and article.site == "Xinhua"
    assert article.body.endswith("the ensuing battle with militants.")
    assert "Ahmad Kamal" not in article.body and "condemns" not in article.body


def test_a_tass_shaped_copy_dated_without_its_year_and_credited_in_slashes():
    import datetime as dt

    page = "\n".join(["TASS", "Russian News Agency", "World", "Politics", HEADLINE, "14 MAR, 20:36",
                      "ISLAMABAD, March 14. /TASS/. " + ARTICLE[0], ARTICLE[1], ARTICLE[2]])
    fetched = dt.datetime(2025, 3, 15, 9, 0, tzinfo=dt.timezone.utc)
    article = extract_article(RawDocument(content=page.encode(), source="t", content_type="text/plain",
                                          fetched_at=fetched))
    assert article.published == "2025-03-14T20:36"
    assert article.byline == "TASS" and article.site == "TASS"
    # Without a fetch time the year is unknown: no date rather than a guess.
    assert read(page).published is None


def test_a_yearless_date_in_a_sentence_is_no_dateline():
    import datetime as dt

    from newsgraph.extract.copied import date_line

    fetched = dt.datetime(2025, 3, 15, 9, 0, tzinfo=dt.timezone.utc)
    assert date_line("The talks were held on March 14 at 8:30 pm in Quetta", fetched) is None
    assert date_line("Updated Mar 14, 9:41 AM", fetched) == ("2025-03-14T09:41", "minute")
