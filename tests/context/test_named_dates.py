"""Dates news names without calendar numbers, or with numbers only (issue 15, the
held-out cases of dates_fresh.yaml): quarters, halves, seasons, holidays, numeric
dates, bare months, years that modify a noun, old years, deadlines, and years in
names that are no dates. Sentences of our own, from several beats."""

from __future__ import annotations

from datetime import date

from factcheck.extract.context.dates import find_dates
from factcheck.extract.context.named_periods import holiday, period_year

THURSDAY = date(2024, 10, 24)


def found(text: str, published: date = THURSDAY) -> dict[str, tuple[date | None, str]]:
    return {text[d.start : d.end]: (d.value, d.precision) for d in find_dates(text, 0, len(text), published)}


def test_a_quarter_is_the_year_of_the_last_one_begun_or_with_the_tense_the_next() -> None:
    got = found("Profit at the bottler rose 9% in the third quarter, and it expects a weaker Q1.")
    assert got["in the third quarter"] == (date(2024, 1, 1), "year")
    assert got["Q1"] == (date(2025, 1, 1), "year")  # "expects": the Q1 ahead
    got = found("Sales of the console fell in the first half of 2023.")
    assert got["in the first half of 2023"] == (date(2023, 1, 1), "year")
    got = found("The airline lost money in the fourth quarter.", date(2025, 2, 3))
    assert got["in the fourth quarter"] == (date(2024, 1, 1), "year")


def test_a_season_is_a_year_and_needs_an_introducing_word() -> None:
    assert found("Turnout has risen since last summer.", date(2025, 4, 3))["since last summer"] == (date(2024, 1, 1), "year")
    got = found("After a run in Vienna, the orchestra will tour Japan in the spring.", date(2024, 9, 10))
    assert got["in the spring"] == (date(2025, 1, 1), "year")  # "will tour": the spring ahead
    got = found("The orchestra toured Japan in the spring.", date(2024, 9, 10))
    assert got["in the spring"] == (date(2024, 1, 1), "year")
    assert "spring" not in " ".join(found("Bottled spring water sold well; prices fall as summer heat fades."))


def test_a_winter_is_named_by_the_year_of_its_december() -> None:
    assert period_year((12, 14), date(2025, 1, 20), which="this") == 2024
    assert period_year((12, 14), date(2025, 1, 20), which="last") == 2023
    assert period_year((3, 5), date(2025, 1, 20), which="next") == 2025


def test_holidays_are_days_the_last_one_or_ahead_with_the_tense() -> None:
    got = found("Police said the shop was raided on New Year's Eve.", date(2025, 1, 3))
    assert got["on New Year's Eve"] == (date(2024, 12, 31), "day")
    got = found("The ferry has been out of service since Boxing Day.", date(2025, 2, 6))
    assert got["since Boxing Day"] == (date(2024, 12, 26), "day")
    got = found("Stores will open at 5 a.m. on Black Friday.", date(2024, 11, 1))
    assert got["on Black Friday"] == (date(2024, 11, 29), "day")
    assert holiday("easter", 2024) == date(2024, 3, 31)
    assert holiday("thanksgiving", 2023) == date(2023, 11, 23)
    assert holiday("memorial day", 2024) == date(2024, 5, 27)
    assert "Christmas Island" not in " ".join(found("Flights to Christmas Island resumed."))


def test_numeric_dates_follow_the_order_the_document_writes() -> None:
    text = "Sales in the 13 weeks to 28/09 rose 2%. The results are due on 04/11."
    got = found(text)
    assert got["to 28/09"] == (date(2024, 9, 28), "day")
    assert got["on 04/11"] == (date(2024, 11, 4), "day")  # day first, as 28/09 shows
    got = found("The filing is dated 11/04/2023, and the hearing was on 10/21.")
    assert got["on 10/21"] == (date(2024, 10, 21), "day")
    assert got["11/04/2023"] == (date(2023, 11, 4), "day")  # month first, as 10/21 shows
    # fractions, ratios and round-the-clock are no dates
    assert found("The shop is open 24/7 and cut prices by 1/3 to 2/3 of their level.") == {}


def test_a_bare_month_is_a_month_unless_a_name_or_a_verb() -> None:
    got = found("Forecasters warn that February could bring heavy snow.", date(2024, 1, 16))
    assert got["February"] == (date(2024, 2, 1), "month")
    assert found("June Carter sang, and April Ryan asked; May is a modal.") == {}


def test_a_year_after_a_determiner_is_a_date_and_one_in_a_name_is_not() -> None:
    got = found("The plan would restore funding to its 2019 level, a 2021 audit found.")
    assert got["2019"] == (date(2019, 1, 1), "year")
    assert got["2021"] == (date(2021, 1, 1), "year")
    assert found("Half of the class of 2019 found work, under the Vision 2030 plan.") == {}
    assert found("Around 2000 people marched.") == {}


def test_a_year_before_1800_after_a_word_of_time() -> None:
    got = found("The bridge, built in 1610 by a painter born around 1594, reopened.")
    assert got["in 1610"] == (date(1610, 1, 1), "year")
    assert got["around 1594"] == (date(1594, 1, 1), "year")
    assert found("The index rose to 1500 from 1450 points.") == {}


def test_a_deadline_is_the_nearer_of_the_last_and_the_next_such_day() -> None:
    got = found("The judge gave the defendant until May 24 to respond.", date(2024, 5, 8))
    assert got["until May 24"] == (date(2024, 5, 24), "day")
    got = found("The company had until May 2 to respond, and it did not.", date(2024, 5, 8))
    assert got["until May 2"] == (date(2024, 5, 2), "day")


def test_the_coming_weekend_is_its_saturday() -> None:
    got = found("The captain could return for the coming weekend's match.", date(2025, 2, 6))
    assert got["for the coming weekend"] == (date(2025, 2, 8), "day")
    got = found("Fans will travel to the final this weekend.", date(2025, 2, 6))
    assert got["this weekend"] == (date(2025, 2, 8), "day")


def test_the_nth_weekday_of_a_month_is_a_day_of_that_month() -> None:
    got = found("The runoff will be held on the last Sunday of January.", date(2023, 9, 28))
    assert got["on the last Sunday of January"] == (date(2024, 1, 28), "day")
    got = found("Polls opened on the first Monday in March.", date(2024, 4, 2))
    assert got["on the first Monday in March"] == (date(2024, 3, 4), "day")


def test_a_part_of_the_year_is_that_year() -> None:
    got = found("Profit fell 12% in the final three months of the year.", date(2025, 2, 5))
    assert got["in the final three months of the year"] == (date(2024, 1, 1), "year")  # the year just ended
    got = found("Sales rose in the first six months of the year.", date(2025, 8, 1))
    assert got["in the first six months of the year"] == (date(2025, 1, 1), "year")


def test_a_deadline_after_an_infinitive_is_the_nearer_day() -> None:
    got = found("The judge ordered the firm to pay the fine by May 1.", date(2023, 3, 9))
    assert got["by May 1"] == (date(2023, 5, 1), "day")


def test_numeric_dates_follow_the_order_of_dates_in_words_without_a_year() -> None:
    got = found("Results are due on 06/03, and the new chief starts on 1 April.", date(2025, 2, 5))
    assert got["on 06/03"] == (date(2025, 3, 6), "day")
    got = found("Results are due on 06/03, and the new chief starts on April 1.", date(2025, 2, 5))
    assert got["on 06/03"] == (date(2025, 6, 3), "day")


def test_a_year_before_a_quarter_gives_its_year() -> None:
    got = found("Net sales for this year's third quarter were $14 million.", date(2024, 11, 2))
    assert got["third quarter"] == (date(2024, 1, 1), "year")
    got = found("Interest expense in the 1988 third quarter was $75.3 million.", date(1989, 2, 1))
    assert got["third quarter"] == (date(1988, 1, 1), "year")
    got = found("Sales fell in last year's fourth quarter.", date(2024, 11, 2))
    assert got["fourth quarter"] == (date(2023, 1, 1), "year")


def test_a_half_or_quarter_of_a_game_is_no_date() -> None:
    assert found("Osei scored twice in the second half as United won 3-1.") == {}
    assert found("The Bulls trailed by 9 points in the fourth quarter.") == {}
    got = found("Sales at the brewer fell 4% in the second half of 2023.")
    assert got["in the second half of 2023"] == (date(2023, 1, 1), "year")


def test_a_part_or_a_fall_of_something_else_is_no_date() -> None:
    assert found("Growth slowed in the first half of the century.") == {}
    assert found("Refugees have fled since the fall of the capital, and after the fall in prices.") == {}
    got = found("The plant reopens in the fall, after a loss in the first half of the year.", date(2024, 5, 20))
    assert got["in the fall"] == (date(2024, 1, 1), "year")
    assert "in the first half" in got
