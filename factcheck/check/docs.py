"""The check-kind reference of docs/rules.md, generated from the check modules.

Each check module's docstring and its ``Options`` record (field types, defaults and
descriptions) and ``PLACEHOLDERS`` are the single source of the reference; this module
renders them as Markdown between two markers in docs/rules.md. A test keeps the file
up to date; ``python -m factcheck.check.docs docs/rules.md`` rewrites it.
"""

from __future__ import annotations

import textwrap
import typing

from pydantic.fields import FieldInfo

from factcheck.util.generated import replace_section, rewrite

from factcheck.check import REGISTRY
from factcheck.rules.messages import COMMON, EVIDENCE

BEGIN = "<!-- BEGIN GENERATED: check kinds (python -m factcheck.check.docs docs/rules.md) -->"
END = "<!-- END GENERATED: check kinds -->"


_TYPES = (  # (text in the annotation's repr, how the docs name the type)
    ("parse_tolerance", "tolerance: `2%`, `5` or `{absolute: 4, relative: 2%}`"),
    ("parse_days", "duration: `14d`, `2w`"),
    ("pattern='^[a-z][a-z0-9_]*$'", "list of figure ids"),
    ("MinLen", "list of words"),
    ("list[str]", "list of regular expressions"),
    ("float", "number"),
    ("bool", "`true` or `false`"),
    ("str", "text"),
)


def _type(field: FieldInfo) -> str:
    described = repr(field.annotation) + repr(field.metadata)
    if typing.get_origin(field.annotation) is typing.Literal:
        return " or ".join(f"`{c}`" for c in typing.get_args(field.annotation))
    for needle, name in _TYPES:
        if needle in described:
            return name
    return described  # pragma: no cover - a new option type: add it above


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    return f"`{field.default!r}`" if field.default is not None else "unset"


def kind_section(kind: str) -> str:
    module = REGISTRY[kind]
    doc = textwrap.dedent(module.__doc__ or "").strip()
    title, _, body = doc.partition("\n")
    lines = [f"### `{kind}`", "", title.split(":", 1)[1].strip().capitalize(), "", textwrap.dedent(body).strip(), ""]
    lines += ["| option | type | default | meaning |", "|---|---|---|---|"]
    for name, field in module.Options.model_fields.items():
        lines.append(f"| `{name}` | {_type(field)} | {_default(field)} | {field.description or ''} |")
    extra = {k: v for k, v in module.PLACEHOLDERS.items() if k not in COMMON and k not in EVIDENCE}
    has_evidence = any(k in module.PLACEHOLDERS for k in EVIDENCE)
    lines += ["", f"Default severity: `{module.DEFAULT_SEVERITY}`. Default message: `{module.DEFAULT_MESSAGE}`", ""]
    lines.append("Placeholders: the common ones" + (", the evidence ones" if has_evidence else "") + (", and:" if extra else "."))
    for name, meaning in extra.items():
        lines.append(f"- `{{{name}}}`: {meaning}")
    return "\n".join(lines).replace("::\n", ":\n").replace("``", "`") + "\n"


def reference() -> str:
    parts = [BEGIN, ""]
    parts += [kind_section(k) for k in REGISTRY]
    parts += [END]
    return "\n".join(parts)


def update(text: str) -> str:
    """``text`` with the generated section replaced."""
    return replace_section(text, BEGIN, END, reference())


def main(argv: list[str] | None = None) -> int:
    return rewrite(argv, "factcheck.check.docs", update)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
