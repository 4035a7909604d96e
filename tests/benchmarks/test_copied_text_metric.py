"""The copied-text benchmark's truth: which pages show a headline and a day, and when a date is right."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _load():  # noqa: ANN202 - the benchmark module
    spec = importlib.util.spec_from_file_location("copied_text", BENCH / "copied_text.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["copied_text"] = module
    spec.loader.exec_module(module)
    return module


ct = _load()


def test_shows_day_in_any_language_and_not_in_a_tweet_signature() -> None:
    day = {dt.date(2018, 9, 24)}
    assert ct.shows_day("Меню\nТекст: Венера Ерофеева·24 сентября 2018\nСтатья", day)
    assert ct.shows_day("sexta-feira, 24 de setembro de 2018 às 20:13", day)
    assert ct.shows_day("Updated 2018/09/24 13:36", day)
    assert not ct.shows_day("— Rep. Ilhan Omar (@Ilhan) September 24, 2018", day)
    assert not ct.shows_day("Updated Sep 24, 9:41 AM", day)  # no year printed


def test_local_days_and_date_right_compare_instants_not_utc_days() -> None:
    # Declared in UTC just after midnight, printed in New York the evening before: the same instant.
    days = ct.local_days("2019-11-20T02:07:18Z")
    assert dt.date(2019, 11, 19) in days and dt.date(2019, 11, 20) in days
    assert ct.date_right("2019-11-19T21:07-05:00", "2019-11-20T02:07:18Z", days)
    assert not ct.date_right("2019-11-20T21:07-05:00", "2019-11-20T02:07:18Z", days)
    assert ct.local_days("2019-11-20 13:42:06+08:00") >= {dt.date(2019, 11, 20)}
    assert ct.local_days("2019-11-20") == {dt.date(2019, 11, 20)}
    assert ct.local_days("0001-01-01T00:00:00Z") == set()


def test_shown_titles_leaves_out_a_headline_the_copy_never_prints() -> None:
    titles = {ct._tokens("WeWork employees to be laid off this week")}
    assert ct.shown_titles(titles, "Menu\nMajor WeWork layoffs to begin today\nText") == set()
    assert ct.shown_titles(titles, "Menu\nWeWork employees to be laid off this week\nText") == titles
