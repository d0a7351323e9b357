"""``factcheck rules ...``: validate, test and describe rule files.

Problems print one per line as ``file:line:column: message`` on standard error (the
form editors and CI annotate), and the command exits with 2; there is never a
traceback.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from factcheck.cli.help import PlainCommand
from factcheck.cli.options import ConfigOpt
from factcheck.errors import FactcheckError, RuleErrors, UsageError

if TYPE_CHECKING:  # the rules are loaded when a command runs: --help stays quick
    from factcheck.rules.schema import RuleSet

rules_app = typer.Typer(
    name="rules",
    help=(
        "Validate, test and describe rule files.\n\n"
        "Example: factcheck rules validate my-rules/"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DirArg = Annotated[
    Optional[Path],
    typer.Argument(
        help="Folder (or file) of rule files, loaded with the shipped rules as 'factcheck run --rules DIR' loads it (default: the rules a run loads).",
        show_default=False, metavar="DIR",
    ),
]
NoDefaultsOpt = Annotated[bool, typer.Option("--no-default-rules", help="Do not load the shipped rules: DIR alone (or the configuration's rules).")]


@dataclass(frozen=True)
class _Loaded:
    """The rule set ``factcheck run`` would load, and which of its folders are reported
    (DIR, else every folder loaded)."""

    rules: RuleSet
    reported: list[Path]
    names: list[str]  # how each reported folder is named in the output
    others: list[str]  # the folders loaded besides, described


def _load(directory: Path | None, no_default_rules: bool, config: Path | None) -> _Loaded:
    """DIR as ``--rules DIR``: added to the shipped rules (unless ``--no-default-rules``
    or ``default_rules = false``), so that it may use their synonyms, figures and
    places; without DIR, the folders a run loads (the shipped rules and the
    configuration's ``rules``)."""
    from factcheck import pipeline
    from factcheck.cli.rule_options import rule_sources
    from factcheck.util.resources import default_rules

    sources = rule_sources([directory] if directory is not None else None, no_default_rules, config)
    folders = sources.folders()
    if not folders:
        raise UsageError("--no-default-rules drops the shipped rules: name a rule folder (DIR)")
    rules = pipeline.load_rule_set(sources)
    if directory is None:
        return _Loaded(rules, [f for f, _, _ in folders], [f"{shown or f} ({why})" for f, shown, why in folders], [])
    # DIR naming the shipped rules is the shipped folder the run loads (once).
    loaded = default_rules() if sources.defaults and pipeline.names_shipped_rules(directory) else directory
    mine = loaded.resolve()
    others = [
        "the shipped rules" if why == "shipped default" else f"{folder} ({why})"
        for folder, _, why in folders if folder.resolve() != mine
    ]
    return _Loaded(rules, [loaded], [str(directory)], others)


def _loaded_with(loaded: _Loaded) -> str | None:
    """The line that says what was loaded besides DIR (None: nothing)."""
    if not loaded.others:
        return None
    name = loaded.names[0]
    return f"{name}: loaded with {' and '.join(loaded.others)}, as 'factcheck run --rules {name}' loads it (--no-default-rules: alone)"


def _fail(exc: FactcheckError) -> None:
    errors = exc.errors if isinstance(exc, RuleErrors) else [exc]
    for error in errors:
        print(str(error), file=sys.stderr)
    if isinstance(exc, RuleErrors):
        print(f"{len(errors)} error(s)", file=sys.stderr)
    raise typer.Exit(exc.exit_code)


@rules_app.command("validate", cls=PlainCommand)
def validate(directory: DirArg = None, no_default_rules: NoDefaultsOpt = False, config: ConfigOpt = None) -> None:
    """Check every rule file of DIR and report every problem at once. DIR is loaded
    with the shipped rules, as 'factcheck run --rules DIR' loads it (so its figures may
    use their synonyms, such as $people); what DIR itself defines is counted.

    \b
    Examples:
      factcheck rules validate            # the rules a run loads
      factcheck rules validate my-rules/
      factcheck rules validate my-rules/ --no-default-rules   # my-rules/ alone
    """
    from factcheck.rules.summary import counts, files_from

    try:
        loaded = _load(directory, no_default_rules, config)
    except FactcheckError as exc:
        _fail(exc)
        return
    for folder, name in zip(loaded.reported, loaded.names, strict=True):
        print(f"{name}: ok: {counts(loaded.rules, files_from(loaded.rules, [folder])).describe()}")
    note = _loaded_with(loaded)
    if note is not None:
        print(note)


@rules_app.command("test", cls=PlainCommand)
def test(
    directory: DirArg = None,
    no_default_rules: NoDefaultsOpt = False,
    config: ConfigOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List passing cases too.")] = False,
) -> None:
    """Run the rule tests in DIR/tests/*.yaml and print true/false positives and
    negatives per rule; exit 1 when a case fails. The cases are checked with DIR's
    rules and the shipped ones, as 'factcheck run --rules DIR' checks (a finding of any
    of them counts); DIR's checks without a test are listed.

    \b
    Examples:
      factcheck rules test                # the tests of the rules a run loads
      factcheck rules test my-rules/ --verbose
      factcheck rules test my-rules/ --no-default-rules   # my-rules/ alone
    """
    from factcheck.check.ruletests import format_report, run_tests

    try:
        loaded = _load(directory, no_default_rules, config)
        report = run_tests(loaded.rules, loaded.reported)
    except FactcheckError as exc:
        _fail(exc)
        return
    note = _loaded_with(loaded)
    if note is not None:
        print(note)
    print(format_report(report, verbose=verbose))
    if report.failures:
        raise typer.Exit(1)


@rules_app.command("schema", cls=PlainCommand)
def schema(
    tests: Annotated[bool, typer.Option("--tests", help="The schema of rule-test files instead.")] = False,
) -> None:
    """Print the JSON Schema of rule files, for editor completion and checking.

    \b
    Examples:
      factcheck rules schema > factcheck-rules.schema.json
      factcheck rules schema --tests > factcheck-rule-tests.schema.json
    Then start a rule file with:
      # yaml-language-server: $schema=./factcheck-rules.schema.json
    """
    from factcheck.check import REGISTRY
    from factcheck.rules.jsonschema import dumps, rules_schema, tests_schema

    sys.stdout.write(dumps(tests_schema() if tests else rules_schema(REGISTRY)))


@rules_app.command("suggest", cls=PlainCommand)
def suggest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders to read besides the corpus.", show_default=False, metavar="PATH")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The rule file to write; its tests go to tests/ beside it.")] = ...,  # type: ignore[assignment]
    corpus: Annotated[Optional[Path], typer.Option("--corpus", metavar="DIR", help="Folder of reporting to draft rules from (default: the shipped seed corpus).", show_default=False)] = None,
    rules: Annotated[Optional[Path], typer.Option("--rules", metavar="DIR", help="Folder of rule files whose figures are already defined (default: the shipped rules).", show_default=False)] = None,
    min_docs: Annotated[int, typer.Option("--min-docs", metavar="N", min=2, help="Documents a figure needs to be drafted.")] = 2,
    add: Annotated[bool, typer.Option("--add", help="Write into a folder that already holds rule files.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace FILE and its tests if they exist.")] = False,
) -> None:
    """Draft a rule file for review from the figures no rule defines that several
    documents give: a figure, a consistency check and two rule tests (one that must
    flag, one that must pass) for each, every value with a comment naming the claims it
    came from.

    \b
    Examples:
      factcheck rules suggest --corpus archive/ -o drafts/budget.yaml
      factcheck rules validate drafts/ && factcheck rules test drafts/
    """
    from factcheck import pipeline
    from factcheck.cli.config import load_config
    from factcheck.cli.suggest_files import draft_targets, write_drafts
    from factcheck.report.suggest import Draft
    from factcheck.report.suggest import suggest as draft
    from factcheck.report.suggest_check import passing
    from factcheck.report.suggest_yaml import rule_file, tests_file

    command = "factcheck rules suggest" + (f" --corpus {corpus}" if corpus else "") + (f" --min-docs {min_docs}" if min_docs != 2 else "")

    def render(drafts: list[Draft]) -> tuple[str, str]:
        return rule_file(drafts, f"tests/{output.name}", command), tests_file(drafts, output.name)

    try:
        rules_path, tests_path = draft_targets(output, add=add, overwrite=overwrite)
        cfg = load_config().config
        options = pipeline.RunOptions(corpus=corpus if corpus is not None else cfg.corpus, rules=rules if rules is not None else cfg.rules, jobs=1)
        result = pipeline.run(paths or [], options)
        taken = set(result.rule_set.figures) | {c.id for c in result.rule_set.checks}
        kept, left_out = passing(draft(result.report, result.rule_set, min_docs=min_docs, taken=taken), render, result.rule_set.files)
        write_drafts(*render(kept), rules_path, tests_path, result.inputs)
    except FactcheckError as exc:
        _fail(exc)
        return
    print(f"factcheck: drafted {len(kept)} figure(s) into {rules_path} (tests: {tests_path}); review before use", file=sys.stderr)
    if left_out:
        names = ", ".join(d.label for d in left_out[:5]) + (" …" if len(left_out) > 5 else "")
        print(f"factcheck: left out {len(left_out)} figure(s) whose drafted tests did not pass: {names}", file=sys.stderr)
