"""Issue 8, "factcheck never writes to its inputs": after every command, the bytes, the
modification time (ns), the size and the mode of every input (documents, manifest,
rule, reference and rule-test files, configuration, baseline) are what they were, and
no file has appeared beside them.

The inputs are copies of the shipped draft, corpus and rules with their modification
times set far in the past, so that even a rewrite with the same bytes would show. All
commands run one after the other in one interpreter through ``factcheck.cli.main``
(the console entry point), which snapshots the inputs after each of them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from factcheck.report import FORMATTERS
from hardening_helpers import DRAFT, RULES, SEEDS

PAST = 1_000_000_000  # 2001-09-09, in seconds

COMMANDS: dict[str, list[str]] = {
    **{f"run --format {fmt}": ["run", "inputs/draft.md", "--format", fmt, "--output", f"out/run.{fmt}"] for fmt in sorted(FORMATTERS)},
    "run to stdout": ["run", "inputs/draft.md"],
    "run the corpus against itself": ["run", "--format", "json"],
    "run from standard input": ["run", "-", "--format", "json"],
    "extract": ["extract", "inputs/draft.md", "inputs/corpus", "--format", "json", "--output", "out/claims.json"],
    "rules validate": ["rules", "validate", "inputs/rules"],
    "rules test": ["rules", "test", "inputs/rules"],
    "timeline": ["timeline", "gaza_death_toll", "inputs/draft.md", "--output", "out/timeline.svg"],
    "baseline create": ["baseline", "create", "inputs/draft.md", "--output", "out/new-baseline.json"],
    "config show": ["config", "show"],
    "index": ["index", "inputs/corpus", "--index", "out/claims.sqlite"],
    "run --index": ["run", "inputs/draft.md", "--index", "out/claims.sqlite", "--format", "json"],
}

_DRIVER = r"""
import contextlib, io, json, os, sys
from factcheck.cli import main

def snapshot():
    out = {}
    for root, dirs, files in os.walk("inputs"):
        for name in dirs + files:
            path = os.path.join(root, name)
            st = os.lstat(path)
            data = open(path, "rb").read().hex() if os.path.isfile(path) else ""
            out[path] = [data, st.st_mtime_ns, st.st_size, st.st_mode]
    return out

commands = json.loads(sys.argv[1])
before = snapshot()
report = {"files": len(before), "changed": {}, "exit": {}}
for name, argv in commands.items():
    stdin = sys.stdin
    if argv[1:2] == ["-"]:
        sys.stdin = io.TextIOWrapper(io.BytesIO(open("inputs/draft.md", "rb").read()), encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code
    sys.stdin = stdin
    after = snapshot()
    report["exit"][name] = code
    report["changed"][name] = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
json.dump(report, open("report.json", "w"))
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("project")
    inputs = root / "inputs"
    inputs.mkdir()
    shutil.copy2(DRAFT, inputs / "draft.md")
    shutil.copytree(SEEDS, inputs / "corpus", ignore=shutil.ignore_patterns("drafts"))
    shutil.copytree(RULES, inputs / "rules")
    (root / "out").mkdir()
    # A baseline made beforehand, and a configuration that uses it and the copies.
    made = subprocess.run(
        [sys.executable, "-m", "factcheck", "baseline", "create", "inputs/draft.md", "--corpus", "inputs/corpus",
         "--rules", "inputs/rules", "--no-default-rules", "--output", "inputs/baseline.json"],
        cwd=root, capture_output=True, timeout=300,
    )
    assert made.returncode == 0, made.stderr.decode()
    (inputs / "factcheck.toml").write_text(
        'fail_on = "warning"\ncorpus = "corpus"\nrules = ["rules"]\ndefault_rules = false\nbaseline = "baseline.json"\n\n'
        '[severity]\ngaza-toll-outdated = "error"\n',
        encoding="utf-8",
    )
    for path in [inputs, *inputs.rglob("*")]:
        os.utime(path, (PAST, PAST), follow_symlinks=False)
    # The configuration is found by walking up from the working folder: run there.
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    commands = {
        name: [a.replace("inputs/", "") for a in argv]
        for name, argv in COMMANDS.items()
    }
    commands = {name: [("../out/" + a[4:]) if a.startswith("out/") else a for a in argv] for name, argv in commands.items()}
    driver = _DRIVER.replace('"inputs"', '"."').replace('"inputs/draft.md"', '"draft.md"')
    proc = subprocess.run(
        [sys.executable, "-c", driver, json.dumps(commands)], cwd=inputs, env=env, capture_output=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads((inputs / "report.json").read_text(encoding="utf-8"))
    (inputs / "report.json").unlink()
    assert result["files"] > 15  # draft, corpus, manifest, rules, reference, tests, config, baseline
    return result


@pytest.mark.parametrize("command", list(COMMANDS))
def test_inputs_are_unchanged_after(report: dict, command: str) -> None:
    assert report["exit"][command] in (0, 1, None), report["exit"][command]
    assert report["changed"][command] == [], f"{command} changed {report['changed'][command]}"
