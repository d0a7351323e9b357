"""The interval rule for hedges and rounding (factcheck.hedging)."""

from __future__ import annotations

import pytest

from factcheck.extract.quantities import find_quantities
from factcheck import hedging as iv


def _one(text):
    (c,) = find_quantities(text)
    return c


def test_more_than_rounds_down_to_stated_precision():
    c = _one("more than 1.4 million people")
    assert (c.lower, c.upper, c.lower_open, c.upper_open) == (1_400_000, 1_500_000, False, True)


def test_bare_round_figure_is_a_rounding_band():
    c = _one("a population of 32,000")
    assert (c.lower, c.upper, c.upper_open) == (31_500, 32_500, True)
    assert c.qualifier == "exact"


def test_bare_precise_count_is_exact():
    c = _one("128 hostages")
    assert (c.lower, c.upper) == (128, 128)


def test_small_count_is_counted_not_rounded():
    c = _one("40 people")
    assert (c.lower, c.upper) == (40, 40)


def test_bare_percentage_is_rounded():
    c = _one("45% of voters")
    assert (c.lower, c.upper) == pytest.approx((44.5, 45.5))


def test_approx_is_five_percent_either_way_whatever_its_roundness():
    """Measured on reporting: "about X" is an official figure rounded to two digits
    (docs/hedges.md); "around 100" is not 50 to 150."""
    assert (_one("around 250").lower, _one("around 250").upper) == (237.5, 262.5)
    assert (_one("around 100").lower, _one("around 100").upper) == (95, 105)
    assert (_one("about 1.4 million").lower, _one("about 1.4 million").upper) == pytest.approx(
        (1_330_000, 1_470_000)
    )


def test_at_least_is_a_count_of_the_day_with_a_step_of_room():
    """ "at least 1,300" no longer agrees with 1,500; a small incident toll keeps one unit."""
    c = _one("at least 14 dead")
    assert (c.lower, c.upper, c.upper_open) == (14, 15, True)
    c = _one("at least 1,300 people")
    assert (c.lower, c.upper, c.upper_open) == (1300, 1400, True)
    c = _one("at least 35,000 people")
    assert (c.lower, c.upper) == (35000, 36750)  # 5% of X when that is more than a step


def test_nearly_is_just_below_and_never_a_whole_digit_below():
    c = _one("nearly 1.5 million")
    assert (c.lower, c.upper, c.lower_open, c.upper_open) == (1_425_000, 1_500_000, True, False)
    c = _one("almost a million people")
    assert (c.lower, c.upper) == (950_000, 1_000_000)
    c = _one("nearly 39,000 people")
    assert (c.lower, c.upper) == (38_000, 39_000)


def test_a_one_digit_round_figure_is_no_looser_than_five_percent():
    """A bare "200" is 190 to 210, not 150 to 250: "200 hostages taken" disagrees with
    "around 250"; figures of two or more digits keep their half step."""
    c = _one("200 hostages")
    assert (c.lower, c.upper) == (190, 210)
    c = _one("1.4 million people")
    assert (c.lower, c.upper) == (1_350_000, 1_450_000)


def test_fewer_than_is_open_above_floor_zero():
    c = _one("fewer than 10 people")
    assert (c.lower, c.upper, c.upper_open) == (0, 10, True)


def test_up_to_is_closed_floor_zero():
    c = _one("up to 4,000 km")
    assert (c.lower, c.upper) == (0, 4000)


def test_temperatures_have_no_zero_floor():
    c = _one("below 10C in the cold")
    assert c.lower is None and c.upper == 10


def test_share_fraction_precision_is_half_of_one_nth():
    c = _one("more than a third of voters")
    assert (c.lower, c.upper) == pytest.approx((100 / 3, 100 / 3 + 100 / 6))


def test_range_value_is_midpoint():
    c = _one("between 30 and 40 people")
    assert (c.value, c.lower, c.upper) == (35, 30, 40)


def test_interval_helpers_round_away_binary_noise():
    i = iv.hedged(1.4e6, 1e5, "over")
    assert i.upper == 1_500_000.0
