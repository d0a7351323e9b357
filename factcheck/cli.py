"""The ``factcheck`` command line.

Every command turns user errors (``FactcheckError``) into one line on stderr and the
error's exit code; stdout carries only the report. Exit codes follow CONTRACT.md:
0 no finding at or above ``--fail-on``, 1 there are such findings, 2 bad usage, input,
rule or config file.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck import __version__
from factcheck.errors import FactcheckError, UsageError
from factcheck.models import SEVERITY_RANK, Report
from factcheck.output import write_output
from factcheck.report import FORMATTERS, ReportView
from factcheck.report.base import Command

app = typer.Typer(
    name="factcheck",
    help=(
        "Check the figures in news copy against each other, against earlier reporting "
        "and against dated reference figures.\n\n"
        "Example: factcheck run draft.md --corpus archive/"
    ),
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def warn(message: str) -> None:
    print(f"factcheck: warning: {message}", file=sys.stderr)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: expected a date as YYYY-MM-DD") from None


def _formatter(name: str) -> str:
    if name not in FORMATTERS:
        known = ", ".join(sorted(FORMATTERS))
        raise UsageError(f"--format {name!r}: unknown format; choose one of {known}")
    return name


def _overrides(title: str | None, outlet: str | None, published: str | None, url: str | None):  # noqa: ANN202
    from factcheck.load import MetadataOverrides

    return MetadataOverrides(
        title=title, outlet=outlet, published=_parse_date(published, "--published"), url=url
    )


def _emit(report: Report, fmt: str, output: Path | None, command: Command) -> None:
    write_output(FORMATTERS[fmt].render(ReportView(report, command)), output)


def _version(value: bool) -> None:
    if value:
        print(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """Check the figures in news copy against each other, against earlier reporting and
    against dated reference figures."""


PathsArg = Annotated[Optional[list[str]], typer.Argument(help="Files or folders to check; '-' reads standard input.", show_default=False, metavar="[PATH]")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {', '.join(sorted(FORMATTERS))}.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE instead of standard output.", show_default=False)]
RulesOpt = Annotated[Optional[Path], typer.Option("--rules", metavar="DIR", help="Folder of rule files (default: the shipped rules).", show_default=False)]
TitleOpt = Annotated[Optional[str], typer.Option("--title", help="Title of the checked document(s); beats front matter and manifest.", show_default=False)]
OutletOpt = Annotated[Optional[str], typer.Option("--outlet", help="Outlet of the checked document(s).", show_default=False)]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", metavar="DATE", help="Publication date YYYY-MM-DD of the checked document(s).", show_default=False)]
UrlOpt = Annotated[Optional[str], typer.Option("--url", help="URL of the checked document(s).", show_default=False)]


@app.command()
def run(
    paths: PathsArg = None,
    corpus: Annotated[Optional[Path], typer.Option("--corpus", metavar="DIR", help="Folder of earlier reporting to check against (default: the shipped seed corpus).", show_default=False)] = None,
    rules: RulesOpt = None,
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when there is a finding of this severity or above.")] = FailOn.error,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="Judge figures as of this date YYYY-MM-DD instead of each document's publication date.", show_default=False)] = None,
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    url: UrlOpt = None,
) -> None:
    """Check documents against the corpus and the rules, and report what is wrong.

    Without PATH the corpus is checked against itself.

    \b
    Examples:
      factcheck run                    # the shipped corpus against itself
      factcheck run draft.md           # a draft against the shipped corpus
      factcheck run draft.md --corpus archive/ --format json --output report.json
    """
    from factcheck import pipeline

    _formatter(fmt)
    report = pipeline.run(
        paths or [],
        corpus=corpus,
        rules=rules,
        as_of=_parse_date(as_of, "--as-of"),
        overrides=_overrides(title, outlet, published, url),
        warn=warn,
    )
    _emit(report, fmt, output, "run")
    if fail_on is not FailOn.never:
        threshold = SEVERITY_RANK[fail_on.value]
        if any(SEVERITY_RANK[f.severity] >= threshold and not f.suppressed for f in report.findings):
            raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read; '-' reads standard input.", metavar="PATH")],
    rules: RulesOpt = None,
    fmt: FormatOpt = "text",
    output: OutputOpt = None,
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    url: UrlOpt = None,
) -> None:
    """List every numeric claim in the documents, with its interval and context.

    \b
    Examples:
      factcheck extract article.txt
      factcheck extract seeds/ --format json > claims.json
      echo "Over 1.4 million people shelter in Rafah." | factcheck extract - --published 2024-03-26
    """
    from factcheck import pipeline

    _formatter(fmt)
    report = pipeline.extract_report(paths, rules=rules, overrides=_overrides(title, outlet, published, url), warn=warn)
    _emit(report, fmt, output, "extract")


def _mount_rules() -> None:
    try:
        from factcheck.cli_rules import rules_app
    except ImportError:  # the rule engine's commands are not built yet
        rules_app = typer.Typer(help="Validate, test and describe rule files.")

        @rules_app.command("validate")
        def _validate() -> None:
            """Validate rule files (not implemented yet)."""
            raise UsageError("'factcheck rules validate' is not implemented yet")

    app.add_typer(rules_app, name="rules")


_mount_rules()


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point. Typer handles usage errors (exit 2); a
    ``FactcheckError`` raised by a command becomes one line per problem on stderr and
    the error's own exit code, never a traceback."""
    try:
        app(args=argv, prog_name="factcheck")
    except FactcheckError as exc:
        for line in str(exc).splitlines():
            print(f"factcheck: error: {line}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # `factcheck ... | head` closed the pipe: not an error
        sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
