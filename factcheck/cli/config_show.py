"""``factcheck config show``: the effective configuration, the rule files a run would
load and why (the shipped default, ``--rules``, the configuration file), the scope of
each, and, for documents given with ``--document``, which files apply to each and why.

The text form is the configuration as TOML (``factcheck.cli.config.show_config``)
followed by the rule files as comments, so that it still pastes into a factcheck.toml;
the JSON form is the ``ConfigReport`` record.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from factcheck.cli.config import LoadedConfig, show_config
from factcheck.errors import UsageError
from factcheck.pipeline import RuleSources


class RuleFileRecord(BaseModel):
    """One rule file a run loads: how it is shown, why it is loaded, its scope."""

    model_config = ConfigDict(extra="forbid")

    file: str
    loaded_because: str
    scope: dict[str, Any] | None = None
    applies_to: str


class FileVerdict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    applies: bool
    why: str


class DocumentRecord(BaseModel):
    """Which rule files apply to one document, and why."""

    model_config = ConfigDict(extra="forbid")

    path: str
    files: list[FileVerdict]


class ConfigReport(BaseModel):
    """What ``factcheck config show --format json`` prints."""

    model_config = ConfigDict(extra="forbid")

    source: str | None
    configuration: dict[str, Any]
    rule_files: list[RuleFileRecord]
    documents: list[DocumentRecord] = []


def config_report(loaded: LoadedConfig, sources: RuleSources, documents: Sequence[str] = ()) -> ConfigReport:
    """The configuration, the rule files of ``sources`` and, for each of ``documents``
    (paths, as ``factcheck run`` reads them), the files that apply to it."""
    from factcheck import pipeline
    from factcheck.load import load_documents
    from factcheck.match import Matcher
    from factcheck.match.scope import Scopes
    from factcheck.rules.load import rule_files

    rules = pipeline.load_rule_set(sources)
    why: dict[str, str] = {}
    for folder, shown_as, reason in sources.folders():
        for _, shown in rule_files([folder], [shown_as])[0]:
            why.setdefault(shown, reason)
    records = []
    for shown in rules.shown:
        scope = rules.scopes.get(shown)
        records.append(RuleFileRecord(
            file=shown,
            loaded_because=why.get(shown, "--rules"),
            scope=scope.model_dump(mode="json", exclude_defaults=True) if scope is not None else None,
            applies_to=scope.describe() if scope is not None else "every document",
        ))
    out: list[DocumentRecord] = []
    if documents:
        scopes = Scopes(rules, Matcher(rules).gazetteer)
        for doc in load_documents(list(documents), role="checked"):
            verdicts = scopes.verdicts(doc)
            files = [
                FileVerdict(file=shown, applies=verdicts[shown].applies, why=verdicts[shown].why)
                if shown in verdicts else FileVerdict(file=shown, applies=True, why="no scope: every document")
                for shown in rules.shown
            ]
            out.append(DocumentRecord(path=doc.path, files=files))
    configuration = json.loads(loaded.config.model_dump_json())
    # What the run uses: --rules and --no-default-rules beat the file.
    configuration["rules"] = [folder.as_posix() for folder in sources.added]
    configuration["default_rules"] = sources.defaults
    return ConfigReport(
        source=str(loaded.source) if loaded.source is not None else None,
        configuration=configuration,
        rule_files=records,
        documents=out,
    )


def render_text(loaded: LoadedConfig, report: ConfigReport) -> str:
    """The configuration as TOML, then the rule files and documents as comments."""
    lines = [show_config(loaded).rstrip("\n"), "", "# rule files loaded, in order (why; what they apply to):"]
    width = max((len(r.file) for r in report.rule_files), default=0)
    for r in report.rule_files:
        lines.append(f"#   {r.file.ljust(width)}  {r.loaded_because}; {r.applies_to}")
    for doc in report.documents:
        lines.append("")
        lines.append(f"# rule files for {doc.path}:")
        for f in doc.files:
            lines.append(f"#   {f.file.ljust(width)}  {'applies' if f.applies else 'does not apply'}: {f.why}")
    return "\n".join(lines) + "\n"


def render(loaded: LoadedConfig, sources: RuleSources, documents: Sequence[str], fmt: str) -> str:
    """``factcheck config show`` in ``fmt`` (text or json)."""
    if fmt not in ("text", "json"):
        raise UsageError(f"--format {fmt}: config show writes text or json")
    report = config_report(loaded, sources, documents)
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    return render_text(loaded, report)
