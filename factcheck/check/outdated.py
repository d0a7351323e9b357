"""outdated: a checked claim repeats a figure that newer evidence has superseded.

The check judges each claim at its document's publication date (or ``--as-of``):

* a claim that dates itself ("on March 1, 30,000 had been killed") is outdated when
  evidence of the same figure dated after that date, and not after the document's
  date, lies outside the claim's interval beyond the tolerance;
* a claim that does not date itself presents the figure as current: it is outdated
  when the latest evidence up to the document's date disagrees with it and the claim
  repeats the figure of an earlier report (the last one that agreed with it). A claim
  that matches no earlier report is not stale but at odds with the latest report: that
  is the ``consistency`` check's business.

Only the most recent evidence counts: when several reports share the latest date, one
that agrees is enough. The finding says what the newer value is, who gave it and when,
and how old the claim's figure is: its own date, or that of the last earlier report
that agreed with it.

Bounds ("over 30,000") stay true as a cumulative figure grows, yet repeating "over
30,000" when the toll is 35,900 misleads. ``lag`` catches this: newer evidence more
than ``lag`` away from the stated number makes the claim outdated even though the
bound still holds.

The figure's ``stale_after`` (or the option of that name) sets how long a value stays
current: a claim whose figure is younger than that is not flagged. Evidence older than
that before the document's date does not say what is current, but it still supersedes
an older figure: a claim of May that repeats November's 1.7 million displaced, when
December's report said almost 1.9 million, is out of date even if no report of May
exists.

Example::

    checks:
      - id: gaza-toll-outdated
        outdated:
          figures: [gaza_death_toll]
          lag: 5%

Passes: "killed over 32,000 Palestinians" published 26 March 2024, when the ministry's
figure was 32,414 (1.3% above the stated number).

Fails: "over 30,000 Palestinians killed" in a draft of 27 May 2024: the ministry gave
35,903 for 25 May; 30,000 was the figure of mid-March.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from factcheck.check.base import (
    MAX_CONFLICTS,
    MAX_EVIDENCE,
    Context,
    Item,
    Problem,
    WindowIndex,
    base_params,
    date_key,
    evidence_order,
    evidence_params,
    format_day,
    tolerance_for,
)
from factcheck.intervals import Tolerance
from factcheck.rules.messages import COMMON, EVIDENCE
from factcheck.rules.schema import CheckRule
from factcheck.rules.types import Days, FigureRefs, ToleranceSpec

ID = "outdated"


class OutdatedOptions(BaseModel):
    """Options of the ``outdated`` check."""

    model_config = ConfigDict(extra="forbid")

    figures: FigureRefs = Field(default=None, description="Figure ids to check (default: every figure).")
    tolerance: ToleranceSpec | None = Field(default=None, description="Overrides the figures' own tolerance.")
    lag: ToleranceSpec | None = Field(
        default=None,
        description="How far newer evidence may be from the stated number (e.g. 5%) before the claim is outdated even though its bound still holds; unset: judge by the interval alone.",
    )
    stale_after: Days | None = Field(default=None, description="Overrides the figures' stale_after.")
    include_vague: bool = Field(default=True, description="Whether vague claims are checked and used as evidence.")


Options = OutdatedOptions

# Reads only the items of figures (Context.group and the like), so it can run on a
# context that holds those alone (factcheck.check.parallel).
SCOPE = "figures"
PROBLEM = "disagreement"
RANK = 0
DEFAULT_SEVERITY = "warning"
DEFAULT_MESSAGE = (
    "{figure}: '{value}' is out of date; {evidence_source} gave {evidence_value} for "
    "{evidence_date} ({age})"
)
PLACEHOLDERS = {
    **COMMON,
    **EVIDENCE,
    "age_days": "how many days old the claim's figure is at the document's date",
    "age": "the same in words: 'the claim matches the figure of 2024-03-15, 73 days before 2024-05-27'",
    "claim_figure_date": "the date the claim's figure is from (its own date, or the last report that agreed with it)",
    "reference_date": "the date the claim is judged at: the document's date or --as-of",
    "tolerance": "the tolerance used",
}

def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    opts = rule.options
    for figure_id in ctx.figure_ids(opts.figures):
        figure = ctx.rules.figures[figure_id]
        tolerance = tolerance_for(figure, opts.tolerance)
        stale = opts.stale_after if opts.stale_after is not None else figure.stale_after
        group = ctx.dated(figure_id)
        starts = ctx.starts(figure_id)
        # Only evidence can be the last report that agreed (``usable``): the index holds
        # just that, so it is the same whatever the checked documents (a server keeps
        # one per figure for every draft).
        index = ctx.window_index(figure_id, "evidence", lambda i: i.evidence)
        for item in ctx.group(figure_id):
            if not item.checked or (item.vague and not opts.include_vague) or item.interval is None:
                continue
            horizon = ctx.horizon(item)
            if horizon is None or item.start is None:
                ctx.note(
                    f"{item.doc.path if item.doc else item.doc_id}: no publication date; the outdated check "
                    f"'{rule.id}' needs one (or --as-of) and skipped its claims"
                )
                continue
            assert item.start is not None and item.end is not None
            if item.explicit_date:
                if item.end >= horizon:
                    continue
                if stale is not None and (horizon - item.end).days < stale:
                    continue
                after: date | None = item.end
            else:
                after = None

            def usable(e: Item, item: Item = item) -> bool:
                return (
                    e is not item
                    and e.evidence
                    and e.doc_id != item.doc_id
                    and item.period_compatible(e)
                    and (opts.include_vague or not e.vague)
                )

            latest, stop = _latest(group, starts, horizon, after, usable)
            if not latest:
                continue
            latest_day = latest[0].start
            assert latest_day is not None
            # The newest report may be too old to say what is current; it still says
            # that a figure older than itself was superseded.
            too_old = after is None and stale is not None and (horizon - latest_day).days > stale
            since: date | None = None
            if not any(_agrees(item, e, tolerance, opts.lag) for e in latest):
                if item.explicit_date:
                    since = item.start
                else:
                    # An undated claim is outdated only if it repeats an earlier report's
                    # figure, old enough to be stale; one that matches nothing is simply
                    # at odds with the latest report (the consistency check's business).
                    since = _last_agreeing(index, group, stop, item, tolerance, opts.lag, usable)
                    if since is not None and stale is not None and (horizon - since).days < stale:
                        since = None
                    if since is not None and too_old and since >= latest_day:
                        since = None
            ctx.compared(rule, item, latest, agreed=since is None)
            if since is None:
                continue
            evidence = evidence_order(latest)[:MAX_EVIDENCE]
            params = base_params(item, rule) | evidence_params(evidence[0])
            params |= _age_params(item, since, horizon) | {"tolerance": tolerance.describe()}
            yield Problem(item, evidence, params)


def _latest(group: list[Item], starts: list[int], horizon: date, after: date | None, usable) -> tuple[list[Item], int]:  # noqa: ANN001
    """The usable items on the latest date <= horizon (and > after), and the index the
    backwards scan stopped at."""
    k = bisect_right(starts, horizon.toordinal()) - 1
    found: list[Item] = []
    day = None
    while k >= 0:
        e = group[k]
        assert e.start is not None and e.end is not None
        if after is not None and e.start <= after:
            break
        if day is not None and e.start < day:
            break
        if e.end <= horizon and usable(e):
            found.append(e)
            day = e.start
            if len(found) >= MAX_CONFLICTS:  # a crowded day: enough to judge by
                break
        k -= 1
    return found, k


def _agrees(item: Item, evidence: Item, tolerance: Tolerance, lag: Tolerance | None) -> bool:
    assert item.interval is not None and evidence.interval is not None
    if not item.interval.overlaps(evidence.interval, tolerance):
        return False
    if lag is None or item.claim.value is None or evidence.claim.value is None:
        return True
    stated = item.claim.value * item.factor
    newer = evidence.claim.value * evidence.factor
    return abs(newer - stated) <= lag.amount(stated, newer)


def _last_agreeing(
    index: WindowIndex, group: list[Item], k: int, item: Item, tolerance: Tolerance, lag: Tolerance | None, usable,  # noqa: ANN001
) -> date | None:
    """Date of the most recent report at or before ``group[k]`` that agrees with
    ``item`` (a segment-tree search of the evidence ``index``: O(log n) for figures
    that move one way)."""
    iv = item.interval
    assert iv is not None
    end = bisect_right(index.items, date_key(group[k]), key=date_key) if k >= 0 else 0
    found = index.last_meeting(
        end,
        _reach(iv.hi, tolerance, up=True),
        _reach(iv.lo, tolerance, up=False),
        lambda e: usable(e) and _agrees(item, e, tolerance, lag),
    )
    return found.start if found is not None else None


def _reach(end: float, tolerance: Tolerance, up: bool) -> float:
    """How far from a claim's end another interval may start and still agree: a loose
    bound (exact for non-negative values) that only prunes the search."""
    inf = float("inf")
    if not math.isfinite(end) or end < 0 or tolerance.relative >= 1:
        return inf if up else -inf
    if up:
        return max(end + tolerance.absolute, end / (1 - tolerance.relative))
    return end - max(tolerance.absolute, tolerance.relative * end)


def _age_params(item: Item, since: date, horizon: date) -> dict[str, object]:
    reference = horizon.isoformat()
    days = (horizon - since).days
    when = format_day(since, item.claim.as_of_precision if item.explicit_date else "day")
    if item.explicit_date:
        age = f"the claim's figure dates from {when}, {days} days before {reference}"
    else:
        age = f"the claim matches the figure of {when}, {days} days before {reference}"
    return {"age_days": days, "age": age, "claim_figure_date": when, "reference_date": reference}
