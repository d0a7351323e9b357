from __future__ import annotations

import pytest
from report_fixtures import build_report, build_suppressed_report
from report_helpers import make_view

from factcheck.models import Report
from factcheck.report import ReportView


@pytest.fixture
def report() -> Report:
    return build_suppressed_report()


@pytest.fixture
def raw_report() -> Report:
    return build_report()


@pytest.fixture
def view(report: Report) -> ReportView:
    return make_view(report)
