"""The checks: one module per kind, each with its documentation, options and code.

Like yamllint's rules, every module here is self-contained: its docstring is the user
documentation of the check (with a passing and a failing example), ``ID`` is the key
that selects it in a rule file, ``Options`` the pydantic record of its options (which
validates rule files and generates the JSON Schema and the docs), ``DEFAULT_MESSAGE``,
``DEFAULT_SEVERITY`` and ``PLACEHOLDERS`` its message, ``SCOPE`` what it reads ("figures":
only the items of figures, ``Context.group`` and the like; "claims": every claim,
``Context.items``), and ``check(ctx, rule)`` yields ``Problem``s. ``REGISTRY`` maps each ``ID`` to its module; the set is closed.
"""

from __future__ import annotations

from types import ModuleType

from factcheck.check import consistency, internal, monotonic, outdated, range, relation

REGISTRY: dict[str, ModuleType] = {
    module.ID: module for module in (consistency, outdated, monotonic, relation, range, internal)
}

KINDS: tuple[str, ...] = tuple(REGISTRY)


def default_message(kind: str, options: object) -> str:
    """The message a check of ``kind`` uses when the rule gives none."""
    module = REGISTRY[kind]
    chooser = getattr(module, "default_message", None)
    return chooser(options) if chooser is not None else module.DEFAULT_MESSAGE


__all__ = ["KINDS", "REGISTRY", "default_message"]
