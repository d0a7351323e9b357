"""The checks: one module per kind, each with its documentation, options and code.

Like yamllint's rules, every module here is self-contained: its docstring is the user
documentation of the check (with a passing and a failing example), ``ID`` is the key
that selects it in a rule file, ``Options`` the pydantic record of its options (which
validates rule files and generates the JSON Schema and the docs), ``DEFAULT_MESSAGE``,
``DEFAULT_SEVERITY`` and ``PLACEHOLDERS`` its message, ``SCOPE`` what it reads ("figures":
only the items of figures, ``Context.group`` and the like; "claims": every claim,
``Context.items``; a "claims" check may declare ``SPLIT = "document"``: it compares only
claims of one checked document, in document-id order; or ``SPLIT = "frame"``: it
compares only claims of one frame group, and its ``parts(ctx, count)`` cuts the items
into ranges of groups), ``PROBLEM`` the problem it finds
("disagreement": the claim disagrees with other reports of its figure; "implausible";
"relation") and ``RANK`` which of the
checks of one problem speaks first when several flag one claim (``factcheck.check.merge``:
lowest first; "out of date" explains a disagreement and an apparent fall), and
``check(ctx, rule)`` yields ``Problem``s. ``REGISTRY`` maps each
``ID`` to its module; rule files are validated against it (``load_rules(dirs,
kinds=REGISTRY)``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal, Protocol

from factcheck.check import budget, consistency, internal, monotonic, outdated, parts, range, relation, undefined
from factcheck.check.base import Context, Problem
from factcheck.rules import schema
from factcheck.rules.schema import CheckRule


class CheckKind(schema.CheckKind, Protocol):
    """A check module: what rule loading reads of it (``factcheck.rules.schema.CheckKind``)
    plus what the engine runs."""

    SCOPE: Literal["figures", "claims"]
    PROBLEM: str
    RANK: int

    def check(self, ctx: Context, rule: CheckRule[Any]) -> Iterator[Problem]: ...


# One line per kind: a new check kind is its module and its line here.
REGISTRY: dict[str, CheckKind] = {
    consistency.ID: consistency,
    outdated.ID: outdated,
    monotonic.ID: monotonic,
    relation.ID: relation,
    parts.ID: parts,
    range.ID: range,
    internal.ID: internal,
    undefined.ID: undefined,
    budget.ID: budget,
}

KINDS: tuple[str, ...] = tuple(REGISTRY)


def default_message(kind: str, options: object) -> str:
    """The message a check of ``kind`` uses when the rule gives none."""
    module = REGISTRY[kind]
    chooser = getattr(module, "default_message", None)
    return chooser(options) if chooser is not None else module.DEFAULT_MESSAGE


__all__ = ["KINDS", "REGISTRY", "CheckKind", "default_message"]
