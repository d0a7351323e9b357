"""Reference series: dated authoritative values, inline or in a file next to the rules.

A series' ``points`` may be written in the rule file or kept in a CSV or JSONL file
(``file: reference/gaza-toll.csv``, relative to the rule file). Both formats have the
fields of ``ReferencePoint``: ``date`` and ``value`` are required; ``qualifier``
(exact, approx, over, under, at_least, at_most), ``lower``, ``upper``, ``source``,
``url`` and ``note`` are optional. A CSV file has a header row; empty cells are
missing values; lines starting with ``#`` are comments (cite the source there). A
JSONL file has one JSON object per line; blank lines are skipped.

Every bad row is reported with its line number, all of them in one run. A value no
report could give is a bad row too (``impossible``): below zero for a figure that is not
``signed``, or dated far after today.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.errors import RuleError, SourceLocation
from factcheck.intervals import Interval, format_number, interval_for
from factcheck.load.files import read_text_file
from factcheck.rules.schema import ReferencePoint

FIELDS = tuple(ReferencePoint.model_fields)
MAX_BYTES = 50 * 1024 * 1024
# A reference value is dated when it was published: an embargoed release may carry a
# date a little ahead, a date more than this after today is a typo (9999-12-31).
FUTURE_DAYS = 366


def _shown(number: float) -> str:
    # Digits grouped for the sizes a report gives; beyond, the exponent form is shorter.
    return format_number(number) if abs(number) < 1e15 else f"{number:g}"


def impossible(point: ReferencePoint, signed: bool, today: date | None = None) -> list[tuple[str, str]]:
    """What no report could give in ``point``: (field, why) for a value, ``lower`` or
    ``upper`` below zero unless the figure is ``signed``, and a date far in the future."""
    problems: list[tuple[str, str]] = []
    if not signed:
        for key in ("value", "lower", "upper"):
            number = getattr(point, key)
            if number is not None and number < 0:
                problems.append((key, (
                    f"{_shown(number)} is below zero, which this figure cannot be; "
                    "give the figure 'signed: true' if its values may be negative"
                )))
    latest = (today or date.today()) + timedelta(days=FUTURE_DAYS)
    if point.date > latest:
        problems.append(("date", (
            f"{point.date.isoformat()} is more than {FUTURE_DAYS} days after today; "
            "a reference value is dated when it was published"
        )))
    return problems


def load_points(path: Path, shown: str, signed: bool = False) -> tuple[list[ReferencePoint], list[RuleError]]:
    """The points of a series file and the problems found in it (row by row);
    ``signed``: whether the series' figure may be negative."""
    if not path.exists() and not path.is_symlink():
        return [], [RuleError("reference file not found", SourceLocation(shown))]
    try:
        text = read_text_file(path, shown, RuleError, MAX_BYTES, "reference file")
    except RuleError as exc:
        return [], [exc]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv(text, shown, signed)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl(text, shown, signed)
    return [], [RuleError(f"unknown reference file type {suffix or '(none)'!r}; use .csv or .jsonl", SourceLocation(shown))]


# A quote that opens a cell (at the start of a line or after a comma), and a quoted cell
# through its closing quote (``""`` is a quote inside it). Possessive: a cell that is
# never closed fails to match instead of backtracking to an inner quote.
_OPENING_QUOTE = re.compile(r'(?m)(?:^|(?<=,))"')
_QUOTED_CELL = re.compile(r'"(?:[^"]++|"")*+"')


def _unterminated_quote(data: str) -> int | None:
    """Where the quoted cell that is never closed opens, if there is one: the csv
    module would read every row after it as that cell's value."""
    at = 0
    while (found := _OPENING_QUOTE.search(data, at)) is not None:
        closed = _QUOTED_CELL.match(data, found.start())
        if closed is None:
            return found.start()
        at = closed.end()
    return None


def _csv(text: str, shown: str, signed: bool = False) -> tuple[list[ReferencePoint], list[RuleError]]:
    lines = text.splitlines(keepends=True)
    # Comment lines keep their place so that line numbers stay those of the file.
    data = "".join("\n" if line.lstrip().startswith("#") else line for line in lines)
    points: list[ReferencePoint] = []
    errors: list[RuleError] = []
    opening = _unterminated_quote(data)
    if opening is not None:
        line_start = data.rfind("\n", 0, opening) + 1
        line = data.count("\n", 0, opening) + 1
        errors.append(RuleError(
            "unterminated quote: the quoted cell that opens here is never closed", SourceLocation(shown, line, opening - line_start + 1),
        ))
        data = data[:line_start]  # the rows before it are still read
    reader = csv.reader(io.StringIO(data))
    header: list[str] | None = None
    try:
        for row in reader:
            line = reader.line_num
            if not row or all(not c.strip() for c in row):
                continue
            if header is None:
                header = [c.strip() for c in row]
                bad_header = _header_errors(header, shown, line)
                if bad_header:
                    return [], errors + bad_header
                continue
            if len(row) > len(header):
                errors.append(RuleError(f"row has {len(row)} cells but the header has {len(header)}", SourceLocation(shown, line)))
                continue
            record = {k: v.strip() for k, v in zip(header, row, strict=False) if v.strip() != ""}
            _add(record, shown, line, points, errors, signed)
    except csv.Error as exc:
        errors.append(RuleError(f"CSV syntax error: {exc}", SourceLocation(shown, reader.line_num)))
    if header is None and opening is None:
        errors.append(RuleError("empty reference file; expected a header row such as 'date,value,qualifier'", SourceLocation(shown, 1)))
    return points, errors


def _header_errors(header: list[str], shown: str, line: int) -> list[RuleError]:
    errors = []
    for column, name in enumerate(header, start=1):
        if name not in FIELDS:
            close = difflib.get_close_matches(name, FIELDS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            errors.append(RuleError(f"unknown column '{name}'{hint} (expected: {', '.join(FIELDS)})", SourceLocation(shown, line, column)))
    for required in ("date", "value"):
        if required not in header:
            errors.append(RuleError(f"missing column '{required}'", SourceLocation(shown, line)))
    return errors


def _jsonl(text: str, shown: str, signed: bool = False) -> tuple[list[ReferencePoint], list[RuleError]]:
    points: list[ReferencePoint] = []
    errors: list[RuleError] = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(RuleError(f"invalid JSON: {exc.msg}", SourceLocation(shown, line, exc.colno)))
            continue
        if not isinstance(record, dict):
            errors.append(RuleError("expected a JSON object per line", SourceLocation(shown, line, 1)))
            continue
        _add(record, shown, line, points, errors, signed)
    return points, errors


def _add(
    record: dict[str, Any], shown: str, line: int, points: list[ReferencePoint], errors: list[RuleError], signed: bool
) -> None:
    try:
        point = ReferencePoint.model_validate(record)
        bad = impossible(point, signed)
        if not bad:
            points.append(point)
        errors += [RuleError(f"{key}: {why}", SourceLocation(shown, line)) for key, why in bad]
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"])
            if err["type"] == "extra_forbidden":
                close = difflib.get_close_matches(str(err["loc"][-1]), FIELDS, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                message = f"unknown field '{where}'{hint}"
            elif err["type"] == "missing":
                message = f"missing '{where}'"
            else:
                message = f"{where}: {_short(err)}"
            errors.append(RuleError(message, SourceLocation(shown, line)))


def _short(err: Any) -> str:
    got = err.get("input")
    kind = err["type"]
    if kind == "finite_number":
        return f"expected a finite number, got {got!r}"
    if kind.startswith("float") or kind.startswith("int"):
        return f"expected a number, got {got!r}"
    if kind.startswith("date"):
        return f"expected a date YYYY-MM-DD, got {got!r}"
    if kind == "literal_error":
        return f"expected one of {err['ctx']['expected']}, got {got!r}"
    return str(err["msg"])


def point_interval(point: ReferencePoint) -> Interval:
    """The values a point allows: its explicit bounds, else its value read with its
    qualifier the way claims are read."""
    base = interval_for(point.value, point.qualifier)
    if point.lower is None and point.upper is None:
        return base
    lo = point.lower if point.lower is not None else base.lo
    hi = point.upper if point.upper is not None else base.hi
    if lo > hi:
        lo, hi = hi, lo
    return Interval(lo, hi)


_QUALIFIER_WORDS = {
    "exact": "",
    "approx": "about ",
    "over": "more than ",
    "under": "fewer than ",
    "at_least": "at least ",
    "at_most": "at most ",
}


def point_surface(point: ReferencePoint) -> str:
    """A point as a finding shows it: "about 130", "35,903"."""
    return f"{_QUALIFIER_WORDS.get(point.qualifier, '')}{format_number(point.value)}"
