"""Which figures a check reads together, and how they are packed into partitions.

Most checks read one figure at a time, but a ``relation`` rule reads all the figures of
its expression, and a part figure (``part_of`` in the rules) is read with its whole.
Figures so connected form one *unit* (a connected component, found with union-find),
and a unit is never split between workers. Units are packed
into partitions of about equal numbers of items, largest first; every figure of the rule
set is in exactly one partition, an empty one too (a rule over it still runs, as it
would on one machine). The packing decides only where work runs, never what the run
reports: outputs are merged by rule and figure (``factcheck.cluster.merge``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.check.base import Item
from factcheck.rules.schema import RuleSet


def figure_units(rule_set: RuleSet) -> list[list[str]]:
    """The units of the rule set's figures, each in rule-file order, ordered by their
    first figure."""
    order = {f: k for k, f in enumerate(rule_set.figures)}
    parent = {f: f for f in rule_set.figures}

    def find(f: str) -> str:
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    def join(a: str, b: str) -> None:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb, key=order.__getitem__)] = min(ra, rb, key=order.__getitem__)

    for relation in rule_set.expressions.values():
        names = list(relation.variables())
        for other in names[1:]:
            join(names[0], other)
    # A part is read with its whole (``parts``; ``consistency`` reads the reference
    # series of the wholes above a part for its growth), so a whole and its parts stay
    # together, up the chain.
    for figure in rule_set.figures.values():
        if figure.part_of:
            join(figure.id, figure.part_of)
    groups: dict[str, list[str]] = {}
    for f in rule_set.figures:
        groups.setdefault(find(f), []).append(f)
    return sorted(groups.values(), key=lambda unit: order[unit[0]])


def partitions(units: list[list[str]], sizes: Mapping[str, int], count: int) -> list[list[str]]:
    """The units packed into at most ``count`` partitions (lists of figures) of about
    equal items, largest unit first; empty partitions are left out."""
    count = max(1, count)
    loads = [0] * count
    packed: list[list[str]] = [[] for _ in range(count)]
    weighed = sorted(range(len(units)), key=lambda k: (-sum(sizes.get(f, 0) for f in units[k]), k))
    for k in weighed:
        target = min(range(count), key=lambda p: (loads[p], p))
        packed[target].extend(units[k])
        loads[target] += sum(sizes.get(f, 0) for f in units[k])
    return [p for p in packed if p]


def document_ranges(items: Sequence[Item], count: int) -> list[list[Item]]:
    """The checked items cut into at most ``count`` parts of about equal size, each the
    items of a contiguous range of document ids (in string order, the order a check
    that ``SPLIT``s by document visits them), a document never cut; within a part the
    items keep their order. Checking the parts apart and concatenating the outputs in
    part order is checking them all at once. Empty parts are left out."""
    sizes: dict[str, int] = {}
    for item in items:
        if item.checked:
            doc = str(item.doc_id)
            sizes[doc] = sizes.get(doc, 0) + 1
    total = sum(sizes.values())
    part_of: dict[str, int] = {}
    part, filled = 0, 0
    for doc in sorted(sizes):
        if filled >= (part + 1) * total / max(1, count) and part < count - 1:
            part += 1
        part_of[doc] = part
        filled += sizes[doc]
    parts: list[list[Item]] = [[] for _ in range(part + 1 if sizes else 0)]
    for item in items:
        if item.checked:
            parts[part_of[str(item.doc_id)]].append(item)
    return [p for p in parts if p]
