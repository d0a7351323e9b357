from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> Result:
    """Run the real console entry point in a subprocess, as a user would."""
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=300,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture
def cli():  # noqa: ANN201
    return run_cli
