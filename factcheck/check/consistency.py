"""consistency: reports of the same figure about the same date must agree.

Two claims of one figure whose dates lie at most ``window`` days apart are about the
same moment, so their intervals must overlap once the figure's tolerance is allowed
between them. "More than 1.4 million" and "1.45 million" agree; "1.4 million" and
"900,000" on the same day do not. Claims of a flow figure ("fled since May 6") are
compared only when they count from the same start date (or one does not say). Vote
tallies ("14-0-1") must also agree part by part.

A checked claim is compared with the claims of other documents and with reference
series; claims in its own document are the ``internal`` check's business.

Example::

    checks:
      - id: rafah-fled-consistency
        consistency:
          figures: [rafah_fled]
          window: 3d

Passes: UNRWA's "810,000 people had fled Rafah since May 6" (20 May) and "the IDF
evacuated over 800,000 civilians from the city" (22 May): 810,000 lies in
[800,000, 900,000).

Fails: "450,000 people have fled Rafah" in an article of 20 May next to UNRWA's
810,000 of the same day.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from pydantic import BaseModel, ConfigDict, Field

from factcheck.check.base import (
    MAX_COMPARED,
    MAX_EVIDENCE,
    Context,
    Item,
    Problem,
    base_params,
    evidence_order,
    evidence_params,
    tolerance_for,
)
from factcheck.check.growth import Growth
from factcheck.intervals import Interval, Tolerance
from factcheck.rules.messages import COMMON, EVIDENCE
from factcheck.rules.schema import CheckRule, Figure
from factcheck.rules.types import Days, FigureRefs, ToleranceSpec

ID = "consistency"


class ConsistencyOptions(BaseModel):
    """Options of the ``consistency`` check."""

    model_config = ConfigDict(extra="forbid")

    figures: FigureRefs = Field(default=None, description="Figure ids to check (default: every figure).")
    window: Days = Field(
        default=2,
        description="How far apart two dates may be and still count as the same date (reports lag a day behind the figure they quote).",
    )
    tolerance: ToleranceSpec | None = Field(default=None, description="Overrides the figures' own tolerance.")
    include_vague: bool = Field(
        default=True, description="Whether vague claims ('hundreds of thousands') take part, with the interval extraction gives them."
    )


Options = ConsistencyOptions

# Reads only the items of figures (Context.group and the like), so it can run on a
# context that holds those alone (factcheck.check.parallel).
SCOPE = "figures"
PROBLEM = "disagreement"
RANK = 1
DEFAULT_SEVERITY = "error"
DEFAULT_MESSAGE = (
    "{figure}: '{value}' ({date}) disagrees with {evidence_value} given by {evidence_source} "
    "for {evidence_date}"
)
PLACEHOLDERS = {
    **COMMON,
    **EVIDENCE,
    "window_days": "the check's window in days",
    "tolerance": "the tolerance used, e.g. '2%'",
}

# Vote tallies are compared part by part with at most this many neighbours each.
_MAX_TALLY_NEIGHBOURS = 50


def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    opts = rule.options
    for figure_id in ctx.figure_ids(opts.figures):
        figure = ctx.rules.figures[figure_id]
        tolerance = tolerance_for(figure, opts.tolerance)

        def usable(item: Item) -> bool:
            return item.evidence and (opts.include_vague or not item.vague)

        index = ctx.window_index(figure_id, f"evidence:{opts.include_vague}", usable)
        growth = ctx.memo(("growth", figure_id), lambda f=figure: _growth(ctx, f))
        for item in ctx.dated(figure_id):
            if not item.checked or (item.vague and not opts.include_vague):
                continue

            # "related": another document's claim, counting from the same start
            conflicts = index.conflicts(item, opts.window, tolerance, related=True)
            if growth.grows:
                conflicts = _beyond_growth(item, conflicts, tolerance, growth)
            if item.claim.parts:
                conflicts += [
                    o
                    for o in islice((o for o in index.in_window(item, opts.window, related=True) if o.claim.parts), _MAX_TALLY_NEIGHBOURS)
                    if _parts_differ(item.claim.parts, o.claim.parts) and o not in conflicts  # type: ignore[arg-type]
                ]
            if not conflicts:
                against = list(islice(index.in_window(item, opts.window, related=True), MAX_COMPARED))
                ctx.compared(rule, item, against, agreed=True)
                continue
            ctx.compared(rule, item, conflicts, agreed=False)
            evidence = evidence_order(conflicts)[:MAX_EVIDENCE]
            params = base_params(item, rule) | evidence_params(evidence[0])
            params |= {"window_days": opts.window, "tolerance": tolerance.describe()}
            yield Problem(item, evidence, params)


def _growth(ctx: Context, figure: Figure) -> Growth:
    """The figure's growth; a part without a reference series grows at most as fast as
    the nearest whole that has one."""
    own = ctx.references(figure.id)
    whole: list[Item] = []
    seen = {figure.id}
    parent = ctx.rules.figures.get(figure.part_of) if figure.part_of else None
    while not own and parent is not None and parent.id not in seen and not whole:
        seen.add(parent.id)
        whole = ctx.references(parent.id)
        parent = ctx.rules.figures.get(parent.part_of) if parent.part_of else None
    return Growth.of(figure, own, whole)


def _beyond_growth(item: Item, conflicts: list[Item], tolerance: Tolerance, growth: Growth) -> list[Item]:
    """The conflicts of a growing figure that its growth between the two dates (and the
    reports' lag) does not explain. A claim that agrees with a reference value of the
    window is not flagged for disagreeing with other reports: the reference says which
    of them is right."""
    assert item.interval is not None
    found = [o for o in conflicts if not item.interval.overlaps(_widened(o, growth.allowance(item, o)), tolerance)]
    if found and not any(o.is_reference for o in found):
        return found if not _agrees_with_reference(item, tolerance, growth) else []
    return found


def _widened(item: Item, by: float) -> Interval:
    iv = item.interval
    assert iv is not None
    return Interval(iv.lo - by, iv.hi + by, iv.lo_open, iv.hi_open) if by else iv


_REFERENCE_REACH = 3


def _agrees_with_reference(item: Item, tolerance: Tolerance, growth: Growth) -> bool:
    """Whether a reference point within a few days of the item agrees with it."""
    near = [r for r in growth.reference_near(item, _REFERENCE_REACH)]
    return bool(near) and any(item.interval.overlaps(_widened(r, growth.allowance(item, r)), tolerance) for r in near)  # type: ignore[union-attr]


def _parts_differ(a: list[float], b: list[float]) -> bool:
    """Tallies "14-0" and "14-0-1" agree (one leaves out abstentions); "14-1" does not."""
    return any(x != y for x, y in zip(a, b, strict=False))
