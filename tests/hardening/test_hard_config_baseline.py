"""Configuration files and baselines are inputs too: every bad one is one line naming
the file (with the line, and the column where TOML gives one), exit code 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hardening_helpers import assert_refused, run_cli


@pytest.mark.parametrize(
    ("content", "where", "fragment"),
    [
        (b'fail_on = "warning"\nformat = \n', "factcheck.toml:2:10", "invalid TOML"),
        (b'fail_on = "sometimes"\n', "factcheck.toml:1", "expected 'error', 'warning', 'info' or 'never'"),
        (b'fial_on = "error"\n', "factcheck.toml:1", "unknown key 'fial_on'; did you mean 'fail_on'?"),
        (b'format = "xml"\n', "factcheck.toml:1", "unknown format 'xml'"),
        (b'# r\xe9sum\xe9\n', "factcheck.toml:1:4", "configuration is not UTF-8 text"),
    ],
    ids=["toml-syntax", "bad-value", "unknown-key", "unknown-format", "not-utf8"],
)
def test_bad_configuration(tmp_path: Path, content: bytes, where: str, fragment: str) -> None:
    (tmp_path / "factcheck.toml").write_bytes(content)
    result = run_cli("config", "show", "--config", "factcheck.toml", cwd=tmp_path)
    assert_refused(result, where, fragment)


def test_configuration_that_does_not_exist(tmp_path: Path) -> None:
    assert_refused(run_cli("run", "--config", "nope.toml", cwd=tmp_path), "nope.toml", "configuration file not found")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_configuration_that_is_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fc.toml")
    result = run_cli("config", "show", "--config", "fc.toml", cwd=tmp_path, timeout=60)
    assert_refused(result, "fc.toml", "not a regular file", "named pipe")


@pytest.mark.parametrize(
    ("content", "where", "fragment"),
    [
        ("{bad", "b.json:1:2", "invalid JSON"),
        ('{"findings": []}', "b.json", "not a baseline file"),
        ('{"factcheck_baseline": 2, "findings": []}', "b.json", "not supported"),
        ('{"factcheck_baseline": 1, "findings": [{"rule": "x"}]}', "b.json", 'findings[0] needs a "fingerprint" string'),
        ('{"factcheck_baseline": 1, "findings": [{"fingerprint": "f", "figure": [1]}]}', "b.json", "findings[0].figure must be a string or null"),
    ],
    ids=["syntax", "not-a-baseline", "version", "no-fingerprint", "wrong-type"],
)
def test_bad_baseline(tmp_path: Path, content: str, where: str, fragment: str) -> None:
    (tmp_path / "d.txt").write_text("12 people were killed.\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    assert_refused(run_cli("run", "d.txt", "--baseline", "b.json", cwd=tmp_path), where, fragment)


def test_baseline_that_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("12 people were killed.\n", encoding="utf-8")
    assert_refused(run_cli("run", "d.txt", "--baseline", "gone.json", cwd=tmp_path), "gone.json", "baseline file not found")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_baseline_that_is_a_fifo(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("12 people were killed.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "b.json")
    result = run_cli("run", "d.txt", "--baseline", "b.json", cwd=tmp_path, timeout=60)
    assert_refused(result, "b.json", "named pipe")


def test_first_baseline_create_with_a_configured_baseline(tmp_path: Path) -> None:
    # The documented workflow: configure the baseline, then create it. The configured
    # file not existing yet is no error for 'baseline create' (it is for 'run').
    (tmp_path / "factcheck.toml").write_text('baseline = "factcheck-baseline.json"\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text("12 people were killed.\n", encoding="utf-8")
    result = run_cli("baseline", "create", "d.txt", cwd=tmp_path)
    assert result.code == 0 and "Traceback" not in result.stderr, result.stderr
    assert (tmp_path / "factcheck-baseline.json").is_file()
    (tmp_path / "factcheck-baseline.json").unlink()
    missing = run_cli("run", "d.txt", cwd=tmp_path)
    assert_refused(missing, str(tmp_path / "factcheck-baseline.json"), "baseline file not found")


def test_a_bad_baseline_stops_the_run_before_the_work(tmp_path: Path) -> None:
    # Read before the documents: a typo is reported at once, not after a long check.
    (tmp_path / "b.json").write_text("{bad", encoding="utf-8")
    result = run_cli("run", "no-such-draft.txt", "--baseline", "b.json", cwd=tmp_path)
    assert_refused(result, "b.json:1:2", "invalid JSON")
