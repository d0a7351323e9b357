"""Units: the one pint registry of factcheck, and which units can be compared.

Every stage asks this module: extraction names the unit of a figure with it
(``factcheck.extract.quantities.units`` maps unit words to its names), rule validation
accepts the units it knows, figure assignment and the checks convert with ``factor``.
One registry, so a unit that extraction writes into ``Claim.unit`` is a unit that a rule
file may name and that converts as the figure expects.

``registry()`` is pint's default registry plus what news needs:

* every currency as its own base dimension named by its ISO 4217 code (``USD``,
  ``EUR``, ``GBP``, ``ILS``, ...), so money is never converted without a rate, and the
  coins news quotes as stated (``cent`` = 0.01 USD, ``penny``/``pence`` = 0.01 GBP,
  ``dime`` = 0.1 USD): "50 cents" is half a dollar;
* ``percentage_point``, a dimension of its own: a change in a percentage is not a
  percentage.

Claims carry pint's canonical unit names ("kilometer", "minute"), ISO 4217 codes for
money, "percent" for percentages and shares, and no unit for plain counts ("count" in
rule files). A count converts into nothing but a count; everything else converts as
the registry says. The registry is built on first use (it takes a moment) and only when
two different units actually meet.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

COUNT = "count"
PERCENT = "percent"

# ISO 4217 codes known to the registry (each its own dimension).
CURRENCY_CODES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "ILS", "CHF", "CAD", "AUD", "NZD", "HKD",
    "SGD", "MXN", "BRL", "RUB", "KRW", "TRY", "UAH", "NGN", "PHP", "VND", "THB", "CRC",
    "GEL", "LAK", "LKR", "PKR", "EGP", "LBP", "SYP", "JOD", "IQD", "KWD", "IRR", "QAR",
    "SAR", "AED", "MAD", "ZAR", "SEK", "NOK", "DKK", "PLN", "HUF", "CZK", "MYR", "IDR",
    "BDT", "TWD", "ARS", "CLP", "COP", "PEN", "KES", "GHS", "ETB", "FRF", "DEM", "ESP",
    "ITL", "NLG", "FIM", "BEF", "ATS", "PTE", "IEP", "GRD", "DZD", "TND", "LYD", "BHD",
    "RSD", "ISK",
)

_EXTENSIONS = [
    *(f"{code} = [currency_{code}]" for code in CURRENCY_CODES),
    "cent = 0.01 * USD",
    "dime = 0.1 * USD",
    "penny = 0.01 * GBP = pence",
    "percentage_point = [percentage_point] = pp",
]

_registry: Any = None
_registry_lock = threading.Lock()


def registry() -> Any:
    """The application pint ``UnitRegistry`` (built on first call, once per process)."""
    global _registry
    if _registry is None:
        with _registry_lock:
            if _registry is None:
                import pint

                ureg = pint.UnitRegistry()
                for line in _EXTENSIONS:
                    ureg.define(line)
                _registry = ureg
    return _registry


def normalise(unit: str | None) -> str | None:
    """None for a plain count ("count" in rule files)."""
    if unit is None or unit == COUNT or unit == "":
        return None
    return unit


@lru_cache(maxsize=1024)
def factor(source: str | None, target: str | None) -> float | None:
    """Multiply a value in ``source`` by this to get it in ``target``; None when the
    two cannot be compared (a count and a length, dollars and euros)."""
    source, target = normalise(source), normalise(target)
    if source == target:
        return 1.0
    if source is None or target is None:
        return None
    try:
        return float(registry().Quantity(1.0, source).to(target).magnitude)
    except Exception:  # pint raises many types (undefined unit, dimensionality, parse)
        return None


@lru_cache(maxsize=1024)
def known(unit: str | None) -> bool:
    """Whether ``unit`` names a unit factcheck can compare with anything at all."""
    unit = normalise(unit)
    if unit is None:
        return True
    try:
        registry().Unit(unit)
    except Exception:
        return False
    return True
