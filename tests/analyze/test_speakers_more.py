"""Who said it, on real news: relative clauses ("X, who said"), ...

Sentences from PolNeAR articles (train where one fits; the article is named in a comment).
"""

from __future__ import annotations


def _by_content(doc, needle: str):
    found = [s for s in doc._.ng_statements if needle in s.content]
    assert len(found) == 1, [(s.speaker_text, s.content) for s in doc._.ng_statements]
    return found[0]


def _actor(doc, actor_id):
    return next(a for a in doc._.ng_actors if a.id == actor_id)


# ------------------------------------------------------------ relative clauses


def test_who_is_a_mention_of_the_speaker_it_stands_for(nlp):
    # PolNeAR train, breitbart 2016-02-08 ("The Latest: NH towns cast first votes")
    text = ("\"I don't like that he's taking super PAC money, I think that's one of the reasons I'm going to vote "
            "in this primary for Bernie,\" said Nicky Driscoll, 24,  from Manchester, who said Sanders is best "
            "suited to get corporate money out of government.")
    doc = nlp(text)
    st = _by_content(doc, "Sanders is best suited")
    assert st.speaker is not None
    speaker = _actor(doc, st.speaker)
    assert speaker.name == "Nicky Driscoll"
    who = text.index("who said")
    assert any(m.start == who and m.text == "who" for m in speaker.mentions)


def test_who_after_a_list_of_names_is_the_last_one(nlp):
    # PolNeAR dev, nyt 2016-09-25 ("Obama says African-American museum will tell of ...")
    doc = nlp("His speech was the centerpiece of a solemn, yet quietly jubilant, ceremony featuring the civil "
              "rights leader John Lewis, a Democratic congressman from Georgia, as well as celebrities like Oprah "
              "Winfrey, Will Smith, Robert DeNiro, Patti LaBelle and Stevie Wonder, who joked of the museum, "
              "''I haven't seen it yet.''")
    st = _by_content(doc, "I haven't seen it yet")
    assert st.speaker is not None and _actor(doc, st.speaker).name == "Stevie Wonder"


def test_who_after_a_name_and_its_office_is_the_name(nlp):
    # PolNeAR dev, wash-post 2016-09-16 ("Burma leader's visit to Washington ...")
    doc = nlp("Obama has had a frosty relationship with McConnell, now the Senate majority leader, who in 2010 "
              "said the GOP's most important goal was to make Obama a one-term president.")
    st = _by_content(doc, "most important goal")
    assert st.speaker is not None and "McConnell" in _actor(doc, st.speaker).name


# ------------------------------------------------------ "they" for a group named before


def test_they_is_the_group_a_plural_subject_counts(nlp):
    # news-gold dev text (VOA 6180206, Sudan): "thousands of Sudanese" is the subject; "They demanded" is theirs
    doc = nlp("He adds this is another achievement of the December revolution. Tens of thousands of Sudanese "
              "began protesting late last year in anger over rising food prices. They demanded reforms and "
              "Bashir's ouster. In April, the military removed Bashir from power.")
    st = _by_content(doc, "reforms and Bashir")
    assert st.speaker is not None and _actor(doc, st.speaker).name == "Sudanese"
