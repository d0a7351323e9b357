"""Issue 8, "Output": ``--output`` into a folder that does not exist, into a read-only
place, onto something that is not a regular file, onto an input; a report that cannot
be written to standard output; an interrupted run (Ctrl-C) leaves no half-written
report. Reports are written to a temporary file beside the target and renamed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hardening_helpers import DRAFT, article, assert_ok, assert_refused, listing, run_cli, shared_tmp, unprivileged_reason

TEXT = "Israel's offensive has killed over 30,000 Palestinians, the Gaza health ministry said.\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["extract", "draft.txt"],
        ["run", "draft.txt", "--format", "html"],
        ["baseline", "create", "draft.txt"],
        ["timeline", "gaza_death_toll", "draft.txt"],
    ],
    ids=["extract", "run", "baseline", "timeline"],
)
def test_output_into_a_folder_that_does_not_exist(tmp_path: Path, draft: Path, command: list[str]) -> None:
    target = "reports/2024/out.svg" if command[0] == "timeline" else "reports/2024/out.txt"
    result = run_cli(*command, "--output", target, cwd=tmp_path)
    assert_refused(result, target, "the folder reports/2024 does not exist")
    assert listing(tmp_path) == ["draft.txt"]


def test_output_naming_a_folder(tmp_path: Path, draft: Path) -> None:
    (tmp_path / "reports").mkdir()
    assert_refused(run_cli("extract", "draft.txt", "-o", "reports", cwd=tmp_path), "reports", "is a directory")


@pytest.mark.skipif(unprivileged_reason() is not None, reason=str(unprivileged_reason()))
def test_output_into_a_read_only_folder_really_denied() -> None:
    # As root, the subprocess drops the capabilities that let root write anywhere
    # (see hardening_helpers): creating the temporary file really fails with EACCES.
    with shared_tmp() as folder:
        (folder / "draft.txt").write_text(TEXT, encoding="utf-8")
        locked = folder / "published"
        locked.mkdir()
        locked.chmod(0o555)
        result = run_cli("extract", "draft.txt", "--output", "published/claims.txt", cwd=folder, unprivileged=True)
        assert_refused(result, "published/claims.txt", "cannot write here (Permission denied)")
        assert list(locked.iterdir()) == []


@pytest.mark.skipif(unprivileged_reason() is not None, reason=str(unprivileged_reason()))
def test_output_onto_a_read_only_file_really_denied() -> None:
    with shared_tmp() as folder:
        (folder / "draft.txt").write_text(TEXT, encoding="utf-8")
        report = folder / "report.txt"
        report.write_text("the signed-off report\n", encoding="utf-8")
        report.chmod(0o444)
        result = run_cli("extract", "draft.txt", "--output", "report.txt", cwd=folder, unprivileged=True)
        assert_refused(result, "report.txt", "Permission denied", "read-only")
        assert report.read_text(encoding="utf-8") == "the signed-off report\n"
        assert sorted(p.name for p in folder.iterdir()) == ["draft.txt", "report.txt"]


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_output_into_a_place_nobody_can_write(tmp_path: Path, draft: Path) -> None:
    # /proc refuses new files even to root.
    result = run_cli("extract", "draft.txt", "--output", "/proc/claims.txt", cwd=tmp_path)
    assert_refused(result, "/proc/claims.txt", "cannot write here")


def test_output_onto_an_input_is_refused(tmp_path: Path, draft: Path) -> None:
    before = draft.read_bytes(), draft.stat().st_mtime_ns
    result = run_cli("extract", "draft.txt", "--output", "draft.txt", cwd=tmp_path)
    assert_refused(result, "draft.txt", "is one of this run's inputs", "never overwrites")
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before
    assert listing(tmp_path) == ["draft.txt"]


def test_index_never_overwrites_an_input(tmp_path: Path) -> None:
    # An empty file was turned into a SQLite database (factcheck/index.py, fixed).
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("extract", "empty.txt", "--index", "empty.txt", cwd=tmp_path)
    assert (tmp_path / "empty.txt").read_bytes() == b""
    assert_refused(result, "empty.txt")


def test_index_naming_a_document_is_refused_unchanged(tmp_path: Path, draft: Path) -> None:
    before = draft.read_bytes(), draft.stat().st_mtime_ns
    result = run_cli("extract", "draft.txt", "--index", "draft.txt", cwd=tmp_path)
    assert_refused(result, "draft.txt")
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_output_onto_a_rule_file_is_refused(tmp_path: Path, draft: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text("description: mine\n", encoding="utf-8")
    result = run_cli("run", "draft.txt", "--rules", "rules", "--output", "rules/r.yaml", cwd=tmp_path)
    assert_refused(result, "rules/r.yaml", "is one of this run's inputs")
    assert (rules / "r.yaml").read_text(encoding="utf-8") == "description: mine\n"


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks and /dev/null")
def test_output_through_a_symlink_to_a_device_writes_to_the_device(tmp_path: Path, draft: Path) -> None:
    # Renaming over it would replace the link (or, as root, the device) with a file.
    os.symlink(os.devnull, tmp_path / "sink")
    result = run_cli("extract", "draft.txt", "--output", "sink", cwd=tmp_path)
    assert_ok(result)
    assert os.path.islink(tmp_path / "sink") and os.readlink(tmp_path / "sink") == os.devnull
    assert listing(tmp_path) == ["draft.txt", "sink"]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_output_through_a_symlink_replaces_the_file_it_points_to(tmp_path: Path, draft: Path) -> None:
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "claims-2024.txt").write_text("old\n", encoding="utf-8")
    os.symlink("archive/claims-2024.txt", tmp_path / "latest.txt")
    assert_ok(run_cli("extract", "draft.txt", "--output", "latest.txt", cwd=tmp_path))
    assert os.readlink(tmp_path / "latest.txt") == "archive/claims-2024.txt"
    assert "over 30,000" in (tmp_path / "archive" / "claims-2024.txt").read_text(encoding="utf-8")
    assert listing(tmp_path) == ["archive", "archive/claims-2024.txt", "draft.txt", "latest.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_output_into_a_named_pipe_writes_into_the_pipe(tmp_path: Path, draft: Path) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run_cli("extract", "draft.txt", "--format", "json", "--output", str(fifo), cwd=tmp_path, timeout=60)
    reader.join(timeout=30)
    assert_ok(result)
    assert b'"surface": "over 30,000"' in received[0]
    import stat

    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_standard_output_that_cannot_be_written(tmp_path: Path, draft: Path) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "factcheck", "extract", "draft.txt"],
            cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=120,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err and "Exception ignored" not in err, err
    assert err == "factcheck: error: cannot write the report to standard output (No space left on device)\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_file_on_a_full_disk(tmp_path: Path, draft: Path) -> None:
    # /dev/full is a device: written to directly, and the failure is one line.
    result = run_cli("extract", "draft.txt", "--output", "/dev/full", cwd=tmp_path)
    assert_refused(result, "/dev/full", "cannot write (No space left on device)")
    import stat

    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_standard_output_closed_early_is_not_an_error(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "run", "--format", "json"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # `factcheck run --format json | head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""


def _ctrl_c_as_a_terminal_gives_it() -> None:
    """``preexec_fn`` of the interrupted factcheck: SIGINT's default action, as in a
    terminal. A test run whose parent ignores SIGINT (a background job of a script,
    ``setsid`` with SIGINT ignored, some CI runners) passes SIG_IGN on through exec, and
    Python leaves an ignored SIGINT ignored: factcheck never saw the Ctrl-C these tests
    send, ran to the end and exited 0."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_blocked_on_stdin(proc: subprocess.Popen[bytes]) -> None:
    """Until the process is asleep reading its standard input (after start-up, when
    Python's own Ctrl-C handling is in place)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{proc.pid}/wchan", encoding="ascii") as fh:
                if "pipe" in fh.read():
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError("the process never waited on its standard input")


@pytest.mark.skipif(not os.path.exists("/proc/self/wchan"), reason="needs Linux /proc/PID/wchan")
@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_ctrl_c_leaves_no_half_written_output(tmp_path: Path, fmt: str) -> None:
    report = tmp_path / "report.out"
    report.write_text("yesterday's complete report\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "run", "-", "--format", fmt, "--output", "report.out"],
        cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_as_a_terminal_gives_it,  # noqa: PLW1509 - one signal call before exec
    )
    assert proc.stdin is not None
    proc.stdin.write(TEXT.encode())
    proc.stdin.flush()
    _wait_blocked_on_stdin(proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.decode() == "factcheck: interrupted\n"
    assert out == b""
    assert report.read_text(encoding="utf-8") == "yesterday's complete report\n"
    assert listing(tmp_path) == ["report.out"]


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
def test_ctrl_c_during_parallel_extraction(tmp_path: Path) -> None:
    """Ctrl-C in a terminal signals the whole foreground process group: factcheck and
    its extraction workers. One line, exit 130, no traceback from any process (every
    worker printed one before factcheck/parallel.py ignored SIGINT in them), and the
    previous report untouched."""
    archive = tmp_path / "archive"
    archive.mkdir()
    text = article(1_000_000)
    for i in range(16):  # different texts: identical ones are extracted once
        (archive / f"{i:02d}.txt").write_text(text.replace("Officials said", f"Officials in district {i} said"), encoding="utf-8")
    report = tmp_path / "claims.json"
    report.write_text('{"previous": true}\n', encoding="utf-8")
    env = {**os.environ, "FACTCHECK_PARALLEL_MIN_CHARS": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "extract", "archive", "--jobs", "2", "--format", "json", "--output", "claims.json"],
        cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True, preexec_fn=_ctrl_c_as_a_terminal_gives_it,  # noqa: PLW1509
    )
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if len(children.read_text().split()) >= 2:  # the workers are extracting
                break
        except OSError:
            pass
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert "Traceback" not in err.decode() and "KeyboardInterrupt" not in err.decode(), err.decode()
    assert proc.returncode == 130, (proc.returncode, err.decode())
    assert err.decode() == "factcheck: interrupted\n"
    assert report.read_text(encoding="utf-8") == '{"previous": true}\n'
    assert listing(tmp_path) == ["archive", *[f"archive/{i:02d}.txt" for i in range(16)], "claims.json"]


def test_ctrl_c_while_the_report_is_being_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The interrupt lands half-way through writing the bytes: the temporary file is
    # removed and the previous report stays whole.
    import io

    from factcheck import cli

    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT, encoding="utf-8")
    report = tmp_path / "report.json"
    report.write_text('{"previous": true}\n', encoding="utf-8")
    real_write = io.BufferedWriter.write

    class Interrupting(io.BufferedWriter):
        def write(self, data) -> int:  # noqa: ANN001
            real_write(self, bytes(data)[: len(data) // 2])
            raise KeyboardInterrupt

    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object):  # noqa: ANN202
        handle = real_fdopen(fd, mode, *args, **kwargs)  # type: ignore[arg-type]
        if mode == "wb" and isinstance(handle, io.BufferedWriter):
            raw = handle.detach()
            return Interrupting(raw)
        return handle

    monkeypatch.setattr("factcheck.report.write.os.fdopen", fdopen)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["extract", str(draft), "--format", "json", "--output", str(report)])
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "factcheck: interrupted\n"
    assert report.read_text(encoding="utf-8") == '{"previous": true}\n'
    assert listing(tmp_path) == ["draft.txt", "report.json"]


def test_a_rewritten_report_keeps_its_permissions(tmp_path: Path, draft: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("old\n", encoding="utf-8")
    report.chmod(0o640)
    assert_ok(run_cli("extract", "draft.txt", "--output", "report.txt", cwd=tmp_path))
    assert "over 30,000" in report.read_text(encoding="utf-8")
    assert report.stat().st_mode & 0o777 == 0o640


def test_report_of_the_shipped_draft_to_a_new_file(tmp_path: Path) -> None:
    result = run_cli("run", str(DRAFT), "--format", "json", "--output", "out/report.json", cwd=tmp_path)
    assert_refused(result, "out/report.json", "does not exist")
    (tmp_path / "out").mkdir()
    assert_ok(run_cli("run", str(DRAFT), "--format", "json", "--output", "out/report.json", cwd=tmp_path))
    assert listing(tmp_path) == ["out", "out/report.json"]
