"""Rules that researchers write in YAML: figures, checks and reference series.

``load_rules(dirs)`` (in ``factcheck.rules.load``) reads every rule file of the given
folders into a ``RuleSet`` (``factcheck.rules.schema``), reporting every problem of
every file at once as ``RuleErrors``. This package imports nothing eagerly: the check
modules import its small helpers (types, messages) and the schema imports the checks.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RuleSet", "load_rules"]


def __getattr__(name: str) -> Any:
    if name == "load_rules":
        from factcheck.rules.load import load_rules

        return load_rules
    if name == "RuleSet":
        from factcheck.rules.schema import RuleSet

        return RuleSet
    raise AttributeError(name)
