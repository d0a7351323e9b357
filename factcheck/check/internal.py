"""internal: one document states the same figure two ways.

Within one checked document, two claims of the same figure about the same date (at
most ``window`` days apart) must agree within the tolerance. The later statement in the
text is flagged, with the earlier one as evidence: "the attack killed some 1,200
people ... the 1,400 killed on Oct. 7".

Claims are grouped by figure, or, with ``group: context``, by what extraction says they
count: the same entity, predicate and place (and start date, for flows). Context
grouping needs no figure definitions, so it works for any subject; it looks only at
claims that no figure claimed, and compares values in different units after
converting them (2 miles and 3.2 km agree).

With ``compare: units`` the check instead reports a document that states the same
context-grouped figure in units that cannot be compared at all (an unknown unit, or
a length against a duration): factcheck cannot check such a pair, and an editor should
look at it.

Example::

    checks:
      - id: same-figure-twice
        internal:
          group: context

A document that reports a dispute is not contradicting itself: two figures given by
different sources, one of them only as that source's claim ("Israeli sources say 50 to
100 were seized; armed groups claim to have seized over 150"), are not compared.

Passes: "some 1,200 people were killed in the attack ... about 1,200 killed".

Fails: "the attack killed some 1,200 people ... the 1,400 people killed in the attack".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck import units as unit_tools
from factcheck.check.base import (
    MAX_EVIDENCE,
    Context,
    Item,
    Problem,
    WindowIndex,
    base_params,
    evidence_params,
    in_unit,
    tolerance_for,
    within_days,
)
from factcheck.intervals import Interval
from factcheck.rules.messages import COMMON, EVIDENCE
from factcheck.rules.schema import CheckRule
from factcheck.rules.types import Days, FigureRefs, ToleranceSpec

ID = "internal"


class InternalOptions(BaseModel):
    """Options of the ``internal`` check."""

    model_config = ConfigDict(extra="forbid")

    figures: FigureRefs = Field(default=None, description="Figure ids to check (default: every figure; ignored with group: context).")
    group: Literal["figure", "context"] = Field(default="figure", description="Group claims by figure, or by what extraction says they count (entity, predicate, place).")
    window: Days = Field(default=0, description="Days apart that still count as the same date.")
    tolerance: ToleranceSpec | None = Field(default=None, description="Overrides the figures' tolerance (the only tolerance for group: context).")
    include_vague: bool = Field(default=False, description="Whether vague claims ('dozens') take part.")
    compare: Literal["values", "units"] = Field(default="values", description="Compare values, or report units that cannot be compared.")


Options = InternalOptions

# Reads every claim of the run (Context.items), not only those of figures.
SCOPE = "claims"
# But compares only claims of one checked document (a figure's, or a frame group's:
# entity, predicate, place), visiting the groups in document-id order: the claims of
# contiguous ranges of document ids can be checked apart and the outputs concatenated
# (``factcheck.cluster`` does, on its workers).
SPLIT = "document"
PROBLEM = "disagreement"
RANK = 3
DEFAULT_SEVERITY = "warning"
DEFAULT_MESSAGE = "{figure} is given as '{value}' here but as '{evidence_value}' earlier in the same document"
UNITS_MESSAGE = "{figure} is given as '{value}' here and as '{evidence_value}' earlier; their units cannot be compared"
PLACEHOLDERS = {**COMMON, **EVIDENCE, "tolerance": "the tolerance used"}

_UNDATED = date.min


def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    opts = rule.options
    groups: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    if opts.group == "figure":
        wanted = set(ctx.figure_ids(opts.figures))
        for item in ctx.checked_items:
            if item.figure is not None and item.figure.id in wanted:
                groups[(item.doc_id, item.figure.id)].append(item)
    else:
        groups = ctx.memo(("internal", "context-groups"), lambda: _context_groups(ctx.items))
    # Most groups are one claim: leave them out before sorting the keys.
    shared = [k for k, members in groups.items() if len(members) >= 2]
    for key in sorted(shared, key=lambda k: tuple(str(p) for p in k)):
        members = [i for i in groups[key] if i.interval is not None and (opts.include_vague or not i.vague)]
        if len(members) < 2:
            continue
        if opts.compare == "units":
            yield from _units(ctx, rule, members)
        else:
            yield from _values(ctx, rule, opts, members)


def _context_groups(items: list[Item]) -> dict[tuple[object, ...], list[Item]]:
    groups: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for item in items:
        if item.checked and item.figure is None:
            key = context_key(item)
            if key is not None:
                groups[(item.doc_id, *key)].append(item)
    return groups


def context_key(item: Item) -> tuple[str, str, str, str] | None:
    """What a figure-less claim counts: entity, predicate, place, flow start."""
    claim = item.claim
    entity = claim.entity_type or claim.entity
    if not entity or not claim.predicate:
        return None
    return (
        _norm(entity),
        _norm(claim.predicate),
        _norm(claim.location or ""),
        claim.period_start.isoformat() if claim.period_start else "",
    )


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    words = text.lower().replace("’", "'").split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _dated_copy(item: Item, interval: Interval) -> Item:
    """The item as the group compares it: undated claims all share one date."""
    start = item.start or _UNDATED
    return replace(item, interval=interval, start=start, end=item.end or start)


def _values(ctx: Context, rule: CheckRule[Options], opts: Options, members: list[Item]) -> Iterator[Problem]:
    figure = members[0].figure
    tolerance = tolerance_for(figure, opts.tolerance)
    target = members[0].claim.unit if figure is None else None
    copies: list[Item] = []
    original: dict[int, Item] = {}
    # A figure's claims are in its unit already; context groups may mix convertible units.
    converted = in_unit(members, target) if figure is None else ((i, i.interval) for i in members)
    for item, interval in converted:
        assert interval is not None
        copy = _dated_copy(item, interval)
        original[id(copy)] = item
        copies.append(copy)
    copies.sort(key=lambda i: (i.start, i.rank))  # type: ignore[arg-type]
    index = WindowIndex(copies)
    for copy in sorted(copies, key=lambda i: i.claim.start):
        item = original[id(copy)]
        earlier = [
            original[id(o)]
            for o in index.conflicts(copy, opts.window, tolerance)
            if o.claim.start < copy.claim.start and copy.period_compatible(o) and not _reported_dispute(item, original[id(o)])
        ]
        ctx.compared(rule, item, earlier, agreed=not earlier)
        if earlier:
            evidence = sorted(earlier, key=lambda i: i.claim.start)[:MAX_EVIDENCE]
            params = base_params(item, rule) | evidence_params(evidence[0]) | {"tolerance": tolerance.describe()}
            if figure is None:
                params["figure"] = _context_label(item)
            yield Problem(item, evidence, params)


# Stance verbs that distance a report from the figure it repeats.
_DISTANCING = frozenset({"claim", "allege"})


def _reported_dispute(a: Item, b: Item) -> bool:
    """Whether two claims are a dispute the document reports: different sources, one of
    them distanced ("X claims to have ...")."""
    sa, sb = a.claim.attribution, b.claim.attribution
    if not sa or not sb or _norm(sa) == _norm(sb):
        return False
    return any(c.frame is not None and c.frame.stance in _DISTANCING for c in (a.claim, b.claim))


def _units(ctx: Context, rule: CheckRule[Options], members: list[Item]) -> Iterator[Problem]:
    members = sorted(members, key=lambda i: i.claim.start)
    seen_units: list[tuple[str | None, Item]] = []
    for item in members:
        unit = item.claim.unit
        clash = None
        for other_unit, other in seen_units:
            same_day = item.start is None or other.start is None or within_days(item, other, 0)
            if same_day and unit_tools.factor(unit, other_unit) is None:
                clash = other
                break
        if all(u != unit for u, _ in seen_units):
            seen_units.append((unit, item))
        if clash is not None:
            ctx.compared(rule, item, [clash], agreed=False)
            params = base_params(item, rule) | evidence_params(clash) | {"tolerance": "none"}
            params["figure"] = _context_label(item) if item.figure is None else params["figure"]
            yield Problem(item, [clash], params)


def _context_label(item: Item) -> str:
    claim = item.claim
    parts = [claim.entity_type or claim.entity or "", claim.predicate or ""]
    if claim.location:
        parts.append(f"in {claim.location}")
    return " ".join(p for p in parts if p) or "a figure"


def default_message(opts: Options) -> str:
    return UNITS_MESSAGE if opts.compare == "units" else DEFAULT_MESSAGE
