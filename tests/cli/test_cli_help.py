"""Help names values in words a user reads (PATH, TEXT, N), never Python types."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

COMMANDS = [
    ["run"], ["extract"], ["index"], ["timeline"], ["baseline", "create"], ["config", "show"],
    ["rules", "validate"], ["rules", "test"], ["rules", "schema"],
]
RAW = re.compile(r"<(?:list\[|str|int|path|float|bool|[a-z_]+\|)[^>]*>|\[x>=|\[\[")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_shows_no_raw_python_type(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], prog_name="factcheck")
    assert result.exit_code == 0, result.output
    assert RAW.findall(result.output) == [], result.output


def test_jobs_below_one_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["run", "--jobs", "0"], prog_name="factcheck")
    assert result.exit_code == 2
    assert "give 1 or more" in result.output
