"""range: a figure outside its plausible bounds.

Some values are impossible whatever the date: a share of a population above 100%, a
negative count, a Security Council vote with more than 15 votes cast. A checked claim
is flagged when its whole interval lies outside [``min``, ``max``], or when the parts of
a tally ("14-0-1") add up to more than ``max_total``.

The claims checked are chosen by figure, by the claim's kind (``share``, ``percent``,
``tally``, ``count``, ...), by unit and by patterns on the sentence; a check that names
none of these applies to the claims of every figure. Bounds are in the figure's unit, or in
the claim's own unit for claims chosen by kind or unit alone.

Example::

    checks:
      - id: unsc-vote-members
        range:
          figures: [unsc_vote]
          max_total: 15

Passes: "the Security Council resolution passed 14-0-1".

Fails: "the Security Council resolution passed 14-0-2": 16 votes in a 15-member body.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from pydantic import BaseModel, ConfigDict, Field, model_validator

from factcheck.check.base import Context, Item, Problem, base_params
from factcheck.intervals import format_number
from factcheck.rules.messages import COMMON
from factcheck.rules.patterns import (
    PATTERN_TIMEOUT,
    claim_span_in_sentence,
    sentence_hits,
)
from factcheck.rules.schema import CheckRule
from factcheck.rules.types import FigureRefs, PatternList, WordList

ID = "range"


class RangeOptions(BaseModel):
    """Options of the ``range`` check."""

    model_config = ConfigDict(extra="forbid")

    figures: FigureRefs = Field(default=None, description="Figure ids whose claims are checked.")
    kinds: WordList | None = Field(default=None, description="Claim kinds checked: share, percent, count, tally, money, quantity, ...")
    units: WordList | None = Field(default=None, description="Claim units checked ('count' for plain counts).")
    sentence: PatternList | None = Field(
        default=None,
        description="Regular expressions of which one must match the claim's sentence (a group named 'claim' must cover the claim).",
    )
    min: float | None = Field(default=None, description="Lowest plausible value (inclusive). One of min, max and max_total is required.")
    max: float | None = Field(default=None, description="Highest plausible value (inclusive).")
    max_total: float | None = Field(default=None, description="Largest plausible sum of a tally's parts.")

    @model_validator(mode="after")
    def _bounds(self) -> RangeOptions:
        if self.min is None and self.max is None and self.max_total is None:
            raise ValueError("a range check needs at least one of 'min', 'max' and 'max_total'")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"'min' ({self.min:g}) is above 'max' ({self.max:g})")
        return self


Options = RangeOptions

# Reads every claim of the run (Context.items), not only those of figures.
SCOPE = "claims"
PROBLEM = "implausible"
RANK = 0
DEFAULT_SEVERITY = "error"
DEFAULT_MESSAGE = "{figure}: '{value}' is outside the plausible range ({bounds})"
PLACEHOLDERS = {
    **COMMON,
    "bounds": "the bounds in words, e.g. 'at most 100'",
    "min": "the lowest plausible value",
    "max": "the highest plausible value",
    "max_total": "the largest plausible sum of a tally's parts",
    "total": "the sum of the tally's parts",
}


def _selected(ctx: Context, rule: CheckRule[Options], item: Item, opts: Options) -> bool:
    if opts.figures is not None and (item.figure is None or item.figure.id not in opts.figures):
        return False
    if opts.kinds is not None and item.claim.kind not in opts.kinds:
        return False
    if opts.units is not None and (item.claim.unit or "count") not in opts.units:
        return False
    if opts.sentence is not None and not _sentence_selects(ctx, rule, item, opts.sentence):
        return False
    if opts.figures is None and opts.kinds is None and opts.units is None and opts.sentence is None:
        return item.figure is not None
    return True


def _sentence_selects(ctx: Context, rule: CheckRule[Options], item: Item, patterns: list[str]) -> bool:
    span = claim_span_in_sentence(item.claim, item.doc.text if item.doc is not None else None)
    for pattern in patterns:
        try:
            if sentence_hits(regex.compile(pattern), item.claim.sentence, span):
                return True
        except TimeoutError:
            ctx.note(
                f"check '{rule.id}': the pattern {pattern!r} took longer than {PATTERN_TIMEOUT:g}s on a "
                f"sentence of {item.doc_id} and was taken as not matching; simplify it"
            )
    return False


def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    opts = rule.options
    bounds = _bounds_text(opts)
    for item in ctx.checked_items:
        if item.interval is None or not _selected(ctx, rule, item, opts):
            continue
        iv = item.interval
        above = opts.max is not None and (iv.lo > opts.max or (iv.lo == opts.max and iv.lo_open))
        below = opts.min is not None and (iv.hi < opts.min or (iv.hi == opts.min and iv.hi_open))
        total = sum(item.claim.parts) if item.claim.parts else None
        too_many = opts.max_total is not None and total is not None and total > opts.max_total
        ctx.compared(rule, item, [], agreed=not (above or below or too_many))
        if above or below or too_many:
            params = base_params(item, rule) | {
                "bounds": bounds,
                "min": _num(opts.min),
                "max": _num(opts.max),
                "max_total": _num(opts.max_total),
                "total": _num(total),
            }
            if item.figure is None:
                params["figure"] = item.claim.entity or (f"a {item.claim.kind}" if item.claim.kind else "figure")
            yield Problem(item, [], params)


def _num(x: float | None) -> str:
    return "none" if x is None else format_number(x)


def _bounds_text(opts: Options) -> str:
    parts = []
    if opts.min is not None and opts.max is not None:
        parts.append(f"between {_num(opts.min)} and {_num(opts.max)}")
    elif opts.max is not None:
        parts.append(f"at most {_num(opts.max)}")
    elif opts.min is not None:
        parts.append(f"at least {_num(opts.min)}")
    if opts.max_total is not None:
        parts.append(f"at most {_num(opts.max_total)} in all")
    return "; ".join(parts)
