"""Reports: one formatter module per output format behind one interface.

A formatter turns a ``ReportView`` (a ``Report`` plus look-ups) into the text of one
output format. ``FORMATTERS`` is the registry the CLI's ``--format`` chooses from;
``get_formatter`` gives one configured for the terminal (colour, width, ``--quiet``).

| name     | module          | for                                                     |
|----------|-----------------|---------------------------------------------------------|
| text     | text.py         | the terminal (rich; plain when not a TTY or NO_COLOR)    |
| json     | json_format.py  | tools: the contract of CONTRACT.md                       |
| html     | html.py         | editors: one offline page, evidence on click, timelines  |
| markdown | markdown.py     | a CMS note, chat message or review comment               |
| sarif    | sarif.py        | code-scanning tools (SARIF 2.1.0)                        |
| github   | github.py       | GitHub Actions annotations                               |
| csv      | csv_format.py   | claims for spreadsheets                                  |
| jsonl    | jsonl.py        | claims as JSON Lines                                     |
"""

from __future__ import annotations

from factcheck.report.base import FigureInfo, Formatter, ReportView, RuleInfo
from factcheck.report.csv_format import CsvFormatter
from factcheck.report.github import GithubFormatter
from factcheck.report.html import HtmlFormatter
from factcheck.report.json_format import JsonFormatter
from factcheck.report.jsonl import JsonlFormatter
from factcheck.report.markdown import MarkdownFormatter
from factcheck.report.metadata import make_view
from factcheck.report.sarif import SarifFormatter
from factcheck.report.text import TextFormatter, terminal_width, use_color

FORMATTERS: dict[str, Formatter] = {
    f.name: f
    for f in (
        TextFormatter(),
        JsonFormatter(),
        HtmlFormatter(),
        MarkdownFormatter(),
        SarifFormatter(),
        GithubFormatter(),
        CsvFormatter(),
        JsonlFormatter(),
    )
}


def get_formatter(name: str, *, color: bool = False, quiet: bool = False, width: int | None = None) -> Formatter:
    """The formatter for ``--format name``; the text one coloured, sized or quiet as
    asked (other formats ignore those: their output never depends on the terminal)."""
    if name == "text" and (color or quiet or width):
        return TextFormatter(color=color, quiet=quiet, width=width or TextFormatter().width)
    return FORMATTERS[name]


__all__ = [
    "FORMATTERS",
    "FigureInfo",
    "Formatter",
    "ReportView",
    "RuleInfo",
    "get_formatter",
    "make_view",
    "terminal_width",
    "use_color",
]
