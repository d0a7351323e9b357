"""``WindowIndex``: the claims of one figure sorted by date, with trees over their
interval ends, so that a check asks "which claims within these days cannot agree with
this one" in O(log n) plus what it finds, never comparing every claim with every other.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from factcheck.check.items import MAX_CONFLICTS, Item
from factcheck.intervals import Tolerance

# Below this many items in a date range a plain scan beats the tree.
_SCAN = 400
# Items per leaf of the trees ``_Band.reaching`` searches.
_BLOCK = 16
# Items are kept in bands by the number of days their dates span: 0, 1, 2-3, 4-7, ...
# A query's date range is widened by the longest span of a band (an item may start that
# much earlier and still reach the window), so within a band the widening costs at most
# about as many items as the window itself holds; one widening for all would make every
# query of a day's claims scan a month of them because one claim says "in May".
_BANDS = 12


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
        # serves both sides of ``_Band.reaching``.
        self.neg_los = [-x for x in self.los]
        self.docs = [i.claim.doc for i in items]
        self.periods = [i.claim.period_start for i in items]
        self.size = 0
        self.bands = self._bands(range(len(items)))
        # Indices by the start a claim counts from, and their bands, made when a query
        # first needs them (``_bands_for``).
        self._by_period: dict[date | None, list[int]] | None = None
        self._period_bands: dict[date | None, list[_Band]] = {}

    def _bands(self, ks: Iterable[int]) -> list[_Band]:
        """The items at indices ``ks`` (in order) in bands by the days they span."""
        members: dict[int, list[int]] = {}
        starts, ends = self.starts, self.ends
        for k in ks:
            members.setdefault(min((ends[k] - starts[k]).bit_length(), _BANDS), []).append(k)
        return [_Band(found, self) for _, found in sorted(members.items())]

    def _bands_for(self, item: Item, related: bool) -> list[_Band]:
        """The bands a query about ``item`` searches. A ``related`` query keeps only
        claims counting from the item's start (or from none): were those counting from
        another start searched and turned away one by one, a figure counted from many
        starts ("since May 6", "since May 7") would make every query scan its window."""
        period = item.claim.period_start
        if not related or period is None:
            return self.bands
        if self._by_period is None:
            by_period: dict[date | None, list[int]] = {}
            for k, p in enumerate(self.periods):
                by_period.setdefault(p, []).append(k)
            self._by_period = by_period
        for key in (None, period):
            if key not in self._period_bands:
                self._period_bands[key] = self._bands(self._by_period.get(key, ()))
        return self._period_bands[None] + self._period_bands[period]

    def _build(self) -> None:
        """The tree over every item's ends that ``last_meeting`` descends."""
        n = len(self.items)
        inf = float("inf")
        size = 1
        while size < max(n, 1):
            size *= 2
        self.min_lo = [inf] * (2 * size)
        self.max_hi = [-inf] * (2 * size)
        self.min_lo[size : size + n] = self.los
        self.max_hi[size : size + n] = self.his
        for k in range(size - 1, 0, -1):
            self.min_lo[k] = min(self.min_lo[2 * k], self.min_lo[2 * k + 1])
            self.max_hi[k] = max(self.max_hi[2 * k], self.max_hi[2 * k + 1])
        self.size = size

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
        near = self._near(item, window, related)
        first, last = item.start.toordinal() - window, item.end.toordinal() + window
        ranges = [band.indices(first, last) for band in self._bands_for(item, related)]
        indices = ranges[0] if len(ranges) == 1 else heapq.merge(*ranges)
        items = self.items
        return (items[k] for k in indices if near(k))

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

    def conflicts(self, item: Item, window: int, tolerance: Tolerance, related: bool = False) -> list[Item]:
        """Items within ``window`` days of ``item`` whose interval cannot agree with its
        interval within ``tolerance``, in date order, at most ``MAX_CONFLICTS`` below it
        and as many above; with ``related``, only those ``in_window`` keeps with
        ``related``. The limits count only such conflicts: a crowd of claims that are
        not (the item's own document's, say) cannot hide one that is."""
        iv = item.interval
        assert iv is not None and item.start is not None and item.end is not None
        first, last = item.start.toordinal() - window, item.end.toordinal() + window
        found: list[int] = []
        for below, end in ((True, iv.lo), (False, iv.hi)):
            if not math.isfinite(end):
                continue
            bound = end - tolerance.amount(end) if below else end + tolerance.amount(end)
            keep = self._conflicting(item, window, tolerance, related, below)
            # The first MAX_CONFLICTS of each band hold the first MAX_CONFLICTS of all.
            side: list[int] = []
            for band in self._bands_for(item, related):
                side += band.reaching(first, last, bound, below, MAX_CONFLICTS, keep)
            found += sorted(side)[:MAX_CONFLICTS]
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


class _Band:
    """The items of a ``WindowIndex`` whose dates span a like number of days, in the
    index's order, with trees over blocks of their interval ends for ``reaching``."""

    def __init__(self, ks: list[int], index: WindowIndex) -> None:
        self.ks = ks
        self.starts = [index.starts[k] for k in ks]
        self.max_span = max(index.ends[k] - index.starts[k] for k in ks)
        self.his = [index.his[k] for k in ks]
        # Lower ends negated, so "lower end >= x" is "negated end <= -x" and one loop
        # serves both sides of ``reaching``.
        self.neg_los = [index.neg_los[k] for k in ks]
        self.size = 0

    def range(self, first: int, last: int) -> tuple[int, int]:
        """Positions of the band's items that may reach into days [first, last]."""
        return bisect_left(self.starts, first - self.max_span), bisect_right(self.starts, last)

    def indices(self, first: int, last: int) -> Iterator[int]:
        """The index positions of ``range``, in order (lazily: callers stop early)."""
        a, b = self.range(first, last)
        return map(self.ks.__getitem__, range(a, b))

    def _build(self) -> None:
        n = len(self.ks)
        blocks = -(-n // _BLOCK)
        size = 1
        while size < max(blocks, 1):
            size *= 2
        self.min_hi = self._tree(self.his, blocks, size)
        self.min_neg_lo = self._tree(self.neg_los, blocks, size)
        self.size = size

    @staticmethod
    def _tree(ends: list[float], blocks: int, size: int) -> list[float]:
        tree = [float("inf")] * (2 * size)
        for j in range(blocks):
            tree[size + j] = min(ends[j * _BLOCK : (j + 1) * _BLOCK])
        for k in range(size - 1, 0, -1):
            tree[k] = min(tree[2 * k], tree[2 * k + 1])
        return tree

    def reaching(
        self, first: int, last: int, bound: float, below: bool, limit: int, keep: Callable[[int], bool]
    ) -> list[int]:
        """Up to ``limit`` index positions of items that may reach into days
        [first, last], in order, whose interval's upper end is <= ``bound`` (``below``)
        or whose lower end is >= ``bound``, and that ``keep`` takes: the limit counts
        only what ``keep`` takes.

        A plain loop, not a recursive descent: the consistency check asks this twice
        per claim. A long range is cut into its partial blocks at either end, scanned,
        and the O(log n) subtrees of whole blocks between them; a block whose smallest
        end is past the bound is skipped, any other scanned item by item (cheaper than
        going down to single items when most items of a block qualify)."""
        out: list[int] = []
        a, b = self.range(first, last)
        if a >= b or limit <= 0:
            return out
        ends = self.his
        if not below:
            ends, bound = self.neg_los, -bound
        scan = self._scan
        if b - a <= _SCAN:
            scan(a, b, ends, bound, limit, keep, out)
            return out
        if not self.size:
            self._build()
        tree, size = (self.min_hi if below else self.min_neg_lo), self.size
        lo, hi = -(-a // _BLOCK), b // _BLOCK  # the whole blocks inside [a, b)
        if lo >= hi:
            scan(a, b, ends, bound, limit, keep, out)
            return out
        if scan(a, lo * _BLOCK, ends, bound, limit, keep, out):
            return out
        left, right = lo + size, hi + size
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
                    if scan(start, start + _BLOCK, ends, bound, limit, keep, out):
                        return out
                    continue
                node += node
                push(node + 1)
                push(node)
        scan(hi * _BLOCK, b, ends, bound, limit, keep, out)
        return out

    def _scan(
        self, a: int, b: int, ends: list[float], bound: float, limit: int, keep: Callable[[int], bool], out: list[int]
    ) -> bool:
        """``reaching`` item by item over band positions [a, b), adding index positions
        to ``out``; whether ``out`` is full."""
        ks = self.ks
        for j in range(a, b):
            if ends[j] <= bound:
                k = ks[j]
                if keep(k):
                    out.append(k)
                    if len(out) == limit:
                        return True
        return False
