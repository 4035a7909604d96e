"""A "when"/"after" clause takes the month or year of the clause it hangs on, never its day (issue 12).
Sentences from PolNeAR news stories and a VOA story (public domain)."""

from __future__ import annotations


def _event(nlp, text: str, published: str, etype: str):
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    doc = nlp(doc)
    found = [e for e in doc._.ng_events if e.type == etype]
    assert found, [(e.type, e.trigger) for e in doc._.ng_events]
    return found[0]


def test_an_after_clause_takes_the_month_of_its_head(nlp):
    ev = _event(nlp, (
        "Trump called for the ban in December after Syed Rizwan Farook and his wife, Tashfeen Malik, killed "
        "14 people in a mass shooting in San Bernardino, Calif."
    ), "2016-02-20T12:00", "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2015-12", "month")


def test_a_when_clause_takes_the_month_of_its_head(nlp):
    ev = _event(nlp, (
        "On the Republican side, leading candidate Donald Trump caused consternation in December, when he "
        "criticized Scalia for questioning affirmative action."
    ), "2016-02-20T12:00", "DISAPPROVE")
    assert (ev.date, ev.date_precision) == ("2015-12", "month")


def test_an_after_clause_takes_the_year_of_its_head(nlp):
    ev = _event(nlp, (
        "Relations also soured in 2010 after Israeli commandos stormed the Mavi Marmara, a Turkish-owned ship "
        "that was part of a flotilla trying to break an Israeli blockade of the Gaza Strip."
    ), "2021-05-10T20:00", "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2010", "year")


def test_an_after_clause_does_not_take_the_day_of_its_head(nlp):
    ev = _event(nlp, (
        "Turkey recalled its ambassador on Monday after Israeli commandos stormed the Mavi Marmara."
    ), "2021-05-10T20:00", "ASSAULT")
    assert ev.date is None


def test_late_last_year_is_about_its_last_month(nlp):
    # New York Times (PolNeAR), 2016-01-20: the tax extenders deal of December 2015
    ev = _event(nlp, (
        "The budget office now says the reckoning will arrive sooner, in large part because Congress and "
        "President Obama agreed late last year to permanently extend a raft of tax cuts for corporations "
        "and individuals."
    ), "2016-01-20T12:00", "AGREE")
    assert (ev.date, ev.date_precision) == ("2015-12", "approximate")
