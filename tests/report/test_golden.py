"""Every format on the synthetic report, compared with golden files (byte for byte once
masked: see ``report_helpers``), and byte-identical from one render to the next (also
in another process with another hash seed, so no output depends on set or dict order).
What the masking leaves out is checked here too: the HTML page inlines exactly the
shipped CSS and JS, and a new package version changes nothing else."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from report_helpers import GOLDEN, HERE, RUN_GOLDENS, assert_inlines_shipped_assets, check_golden, make_view, mask_golden
from report_fixtures import build_suppressed_report

from factcheck.report import FORMATTERS, get_formatter
from factcheck.report.text import TextFormatter
from factcheck.report.timeline import timeline_svg, timeline_table

EXTRACT_GOLDENS = {
    "text": "extract.text.txt",
    "json": "extract.json",
    "html": "extract.html",
    "markdown": "extract.md",
    "csv": "extract.csv",
}


def test_every_registered_format_has_a_golden() -> None:
    assert set(FORMATTERS) == set(RUN_GOLDENS)


@pytest.mark.parametrize("fmt", sorted(RUN_GOLDENS))
def test_run_golden(fmt: str) -> None:
    check_golden(RUN_GOLDENS[fmt], FORMATTERS[fmt].render(make_view(build_suppressed_report())))


@pytest.mark.parametrize("fmt", sorted(EXTRACT_GOLDENS))
def test_extract_golden(fmt: str) -> None:
    report = build_suppressed_report()
    report = report.model_copy(update={"findings": [], "notes": []})
    check_golden(EXTRACT_GOLDENS[fmt], FORMATTERS[fmt].render(make_view(report, "extract")))


def test_html_pages_inline_exactly_the_shipped_assets() -> None:
    report = build_suppressed_report()
    extract = report.model_copy(update={"findings": [], "notes": []})
    for view in (make_view(report), make_view(extract, "extract")):
        assert_inlines_shipped_assets(FORMATTERS["html"].render(view))


HTML_GOLDENS = ["run.html", "extract.html", "sample-draft/run.html"]


def test_goldens_are_stored_masked() -> None:
    """No golden repeats the CSS, the JS or the version (FACTCHECK_UPDATE_GOLDEN=1 writes
    them masked; a golden written some other way would still compare, but show here)."""
    goldens = sorted(p for p in GOLDEN.rglob("*") if p.is_file() and p.suffix != ".actual")
    assert len(goldens) > 20
    for path in goldens:
        text = path.read_bytes().decode("utf-8")
        assert mask_golden(text) == text, path
    for name in HTML_GOLDENS:
        text = (GOLDEN / name).read_bytes().decode("utf-8")
        for placeholder in ("<style>@REPORT_CSS@</style>", "<script>@REPORT_JS@</script>",
                            "style-src 'sha256-@REPORT_CSS_SHA256@'", "script-src 'sha256-@REPORT_JS_SHA256@'",
                            '<meta name="generator" content="factcheck @FACTCHECK_VERSION@">'):
            assert placeholder.replace("'", "&#x27;") in text, (name, placeholder)


def test_a_version_bump_rewrites_no_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("html", "sarif"):
        monkeypatch.setattr(f"factcheck.report.{module}.__version__", "9.8.7")
    view = make_view(build_suppressed_report())
    for fmt, name in (("html", "run.html"), ("sarif", "run.sarif.json")):
        out = FORMATTERS[fmt].render(view)
        assert "9.8.7" in out
        assert mask_golden(out, "9.8.7") == (GOLDEN / name).read_bytes().decode("utf-8"), fmt


def test_text_color_and_quiet_goldens() -> None:
    view = make_view(build_suppressed_report())
    check_golden("run.text-color.txt", TextFormatter(color=True).render(view))
    check_golden("run.text-quiet.txt", get_formatter("text", quiet=True).render(view))


@pytest.mark.parametrize("figure", ["gaza_death_toll", "rafah_sheltering", "hostages_held"])
def test_timeline_goldens(figure: str) -> None:
    view = make_view(build_suppressed_report())
    check_golden(f"timeline.{figure}.txt", timeline_table(view, figure))
    check_golden(f"timeline.{figure}.svg", timeline_svg(view, figure))


@pytest.mark.parametrize("fmt", sorted(RUN_GOLDENS))
def test_two_renders_are_byte_identical(fmt: str) -> None:
    first = FORMATTERS[fmt].render(make_view(build_suppressed_report()))
    second = FORMATTERS[fmt].render(make_view(build_suppressed_report()))
    assert first.encode() == second.encode()


_SCRIPT = """
import hashlib, json, sys
sys.path[:0] = [{here!r}]
from report_helpers import make_view
from report_fixtures import build_suppressed_report
from factcheck.report import FORMATTERS
from factcheck.report.timeline import timeline_svg
view = make_view(build_suppressed_report())
out = {{name: hashlib.sha256(f.render(view).encode()).hexdigest() for name, f in FORMATTERS.items()}}
out["svg"] = hashlib.sha256(timeline_svg(view, "gaza_death_toll").encode()).hexdigest()
print(json.dumps(out, sort_keys=True))
"""


def test_output_does_not_depend_on_the_process() -> None:
    """Two processes with different hash seeds give the same bytes for every format."""
    results = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "", "COLUMNS": "37"}
        proc = subprocess.run(
            [sys.executable, "-c", _SCRIPT.format(here=str(HERE))],
            capture_output=True, text=True, env=env, timeout=120, check=True,
        )
        results.append(json.loads(proc.stdout))
    assert results[0] == results[1]


def test_json_output_keeps_the_contract(view) -> None:  # noqa: ANN001
    """json_format is the contract: suppressed findings stay listed, marked suppressed."""
    data = json.loads(FORMATTERS["json"].render(view))
    assert data["version"] == 1
    by_id = {f["id"]: f for f in data["findings"]}
    assert by_id["f-135"]["suppressed"] is True
    assert by_id["f-135"]["fingerprint"]
    for f in data["findings"]:
        for key in ("id", "rule", "kind", "severity", "message", "claim", "evidence", "figure"):
            assert key in f
