"""Paths: folders, missing and unreadable files, special files, size cap, read-only."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from factcheck.errors import InputError
from factcheck.load import files as files_module
from factcheck.load import load_documents


def test_folder_is_recursive_sorted_and_skips_hidden_and_unsupported(tmp_path):
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.HTML").write_text("<p>c</p>", encoding="utf-8")
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text("h", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("g", encoding="utf-8")
    docs = load_documents([tmp_path])
    assert [d.path for d in docs] == [f"{tmp_path}/a.md", f"{tmp_path}/b.txt", f"{tmp_path}/sub/c.HTML"]
    assert [d.text for d in docs] == ["a", "b", "c"]


def test_folder_path_is_reported_as_given_joined_with_posix_member(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [d.path for d in load_documents(["in"])] == ["in/x.txt"]
    assert [d.path for d in load_documents(["./in/"])] == ["in/x.txt"]
    assert [d.path for d in load_documents(["in/x.txt"])] == ["in/x.txt"]


def test_folder_without_supported_files_is_input_error(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="no documents in this folder") as exc:
        load_documents([tmp_path])
    assert exc.value.location.path == str(tmp_path)


def test_missing_path_is_one_line_input_error(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as exc:
        load_documents([missing])
    assert str(exc.value) == f"{missing}: no such file or directory"
    assert exc.value.exit_code == 2


def test_broken_symlink_and_symlink_loop_are_input_errors(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        load_documents([tmp_path / "dangling.txt"])
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    with pytest.raises(InputError, match="symbolic links"):
        load_documents([tmp_path / "loop1.txt"])


def test_folder_symlink_loop_is_not_followed_forever(tmp_path, warnings):
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "self").symlink_to(tmp_path)
    docs = load_documents([tmp_path], warn=warnings)
    assert [d.text for d in docs] == ["a"]
    assert any("symlink loop" in w for w in warnings)


def test_a_link_to_itself_inside_a_folder_is_skipped_with_a_warning(tmp_path, warnings):
    # It was skipped without a word: it may stand for a whole folder of documents.
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "me").symlink_to(tmp_path / "me")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    docs = load_documents([tmp_path], warn=warnings)
    assert [d.text for d in docs] == ["a"]
    assert sorted(w for w in warnings if "leads nowhere" in w) == [
        f"{tmp_path / 'gone'}: symbolic link that leads nowhere (a loop, or its target is missing); skipped",
        f"{tmp_path / 'me'}: symbolic link that leads nowhere (a loop, or its target is missing); skipped",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="named pipe"):
        load_documents([fifo])


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_character_device_is_refused():
    with pytest.raises(InputError, match="character device"):
        load_documents(["/dev/null"])


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied_is_input_error(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("x", encoding="utf-8")
    f.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            load_documents([f])
    finally:
        f.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_file_over_size_cap_is_refused_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", 100)
    f = tmp_path / "big.txt"
    f.write_text("x" * 101, encoding="utf-8")
    with pytest.raises(InputError, match="limit is 100 bytes"):
        load_documents([f])
    assert files_module.MAX_FILE_BYTES == 100  # the cap is a module constant


def test_explicit_file_with_unknown_extension_is_sniffed(tmp_path):
    f = tmp_path / "README"
    f.write_text("---\ntitle: Sniffed\n---\nbody\n", encoding="utf-8")
    [doc] = load_documents([f])
    assert doc.format == "md" and doc.title == "Sniffed" and doc.text == "body\n"


def test_same_file_given_twice_is_loaded_once_with_a_warning(tmp_path, warnings):
    f = tmp_path / "a.txt"
    f.write_text("a", encoding="utf-8")
    docs = load_documents([tmp_path, f], warn=warnings)
    assert len(docs) == 1
    assert warnings and "already loaded" in warnings[0]


def test_loading_never_modifies_the_inputs(tmp_path):
    f = tmp_path / "a.md"
    content = b"---\r\ntitle: T\r\n---\r\nbody \xe2\x80\x99\r\n"
    f.write_bytes(content)
    f.chmod(stat.S_IRUSR)  # read-only is enough
    before = f.stat()
    load_documents([f])
    after = f.stat()
    assert f.read_bytes() == content
    assert (before.st_mtime_ns, before.st_size, before.st_mode) == (after.st_mtime_ns, after.st_size, after.st_mode)


def test_a_document_link_to_itself_inside_a_folder_is_skipped_with_a_warning(tmp_path, warnings):
    # Issue 19: "loop.txt" -> "loop.txt" refused the whole folder, and "me" -> "me" was
    # warned about: both are nothing to read, the other documents are fine.
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    docs = load_documents([tmp_path], warn=warnings)
    assert [d.text for d in docs] == ["a"]
    assert list(warnings) == [f"{tmp_path / 'loop.txt'}: symbolic link loop (it leads back to itself); skipped"]


def test_a_link_to_itself_given_by_name_is_still_refused(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.raises(InputError, match="symbolic links"):
        load_documents([tmp_path / "loop.txt"])
