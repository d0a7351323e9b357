from __future__ import annotations

from datetime import date

import pytest

from context_helpers import annotate_one, annotate_surfaces
from factcheck.extract.context.dates import find_dates, resolve_month, resolve_month_day, resolve_short_year, resolve_weekday

MONDAY = date(2024, 5, 20)


def dates(text: str, published: date | None = MONDAY) -> list[tuple[str, date | None, str, str]]:
    return [(text[d.start : d.end], d.value, d.precision, d.source) for d in find_dates(text, 0, len(text), published)]


def test_a_bare_weekday_is_the_most_recent_such_day_on_or_before_publication() -> None:
    assert resolve_weekday(0, MONDAY) == MONDAY  # same day: that day, not a week later
    assert resolve_weekday(6, MONDAY) == date(2024, 5, 19)
    assert resolve_weekday(1, MONDAY) == date(2024, 5, 14)
    assert resolve_weekday(4, MONDAY, "last") == date(2024, 5, 17)
    assert resolve_weekday(0, MONDAY, "last") == date(2024, 5, 13)
    assert resolve_weekday(2, MONDAY, "next") == date(2024, 5, 22)


def test_a_month_day_without_year_is_the_most_recent_one_not_after_publication() -> None:
    assert resolve_month_day(10, 7, date(2024, 3, 26)) == date(2023, 10, 7)
    assert resolve_month_day(5, 6, MONDAY) == date(2024, 5, 6)
    assert resolve_month_day(5, 20, MONDAY) == MONDAY
    assert resolve_month_day(2, 29, date(2025, 3, 1)) == date(2024, 2, 29)


def test_expressions_found_with_precision_and_source() -> None:
    text = (
        "On Monday, as of April 30, since Oct. 7, on 7 October 2023, on March 26, 2024, "
        "in March, in 2023, yesterday, today, last week, earlier this month, last month, "
        "this past Friday, two weeks ago, on 2024-01-05."
    )
    assert dates(text) == [
        ("On Monday", MONDAY, "day", "relative"),
        ("as of April 30", date(2024, 4, 30), "day", "explicit"),
        ("since Oct. 7", date(2023, 10, 7), "day", "explicit"),
        ("on 7 October 2023", date(2023, 10, 7), "day", "explicit"),
        ("on March 26, 2024", date(2024, 3, 26), "day", "explicit"),
        ("in March", date(2024, 3, 1), "month", "explicit"),
        ("in 2023", date(2023, 1, 1), "year", "explicit"),
        ("yesterday", date(2024, 5, 19), "day", "relative"),
        ("today", MONDAY, "day", "relative"),
        ("last week", date(2024, 5, 13), "day", "relative"),
        ("earlier this month", date(2024, 5, 1), "month", "relative"),
        ("last month", date(2024, 4, 1), "month", "relative"),
        ("this past Friday", date(2024, 5, 17), "day", "relative"),
        ("two weeks ago", date(2024, 5, 6), "day", "relative"),
        ("on 2024-01-05", date(2024, 1, 5), "day", "explicit"),
    ]


def test_month_alone_needs_an_introducing_word_and_may_the_modal_is_no_date() -> None:
    assert dates("March on Washington. It may rain. They may. In June it rained.") == [
        ("In June", date(2023, 6, 1), "month", "explicit"),
    ]


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    found = dates("said on Monday that since May 6, and on March 26, 2024", published=None)
    assert found == [
        ("on Monday", None, "day", "relative"),
        ("since May 6", None, "day", "explicit"),
        ("on March 26, 2024", date(2024, 3, 26), "day", "explicit"),
    ]


def test_a_date_naming_an_event_is_attached_to_it() -> None:
    pub = date(2024, 3, 26)
    text = "the Oct. 7 attack, the rampage on Oct. 7, Monday's meeting, said on Monday that, killed on Sunday"
    attached = [(text[d.start : d.end], d.attached) for d in find_dates(text, 0, len(text), pub)]
    assert attached == [("Oct. 7", True), ("on Oct. 7", True), ("Monday", False), ("on Monday", False), ("on Sunday", False)]
    # "Monday's meeting" is attached but recent: a recent event dates its own figures.


# --- which date dates a figure ---------------------------------------------------------


def test_unrwa_said_on_monday_dates_the_figure_and_since_gives_the_period_start() -> None:
    text = "The UN agency UNRWA said on Monday that it estimated 810,000 people had fled Rafah since May 6."
    c = annotate_one(text, "810,000", published=MONDAY)
    assert (c.as_of, c.as_of_precision, c.as_of_source) == (MONDAY, "day", "relative")
    assert c.period_start == date(2024, 5, 6)


def test_a_date_of_another_clause_or_event_does_not_date_the_figure() -> None:
    pub = date(2024, 3, 26)
    text = (
        "Israel’s offensive has killed over 32,000 Palestinians, according to local health officials. "
        "It was launched in response to Hamas’ Oct. 7 attack on Israel."
    )
    c = annotate_one(text, "over 32,000", published=pub)
    assert (c.as_of, c.as_of_source, c.period_start) == (pub, "published", None)
    text2 = "Dozens of the remaining 128 hostages from the rampage on Oct. 7 are held in Rafah."
    c2 = annotate_one(text2, "128", published=pub)
    assert (c2.as_of, c2.as_of_source) == (pub, "published")


def test_as_of_and_ranges() -> None:
    pub = date(2024, 5, 22)
    c = annotate_one("At least 14 people died in the heat wave as of May 1, officials said on Monday.", "At least 14", pub)
    assert (c.as_of, c.as_of_source) == (date(2024, 5, 1), "explicit")
    c = annotate_one("Between May 1 and May 15, more than 300,000 people crossed into Poland.", "more than 300,000", pub)
    assert (c.as_of, c.period_start) == (date(2024, 5, 15), date(2024, 5, 1))


def test_an_event_date_in_the_figures_own_clause_dates_it() -> None:
    pub = date(2024, 5, 22)  # a Wednesday
    c = annotate_one("A strike killed 20 people on Tuesday, the ministry said.", "20", pub)
    assert (c.as_of, c.as_of_source) == (date(2024, 5, 21), "relative")
    c = annotate_one("The economy added 275,000 jobs in February, the Labor Department said.", "275,000", pub)
    assert (c.as_of, c.as_of_precision) == (date(2024, 2, 1), "month")
    c = annotate_one("The storm killed 12 people in Florida last week.", "12", pub)
    assert c.as_of == date(2024, 5, 15)


def test_a_recent_event_date_dates_its_figures() -> None:
    c = annotate_one("Officials said 30 people were killed in strikes on Sunday.", "30", date(2024, 5, 22))
    assert c.as_of == date(2024, 5, 19)


def test_a_date_opening_the_sentence_dates_its_figures() -> None:
    c = annotate_one("On Monday, the ministry counted 35,091 dead.", "35,091", date(2024, 5, 22))
    assert c.as_of == MONDAY


def test_since_applies_across_a_comma_but_not_past_another_figure() -> None:
    pub = MONDAY
    text = "Some 40,000 residents have been unable to live in their homes, since October 7, due to the fighting."
    assert annotate_one(text, "Some 40,000", pub).period_start == date(2023, 10, 7)
    found = annotate_surfaces("Some 40 died, and 12 more were hurt since May 6.", ["Some 40", "12"], pub)
    assert found["Some 40"].period_start is None
    assert found["12"].period_start == date(2024, 5, 6)


def test_no_publication_date_and_nothing_dating_the_figure_leaves_as_of_empty() -> None:
    c = annotate_one("The army said 30 people were killed on Monday.", "30", published=None)
    assert (c.as_of, c.as_of_source, c.as_of_precision) == (None, None, None)
    c = annotate_one("The army said 30 people were killed on March 3, 2024.", "30", published=None)
    assert (c.as_of, c.as_of_source) == (date(2024, 3, 3), "explicit")


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("yesterday", date(2024, 5, 21), "day"),
        ("today", date(2024, 5, 22), "day"),
        ("earlier this month", date(2024, 5, 1), "month"),
        ("in April", date(2024, 4, 1), "month"),
        ("last year", date(2023, 1, 1), "year"),
    ],
)
def test_relative_dates_in_the_figures_clause(phrase: str, expected: date, precision: str) -> None:
    c = annotate_one(f"Prices rose 3% {phrase}.", "3%", date(2024, 5, 22), unit="percent")
    assert (c.as_of, c.as_of_precision) == (expected, precision)


# --- issue 15: years, relative periods and dates ahead of publication ---------------------

MAY = date(2024, 5, 9)  # a Thursday


def resolved(text: str, published: date = MAY) -> list[tuple[str, date | None, str]]:
    return [(text[d.start : d.end], d.value, d.precision) for d in find_dates(text, 0, len(text), published)]


def test_a_month_day_ahead_is_the_first_one_not_before_publication() -> None:
    assert resolve_month_day(6, 12, MAY, ahead=True) == date(2024, 6, 12)
    assert resolve_month_day(3, 1, date(2024, 11, 14), ahead=True) == date(2025, 3, 1)
    assert resolve_month_day(5, 9, MAY, ahead=True) == MAY
    assert resolve_month_day(2, 29, date(2025, 3, 1), ahead=True) == date(2028, 2, 29)


def test_month_and_short_year_resolution_both_ways() -> None:
    assert resolve_month(9, MAY) == date(2023, 9, 1)
    assert resolve_month(9, MAY, ahead=True) == date(2024, 9, 1)
    assert resolve_month(3, date(2024, 11, 14), ahead=True) == date(2025, 3, 1)
    assert resolve_month(5, MAY, ahead=True, strictly=True) == date(2025, 5, 1)
    assert resolve_short_year(58, MAY) == 1958
    assert resolve_short_year(24, MAY) == 2024
    assert resolve_short_year(30, MAY) == 1930
    assert resolve_short_year(30, MAY, ahead=True) == 2030


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # future auxiliaries and words of schedule or intent
        ("The council will vote on June 12.", "on June 12", date(2024, 6, 12)),
        ("Ministers shall meet on Saturday.", "on Saturday", date(2024, 5, 11)),
        ("The strike is set to begin on June 3.", "on June 3", date(2024, 6, 3)),
        ("The report is due in March.", "in March", date(2025, 3, 1)),
        ("The launch is scheduled for September.", "for September", date(2024, 9, 1)),
        ("Its upcoming tour starts in Leeds on May 20.", "on May 20", date(2024, 5, 20)),
        ("The talks resume in September.", "in September", date(2024, 9, 1)),
        ("The levy applies from July onwards.", "from July", date(2024, 7, 1)),
        ("He said the price would rise on July 1.", "on July 1", date(2024, 7, 1)),
        ("The court postponed the hearing to Sept. 9.", "to Sept. 9", date(2024, 9, 9)),
        ("The road remains closed until June.", "until June", date(2024, 6, 1)),
        ("On Friday, the board will publish its accounts.", "On Friday", date(2024, 5, 10)),
        # the past, and words that look ahead but do not govern the date
        ("The talks resumed in September.", "in September", date(2023, 9, 1)),
        ("The union said on Monday that the strike will go ahead.", "on Monday", date(2024, 5, 6)),
        ("Turnout was 61% on June 12.", "on June 12", date(2023, 6, 12)),
        ("Shares fell after the plan on April 23 was rejected.", "on April 23", date(2024, 4, 23)),
        ("The road was closed until June.", "until June", date(2023, 6, 1)),
        ("The airline cut 900 jobs in July and will hire again in March.", "in July", date(2023, 7, 1)),
        ("The airline cut 900 jobs in July and will hire again in March.", "in March", date(2025, 3, 1)),
        ("The cost of the plan, which would have turned 80 on June 12, ...", "on June 12", date(2023, 6, 12)),
    ],
)
def test_tense_decides_which_year_a_date_without_one_is_in(text: str, words: str, expected: date) -> None:
    found = {w: v for w, v, _ in resolved(text)}
    assert found[words] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sales since 2010", [("since 2010", date(2010, 1, 1), "year")]),
        ("champions in '87 and '94", [("in '87", date(1987, 1, 1), "year"), ("and '94", date(1994, 1, 1), "year")]),
        ("it will double by '30", [("by '30", date(2030, 1, 1), "year")]),
        ("the '90s, a 5'11 forward, 'quoted'", []),
        ("between 2017 and 2021", [("between 2017", date(2017, 1, 1), "year"), ("and 2021", date(2021, 1, 1), "year")]),
        ("between March and July", [("between March", date(2024, 3, 1), "month"), ("and July", date(2023, 7, 1), "month")]),
        ("rents rose in the year to January", [("to January", date(2024, 1, 1), "month")]),
        # "and" / "to" make a year only as the second of a pair or after a period
        ("it spent 300 and 2021 euros, paid to 2018 people", []),
        ("heat could arrive in mid-July", [("mid-July", date(2024, 7, 1), "month")]),
        ("a peak by mid-2025", [("mid-2025", date(2025, 1, 1), "year")]),
        ("in March last year", [("in March last year", date(2023, 3, 1), "month")]),
        ("on June 12 next year", [("on June 12 next year", date(2025, 6, 12), "day")]),
        ("next year", [("next year", date(2025, 1, 1), "year")]),
        ("next month", [("next month", date(2024, 6, 1), "month")]),
        ("next week", [("next week", date(2024, 5, 16), "day")]),
        ("later this year", [("later this year", date(2024, 1, 1), "year")]),
        ("this fiscal year", [("this fiscal year", date(2024, 1, 1), "year")]),
        ("last fiscal year", [("last fiscal year", date(2023, 1, 1), "year")]),
        ("by the end of the year", [("by the end of the year", date(2024, 12, 1), "month")]),
        ("at the end of the month", [("the end of the month", date(2024, 5, 1), "month")]),
        ("at the start of next year", [("the start of next year", date(2025, 1, 1), "month")]),
        ("early next year", [("early next year", date(2025, 1, 1), "year")]),
        ("this Friday", [("this Friday", date(2024, 5, 10), "day")]),
        ("this September, this March", [("this September", date(2024, 9, 1), "month"), ("this March", date(2024, 3, 1), "month")]),
    ],
)
def test_years_pairs_and_relative_periods(text: str, expected: list[tuple[str, date, str]]) -> None:
    assert resolved(text) == expected


def test_both_months_of_a_past_range_are_in_the_past() -> None:
    # Both halves of a past range are in the past ("drew ... between March and July").
    text = "The show drew 240,000 people between March and July."
    assert [v for _, v, _ in resolved(text, date(2025, 1, 21))] == [date(2024, 3, 1), date(2024, 7, 1)]


def test_a_fiscal_year_phrase_dates_its_figure_as_of() -> None:
    c = annotate_one("The state expects a $1.2 billion shortfall this fiscal year, officials said on Tuesday.", "$1.2 billion", date(2023, 3, 1))
    assert (c.as_of, c.as_of_precision) == (date(2023, 1, 1), "year")


def test_a_figure_dated_ahead_of_publication() -> None:
    c = annotate_one("The firm expects to hire 1,200 workers by the end of the year.", "1,200", MAY)
    assert (c.as_of, c.as_of_precision, c.as_of_source) == (date(2024, 12, 1), "month", "relative")
    c = annotate_one("Analysts expect prices to average $70 next year.", "$70", MAY)
    assert (c.as_of, c.as_of_precision) == (date(2025, 1, 1), "year")
