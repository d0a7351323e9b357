"""Folders: which files in them are documents, in which order, and their manifests.

A folder is read recursively. Hidden files and folders (names starting with ``.``) are
skipped, and so is anything whose extension is not a supported one. Symbolic links are
followed, but a folder already being read (a symlink loop) is not entered again, and a
link that leads back to itself is skipped with a warning.
Members are sorted by their path relative to the folder, in posix form, so the order
(and everything numbered after it) is the same on every system and every run.
"""

from __future__ import annotations

import errno
import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.errors import InputError, SourceLocation
from factcheck.load.files import describe_os_error
from factcheck.load.formats import EXTENSIONS
from factcheck.load.manifest import MANIFEST_NAME


@dataclass(frozen=True)
class Member:
    fs_path: str  # what to open
    shown: str  # the path reported for it (Document.path)
    rel: str  # relative to the folder given, posix separators
    fmt: str


@dataclass
class Folder:
    members: list[Member] = field(default_factory=list)
    manifests: list[Member] = field(default_factory=list)  # fmt "manifest"


def display_path(given: str) -> str:
    """The path as the user gave it, tidied only so that joins and ids are stable:
    ``/`` separators, no empty or ``.`` segments, no trailing slash (``./seeds/`` →
    ``seeds``). ``..`` is kept: it may mean something else behind a symlink."""
    s = given.replace(os.sep, "/") if os.sep != "/" else given
    lead = "/" if s.startswith("/") else ""
    parts = [p for p in s.split("/") if p not in ("", ".")]
    return lead + "/".join(parts) or lead or "."


def join_shown(folder: str, rel: str) -> str:
    if folder == ".":
        return rel
    return folder + rel if folder.endswith("/") else f"{folder}/{rel}"


def format_for(name: str) -> str | None:
    return EXTENSIONS.get(os.path.splitext(name)[1].lower())


def _loops(path: str) -> bool:
    """Whether the symbolic link ``path`` leads, through any number of links, back to itself."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def walk_folder(root: str, shown: str, warn: Callable[[str], None]) -> Folder:
    folder = Folder()
    try:
        st = os.stat(root)
    except OSError as exc:
        raise InputError(describe_os_error(exc, root), SourceLocation(shown)) from None
    visited = {(st.st_dev, st.st_ino)}
    pending: list[tuple[str, str]] = [(root, "")]  # (fs path, rel)
    while pending:
        fs_dir, rel_dir = pending.pop()
        try:
            with os.scandir(fs_dir) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            where = join_shown(shown, rel_dir) if rel_dir else shown
            raise InputError(f"cannot list folder: {describe_os_error(exc, fs_dir)}", SourceLocation(where)) from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = posixpath.join(rel_dir, entry.name) if rel_dir else entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False  # reading it will say what is wrong
            if is_dir:
                try:
                    sub = entry.stat()
                except OSError as exc:
                    raise InputError(describe_os_error(exc, entry.path), SourceLocation(join_shown(shown, rel))) from None
                key = (sub.st_dev, sub.st_ino)
                if key in visited:
                    warn(f"{join_shown(shown, rel)}: folder already read (symlink loop?); skipped")
                    continue
                visited.add(key)
                pending.append((entry.path, rel))
            elif entry.name == MANIFEST_NAME:
                folder.manifests.append(Member(entry.path, join_shown(shown, rel), rel, "manifest"))
            else:
                fmt = format_for(entry.name)
                if fmt is not None and entry.is_symlink() and _loops(entry.path):
                    # Like a folder linked into itself: nothing to read, and nothing
                    # wrong with the other documents, so a warning rather than a refusal.
                    warn(f"{join_shown(shown, rel)}: symbolic link loop (it leads back to itself); skipped")
                elif fmt is not None:
                    folder.members.append(Member(entry.path, join_shown(shown, rel), rel, fmt))
                elif entry.is_symlink() and not os.path.exists(entry.path):
                    # A link to itself or to nothing: it may stand for a folder or a
                    # document, so say it was not read rather than pass over it.
                    warn(f"{join_shown(shown, rel)}: symbolic link that leads nowhere (a loop, or its target is missing); skipped")
    folder.members.sort(key=lambda m: m.rel)
    # Shallow manifests first, so deeper ones override them.
    folder.manifests.sort(key=lambda m: (m.rel.count("/"), m.rel))
    return folder
