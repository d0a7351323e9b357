"""What the commands of ``factcheck.cli.main`` share: their common options, the
``--fail-on`` levels, warnings on stderr, and the parsing of dates, formats and
metadata given on the command line."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.errors import UsageError
from factcheck.load import MetadataOverrides
from factcheck.report import FORMATTERS


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



PathsArg = Annotated[Optional[list[str]], typer.Argument(help="Files or folders to check; '-' reads standard input.", show_default=False, metavar="PATH")]
FormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {', '.join(FORMATTERS)} (default: text, or the configuration's).", show_default=False)]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE instead of standard output.", show_default=False)]
CorpusOpt = Annotated[Optional[Path], typer.Option("--corpus", metavar="DIR", help="Folder of earlier reporting to check against (default: the shipped seed corpus).", show_default=False)]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="Judge figures as of this date YYYY-MM-DD instead of each document's publication date.", show_default=False)]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Configuration file (default: factcheck.toml or [tool.factcheck] in pyproject.toml, found by walking up from the working directory).", show_default=False)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line (text format); no progress bar.")]
TitleOpt = Annotated[Optional[str], typer.Option("--title", metavar="TEXT", help="Title of the checked document(s); beats front matter and manifest.", show_default=False)]
OutletOpt = Annotated[Optional[str], typer.Option("--outlet", metavar="TEXT", help="Outlet of the checked document(s).", show_default=False)]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", metavar="DATE", help="Publication date YYYY-MM-DD of the checked document(s).", show_default=False)]
UrlOpt = Annotated[Optional[str], typer.Option("--url", metavar="URL", help="URL of the checked document(s).", show_default=False)]
