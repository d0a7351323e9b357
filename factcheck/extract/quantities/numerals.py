"""Numerals: digits with separators, scale abbreviations, number words.

This module knows how a number is *written* and turns the written form into a value and
a precision. It does not look at the text around a figure (that is ``assemble``'s job)
and it never scans a whole text: ``patterns`` finds the candidate spans in one pass and
hands the pieces it captured to the functions here.

Digits
    ``810,000``, ``1.4``, ``32000``, ``1 200`` (space, no-break, thin or narrow no-break
    space between groups of three), ``.08``, ``5,00`` and ``1,3`` (a comma followed by one
    or two digits and nothing more is a decimal comma), ``1e10``, ``2.48×10−5``,
    ``8x2^10``, ``1.1^23`` (a power), vulgar fractions (``3/4``, ``2 1/2``, ``½``, ``2½``).

Scale words and abbreviations (``scales`` holds the table)
    ``1.4 million``, ``1.4m``, ``$2bn``, ``10k``, ``13 lakh``, ``three lakh crore``,
    ``1MM``, ``2mil``, ``10 bln``.

Number words
    Cardinals of any size with or without "and" and hyphens (``three hundred and
    forty-two``, ``twenty-one trillion three hundred``), ``a``/``an`` as one before a scale
    or fraction (``a dozen``, ``a third``), ``dozen`` as twelve, decimals with ``point``
    (``two hundred point zero three``), fractions with ordinal denominators (``two
    thirds``, ``three twenty-firsts``, ``one and a half``, ``five billion and three
    quarters``) and ``minus``/``negative``.

A run of number words may hold several numbers ("twenty five thirty six" is 25 and 36;
"one, two and three" is three numbers): ``parse_word_run`` splits a run where an English
speaker would hear a new number start, and reports each number with its token span.

Precision
    Every parsed number carries the place value of its last significant digit as written
    (``intervals`` explains how hedges and rounding use it): decimals count every written
    digit (``1.40`` -> 0.01), trailing zeros of a whole number are not significant
    (``32,000`` -> 1,000; ``250`` -> 10), a scale word multiplies (``1.4 million`` ->
    100,000). Word numbers follow their value (``twenty`` -> 10, ``two million`` ->
    1,000,000).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from factcheck.extract.quantities.scales import ABBREVIATION_SCALES, WORD_SCALES

# --------------------------------------------------------------------------------------
# lexicon

UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
DOZEN_WORDS = ("dozen", "dozens", "dz", "dzs", "doz", "dozs")

# Ordinal words used as denominators ("two thirds", "a fifth"). "first" and "second" are
# only denominators inside a compound ("a twenty-first"); "second" never is (time unit).
_ORDINAL_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1_000, "millionth": 1_000_000, "billionth": 1_000_000_000,
    "trillionth": 1_000_000_000_000,
}
# Ordinals of 1..9 that may close a compound denominator after a tens word.
_COMPOUND_ORDINALS: dict[str, int] = {
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9,
}


def _with_plurals(table: dict[str, int]) -> dict[str, int]:
    out = dict(table)
    for word, n in table.items():
        if word in ("half", "halves"):
            continue
        out[word + "s"] = n
    return out


DENOMINATORS: dict[str, int] = _with_plurals(_ORDINAL_DENOMINATORS)
COMPOUND_DENOMINATORS: dict[str, int] = _with_plurals(_COMPOUND_ORDINALS)

VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8,
    "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
}
VULGAR_DENOMINATORS: dict[str, int] = {
    "½": 2, "⅓": 3, "⅔": 3, "¼": 4, "¾": 4, "⅕": 5, "⅖": 5, "⅗": 5, "⅘": 5, "⅙": 6,
    "⅚": 6, "⅐": 7, "⅛": 8, "⅜": 8, "⅝": 8, "⅞": 8, "⅑": 9, "⅒": 10,
}

NEGATIVE_WORDS = ("minus", "negative")

# Every word that can appear inside a run of number words (for the pattern builder).
CARDINAL_WORDS: tuple[str, ...] = tuple(UNITS) + tuple(TEENS) + tuple(TENS)
SCALE_WORDS: tuple[str, ...] = ("hundred",) + tuple(WORD_SCALES)
FRACTION_WORDS: tuple[str, ...] = tuple(DENOMINATORS) + tuple(
    w for w in COMPOUND_DENOMINATORS if w not in DENOMINATORS
)

_SPACE_GROUP_CHARS = " \u00a0\u2009\u202f\u2007"
_MAX_DIGITS = 320
_MINUS_CHARS = "-−–"


# --------------------------------------------------------------------------------------
# parsed numbers


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


def _decimal_to_float(d: Decimal) -> float:
    f = float(d)
    if not math.isfinite(f):
        raise OverflowError("number out of range")
    return f


# --------------------------------------------------------------------------------------
# digits


def parse_digits(
    body: str,
    start: int,
    *,
    abbreviation: str | None = None,
) -> Number | None:
    """Parse one written digit number (the ``DIGITS`` token of ``patterns``).

    ``body`` may carry a sign, group separators, a decimal part, an exponent, a power,
    a mixed or vulgar fraction. Returns None for something that is not a number after
    all ("1/0").
    """
    s = body.strip()
    end = start + len(body)
    neg = False
    if s and s[0] in _MINUS_CHARS:
        neg = True
        s = s[1:].lstrip()
    elif s.startswith("+"):
        s = s[1:]
    if not s:
        return None

    # vulgar fraction glyphs: "½", "2½", "2 ½"
    if s[-1] in VULGAR_FRACTIONS:
        whole_txt = s[:-1].strip()
        whole = int(whole_txt) if whole_txt else 0
        frac = VULGAR_FRACTIONS[s[-1]]
        den = VULGAR_DENOMINATORS[s[-1]]
        value = whole + frac
        return Number(
            value=-value if neg else value,
            precision=1.0 / den,
            start=start,
            end=end,
            fraction=den,
            fraction_only=not whole_txt,
        )

    # slash fractions: "3/4", "2 1/2", "2  1/4"
    if "/" in s:
        left, _, right = s.partition("/")
        left = left.strip()
        right = right.strip()
        parts = left.split()
        whole = 0
        if len(parts) == 2:
            whole = int(parts[0])
            num = int(parts[1])
        else:
            num = int(parts[0])
        den = int(right)
        if den == 0:
            return None
        value = whole + num / den
        return Number(
            value=-value if neg else value,
            precision=1.0 / den,
            start=start,
            end=end,
            fraction=den,
            fraction_only=len(parts) == 1,
        )

    mantissa = s
    exponent = 0
    power: tuple[str, int] | None = None
    times_ten = None
    low = s.lower()
    # "2.48×10−5", "5.5x10-3", "8x2^10"
    for sep in ("×", "x"):
        if sep in low:
            idx = low.index(sep)
            mantissa = s[:idx].strip()
            rest = s[idx + 1 :].strip().replace("−", "-")
            times_ten = rest
            break
    if times_ten is None and ("e" in low):
        idx = low.index("e")
        mantissa = s[:idx]
        exponent = int(s[idx + 1 :].replace("−", "-"))
    if times_ten is None and "^" in mantissa:
        base, _, exp = mantissa.partition("^")
        mantissa = base
        minus = exp.count("-") + exp.count("−")
        digits = exp.lstrip("+-−")
        power = ("^", (-1 if minus % 2 else 1) * int(digits))

    digits_txt, decimal = _normalise_separators(mantissa)
    if len(digits_txt) > _MAX_DIGITS:
        return None  # beyond any float: not a figure anyone states
    try:
        d = Decimal(digits_txt)
    except InvalidOperation:
        return None
    # precision before exponent and scale
    if decimal:
        frac_len = len(digits_txt.partition(".")[2])
        precision = Decimal(1).scaleb(-frac_len)
    else:
        whole = digits_txt.lstrip("0")
        zeros = len(whole) - len(whole.rstrip("0")) if whole else 0
        precision = Decimal(1).scaleb(zeros)
    integer_digits = None
    if not decimal and exponent == 0 and power is None and times_ten is None:
        integer_digits = digits_txt

    if times_ten is not None:
        base_txt, _, exp_txt = times_ten.partition("^")
        if not exp_txt:
            # "10-3", "10−5": base 10 followed directly by the exponent
            base_txt, exp_txt = times_ten[:2], times_ten[2:]
        exp_txt = exp_txt.strip()
        base = Decimal(base_txt.strip())
        e = int(exp_txt)
        factor = base ** e
        d = d * factor
        precision = precision * factor
    if exponent:
        d = d.scaleb(exponent)
        precision = precision.scaleb(exponent)
    value = _decimal_to_float(d)
    if power is not None:
        value = math.pow(value, power[1])
        precision = Decimal(0)
        integer_digits = None
    scale = 1.0
    if abbreviation:
        scale = ABBREVIATION_SCALES[abbreviation]
        value = _decimal_to_float(Decimal(repr(value)) * Decimal(repr(scale))) if value else 0.0
        precision = precision * Decimal(repr(scale))
        integer_digits = None
    if neg:
        value = -value
    prec = float(precision) if precision else abs(value) * 1e-6 or 1e-9
    return Number(
        value=value,
        precision=prec,
        start=start,
        end=end,
        scaled=bool(abbreviation),
        scale=scale,
        integer_digits=integer_digits,
        decimal=decimal,
        abbreviation=abbreviation,
    )


def _normalise_separators(txt: str) -> tuple[str, bool]:
    """Remove group separators, turn a decimal comma into a point."""
    t = txt.strip()
    for ch in _SPACE_GROUP_CHARS:
        t = t.replace(ch, "")
    if "," in t:
        head, _, tail = t.rpartition(",")
        if "." not in t and len(tail) in (1, 2) and head.count(",") == 0:
            t = head + "." + tail  # decimal comma: "5,00", "1,3"
        else:
            t = t.replace(",", "")
    return t, "." in t


# --------------------------------------------------------------------------------------
# word runs

# token kinds
_NUM, _UNIT, _TEEN, _TENS, _HUNDRED, _SCALE, _DOZEN, _FRAC, _A, _POINT, _NEG, _HALF_A = range(12)


@dataclass(slots=True)
class Token:
    kind: int
    text: str
    start: int
    end: int
    value: float = 0.0
    number: Number | None = None   # for _NUM
    joiner: str = " "              # how it joins the previous token: " ", "-", "and", ","


def classify_word(word: str) -> tuple[int, float] | None:
    """Kind and value of a single number word (lower-case), or None."""
    w = word.lower()
    if w in UNITS:
        return _UNIT, UNITS[w]
    if w in TEENS:
        return _TEEN, TEENS[w]
    if w in TENS:
        return _TENS, TENS[w]
    if w == "hundred":
        return _HUNDRED, 100.0
    if w in WORD_SCALES:
        return _SCALE, WORD_SCALES[w]
    if w in DOZEN_WORDS:
        return _DOZEN, 12.0
    if w in DENOMINATORS:
        return _FRAC, float(DENOMINATORS[w])
    if w in COMPOUND_DENOMINATORS:
        return _FRAC, float(COMPOUND_DENOMINATORS[w])
    if w in ("a", "an"):
        return _A, 1.0
    if w == "point":
        return _POINT, 0.0
    if w in NEGATIVE_WORDS:
        return _NEG, -1.0
    return None


def make_token(text: str, start: int, joiner: str, digits: Number | None = None) -> Token | None:
    if digits is not None:
        return Token(_NUM, text, start, start + len(text), digits.value, digits, joiner)
    low = " ".join(text.lower().split())
    if low in ("half a", "half an", "half of a", "half of an"):
        return Token(_HALF_A, text, start, start + len(text), 0.5, None, joiner)
    c = classify_word(low)
    if c is None:
        return None
    kind, value = c
    return Token(kind, text, start, start + len(text), value, None, joiner)


class _Builder:
    """Accumulates one number from word/digit tokens (see ``parse_word_run``)."""

    __slots__ = (
        "tokens", "neg", "total", "hundreds", "sub", "last_kind", "last_scale",
        "has_hundred", "has_units", "has_tens", "digits", "scale_value", "scaled",
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
        self.has_tens = False
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

    @property
    def started(self) -> bool:
        return any(t.kind != _NEG for t in self.tokens)


def parse_word_run(tokens: list[Token]) -> list[tuple[Number, int, int]]:
    """Split a run of number tokens into numbers.

    Returns ``(number, first_token_index, last_token_index)`` for each number, in order.
    Tokens that belong to no number (an ordinal on its own, a stray "a") are skipped.
    """
    out: list[tuple[Number, int, int]] = []
    b = _Builder()
    first = 0
    for i, t in enumerate(tokens):
        if b.tokens and not _continues(b, t, tokens, i):
            num = _finish(b)
            # "twenty-first", "one hundred and first": the number is part of an ordinal
            ordinal_next = (
                t.kind == _FRAC
                and not _starts(t, tokens, i)
                and (t.joiner == "-" or b.last_kind in (_UNIT, _TEEN, _TENS, _HUNDRED))
            )
            if num is not None and not ordinal_next:
                out.append((num, first, i - 1))
            b = _Builder()
        if not b.tokens:
            if not _starts(t, tokens, i):
                continue
            first = i
        _apply(b, t, tokens, i)
    if b.tokens:
        num = _finish(b)
        if num is not None:
            out.append((num, first, len(tokens) - 1))
    return out


def _next(tokens: list[Token], i: int) -> Token | None:
    return tokens[i + 1] if i + 1 < len(tokens) else None


def _starts(t: Token, tokens: list[Token], i: int) -> bool:
    k = t.kind
    nxt = _next(tokens, i)
    if k == _NEG:
        return nxt is not None and nxt.kind in (_NUM, _UNIT, _TEEN, _TENS, _A, _SCALE, _HUNDRED)
    if k in (_NUM, _UNIT, _TEEN, _TENS, _HALF_A):
        return True
    if k == _A:
        return nxt is not None and nxt.kind in (_HUNDRED, _SCALE, _DOZEN, _FRAC, _TENS)
    if k == _FRAC:
        return t.text.lower() in ("half", "quarter")
    if k in (_HUNDRED, _SCALE):
        # bare "hundred and five", "million and one"
        return nxt is not None and nxt.joiner == "and" and nxt.kind in (_UNIT, _TEEN, _TENS, _A)
    return False


def _is_compound_tens(t: Token, tokens: list[Token], i: int) -> bool:
    """A tens word that belongs to the ordinal after it ("twenty-fifths")."""
    nxt = _next(tokens, i)
    return (
        t.kind == _TENS
        and t.joiner != "and"
        and nxt is not None
        and nxt.kind == _FRAC
        and nxt.text.lower() in COMPOUND_DENOMINATORS
        and nxt.joiner in (" ", "-")
    )


def _mixed_fraction_follows(tokens: list[Token], i: int) -> bool:
    """The tokens from ``i`` form a proper fraction: "three fifths", "twenty-one fiftieths"."""
    value = 0.0
    for t in tokens[i:]:
        if t.kind in (_UNIT, _TEEN, _TENS) and (t is tokens[i] or t.joiner in (" ", "-")):
            value += t.value
            continue
        if t.kind == _FRAC and t.joiner in (" ", "-"):
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
        if t.kind == _SCALE:
            scale = t.value if scale == 0 else scale * t.value  # "lakh crore"
            continue
        if scale or t.kind not in (_UNIT, _TEEN, _TENS, _NUM, _HUNDRED):
            break
    return scale


def _continues(b: _Builder, t: Token, tokens: list[Token], i: int) -> bool:
    k = t.kind
    last = b.last_kind
    if (
        last in (_SCALE,)
        and k in (_UNIT, _TEEN, _TENS, _NUM)
        and b.last_scale < math.inf
        and _scale_ahead(tokens, i) >= b.last_scale
    ):
        return False  # "3 million and two million": a new number
    if k == _NEG:
        return False
    if b.in_decimal:
        return k in (_UNIT, _TEEN, _TENS) and t.joiner != "and"
    if last == _NEG:
        return k in (_NUM, _UNIT, _TEEN, _TENS, _A, _SCALE, _HUNDRED)
    if last == _A:
        return k in (_HUNDRED, _SCALE, _DOZEN, _FRAC, _TENS)
    if last == _HALF_A:
        return k in (_SCALE, _DOZEN, _HUNDRED)
    if b.digits is not None and b.digits.abbreviation:
        return False
    if b.frac_den is not None:
        # a fraction may only be scaled: "half million", "two thirds of a million",
        # "one billion and three quarters million"
        return k in (_SCALE,) and t.value < b.last_scale and not b.after_frac_scale
    if k == _NUM:
        num = t.number
        assert num is not None
        if num.decimal or num.scaled or num.fraction or num.value != int(num.value):
            return False
        nxt = _next(tokens, i)
        if last == _HUNDRED:
            return t.joiner == "and" and num.value < 100
        if last == _SCALE:
            # "4 thousand 3 hundred and 21", "6 crore and 200"
            followed_by_scale = nxt is not None and nxt.kind in (_HUNDRED, _SCALE)
            return num.value < b.last_scale and (t.joiner == "and" or followed_by_scale)
        return False
    if k in (_UNIT, _TEEN, _TENS) and t.joiner == "and" and _mixed_fraction_follows(tokens, i):
        # "one hundred and three and two thirds", "twenty and three fifths"
        return last in (_UNIT, _TEEN, _TENS, _HUNDRED, _SCALE, _NUM)
    if k == _UNIT:
        if last == _TENS and t.joiner in (" ", "-") and not b.has_units:
            return True
        return last in (_HUNDRED, _SCALE)
    if k == _TEEN:
        return last in (_HUNDRED, _SCALE)
    if k == _TENS:
        if _is_compound_tens(t, tokens, i) and b.current() > 0:
            return True
        if last == _HUNDRED:
            return True
        if last == _SCALE:
            return True
        return False
    if k == _HUNDRED:
        if b.has_hundred:
            return False
        if last in (_UNIT, _TEEN, _TENS):
            return True
        # "322 hundred", "2.12 hundred"
        return last == _NUM and b.digits is not None
    if k == _SCALE:
        if last == _SCALE:
            # "three lakh crore": a scale right after a scale multiplies it
            return t.joiner == " " and b.hundreds == 0 and b.sub == 0
        if last in (_UNIT, _TEEN, _TENS, _HUNDRED, _NUM, _DOZEN):
            return t.value < b.last_scale
        return False
    if k == _DOZEN:
        if last == _NUM:
            return b.digits is not None and not b.digits.scaled and not b.digits.decimal
        return last in (_UNIT, _TEEN, _TENS, _HUNDRED)
    if k == _FRAC:
        if t.value < 2:   # "first" outside a compound denominator
            return False
        if last == _NUM:
            # "3 quarters", "2 thirds"; not "the 1988 quarter"
            d = b.digits
            plural = t.text.lower().endswith(("s", "halves"))
            return d is not None and plural and d.value < 100 and not (
                d.decimal or d.fraction or d.scaled
            )
        return last in (_UNIT, _TEEN, _TENS, _HUNDRED, _SCALE)
    if k == _POINT:
        return last in (_UNIT, _TEEN, _TENS, _HUNDRED, _SCALE)
    if k == _A:
        # "one and a half", "a million and a half"
        nxt = _next(tokens, i)
        return t.joiner == "and" and nxt is not None and nxt.kind == _FRAC
    return False


def _apply(b: _Builder, t: Token, tokens: list[Token], i: int) -> None:
    k = t.kind
    prev = b.last_kind
    b.tokens.append(t)
    b.last_kind = k
    if k not in (_NUM,):
        b.spelled = True
    if b.in_decimal:
        if k == _TENS:
            nxt = _next(tokens, i)
            tail = "" if (nxt is not None and nxt.kind == _UNIT and nxt.joiner != "and") else "0"
            b.decimal_digits += str(int(t.value))[0] + tail
        else:
            b.decimal_digits += str(int(t.value))
        return
    if k == _NEG:
        b.neg = True
        return
    if k == _NUM:
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
        return
    if k in (_UNIT, _A):
        b.sub += t.value
        b.has_units = True
        return
    if k == _TEEN:
        b.sub += t.value
        b.has_units = True
        return
    if k == _TENS:
        if _is_compound_tens(t, tokens, i) and b.current() > 0:
            nxt = tokens[i + 1]
            nxt.value = t.value + nxt.value
            b.tokens.pop()
            b.last_kind = prev
            b.tokens.append(t)  # keep the span; value goes to the denominator
            return
        b.sub += t.value
        b.has_tens = True
        return
    if k == _HALF_A:
        b.sub += 0.5
        b.has_units = True
        return
    if k == _HUNDRED:
        g = b.sub if b.sub else 1.0
        b.hundreds = g * 100
        b.sub = 0.0
        b.has_hundred = True
        b.has_units = b.has_tens = False
        if b.scale_value < 100 or not b.scaled:
            b.scale_value = 100.0
        b.scaled = True
        return
    if k == _SCALE:
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
        if prev == _SCALE:
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
        b.has_hundred = b.has_units = b.has_tens = False
        b.last_scale = t.value
        b.scale_value = t.value
        b.scaled = True
        return
    if k == _DOZEN:
        g = b.sub if b.sub else 1.0
        b.sub = g * 12
        b.scaled = True
        b.scale_value = 12.0
        return
    if k == _FRAC:
        den = t.value
        b.frac_den = int(den)
        if prev is None or prev == _NEG:
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
                if b.tokens[and_idx - 1].kind == _SCALE and b.last_scale >= 1e6:
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
        return
    if k == _POINT:
        b.in_decimal = True
        return


def _clear_group(b: _Builder) -> None:
    b.total = b.hundreds = b.sub = 0.0


def _last_and(b: _Builder) -> int | None:
    for idx in range(len(b.tokens) - 1, 0, -1):
        if b.tokens[idx].joiner == "and":
            return idx
    return None


def _value_since(b: _Builder, idx: int) -> float:
    v = 0.0
    for t in b.tokens[idx:-1]:
        if t.kind in (_UNIT, _TEEN, _TENS, _NUM, _A):
            v += t.value
    return v


def _finish(b: _Builder) -> Number | None:
    toks = [t for t in b.tokens if t.kind != _NEG]
    if not toks or toks[-1].kind == _POINT or (len(toks) == 1 and toks[0].kind == _A):
        return None
    start = b.tokens[0].start
    end = toks[-1].end
    if len(toks) == 1 and toks[0].kind == _NUM:
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
            value = _decimal_to_float(
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
        leading_digits=toks[0].kind == _NUM,
    )
