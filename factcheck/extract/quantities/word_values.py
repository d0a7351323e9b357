"""The value of one number written in words: ``Builder`` adds up its tokens.

``word_runs`` decides which tokens of a run make one number and hands them, one at a
time, to ``add``; ``finish`` turns the sum into a ``numerals.Number`` with its precision
("two hundred and five" -> 205, precision 1; "two million" -> 2e6, precision 1e6; "three
quarters" -> 0.75, precision 1/4; "1.4 million" -> the digits' precision times the
scale).
"""

from __future__ import annotations

import math
from decimal import Decimal

from factcheck.extract.quantities.number_words import (
    T_A,
    T_DOZEN,
    T_FRAC,
    T_HALF_A,
    T_HUNDRED,
    T_NEG,
    T_NUM,
    T_POINT,
    T_SCALE,
    T_TEEN,
    T_TENS,
    T_UNIT,
    Token,
    is_compound_tens,
    next_token,
)
from factcheck.extract.quantities.numerals import (
    Number,
    decimal_to_float,
    precision_of_integer,
)


class Builder:
    """Accumulates one number from word/digit tokens (see ``word_runs.parse_word_run``)."""

    __slots__ = (
        "tokens", "neg", "total", "hundreds", "sub", "last_kind", "last_scale",
        "has_hundred", "has_units", "digits", "scale_value", "scaled",
        "frac_den", "frac_base", "frac_value", "frac_pending", "fraction_only",
        "decimal_digits", "in_decimal", "spelled", "after_frac_scale", "base_scaled",
        "last_group",
    )

    def __init__(self) -> None:
        self.tokens: list[Token] = []
        self.neg = False
        self.total = 0.0           # completed scale groups ("two million" -> 2e6)
        self.hundreds = 0.0        # hundreds of the current group
        self.sub = 0.0             # below-hundred part of the current group
        self.last_kind: int | None = None
        self.last_scale = math.inf  # last scale >= 1000 applied
        self.has_hundred = False
        self.has_units = False
        self.digits: Number | None = None
        self.scale_value = 1.0
        self.scaled = False
        self.frac_den: int | None = None
        self.frac_base = 0.0       # value before a fraction ("one and a half" -> 1)
        self.frac_value = 0.0      # the fraction's own value (0.5)
        self.frac_pending = 1.0    # scale the fraction still takes ("five billion and
        #                            three quarters" -> 1e9) unless a scale word follows
        self.fraction_only = False
        self.decimal_digits = ""
        self.in_decimal = False
        self.spelled = False
        self.after_frac_scale = False
        self.base_scaled = False   # the part before "and <fraction>" had a scale word
        self.last_group = 0.0      # what the last scale word added to ``total``

    def current(self) -> float:
        return self.total + self.hundreds + self.sub


def add(b: Builder, t: Token, tokens: list[Token], i: int) -> None:
    """Add ``t`` (``tokens[i]``) to the number ``b`` holds."""
    k = t.kind
    prev = b.last_kind
    b.tokens.append(t)
    b.last_kind = k
    if k not in (T_NUM,):
        b.spelled = True
    if b.in_decimal:
        _add_decimal_digit(b, t, tokens, i)
    elif k == T_NEG:
        b.neg = True
    elif k == T_NUM:
        _add_digits(b, t)
    elif k in (T_UNIT, T_A, T_TEEN):
        b.sub += t.value
        b.has_units = True
    elif k == T_TENS:
        _add_tens(b, t, tokens, i, prev)
    elif k == T_HALF_A:
        b.sub += 0.5
        b.has_units = True
    elif k == T_HUNDRED:
        _add_hundred(b)
    elif k == T_SCALE:
        _add_scale(b, t, prev)
    elif k == T_DOZEN:
        g = b.sub if b.sub else 1.0
        b.sub = g * 12
        b.scaled = True
        b.scale_value = 12.0
    elif k == T_FRAC:
        _add_fraction(b, t, prev)
    elif k == T_POINT:
        b.in_decimal = True


def _add_decimal_digit(b: Builder, t: Token, tokens: list[Token], i: int) -> None:
    """A word after "point": "point zero three", "point seventy-one"."""
    if t.kind == T_TENS:
        nxt = next_token(tokens, i)
        tail = "" if (nxt is not None and nxt.kind == T_UNIT and nxt.joiner != "and") else "0"
        b.decimal_digits += str(int(t.value))[0] + tail
    else:
        b.decimal_digits += str(int(t.value))


def _add_digits(b: Builder, t: Token) -> None:
    num = t.number
    assert num is not None
    if b.digits is None:
        b.digits = num
    b.sub += num.value
    b.has_units = True
    if num.fraction:
        b.frac_den = num.fraction
        b.fraction_only = num.fraction_only
        b.frac_value = num.value
    if num.scaled:
        b.scaled = True
        b.scale_value = num.scale


def _add_tens(b: Builder, t: Token, tokens: list[Token], i: int, prev: int | None) -> None:
    if is_compound_tens(t, tokens, i) and b.current() > 0:
        # "three twenty-fifths": the tens go to the denominator after them; the token
        # stays for the span
        nxt = tokens[i + 1]
        nxt.value = t.value + nxt.value
        b.last_kind = prev
        return
    b.sub += t.value


def _add_hundred(b: Builder) -> None:
    g = b.sub if b.sub else 1.0
    b.hundreds = g * 100
    b.sub = 0.0
    b.has_hundred = True
    b.has_units = False
    if b.scale_value < 100 or not b.scaled:
        b.scale_value = 100.0
    b.scaled = True


def _add_scale(b: Builder, t: Token, prev: int | None) -> None:
    if b.frac_den is not None:
        # "half million", "three quarters million"; "two and a half million"
        if not b.base_scaled:
            b.frac_base *= t.value
        b.frac_value *= t.value
        b.frac_pending = 1.0
        b.after_frac_scale = True
        b.scale_value = t.value
        b.scaled = True
        return
    if prev == T_SCALE:
        # "three lakh crore": the scale multiplies the group the last scale made
        b.total += b.last_group * (t.value - 1)
        b.last_group *= t.value
        b.scale_value *= t.value
        b.last_scale = b.scale_value
        return
    g = b.hundreds + b.sub
    if g == 0:
        g = 1.0
    b.last_group = g * t.value
    b.total += g * t.value
    b.hundreds = b.sub = 0.0
    b.has_hundred = b.has_units = False
    b.last_scale = t.value
    b.scale_value = t.value
    b.scaled = True


def _add_fraction(b: Builder, t: Token, prev: int | None) -> None:
    den = t.value
    b.frac_den = int(den)
    if prev is None or prev == T_NEG:
        # "half", "quarter" on their own
        b.frac_base = 0.0
        b.frac_value = 1.0 / den
        b.fraction_only = True
        return
    and_idx = _last_and(b)
    if and_idx is not None:
        numerator = _value_since(b, and_idx)
        before = b.current() - numerator
        if 0 < numerator < den:
            b.frac_base = before
            b.base_scaled = b.last_scale < math.inf
            b.frac_value = numerator / den
            if b.tokens[and_idx - 1].kind == T_SCALE and b.last_scale >= 1e6:
                b.frac_pending = b.last_scale   # "five billion and three quarters"
            b.fraction_only = False
            _clear_group(b)
            return
    numerator = b.current() or 1.0
    b.frac_base = 0.0
    b.frac_value = numerator / den
    b.fraction_only = True
    b.last_scale = math.inf
    _clear_group(b)


def _clear_group(b: Builder) -> None:
    b.total = b.hundreds = b.sub = 0.0


def _last_and(b: Builder) -> int | None:
    for idx in range(len(b.tokens) - 1, 0, -1):
        if b.tokens[idx].joiner == "and":
            return idx
    return None


def _value_since(b: Builder, idx: int) -> float:
    v = 0.0
    for t in b.tokens[idx:-1]:
        if t.kind in (T_UNIT, T_TEEN, T_TENS, T_NUM, T_A):
            v += t.value
    return v


def finish(b: Builder) -> Number | None:
    """The number ``b`` holds, or None when its tokens make none ("point", a lone "a")."""
    toks = [t for t in b.tokens if t.kind != T_NEG]
    if not toks or toks[-1].kind == T_POINT or (len(toks) == 1 and toks[0].kind == T_A):
        return None
    start = b.tokens[0].start
    end = toks[-1].end
    if len(toks) == 1 and toks[0].kind == T_NUM:
        num = toks[0].number
        assert num is not None
        if b.neg:
            num.value = -num.value
            num.start = start
        return num
    fraction = b.frac_den
    if fraction is not None:
        value = b.frac_base + b.frac_value * b.frac_pending
        if b.frac_pending > 1:
            precision = b.frac_pending / fraction
        elif b.after_frac_scale:
            precision = b.scale_value / fraction
        else:
            precision = 1.0 / fraction
    else:
        value = b.current()
        if b.in_decimal:
            if not b.decimal_digits:
                return None
            value += float("0." + b.decimal_digits)
            precision = 10.0 ** -len(b.decimal_digits)
        elif b.digits is not None and b.digits.decimal and len(toks) == 2 and b.scaled:
            # "1.4 million", "2.12 hundred": the digits' precision times the scale
            value = decimal_to_float(
                Decimal(repr(b.digits.value)) * Decimal(repr(b.scale_value))
            )
            precision = b.digits.precision * b.scale_value
        elif value == int(value):
            precision = precision_of_integer(int(value))
        else:
            precision = 1e-6 * abs(value) or 1e-9
    if b.neg:
        value = -value
    if not math.isfinite(value):
        return None
    return Number(
        value=value,
        precision=precision,
        start=start,
        end=end,
        spelled=b.spelled,
        scaled=b.scaled,
        scale=b.scale_value,
        fraction=fraction,
        fraction_only=b.fraction_only and not b.after_frac_scale,
        decimal=b.in_decimal or (b.digits is not None and b.digits.decimal),
        tokens=[t.text for t in b.tokens],
        leading_digits=toks[0].kind == T_NUM,
    )
