"""parts: a part of a figure is never more than its whole.

A figure declared ``part_of`` another (children among the dead, hostages held who are
believed dead) counts some of what its whole counts: a report of it can only be as
large as the whole. Each checked claim of a part is compared with a claim of its whole
in the same document (the nearest one in the text) or, failing that, with the claim or
reference value of the whole nearest in date within ``window`` (a part that counts
another period, "before the war", is not compared); it is flagged when it is
certainly larger: every value its interval allows lies above every value the whole's
allows, beyond the whole's tolerance. Parts are never compared with their whole by the
other checks (a part is not its whole's figure), so this is the one check between them.

Example::

    checks:
      - id: parts-not-above-whole
        parts:
          window: 7d

Passes: "of the 35,000 killed, more than 14,000 were children".

Fails: "43 of them are believed dead" in a report that counts 41 hostages still held.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.check.base import Context, Item, Problem, base_params, evidence_params, tolerance_for
from factcheck.check.nearest import nearest_in_window, same_document
from factcheck.rules.messages import COMMON, EVIDENCE
from factcheck.rules.schema import CheckRule
from factcheck.rules.types import Days, FigureRefs

ID = "parts"


class PartsOptions(BaseModel):
    """Options of the ``parts`` check."""

    model_config = ConfigDict(extra="forbid")

    figures: FigureRefs = Field(default=None, description="Part figures to check (default: every figure with a part_of).")
    window: Days = Field(
        default=7,
        description="How far in days a claim of the whole in another document (or a reference value) may be from the part's date.",
    )


Options = PartsOptions

# Reads only the items of figures (Context.group and the like), so it can run on a
# context that holds those alone (factcheck.check.parallel).
SCOPE = "figures"
PROBLEM = "relation"
RANK = 1
DEFAULT_SEVERITY = "error"
DEFAULT_MESSAGE = (
    "{figure}: '{value}' is more than the whole it is part of: {whole} {evidence_value} "
    "({evidence_source}, {evidence_date})"
)
PLACEHOLDERS = {**COMMON, **EVIDENCE, "whole": "the name of the figure the part belongs to"}


def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    opts = rule.options
    for figure_id in ctx.figure_ids(opts.figures):
        figure = ctx.rules.figures[figure_id]
        whole = ctx.rules.figures.get(figure.part_of) if figure.part_of else None
        if whole is None or set(figure.match.periods) != set(whole.match.periods):
            continue  # a pre-war population is another period's count, not a part of today's
        checked = [p for p in ctx.group(figure_id) if p.checked and p.interval is not None]
        if not checked:
            continue
        tolerance = tolerance_for(whole, None)
        # The wholes of the parts' own documents: a part is judged first against them.
        docs = {p.doc_id for p in checked}
        wholes: dict[str, list[Item]] = defaultdict(list)
        for item in ctx.group(whole.id):
            if item.interval is not None and item.doc_id in docs:
                wholes[item.doc_id].append(item)
        for part in checked:
            found = same_document(wholes.get(part.doc_id, []), part)
            if found is None and part.dated:
                found = nearest_in_window(ctx, whole.id, part, opts.window)
            if found is None or found.interval is None:
                continue
            larger = found.interval.below(part.interval, tolerance)
            ctx.compared(rule, part, [found], agreed=not larger)
            if larger:
                params = base_params(part, rule) | evidence_params(found) | {"whole": whole.label}
                yield Problem(part, [found], params)
