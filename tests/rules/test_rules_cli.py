"""`factcheck rules validate|test|schema` as a user runs them: messages on stderr as
file:line:column, exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CASES = Path(__file__).parent.parent / "check" / "cases"


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "rules", *args], capture_output=True, text=True, timeout=600, cwd=cwd
    )


def test_validate_the_shipped_rules() -> None:
    result = _run("validate")
    assert result.returncode == 0, result.stderr
    assert "ok:" in result.stdout and "figure(s)" in result.stdout


def test_validate_reports_every_error_as_file_line_column_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "figures:\n  - {id: toll, description: d, kind: cumulativ, match: {predicate: killed}}\n"
        "checks:\n  - {id: c, outdated: {figures: [tol]}}\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text("checks: [\n", encoding="utf-8")
    result = _run("validate", "a.yaml", cwd=tmp_path)
    assert result.returncode == 2
    result = _run("validate", ".", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("a.yaml:2:38: figures[0].kind: expected one of cumulative")
    assert lines[1].startswith("a.yaml:4:34: check 'c' names unknown figure 'tol'; did you mean 'toll'?")
    assert lines[2].startswith("b.yaml:2:1: YAML syntax error")
    assert lines[-1] == "3 error(s)"
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_validate_a_missing_folder(tmp_path: Path) -> None:
    result = _run("validate", str(tmp_path / "none"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{tmp_path / 'none'}: no such rule folder or file")


def test_rules_test_prints_counts_per_rule_and_exits_0_when_all_pass() -> None:
    result = _run("test", str(CASES))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rule" in result.stdout and "TP" in result.stdout and "TN" in result.stdout
    assert "cases passed, 0 failure(s)" in result.stdout


def test_rules_test_exits_1_on_a_failing_case(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text((CASES / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "t.yaml").write_text(
        "tests:\n  - name: expects a finding that does not come\n    published: 2024-03-26\n"
        "    claims:\n      - {surface: '32,400', value: 32400, entity: people, predicate: killed}\n"
        "    flags:\n      - {rule: toll-outdated}\n",
        encoding="utf-8",
    )
    result = _run("test", str(tmp_path))
    assert result.returncode == 1
    assert "t.yaml:2:5: FAIL: expects a finding that does not come" in result.stdout
    assert "false negative: toll-outdated did not flag anything" in result.stdout
    assert "rules without tests:" in result.stdout


def test_rules_test_reports_a_broken_test_file_like_a_rule_file(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text("", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "t.yaml").write_text("tests:\n  - name: x\n    publishd: 2024-01-01\n    text: a\n", encoding="utf-8")
    result = _run("test", str(tmp_path))
    assert result.returncode == 2
    assert "t.yaml:3:5: tests[0]: unknown key 'publishd'; did you mean 'published'?" in result.stderr


def test_schema_prints_the_json_schema() -> None:
    result = _run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["properties"]) == {"description", "scope", "figures", "checks", "reference", "places", "synonyms"}
    tests = json.loads(_run("schema", "--tests").stdout)
    assert "tests" in tests["properties"]


@pytest.mark.parametrize("command", ["validate", "test", "schema"])
def test_help_shows_an_example(command: str) -> None:
    result = _run(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout and f"factcheck rules {command}" in result.stdout
