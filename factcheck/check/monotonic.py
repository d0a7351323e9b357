"""monotonic: a figure that can only grow is reported lower than an earlier value.

A death toll, the number of people who have fled since a date, the number of hostages
ever taken: such figures never fall. A checked claim is flagged when an earlier report
of the same figure (dated strictly before it) is certainly higher, that is when the
claim's whole interval lies below the earlier one's by more than the tolerance plus
the ``allowance`` for revisions (ministries do revise their counts down now and then).
Flows are compared only with flows counted from the same start date.

Example::

    checks:
      - id: tolls-only-grow
        monotonic:
          allowance: 1%

Passes: "over 32,000 killed" on 26 March after the ministry's 31,490 of 15 March.

Fails: "25,000 Palestinians have been killed" in an article of 20 May 2024: the
ministry gave 30,228 for 1 March already.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from factcheck.check.base import (
    Context,
    Item,
    Problem,
    base_params,
    evidence_params,
    tolerance_for,
)
from factcheck.rules.messages import COMMON, EVIDENCE
from factcheck.rules.schema import CheckRule
from factcheck.rules.types import FigureRefs, ToleranceSpec

ID = "monotonic"


class MonotonicOptions(BaseModel):
    """Options of the ``monotonic`` check."""

    model_config = ConfigDict(extra="forbid")

    figures: FigureRefs = Field(default=None, description="Figure ids to check (default: every cumulative and flow figure).")
    allowance: ToleranceSpec | None = Field(
        default=None,
        description="How far a later report may fall below an earlier one for revisions (e.g. 1%), on top of the figure's tolerance.",
    )


Options = MonotonicOptions

# Reads only the items of figures (Context.group and the like), so it can run on a
# context that holds those alone (factcheck.check.parallel).
SCOPE = "figures"
PROBLEM = "disagreement"
RANK = 2
DEFAULT_SEVERITY = "error"
DEFAULT_MESSAGE = (
    "{figure} can only grow, but '{value}' ({date}) is lower than {evidence_value} given by "
    "{evidence_source} for {evidence_date}"
)
PLACEHOLDERS = {**COMMON, **EVIDENCE, "tolerance": "the tolerance and allowance used"}

DEFAULT_KINDS = ("cumulative", "flow")


class _PrefixMax:
    """Items sorted by end date with a running maximum of their lower ends: "the highest
    report dated before day d" in O(log n)."""

    def __init__(self, items: list[Item]) -> None:
        items = sorted(items, key=lambda i: (i.end.toordinal(), i.rank))  # type: ignore[union-attr]
        self.ends = [i.end.toordinal() for i in items]  # type: ignore[union-attr]
        self.best: list[Item] = []
        current: Item | None = None
        for i in items:
            assert i.interval is not None
            if current is None or i.interval.lo > current.interval.lo:  # type: ignore[union-attr]
                current = i
            self.best.append(current)

    def before(self, day: date) -> Item | None:
        k = bisect_left(self.ends, day.toordinal())
        return self.best[k - 1] if k else None


def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    opts = rule.options
    for figure_id in ctx.figure_ids(opts.figures, None if opts.figures else DEFAULT_KINDS):
        figure = ctx.rules.figures[figure_id]
        tolerance = tolerance_for(figure, None).plus(opts.allowance)
        group = ctx.dated(figure_id)
        if not any(i.checked for i in group):
            continue
        everything, by_period = ctx.evidence_memo(figure_id, ("monotonic",), lambda g=group: _maxima([i for i in g if i.evidence]))
        for item in group:
            if not item.checked:
                continue
            assert item.start is not None and item.interval is not None
            period = item.claim.period_start
            if period is None:
                candidates = [everything.before(item.start)]
            else:
                candidates = [by_period.get(period, _EMPTY).before(item.start), by_period.get(None, _EMPTY).before(item.start)]
            earlier = [c for c in candidates if c is not None]
            if not earlier:
                continue
            highest = max(earlier, key=lambda c: (c.interval.lo, -c.rank))  # type: ignore[union-attr]
            assert highest.interval is not None
            lower = item.interval.below(highest.interval, tolerance)
            ctx.compared(rule, item, [highest], agreed=not lower)
            if lower:
                params = base_params(item, rule) | evidence_params(highest) | {"tolerance": tolerance.describe()}
                yield Problem(item, [highest], params)


def _maxima(pool: list[Item]) -> tuple[_PrefixMax, dict[date | None, _PrefixMax]]:
    """The running maxima of the evidence ``pool``: of all of it, and of each start it
    counts from."""
    by_period = {period: _PrefixMax([i for i in pool if i.claim.period_start == period])
                 for period in {i.claim.period_start for i in pool}}
    return _PrefixMax(pool), by_period


_EMPTY = _PrefixMax([])
