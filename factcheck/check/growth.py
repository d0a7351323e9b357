"""How far a figure may move between two reports: the time model of each figure kind.

* A **cumulative** figure (a death toll) or a **flow** (people who fled since a date)
  grows: two reports dated days apart may differ by what it grows in those days. How
  fast: the rule's ``growth`` (per day, in the figure's unit), else the fastest growth of
  its reference series in the four weeks around the dates, with a margin of a half
  (tolls rise faster on some days than the series' points show), else that of the
  series of the whole it is part of (children killed grow no faster than all the dead),
  else not at all.
* Every report may quote a figure up to ``report_lag`` days old (a paper of Tuesday
  gives the ministry's figure of Monday): for a growing figure, that is that many days
  more of growth either way.
* A **level** (hostages held, people sheltering) goes up and down: it is compared only
  within the check's window, with no growth allowed.
* A **fixed** count (the Oct. 7 toll) is one number that reports revise: it is dated by
  its report (the engine), so only reports of the same days are compared.

``Growth.of(figure, ctx)`` reads the figure's reference series once per run.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from factcheck.check.items import Item
from factcheck.rules.schema import Figure

# How many days around the dates a reference series' growth is read over.
NEAR = 14
# The margin on a series' fastest growth.
MARGIN = 1.5
GROWING = ("cumulative", "flow")


@dataclass(frozen=True)
class Growth:
    """The growth one figure may show between two dates (see the module docstring)."""

    figure: Figure
    days: tuple[int, ...] = ()  # ordinals of the reference points, sorted
    rates: tuple[float, ...] = ()  # growth a day from each point to the next
    reference: tuple[Item, ...] = ()  # the reference points, by date

    @classmethod
    def of(cls, figure: Figure, reference: list[Item], whole: list[Item] | None = None) -> Growth:
        """``figure``'s growth, from its rule and its reference series' items (else the
        reference items of the whole it is part of, ``whole``, for the rate only)."""
        ordered = tuple(sorted((i for i in reference if i.start is not None), key=lambda i: (i.start, i.rank)))  # type: ignore[arg-type, return-value]
        if figure.kind not in GROWING or figure.growth is not None:
            return cls(figure, reference=ordered)
        points = sorted(
            (i.start.toordinal(), i.claim.value)
            for i in (reference if ordered or not whole else whole)
            if i.start is not None and i.claim.value is not None
        )
        days: list[int] = []
        rates: list[float] = []
        for (d0, v0), (d1, v1) in zip(points, points[1:], strict=False):
            if d1 > d0:
                days.append(d0)
                rates.append(max(0.0, (v1 - v0) / (d1 - d0)))
        return cls(figure, tuple(days), tuple(rates), ordered)

    def reference_near(self, item: Item, days: int) -> list[Item]:
        """The reference points within ``days`` of ``item``'s dates."""
        if item.start is None or item.end is None:
            return []
        first, last = item.start.toordinal() - days, item.end.toordinal() + days
        return [r for r in self.reference if first <= r.start.toordinal() <= last]  # type: ignore[union-attr]

    @property
    def grows(self) -> bool:
        return self.figure.kind in GROWING

    def rate(self, first: date, last: date) -> float:
        """The most the figure may grow in a day between ``first`` and ``last``."""
        if not self.grows:
            return 0.0
        if self.figure.growth is not None:
            return self.figure.growth
        if not self.days:
            return 0.0
        lo = bisect_left(self.days, first.toordinal() - NEAR) - 1
        hi = bisect_right(self.days, last.toordinal() + NEAR)
        near = self.rates[max(0, lo) : max(hi, lo + 1)]
        return MARGIN * max(near) if near else 0.0

    def allowance(self, a: Item, b: Item) -> float:
        """How far apart the values of two reports may be for their dates alone."""
        if not self.grows or a.start is None or b.start is None or a.end is None or b.end is None:
            return 0.0
        first, last = min(a.start, b.start), max(a.end, b.end)
        gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
        return self.rate(first, last) * (gap + self.figure.report_lag)

    def most(self, item: Item, window: int) -> float:
        """The largest ``allowance`` of ``item`` against any report within ``window`` days."""
        if not self.grows or item.start is None or item.end is None:
            return 0.0
        first = date.fromordinal(item.start.toordinal() - window)
        last = date.fromordinal(item.end.toordinal() + window)
        return self.rate(first, last) * (window + (item.end - item.start).days + self.figure.report_lag)
