"""Suppression per reason, end to end: a draft whose one figure two checks flag (it
disagrees with the ministry's count of its day, and is lower than an earlier count)
gets one finding with two reasons; a marker or baseline that names one check silences
that reason only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

SENTENCE = "The Gaza health ministry said on Monday that 31,000 Palestinians have been killed in the war.\n"
FRONT = "---\ntitle: Test draft\npublished: 2024-05-27\n---\n"


def _run(tmp_path: Path, *args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=tmp_path, capture_output=True, text=True, timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))


def _draft(tmp_path: Path, marker: str = "") -> None:
    (tmp_path / "draft.md").write_text(FRONT + marker + SENTENCE, encoding="utf-8")


def _the_finding(report: dict[str, Any]) -> dict[str, Any]:
    [finding] = report["findings"]
    return finding


def test_two_checks_on_one_figure_make_one_finding_with_both_reasons(tmp_path: Path) -> None:
    _draft(tmp_path)
    f = _the_finding(_run(tmp_path, "run", "draft.md", "--format", "json", "-o", "out.json"))
    assert [r["rule"] for r in f["reasons"]] == ["gaza-toll-consistency", "only-grows"]
    assert f["rule"] == "gaza-toll-consistency" and not f["suppressed"]


def test_a_marker_naming_one_check_leaves_the_other_reason_standing(tmp_path: Path) -> None:
    _draft(tmp_path, '<!-- factcheck: ignore gaza-toll-consistency reason="the ministry figure we quote" -->\n')
    f = _the_finding(_run(tmp_path, "run", "draft.md", "--format", "json", "-o", "out.json"))
    assert not f["suppressed"]
    assert f["rule"] == "only-grows"  # the reason still standing speaks for the finding
    assert {r["rule"]: r["suppressed"] for r in f["reasons"]} == {"only-grows": False, "gaza-toll-consistency": True}


def test_markers_naming_both_checks_suppress_the_finding(tmp_path: Path) -> None:
    _draft(tmp_path, '<!-- factcheck: ignore gaza-toll-consistency, only-grows reason="quoted on purpose" -->\n')
    f = _the_finding(_run(tmp_path, "run", "draft.md", "--format", "json", "-o", "out.json"))
    assert f["suppressed"]
    assert all(r["suppressed"] for r in f["reasons"])


def test_a_baseline_records_every_reason_and_accepts_the_finding(tmp_path: Path) -> None:
    _draft(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "factcheck", "baseline", "create", "draft.md", "-o", "baseline.json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True, stdin=subprocess.DEVNULL,
    )
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert "only-grows" in json.dumps(recorded) and "gaza-toll-consistency" in json.dumps(recorded)
    f = _the_finding(_run(tmp_path, "run", "draft.md", "--baseline", "baseline.json", "--format", "json", "-o", "out.json"))
    assert f["suppressed"]
