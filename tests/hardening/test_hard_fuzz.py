"""Issue 8: a short coverage-guided fuzzing run (atheris) of each target in ``fuzz/``,
as CI runs it. The longer run, and what fuzzing found, are in ``fuzz/README.md``.

Skipped, saying why, where atheris is not installed (``pip install '.[fuzz]'``). CI
installs the fuzz extra and sets FACTCHECK_REQUIRE_FUZZ=1 where the extra has atheris
(Linux x86-64): there a missing atheris is a failure, not a silent skip."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
REQUIRED = os.environ.get("FACTCHECK_REQUIRE_FUZZ", "") not in ("", "0")


@pytest.fixture(autouse=True)
def _atheris_installed() -> None:
    if importlib.util.find_spec("atheris") is not None:
        return
    reason = "atheris is not installed (pip install '.[fuzz]'; wheels for CPython on Linux x86-64)"
    if REQUIRED:
        pytest.fail(f"{reason}, and FACTCHECK_REQUIRE_FUZZ is set", pytrace=False)
    pytest.skip(reason)

# A fixed seed and a run count rather than a time: the same inputs in every CI run.
RUNS = {"fuzz_extract.py": 1000, "fuzz_load.py": 5000, "fuzz_rules.py": 5000}


@pytest.mark.parametrize("target", sorted(RUNS))
def test_short_fuzzing_run_finds_nothing(tmp_path: Path, target: str) -> None:
    proc = subprocess.run(
        [
            sys.executable, str(FUZZ / target), f"-runs={RUNS[target]}", "-seed=1", "-timeout=10",
            "-rss_limit_mb=2048", f"-artifact_prefix={tmp_path}/", "-print_final_stats=1",
        ],
        cwd=tmp_path, capture_output=True, timeout=600, stdin=subprocess.DEVNULL,
    )
    err = proc.stderr.decode("utf-8", "replace")
    artifacts = sorted(p.name for p in tmp_path.iterdir())
    assert proc.returncode == 0 and not artifacts, f"{target} found {artifacts}:\n{err[-4000:]}"
    assert f"stat::number_of_executed_units: {RUNS[target]}" in err, err[-2000:]
