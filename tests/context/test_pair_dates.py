"""The dates of a pair's two values (issue 15): the old value of "48,200, down from 51,000
a year earlier" is dated by its own time words, counted back from the new value's date
where they count back; the new value is never dated by the old one's words."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import extract
from factcheck.models import Claim

# A Wednesday.
PUBLISHED = date(2025, 5, 14)


def _pair(text: str) -> tuple[Claim, Claim]:
    """The new value (or change) and the old value of the pair in ``text``."""
    claims = [c for c in extract(text, PUBLISHED) if c.role in ("after", "before", "change")]
    by_role = {c.role: c for c in claims}
    return by_role.get("after") or by_role.get("change"), by_role["before"]


@pytest.mark.parametrize(
    ("text", "as_of", "precision"),
    [
        # counted back from an undated new value: a year from the story's year
        ("Enrolment at the college was 48,200 this autumn, down from 51,000 a year earlier.", date(2024, 1, 1), "year"),
        ("The striker scored 19 goals, against 12 the year before.", date(2024, 1, 1), "year"),
        # counted back from the new value's own date
        ("Inflation was 2.8% in April, up from 2.6% a year earlier.", date(2024, 4, 1), "month"),
        ("Exports were worth $3.1 billion in March, compared with $2.7 billion the previous month.", date(2025, 2, 1), "month"),
        ("Wind speeds reached 14 mph on Tuesday, versus 9 mph the day before.", date(2025, 5, 12), "day"),
        # a date of its own, found by the resolver
        ("Inflation was 2.8% in April, compared with 3.1% in March.", date(2025, 3, 1), "month"),
        ("Median prices stood at £285,000, up from £270,000 in 2023.", date(2023, 1, 1), "year"),
        ("Quarterly revenue rose to $4.2 billion, up from $3.9 billion a year ago.", date(2024, 1, 1), "year"),
    ],
)
def test_the_old_value_is_dated_by_its_own_time_words(text: str, as_of: date, precision: str) -> None:
    _, before = _pair(text)
    assert (before.as_of, before.as_of_precision) == (as_of, precision)


@pytest.mark.parametrize(
    "text",
    [
        # a season is no calendar date the resolver can name
        "Attendance averaged 1,850 a game, versus 2,100 last season.",
        # a month counted back from the story's day would be a guess: the new value is
        # mostly last month's, not today's
        "The jobless rate fell to 3.9%, down from 4.2% the previous month.",
        "Vaccination rates reached 88%, up from 79%.",
    ],
)
def test_an_old_value_without_a_date_of_its_own_is_earlier_not_today(text: str) -> None:
    _, before = _pair(text)
    assert (before.as_of, before.as_of_source) == (None, "earlier")


@pytest.mark.parametrize(
    "text",
    [
        "Ridership climbed from 41,000 in 2019 to 55,000.",
        "Ridership reached 55,000, up from 41,000 in 2019.",
    ],
)
def test_the_new_value_is_not_dated_by_the_old_values_date(text: str) -> None:
    after, before = _pair(text)
    assert before.as_of == date(2019, 1, 1)
    assert (after.as_of, after.as_of_source) == (PUBLISHED, "published")


def test_the_old_value_is_an_earlier_value_for_the_checks() -> None:
    # one notion of an earlier value: the frame's role, as for "from X to Y"
    after, before = _pair("The hospital treated 640 patients in June, compared with 575 in May.")
    assert (after.frame.role, before.frame.role) == ("current", "earlier")
    assert before.frame.value_of_start == after.start
