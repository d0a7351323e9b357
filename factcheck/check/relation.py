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
(225 to 275) cannot break ``held <= taken``; "260 held" and "250 taken" (245 to 255) do. A relation whose
figures are not all found is not evaluated.

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

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.check.base import (
    Context,
    Item,
    Problem,
    base_params,
    days_apart,
    evidence_params,
    within_days,
)
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

    in_doc: dict[tuple[str, str], list[Item]] = defaultdict(list)
    anchors: list[Item] = []
    for name in names:
        for item in ctx.group(name):
            if item.interval is None:
                continue
            in_doc[(item.doc_id, name)].append(item)
            if item.checked:
                anchors.append(item)
    # The claim of the leftmost figure is the one reported, others are its evidence.
    anchors.sort(key=lambda i: (names.index(i.figure.id), i.rank))  # type: ignore[union-attr]

    evaluated: set[frozenset[str]] = set()
    for anchor in anchors:
        assert anchor.figure is not None
        binding = {anchor.figure.id: anchor}
        for name in names:
            if name in binding:
                continue
            found = _same_document(in_doc.get((anchor.doc_id, name), []), anchor)
            if found is None and opts.window is not None and anchor.dated:
                found = _nearest_in_window(ctx, name, anchor, opts.window)
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


def _same_document(items: list[Item], anchor: Item) -> Item | None:
    """The claim nearest to the anchor in its own document (other than the anchor)."""
    best = None
    for item in items:
        if item is anchor:
            continue
        key = (abs(item.claim.start - anchor.claim.start), item.rank)
        if best is None or key < best[0]:
            best = (key, item)
    return best[1] if best else None


def _nearest_in_window(ctx: Context, name: str, anchor: Item, window: int) -> Item | None:
    """The evidence of figure ``name`` nearest in date to the anchor, within ``window``;
    ties go to reference series, then to the run's order. Scans outwards from the
    anchor's date and stops as soon as nothing further can be nearer."""
    index = ctx.window_index(name, "evidence", lambda i: i.evidence)
    items, starts, span = index.items, index.starts, index.max_span
    assert anchor.start is not None and anchor.end is not None
    first, last = anchor.start.toordinal(), anchor.end.toordinal()
    best: tuple[tuple[int, bool, int], Item] | None = None

    def bound_ok(least: int) -> bool:
        return least <= window and (best is None or least <= best[0][0])

    k = bisect_left(starts, first)
    for j in range(k, len(items)):  # later starts: distance only grows
        if not bound_ok(starts[j] - last):
            break
        best = _better(best, items[j], anchor, window)
    for j in range(k - 1, -1, -1):  # earlier starts: an end may reach back by ``span``
        if not bound_ok(first - starts[j] - span):
            break
        best = _better(best, items[j], anchor, window)
    return best[1] if best else None


def _better(best, item: Item, anchor: Item, window: int):  # noqa: ANN001, ANN202
    if item is anchor or not within_days(anchor, item, window):
        return best
    key = (days_apart(anchor, item), not item.is_reference, item.rank)
    return (key, item) if best is None or key < best[0] else best


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
