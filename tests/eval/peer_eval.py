"""Adapter for the peer scorer (``../shared/eval/score_peers.py``).

``score_adapter(text)`` returns what the scorer reads: one dict per claim with ``start``,
``end``, ``value``, ``unit`` and ``type``. ``type`` is the scorer's notion of the claim's
kind, used for its "typed" columns (the Recognizers-Text unit suites annotate only their
own type): ``currency`` for money, ``percentage`` for percentages, shares and percentage
points, ``temperature``, ``age`` for ages and time spans (as the scorer does for
quantulum3), ``dimension`` for other physical quantities, ``number`` otherwise.
Vague amounts have no value and are not returned. Ranges give their midpoint, tallies
their first part (``find_quantities`` does the same).

Reproduce the results table (tests/eval/RESULTS.md)::

    python ../shared/eval/score_peers.py --peers "" \\
        --extractor tests.eval.peer_eval:score_adapter
"""

from __future__ import annotations

from factcheck.extract.quantities import find_quantities

_TYPES = {
    "money": "currency",
    "percent": "percentage",
    "share": "percentage",
    "percentage_points": "percentage",
    "temperature": "temperature",
    "age": "age",
}


def claim_type(kind: str, unit: str | None) -> str:
    if kind in _TYPES:
        return _TYPES[kind]
    if kind == "quantity" and unit:
        from factcheck.extract.quantities.units import dimension_of

        return "age" if dimension_of(unit) == "time" else "dimension"
    return "number"


def score_adapter(text: str) -> list[dict]:
    out = []
    for c in find_quantities(text):
        if c.value is None:
            continue
        out.append(
            {
                "start": c.start,
                "end": c.end,
                "value": c.value,
                "unit": c.unit,
                "type": claim_type(c.kind, c.unit),
            }
        )
    return out
