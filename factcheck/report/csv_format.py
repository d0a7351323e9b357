"""CSV of claims, one row per claim, for researchers who live in spreadsheets.

A header row, then every contract field and the extras of ``claims_table.FIELDS``.
RFC 4180: comma-separated, double quotes where needed, CRLF line ends, UTF-8. Numbers
stay numbers (``30000``, ``33.333333333333336``), booleans are ``true``/``false``,
lists are joined with ``;``, missing values are empty. Text cells that start with
``=``, ``+``, ``-``, ``@``, TAB or CR get a leading apostrophe so that no spreadsheet
runs them as a formula (numbers are never prefixed: ``-5`` stays a number).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from factcheck.report.base import ReportView
from factcheck.report.claims_table import FIELDS, claim_records
from factcheck.report.escape import csv_text, strip_controls


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value == int(value) and abs(value) < 1e15 else repr(value)
    if isinstance(value, list):
        return csv_text(";".join(_cell(v) for v in value))
    return csv_text(strip_controls(str(value)))


class CsvFormatter:
    name = "csv"
    description = "claims as CSV, one row per claim, for spreadsheets"

    def render(self, view: ReportView) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(FIELDS)
        for record in claim_records(view):
            writer.writerow([_cell(record[k]) for k in FIELDS])
        return buffer.getvalue()
