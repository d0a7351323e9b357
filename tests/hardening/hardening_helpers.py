"""Running the real command line on bad input, and what every answer must look like.

Every case of issue 8 goes through ``python -m factcheck`` in a subprocess, as an editor
would run it. A refusal must be ONE line ``factcheck: error: FILE[:LINE[:COL]]: ...``
on stderr, exit code 2, nothing on stdout and no traceback.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
RULES = REPO / "rules"
DRAFT = SEEDS / "drafts" / "2024-05-27-rafah-draft.md"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("factcheck: error:")]

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("factcheck: warning:")]


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "PYTEST_"))}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"})
    env.update(extra or {})
    return env


def run_cli(
    *args: str | os.PathLike[str],
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    unprivileged: bool = False,
    timeout: float = 180,
) -> Result:
    """``python -m factcheck ARGS`` in a subprocess; ``unprivileged`` for the permission
    cases (as root: without the capabilities that let root ignore mode bits)."""
    preexec = _drop_privileges if unprivileged and os.geteuid() == 0 else None
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", *map(str, args)],
        cwd=cwd,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        env=_env(env),
        preexec_fn=preexec,  # noqa: PLW1509 - only setuid, before exec
    )
    return Result(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


# One figure definition the rule-file tests build on.
FIGURE = """\
  - id: toll
    name: Toll
    description: People killed in the town.
    kind: cumulative
    match:
      predicate: [killed]
"""


def write_rules(tmp_path: Path, text: str, name: str = "rules.yaml", folder: str = "my-rules") -> Path:
    """``text`` as the rule file ``folder/name`` under ``tmp_path``; the folder."""
    directory = tmp_path / folder
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


def article(size: int) -> str:
    """Newsroom-like prose of ``size`` characters: paragraphs with a figure in each."""
    words = (
        "the council said on monday that residents of the northern district had been told "
        "to leave their homes before the storm while officials in the capital warned that "
        "roads would close and schools would remain shut for the rest of the week"
    ).split()
    out, total, i = [], 0, 0
    while total < size:
        body = " ".join(words[(i + k) % len(words)] for k in range(60))
        para = f"{body.capitalize()}. Officials said about {1000 + i} people were evacuated from the area.\n\n"
        out.append(para)
        total += len(para)
        i += 1
    return "".join(out)[:size]


def assert_refused(result: Result, where: str, *fragments: str) -> str:
    """Exit 2, nothing on stdout, no traceback, exactly one error line naming ``where``
    (``path``, ``path:line`` or ``path:line:col``) right after ``factcheck: error:``.
    Returns the message after the location."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == 2, (result.code, result.stderr)
    assert result.stdout == "", result.stdout
    assert len(result.errors) == 1, result.stderr
    line = result.errors[0]
    prefix = f"factcheck: error: {where}: "
    assert line.startswith(prefix), f"{line!r} does not start with {prefix!r}"
    message = line[len(prefix) :]
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message


def assert_rule_errors(result: Result, *expected: tuple[str, str]) -> list[str]:
    """``factcheck rules validate``: every problem as ``file:line:col: message`` and a
    count, exit 2, no traceback. ``expected`` holds (location, fragment) pairs."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == 2, (result.code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert lines and lines[-1].endswith("error(s)"), result.stderr
    problems = lines[:-1]
    for where, fragment in expected:
        hits = [p for p in problems if p.startswith(f"{where}: ") and fragment in p]
        assert hits, f"no problem at {where} with {fragment!r} in:\n{result.stderr}"
    return problems


def assert_ok(result: Result, code: int = 0) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == code, (result.code, result.stderr)
    assert not result.errors, result.stderr


# -- permissions ------------------------------------------------------------------------
# Root reads and writes everything, whatever the mode bits say, because of two
# capabilities. A subprocess that drops them from its bounding set (prctl
# PR_CAPBSET_DROP before exec) stays root but obeys the mode bits like anyone else:
# open() of a mode-000 file really fails with EACCES, so the permission cases exercise
# factcheck's real error path (no simulation).
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2


def _drop_privileges() -> None:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@functools.lru_cache(maxsize=1)
def unprivileged_reason() -> str | None:
    """Why permission cases cannot really be exercised here, or None when they can.

    Not root: chmod is enough. Root on Linux: the subprocess drops CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH (see above); checked here on a mode-000 file."""
    if sys.platform == "win32":
        return "POSIX permissions only"
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        return "running as root, and dropping capabilities needs Linux"
    with shared_tmp() as folder:
        probe = folder / "probe"
        probe.write_text("x", encoding="utf-8")
        probe.chmod(0)
        try:
            proc = subprocess.run(
                [sys.executable, "-c", f"open({str(probe)!r}).read()"],
                preexec_fn=_drop_privileges,  # noqa: PLW1509
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            return f"cannot drop root's file capabilities in a subprocess ({exc})"
        if b"PermissionError" not in proc.stderr:
            return "root still reads a mode-000 file after dropping CAP_DAC_OVERRIDE"
    return None


@contextmanager
def shared_tmp() -> Iterator[Path]:
    """A temporary folder outside pytest's (whose modes the permission tests change)."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-hardening-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            try:
                if not path.is_symlink():
                    path.chmod(0o755 if path.is_dir() else 0o644)
            except OSError:
                pass
        shutil.rmtree(folder, ignore_errors=True)


# -- inputs unchanged -------------------------------------------------------------------
def snapshot(paths: Sequence[Path]) -> dict[str, tuple[bytes, int, int, int]]:
    """Bytes, modification time (ns), size and mode of every file under ``paths``."""
    out: dict[str, tuple[bytes, int, int, int]] = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for f in files:
            st = f.stat()
            out[str(f)] = (f.read_bytes(), st.st_mtime_ns, st.st_size, st.st_mode)
    return out


def listing(folder: Path) -> list[str]:
    """Every name under ``folder`` (hidden temporary files included)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
