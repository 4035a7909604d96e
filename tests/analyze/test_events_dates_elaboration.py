"""A statement (and the speech act it tells) that the very next sentence elaborates, a quote of the same
speaker opening that sentence and said on a named day, was made that day (issue 12): "X denounced ...
'We are right,' he said Wednesday."  Passages from PolNeAR news stories (USA Today, The Huffington
Post, The Washington Post, Breitbart, The New York Times); none from news-gold."""

from __future__ import annotations


def _analyse(nlp, text: str, published: str):
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    return nlp(doc)


def _statement(doc, cue: str):
    found = [st for st in doc._.ng_statements
             if st.cue_start is not None and doc.text[st.cue_start:st.cue_end] == cue]
    assert found, [(st.cue_start, st.date) for st in doc._.ng_statements]
    return found[0]


def test_a_demand_elaborated_by_an_interview_on_a_named_day(nlp):
    doc = _analyse(nlp, (
        "Rep. Adam Schiff, the top Democrat on the House Intelligence Committee, called on President Obama "
        "to retaliate against Russia for interference in the presidential election.\n\n\"What makes this "
        "new and troubling is not just the intelligence-gathering of hacking into a political party,\" "
        "Schiff told Capital Download on Wednesday, \"but the attempt to interfere with the election "
        "process.\""
    ), "2016-09-08T12:00")
    ev = next(e for e in doc._.ng_events if e.trigger and "called" in e.trigger.split())
    assert (ev.type, ev.date) == ("DEMAND", "2016-09-07")


def test_a_quote_of_two_sentences_still_follows_the_paraphrase(nlp):
    doc = _analyse(nlp, (
        "Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested business mogul Donald Trump’s refusal to "
        "disavow the Ku Klux Klan could disqualify him from the presidential race.\n\n“It’s breathtaking. "
        "That is disqualifying right there,” Scarborough said Monday."
    ), "2016-02-29T12:00")
    st = _statement(doc, "suggested")
    assert (st.date, st.date_source) == ("2016-02-29", "text")


def test_a_saying_placed_after_another_occasion_is_not_elaborated(nlp):
    # the Washington Post's sentences, the second one's quote moved to its front
    doc = _analyse(nlp, (
        "Trump said after the convention he would not accept Cruz's endorsement if it were offered. \"I am "
        "greatly honored by the endorsement of Senator Cruz,\" Trump said Friday in a statement."
    ), "2016-09-26T12:00")
    st = _statement(doc, "said")  # the first one
    assert st.date_source == "published"


def test_a_saying_introduced_by_its_own_occasion_is_another_act(nlp):
    doc = _analyse(nlp, (
        "Trump said after the convention he would not accept Cruz's endorsement if it were offered. But in "
        "a statement Friday, Trump said: \"I am greatly honored by the endorsement of Senator Cruz.\""
    ), "2016-09-26T12:00")
    st = _statement(doc, "said")
    assert st.date_source == "published"


def test_a_newspaper_named_today_dates_no_saying(nlp):
    doc = _analyse(nlp, (
        "Stein spokeswoman Melezia Figueroa said the candidate was headed to the venue to participate in "
        "media interviews.\n\n“We were there under legitimate pretenses,” Figueroa told USA Today."
    ), "2016-09-26T12:00")
    st = _statement(doc, "said")
    assert st.date_source == "published"


def test_another_act_on_a_named_day_is_no_elaboration(nlp):
    doc = _analyse(nlp, (
        "Hillary Clinton has suggested her husband would be used for “special missions” overseas. Bill "
        "Clinton said he plans to continue to work on his own projects, including delivering speeches on "
        "topics of interest.\n\nFriday, Bill Clinton announced he will step down from running the Clinton "
        "Foundation if his wife wins the presidency."
    ), "2016-08-20T12:00")
    st = _statement(doc, "said")
    assert st.date_source == "published"


def test_a_quote_opening_inside_another_sentence_dates_no_quote_before(nlp):
    doc = _analyse(nlp, (
        "''He's a great gentleman, a good golfer and a wonderful guy,'' the real estate developer said of "
        "Mr. Clinton.\n\nIn the past week, any semblance of a friendship between Mr. Trump and Bill Clinton "
        "came to an ugly end.\n\n''If Hillary thinks she can unleash her husband while playing the women's "
        "card on me, she's wrong!'' Mr. Trump wrote on Twitter on Monday."
    ), "2015-12-31T12:00")
    st = _statement(doc, "said")
    assert st.date_source == "published"
