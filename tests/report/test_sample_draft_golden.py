"""Every format on the real sample draft, run the way the CLI runs it, compared byte for
byte with golden files (issue 6: "Every format has golden-file tests on the sample
draft; output is byte-identical across runs"), masked as ``report_helpers`` says (the
version and the HTML page's shipped CSS and JS), the page checked to inline exactly
those assets.

``factcheck run seeds/drafts/2024-05-27-rafah-draft.md`` from the repository root, with
the shipped corpus and rules and no configuration: ``report_helpers.run_sample_draft``
mirrors the CLI's ``_check`` and ``_render`` (pipeline, suppressions, view with the rule set), and
one test runs the CLI itself in a subprocess (another process, another hash seed) and
compares its ``--output`` with the same goldens. Paths in the outputs are the relative
ones a user sees: the draft as given, the corpus as ``seeds/...``, the rules as
``rules/...``; nothing depends on the machine.

FACTCHECK_UPDATE_GOLDEN=1 rewrites the goldens (tests/report/golden/sample-draft/).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_helpers import (
    REPO,
    RUN_GOLDENS,
    SAMPLE_DRAFT,
    assert_inlines_shipped_assets,
    check_golden,
    in_directory,
    run_sample_draft,
)

from factcheck.report import FORMATTERS, get_formatter, make_view
from factcheck.report.timeline import timeline_svg, timeline_table

FLAGGED_FIGURES = ["gaza_death_toll", "hostages_held", "rafah_sheltering"]


def golden(name: str) -> str:
    return f"sample-draft/{name}"


@pytest.fixture(scope="module")
def in_repo_root() -> Iterator[None]:
    with in_directory(REPO):
        yield


@pytest.fixture(scope="module")
def result(in_repo_root):  # noqa: ANN001, ANN201
    return run_sample_draft()


def _render(result, fmt: str) -> str:  # noqa: ANN001
    # cli._render with --output (never coloured, the default width).
    return get_formatter(fmt, color=False, quiet=False, width=None).render(make_view(result.report, "run", result.rule_set))


def test_every_format_has_a_sample_draft_golden() -> None:
    assert set(FORMATTERS) == set(RUN_GOLDENS)


@pytest.mark.parametrize("fmt", sorted(RUN_GOLDENS))
def test_sample_draft_golden(result, fmt: str) -> None:  # noqa: ANN001
    check_golden(golden(RUN_GOLDENS[fmt]), _render(result, fmt))


def test_the_sample_draft_page_inlines_exactly_the_shipped_assets(result) -> None:  # noqa: ANN001
    assert_inlines_shipped_assets(_render(result, "html"))


@pytest.mark.parametrize("figure", FLAGGED_FIGURES)
def test_sample_draft_timeline_goldens(result, figure: str) -> None:  # noqa: ANN001
    view = make_view(result.report, "run", result.rule_set)
    check_golden(golden(f"timeline.{figure}.txt"), timeline_table(view, figure))
    check_golden(golden(f"timeline.{figure}.svg"), timeline_svg(view, figure))


def test_the_sample_draft_report_says_what_the_readme_says(result) -> None:  # noqa: ANN001
    text = _render(result, "text")
    assert text.endswith("1 checked document against 5 corpus documents and 2 reference series, 27 claims: "
                         "3 findings (0 errors, 3 warnings, 0 info); 9 figures in the catalogue\n")
    assert sorted(f.rule for f in result.report.findings) == [
        "gaza-toll-outdated", "hostages-held-outdated", "rafah-sheltering-outdated"
    ]


def test_no_output_depends_on_the_machine(result) -> None:  # noqa: ANN001
    for fmt in RUN_GOLDENS:
        out = _render(result, fmt)
        for local in {str(REPO), REPO.as_posix(), str(Path.home())}:
            assert local not in out, (fmt, local)
    paths = {d.path for d in result.report.documents} | {d.path for d in result.report.reference_series}
    assert SAMPLE_DRAFT in paths and "rules/gaza-war.yaml" in paths
    assert all(p == SAMPLE_DRAFT or p.startswith(("seeds/", "rules/")) for p in paths), paths


def test_two_runs_give_identical_bytes(result) -> None:  # noqa: ANN001
    second = run_sample_draft()
    for fmt in RUN_GOLDENS:
        assert _render(result, fmt).encode() == _render(second, fmt).encode(), fmt


@pytest.mark.parametrize("fmt", ["html", "json", "sarif"])
def test_the_cli_writes_the_same_bytes(in_repo_root, tmp_path: Path, fmt: str) -> None:  # noqa: ANN001
    """The CLI itself, in another process with another hash seed, from the repository
    root, with an empty configuration file (so no factcheck.toml above the checkout can
    change the run)."""
    config = tmp_path / "factcheck.toml"
    config.write_text("", encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    env = {**os.environ, "PYTHONHASHSEED": "12345", "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "run", SAMPLE_DRAFT, "--format", fmt, "--output", str(out), "--config", str(config)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr  # warnings only: below the default --fail-on error
    check_golden(golden(RUN_GOLDENS[fmt]), out.read_bytes())
    if fmt == "html":
        assert_inlines_shipped_assets(out.read_bytes().decode("utf-8"))
