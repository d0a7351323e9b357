"""The table of a rule file's ``scope:`` keys in docs/rules.md, generated from the
``Scope`` record (field names, types and descriptions) so that the page cannot drift
from what the loader accepts. A test keeps the file up to date;
``python -m factcheck.rules.docs docs/rules.md`` rewrites it.
"""

from __future__ import annotations

import sys
import typing
from pathlib import Path

from pydantic.fields import FieldInfo

from factcheck.rules.schema import Scope

BEGIN = "<!-- BEGIN GENERATED: scope keys (python -m factcheck.rules.docs docs/rules.md) -->"
END = "<!-- END GENERATED: scope keys -->"


def _type(field: FieldInfo) -> str:
    described = repr(field.annotation) + repr(field.metadata)
    if "date" in described:
        return "date `YYYY-MM-DD`"
    if "MinLen" in described or "list" in described:
        return "list of words (one may be given alone)"
    return str(typing.get_args(field.annotation) or field.annotation)  # pragma: no cover - a new key type


def table() -> str:
    lines = [BEGIN, "", "| key | type | meaning |", "|---|---|---|"]
    for name, field in Scope.model_fields.items():
        lines.append(f"| `{name}` | {_type(field)} | {field.description or ''} |")
    lines += ["", END]
    return "\n".join(lines)


def update(text: str) -> str:
    """``text`` with the generated table replaced."""
    before, found, rest = text.partition(BEGIN)
    if not found:
        raise ValueError(f"marker {BEGIN!r} not found")
    _, found, after = rest.partition(END)
    if not found:
        raise ValueError(f"marker {END!r} not found")
    return before + table() + after


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m factcheck.rules.docs docs/rules.md", file=sys.stderr)
        return 2
    path = Path(args[0])
    path.write_text(update(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
