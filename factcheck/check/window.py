"""``WindowIndex``: the claims of one figure sorted by date, with trees over their
interval ends, so that a check asks "which claims within these days cannot agree with
this one" in O(log n) plus what it finds, never comparing every claim with every other.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from datetime import date

from factcheck.check.items import MAX_CONFLICTS, Item
from factcheck.intervals import Tolerance

# Below this many items in a date range a plain scan beats the tree.
_SCAN = 400
# Items per leaf of the trees ``_reaching`` searches.
_BLOCK = 16
# Items whose dates span more days than this (a year, a quarter) are looked at apart.
_LONG_SPAN = 31


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
        # A claim about a whole year ("in 2023") spans 365 days. Were the date range of
        # every query widened by the longest span, each would scan a year of items that
        # end long before it; so the few long ones are kept apart (by index) and only
        # the spans of the others widen a query.
        spans = [e - s for s, e in zip(self.starts, self.ends)]
        self.long = [k for k, span in enumerate(spans) if span > _LONG_SPAN]
        self.max_short_span = max((span for span in spans if span <= _LONG_SPAN), default=0)

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

    def _long_before(self, first: date, window: int, a: int) -> tuple[list[int], int]:
        """Where items of short span that may be near start (at or after index ``a``),
        and the long items before that which may still reach into the window."""
        if not self.long:
            return [], a
        short = max(a, bisect_left(self.starts, first.toordinal() - window - self.max_short_span))
        return self.long[bisect_left(self.long, a) : bisect_left(self.long, short)], short

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
        early, a = self._long_before(item.start, window, a)
        near = self._near(item, window, related)
        return (self.items[k] for ks in (early, range(a, b)) for k in ks if near(k))

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
        early, a = self._long_before(item.start, window, a)
        found: list[int] = []
        if iv.lo != -math.inf:
            bound = iv.lo - tolerance.amount(iv.lo)
            keep = self._conflicting(item, window, tolerance, related, True)
            first = [k for k in early if self.his[k] <= bound and keep(k)][:MAX_CONFLICTS]
            found += first + self._reaching(a, b, bound, True, MAX_CONFLICTS - len(first), keep)
        if iv.hi != math.inf:
            bound = iv.hi + tolerance.amount(iv.hi)
            keep = self._conflicting(item, window, tolerance, related, False)
            first = [k for k in early if self.los[k] >= bound and keep(k)][:MAX_CONFLICTS]
            found += first + self._reaching(a, b, bound, False, MAX_CONFLICTS - len(first), keep)
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
