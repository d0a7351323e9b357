"""The table of hostile inputs (issue 19): every case of ``hostile_cases.yaml`` runs the
real command line in a child process on files of its own, and must answer as a careful
program does: the exit code the case gives, no traceback, a first problem line that
begins with the case's words, and every input file exactly as it was (content, mode and
modification time; hashed before and after).

Big inputs (a file over the size limit, a zip bomb) are made in the temporary folder:
sparse files and compressed archives, so the table stays quick on two cores.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from hardening_helpers import _drop_privileges, _env, unprivileged_reason

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "hostile_cases.yaml").read_text(encoding="utf-8"))
LONG_NAME = "n" * 300 + ".txt"

BASE_RULES = """\
figures:
  - id: toll
    description: people killed
    kind: cumulative
    match:
      entity: [people]
      predicate: [killed]
"""


# -- builders of big or odd inputs ---------------------------------------------------------
def _random_bytes() -> bytes:
    return random.Random(19).randbytes(4096)


def _docx_zip_bomb() -> bytes:
    # A word/document.xml of more than the 100 MiB part limit, compressed to ~100 KiB.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1 << 20)
            for _ in range(101):
                part.write(chunk)
    return out.getvalue()


def _utf16_text() -> bytes:
    return "The orchard has 120 trees.\n".encode("utf-16")


def _billion_laughs(prefix: str, suffix: str) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return prefix + "\n".join(lines) + "\n" + suffix


def _deep_relation() -> str:
    expression = "(" * 300 + "toll" + ")" * 300 + " ~ toll"
    return BASE_RULES + f"checks:\n  - {{id: c, relation: {{expression: '{expression}'}}}}\n"


def _long_relation() -> str:
    expression = " + ".join(["toll"] * 20_001) + " ~ toll"
    return BASE_RULES + f"checks:\n  - {{id: c, relation: {{expression: '{expression}'}}}}\n"


BUILDERS: dict[str, Callable[[], bytes | str]] = {
    "random_bytes": _random_bytes,
    "docx_zip_bomb": _docx_zip_bomb,
    "utf16_text": _utf16_text,
    "billion_laughs_front_matter": lambda: _billion_laughs("---\n", "title: *a8\n---\nThe hall seats 500.\n"),
    "billion_laughs_rules": lambda: _billion_laughs("", "description: *a8\n"),
    "deep_relation": _deep_relation,
    "long_relation": _long_relation,
}
# Sparse files: their size is past the limit, they take no disk.
SPARSE: dict[str, int] = {"sparse_over_limit": 100 * 1024 * 1024 + 1, "sparse_rule_file": 50 * 1024 * 1024 + 1}


def _rules(spec: dict[str, Any]) -> str:
    base = BASE_RULES
    if spec.get("signed"):
        base = base.replace("    kind: cumulative\n", "    kind: cumulative\n    signed: true\n")
    if spec.get("before_match"):
        return base.replace("    match:\n", spec["rules"] + "    match:\n")
    return base + spec["rules"]


def _make(folder: Path, name: str, spec: Any) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(spec, str):
        path.write_text(spec, encoding="utf-8")
    elif "hex" in spec:
        path.write_bytes(bytes.fromhex(spec["hex"]))
    elif "repeat" in spec:
        text = spec.get("prefix", "") + spec["repeat"] * spec["times"] + spec.get("suffix", "")
        path.write_text(text, encoding="utf-8")
    elif "rules" in spec:
        path.write_text(_rules(spec), encoding="utf-8")
    elif spec.get("build") in SPARSE:
        with path.open("wb") as handle:
            handle.truncate(SPARSE[spec["build"]])
    elif "build" in spec:
        made = BUILDERS[spec["build"]]()
        path.write_bytes(made.encode("utf-8") if isinstance(made, str) else made)
    elif "symlink" in spec:
        os.symlink(spec["symlink"], path)
    elif spec.get("fifo"):
        os.mkfifo(path)
    elif spec.get("folder"):
        path.mkdir(exist_ok=True)
    else:  # pragma: no cover - a mistake in the table
        raise ValueError(f"unknown file spec {spec!r}")


def _build(folder: Path, files: dict[str, Any]) -> None:
    modes = {k.removesuffix(".mode"): v for k, v in files.items() if k.endswith(".mode")}
    for name, spec in files.items():
        if not name.endswith(".mode"):
            _make(folder, name, spec)
    for name, mode in modes.items():
        (folder / name).chmod(int(mode, 8))


def _snapshot(folder: Path, skip: set[str]) -> dict[str, tuple[str, int, int]]:
    """Every entry under ``folder``: (sha256 of a regular file's content or the link's
    target, mode, mtime). Root reads mode-000 files; unprivileged cases run as root."""
    found: dict[str, tuple[str, int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if rel in skip:
                continue
            st = path.lstat()
            if stat.S_ISLNK(st.st_mode):
                digest = "link:" + os.readlink(path)
            elif stat.S_ISREG(st.st_mode):
                h = hashlib.sha256()
                with path.open("rb") as handle:
                    for block in iter(lambda: handle.read(1 << 20), b""):
                        h.update(block)
                digest = h.hexdigest()
            else:
                digest = stat.filemode(st.st_mode)
            found[rel] = (digest, st.st_mode, st.st_mtime_ns)
    return found


def _restore_modes(folder: Path) -> None:
    for dirpath, dirnames, filenames in os.walk(folder, topdown=True):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)


def _skip_reason(case: dict[str, Any]) -> str | None:
    if case.get("needs") and not os.path.exists(case["needs"]):
        return f"needs {case['needs']}"
    if case.get("unprivileged") and unprivileged_reason() is not None:
        return unprivileged_reason()
    if any(isinstance(s, dict) and s.get("fifo") for s in case.get("files", {}).values()) and not hasattr(os, "mkfifo"):
        return "needs named pipes"
    return None


# Runs the command given after it as its only child and adds that child's peak memory
# to standard error: ``resource.getrusage`` of one child, not of every case run so far.
_MEASURED = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "sys.stderr.write(f'PEAK_RSS_KB={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}')\n"
    "sys.exit(code)\n"
)


def _fill(value: str) -> str:
    return value.replace("{long_name}", LONG_NAME)


def test_the_table_has_at_least_sixty_cases_with_distinct_ids() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 60 and len(set(ids)) == len(ids)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hostile_input(case: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    reason = _skip_reason(case)
    if reason is not None:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("hostile")
    folder.chmod(0o755)  # the unprivileged child must be able to enter it
    _build(folder, case.get("files", {}))
    writes = set(case.get("writes", []))
    before = _snapshot(folder, writes)
    stdin = case["stdin"].encode("utf-8") if "stdin" in case else bytes.fromhex(case["stdin_hex"]) if "stdin_hex" in case else None
    command = [sys.executable, "-m", "factcheck", *map(_fill, case["args"])]
    if "peak_mb" in case:
        command = [sys.executable, "-c", _MEASURED, *command]
    try:
        proc = subprocess.run(
            command,
            cwd=folder,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=180,
            env=_env(),
            preexec_fn=_drop_privileges if case.get("unprivileged") and os.geteuid() == 0 else None,  # noqa: PLW1509
        )
        after = _snapshot(folder, writes)
    finally:
        _restore_modes(folder)
    stderr = proc.stderr.decode("utf-8", "replace")
    stdout = proc.stdout.decode("utf-8", "replace")
    if "peak_mb" in case:
        stderr, _, peak = stderr.rpartition("PEAK_RSS_KB=")
        # SECURITY.md, promise 9: the case's bound, in MiB (ru_maxrss is in KiB on Linux).
        assert int(peak) / 1024 <= case["peak_mb"], (int(peak) / 1024, case["peak_mb"])
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert proc.returncode == case["exit"], (proc.returncode, stderr[-2000:])
    assert after == before, "an input changed"
    level = case.get("level", "error")
    prefix = "" if level == "list" else f"factcheck: {level}: "
    if "says" in case:
        lines = [line for line in stderr.splitlines() if line.startswith(prefix)]
        assert lines, stderr[-2000:]
        assert lines[0].startswith(prefix + _fill(case["says"])), lines[0][:500]
    if proc.returncode == 2 and level != "list":
        # A refusal is one line per problem, each a "factcheck:" line.
        assert all(line.startswith("factcheck: ") for line in stderr.splitlines()), stderr[-2000:]
    if level == "list":
        assert stderr.splitlines()[-1].endswith("error(s)"), stderr[-2000:]
    if "stdout_has" in case:
        assert case["stdout_has"] in stdout, stdout[-2000:]
