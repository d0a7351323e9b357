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
    # The check-kind cases are a rule set of their own: the shipped general checks
    # would flag some of their sentences.
    result = _run("test", str(CASES), "--no-default-rules")
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


# A topic folder of our own, whose figure counts "$people", a set of words the shipped
# synonyms.yaml defines: it is meant to be run with the shipped rules.
EVICTIONS = """\
description: Evictions carried out in Harlow County
figures:
  - id: harlow_evictions
    description: households evicted in Harlow County since January
    kind: cumulative
    match:
      entity: [$people, household, family, tenant]
      predicate: [evicted, evict]
checks:
  - id: harlow-evictions-consistency
    consistency: {figures: [harlow_evictions], window: 1d}
"""

EVICTION_TESTS = """\
tests:
  - name: two counts of one day disagree
    published: 2026-04-14
    text: Deputies have evicted 1,240 families in Harlow County this year, according to the clerk.
    corpus:
      - published: 2026-04-14
        outlet: Harlow Courier
        text: Sheriff's deputies evicted 980 families in Harlow County this year, the court clerk said.
    flags:
      - {rule: harlow-evictions-consistency, claim: "1,240", figure: harlow_evictions}
  - name: the same count twice
    published: 2026-04-14
    text: Deputies have evicted 980 families in Harlow County this year, according to the clerk.
    corpus:
      - published: 2026-04-14
        text: Sheriff's deputies evicted 980 families in Harlow County this year, the court clerk said.
    passes:
      - {rule: harlow-evictions-consistency}
"""


def _topic(tmp_path: Path, tests: bool = False) -> Path:
    folder = tmp_path / "evictions"
    folder.mkdir()
    (folder / "evictions.yaml").write_text(EVICTIONS, encoding="utf-8")
    if tests:
        (folder / "tests").mkdir()
        (folder / "tests" / "evictions.yaml").write_text(EVICTION_TESTS, encoding="utf-8")
    return folder


def test_validate_loads_a_topic_folder_with_the_shipped_synonyms_as_run_does(tmp_path: Path) -> None:
    _topic(tmp_path)
    result = _run("validate", "evictions", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # what the folder itself defines is counted, not the shipped rules loaded with it
    assert result.stdout.splitlines() == [
        "evictions: ok: 1 file(s), 1 figure(s), 1 check(s), 0 reference series (0 values), 0 place(s)",
        "evictions: loaded with the shipped rules, as 'factcheck run --rules evictions' loads it (--no-default-rules: alone)",
    ]


def test_validate_with_no_default_rules_loads_the_topic_folder_alone(tmp_path: Path) -> None:
    _topic(tmp_path)
    result = _run("validate", "evictions", "--no-default-rules", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines()[0].startswith("evictions/evictions.yaml:7:16: figure 'harlow_evictions': entity: unknown set of words '$people'")


def test_validate_without_dir_or_default_rules_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = _run("validate", "--no-default-rules", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == ["--no-default-rules drops the shipped rules: name a rule folder (DIR)"]


def test_validate_and_test_follow_the_configuration_as_run_does(tmp_path: Path) -> None:
    """Without DIR, the rules a run loads: the shipped ones and the configuration's
    folders, each counted on its own line; ``default_rules = false`` drops the shipped
    ones, and ``--config`` names the file."""
    _topic(tmp_path, tests=True)
    (tmp_path / "factcheck.toml").write_text('rules = ["evictions"]\n', encoding="utf-8")
    result = _run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [shipped, topic] = result.stdout.splitlines()
    assert shipped.startswith("rules (shipped default): ok: ") and "0 place(s)" not in shipped
    assert topic == (
        f"{tmp_path / 'evictions'} (configuration file {tmp_path / 'factcheck.toml'}): ok: "
        "1 file(s), 1 figure(s), 1 check(s), 0 reference series (0 values), 0 place(s)"
    )
    tested = _run("test", cwd=tmp_path)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "harlow-evictions-consistency" in tested.stdout  # the configured folder's cases ran
    (tmp_path / "other.toml").write_text('rules = ["evictions"]\ndefault_rules = false\n', encoding="utf-8")
    alone = _run("validate", "--config", "other.toml", cwd=tmp_path)
    assert alone.returncode == 2 and "unknown set of words '$people'" in alone.stderr


def test_rules_test_runs_a_topic_folders_cases_with_the_shipped_rules(tmp_path: Path) -> None:
    _topic(tmp_path, tests=True)
    result = _run("test", "evictions", "--verbose", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "evictions: loaded with the shipped rules, as 'factcheck run --rules evictions' loads it (--no-default-rules: alone)"
    assert any(line.split() == ["harlow-evictions-consistency", "1", "0", "0", "1"] for line in lines)
    # the topic's checks are all tested; the shipped checks it was loaded with are not listed
    assert "rules without tests" not in result.stdout
    assert lines[-1] == "2 of 2 cases passed, 0 failure(s)"


def test_the_shipped_folder_named_as_dir_is_loaded_once() -> None:
    from factcheck.util.resources import default_rules

    result = _run("validate", str(default_rules()))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{default_rules()}: ok: ") and len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("command", ["validate", "test", "schema"])
def test_help_shows_an_example(command: str) -> None:
    result = _run(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout and f"factcheck rules {command}" in result.stdout
