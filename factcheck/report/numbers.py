"""How figures and intervals are written in human-facing reports."""

from __future__ import annotations

from factcheck.models import Claim


def format_number(value: float | None) -> str:
    """810000.0 -> "810,000"; 33.3333 -> "33.33"; None -> "?"."""
    if value is None:
        return "?"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1e21:
        # Hundreds of grouped digits say less than the exponent (the largest float).
        return f"{value:.6g}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_interval(claim: Claim) -> str:
    """The interval a claim's hedge implies, with open ends shown: "[1,400,000, 1,500,000)"."""
    lower = "-∞" if claim.lower is None else format_number(claim.lower)
    upper = "∞" if claim.upper is None else format_number(claim.upper)
    left = "(" if claim.lower is None or claim.lower_open else "["
    right = ")" if claim.upper is None or claim.upper_open else "]"
    return f"{left}{lower}, {upper}{right}"


def format_value(claim: Claim) -> str:
    """The claim's figure for a reader: its value with unit, or its interval when vague."""
    if claim.unrepresentable:
        text = "beyond any float"
    elif claim.value is None:
        text = format_interval(claim)
    else:
        text = format_number(claim.value)
    if claim.unit == "percent":
        return f"{text}%"
    if claim.unit:
        return f"{text} {claim.unit}"
    return text
