"""The ``factcheck`` command line.

Every command turns user errors (``FactcheckError``) into one line on stderr and the
error's exit code; stdout carries only the report. Exit codes follow CONTRACT.md:
0 no finding at or above ``--fail-on``, 1 there are such findings, 2 bad usage, input,
rule or config file.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from factcheck import __version__
from factcheck.cli.help import PlainCommand
from factcheck.cli.rules import rules_app
from factcheck.cli.serve import serve_command
from factcheck.cli.scale import (
    ClusterOpt,
    IndexFormatChoice,
    IndexFormatOpt,
    IndexOpt,
    JobsOpt,
    cluster_session,
    progress_factory,
)
from factcheck.errors import FactcheckError, UsageError
from factcheck.load import MetadataOverrides
from factcheck.models import SEVERITY_RANK
from factcheck.report import FORMATTERS
from factcheck.report.base import Command
from factcheck.report.write import write_output
from factcheck.util import gcpause

if TYPE_CHECKING:  # the pipeline is imported when a command runs: --help stays quick
    from factcheck.cli.config import Config
    from factcheck.pipeline import RunResult

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
    from factcheck.errors import (
        escape_controls,  # a file name may hold a newline or ESC
    )

    print(f"factcheck: warning: {escape_controls(message)}", file=sys.stderr)


def notice(message: str) -> None:
    """A line on standard error even with --quiet: that a long document is being read."""
    from factcheck.errors import escape_controls

    print(f"factcheck: {escape_controls(message)}", file=sys.stderr, flush=True)


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


def _overrides(title: str | None, outlet: str | None, published: str | None, url: str | None) -> MetadataOverrides:
    return MetadataOverrides(
        title=title, outlet=outlet, published=_parse_date(published, "--published"), url=url
    )


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


PathsArg = Annotated[Optional[list[str]], typer.Argument(help="Files or folders to check; '-' reads standard input.", show_default=False, metavar="PATH")]
FormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {', '.join(FORMATTERS)} (default: text, or the configuration's).", show_default=False)]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE instead of standard output.", show_default=False)]
CorpusOpt = Annotated[Optional[Path], typer.Option("--corpus", metavar="DIR", help="Folder of earlier reporting to check against (default: the shipped seed corpus).", show_default=False)]
RulesOpt = Annotated[Optional[Path], typer.Option("--rules", metavar="DIR", help="Folder of rule files (default: the shipped rules).", show_default=False)]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="Judge figures as of this date YYYY-MM-DD instead of each document's publication date.", show_default=False)]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Configuration file (default: factcheck.toml or [tool.factcheck] in pyproject.toml, found by walking up from the working directory).", show_default=False)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line (text format); no progress bar.")]
TitleOpt = Annotated[Optional[str], typer.Option("--title", metavar="TEXT", help="Title of the checked document(s); beats front matter and manifest.", show_default=False)]
OutletOpt = Annotated[Optional[str], typer.Option("--outlet", metavar="TEXT", help="Outlet of the checked document(s).", show_default=False)]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", metavar="DATE", help="Publication date YYYY-MM-DD of the checked document(s).", show_default=False)]
UrlOpt = Annotated[Optional[str], typer.Option("--url", metavar="URL", help="URL of the checked document(s).", show_default=False)]


def _check(
    paths: list[str],
    corpus: Path | None,
    rules: Path | None,
    as_of: str | None,
    config: Path | None,
    baseline: Path | None,
    overrides: MetadataOverrides,
    quiet: bool,
    jobs: int | None = None,
    index: Path | None = None,
    creating_baseline: bool = False,
    cluster: str | None = None,
    index_format: IndexFormatChoice = IndexFormatChoice.sqlite,
) -> tuple[Config, RunResult]:
    """Load the configuration and the baseline, and run the pipeline: what ``run``,
    ``timeline`` and ``baseline create`` share."""
    from factcheck import pipeline
    from factcheck.cli.config import load_config
    from factcheck.suppress import load_baseline

    cfg = load_config(explicit=config).config
    # The baseline is read first, so that a bad one stops the run before the work; the
    # configured one need not exist yet when 'baseline create' is about to write it.
    baseline_path = baseline if baseline is not None else cfg.baseline
    if creating_baseline and baseline_path is not None and not Path(baseline_path).exists():
        baseline_path = None
    loaded_baseline = load_baseline(baseline_path) if baseline_path is not None else None
    options = pipeline.RunOptions(
        corpus=corpus if corpus is not None else cfg.corpus,
        rules=rules if rules is not None else cfg.rules,
        as_of=_parse_date(as_of, "--as-of"),
        overrides=overrides,
        severity=cfg.severity,
        baseline=loaded_baseline,
        jobs=jobs,
        index=index,
        index_format=index_format.kind,
        warn=warn,
        progress=progress_factory(quiet),
        notice=notice,
    )
    with cluster_session(cluster, quiet) as session:
        return cfg, pipeline.run(paths, replace(options, cluster=session))


def _render(result: RunResult, command: Command, fmt: str, output: Path | None, quiet: bool) -> None:
    from factcheck.report import get_formatter, make_view, terminal_width, use_color

    color = output is None and fmt == "text" and use_color(sys.stdout)
    formatter = get_formatter(fmt, color=color, quiet=quiet, width=terminal_width() if color else None)
    with gcpause.paused():
        view = make_view(result.report, command, result.rule_set)
        rendered = formatter.render(view)
    write_output(rendered, output, result.inputs)
    if fmt != "text" or output is not None:
        # The text report shows its notes; other formats carry them as data, so the
        # warnings a person must see also go to stderr.
        for note in result.report.notes:
            if note.startswith("warning: "):
                warn(note.removeprefix("warning: "))


@app.command(cls=PlainCommand)
def run(
    paths: PathsArg = None,
    corpus: CorpusOpt = None,
    rules: RulesOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", metavar="LEVEL", help="Exit 1 when there is a finding of this severity or above: error, warning, info, or never (default: error, or the configuration's).", show_default=False)] = None,
    as_of: AsOfOpt = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", metavar="FILE", help="Findings recorded in this baseline file (factcheck baseline create) are reported as suppressed.", show_default=False)] = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    url: UrlOpt = None,
    jobs: JobsOpt = None,
    index: IndexOpt = None,
    index_format: IndexFormatOpt = IndexFormatChoice.sqlite,
    cluster: ClusterOpt = None,
) -> None:
    """Check documents against the corpus and the rules, and report what is wrong.

    Without PATH the corpus is checked against itself.

    \b
    Examples:
      factcheck run                    # the shipped corpus against itself
      factcheck run draft.md           # a draft against the shipped corpus
      factcheck run draft.md --corpus archive/ --format html --output report.html
      factcheck run draft.md --corpus archive/ --index default   # after: factcheck index archive/
      factcheck run --corpus archive/ --cluster tcp://scheduler:8786
    """
    if fmt is not None:
        _formatter(fmt)
    cfg, result = _check(
        paths or [], corpus, rules, as_of, config, baseline,
        _overrides(title, outlet, published, url), quiet, jobs=jobs, index=index, cluster=cluster,
        index_format=index_format,
    )
    chosen = fmt if fmt is not None else cfg.format
    _render(result, "run", _formatter(chosen), output, quiet)
    threshold_name = fail_on.value if fail_on is not None else cfg.fail_on
    if threshold_name != "never":
        threshold = SEVERITY_RANK[threshold_name]
        if any(SEVERITY_RANK[f.severity] >= threshold and not f.suppressed for f in result.report.findings):
            raise typer.Exit(1)


@app.command(cls=PlainCommand)
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read; '-' reads standard input.", metavar="PATH")],
    rules: RulesOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
    url: UrlOpt = None,
    jobs: JobsOpt = None,
    index: IndexOpt = None,
    index_format: IndexFormatOpt = IndexFormatChoice.sqlite,
    cluster: ClusterOpt = None,
) -> None:
    """List every numeric claim in the documents, with its interval and context.

    \b
    Examples:
      factcheck extract article.txt
      factcheck extract seeds/ --format json > claims.json
      factcheck extract archive/ --format csv -o claims.csv
      echo "Over 1.4 million people shelter in Rafah." | factcheck extract - --published 2024-03-26
    """
    from factcheck import pipeline

    chosen = _formatter(fmt if fmt is not None else "text")
    with cluster_session(cluster, quiet) as session:
        result = pipeline.extract_report(
            paths,
            pipeline.RunOptions(
                rules=rules, overrides=_overrides(title, outlet, published, url), warn=warn,
                progress=progress_factory(quiet), jobs=jobs, index=index, cluster=session,
                index_format=index_format.kind, notice=notice,
            ),
        )
    _render(result, "extract", chosen, output, quiet)


@app.command("index", cls=PlainCommand)
def index_command(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders whose claims to add to the index.", show_default=False, metavar="PATH")] = None,
    index: Annotated[Optional[Path], typer.Option("--index", metavar="FILE", help="The index file (default: index.sqlite3 in the user cache directory, e.g. ~/.cache/factcheck/; index.parquet with --index-format parquet).", show_default=False)] = None,
    index_format: IndexFormatOpt = IndexFormatChoice.sqlite,
    rules: RulesOpt = None,
    jobs: JobsOpt = None,
    cluster: ClusterOpt = None,
    stats: Annotated[bool, typer.Option("--stats", help="Print what the index holds (after adding PATHs, if any).")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Delete entries of other extractor versions and of content no indexed path has any more.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Build or update the claim index: extract each document once, and again only when
    its text (or the extractor, or the gazetteer) changes.

    `factcheck run --index FILE` and `factcheck extract --index FILE` then skip
    extraction for every unchanged document. Two runs may use one index at once.

    \b
    Examples:
      factcheck index archive/                 # into the default index
      factcheck run draft.md --corpus archive/ --index default
      factcheck index --stats
      factcheck index archive/ --index archive.sqlite3 --jobs 4
      factcheck index archive/ --cluster local:8 --index-format parquet --index archive-index/
    """
    from factcheck import pipeline
    from factcheck.extract.documents import open_index
    from factcheck.extract.index import default_index_path, resolve_index_path

    if not paths and not stats and not prune:
        raise UsageError("give the files or folders to index, or --stats or --prune")
    fmt = index_format.kind
    target = resolve_index_path(index, fmt) if index is not None else default_index_path(fmt)
    if paths:
        with cluster_session(cluster, quiet) as session:
            done = pipeline.index_documents(
                paths, index=target, rules=rules, warn=warn, progress=progress_factory(quiet), jobs=jobs,
                cluster=session, index_format=fmt, notice=notice,
            )
        if not quiet:
            print(
                f"factcheck: indexed {done.documents:,} document(s) in {done.path}: "
                f"{done.extracted:,} extracted, {done.reused:,} unchanged"
                + (f", {done.copies:,} cop{'y' if done.copies == 1 else 'ies'} of another document" if done.copies else "")
                + f"; {done.claims:,} claims",
                file=sys.stderr,
            )
    if (prune or stats) and not target.exists():
        # Asking what is in an index never creates one.
        print(f"index: {target} does not exist (factcheck index PATH... creates it)")
        return
    if prune or stats:
        rule_set = pipeline.load_rule_set(rules)
        with open_index(target, pipeline.gazetteer_for(rule_set), fmt) as claim_index:
            assert claim_index is not None
            if prune:
                deleted = claim_index.prune()
                if not quiet:
                    print(f"factcheck: pruned {deleted:,} entries from {target}", file=sys.stderr)
            if stats:
                print(claim_index.stats().render(), end="")


@app.command(cls=PlainCommand)
def figures(
    paths: PathsArg = None,
    corpus: CorpusOpt = None,
    rules: RulesOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="text, json or csv.")] = "text",
    output: OutputOpt = None,
    min_docs: Annotated[int, typer.Option("--min-docs", metavar="N", min=1, help="Documents a figure no rule defines needs to be listed.")] = 2,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    jobs: JobsOpt = None,
    index: IndexOpt = None,
) -> None:
    """List the figures the corpus talks about: those the rules define, and those no
    rule defines that several documents give, each with its claims' values, sources and
    dates. What to read before deciding which rules to write.

    \b
    Examples:
      factcheck figures --corpus archive/
      factcheck figures --corpus archive/ --format csv -o figures.csv
      factcheck figures draft.md --corpus archive/ --min-docs 3
    """
    from factcheck.report.catalogue import FORMATS, build_catalogue, render

    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: the catalogue is written as one of {', '.join(FORMATS)}")
    _, result = _check(paths or [], corpus, rules, None, config, None, MetadataOverrides(), quiet, jobs=jobs, index=index)
    with gcpause.paused():
        catalogue = build_catalogue(result.report, result.rule_set, min_docs=min_docs)
    write_output(render(catalogue, fmt), output, result.inputs)


@app.command(cls=PlainCommand)
def timeline(
    figure: Annotated[str, typer.Argument(metavar="FIGURE", help="The figure's id or label (see the rules), e.g. gaza_death_toll.")],
    paths: PathsArg = None,
    corpus: CorpusOpt = None,
    rules: RulesOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write an .svg or .png chart (or a .txt table) instead of printing a table.", show_default=False)] = None,
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
) -> None:
    """The series of one figure across the corpus, the checked documents and the
    reference data: a table, or a chart with --output.

    \b
    Examples:
      factcheck timeline gaza_death_toll
      factcheck timeline hostages_held seeds/drafts/ --output hostages.svg
    """
    from factcheck.report import make_view, terminal_width, use_color
    from factcheck.report.timeline import render_timeline

    _, result = _check(paths or [], corpus, rules, as_of, config, None, _overrides(None, None, None, None), False)
    color = output is None and use_color(sys.stdout)
    view = make_view(result.report, "run", result.rule_set)
    content = render_timeline(view, figure, output, color=color, width=terminal_width() if color else 120)
    write_output(content, output, result.inputs)


baseline_app = typer.Typer(help="Record today's findings so that later runs report only new ones.", no_args_is_help=True)


@baseline_app.command("create", cls=PlainCommand)
def baseline_create(
    paths: PathsArg = None,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The baseline file to write.")] = Path("factcheck-baseline.json"),
    corpus: CorpusOpt = None,
    rules: RulesOpt = None,
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write a baseline of the current findings, keyed on fingerprints that survive
    edits elsewhere in the text (rule, figure, value, document; never line numbers).

    \b
    Examples:
      factcheck baseline create archive/ -o baseline.json
      factcheck run archive/ --baseline baseline.json     # only new findings count
    """
    from factcheck.suppress import create_baseline

    _, result = _check(paths or [], corpus, rules, as_of, config, None, _overrides(None, None, None, None), True, creating_baseline=True)
    write_output(create_baseline(result.report), output, result.inputs)
    print(f"factcheck: wrote {len(result.report.findings)} finding(s) to {output}", file=sys.stderr)


config_app = typer.Typer(help="Show the configuration factcheck uses.", no_args_is_help=True)


@config_app.command("show", cls=PlainCommand)
def config_show(config: ConfigOpt = None) -> None:
    """Print the effective configuration as TOML, and where it comes from.

    \b
    Example:
      factcheck config show
    """
    from factcheck.cli.config import load_config, show_config

    print(show_config(load_config(explicit=config)), end="")


app.add_typer(baseline_app, name="baseline")
app.add_typer(config_app, name="config")


app.add_typer(rules_app, name="rules")
app.command("serve", cls=PlainCommand)(serve_command)


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
    except KeyboardInterrupt:  # Ctrl-C outside a command (typer handles it inside one)
        _interrupted()
    except SystemExit as exc:
        # Typer turns Ctrl-C inside a command into a silent exit 130: say what happened.
        # Reports are written to a temporary file and renamed, so none is half-written.
        if exc.code == 130 and isinstance(exc.__context__, Exception) and isinstance(exc.__context__.__cause__, KeyboardInterrupt):
            _interrupted()
        raise


def _interrupted() -> None:
    print("factcheck: interrupted", file=sys.stderr)
    sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
