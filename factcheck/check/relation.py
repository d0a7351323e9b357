"""relation: arithmetic that must hold between figures.

The ``expression`` names figures by id and compares two sums with one of
``<= >= < > == ~`` (``~``: agree within the tolerance)::

    hostages_alive + hostages_remains ~ hostages_held
    hostages_held <= hostages_taken

Each checked claim of a figure in the expression is taken in turn; every other figure
is bound to a claim in the same document (the nearest one in the text) or, failing
that and when a ``window`` is given, to the claim or reference value nearest in date
within the window. The expression is evaluated on the claims' intervals and flagged
only when it is certainly broken: "more than 100" hostages held and "about 250" taken
(237.5 to 262.5) cannot break ``held <= taken``; "260 held" and "250 taken" (245 to 255)
do. A relation whose figures are not all found is not evaluated. An expression has at
most 200 numbers and figure ids and 50 levels of parentheses or signs.

Example::

    checks:
      - id: hostages-held-not-above-taken
        relation:
          expression: hostages_held <= hostages_taken
          window: 365d

Passes: "Hamas took about 250 people hostage ... 128 are still held".

Fails: "Hamas took 250 people hostage on Oct. 7; 260 hostages are still held" (250 as
written is 245 to 255).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.check.base import Context, Item, Problem, base_params, evidence_params
from factcheck.check.nearest import nearest_in_window, same_document
from factcheck.intervals import Tolerance
from factcheck.rules.expr import Relation
from factcheck.rules.messages import COMMON, EVIDENCE
from factcheck.rules.schema import CheckRule
from factcheck.rules.types import Days, RelationText, ToleranceSpec

ID = "relation"


class RelationOptions(BaseModel):
    """Options of the ``relation`` check."""

    model_config = ConfigDict(extra="forbid")

    expression: RelationText
    window: Days | None = Field(
        default=None,
        description="How far in days claims of other documents and reference values may be from the checked claim; unset: only claims of the same document.",
    )
    tolerance: ToleranceSpec | None = Field(
        default=None,
        description="How far the two sides may miss; default: for ~ the loosest tolerance of the figures in the expression, for orderings none beyond the claims' own intervals.",
    )


Options = RelationOptions

# Reads only the items of figures (Context.group and the like), so it can run on a
# context that holds those alone (factcheck.check.parallel).
SCOPE = "figures"
PROBLEM = "relation"
RANK = 0
DEFAULT_SEVERITY = "error"
DEFAULT_MESSAGE = "{figure}: '{value}' breaks {relation} ({left} against {right}; {values})"
PLACEHOLDERS = {
    **COMMON,
    **EVIDENCE,
    "expression": "the relation as written, with figure ids",
    "relation": "the relation with figure names: 'Hostages held <= Hostages taken'",
    "left": "the values the left side allows",
    "right": "the values the right side allows",
    "values": "each other figure with the claim used for it and where it came from",
    "tolerance": "the tolerance used",
}


def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    opts = rule.options
    relation = ctx.rules.expressions[rule.id]
    names = relation.variables()
    figures = [ctx.rules.figures[n] for n in names]
    tolerance = opts.tolerance
    if tolerance is None:
        # "~" and "==" compare like figures: the loosest of their tolerances. Orderings
        # need none beyond the claims' own intervals.
        tolerance = Tolerance()
        if relation.op in ("~", "=="):
            for f in figures:
                tolerance = tolerance.combine(f.tolerance)

    # Only a checked claim anchors a comparison; the others of its document are read
    # by document, not by walking every claim of the figures.
    anchors = [i for name in names for i in ctx.checked_of(name) if i.interval is not None]
    # The claim of the leftmost figure is the one reported, others are its evidence.
    anchors.sort(key=lambda i: (names.index(i.figure.id), i.rank))  # type: ignore[union-attr]

    evaluated: set[frozenset[str]] = set()
    for anchor in anchors:
        assert anchor.figure is not None
        binding = {anchor.figure.id: anchor}
        for name in names:
            if name in binding:
                continue
            found = same_document(ctx.in_document(name, anchor.doc_id), anchor)
            if found is None and opts.window is not None and anchor.dated:
                found = nearest_in_window(ctx, name, anchor, opts.window)
            if found is None:
                break
            binding[name] = found
        else:
            key = frozenset(i.id for i in binding.values())
            if key in evaluated:  # the same claims, reached from another of them
                continue
            evaluated.add(key)
            env = {n: binding[n].interval for n in names}
            left, right = relation.sides(env)  # type: ignore[arg-type]
            broken = relation.broken(env, tolerance)  # type: ignore[arg-type]
            others = [binding[n] for n in names if binding[n] is not anchor]
            ctx.compared(rule, anchor, others, agreed=not broken)
            if not broken:
                continue
            params = base_params(anchor, rule) | (evidence_params(others[0]) if others else {})
            params |= {
                "expression": relation.text,
                "left": left.describe(),
                "right": right.describe(),
                "relation": _labelled(relation, ctx),
                "values": "; ".join(_describe(binding[n], anchor) for n in names if binding[n] is not anchor),
                "tolerance": tolerance.describe(),
            }
            yield Problem(anchor, others, params)


def _labelled(relation: Relation, ctx: Context) -> str:
    """The expression with each figure id replaced by the figure's name."""
    text = relation.text
    for name in sorted(relation.names(), key=lambda n: n.column, reverse=True):
        label = ctx.rules.figures[name.name].label
        text = text[: name.column] + label + text[name.column + len(name.name) :]
    return text


def _describe(item: Item, anchor: Item) -> str:
    label = item.figure.label if item.figure is not None else "?"
    if item.doc_id == anchor.doc_id:
        return f"{label} '{item.value_text}' (same document)"
    return f"{label} {item.value_text} ({item.source}, {item.date_text})"
