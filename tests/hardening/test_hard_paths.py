"""Issue 8, "Paths": missing, unreadable, a folder with no supported files, a symlink
loop, a FIFO. Each is refused with one line naming the path and exit code 2, through
the real command line (``python -m factcheck``), without blocking or a traceback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from hardening_helpers import assert_ok, assert_refused, run_cli, shared_tmp, unprivileged_reason

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")


def test_missing_file(tmp_path: Path) -> None:
    result = run_cli("extract", "no-such-draft.md", cwd=tmp_path)
    assert_refused(result, "no-such-draft.md", "no such file or directory")


def test_missing_file_among_good_ones_stops_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("About 40 people were hurt.\n", encoding="utf-8")
    result = run_cli("run", "a.txt", "gone/b.txt", cwd=tmp_path)
    assert_refused(result, "gone/b.txt", "no such file or directory")


def test_missing_corpus_and_rules_folders(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("About 40 people were hurt.\n", encoding="utf-8")
    assert_refused(run_cli("run", "a.txt", "--corpus", "archive", cwd=tmp_path), "archive", "no such file or directory")
    assert_refused(run_cli("run", "a.txt", "--rules", "my-rules", cwd=tmp_path), "my-rules", "no such rule folder or file")


@pytest.mark.skipif(unprivileged_reason() is not None, reason=str(unprivileged_reason()))
def test_unreadable_file_really_denied() -> None:
    # As root the subprocess drops the capabilities that let root read everything
    # (see hardening_helpers): the open() in factcheck.load.files really fails.
    with shared_tmp() as folder:
        secret = folder / "embargoed.txt"
        secret.write_text("About 40 people were hurt.\n", encoding="utf-8")
        secret.chmod(0)
        result = run_cli("extract", "embargoed.txt", cwd=folder, unprivileged=True)
        assert_refused(result, "embargoed.txt", "permission denied")


@pytest.mark.skipif(unprivileged_reason() is not None, reason=str(unprivileged_reason()))
def test_unreadable_folder_really_denied() -> None:
    with shared_tmp() as folder:
        archive = folder / "archive"
        archive.mkdir()
        (archive / "a.txt").write_text("About 40 people were hurt.\n", encoding="utf-8")
        archive.chmod(0)
        result = run_cli("extract", "archive", cwd=folder, unprivileged=True)
        assert_refused(result, "archive", "cannot list folder", "permission denied")


def test_unreadable_file_through_main_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Also where permissions cannot be dropped: the same code path (os.open raising
    # EACCES in factcheck.load.files), driven through the CLI's main().
    import errno

    from factcheck import cli
    from factcheck.load import files

    draft = tmp_path / "embargoed.txt"
    draft.write_text("About 40 people were hurt.\n", encoding="utf-8")
    real_open = os.open

    def deny(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path) == str(draft):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", deny)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["extract", str(draft)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err == f"factcheck: error: {draft}: permission denied\n"


def test_folder_without_supported_files(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "page1.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "notes.odt").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text("About 40 people.", encoding="utf-8")
    result = run_cli("extract", "scans", cwd=tmp_path)
    assert_refused(result, "scans", "no documents in this folder", ".txt", "hidden files are skipped")


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert_refused(run_cli("run", "empty", cwd=tmp_path), "empty", "no documents in this folder")


@posix_only
def test_symlink_loop_given_directly(tmp_path: Path) -> None:
    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    result = run_cli("extract", "a.txt", cwd=tmp_path)
    assert_refused(result, "a.txt", "symlink loop")


@posix_only
def test_symlink_loop_inside_a_folder_member_is_skipped_with_a_warning(tmp_path: Path) -> None:
    # Issue 19: like a folder linked into itself, a link to itself is skipped, saying so.
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "good.txt").write_text("About 40 people were hurt.\n", encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("ping.md", folder / "pong.md")
    os.symlink("pong.md", folder / "ping.md")
    result = run_cli("extract", "archive", cwd=tmp_path)
    assert_ok(result)
    assert "archive/good.txt" in result.stdout and "1 document, 1 claim" in result.stdout
    assert sorted(result.warnings) == [
        f"factcheck: warning: archive/{name}: symbolic link loop (it leads back to itself); skipped"
        for name in ("loop.txt", "ping.md", "pong.md")
    ]


@posix_only
def test_folder_symlinked_into_itself_is_read_once(tmp_path: Path) -> None:
    # Merely unusual: a correct result and a warning, not an error.
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "a.txt").write_text("About 40 people were hurt.\n", encoding="utf-8")
    # Three loops: a walk that follows them without remembering folders branches
    # three ways at every level and never ends.
    os.symlink("..", folder / "2024" / "up")
    os.symlink("..", folder / "2024" / "up-again")
    os.symlink(".", folder / "2024" / "here")
    result = run_cli("extract", "archive", "--format", "json", cwd=tmp_path, timeout=60)
    assert_ok(result)
    assert any("symlink loop" in w for w in result.warnings), result.stderr
    import json

    data = json.loads(result.stdout)
    assert [d["path"] for d in data["documents"]] == ["archive/2024/a.txt"]
    assert [c["surface"] for c in data["claims"]] == ["About 40"]


@posix_only
def test_broken_symlink(tmp_path: Path) -> None:
    os.symlink("deleted.txt", tmp_path / "draft.txt")
    assert_refused(run_cli("extract", "draft.txt", cwd=tmp_path), "draft.txt", "broken symbolic link")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_given_directly_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed.txt")
    # Nobody ever writes to the pipe: reading it would block until the timeout.
    result = run_cli("extract", "feed.txt", cwd=tmp_path, timeout=60)
    assert_refused(result, "feed.txt", "not a regular file", "named pipe")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_inside_a_folder_is_refused_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text("About 40 people were hurt.\n", encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    result = run_cli("run", "archive", cwd=tmp_path, timeout=60)
    assert_refused(result, "archive/b.txt", "named pipe")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_character_device_is_refused_without_reading_forever(tmp_path: Path) -> None:
    result = run_cli("extract", "/dev/zero", cwd=tmp_path, timeout=60)
    assert_refused(result, "/dev/zero", "character device")


def test_path_with_a_nul_byte_or_too_long_a_name(tmp_path: Path) -> None:
    long_name = "x" * 5000 + ".txt"
    assert_refused(run_cli("extract", long_name, cwd=tmp_path), long_name, "file name too long")


def test_standard_input_read_twice_is_refused(tmp_path: Path) -> None:
    result = run_cli("extract", "-", "-", cwd=tmp_path, stdin=b"About 40 people.\n")
    assert_refused(result, "<stdin>", "only be read once")


@posix_only
def test_file_name_with_a_newline_and_an_escape_sequence(tmp_path: Path) -> None:
    name = "draft\n\x1b[2J.txt"
    (tmp_path / name).write_bytes(b"About 40 \xff people were hurt.\n")  # cp1252: a warning naming it
    result = run_cli("extract", name, cwd=tmp_path)
    assert_ok(result)
    assert result.warnings == [
        "factcheck: warning: draft\\n\\x1b[2J.txt: not valid UTF-8; read as Windows-1252 (cp1252), guessed. Save it as UTF-8 to be sure."
    ]
    missing = run_cli("extract", "gone\nfile.txt", cwd=tmp_path)
    assert_refused(missing, "gone\\nfile.txt", "no such file or directory")
