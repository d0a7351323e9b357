"""The interval a figure claims: how its hedge and its rounding read.

One table for every reader of figures: extraction reads a hedge word in the text with
it (``factcheck.extract.quantities.hedges`` maps the words to its rules), reference
series and rule tests read their ``qualifier`` with it (``factcheck.intervals``). The
``Bounds`` (``lower``, ``upper``, with ``lower_open``/``upper_open``; ``None`` is
unbounded) become the claim's interval, which the rule engine compares.

Precision
    ``p`` is the place value of the figure's last significant digit as written
    (``numerals``): "1.4 million" -> 100,000; "32,000" -> 1,000; "128" -> 1; "250" -> 10;
    "100" -> 100 (trailing zeros of a whole number are not significant: a writer who
    knew the count to the unit and wrote "100" would have written "100" too, so we
    cannot tell, and take the wider reading). A fraction with denominator n ("a third",
    "one in five") has ``p`` = 100/(2n) percentage points when read as a share (half of
    one n-th), 1/n otherwise.

The widths are measured, not guessed: ``docs/hedges.md`` gives the table with its
evidence (real reporting against dated official figures; ``benchmarks/calibrate_hedges.py``
reproduces it). Reporters' round figures and "about X" are an official figure rounded
to two significant digits, which is never more than 5% (``ROUNDING``) off.

Bare figures (qualifier ``exact``)
    A stated figure is the true value rounded at its last digit, and never read looser
    than a two-digit rounding: ``[v - w, v + w)``, ``w = min(p/2, 5% of v)`` ("1.4
    million" -> [1.35M, 1.45M); "32,000" -> [31,500, 32,500); "$48.2 million" ->
    [48.15M, 48.25M); a one-digit "200" -> [190, 210), not [150, 250)). Exception: a whole-number count with no unit
    (or an age) whose last digit is significant ("128 hostages") or that is below 100
    ("four battalions", "40 people", "a 20-year-old") is taken as counted, ``[v, v]``:
    small counts and precise counts are counted, not rounded. Bare fractions ("two
    thirds" -> 0.667) are exact; shares written as fractions are rounded like any
    figure ("a third of" -> [25, 41.67)).

Hedges (see ``hedges`` for the words)
    ``over``      "more than X": ``[X, X + p)`` -- reporters round *down* to the stated
                  precision, so "more than 1.4 million" is [1.4M, 1.5M) and "over
                  32,000" is [32,000, 33,000). The lower end is included: "more than
                  1.4 million" may be 1,400,300, which rounds to 1.4 million.
    ``at_least``  "at least X", "X or more": ``[X, X + max(p, 5% of X))`` -- in reporting
                  "at least" is how an official count of the day is quoted, not a floor
                  far below it; the 5% leaves room for an incident toll that rises as
                  bodies are found ("at least 1,300" no longer agrees with 1,500).
    ``nearly``    "nearly/almost/close to X": ``(X - min(p, 5% of X), X]`` -- just short
                  of X ("nearly 1.5 million" is above 1.4 million; "almost a million" is
                  above 950,000, not anything below a million).
    ``below``     "fewer than/less than/under X": ``[0, X)`` (lower unbounded for
                  temperatures and negative X).
    ``at_most``   "up to/as many as/no more than X": ``[0, X]`` (same floor rule).
    ``approx``    "about/around/some/an estimated X": ``[0.95 X, 1.05 X]`` whatever its
                  roundness: "around 250" -> [237.5, 262.5]; "around 100" -> [95, 105];
                  "some 1,200" -> [1,140, 1,260]; "about 1.4 million" -> [1.33M, 1.47M].

Ranges ("between 30 and 40", "30-40", "from 30 to 40") are ``[a, b]`` with value the
midpoint (qualifier ``range``). Vague amounts are value null with the interval of their
table in ``vague``. ``X ± u`` is ``[X - u, X + u]``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Bounds:
    """The ends of a claim's interval as extraction writes them (None: unbounded)."""

    lower: float | None
    upper: float | None
    lower_open: bool = False
    upper_open: bool = False


def _clean(x: float | None) -> float | None:
    """Round away binary noise (1.4e6 + 1e5 -> 1500000.0, not 1500000.0000000002)."""
    if x is None:
        return None
    if x == 0:
        return 0.0
    return float(f"{x:.15g}")


# How far a rounded figure may lie from the truth, at most: a value rounded to two
# significant digits is off by at most 5%, and reporters' round figures and "about X"
# are the official figure rounded so (docs/hedges.md, measured on reporting).
ROUNDING = 0.05


def bare(value: float, precision: float, *, counted: bool, fraction: bool = False) -> Bounds:
    """Bounds of a figure stated without a hedge. A share written as a fraction ("a
    third of") is as precise as its denominator, not a rounded official figure: it
    keeps the half step."""
    if counted or precision <= 0:
        return Bounds(value, value)
    half = precision / 2 if fraction else (min(precision / 2, abs(value) * ROUNDING) or precision / 2)
    return Bounds(_clean(value - half), _clean(value + half), False, True)


def hedged(
    value: float,
    precision: float,
    rule: str,
    *,
    floor_zero: bool = True,
) -> Bounds:
    """Bounds of a hedged figure (``rule`` from ``hedges``)."""
    p = precision if precision > 0 else 0.0
    floor: float | None = 0.0 if (floor_zero and value >= 0) else None
    if rule == "over":
        return Bounds(_clean(value), _clean(value + p) if p else None, False, bool(p))
    if rule == "at_least":
        step = max(p, abs(value) * ROUNDING)
        return Bounds(_clean(value), _clean(value + step) if step else None, False, bool(step))
    if rule == "nearly":
        step = min(p, abs(value) * ROUNDING) or p
        return Bounds(_clean(value - step) if step else floor, _clean(value), bool(step), False)
    if rule == "below":
        return Bounds(floor, _clean(value), False, True)
    if rule == "at_most":
        return Bounds(floor, _clean(value))
    if rule == "approx":
        w = abs(value) * ROUNDING or p / 2
        return Bounds(_clean(value - w), _clean(value + w))
    return Bounds(_clean(value), _clean(value))


def plus_minus(value: float, uncertainty: float) -> Bounds:
    u = abs(uncertainty)
    return Bounds(_clean(value - u), _clean(value + u))


def range_(a: float, b: float) -> Bounds:
    lo, hi = (a, b) if a <= b else (b, a)
    return Bounds(_clean(lo), _clean(hi))
