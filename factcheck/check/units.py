"""Which units can be compared, and by what factor.

Claims carry pint's canonical unit names ("kilometer", "minute"), ISO 4217 codes for
money ("USD"), "percent" for percentages and shares, and no unit for plain counts.
Two claims can be compared only when one unit converts into the other: a count never
converts into anything, money only into the same currency, and physical units as pint
says. pint's registry is built on first use (it takes a moment) and only when two
different physical units actually meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

COUNT = "count"
PERCENT = "percent"
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def normalise(unit: str | None) -> str | None:
    """None for a plain count ("count" in rule files)."""
    if unit is None or unit == COUNT or unit == "":
        return None
    return unit


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1024)
def factor(source: str | None, target: str | None) -> float | None:
    """Multiply a value in ``source`` by this to get it in ``target``; None when the
    two cannot be compared."""
    source, target = normalise(source), normalise(target)
    if source == target:
        return 1.0
    if source is None or target is None:
        return None
    special = (PERCENT,)
    if source in special or target in special or _CURRENCY.match(source) or _CURRENCY.match(target):
        return None
    try:
        registry = _registry()
        return float(registry.Quantity(1.0, source).to(target).magnitude)
    except Exception:  # pint raises many types (undefined unit, dimensionality, parse)
        return None


@lru_cache(maxsize=1024)
def known(unit: str | None) -> bool:
    """Whether factcheck can compare ``unit`` with anything at all."""
    unit = normalise(unit)
    if unit is None or unit == PERCENT or _CURRENCY.match(unit):
        return True
    try:
        _registry().Unit(unit)
    except Exception:
        return False
    return True
