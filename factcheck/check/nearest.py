"""The claim another one is judged against: the nearest in its own document, else the
nearest in date within a window (``relation``, ``parts``)."""

from __future__ import annotations

from bisect import bisect_left

from factcheck.check.base import Context, Item, days_apart, within_days


def same_document(items: list[Item], anchor: Item) -> Item | None:
    """The claim nearest to the anchor in its own document (other than the anchor)."""
    best = None
    for item in items:
        if item is anchor:
            continue
        key = (abs(item.claim.start - anchor.claim.start), item.rank)
        if best is None or key < best[0]:
            best = (key, item)
    return best[1] if best else None


def nearest_in_window(ctx: Context, name: str, anchor: Item, window: int) -> Item | None:
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


__all__ = ["nearest_in_window", "same_document"]
