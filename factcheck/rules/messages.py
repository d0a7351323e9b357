"""Finding messages with named placeholders.

A check's ``message`` is a template such as
``"{figure}: {value} is out of date; {evidence_source} gave {evidence_value} on {evidence_date}"``.
Templates are parsed with ``string.Formatter`` when the rules load: every placeholder
must be one the check kind provides (a misspelt one is reported with the closest valid
name and its column), attribute and index access (``{value.__class__}``) and positional
``{}`` are refused, and format specs are tried on a sample value. Rendering therefore
cannot fail at run time.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

COMMON: dict[str, str] = {
    "rule": "the check's id",
    "value": "the flagged claim as written, e.g. 'more than 1.4 million'",
    "interval": "the values the claim allows, e.g. '1,400,000 to 1,500,000'",
    "figure": "the figure's name",
    "figure_id": "the figure's id",
    "figure_description": "the figure's description",
    "unit": "the figure's unit",
    "date": "the date the claim is about (YYYY-MM-DD)",
    "doc": "the title (or path) of the claim's document",
    "sentence": "the sentence the claim is in",
}

EVIDENCE: dict[str, str] = {
    "evidence_value": "the contradicting or newer figure as written (or a reference value)",
    "evidence_interval": "the values the evidence allows",
    "evidence_source": "who gave the evidence: a reference series' source, or attribution and outlet",
    "evidence_date": "the date the evidence is about (YYYY-MM-DD)",
    "evidence_doc": "the title (or path) of the evidence's document",
}

_SAMPLE = "sample"


@dataclass(frozen=True)
class TemplateProblem:
    """A problem in a template; ``offset`` is the character it is at (0-based)."""

    offset: int
    message: str


def _field_offsets(template: str) -> list[int]:
    """Offsets of the opening brace of each replacement field, in order."""
    offsets = []
    i, n = 0, len(template)
    while i < n:
        ch = template[i]
        if ch == "{":
            if i + 1 < n and template[i + 1] == "{":
                i += 2
                continue
            offsets.append(i)
            depth = 1
            i += 1
            while i < n and depth:  # skip the field (nested braces in a format spec)
                if template[i] == "{":
                    depth += 1
                elif template[i] == "}":
                    depth -= 1
                i += 1
            continue
        if ch == "}" and i + 1 < n and template[i + 1] == "}":
            i += 2
            continue
        i += 1
    return offsets


def validate_template(template: str, allowed: Mapping[str, str]) -> list[TemplateProblem]:
    """Every problem in ``template`` given the placeholders ``allowed``."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        return [TemplateProblem(0, f"bad message template: {exc} (write a literal brace as {{{{ or }}}})")]
    offsets = _field_offsets(template)
    problems: list[TemplateProblem] = []
    k = 0
    for _literal, field_name, spec, conversion in parsed:
        if field_name is None:
            continue
        at = offsets[k] if k < len(offsets) else 0
        k += 1
        if field_name == "" or field_name.isdigit():
            problems.append(TemplateProblem(at, "positional placeholder {} is not allowed; use a name such as {value}"))
            continue
        name = field_name
        for sep in (".", "["):
            if sep in name:
                problems.append(TemplateProblem(at, f"placeholder {{{field_name}}}: attribute and index access are not allowed; use {{{name.split(sep)[0]}}}"))
                break
        else:
            if name not in allowed:
                close = difflib.get_close_matches(name, list(allowed), n=1)
                hint = f"; did you mean {{{close[0]}}}?" if close else ""
                known = ", ".join("{" + p + "}" for p in sorted(allowed))
                problems.append(TemplateProblem(at, f"unknown placeholder {{{name}}}{hint} (this check provides {known})"))
                continue
            if conversion not in (None, "r", "s", "a"):
                problems.append(TemplateProblem(at, f"placeholder {{{name}}}: unknown conversion !{conversion}; use !r, !s or none"))
                continue
            if spec and ("{" in spec or "}" in spec):
                problems.append(TemplateProblem(at, f"placeholder {{{name}}}: nested placeholders in a format spec are not allowed"))
                continue
            try:
                value = _SAMPLE if conversion is None else (repr(_SAMPLE) if conversion == "r" else str(_SAMPLE))
                format(value, spec or "")
            except ValueError as exc:
                problems.append(TemplateProblem(at, f"placeholder {{{name}}}: bad format spec {spec!r} ({exc}); values are text"))
    return problems


class _Params(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


def render(template: str, params: Mapping[str, Any]) -> str:
    """Fill a validated template. Values are shown as text; a missing one as '?'."""
    values = _Params({k: ("?" if v is None else str(v)) for k, v in params.items()})
    # str.format_map reads validated templates as string.Formatter does, in C.
    return template.format_map(values)
