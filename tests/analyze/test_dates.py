"""newsgraph_dates: date expressions resolved against the publication date, precision never overstated."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.analyze.dates import parse_published, resolve_date

THURSDAY = dt.datetime(2023, 6, 22, 20, 22)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("June 21", "2023-06-21", "day"),
        ("On June 19", "2023-06-19", "day"),
        ("21 June 2023", "2023-06-21", "day"),
        ("December 25", "2022-12-25", "day"),  # news looks back: last Christmas, not the next
        ("yesterday", "2023-06-21", "day"),
        ("Wednesday", "2023-06-21", "day"),
        ("Thursday", "2023-06-22", "day"),  # the publication day itself, not a week before
        ("on Monday", "2023-06-19", "day"),
        ("last year", "2022", "year"),
        ("this month", "2023-06", "month"),
        ("mid-June", "2023-06", "month"),
        ("2019", "2019", "year"),
        ("June 21, 2023 at 10:30", "2023-06-21T10:30", "minute"),
    ],
)
def test_resolved_against_publication(text, value, precision):
    assert resolve_date(text, THURSDAY) == (value, precision)


@pytest.mark.parametrize("text", ["a few days ago", "several days ago", "a couple of days ago", "last week"])
def test_vague_expressions_are_approximate_and_in_the_past(text):
    value, precision = resolve_date(text, THURSDAY)
    assert precision == "approximate"
    assert dt.date(2023, 6, 8) <= dt.date.fromisoformat(value) < dt.date(2023, 6, 22)


def test_a_few_days_ago_is_about_three_days():
    assert resolve_date("a few days ago", THURSDAY) == ("2023-06-19", "approximate")


@pytest.mark.parametrize("text", ["three years", "the past week", "the 1990s", "recent years", "10 a.m.", "decades"])
def test_durations_decades_and_bare_clock_times_are_unresolved(text):
    assert resolve_date(text, THURSDAY) == (None, None)


def test_without_publication_date_only_expressions_with_a_year_resolve():
    assert resolve_date("June 21", None) == (None, None)
    assert resolve_date("yesterday", None) == (None, None)
    assert resolve_date("June 21, 2023", None) == ("2023-06-21", "day")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2023-06-22T20:22", dt.datetime(2023, 6, 22, 20, 22)),
        ("2023-06-22", dt.datetime(2023, 6, 22)),
        ("2023-06-22T20:22:00Z", dt.datetime(2023, 6, 22, 20, 22)),
        ("2023-06-22T20:22:00+03:30", dt.datetime(2023, 6, 22, 20, 22)),
        (None, None),
        ("not a date", None),
    ],
)
def test_publication_dates_are_read(published, expected):
    assert parse_published(published) == expected


def _dates(nlp, text: str, published: str | None = "2023-06-22T20:22"):
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    return nlp(doc)._.ng_dates


def test_component_finds_and_resolves_dates_with_exact_offsets(nlp):
    text = "On June 21, the minister met the envoy. Talks began a few days ago and resume on Wednesday."
    found = _dates(nlp, text)
    by_text = {d.text: d for d in found}
    assert by_text["June 21"].value == "2023-06-21"
    assert by_text["a few days ago"].precision == "approximate"
    assert by_text["Wednesday"].value == "2023-06-21"
    for d in found:
        assert text[d.start:d.end] == d.text


def test_unknown_publication_date_leaves_relative_dates_unresolved(nlp):
    found = _dates(nlp, "The talks ended yesterday.", published=None)
    assert [(d.text, d.value) for d in found] == [("yesterday", None)]


def test_no_dates_and_empty_text(nlp):
    assert _dates(nlp, "The minister spoke to reporters.") == []
    assert _dates(nlp, "") == []


def test_a_dateline_is_one_mention(nlp):
    text = "Thursday 22 June 2023 - 20:22\n\nThe minister resigned."
    found = _dates(nlp, text, published=None)
    first = found[0]
    assert first.text.startswith("Thursday 22 June 2023")
    # with its clock time when the model takes it in, else the day alone
    assert (first.value, first.precision) in {("2023-06-22", "day"), ("2023-06-22T20:22", "minute")}
    assert not [d for d in found if d.text == "Thursday"]


@pytest.mark.parametrize("text", ["100000 years ago", "June 31", "February 30, 2023", "year 0"])
def test_impossible_dates_are_unresolved_not_errors(text):
    assert resolve_date(text, THURSDAY) == (None, None)


@pytest.mark.parametrize("text", ["29", "SU 35", "area 55", "its 20th year", "the 5th anniversary", "10"])
def test_numbers_that_are_not_dates(text):
    # ages, model and street numbers, ordinals: spaCy may tag them DATE, dateparser reads them as years
    assert resolve_date(text, THURSDAY) == (None, None)


def test_a_date_in_a_future_clause_is_read_forward():
    assert resolve_date("April 1", THURSDAY, future=True) == ("2024-04-01", "day")
    assert resolve_date("April 1", THURSDAY) == ("2023-04-01", "day")
    assert resolve_date("last week", THURSDAY, future=True)[1] == "approximate"


def test_the_clause_decides_past_or_future(nlp):
    doc = nlp.make_doc("After it joins the court on April 1, the authority will press charges. The talks ended on May 2.")
    doc._.ng_published = "2015-03-18T10:00"
    doc = nlp(doc)
    values = {d.text: d.value for d in doc._.ng_dates}
    assert values["April 1"] == "2015-04-01"
    assert values["May 2"] == "2014-05-02"


def test_a_moment_within_a_day_is_that_day():
    base = parse_published("2024-08-21T10:00:00Z")
    assert resolve_date("late Tuesday", base) == ("2024-08-20", "day")
    assert resolve_date("early on Wednesday", base) == ("2024-08-21", "day")
    assert resolve_date("the end of June", base) == ("2024-06", "month")
    assert resolve_date("the early morning hours", base)[1] == "approximate"  # of which day?


def test_a_weekday_right_after_a_past_verb_is_past(nlp):
    doc = nlp.make_doc("Netanyahu said Sunday Israel “will continue to maintain freedom of worship for all faiths.”")
    doc._.ng_published = "2021-05-10T10:00"
    doc = nlp(doc)
    assert [(d.text, d.value) for d in doc._.ng_dates] == [("Sunday", "2021-05-09")]


def test_a_day_counted_from_the_day_last_named(nlp):
    doc = nlp.make_doc(
        "The Jairan docked at the port on March 8. Two days later, the Jairan departed. "
        "Farmajo signed the legislation late Tuesday. One day earlier, parliament's lower house voted."
    )
    doc._.ng_published = "2025-03-14T10:00"
    doc = nlp(doc)
    by_text = {d.text: (d.value, d.precision) for d in doc._.ng_dates}
    assert by_text["Two days later"] == ("2025-03-10", "day")  # not two days after publication
    assert by_text["One day earlier"] == ("2025-03-10", "day")
    lone = nlp.make_doc("Two days later, the army attacked the town.")
    lone._.ng_published = "2025-03-14T10:00"
    assert [d.value for d in nlp(lone)._.ng_dates] == [None]  # later than what? no day is named
