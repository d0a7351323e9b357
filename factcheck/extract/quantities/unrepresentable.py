"""Numbers a float cannot hold, kept as claims rather than dropped without a word.

Two kinds, both written in digits:

* beyond any float (``1.8e308``, a number of thousands of digits): the figure is still a
  claim, ``unrepresentable`` and vague, its value unknown (null) and its interval what is
  known: at least the largest float (at most its negative). No check compares it.
* rounded by the float (``999,999,999,999,999,999,999`` is ``1e+21`` as a float): the
  claim keeps the digits as written in ``exact``, and its interval is widened to the
  floats on either side of them, so that no check takes it as exactly ``1e+21``.
"""

from __future__ import annotations

import math
import sys
from decimal import Decimal

from factcheck.models import Claim

LARGEST = sys.float_info.max


def beyond_float(start: int, end: int, text: str) -> Claim | None:
    """The claim of a figure at ``text[start:end]`` whose number overflowed a float."""
    surface = text[start:end].rstrip()
    if not surface:
        return None
    negative = _negative(surface)
    return Claim(
        start=start,
        end=start + len(surface),
        surface=surface,
        value=None,
        lower=None if negative else LARGEST,
        upper=-LARGEST if negative else None,
        qualifier="vague",
        unrepresentable=True,
    )


def _negative(surface: str) -> bool:
    first_digit = next((k for k, ch in enumerate(surface) if ch.isdigit()), len(surface))
    return any(ch in "-−–" for ch in surface[:first_digit][-2:])


def rounded(claim: Claim, integer_digits: str | None, negative: bool) -> Claim:
    """``claim`` with ``exact`` and a widened interval when the whole number
    ``integer_digits`` (as written, unscaled) is not exactly its float value."""
    if not integer_digits or claim.value is None or not math.isfinite(claim.value):
        return claim
    written = Decimal(integer_digits).copy_negate() if negative else Decimal(integer_digits)
    if Decimal(claim.value) == written:
        return claim
    below = claim.value if Decimal(claim.value) < written else math.nextafter(claim.value, -math.inf)
    above = claim.value if Decimal(claim.value) > written else math.nextafter(claim.value, math.inf)
    lower = None if claim.lower is None else min(claim.lower, below)
    upper = None if claim.upper is None else max(claim.upper, above)
    return claim.model_copy(update={"exact": str(written), "lower": lower, "upper": upper})
