"""The ``factcheck`` command line.

Every command turns user errors (``FactcheckError``) into one line on stderr and the
error's exit code; stdout carries only the report. Exit codes follow CONTRACT.md:
0 no finding at or above ``--fail-on``, 1 there are such findings, 2 bad usage, input,
rule or config file.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from factcheck import __version__
from factcheck.cli.help import PlainCommand
from factcheck.cli.options import (
    AsOfOpt,
    ConfigOpt,
    CorpusOpt,
    FailOn,
    FormatOpt,
    OutletOpt,
    OutputOpt,
    PathsArg,
    PublishedOpt,
    QuietOpt,
    TitleOpt,
    UrlOpt,
    _formatter,
    _overrides,
    _parse_date,
    notice,
    warn,
)
from factcheck.cli.rule_options import NoDefaultRulesOpt, RulesOpt, rule_sources
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
from factcheck.cli.records import StrictRecordsOpt, refuse_bad_records
from factcheck.errors import FactcheckError, UsageError
from factcheck.load import MetadataOverrides
from factcheck.models import SEVERITY_RANK
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


def _check(
    paths: list[str],
    corpus: Path | None,
    rules: list[Path] | None,
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
    no_default_rules: bool = False,
    strict_records: bool = False,
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
        rules=rule_sources(rules, no_default_rules, config),
        as_of=_parse_date(as_of, "--as-of"),
        overrides=overrides,
        severity=cfg.severity,
        baseline=loaded_baseline,
        jobs=jobs,
        index=index,
        index_format=index_format.kind,
        warn=warn,
        progress=progress_factory(quiet),
        strict_records=strict_records,
        notice=notice,
    )
    with cluster_session(cluster, quiet) as session:
        return cfg, pipeline.run(paths, replace(options, cluster=session))



def _render(result: RunResult, command: Command, fmt: str, output: Path | None, quiet: bool) -> None:
    from factcheck.report import get_formatter, make_view, terminal_width, use_color

    color = output is None and fmt == "text" and use_color(sys.stdout)
    formatter = get_formatter(fmt, color=color, quiet=quiet, width=terminal_width() if color else None)
    report = result.report
    warnings = [note.removeprefix("warning: ") for note in report.notes if note.startswith("warning: ")]
    if fmt == "text" and output is None and warnings:
        # A warning goes to stderr, one line each, in every format; a text report on
        # stdout would only repeat it there, wrapped to the terminal's width.
        report = report.model_copy(update={"notes": [n for n in report.notes if not n.startswith("warning: ")]})
    with gcpause.paused():
        view = make_view(report, command, result.rule_set)
        rendered = formatter.render(view)
    write_output(rendered, output, result.inputs)
    told = set(result.said)  # said on standard error as the run went
    for message in warnings:
        if message not in told:
            warn(message)


@app.command(cls=PlainCommand)
def run(
    paths: PathsArg = None,
    corpus: CorpusOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultRulesOpt = False,
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
    strict_records: StrictRecordsOpt = False,
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
        index_format=index_format, no_default_rules=no_default_rules, strict_records=strict_records,
    )
    chosen = fmt if fmt is not None else cfg.format
    _render(result, "run", _formatter(chosen), output, quiet)
    refuse_bad_records(result.bad_records)
    threshold_name = fail_on.value if fail_on is not None else cfg.fail_on
    if threshold_name != "never":
        threshold = SEVERITY_RANK[threshold_name]
        if any(SEVERITY_RANK[f.severity] >= threshold and not f.suppressed for f in result.report.findings):
            raise typer.Exit(1)


@app.command(cls=PlainCommand)
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read; '-' reads standard input.", metavar="PATH")],
    rules: RulesOpt = None,
    no_default_rules: NoDefaultRulesOpt = False,
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
    strict_records: StrictRecordsOpt = False,
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
                rules=rule_sources(rules, no_default_rules), overrides=_overrides(title, outlet, published, url), warn=warn,
                progress=progress_factory(quiet), jobs=jobs, index=index, cluster=session,
                index_format=index_format.kind, strict_records=strict_records, notice=notice,
            ),
        )
    _render(result, "extract", chosen, output, quiet)
    refuse_bad_records(result.bad_records)


@app.command("index", cls=PlainCommand)
def index_command(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders whose claims to add to the index.", show_default=False, metavar="PATH")] = None,
    index: Annotated[Optional[Path], typer.Option("--index", metavar="FILE", help="The index file (default: index.sqlite3 in the user cache directory, e.g. ~/.cache/factcheck/; index.parquet with --index-format parquet).", show_default=False)] = None,
    index_format: IndexFormatOpt = IndexFormatChoice.sqlite,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultRulesOpt = False,
    jobs: JobsOpt = None,
    cluster: ClusterOpt = None,
    stats: Annotated[bool, typer.Option("--stats", help="Print what the index holds (after adding PATHs, if any).")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Delete entries of other extractor versions and of content no indexed path has any more.")] = False,
    quiet: QuietOpt = False,
    strict_records: StrictRecordsOpt = False,
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
                paths, index=target, rules=rule_sources(rules, no_default_rules), warn=warn, progress=progress_factory(quiet), jobs=jobs,
                cluster=session, index_format=fmt, strict_records=strict_records, notice=notice,
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
        rule_set = pipeline.load_rule_set(rule_sources(rules, no_default_rules))
        with open_index(target, pipeline.gazetteer_for(rule_set), fmt) as claim_index:
            assert claim_index is not None
            if prune:
                deleted = claim_index.prune()
                if not quiet:
                    print(f"factcheck: pruned {deleted:,} entries from {target}", file=sys.stderr)
            if stats:
                print(claim_index.stats().render(), end="")
    if paths:
        refuse_bad_records(done.bad_records)


@app.command(cls=PlainCommand)
def figures(
    paths: PathsArg = None,
    corpus: CorpusOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultRulesOpt = False,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="text, json or csv.")] = "text",
    output: OutputOpt = None,
    min_docs: Annotated[int, typer.Option("--min-docs", metavar="N", min=1, help="Documents a figure no rule defines needs to be listed.")] = 2,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    jobs: JobsOpt = None,
    index: IndexOpt = None,
    strict_records: StrictRecordsOpt = False,
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
    _, result = _check(paths or [], corpus, rules, None, config, None, MetadataOverrides(), quiet, jobs=jobs, index=index,
                       no_default_rules=no_default_rules, strict_records=strict_records)
    with gcpause.paused():
        catalogue = build_catalogue(result.report, result.rule_set, min_docs=min_docs)
    write_output(render(catalogue, fmt), output, result.inputs)
    refuse_bad_records(result.bad_records)


@app.command(cls=PlainCommand)
def timeline(
    figure: Annotated[str, typer.Argument(metavar="FIGURE", help="The figure's id or label (see the rules), e.g. gaza_death_toll.")],
    paths: PathsArg = None,
    corpus: CorpusOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultRulesOpt = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write an .svg or .png chart (or a .txt table) instead of printing a table.", show_default=False)] = None,
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
    strict_records: StrictRecordsOpt = False,
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

    _, result = _check(paths or [], corpus, rules, as_of, config, None, _overrides(None, None, None, None), False,
                       no_default_rules=no_default_rules, strict_records=strict_records)
    color = output is None and use_color(sys.stdout)
    view = make_view(result.report, "run", result.rule_set)
    content = render_timeline(view, figure, output, color=color, width=terminal_width() if color else 120)
    write_output(content, output, result.inputs)
    refuse_bad_records(result.bad_records)


baseline_app = typer.Typer(help="Record today's findings so that later runs report only new ones.", no_args_is_help=True)


@baseline_app.command("create", cls=PlainCommand)
def baseline_create(
    paths: PathsArg = None,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The baseline file to write.")] = Path("factcheck-baseline.json"),
    corpus: CorpusOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultRulesOpt = False,
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
    strict_records: StrictRecordsOpt = False,
) -> None:
    """Write a baseline of the current findings, keyed on fingerprints that survive
    edits elsewhere in the text (rule, figure, value, document; never line numbers).

    \b
    Examples:
      factcheck baseline create archive/ -o baseline.json
      factcheck run archive/ --baseline baseline.json     # only new findings count
    """
    from factcheck.suppress import create_baseline

    _, result = _check(paths or [], corpus, rules, as_of, config, None, _overrides(None, None, None, None), True,
                       creating_baseline=True, no_default_rules=no_default_rules, strict_records=strict_records)
    write_output(create_baseline(result.report), output, result.inputs)
    print(f"factcheck: wrote {len(result.report.findings)} finding(s) to {output}", file=sys.stderr)
    refuse_bad_records(result.bad_records)


config_app = typer.Typer(help="Show the configuration factcheck uses.", no_args_is_help=True)


@config_app.command("show", cls=PlainCommand)
def config_show(
    config: ConfigOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultRulesOpt = False,
    document: Annotated[Optional[list[str]], typer.Option("--document", metavar="PATH", help="Also say which rule files apply to this document (or each document of this folder), and why; repeatable.", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="text (TOML, the rule files as comments) or json.")] = "text",
) -> None:
    """Print the effective configuration as TOML, where it comes from, and the rule
    files a run loads: why each (shipped default, --rules, configuration file) and the
    documents each applies to (its scope).

    \b
    Examples:
      factcheck config show
      factcheck config show --rules topics/city-budget/ --document draft.md --format json
    """
    from factcheck.cli.config import load_config
    from factcheck.cli.config_show import render

    print(render(load_config(explicit=config), rule_sources(rules, no_default_rules, config), document or [], fmt), end="")


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
