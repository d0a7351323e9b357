"""Interval arithmetic for figures as newsrooms state them.

A stated figure is rarely a point: "more than 1.4 million" is every value from 1.4
million up to where the writer would have said "1.5 million", "around 130" anything
that rounds to 130. factcheck therefore compares intervals, never points:

* ``Interval`` has float ends (``-inf``/``inf`` for an unbounded side) and remembers
  whether each end itself belongs to it ("fewer than 10" excludes 10);
* two figures *agree* when their intervals overlap once the ``Tolerance`` of the figure
  (absolute and/or relative) is allowed between them;
* sums, differences, products and quotients of intervals are intervals, so a relation
  such as ``alive + remains ~ held`` is judged on everything the claims could mean.

A claim's interval comes from extraction (``Claim.lower``/``upper`` and the open
flags); ``interval_for`` gives the same reading of a bare value and qualifier, for
reference series whose rows carry only a value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.hedging import hedged
from factcheck.models import Claim

INF = math.inf


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far apart two figures may be and still agree: the larger of ``absolute`` and
    ``relative`` (a fraction: 0.02 for "2%") times the magnitude compared."""

    absolute: float = 0.0
    relative: float = 0.0

    def amount(self, *magnitudes: float) -> float:
        """The allowed gap near ``magnitudes`` (the ends being compared)."""
        if not self.relative:  # the common case, and the checks ask millions of times
            return self.absolute
        scale = 0.0
        for m in magnitudes:
            if math.isfinite(m) and abs(m) > scale:
                scale = abs(m)
        return max(self.absolute, self.relative * scale)

    def __bool__(self) -> bool:
        return bool(self.absolute or self.relative)

    def combine(self, other: Tolerance | None) -> Tolerance:
        """The looser of two tolerances, per component."""
        if other is None:
            return self
        return Tolerance(max(self.absolute, other.absolute), max(self.relative, other.relative))

    def plus(self, other: Tolerance | None) -> Tolerance:
        """Both tolerances at once, per component (a revision allowance on top of the
        figure's tolerance)."""
        if other is None:
            return self
        return Tolerance(self.absolute + other.absolute, self.relative + other.relative)

    def describe(self) -> str:
        parts = []
        if self.absolute:
            parts.append(_number(self.absolute))
        if self.relative:
            parts.append(f"{_number(self.relative * 100)}%")
        return " or ".join(parts) if parts else "0"


NO_TOLERANCE = Tolerance()


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed, open or half-open interval of the real line; ends may be infinite."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise ValueError("an interval end cannot be NaN")
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    # -- construction ---------------------------------------------------------------
    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    @classmethod
    def unbounded(cls) -> Interval:
        return cls(-INF, INF, True, True)

    @classmethod
    def from_claim(cls, claim: Claim) -> Interval | None:
        """The interval a claim states, or None when it states none ("many")."""
        lower, upper, value = claim.lower, claim.upper, claim.value
        if lower is None and upper is None:
            if value is None:
                return None
            return interval_for(value, claim.qualifier)
        lo = -INF if lower is None else float(lower)
        hi = INF if upper is None else float(upper)
        if lo > hi:  # defensive: a broken extraction is not worth a crash
            lo, hi = hi, lo
        return cls(lo, hi, claim.lower_open or lower is None, claim.upper_open or upper is None)

    # -- queries --------------------------------------------------------------------
    def contains(self, x: float) -> bool:
        if x < self.lo or x > self.hi:
            return False
        if x == self.lo and self.lo_open:
            return False
        return not (x == self.hi and self.hi_open)

    def gap(self, other: Interval) -> float:
        """Distance between the two intervals; 0 when they touch or overlap."""
        return max(0.0, other.lo - self.hi, self.lo - other.hi)

    def overlaps(self, other: Interval, tolerance: Tolerance = NO_TOLERANCE) -> bool:
        """Whether the two agree: they share a value, or the gap between them is within
        the tolerance (measured at the magnitude of the two facing ends)."""
        if self.hi < other.lo:
            left, right = self, other
        elif other.hi < self.lo:
            left, right = other, self
        elif self.hi == other.lo and (self.hi_open or other.lo_open):
            return bool(tolerance)  # they only touch at an end one of them excludes
        elif other.hi == self.lo and (other.hi_open or self.lo_open):
            return bool(tolerance)
        else:
            return True
        allowed = tolerance.amount(left.hi, right.lo)
        return right.lo - left.hi <= allowed and allowed > 0

    def below(self, other: Interval, tolerance: Tolerance = NO_TOLERANCE) -> bool:
        """Whether every value of self is below every value of ``other`` by more than
        the tolerance (``self`` is certainly lower)."""
        if not (math.isfinite(self.hi) and math.isfinite(other.lo)):
            return False
        gap = other.lo - self.hi
        allowed = tolerance.amount(self.hi, other.lo)
        if gap > allowed:
            return True
        return gap == allowed == 0 and (self.hi_open or other.lo_open)

    # -- arithmetic -----------------------------------------------------------------
    def __add__(self, other: Interval) -> Interval:
        return Interval(
            _add(self.lo, other.lo, -INF), _add(self.hi, other.hi, INF),
            self.lo_open or other.lo_open, self.hi_open or other.hi_open,
        )

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        products = []
        for a, a_open in ((self.lo, self.lo_open), (self.hi, self.hi_open)):
            for b, b_open in ((other.lo, other.lo_open), (other.hi, other.hi_open)):
                products.append((_mul(a, b), a_open or b_open))
        lo = min(products, key=lambda p: (p[0], p[1]))
        hi = max(products, key=lambda p: (p[0], not p[1]))
        return Interval(lo[0], hi[0], lo[1], hi[1])

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains(0.0) or (other.lo == 0.0 or other.hi == 0.0):
            if other.lo == other.hi == 0.0:
                raise ZeroDivisionError("division by an interval that is exactly zero")
            return Interval.unbounded()
        inverse = Interval(1.0 / other.hi, 1.0 / other.lo, other.hi_open, other.lo_open)
        return self * inverse

    def scaled(self, factor: float) -> Interval:
        return self * Interval.point(factor)

    # -- display --------------------------------------------------------------------
    def describe(self) -> str:
        """Short human form: "1,400,000", "1,400,000 to 1,500,000", "at least 30,000"."""
        if self.lo == self.hi:
            return _number(self.lo)
        if not math.isfinite(self.lo) and not math.isfinite(self.hi):
            return "any value"
        if not math.isfinite(self.hi):
            return f"{'more than' if self.lo_open else 'at least'} {_number(self.lo)}"
        if not math.isfinite(self.lo):
            return f"{'less than' if self.hi_open else 'at most'} {_number(self.hi)}"
        return f"{_number(self.lo)} to {_number(self.hi)}"

    def as_list(self) -> list[float | None]:
        """JSON-friendly ``[lo, hi]`` with None for an unbounded end."""
        return [self.lo if math.isfinite(self.lo) else None, self.hi if math.isfinite(self.hi) else None]


def _add(a: float, b: float, infinite: float) -> float:
    if math.isinf(a) or math.isinf(b):
        return infinite
    return a + b


def _mul(a: float, b: float) -> float:
    if a == 0.0 or b == 0.0:
        return 0.0  # 0 * inf is 0 for bounds: an unbounded factor times zero is zero
    return a * b


def rounding_step(value: float) -> float:
    """Place value of the last significant digit: 32,000 -> 1,000; 1.4e6 -> 1e5;
    128 -> 1; 0.25 -> 0.01. Zero gives 1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    try:
        exponent = Decimal(repr(abs(float(value)))).normalize().as_tuple().exponent
    except InvalidOperation:  # pragma: no cover - repr of a finite float always parses
        return 1.0
    if not isinstance(exponent, int):  # pragma: no cover
        return 1.0
    return float(Decimal(1).scaleb(exponent))


# Reference series rows carry a qualifier, claims a hedge word; both map to the rules
# extraction reads hedges with (``factcheck.hedging``).
_HEDGE_RULES = {"approx": "approx", "vague": "approx", "over": "over", "at_least": "at_least",
                "under": "nearly", "at_most": "at_most"}


def interval_for(value: float, qualifier: str) -> Interval:
    """The interval a bare value with a qualifier states, read exactly as extraction
    reads the same hedge: "over 30,000" is [30,000, 40,000), "about 130" [123.5, 136.5],
    "nearly 1.4 million" (qualifier ``under``) (1.33M, 1.4M]; ``exact`` and ``range`` are
    the point itself (a reference value is a count, not a rounding)."""
    v = float(value)
    rule = _HEDGE_RULES.get(qualifier)
    if rule is None:
        return Interval.point(v)
    read = hedged(v, rounding_step(v), rule)
    lo = -INF if read.lower is None else read.lower
    hi = INF if read.upper is None else read.upper
    return Interval(lo, hi, read.lower_open or read.lower is None, read.upper_open or read.upper is None)


def _number(x: float) -> str:
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1 else f"{x:.6g}"


format_number = _number
