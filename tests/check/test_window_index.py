"""``WindowIndex.conflicts`` finds exactly what comparing the claim with every other
claim would: the same conflicts, in date order, capped per side the same way, whether
the date range is scanned or searched in the segment tree (of single items or of
blocks), and whether a candidate is decided by the fast path on its kept ends or by
``Interval.overlaps``."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.check import window as window_module
from factcheck.check.base import Item, WindowIndex
from factcheck.intervals import Interval, Tolerance
from factcheck.models import Claim

DAY = date(2024, 3, 1)
ENDS = [-math.inf, -1000.0, -5.0, 0.0, 3.0, 5.0, 98.0, 100.0, 100.5, 102.0, 1000.0, 1e6, math.inf]


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    lo, hi = sorted((draw(st.sampled_from(ENDS)), draw(st.sampled_from(ENDS))))
    if lo == hi and not math.isfinite(lo):
        lo, hi = -math.inf, math.inf
    return Interval(lo, hi, draw(st.booleans()) or lo == -math.inf, draw(st.booleans()) or hi == math.inf)


@st.composite
def items(draw: st.DrawFn) -> list[Item]:
    n = draw(st.integers(1, 40))
    out = []
    for k in range(n):
        start = DAY + timedelta(days=draw(st.integers(0, 6)))
        span = draw(st.sampled_from([0, 0, 0, 2]))
        claim = Claim.model_construct(
            id=f"c{k}", doc=draw(st.sampled_from(["a", "b", "c"])),
            period_start=draw(st.sampled_from([None, DAY, DAY + timedelta(days=1)])),
        )
        out.append(Item(claim=claim, doc=None, rank=k, interval=draw(intervals()), start=start, end=start + timedelta(days=span)))
    out.sort(key=lambda i: (i.start.toordinal(), i.rank))
    return out


def brute_force(index: WindowIndex, item: Item, window: int, tolerance: Tolerance, related: bool, cap: int) -> list[Item]:
    """Every other item compared with ``item``: the first ``cap`` conflicts below it and
    above it, in index order."""
    iv = item.interval
    assert iv is not None
    near = index._near(item, window, related)
    below, above = [], []
    for k, other in enumerate(index.items):
        if other is item or not near(k) or iv.overlaps(other.interval, tolerance):  # type: ignore[arg-type]
            continue
        if iv.lo != -math.inf and other.interval.hi <= iv.lo - tolerance.amount(iv.lo):  # type: ignore[union-attr]
            below.append(k)
        if iv.hi != math.inf and other.interval.lo >= iv.hi + tolerance.amount(iv.hi):  # type: ignore[union-attr]
            above.append(k)
    return [index.items[k] for k in sorted(set(below[:cap] + above[:cap]))]


@pytest.mark.parametrize(
    ("scan", "block"), [(1000, 16), (2, 1), (2, 3), (2, 16)], ids=["scanned", "tree", "tree-blocks-3", "tree-blocks-16"]
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    group=items(),
    tolerance=st.sampled_from([Tolerance(), Tolerance(absolute=2.0), Tolerance(relative=0.02), Tolerance(1.0, 0.05)]),
    window=st.integers(0, 3),
    related=st.booleans(),
    cap=st.sampled_from([1, 3, 32]),
    pick=st.integers(0, 39),
)
def test_conflicts_match_comparing_every_claim(
    monkeypatch: pytest.MonkeyPatch, scan: int, block: int, group: list[Item], tolerance: Tolerance, window: int,
    related: bool, cap: int, pick: int,
) -> None:
    monkeypatch.setattr(window_module, "_SCAN", scan)
    monkeypatch.setattr(window_module, "_BLOCK", block)
    monkeypatch.setattr(window_module, "MAX_CONFLICTS", cap)
    index = WindowIndex(group)
    item = group[pick % len(group)]
    expected = brute_force(index, item, window, tolerance, related, cap)
    assert index.conflicts(item, window, tolerance, related=related) == expected


def test_a_candidate_facing_a_larger_magnitude_gets_the_tolerance_measured_there() -> None:
    """2% of 100 is 2, of 102.03 is 2.04: 100 and 102.03 agree (the gap, 2.03, is within
    2% of the larger end), which the tolerance measured at 100 alone would refuse."""
    claim = Claim.model_construct(id="x", doc="a", period_start=None)
    other = Claim.model_construct(id="y", doc="b", period_start=None)
    mine = Item(claim=claim, doc=None, rank=0, interval=Interval(100.0, 100.0), start=DAY, end=DAY)
    theirs = Item(claim=other, doc=None, rank=1, interval=Interval(102.03, 102.03), start=DAY, end=DAY)
    index = WindowIndex([mine, theirs])
    assert index.conflicts(mine, 0, Tolerance(relative=0.02)) == []
    assert index.conflicts(theirs, 0, Tolerance(relative=0.02)) == []
    far = Item(claim=other, doc=None, rank=1, interval=Interval(102.2, 102.2), start=DAY, end=DAY)
    assert WindowIndex([mine, far]).conflicts(mine, 0, Tolerance(relative=0.02)) == [far]


@st.composite
def mixed_spans(draw: st.DrawFn) -> list[Item]:
    """Claims of a day, a month, a quarter and a year (\"in 2023\") over a year and more,
    counting from no start or from one of two: each span and each start is looked up
    apart from the others."""
    n = draw(st.integers(1, 40))
    out = []
    for k in range(n):
        start = DAY + timedelta(days=draw(st.integers(0, 420)))
        span = draw(st.sampled_from([0, 0, 2, 30, 31, 32, 91, 365]))
        claim = Claim.model_construct(
            id=f"c{k}", doc=draw(st.sampled_from(["a", "b", "c"])),
            period_start=draw(st.sampled_from([None, None, DAY, DAY + timedelta(days=1)])),
        )
        out.append(Item(claim=claim, doc=None, rank=k, interval=draw(intervals()), start=start, end=start + timedelta(days=span)))
    out.sort(key=lambda i: (i.start.toordinal(), i.rank))
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(group=mixed_spans(), window=st.integers(0, 40), related=st.booleans(), cap=st.sampled_from([1, 3, 32]), pick=st.integers(0, 39))
def test_claims_of_long_spans_are_found_like_every_other(
    monkeypatch: pytest.MonkeyPatch, group: list[Item], window: int, related: bool, cap: int, pick: int
) -> None:
    monkeypatch.setattr(window_module, "_SCAN", 2)
    monkeypatch.setattr(window_module, "_BLOCK", 3)
    monkeypatch.setattr(window_module, "MAX_CONFLICTS", cap)
    index = WindowIndex(group)
    item = group[pick % len(group)]
    assert index.conflicts(item, window, Tolerance(), related=related) == brute_force(index, item, window, Tolerance(), related, cap)
    near = index._near(item, window, related)
    assert list(index.in_window(item, window, related=related)) == [o for k, o in enumerate(index.items) if near(k)]
