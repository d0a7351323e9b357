"""The workers' rule outputs put back in the order one process would produce them.

On one machine the engine runs the rules one after the other, and a rule of figures
(``consistency``, ``outdated``, ``monotonic``) goes through ``ctx.figure_ids(...)`` in
that order, figure after figure. On the cluster such a rule runs once per figure of a
partition, in a context (``OneFigure``) whose ``figure_ids`` yields just that figure
and records the whole list it would have given; the client then joins the pieces
figure by figure in the recorded order. A ``relation`` rule runs whole, in the
partition holding its unit. A rule that never asks for ``figure_ids`` (so cannot be cut
by figure), or whose list is empty, runs on the client instead: the result is the same
either way, only the place differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.check.base import Context
from factcheck.check.parallel import RuleOutput


class OneFigure(Context):
    """A context whose ``figure_ids`` gives only ``only`` (when the rule would visit
    it), and remembers in ``order`` the full list it would have given."""

    only: str | None = None
    order: list[str] | None = None

    def figure_ids(self, wanted: list[str] | None, kinds: tuple[str, ...] | None = None) -> list[str]:
        full = super().figure_ids(wanted, kinds)
        if self.order is None:
            self.order = list(full)
        return [f for f in full if f == self.only]

    def adopt(self, view: Context) -> None:
        if isinstance(view, OneFigure) and self.order is None:
            self.order = view.order


@dataclass
class PartitionOutput:
    """What one partition's task returns: per (rule index, figure) outputs (figure
    None: the rule ran whole), each cut rule's figure order, and the rules that could
    not be cut by figure."""

    pieces: dict[tuple[int, str | None], RuleOutput] = field(default_factory=dict)
    orders: dict[int, list[str]] = field(default_factory=dict)
    uncut: set[int] = field(default_factory=set)


def joined(pieces: Sequence[RuleOutput]) -> RuleOutput:
    """One rule's output from its pieces in order; a note repeated by a later piece is
    dropped, as the rule alone would have added it once."""
    out = RuleOutput()
    seen: set[str] = set()
    for piece in pieces:
        out.findings.extend(piece.findings)
        out.comparisons.extend(piece.comparisons)
        for note in piece.notes:
            if note not in seen:
                seen.add(note)
                out.notes.append(note)
    return out


def assemble(narrow: Sequence[int], results: Sequence[PartitionOutput]) -> tuple[dict[int, RuleOutput], list[int]]:
    """The outputs of the rules ``narrow`` (indices) from every partition's result, and
    the rules the client must run itself."""
    pieces: dict[tuple[int, str | None], RuleOutput] = {}
    orders: dict[int, list[str]] = {}
    uncut: set[int] = set()
    for result in results:
        pieces.update(result.pieces)
        orders.update(result.orders)
        uncut |= result.uncut
    done: dict[int, RuleOutput] = {}
    left: list[int] = []
    for k in narrow:
        if k in uncut:
            left.append(k)
        elif (k, None) in pieces:
            done[k] = pieces[(k, None)]
        elif orders.get(k) and all((k, f) in pieces for f in orders[k]):
            done[k] = joined([pieces[(k, f)] for f in orders[k]])
        else:
            left.append(k)
    return done, left
