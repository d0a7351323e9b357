"""Reports: one formatter module per output format behind one interface.

A formatter turns a ``Report`` into the text of one output format. ``FORMATTERS`` is
the registry the CLI's ``--format`` chooses from.
"""

from __future__ import annotations

from factcheck.report.base import Formatter, ReportView
from factcheck.report.json_format import JsonFormatter
from factcheck.report.text import TextFormatter

FORMATTERS: dict[str, Formatter] = {
    f.name: f for f in (TextFormatter(), JsonFormatter())
}

__all__ = ["FORMATTERS", "Formatter", "ReportView"]
