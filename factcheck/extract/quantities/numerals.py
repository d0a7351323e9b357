"""A number as written: the ``Number`` both grammars parse to, and its precision.

Numbers are written in two grammars: digits (``digits``: "810,000", "1.4m", "2½") and
words (``number_words``, ``word_values``, ``word_runs``: "three hundred and forty-two",
"two thirds"). Both know how a number is *written* and turn the written form into a value
and a precision. Neither looks at the text around a figure (``assemble`` and the modules
it drives do) or scans a whole text: ``patterns`` finds the candidate spans in one pass
and hands the pieces it captured to them.

Scale words and abbreviations (``scales`` holds the table)
    ``1.4 million``, ``1.4m``, ``$2bn``, ``10k``, ``13 lakh``, ``three lakh crore``,
    ``1MM``, ``2mil``, ``10 bln``.

Precision
    Every parsed number carries the place value of its last significant digit as written
    (``factcheck.hedging`` explains how hedges and rounding use it): decimals count every
    written digit (``1.40`` -> 0.01), trailing zeros of a whole number are not
    significant (``32,000`` -> 1,000; ``250`` -> 10), a scale word multiplies (``1.4
    million`` -> 100,000). Word numbers follow their value (``twenty`` -> 10, ``two
    million`` -> 1,000,000).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(slots=True)
class Number:
    """A number as written: its value, precision and what it was made of."""

    value: float
    precision: float
    start: int
    end: int
    spelled: bool = False          # written (partly) in words
    scaled: bool = False           # carries a scale word or abbreviation
    scale: float = 1.0             # the (last) scale applied, 1 if none
    fraction: int | None = None    # denominator of a fraction ("two thirds" -> 3)
    fraction_only: bool = False    # the number is nothing but a fraction ("a third")
    integer_digits: str | None = None  # plain digits of a whole number ("2023"), else None
    decimal: bool = False          # written with a decimal point or comma
    abbreviation: str | None = None  # scale abbreviation as written ("m", "bn")
    tokens: list[str] = field(default_factory=list)
    leading_digits: bool = True    # starts with digits ("10 million"), not a word


def precision_of_integer(n: int) -> float:
    """Place value of the last non-zero digit of a whole number (0 -> 1)."""
    if n == 0:
        return 1.0
    n = abs(n)
    p = 1
    while n % 10 == 0:
        n //= 10
        p *= 10
    return float(p)


def decimal_to_float(d: Decimal) -> float:
    """``d`` as a float; a number beyond any float is an error, not infinity."""
    f = float(d)
    if not math.isfinite(f):
        raise OverflowError("number out of range")
    return f
