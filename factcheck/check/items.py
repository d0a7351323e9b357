"""Claims as the checks see them: ``Item`` (a claim, or a point of a reference series,
with its interval in the figure's unit and the dates it is about), the dates it covers,
and the order evidence is shown in."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter

from factcheck.intervals import Interval
from factcheck.models import Claim, Document
from factcheck.rules.schema import Figure, LoadedSeries, ReferencePoint

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


def within_days(a: Item, b: Item, window: int) -> bool:
    """Whether the dates of two items are at most ``window`` days apart."""
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
    return gap <= window


def days_apart(a: Item, b: Item) -> int:
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    return max((b.start - a.end).days, (a.start - b.end).days, 0)


def evidence_order(items: list[Item]) -> list[Item]:
    """Evidence as a finding lists it: reference series first, then by date, newest
    first, then in the run's order."""
    return sorted(items, key=_EVIDENCE_KEY)


_EVIDENCE_KEY = attrgetter("evidence_key")
