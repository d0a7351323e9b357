"""Issue 8, "Determinism": the same input gives byte-identical output in every format.

Every command below runs in two fresh interpreters with different hash seeds (so any
order taken from a set or from str hashes differs) and in different working folders
(so no temporary path leaks into a report); each output must be equal byte for byte.
Each interpreter runs the commands one after the other through ``factcheck.cli.main``,
which keeps this fast; the golden files (tests/report/golden) pin what the output is,
this pins that it does not vary."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.report import FORMATTERS
from hardening_helpers import DRAFT, SEEDS

COMMANDS: dict[str, list[str]] = {
    **{f"run.{fmt}": ["run", "draft.md", "--format", fmt, "--output", f"run.{fmt}"] for fmt in sorted(FORMATTERS)},
    **{f"extract.{fmt}": ["extract", str(SEEDS), "--format", fmt, "--output", f"extract.{fmt}"] for fmt in ("json", "csv", "html")},
    "run-corpus.json": ["run", "--format", "json", "--output", "run-corpus.json"],
    "timeline.svg": ["timeline", "gaza_death_toll", "draft.md", "--output", "timeline.svg"],
    "timeline.txt": ["timeline", "gaza_death_toll", "draft.md", "--output", "timeline.txt"],
    "baseline.json": ["baseline", "create", "draft.md", "--output", "baseline.json"],
    "schema.json": ["rules", "schema"],  # standard output
}

_DRIVER = """
import contextlib, json, sys
from factcheck.cli import main
for name, argv in json.loads(sys.argv[1]).items():
    with open("stdout-" + name, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        try:
            main(argv)
        except SystemExit as exc:
            if exc.code not in (0, 1, None):
                raise SystemExit(f"{name}: exit {exc.code}")
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folders, procs = [], []
    for seed in ("0", "4242"):
        cwd = tmp_path_factory.mktemp(f"seed-{seed}")
        shutil.copy2(DRAFT, cwd / "draft.md")
        env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
        env.update({"PYTHONHASHSEED": seed, "NO_COLOR": "1", "COLUMNS": "100"})
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", _DRIVER, json.dumps(COMMANDS)], cwd=cwd, env=env,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            )
        )
        folders.append(cwd)
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
    return folders


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_output_is_byte_identical(outputs: list[Path], name: str) -> None:
    produced = name if "--output" in COMMANDS[name] else f"stdout-{name}"
    first, second = ((folder / produced).read_bytes() for folder in outputs)
    assert first, f"{name}: empty output"
    assert first == second, f"{name} differs between two runs"
