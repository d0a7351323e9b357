"""The options that say which rule folders a command loads: ``--rules DIR``
(repeatable), added to the shipped rules, and ``--no-default-rules``, which drops them;
without ``--rules``, the configuration's ``rules`` list and ``default_rules``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:  # the pipeline is imported when a command runs: --help stays quick
    from factcheck.pipeline import RuleSources

RulesOpt = Annotated[Optional[list[Path]], typer.Option("--rules", metavar="DIR", help="A folder (or file) of rule files to add to the shipped rules; repeat it for several (default: the configuration's).", show_default=False)]
NoDefaultRulesOpt = Annotated[bool, typer.Option("--no-default-rules", help="Do not load the shipped rules: only the --rules folders (or the configuration's).")]


def rule_sources(rules: list[Path] | None, no_default_rules: bool, config: Path | None = None) -> RuleSources:
    """The rule folders of a command: ``--rules`` (else the configuration's ``rules``)
    added to the shipped rules, which ``--no-default-rules`` (or ``default_rules =
    false``) drops."""
    from factcheck.cli.config import load_config
    from factcheck.pipeline import RuleSources

    loaded = load_config(explicit=config)
    cfg = loaded.config
    defaults = cfg.default_rules and not no_default_rules
    if rules:
        return RuleSources(tuple(rules), defaults, ("--rules",) * len(rules))
    why = f"configuration file {loaded.source}" if loaded.source is not None else "configuration"
    return RuleSources(tuple(cfg.rules), defaults, (why,) * len(cfg.rules))
