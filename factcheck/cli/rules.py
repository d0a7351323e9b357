"""``factcheck rules ...``: validate, test and describe rule files.

Problems print one per line as ``file:line:column: message`` on standard error (the
form editors and CI annotate), and the command exits with 2; there is never a
traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.cli.help import PlainCommand
from factcheck.errors import FactcheckError, RuleErrors

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
    typer.Argument(help="Folder of rule files (default: the shipped rules).", show_default=False, metavar="DIR"),
]


def _dir(given: Path | None) -> Path:
    from factcheck.util.resources import default_rules

    return given if given is not None else default_rules()


def _fail(exc: FactcheckError) -> None:
    errors = exc.errors if isinstance(exc, RuleErrors) else [exc]
    for error in errors:
        print(str(error), file=sys.stderr)
    if isinstance(exc, RuleErrors):
        print(f"{len(errors)} error(s)", file=sys.stderr)
    raise typer.Exit(exc.exit_code)


@rules_app.command("validate", cls=PlainCommand)
def validate(directory: DirArg = None) -> None:
    """Check every rule file of DIR and report every problem at once.

    \b
    Examples:
      factcheck rules validate            # the shipped rules
      factcheck rules validate my-rules/
    """
    from factcheck.check import REGISTRY
    from factcheck.rules.load import load_rules

    folder = _dir(directory)
    try:
        rules = load_rules([folder], kinds=REGISTRY)
    except FactcheckError as exc:
        _fail(exc)
        return
    points = sum(len(s.points) for s in rules.series)
    print(
        f"{folder}: ok: {len(rules.files)} file(s), {len(rules.figures)} figure(s), {len(rules.checks)} check(s), "
        f"{len(rules.series)} reference series ({points} values), {len(rules.places)} place(s)"
    )


@rules_app.command("test", cls=PlainCommand)
def test(
    directory: DirArg = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List passing cases too.")] = False,
) -> None:
    """Run the rule tests in DIR/tests/*.yaml and print true/false positives and
    negatives per rule; exit 1 when a case fails.

    \b
    Examples:
      factcheck rules test
      factcheck rules test my-rules/ --verbose
    """
    from factcheck.check import REGISTRY
    from factcheck.check.ruletests import format_report, run_tests
    from factcheck.rules.load import load_rules

    folder = _dir(directory)
    try:
        rules = load_rules([folder], kinds=REGISTRY)
        report = run_tests(rules, [folder])
    except FactcheckError as exc:
        _fail(exc)
        return
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
