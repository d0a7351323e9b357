"""Shared helpers of the report tests: the view with rule and figure metadata, and
the golden-file comparison (FACTCHECK_UPDATE_GOLDEN=1 rewrites the goldens)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from report_fixtures import FIGURE_LABELS

from factcheck.models import Report
from factcheck.report import FigureInfo, ReportView, RuleInfo

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
SCHEMA = HERE / "sarif-schema-2.1.0.json"
REPO = HERE.parent.parent
ARTIFACTS = REPO / "test-artifacts"

# FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/report  rewrites the golden files.
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN", "") not in ("", "0")

FIGURES = {k: FigureInfo(k, label) for k, label in FIGURE_LABELS.items()}
RULES = {
    "gaza-toll-outdated": RuleInfo(
        "gaza-toll-outdated", "outdated", "error",
        "The Gaza death toll stated is older than the latest figure",
        "Repeat the ministry's latest figure with its date, or date the figure you quote.",
    ),
}


def make_view(report: Report, command: str = "run") -> ReportView:
    return ReportView(report, command, rules=RULES, figures=FIGURES)  # type: ignore[arg-type]


def check_golden(name: str, text: str | bytes) -> None:
    """Compare ``text`` with tests/report/golden/NAME byte for byte (or rewrite it)."""
    path = GOLDEN / name
    data = text.encode("utf-8") if isinstance(text, str) else text
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"golden file {path} is missing; run with FACTCHECK_UPDATE_GOLDEN=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    expected = path.read_bytes()
    if data != expected:
        actual = path.with_suffix(path.suffix + ".actual")
        actual.write_bytes(data)
        pytest.fail(
            f"{name} differs from its golden file; the output is in {actual}. If the change is intended, "
            "rerun with FACTCHECK_UPDATE_GOLDEN=1 and review the diff."
        )


# The sample draft of the README, as `factcheck run` is given it from the repository root.
SAMPLE_DRAFT = "seeds/drafts/2024-05-27-rafah-draft.md"


@contextmanager
def in_directory(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_sample_draft():  # noqa: ANN201
    """``factcheck run SAMPLE_DRAFT`` as the CLI's ``_check`` does it (call from the
    repository root): the pipeline with the default configuration (no --corpus, --rules,
    --as-of, metadata options or baseline). Returns the ``RunResult`` (report, rule set,
    inputs) that the CLI renders."""
    from factcheck import pipeline
    from factcheck.cli.config import Config
    from factcheck.load import MetadataOverrides

    cfg = Config()
    options = pipeline.RunOptions(
        corpus=cfg.corpus,
        rules=cfg.rules,
        overrides=MetadataOverrides(title=None, outlet=None, published=None, url=None),
        severity=cfg.severity,
    )
    return pipeline.run([SAMPLE_DRAFT], options)
