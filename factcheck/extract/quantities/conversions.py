"""Conversions in brackets: "2 to 3 degrees Celsius (3.6 to 5.4 Fahrenheit)", "€10
($11)", "10 km (6 miles)" state one figure twice. The bracketed amount is the writer's
conversion of the one before it, not a second figure: it is kept as written (a reader
of the JSON sees every amount of the text) with ``role`` "conversion" and ``pair`` the
figure it converts, and the matcher and the checks never take it as a claim of its own.

A bracket is a conversion when it holds nothing but one figure (its hedge included:
"(about $11)"), right after a figure of the same sort in another unit: money in another
currency, a temperature in another scale, a physical quantity in another unit. A
bracket in the same unit ("1,200 (1,150 last year)"), of another sort ("$5 million
(3%)") or of a plain count is a figure of its own.
"""

from __future__ import annotations

import re

from factcheck.models import Claim

_OPEN = re.compile(r"[ \t\u00a0]*[(\[][ \t\u00a0]*")
_CLOSE = re.compile(r"[ \t\u00a0]*[)\]]")
_CONVERTIBLE_KINDS = frozenset({"money", "temperature", "quantity"})


def _conversion(text: str, a: Claim, b: Claim) -> bool:
    if a.kind != b.kind or a.kind not in _CONVERTIBLE_KINDS:
        return False
    if a.unit is None or b.unit is None or a.unit == b.unit:
        return False
    if _OPEN.fullmatch(text, a.end, b.start) is None:
        return False
    return _CLOSE.match(text, b.end) is not None


def mark_conversions(text: str, claims: list[Claim]) -> list[Claim]:
    """``claims`` (in text order) with each bracketed conversion of the one before it
    marked as such (``role`` "conversion", ``pair_start`` the converted figure's start)."""
    out: list[Claim] = []
    for c in claims:
        if out and out[-1].role != "conversion" and _conversion(text, out[-1], c):
            c = c.model_copy(update={"role": "conversion", "pair_start": out[-1].start})
        out.append(c)
    return out
