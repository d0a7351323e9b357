"""Validation problems as the messages a researcher reads: pydantic's errors turned into
``file:line:column: what was expected`` (``convert_error``), an unknown key with the
closest valid one (``unknown_key``), and every problem in file order (``sort_errors``).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel

from factcheck.errors import RuleError
from factcheck.util.yamlpos import YamlData


def describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def unknown_key(key: str, valid: list[str]) -> str:
    close = difflib.get_close_matches(str(key), valid, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown key '{key}'{hint} (expected one of: {', '.join(valid)})"


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """The part of a pydantic ``loc`` that names places in the data (dropping union
    and validator tags)."""
    path: list[str | int] = []
    current = data
    for k, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif k == len(loc) - 1 and isinstance(current, dict) and isinstance(part, str):
            path.append(part)  # a missing or unknown key of this mapping
    return tuple(path)


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out = []
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                out += _unwrap(arg)
        return out
    return [annotation]


def _model_at(model: type[BaseModel], path: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model of the mapping at ``path`` below ``model``."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            candidates = []
            for option in _unwrap(current):
                if typing.get_origin(option) is list:
                    candidates += _unwrap(typing.get_args(option)[0])
            current = candidates[0] if candidates else None
        else:
            models = [m for m in _unwrap(current) if isinstance(m, type) and issubclass(m, BaseModel)]
            if not models or part not in models[0].model_fields:
                return None
            current = models[0].model_fields[part].annotation
        if current is None:
            return None
    models = [m for m in _unwrap(current) if isinstance(m, type) and issubclass(m, BaseModel)]
    return models[0] if models else None


_EXPECTED = {
    "string_type": "expected text",
    "list_type": "expected a list",
    "dict_type": "expected a mapping (key: value lines)",
    "model_type": "expected a mapping (key: value lines)",
    "model_attributes_type": "expected a mapping (key: value lines)",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "date_type": "expected a date YYYY-MM-DD",
    "date_parsing": "expected a date YYYY-MM-DD",
    "date_from_datetime_parsing": "expected a date YYYY-MM-DD",
    "date_from_datetime_inexact": "expected a date YYYY-MM-DD",
}

_PATTERN_HELP = {
    r"^[a-z][a-z0-9_]*$": "a figure id is lower-case letters, digits and '_', starting with a letter",
    r"^[a-z0-9][a-z0-9_.-]*$": "an id is lower-case letters, digits, '-', '_' and '.'",
}


def convert_error(err: Any, yd: YamlData, prefix: tuple[str | int, ...], model: type[BaseModel]) -> RuleError:
    loc = tuple(err["loc"])
    root = yd.data
    for part in prefix:
        root = root[part]
    rel = _data_path(root, loc)
    path = prefix + rel
    shown = _show_path(path)
    kind = err["type"]
    got = err.get("input")
    if kind == "extra_forbidden":
        parent = _model_at(model, rel[:-1])
        valid = list(parent.model_fields) if parent is not None else []
        return RuleError(f"{_show_path(path[:-1])}: {unknown_key(str(rel[-1]), valid)}", yd.locate(path, prefer_key=True))
    if kind == "missing":
        return RuleError(f"{_show_path(path[:-1])}: missing required key '{path[-1]}'", yd.locate(path[:-1]))
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip().strip("'") for o in str(expected).replace(" or ", ", ").split(",") if o.strip()]
        close = difflib.get_close_matches(str(got), options, n=1) if isinstance(got, str) else []
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return RuleError(f"{shown}: expected one of {', '.join(options)}; got {describe(got)}{hint}", yd.locate(path))
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        help_text = _PATTERN_HELP.get(pattern, f"expected text matching {pattern}")
        return RuleError(f"{shown}: {describe(got)} is not valid: {help_text}", yd.locate(path))
    if kind in _EXPECTED:
        return RuleError(f"{shown}: wrong type: {_EXPECTED[kind]}, got {describe(got)}", yd.locate(path))
    message = str(err.get("msg", "invalid value"))
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    elif message.startswith("Assertion failed, "):
        message = message[len("Assertion failed, ") :]
    return RuleError(f"{shown}: {message}", yd.locate(path))


def _show_path(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def sort_errors(errors: list[RuleError]) -> list[RuleError]:
    def key(e: RuleError) -> tuple[str, int, int, str]:
        loc = e.location
        if loc is None:
            return ("", 0, 0, e.message)
        return (loc.path, loc.line or 0, loc.column or 0, e.message)

    seen: set[str] = set()
    out = []
    for e in sorted(errors, key=key):
        text = str(e)
        if text not in seen:
            seen.add(text)
            out.append(e)
    return out
