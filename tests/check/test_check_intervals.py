"""Interval arithmetic: agreement within tolerance, open ends, sums, unbounded ends."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.intervals import Interval, Tolerance, interval_for, rounding_step
from factcheck.models import Claim

finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw):  # noqa: ANN001, ANN201
    a, b = sorted((draw(finite), draw(finite)))
    return Interval(a, b, draw(st.booleans()) and a < b, draw(st.booleans()) and a < b)


def test_more_than_1_4_million_agrees_with_1_45_million_not_with_900_000() -> None:
    over = Interval(1.4e6, 1.5e6, hi_open=True)
    assert over.overlaps(Interval.point(1.45e6))
    assert not over.overlaps(Interval.point(9e5))


def test_touching_at_an_open_end_is_no_overlap_without_tolerance() -> None:
    over = Interval(1.4e6, 1.5e6, hi_open=True)
    assert not over.overlaps(Interval.point(1.5e6))
    assert over.overlaps(Interval.point(1.5e6), Tolerance(relative=0.01))
    assert Interval(1, 2).overlaps(Interval(2, 3))


def test_tolerance_is_the_larger_of_absolute_and_relative_at_the_facing_ends() -> None:
    assert Interval.point(128).overlaps(Interval.point(132), Tolerance(absolute=4))
    assert not Interval.point(128).overlaps(Interval.point(133), Tolerance(absolute=4))
    assert Interval.point(32000).overlaps(Interval.point(32640), Tolerance(relative=0.02))
    assert not Interval.point(32000).overlaps(Interval.point(32700), Tolerance(relative=0.02))
    assert Tolerance(4, 0.05).amount(100) == 5 and Tolerance(4, 0.05).amount(50) == 4


def test_unbounded_ends() -> None:
    at_least = Interval(97, math.inf, hi_open=True)
    assert at_least.overlaps(Interval.point(1e9))
    assert not at_least.overlaps(Interval.point(90), Tolerance(absolute=4))
    assert Interval.unbounded().overlaps(Interval.point(-5))
    assert at_least.describe() == "at least 97"
    assert at_least.as_list() == [97, None]


def test_sums_of_intervals_bound_every_sum_of_points() -> None:
    alive, remains = Interval(90, 110), Interval(25, 35)
    total = alive + remains
    assert (total.lo, total.hi) == (115, 145)
    assert total.overlaps(Interval.point(128))
    assert (Interval(1, 2) - Interval(0, 1)).lo == 0


@given(intervals(), intervals())
def test_agreement_is_symmetric(a: Interval, b: Interval) -> None:
    for tol in (Tolerance(), Tolerance(absolute=3), Tolerance(relative=0.02)):
        assert a.overlaps(b, tol) == b.overlaps(a, tol)


@given(intervals(), intervals(), st.floats(0, 1), st.floats(0, 1))
def test_arithmetic_contains_the_results_of_its_points(a: Interval, b: Interval, s: float, t: float) -> None:
    x = a.lo + (a.hi - a.lo) * s
    y = b.lo + (b.hi - b.lo) * t
    for result, point in ((a + b, x + y), (a - b, x - y), (a * b, x * y)):
        # Rounding error scales with the operands, not the result: x - y can be ~0
        # while x and y are large.
        slack = 1e-9 * max(1.0, abs(x), abs(y), abs(x * y), abs(point))
        assert result.lo - slack <= point <= result.hi + slack


@given(intervals(), intervals())
def test_overlapping_intervals_never_lie_below_each_other(a: Interval, b: Interval) -> None:
    if a.overlaps(b):
        assert not a.below(b) and not b.below(a)


def test_division_by_an_interval_containing_zero_is_unbounded() -> None:
    assert (Interval(1, 2) / Interval(-1, 1)) == Interval.unbounded()
    q = Interval(10, 20) / Interval(2, 5)
    assert (q.lo, q.hi) == (2, 10)


@pytest.mark.parametrize(
    ("value", "step"), [(32000, 1000), (30000, 10000), (1.4e6, 1e5), (128, 1), (810000, 10000), (0.25, 0.01), (0, 1)]
)
def test_rounding_step_is_the_last_significant_digit(value: float, step: float) -> None:
    assert rounding_step(value) == pytest.approx(step)


def test_reference_qualifiers_are_read_like_extracted_hedges() -> None:
    assert interval_for(30000, "over") == Interval(30000, 40000, hi_open=True)
    assert interval_for(130, "approx") == Interval(123.5, 136.5)  # about X: X ± 5% (docs/hedges.md)
    assert interval_for(97, "at_least") == Interval(97, 101.85, hi_open=True)  # a count of the day, a step up
    assert interval_for(1.4e6, "under") == Interval(1.33e6, 1.4e6, lo_open=True)  # never a whole digit below
    assert interval_for(35903, "exact") == Interval.point(35903)


def test_a_claims_interval_comes_from_its_bounds_and_open_flags() -> None:
    c = Claim(start=0, end=1, surface="x", value=1.4e6, lower=1.4e6, upper=1.5e6, upper_open=True, qualifier="over")
    assert Interval.from_claim(c) == Interval(1.4e6, 1.5e6, hi_open=True)
    vague = Claim(start=0, end=1, surface="many", value=None, lower=None, upper=None, qualifier="vague")
    assert Interval.from_claim(vague) is None
    floor = Claim(start=0, end=1, surface="at least 14", value=14, lower=14, upper=None, qualifier="at_least")
    assert Interval.from_claim(floor) == Interval(14, math.inf, hi_open=True)
