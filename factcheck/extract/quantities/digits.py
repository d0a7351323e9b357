"""Numbers written in digits -> ``numerals.Number`` (value and precision).

``810,000``, ``1.4``, ``32000``, ``1 200`` (space, no-break, thin or narrow no-break
space between groups of three), ``.08``, ``5,00`` and ``1,3`` (a comma followed by one
or two digits and nothing more is a decimal comma), ``1e10``, ``2.48×10−5``, ``8x2^10``,
``1.1^23`` (a power), vulgar fractions (``3/4``, ``2 1/2``, ``½``, ``2½``), a scale
abbreviation after the digits (``1.4m``, ``scales``). ``parse_digits`` reads one
``DIGITS`` token of ``patterns``; ``numerals`` says what the precision is.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from factcheck.extract.quantities.numerals import Number, decimal_to_float
from factcheck.extract.quantities.scales import ABBREVIATION_SCALES

VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8,
    "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
}
VULGAR_DENOMINATORS: dict[str, int] = {
    "½": 2, "⅓": 3, "⅔": 3, "¼": 4, "¾": 4, "⅕": 5, "⅖": 5, "⅗": 5, "⅘": 5, "⅙": 6,
    "⅚": 6, "⅐": 7, "⅛": 8, "⅜": 8, "⅝": 8, "⅞": 8, "⅑": 9, "⅒": 10,
}

_SPACE_GROUP_CHARS = " \u00a0\u2009\u202f\u2007"
_MAX_DIGITS = 320
_MINUS_CHARS = "-−–"


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
    if s[-1] in VULGAR_FRACTIONS:
        return _vulgar_fraction(s, neg, start, end)
    if "/" in s:
        return _slash_fraction(s, neg, start, end)
    return _decimal_number(s, neg, start, end, abbreviation)


def _vulgar_fraction(s: str, neg: bool, start: int, end: int) -> Number:
    """"½", "2½", "2 ½"."""
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


def _slash_fraction(s: str, neg: bool, start: int, end: int) -> Number | None:
    """"3/4", "2 1/2", "2  1/4"; None for a zero denominator."""
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


def _split_powers(s: str) -> tuple[str, int, int | None, str | None]:
    """``s`` as (mantissa, exponent of "e", power of "^", what follows "×"/"x"):
    "2.48×10−5", "5.5x10-3", "8x2^10", "1e10", "1.1^23"."""
    mantissa = s
    exponent = 0
    power: int | None = None
    times_ten = None
    low = s.lower()
    for sep in ("×", "x"):
        if sep in low:
            idx = low.index(sep)
            mantissa = s[:idx].strip()
            times_ten = s[idx + 1 :].strip().replace("−", "-")
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
        power = (-1 if minus % 2 else 1) * int(digits)
    return mantissa, exponent, power, times_ten


def _written_precision(digits_txt: str, decimal: bool) -> Decimal:
    """Place value of the last significant digit as written, before exponent and scale."""
    if decimal:
        frac_len = len(digits_txt.partition(".")[2])
        return Decimal(1).scaleb(-frac_len)
    whole = digits_txt.lstrip("0")
    zeros = len(whole) - len(whole.rstrip("0")) if whole else 0
    return Decimal(1).scaleb(zeros)


def _times_ten_factor(times_ten: str) -> Decimal:
    """The factor of "×10^-5", "x10-3" (base 10 followed directly by the exponent),
    "x2^10"."""
    base_txt, _, exp_txt = times_ten.partition("^")
    if not exp_txt:
        base_txt, exp_txt = times_ten[:2], times_ten[2:]
    exp_txt = exp_txt.strip()
    base = Decimal(base_txt.strip())
    e = int(exp_txt)
    return base ** e


def _decimal_number(s: str, neg: bool, start: int, end: int, abbreviation: str | None) -> Number | None:
    """Digits with separators, decimals, exponents, powers and a scale abbreviation."""
    mantissa, exponent, power, times_ten = _split_powers(s)
    digits_txt, decimal = _normalise_separators(mantissa)
    if len(digits_txt.lstrip("0").partition(".")[0]) > _MAX_DIGITS:
        # Beyond any float: the figure is kept as unrepresentable (``unrepresentable``).
        raise OverflowError("number beyond any float")
    try:
        d = Decimal(digits_txt)
    except InvalidOperation:
        return None
    precision = _written_precision(digits_txt, decimal)
    integer_digits = None
    if not decimal and exponent == 0 and power is None and times_ten is None:
        integer_digits = digits_txt
    if times_ten is not None:
        factor = _times_ten_factor(times_ten)
        d = d * factor
        precision = precision * factor
    if exponent:
        d = d.scaleb(exponent)
        precision = precision.scaleb(exponent)
    value = decimal_to_float(d)
    if power is not None:
        value = math.pow(value, power)
        precision = Decimal(0)
        integer_digits = None
    scale = 1.0
    if abbreviation:
        scale = ABBREVIATION_SCALES[abbreviation]
        value = decimal_to_float(Decimal(repr(value)) * Decimal(repr(scale))) if value else 0.0
        precision = precision * Decimal(repr(scale))
        integer_digits = None
    if neg:
        value = -value
    # A place value below any float (a fraction of hundreds of digits) is no precision.
    prec = (float(precision) if precision else 0.0) or abs(value) * 1e-6 or 1e-9
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
