"""What every check works with: claims as ``Item``s, grouped and sorted once, and the
``Problem`` a check reports.

The engine turns each claim (and each point of a reference series) into an ``Item``:
its interval in the figure's unit, the dates it is about, whether it is in a checked
document and whether it may serve as evidence. ``Context`` groups the items by figure
and sorts each group by date once; checks then look up neighbours by bisection or in a
``WindowIndex`` (a segment tree over a group), so no check compares every claim with
every other: the whole run is O(n log n) in the number of claims.
"""

from __future__ import annotations

import calendar
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Any

from factcheck.intervals import Interval, Tolerance
from factcheck.models import Claim, Document
from factcheck.rules.schema import CheckRule, Figure, LoadedSeries, ReferencePoint, RuleSet

# How many claims a finding or a comparison record lists at most.
MAX_EVIDENCE = 5
MAX_COMPARED = 20
# How many contradicting claims a check collects on each side of a claim: enough to
# choose the evidence to show, few enough to keep every check O(n log n).
MAX_CONFLICTS = 32


def date_span(day: date, precision: str | None) -> tuple[date, date]:
    """The days a date of the given precision covers: "May 2024" is May 1 to May 31."""
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


@lru_cache(maxsize=8192)
def format_day(day: date | None, precision: str | None = "day") -> str:
    if day is None:
        return "an unknown date"
    if precision == "month":
        return day.strftime("%Y-%m")
    if precision == "year":
        return str(day.year)
    return day.isoformat()


@dataclass(eq=False, slots=True)
class Item:
    """One claim, or one point of a reference series, as the checks see it."""

    claim: Claim
    doc: Document | None
    rank: int
    figure: Figure | None = None
    interval: Interval | None = None
    start: date | None = None
    end: date | None = None
    explicit_date: bool = False
    checked: bool = False
    evidence: bool = False
    series: LoadedSeries | None = None
    point: ReferencePoint | None = None
    # Factor from the claim's unit to the figure's (1.0 when they are the same).
    factor: float = 1.0
    _evidence_key: tuple[bool, int, int] | None = field(default=None, init=False, repr=False)

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def doc_id(self) -> str:
        return self.claim.doc

    @property
    def is_reference(self) -> bool:
        return self.series is not None

    @property
    def vague(self) -> bool:
        return self.claim.qualifier == "vague"

    @property
    def dated(self) -> bool:
        return self.start is not None

    @property
    def source(self) -> str:
        """Who gave the figure, as a reader wants to see it."""
        if self.series is not None:
            if self.point is not None and self.point.source:
                return self.point.source
            return self.series.series.source
        who = self.claim.attribution
        where = None
        if self.doc is not None:
            where = self.doc.outlet or self.doc.title or self.doc.path
        if who and where:
            return f"{who}, via {where}"
        return who or where or self.claim.doc or "an unnamed source"

    @property
    def date_text(self) -> str:
        return format_day(self.start, self.claim.as_of_precision if self.claim.as_of else "day")

    @property
    def value_text(self) -> str:
        """The figure as stated: the claim's own words ("about 130" for a reference point)."""
        return self.claim.surface or (self.interval.describe() if self.interval else "?")

    @property
    def evidence_key(self) -> tuple[bool, int, int]:
        """Where the item stands in ``evidence_order`` (worked out once: an item is
        evidence for many claims)."""
        key = self._evidence_key
        if key is None:
            key = self._evidence_key = (self.series is None, -(self.start.toordinal() if self.start else 0), self.rank)
        return key

    def period_compatible(self, other: Item) -> bool:
        """Flows count from a start date; two flows from different starts differ."""
        a, b = self.claim.period_start, other.claim.period_start
        return a is None or b is None or a == b


@dataclass(frozen=True)
class Comparison:
    """A record of one check looking at one claim: what it compared it with and whether
    they agreed. Kept so tests and ``rules test`` can tell "agreed" from "never compared"."""

    rule: str
    claim: str
    against: tuple[str, ...]
    agreed: bool


@dataclass
class Problem:
    """What a check yields: the flagged claim, the claims that contradict or supersede
    it, and the values for the rule's message placeholders."""

    item: Item
    evidence: list[Item]
    params: dict[str, Any] = field(default_factory=dict)


class Context:
    """The items of one run, grouped by figure and sorted by date, plus the run's notes."""

    def __init__(self, rules: RuleSet, items: list[Item], as_of: date | None, figures_only: bool = False) -> None:
        self.rules = rules
        self._items = items
        self.figures_only = figures_only
        self.as_of = as_of
        self.notes: list[str] = []
        self._noted: set[str] = set()
        self.comparisons: list[Comparison] = []
        groups: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            if item.figure is not None:
                groups[item.figure.id].append(item)
        for group in groups.values():
            group.sort(key=_date_key)
        self.groups: dict[str, list[Item]] = dict(groups)
        self._dated: dict[str, list[Item]] = {}
        self._starts: dict[str, list[int]] = {}
        self._windows: dict[tuple[str, str], WindowIndex] = {}
        self._memo: dict[tuple[str, ...], Any] = {}

    # -- lookups --------------------------------------------------------------------
    @property
    def items(self) -> list[Item]:
        """Every item of the run. A context made ``figures_only`` (for checks whose
        ``SCOPE`` is "figures") holds only the items of figures and refuses this."""
        if self.figures_only:
            raise RuntimeError("a context of the items of figures only cannot give every item")
        return self._items

    def group(self, figure_id: str) -> list[Item]:
        """Items of one figure sorted by (start date, rank); undated ones first."""
        return self.groups.get(figure_id, [])

    def dated(self, figure_id: str) -> list[Item]:
        """Items of one figure that have both a date and an interval, sorted by date."""
        found = self._dated.get(figure_id)
        if found is None:
            found = [i for i in self.group(figure_id) if i.dated and i.interval is not None]
            self._dated[figure_id] = found
        return found

    def starts(self, figure_id: str) -> list[int]:
        """Ordinals of the start dates of ``dated(figure_id)``, for bisection."""
        found = self._starts.get(figure_id)
        if found is None:
            found = [i.start.toordinal() for i in self.dated(figure_id)]  # type: ignore[union-attr]
            self._starts[figure_id] = found
        return found

    def window_index(self, figure_id: str, purpose: str, accept: Callable[[Item], bool]) -> WindowIndex:
        key = (figure_id, purpose)
        index = self._windows.get(key)
        if index is None:
            index = WindowIndex([i for i in self.dated(figure_id) if accept(i)])
            self._windows[key] = index
        return index

    def memo(self, key: tuple[str, ...], build: Callable[[], Any]) -> Any:
        """``build()``, once per run for ``key``: what several checks derive alike."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def figure_ids(self, wanted: list[str] | None, kinds: tuple[str, ...] | None = None) -> list[str]:
        """The figures a check applies to, in rule order."""
        if wanted is not None:
            return [f for f in wanted if f in self.rules.figures]
        return [f.id for f in self.rules.figures.values() if kinds is None or f.kind in kinds]

    def horizon(self, item: Item) -> date | None:
        """The date the checked claim is judged at: --as-of, else its document's date."""
        if self.as_of is not None:
            return self.as_of
        if item.doc is not None and item.doc.published is not None:
            return item.doc.published
        return None

    def note(self, message: str) -> None:
        if message not in self._noted:
            self._noted.add(message)
            self.notes.append(message)

    def recorded(self, run: Callable[[], Any]) -> tuple[Any, list[Comparison], list[str]]:
        """``run()``'s result with the comparisons and notes it recorded, taken out of
        this context: the notes as ``run`` would add them alone (the ones seen before
        are forgotten meanwhile), so that rules run apart can be merged in order."""
        seen, self._noted = self._noted, set()
        comparisons, notes = len(self.comparisons), len(self.notes)
        try:
            result = run()
        finally:
            self._noted = seen
        recorded = (result, self.comparisons[comparisons:], self.notes[notes:])
        del self.comparisons[comparisons:], self.notes[notes:]
        return recorded

    def compared(self, rule: CheckRule[Any], item: Item, against: list[Item], agreed: bool) -> None:
        self.comparisons.append(
            Comparison(rule.id, item.id, tuple(a.id for a in against[:MAX_COMPARED]), agreed)
        )


def _date_key(item: Item) -> tuple[int, int]:
    return (item.start.toordinal() if item.start is not None else -1, item.rank)


def tolerance_for(figure: Figure | None, override: Tolerance | None) -> Tolerance:
    if override is not None:
        return override
    if figure is not None:
        return figure.tolerance
    return Tolerance()


# Below this many items in a date range a plain scan beats the tree.
_SCAN = 400
# Items per leaf of the trees ``_reaching`` searches.
_BLOCK = 16


class WindowIndex:
    """Items of one group (sorted by start date) with a segment tree over their interval
    ends, so "which items in this date range lie wholly below x / above y" costs
    O(log n) plus the number found. The tree is built on the first query whose date
    range is too long to scan: most groups (one document's claims of one figure) never
    need it."""

    def __init__(self, items: list[Item]) -> None:
        self.items = items
        self.starts = [i.start.toordinal() for i in items]  # type: ignore[union-attr]
        self.ends = [i.end.toordinal() for i in items]  # type: ignore[union-attr]
        self.max_span = max((e - s for s, e in zip(self.starts, self.ends)), default=0)
        self.his = [i.interval.hi for i in items]  # type: ignore[union-attr]
        self.los = [i.interval.lo for i in items]  # type: ignore[union-attr]
        # Lower ends negated, so "lower end >= x" is "negated end <= -x" and one loop
        # serves both sides of ``_reaching``.
        self.neg_los = [-x for x in self.los]
        self.docs = [i.claim.doc for i in items]
        self.periods = [i.claim.period_start for i in items]
        self.size = 0

    def _build(self) -> None:
        n = len(self.items)
        inf = float("inf")
        size = 1
        while size < max(n, 1):
            size *= 2
        # Per item, for ``last_meeting``.
        self.min_lo = [inf] * (2 * size)
        self.max_hi = [-inf] * (2 * size)
        self.min_lo[size : size + n] = self.los
        self.max_hi[size : size + n] = self.his
        for k in range(size - 1, 0, -1):
            self.min_lo[k] = min(self.min_lo[2 * k], self.min_lo[2 * k + 1])
            self.max_hi[k] = max(self.max_hi[2 * k], self.max_hi[2 * k + 1])
        self.size = size
        # Per block of _BLOCK items, for ``_reaching``: a block is scanned as a whole.
        blocks = -(-n // _BLOCK)
        block_size = 1
        while block_size < max(blocks, 1):
            block_size *= 2
        self.block_min_hi = self._block_tree(self.his, blocks, block_size)
        self.block_min_neg_lo = self._block_tree(self.neg_los, blocks, block_size)
        self.block_size = block_size

    @staticmethod
    def _block_tree(ends: list[float], blocks: int, size: int) -> list[float]:
        tree = [float("inf")] * (2 * size)
        for j in range(blocks):
            tree[size + j] = min(ends[j * _BLOCK : (j + 1) * _BLOCK])
        for k in range(size - 1, 0, -1):
            tree[k] = min(tree[2 * k], tree[2 * k + 1])
        return tree

    def span(self, first: date, last: date, window: int) -> tuple[int, int]:
        """Index range of items that may lie within ``window`` days of [first, last]."""
        a = bisect_left(self.starts, first.toordinal() - window - self.max_span)
        b = bisect_right(self.starts, last.toordinal() + window)
        return a, b

    def _near(self, item: Item, window: int, related: bool) -> Callable[[int], bool]:
        """Whether the item at an index lies within ``window`` days of ``item`` (and,
        with ``related``, is another document's, counting from the same start:
        ``Item.period_compatible``), on the ordinals kept for the purpose."""
        assert item.start is not None and item.end is not None
        first, last = item.start.toordinal(), item.end.toordinal()
        starts, ends, docs, periods = self.starts, self.ends, self.docs, self.periods
        doc, period = item.claim.doc, item.claim.period_start

        def near(k: int) -> bool:
            if max(starts[k] - last, first - ends[k], 0) > window:
                return False
            return not related or (
                docs[k] != doc and (period is None or periods[k] is None or periods[k] == period)
            )

        return near

    def in_window(self, item: Item, window: int, related: bool = False) -> Iterator[Item]:
        """Items within ``window`` days of ``item``, in date order; with ``related``
        only those of other documents counting from the same start."""
        assert item.start is not None and item.end is not None
        a, b = self.span(item.start, item.end, window)
        near = self._near(item, window, related)
        return (self.items[k] for k in range(a, b) if near(k))

    def _descend(self, a: int, b: int, hit: Callable[[int], bool], backwards: bool = False) -> Iterator[int]:
        """Leaves in [a, b) under nodes that ``hit``, in index order (or reversed)."""
        if a >= b:
            return
        if not self.size:
            self._build()
        stack = [(1, 0, self.size)]
        while stack:
            node, lo, hi = stack.pop()
            if hi <= a or lo >= b or not hit(node):
                continue
            if hi - lo == 1:
                yield lo
                continue
            mid = (lo + hi) // 2
            first, second = (2 * node, lo, mid), (2 * node + 1, mid, hi)
            if backwards:
                first, second = second, first
            stack.append(second)
            stack.append(first)

    def last_meeting(self, end: int, reach_up: float, reach_down: float, accept: Callable[[Item], bool]) -> Item | None:
        """The item with the highest index below ``end`` whose interval reaches down to
        ``reach_up`` (its lower end <= reach_up) and up to ``reach_down`` (its upper end
        >= reach_down) and that ``accept`` takes; subtrees that cannot hold one are
        skipped."""
        hit = lambda node: self.min_lo[node] <= reach_up and self.max_hi[node] >= reach_down  # noqa: E731
        for k in self._descend(0, end, hit, backwards=True):
            item = self.items[k]
            if accept(item):
                return item
        return None

    def _reaching(
        self, a: int, b: int, bound: float, below: bool, limit: int, keep: Callable[[int], bool]
    ) -> list[int]:
        """Up to ``limit`` indices in [a, b), in index order, whose interval's upper end
        is <= ``bound`` (``below``) or whose lower end is >= ``bound``, and that ``keep``
        takes: the limit counts only what ``keep`` takes.

        A plain loop, not ``_descend``: the consistency check asks this twice per claim.
        A long range is cut into its partial blocks at either end, scanned, and the
        O(log n) subtrees of whole blocks between them; a block whose smallest end is
        past the bound is skipped, any other scanned item by item (cheaper than going
        down to single items when most items of a block qualify)."""
        out: list[int] = []
        if a >= b or limit <= 0:
            return out
        ends = self.his
        if not below:
            ends, bound = self.neg_los, -bound
        if b - a <= _SCAN:
            self._scan(a, b, ends, bound, limit, keep, out)
            return out
        if not self.size:
            self._build()
        tree, size = (self.block_min_hi if below else self.block_min_neg_lo), self.block_size
        first, last = -(-a // _BLOCK), b // _BLOCK  # the whole blocks inside [a, b)
        if first >= last:
            self._scan(a, b, ends, bound, limit, keep, out)
            return out
        if self._scan(a, first * _BLOCK, ends, bound, limit, keep, out):
            return out
        left, right = first + size, last + size
        cover: list[int] = []
        tail: list[int] = []
        while left < right:
            if left & 1:
                cover.append(left)
                left += 1
            if right & 1:
                right -= 1
                tail.append(right)
            left >>= 1
            right >>= 1
        cover += reversed(tail)
        for top in cover:
            stack = [top]
            pop, push = stack.pop, stack.append
            while stack:
                node = pop()
                if tree[node] > bound:
                    continue
                if node >= size:
                    start = (node - size) * _BLOCK
                    if self._scan(start, start + _BLOCK, ends, bound, limit, keep, out):
                        return out
                    continue
                node += node
                push(node + 1)
                push(node)
        self._scan(last * _BLOCK, b, ends, bound, limit, keep, out)
        return out

    @staticmethod
    def _scan(
        a: int, b: int, ends: list[float], bound: float, limit: int, keep: Callable[[int], bool], out: list[int]
    ) -> bool:
        """``_reaching`` item by item over [a, b), adding to ``out``; whether ``out`` is full."""
        for k in range(a, b):
            if ends[k] <= bound and keep(k):
                out.append(k)
                if len(out) == limit:
                    return True
        return False

    def conflicts(self, item: Item, window: int, tolerance: Tolerance, related: bool = False) -> list[Item]:
        """Items within ``window`` days of ``item`` whose interval cannot agree with its
        interval within ``tolerance``, in date order, at most ``MAX_CONFLICTS`` below it
        and as many above; with ``related``, only those ``in_window`` keeps with
        ``related``. The limits count only such conflicts: a crowd of claims that are
        not (the item's own document's, say) cannot hide one that is."""
        iv = item.interval
        assert iv is not None and item.start is not None and item.end is not None
        a, b = self.span(item.start, item.end, window)
        found: list[int] = []
        if iv.lo != -math.inf:
            bound = iv.lo - tolerance.amount(iv.lo)
            found += self._reaching(a, b, bound, True, MAX_CONFLICTS, self._conflicting(item, window, tolerance, related, True))
        if iv.hi != math.inf:
            bound = iv.hi + tolerance.amount(iv.hi)
            found += self._reaching(a, b, bound, False, MAX_CONFLICTS, self._conflicting(item, window, tolerance, related, False))
        items = self.items
        return [items[k] for k in sorted(set(found))]

    def _conflicting(
        self, item: Item, window: int, tolerance: Tolerance, related: bool, below: bool
    ) -> Callable[[int], bool]:
        """Whether the item at an index is ``_near`` ``item`` and cannot agree with it:
        ``not item.interval.overlaps(other, tolerance)``, for the candidates of one side.

        The consistency check asks this of millions of candidates, so the usual case
        is decided here on the kept ends: a candidate wholly on one side of a finite,
        non-negative interval, where the gap and the tolerance allowed at the facing
        ends are a subtraction and a product. Everything else (negative or infinite
        ends, touching ends) goes to ``Interval.overlaps`` itself."""
        iv = item.interval
        assert iv is not None and item.start is not None and item.end is not None
        # ``span`` keeps candidates that start late enough; one may still end too early.
        first = item.start.toordinal() - window
        ends, docs, periods, items = self.ends, self.docs, self.periods, self.items
        doc, period = item.claim.doc, item.claim.period_start
        absolute, relative = tolerance.absolute, tolerance.relative
        lo, hi = iv.lo, iv.hi
        his, los = self.his, self.los
        # Below: a candidate's upper end h with 0 <= h < lo faces lo, the larger
        # magnitude, so the allowed gap is the one at lo. Above: a lower end l > hi >= 0
        # is the larger, so the allowed gap is measured at l.
        fast = 0.0 <= lo and hi < math.inf
        allowed_lo = tolerance.amount(lo)

        def conflicting(k: int) -> bool:
            if ends[k] < first:
                return False
            if related and (docs[k] == doc or (period is not None and periods[k] is not None and periods[k] != period)):
                return False
            if fast:
                if below:
                    h = his[k]
                    if 0.0 <= h < lo:
                        return lo - h > allowed_lo
                else:
                    low = los[k]
                    if hi < low < math.inf:
                        allowed = max(absolute, relative * low) if relative else absolute
                        return low - hi > allowed
            other = items[k]
            return other is not item and not iv.overlaps(other.interval, tolerance)  # type: ignore[arg-type]

        return conflicting


def within_days(a: Item, b: Item, window: int) -> bool:
    """Whether the dates of two items are at most ``window`` days apart."""
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
    return gap <= window


def days_apart(a: Item, b: Item) -> int:
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    return max((b.start - a.end).days, (a.start - b.end).days, 0)


def base_params(item: Item, rule: CheckRule[Any]) -> dict[str, Any]:
    """Placeholders every message may use."""
    fig = item.figure
    return {
        "rule": rule.id,
        "value": item.value_text,
        "interval": item.interval.describe() if item.interval else "unknown",
        "figure": fig.label if fig is not None else (item.claim.entity or "figure"),
        "figure_id": fig.id if fig is not None else "",
        "figure_description": fig.description if fig is not None else "",
        "unit": (fig.unit if fig is not None else item.claim.unit) or "count",
        "date": item.date_text if item.start is not None else "an unknown date",
        "doc": (item.doc.title or item.doc.path) if item.doc is not None else item.claim.doc,
        "sentence": item.claim.sentence,
    }


def evidence_params(evidence: Item) -> dict[str, Any]:
    return {
        "evidence_value": evidence.value_text,
        "evidence_interval": evidence.interval.describe() if evidence.interval else "unknown",
        "evidence_source": evidence.source,
        "evidence_date": evidence.date_text if evidence.start is not None else "an unknown date",
        "evidence_doc": (evidence.doc.title or evidence.doc.path) if evidence.doc is not None else evidence.claim.doc,
    }


def evidence_order(items: list[Item]) -> list[Item]:
    """Evidence as a finding lists it: reference series first, then by date, newest
    first, then in the run's order."""
    return sorted(items, key=_EVIDENCE_KEY)


_EVIDENCE_KEY = attrgetter("evidence_key")
