"""Shared helpers of the report tests: the view with rule and figure metadata, and
the golden-file comparison (FACTCHECK_UPDATE_GOLDEN=1 rewrites the goldens).

Goldens pin content, not what changes for other reasons: before comparing, both the
output and the golden file are masked (``mask_golden``), and goldens are written
masked. The running package version becomes ``@FACTCHECK_VERSION@``, so a version
bump rewrites no golden; the HTML page's inline style and script, when they are
exactly the shipped assets (factcheck/report/assets/), become ``@REPORT_CSS@`` and
``@REPORT_JS@``, and their hashes in the Content-Security-Policy placeholders too, so
the CSS and JS are not repeated in every HTML golden. ``assert_inlines_shipped_assets``
checks what the masking leaves out: that the page inlines exactly those assets, under
that policy. An inline block that differs from the shipped asset is not masked, so it
also shows in the golden's diff.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from report_fixtures import FIGURE_LABELS

from factcheck import __version__
from factcheck.models import Report
from factcheck.report import FigureInfo, ReportView, RuleInfo

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
SCHEMA = HERE / "sarif-schema-2.1.0.json"
REPO = HERE.parent.parent
ARTIFACTS = REPO / "test-artifacts"
# The golden file of a run report in each format (the same names in golden/ and in
# golden/sample-draft/).
RUN_GOLDENS = {
    "text": "run.text.txt",
    "json": "run.json",
    "html": "run.html",
    "markdown": "run.md",
    "sarif": "run.sarif.json",
    "github": "run.github.txt",
    "csv": "run.csv",
    "jsonl": "run.jsonl",
}

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


# What the package version reads as in the goldens.
VERSION_MASK = "@FACTCHECK_VERSION@"


def shipped_asset(name: str) -> str:
    """factcheck/report/assets/NAME as installed with the package (read here, not taken
    from the formatter, so the tests check what the formatter does with the file)."""
    return (resources.files("factcheck.report") / "assets" / name).read_text(encoding="utf-8")


def inline_block(name: str) -> str:
    """What the page has between ``<style>``/``<script>`` and the closing tag for the
    asset NAME: a newline, then the file."""
    return "\n" + shipped_asset(name)


def csp_hash(block: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii")


def expected_csp() -> str:
    """The page's Content-Security-Policy: nothing but its own inline style and script."""
    return (
        f"default-src 'none'; style-src '{csp_hash(inline_block('report.css'))}'; "
        f"script-src '{csp_hash(inline_block('report.js'))}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


@cache
def _asset_masks() -> list[tuple[str, str]]:
    css, js = inline_block("report.css"), inline_block("report.js")
    return [
        (f"<style>{css}</style>", "<style>@REPORT_CSS@</style>"),
        (f"<script>{js}</script>", "<script>@REPORT_JS@</script>"),
        (csp_hash(css), "sha256-@REPORT_CSS_SHA256@"),
        (csp_hash(js), "sha256-@REPORT_JS_SHA256@"),
    ]


def mask_golden(text: str, version: str = __version__) -> str:
    """``text`` with the running ``version`` and the shipped HTML assets replaced by
    placeholders (see the module docstring); masking a masked text changes nothing."""
    for found, placeholder in _asset_masks():
        text = text.replace(found, placeholder)
    text = text.replace(f"factcheck {version}", f"factcheck {VERSION_MASK}")  # HTML: meta, footer, data block
    # SARIF names it twice in tool.driver, after the tool's name.
    driver = re.compile(
        r'("name": "factcheck",\s*"version": )"' + re.escape(version) + r'"(,\s*"semanticVersion": )"'
        + re.escape(version) + '"'
    )
    return driver.sub(rf'\1"{VERSION_MASK}"\2"{VERSION_MASK}"', text)


def check_golden(name: str, text: str | bytes) -> None:
    """Compare ``text`` with tests/report/golden/NAME, both masked (or rewrite it)."""
    path = GOLDEN / name
    data = mask_golden(text.decode("utf-8") if isinstance(text, bytes) else text).encode("utf-8")
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"golden file {path} is missing; run with FACTCHECK_UPDATE_GOLDEN=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    expected = mask_golden(path.read_bytes().decode("utf-8")).encode("utf-8")
    if data != expected:
        actual = path.with_suffix(path.suffix + ".actual")
        actual.write_bytes(data)
        pytest.fail(
            f"{name} differs from its golden file; the output (masked like the goldens) is in {actual}. If the "
            "change is intended, rerun with FACTCHECK_UPDATE_GOLDEN=1 and review the diff."
        )


def assert_inlines_shipped_assets(page: str) -> None:
    """The HTML page inlines exactly the shipped report.css and report.js, once each, as
    its only style and script (besides the JSON data block, which is not run), and its
    Content-Security-Policy allows those two by hash and nothing else."""
    assert re.findall(r"<style>(.*?)</style>", page, re.DOTALL) == [inline_block("report.css")]
    assert re.findall(r"<script>(.*?)</script>", page, re.DOTALL) == [inline_block("report.js")]
    assert re.findall(r"<script\b[^>]*>", page) == ['<script type="application/json" id="fc-data">', "<script>"]
    assert page.count("<style") == 1
    policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert [html.unescape(p) for p in policies] == [expected_csp()]


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
