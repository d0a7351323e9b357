"""Reading the user's files: read-only, size-capped, with one-line errors.

Nothing here ever writes, truncates or renames: files are opened ``O_RDONLY``. Every
failure becomes an :class:`~factcheck.errors.InputError` whose location is the path as
the user gave it, so the CLI prints ``path: reason`` and exits with code 2.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import IO

from factcheck.errors import FactcheckError, InputError, SourceLocation


class InputFiles:
    """The real paths of the files one run has read: documents, manifests, rule,
    reference, configuration and baseline files. A report is never written over one of
    them, nor is the claim index (``factcheck.report.write``, ``ClaimIndex``).

    A run owns its record: ``recording()`` makes one current for the run (the readers
    of this module add to the current one), so runs of one process, such as the requests
    of a server, never see each other's inputs."""

    def __init__(self) -> None:
        self._paths: set[str] = set()

    def add(self, path: str | os.PathLike[str]) -> None:
        try:
            self._paths.add(os.path.realpath(path))
        except (OSError, ValueError):  # pragma: no cover - realpath of a path just opened
            pass

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str | os.PathLike):
            return False
        try:
            return os.path.realpath(path) in self._paths
        except (OSError, ValueError):  # pragma: no cover
            return False


_CURRENT: ContextVar[InputFiles | None] = ContextVar("factcheck_inputs", default=None)


@contextmanager
def recording(inputs: InputFiles | None = None) -> Iterator[InputFiles]:
    """Make ``inputs`` (a new record unless given) the current run's record while the
    block runs; inside a run that already records, that run's record is used."""
    current = _CURRENT.get()
    if current is not None and inputs is None:
        yield current
        return
    record = inputs if inputs is not None else InputFiles()
    token = _CURRENT.set(record)
    try:
        yield record
    finally:
        _CURRENT.reset(token)


def current_inputs() -> InputFiles | None:
    """The record of the run in progress, if any."""
    return _CURRENT.get()


def _note_input(path: str | Path) -> None:
    record = _CURRENT.get()
    if record is not None:
        record.add(path)

# Files (and standard input) larger than this are refused: no article is that big, and
# reading it would only eat memory.
MAX_FILE_BYTES = 100 * 1024 * 1024

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOCTTY", 0)
    # A FIFO swapped in after the stat check must not block the open.
    | getattr(os, "O_NONBLOCK", 0)
)


def describe_os_error(exc: OSError | ValueError, path: str | Path | None = None) -> str:
    """A short, human reason for a failed stat/open/read/listdir."""
    if isinstance(exc, ValueError):  # e.g. "embedded null byte"
        return f"invalid path ({exc})"
    if isinstance(exc, FileNotFoundError):
        if path is not None and os.path.lexists(path):
            return "broken symbolic link (its target does not exist)"
        return "no such file or directory"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a symlink loop?)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, NotADirectoryError):
        return "no such file or directory (a part of the path is not a folder)"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return exc.strerror or str(exc)


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def stat_path(path: str | Path, shown: str) -> os.stat_result:
    """``os.stat`` (following symlinks) with errors turned into ``InputError``."""
    try:
        return os.stat(path)
    except (OSError, ValueError) as exc:
        raise InputError(describe_os_error(exc, path), SourceLocation(shown)) from None


def too_large(size: int) -> str:
    return f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes)"


def read_file_bytes(path: str | Path, shown: str) -> bytes:
    """All bytes of the regular file ``path``; ``shown`` names it in errors."""
    data = _read_regular(
        path, shown, InputError, MAX_FILE_BYTES, "",
        large=lambda size: too_large(MAX_FILE_BYTES + 1 if size is None else size),
    )
    _note_input(path)
    return data


def _read_regular(
    path: str | Path,
    shown: str,
    error: type[FactcheckError],
    cap: int,
    prefix: str,
    large: Callable[[int | None], str],
) -> bytes:
    """The bytes of the regular file ``path``, at most ``cap``: a named pipe or a device
    is refused at once, never waited on. Every problem raises ``error`` naming
    ``shown``, its message after ``prefix`` ("cannot read: " for a failed read when
    the prefix is empty); ``large(size)`` says the file is too large (``size`` None:
    found larger than its size said, while reading)."""
    where = SourceLocation(shown)
    try:
        st = os.stat(path)
    except (OSError, ValueError) as exc:
        raise error(prefix + describe_os_error(exc, path), where) from None
    kind = _kind(st.st_mode)
    if kind is not None:
        raise error(f"{prefix}not a regular file (it is {kind})", where)
    if st.st_size > cap:
        raise error(large(st.st_size), where)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise error(prefix + describe_os_error(exc, path), where) from None
    try:
        # The path may have changed between stat and open: check what was opened.
        kind = _kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise error(f"{prefix}not a regular file (it is {kind})", where)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(cap + 1)
    except OSError as exc:
        raise error(f"{prefix or 'cannot read: '}{describe_os_error(exc, path)}", where) from None
    finally:
        os.close(fd)
    if len(data) > cap:
        raise error(large(None), where)
    return data


def read_text_file(
    path: str | Path,
    shown: str,
    error: type[FactcheckError] = InputError,
    limit: int | None = None,
    what: str = "file",
    record: bool = True,
) -> str:
    """The UTF-8 text (a BOM is dropped) of one of the data files factcheck reads besides
    documents: rule, reference, rule-test and configuration files.

    Like ``read_file_bytes``: read-only, regular files only (a named pipe or a device
    is refused at once, never waited on), at most ``limit`` bytes. Every problem raises
    ``error`` naming ``shown``; text that is not UTF-8 names the line and column of the
    first bad byte. Newlines are left as they are (YAML, TOML and CSV readers count
    lines themselves). The file is recorded as an input (``--output`` will not
    replace it) unless ``record`` is false.
    """
    cap = MAX_FILE_BYTES if limit is None else limit

    def large(size: int | None) -> str:
        amount = f"more than {cap:,}" if size is None else f"{size:,}"
        return f"{what} too large ({amount} bytes; the limit is {cap:,} bytes)"

    data = _read_regular(path, shown, error, cap, f"cannot read {what}: ", large)
    if record:
        _note_input(path)
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise error(
            f"{what} is not UTF-8 text (byte 0x{body[exc.start]:02x} cannot be decoded); save it as UTF-8",
            SourceLocation(shown, line, column),
        ) from None


def read_stream(stream: IO[bytes] | IO[str], shown: str = "<stdin>") -> bytes | str:
    """Everything on ``stream`` (standard input), at most ``MAX_FILE_BYTES``.

    A text stream with an underlying binary buffer (``sys.stdin``) is read as bytes so
    that the same decoding applies as for files; a pure text stream (``io.StringIO``)
    gives ``str``.
    """
    where = SourceLocation(shown)
    source = getattr(stream, "buffer", stream)
    try:
        data = source.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read: {describe_os_error(exc)}", where) from None
    if data is None:  # a non-blocking stream with nothing ready
        data = b""
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > MAX_FILE_BYTES:
        raise InputError(too_large(size), where)
    return data
