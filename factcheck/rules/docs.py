"""The table of a rule file's ``scope:`` keys in docs/rules.md, generated from the
``Scope`` record (field names, types and descriptions) so that the page cannot drift
from what the loader accepts. A test keeps the file up to date;
``python -m factcheck.rules.docs docs/rules.md`` rewrites it.
"""

from __future__ import annotations

import typing

from pydantic.fields import FieldInfo

from factcheck.util.generated import replace_section, rewrite

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
    return replace_section(text, BEGIN, END, table())


def main(argv: list[str] | None = None) -> int:
    return rewrite(argv, "factcheck.rules.docs", update)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
