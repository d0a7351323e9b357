"""Value types shared by the rule schema and the check option records.

Rule files are written by researchers, so values take the forms people write:
``tolerance: 2%``, ``tolerance: 5``, ``tolerance: {absolute: 4, relative: 2%}``;
``window: 14d`` or ``2w``; a word list may be a single word. Each type parses those
forms and carries its own JSON Schema so editors complete and check them too.
"""

from __future__ import annotations

import math
import re
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from factcheck.intervals import Tolerance

_PERCENT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$")
_NUMBER = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*$")
_DURATION = re.compile(r"^\s*([0-9]+)\s*(d|day|days|w|week|weeks)\s*$", re.IGNORECASE)


def _fraction(value: Any, what: str) -> float:
    """'2%' -> 0.02; a bare number in a 'relative' slot is a percentage too."""
    if isinstance(value, bool):
        raise ValueError(f"{what}: expected a percentage like 2%, got {value!r}")
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{what}: must be a finite percentage, not negative; got {value!r}")
        return float(value) / 100
    if isinstance(value, str):
        m = _PERCENT.match(value) or _NUMBER.match(value)
        if m:
            return float(m.group(1)) / 100
    raise ValueError(f"{what}: expected a percentage like 2%, got {value!r}")


def _absolute(value: Any, what: str) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{what}: expected a number like 5, got {value!r}")
    if isinstance(value, int | float):
        # NaN compares false with everything: a NaN tolerance would quietly change
        # every comparison of the figure.
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{what}: must be a finite number, not negative; got {value!r}")
        return float(value)
    if isinstance(value, str) and _NUMBER.match(value):
        return float(value)
    raise ValueError(f"{what}: expected a number like 5, got {value!r}")


# Any number a person might type, to say what is wrong with it rather than only that
# it is not a tolerance: "-5%" (negative), "1e400%" (out of range).
_SIGNED = re.compile(r"^\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*(%?)\s*$")
MAX_RELATIVE = 1.0  # 100%: beyond it any two figures of one sign agree


def _out_of_range(value: Any) -> str | None:
    """Why a tolerance written as a number is unusable, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number, percent = float(value), False
    elif isinstance(value, str) and (m := _SIGNED.match(value)):
        number, percent = float(m.group(1)), bool(m.group(2))
    else:
        return None
    if math.isnan(number):
        return None
    if number < 0:
        return f"a tolerance cannot be negative, got {value!r}"
    if math.isinf(number) or (percent and number / 100 > MAX_RELATIVE):
        limit = f"at most {MAX_RELATIVE:.0%}" if percent else "a finite number"
        return f"tolerance out of range: {value!r} ({limit})"
    return None


def parse_tolerance(value: Any) -> Tolerance:
    """``2%`` (relative), ``5`` (absolute), ``{absolute: 4, relative: 2%}`` (the larger
    of the two applies)."""
    if isinstance(value, Tolerance):
        return value
    problem = _out_of_range(value)
    if problem is not None:
        raise ValueError(problem)
    if isinstance(value, str) and _PERCENT.match(value):
        return Tolerance(relative=_fraction(value, "tolerance"))
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"absolute", "relative"})
        if unknown:
            raise ValueError(f"unknown key {unknown[0]!r} in a tolerance; expected 'absolute' and/or 'relative'")
        return Tolerance(
            absolute=_absolute(value.get("absolute", 0), "absolute"),
            relative=_fraction(value.get("relative", 0), "relative"),
        )
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            return Tolerance(absolute=_absolute(value, "tolerance"))
        except ValueError:
            pass
    raise ValueError(f"expected a tolerance like 2%, 5 or {{absolute: 4, relative: 2%}}, got {value!r}")


_TOLERANCE_SCHEMA = {
    "description": "How far apart two figures may be and still agree: a percentage (\"2%\", relative), "
    "a number (absolute), or both as a mapping (the larger applies).",
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^\s*[0-9]+(\.[0-9]+)?\s*%?\s*$"},
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "absolute": {"type": "number", "minimum": 0},
                "relative": {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^\s*[0-9]+(\.[0-9]+)?\s*%\s*$"}]},
            },
        },
    ],
}

ToleranceSpec = Annotated[Tolerance, BeforeValidator(parse_tolerance), WithJsonSchema(_TOLERANCE_SCHEMA)]


def parse_days(value: Any) -> int:
    """``14d``, ``2w``, ``3 days`` or a bare number of days -> days."""
    if isinstance(value, bool):
        raise ValueError(f"expected a duration like 14d or 2w, got {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"a duration cannot be negative, got {value!r}")
        return value
    if isinstance(value, str):
        m = _DURATION.match(value)
        if m:
            n = int(m.group(1))
            return n * 7 if m.group(2).lower().startswith("w") else n
        if value.strip().isdigit():
            return int(value.strip())
    raise ValueError(f"expected a duration like 14d or 2w, got {value!r}")


Days = Annotated[
    int,
    BeforeValidator(parse_days),
    WithJsonSchema({
        "description": "A duration in days: 14d, 2w, or a number of days.",
        "anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\s*[0-9]+\s*([dD]|[wW]|days?|weeks?)?\s*$"}],
    }),
]


def _word_list(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    return value


WordList = Annotated[
    list[Annotated[str, Field(min_length=1)]],
    BeforeValidator(_word_list),
    WithJsonSchema({
        "description": "Words or phrases (case-insensitive, whole words; a plural 's' is allowed; "
        "end a word with * to match any ending). One word may be given without a list.",
        "anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {"type": "string", "minLength": 1}}],
    }),
]

@dataclass(frozen=True)
class Names:
    """Marks an option whose value names something the loader checks across the rule
    set: figure ids that must exist (``figures``), regular expressions that must compile
    (``patterns``), a relation whose figures must exist (``relation``). The loader finds
    these by type, so a check kind declares them in its options and nowhere else."""

    what: typing.Literal["figures", "patterns", "relation"]


FIGURES = Names("figures")
PATTERNS = Names("patterns")
RELATION = Names("relation")


def names_in(annotation: Any) -> Names | None:
    """The ``Names`` marker of a field's annotation, looking through ``X | None``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        for extra in typing.get_args(annotation)[1:]:
            if isinstance(extra, Names):
                return extra
        return names_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = names_in(arg)
            if found is not None:
                return found
    return None


PatternList = Annotated[
    list[str],
    PATTERNS,
    BeforeValidator(_word_list),
    WithJsonSchema({
        "description": "Regular expressions (Python 'regex' syntax). A group named 'claim' must "
        "contain the claim's own figure.",
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
    }),
]

FIGURE_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
RULE_ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"

FigureId = Annotated[str, Field(pattern=FIGURE_ID_PATTERN, description="Lower-case letters, digits and _, starting with a letter.")]
RuleId = Annotated[str, Field(pattern=RULE_ID_PATTERN, description="Lower-case letters, digits, '-', '_' and '.'.")]

FigureRefs = Annotated[
    list[FigureId] | None,
    FIGURES,
    BeforeValidator(_word_list),
    Field(description="Figure ids this check applies to (default: see the check)."),
]

RelationText = Annotated[
    str,
    RELATION,
    Field(description="The relation, e.g. 'hostages_alive + hostages_remains ~ hostages_held'."),
]
