from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import __version__


def test_version_prints_the_package_version(cli) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.stdout.strip() == f"factcheck {__version__}"


@pytest.mark.parametrize(
    "command",
    [["run"], ["extract"], ["rules", "validate"], ["rules", "test"], ["rules", "schema"]],
)
def test_every_command_explains_itself_with_an_example(cli, command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.code == 0, result.stderr
    assert "Example" in result.stdout


def test_unknown_format_is_a_usage_error_without_traceback(cli) -> None:
    result = cli("run", "--format", "xml")
    assert result.code == 2
    assert "unknown format" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_as_of_date_is_a_usage_error(cli) -> None:
    result = cli("run", "--as-of", "yesterday")
    assert result.code == 2
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_is_a_usage_error(cli) -> None:
    result = cli("run", "--no-such-option")
    assert result.code == 2
    assert "Traceback" not in result.stderr


def test_extract_needs_a_path(cli) -> None:
    result = cli("extract")
    assert result.code == 2
    assert "Traceback" not in result.stderr


def test_output_to_a_missing_folder_exits_2_and_names_it(cli, tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Some 40 people were hurt.\n", encoding="utf-8")
    result = cli("extract", str(draft), "--output", str(tmp_path / "missing" / "out.json"))
    assert result.code == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr
