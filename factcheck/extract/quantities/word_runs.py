"""Where the numbers of a run of number words start and end: ``parse_word_run``.

A run of number words may hold several numbers ("twenty five thirty six" is 25 and 36;
"one, two and three" is three numbers; "3 million and two million" is two):
``parse_word_run`` splits a run where an English speaker would hear a new number start,
adds up each number (``word_values``) and reports it with its token span.
"""

from __future__ import annotations

import math

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
from factcheck.extract.quantities.numerals import Number
from factcheck.extract.quantities.word_values import Builder, add, finish


def parse_word_run(tokens: list[Token]) -> list[tuple[Number, int, int]]:
    """Split a run of number tokens into numbers.

    Returns ``(number, first_token_index, last_token_index)`` for each number, in order.
    Tokens that belong to no number (an ordinal on its own, a stray "a") are skipped.
    """
    out: list[tuple[Number, int, int]] = []
    b = Builder()
    first = 0
    for i, t in enumerate(tokens):
        if b.tokens and not _continues(b, t, tokens, i):
            num = finish(b)
            # "twenty-first", "one hundred and first": the number is part of an ordinal
            ordinal_next = (
                t.kind == T_FRAC
                and not _starts(t, tokens, i)
                and (t.joiner == "-" or b.last_kind in (T_UNIT, T_TEEN, T_TENS, T_HUNDRED))
            )
            if num is not None and not ordinal_next:
                out.append((num, first, i - 1))
            b = Builder()
        if not b.tokens:
            if not _starts(t, tokens, i):
                continue
            first = i
        add(b, t, tokens, i)
    if b.tokens:
        num = finish(b)
        if num is not None:
            out.append((num, first, len(tokens) - 1))
    return out


def _starts(t: Token, tokens: list[Token], i: int) -> bool:
    """Whether a number can start at ``t``."""
    k = t.kind
    nxt = next_token(tokens, i)
    if k == T_NEG:
        return nxt is not None and nxt.kind in (T_NUM, T_UNIT, T_TEEN, T_TENS, T_A, T_SCALE, T_HUNDRED)
    if k in (T_NUM, T_UNIT, T_TEEN, T_TENS, T_HALF_A):
        return True
    if k == T_A:
        return nxt is not None and nxt.kind in (T_HUNDRED, T_SCALE, T_DOZEN, T_FRAC, T_TENS)
    if k == T_FRAC:
        return t.text.lower() in ("half", "quarter")
    if k in (T_HUNDRED, T_SCALE):
        # bare "hundred and five", "million and one"
        return nxt is not None and nxt.joiner == "and" and nxt.kind in (T_UNIT, T_TEEN, T_TENS, T_A)
    return False


def _mixed_fraction_follows(tokens: list[Token], i: int) -> bool:
    """The tokens from ``i`` form a proper fraction: "three fifths", "twenty-one fiftieths"."""
    value = 0.0
    for t in tokens[i:]:
        if t.kind in (T_UNIT, T_TEEN, T_TENS) and (t is tokens[i] or t.joiner in (" ", "-")):
            value += t.value
            continue
        if t.kind == T_FRAC and t.joiner in (" ", "-"):
            return 0 < value < t.value
        return False
    return False


def _scale_ahead(tokens: list[Token], i: int) -> float:
    """The scale word that closes the group starting at ``i`` ("two million" -> 1e6)."""
    scale = 0.0
    for j in range(i, len(tokens)):
        t = tokens[j]
        if j > i and t.joiner not in (" ", "-"):
            break
        if t.kind == T_SCALE:
            scale = t.value if scale == 0 else scale * t.value  # "lakh crore"
            continue
        if scale or t.kind not in (T_UNIT, T_TEEN, T_TENS, T_NUM, T_HUNDRED):
            break
    return scale


# --------------------------------------------------------------------------------------
# does the next token continue the number?


def _continues(b: Builder, t: Token, tokens: list[Token], i: int) -> bool:
    """Whether ``t`` (``tokens[i]``) continues the number ``b`` holds; if not, a new
    number starts at it (or it belongs to none)."""
    decided = _decided_by_state(b, t, tokens, i)
    if decided is not None:
        return decided
    k = t.kind
    if k == T_NUM:
        return _digits_continue(b, t, tokens, i)
    if k in (T_UNIT, T_TEEN, T_TENS):
        if t.joiner == "and" and _mixed_fraction_follows(tokens, i):
            # "one hundred and three and two thirds", "twenty and three fifths"
            return b.last_kind in (T_UNIT, T_TEEN, T_TENS, T_HUNDRED, T_SCALE, T_NUM)
        return _small_word_continues(b, t, tokens, i)
    if k in (T_HUNDRED, T_SCALE, T_DOZEN):
        return _multiplier_continues(b, t)
    return _fraction_word_continues(b, t, tokens, i)


def _decided_by_state(b: Builder, t: Token, tokens: list[Token], i: int) -> bool | None:
    """What the number so far decides whatever ``t`` is; None if it does not."""
    k = t.kind
    last = b.last_kind
    if (
        last in (T_SCALE,)
        and k in (T_UNIT, T_TEEN, T_TENS, T_NUM)
        and b.last_scale < math.inf
        and _scale_ahead(tokens, i) >= b.last_scale
    ):
        return False  # "3 million and two million": a new number
    if k == T_NEG:
        return False
    if b.in_decimal:
        return k in (T_UNIT, T_TEEN, T_TENS) and t.joiner != "and"
    if last == T_NEG:
        return k in (T_NUM, T_UNIT, T_TEEN, T_TENS, T_A, T_SCALE, T_HUNDRED)
    if last == T_A:
        return k in (T_HUNDRED, T_SCALE, T_DOZEN, T_FRAC, T_TENS)
    if last == T_HALF_A:
        return k in (T_SCALE, T_DOZEN, T_HUNDRED)
    if b.digits is not None and b.digits.abbreviation:
        return False
    if b.frac_den is not None:
        # a fraction may only be scaled: "half million", "two thirds of a million",
        # "one billion and three quarters million"
        return k in (T_SCALE,) and t.value < b.last_scale and not b.after_frac_scale
    return None


def _digits_continue(b: Builder, t: Token, tokens: list[Token], i: int) -> bool:
    """Digits after words: "4 thousand 3 hundred and 21", "6 crore and 200"."""
    num = t.number
    assert num is not None
    if num.decimal or num.scaled or num.fraction or num.value != int(num.value):
        return False
    last = b.last_kind
    if last == T_HUNDRED:
        return t.joiner == "and" and num.value < 100
    if last == T_SCALE:
        nxt = next_token(tokens, i)
        followed_by_scale = nxt is not None and nxt.kind in (T_HUNDRED, T_SCALE)
        return num.value < b.last_scale and (t.joiner == "and" or followed_by_scale)
    return False


def _small_word_continues(b: Builder, t: Token, tokens: list[Token], i: int) -> bool:
    """A unit, teen or tens word: "twenty-one", "hundred and five", "million twenty"."""
    k = t.kind
    last = b.last_kind
    if k == T_UNIT:
        if last == T_TENS and t.joiner in (" ", "-") and not b.has_units:
            return True
        return last in (T_HUNDRED, T_SCALE)
    if k == T_TEEN:
        return last in (T_HUNDRED, T_SCALE)
    if is_compound_tens(t, tokens, i) and b.current() > 0:
        return True  # "three twenty-fifths"
    return last in (T_HUNDRED, T_SCALE)


def _multiplier_continues(b: Builder, t: Token) -> bool:
    """"hundred", a scale word or "dozen" after the number so far."""
    k = t.kind
    last = b.last_kind
    if k == T_HUNDRED:
        if b.has_hundred:
            return False
        if last in (T_UNIT, T_TEEN, T_TENS):
            return True
        # "322 hundred", "2.12 hundred"
        return last == T_NUM and b.digits is not None
    if k == T_SCALE:
        if last == T_SCALE:
            # "three lakh crore": a scale right after a scale multiplies it
            return t.joiner == " " and b.hundreds == 0 and b.sub == 0
        if last in (T_UNIT, T_TEEN, T_TENS, T_HUNDRED, T_NUM, T_DOZEN):
            return t.value < b.last_scale
        return False
    if last == T_NUM:
        return b.digits is not None and not b.digits.scaled and not b.digits.decimal
    return last in (T_UNIT, T_TEEN, T_TENS, T_HUNDRED)


def _fraction_word_continues(b: Builder, t: Token, tokens: list[Token], i: int) -> bool:
    """A denominator, "point" or "a" after the number so far."""
    k = t.kind
    last = b.last_kind
    if k == T_FRAC:
        if t.value < 2:   # "first" outside a compound denominator
            return False
        if last == T_NUM:
            # "3 quarters", "2 thirds"; not "the 1988 quarter"
            d = b.digits
            plural = t.text.lower().endswith(("s", "halves"))
            return d is not None and plural and d.value < 100 and not (
                d.decimal or d.fraction or d.scaled
            )
        return last in (T_UNIT, T_TEEN, T_TENS, T_HUNDRED, T_SCALE)
    if k == T_POINT:
        return last in (T_UNIT, T_TEEN, T_TENS, T_HUNDRED, T_SCALE)
    if k == T_A:
        # "one and a half", "a million and a half"
        nxt = next_token(tokens, i)
        return t.joiner == "and" and nxt is not None and nxt.kind == T_FRAC
    return False
