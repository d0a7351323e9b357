"""Checks run in O(n log n): they group by figure and sort by date, never compare every
claim with every other. Measured by counting interval comparisons, not by timing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from check_helpers import CASES_RULES, claim, doc

from factcheck import intervals
from factcheck.check.base import WindowIndex
from factcheck.check.engine import run_checks
from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules

RULES = load_rules([CASES_RULES], kinds=REGISTRY)


def _corpus(n: int, days: int | None = None):  # noqa: ANN202
    """n documents over ``days`` days (default: two a day), each with a toll, a hostage
    count and a flow that contradicts every other."""
    docs, claims = [], []
    start = date(2023, 11, 1)
    days = days if days is not None else max(1, n // 2)
    for k in range(n):
        day = start + timedelta(days=k * days // n)
        d = doc(f"d{k}", day)
        docs.append(d)
        toll = 10000 + 60 * (day - start).days
        claims.append(claim(d.id, f"{toll:,}", toll, n=1, entity="people", predicate="killed"))
        claims.append(claim(d.id, "130", 130 - (k % 3), n=2, entity="hostages", predicate="held"))
        claims.append(claim(d.id, "a", 1000 * k, n=3, entity="people", predicate="fled", location="Rafah"))
    return docs, claims


def _comparisons(monkeypatch: pytest.MonkeyPatch, n: int, days: int | None = None) -> int:
    count = 0
    original_overlaps, original_below = intervals.Interval.overlaps, intervals.Interval.below

    def overlaps(self, other, tolerance=intervals.NO_TOLERANCE):  # noqa: ANN001, ANN202
        nonlocal count
        count += 1
        return original_overlaps(self, other, tolerance)

    def below(self, other, tolerance=intervals.NO_TOLERANCE):  # noqa: ANN001, ANN202
        nonlocal count
        count += 1
        return original_below(self, other, tolerance)

    # The consistency check decides most candidates without ``overlaps``: its test is
    # counted as one comparison per candidate.
    original_conflicting = WindowIndex._conflicting

    def conflicting(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        test = original_conflicting(self, *args, **kwargs)

        def counted(k: int) -> bool:
            nonlocal count
            count += 1
            return test(k)

        return counted

    monkeypatch.setattr(intervals.Interval, "overlaps", overlaps)
    monkeypatch.setattr(intervals.Interval, "below", below)
    monkeypatch.setattr(WindowIndex, "_conflicting", conflicting)
    docs, claims = _corpus(n, days)
    run_checks(RULES, docs, claims)
    monkeypatch.undo()
    return count


def test_comparisons_grow_near_linearly_with_the_number_of_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    small = _comparisons(monkeypatch, 400)
    large = _comparisons(monkeypatch, 1600)
    # 4x the claims: n log n gives ~5x, pairwise comparison would give 16x.
    assert large < 7 * small, (small, large)


def test_contradictions_on_one_crowded_day_are_capped_per_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    """All claims on one day, every flow contradicting every other: still not n^2."""
    small = _comparisons(monkeypatch, 200, days=1)
    large = _comparisons(monkeypatch, 800, days=1)
    assert large < 7 * small, (small, large)


@pytest.mark.parametrize("crowd", [40, 600])  # a scanned window, and one the segment tree searches
def test_the_cap_on_conflicts_counts_only_claims_that_can_be_evidence(crowd: int) -> None:
    """An archive checked against itself: a claim contradicted by many claims of its
    own document (the internal check's business, not evidence) must still be found to
    contradict another document's claim: the cap on conflicts per claim (MAX_CONFLICTS)
    applies after that filter. (Dated before the rules' reference series: a claim that
    agrees with the reference of its day is not flagged for disagreeing with others.)"""
    day = date(2022, 3, 1)
    mine, other = doc("draft", day), doc("other", day)
    claims = [claim("draft", "20,000", 20000, n=k, entity="people", predicate="killed") for k in range(1, crowd + 1)]
    claims.append(claim("draft", "30,000", 30000, n=crowd + 1, entity="people", predicate="killed"))
    claims.append(claim("other", "20,000", 20000, n=1, entity="people", predicate="killed"))
    result = run_checks(RULES, [mine, other], claims)
    flagged = [f for f in result.findings if f.rule == "toll-consistency" and f.claim == f"draft-c{crowd + 1}"]
    assert len(flagged) == 1
    assert flagged[0].evidence == ["other-c1"]


def _counted_conflicting(monkeypatch: pytest.MonkeyPatch, run: Callable[[], object]) -> int:
    """How many candidates the consistency check's test (``WindowIndex._conflicting``)
    is asked about while ``run()`` runs."""
    count = 0
    original = WindowIndex._conflicting

    def conflicting(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        test = original(self, *args, **kwargs)

        def counted(k: int) -> bool:
            nonlocal count
            count += 1
            return test(k)

        return counted

    monkeypatch.setattr(WindowIndex, "_conflicting", conflicting)
    run()
    monkeypatch.undo()
    return count


def test_a_claim_of_a_whole_month_does_not_make_every_query_scan_a_month(monkeypatch: pytest.MonkeyPatch) -> None:
    """One story dates its toll "in November" (a claim spanning 30 days) among daily
    ones: queries about a day's claims must not widen to the month for all of them, or
    the cost of each grows with the archive's density (4x the stories on the same days
    would cost 16x)."""

    def with_a_month(n: int) -> int:
        docs, claims = _corpus(n, days=40)
        claims.append(claim(docs[0].id, "9,000", 9000, n=9, entity="people", predicate="killed",
                            as_of=date(2023, 11, 1), as_of_precision="month"))
        return _counted_conflicting(monkeypatch, lambda: run_checks(RULES, docs, claims))

    small, large = with_a_month(400), with_a_month(1600)
    assert large < 7 * small, (small, large)


def test_a_figure_counted_from_many_starts_does_not_make_every_query_scan_its_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each story counts the flow from its own start ("since May 6", "since May 7",
    ...): the claims counting from another start are not candidates, and must not be
    turned away one by one, or each query costs the whole window (4x the stories on
    the same days would cost 16x)."""

    def many_starts(n: int) -> int:
        docs, claims = _corpus(n, days=40)
        start = date(2023, 10, 1)
        claims = [
            c.model_copy(update={"period_start": start + timedelta(days=k)}) if c.location == "Rafah" else c
            for k, c in enumerate(claims)
        ]
        return _counted_conflicting(monkeypatch, lambda: run_checks(RULES, docs, claims))

    small, large = many_starts(400), many_starts(1600)
    assert large < 7 * small, (small, large)
