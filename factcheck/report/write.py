"""Writing reports: to standard output, or to a file that is replaced in one step.

A report file is written to a temporary file beside the target and renamed over it,
so an interrupted run (Ctrl-C, a crash) never leaves a half-written report behind:
the target is either untouched or complete. Besides that:

* a target that is a symbolic link is followed: the file it points to is replaced and
  the link is kept;
* a target that exists but is not a regular file (``/dev/null``, ``/dev/stdout``, a
  named pipe) is written to directly, never renamed over (which would replace the
  device or the pipe with a file);
* a file the run read as an input (a document, a manifest, a rule, reference or
  configuration file: its ``factcheck.load.files.InputFiles``) is never written:
  factcheck does not overwrite what it checks; nor is a file the user may not write (as
  with a shell's ``>``, although renaming over it would work);
* a failure to write, to a file or to standard output (a full disk, a closed
  terminal), is an ``OutputError``: one line and exit code 2, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from factcheck.errors import OutputError, SourceLocation
from factcheck.load.files import InputFiles, current_inputs


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


# Text is encoded and written a slice at a time: encoding a report of tens of
# megabytes at once would hold a second copy of it.
_SLICE = 1 << 20


def _encoded(content: str | bytes) -> Iterator[bytes]:
    if isinstance(content, bytes):
        yield content
        return
    for at in range(0, len(content), _SLICE):
        yield content[at : at + _SLICE].encode("utf-8")


def _write_stdout(content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            for at in range(0, len(content), _SLICE):
                sys.stdout.write(content[at : at + _SLICE])
            sys.stdout.flush()
    except BrokenPipeError:
        raise  # `factcheck ... | head`: the CLI ends quietly
    except OSError as exc:
        _silence_stdout()
        raise OutputError(f"cannot write the report to standard output ({_reason(exc)})") from None


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's final flush
    of what could not be written does not fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no real stdout
        pass


def _write_special(content: str | bytes, target: Path, shown: str) -> None:
    """Write into an existing device or named pipe, the way a shell's ``>`` does."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise OutputError(f"cannot write ({_reason(exc)})", SourceLocation(shown)) from None
    try:
        with os.fdopen(fd, "wb", closefd=False) as fh:
            for chunk in _encoded(content):
                fh.write(chunk)
    except OSError as exc:
        raise OutputError(f"cannot write ({_reason(exc)})", SourceLocation(shown)) from None
    finally:
        os.close(fd)


def write_output(content: str | bytes, output: Path | None, inputs: InputFiles | None = None) -> None:
    """Write ``content`` (text, or bytes such as a PNG chart) to ``output`` or stdout,
    never over one of ``inputs`` (default: the inputs of the run in progress)."""
    if output is None or str(output) == "-":
        _write_stdout(content)
        return
    shown = str(output)
    given = Path(output)
    try:
        # A symlink is followed (the link stays, its file is replaced); a dangling one
        # creates the file it names.
        target = Path(os.path.realpath(given)) if given.is_symlink() else given
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError("cannot write: too many levels of symbolic links (a symlink loop?)", SourceLocation(shown)) from None
        st = None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError("is a directory; --output needs a file name", SourceLocation(shown))
        if not stat.S_ISREG(st.st_mode):
            _write_special(content, target, shown)
            return
        inputs = inputs if inputs is not None else current_inputs()
        if inputs is not None and target in inputs:
            raise OutputError(
                "is one of this run's inputs; factcheck never overwrites what it reads (choose another --output)",
                SourceLocation(shown),
            )
        if not os.access(target, os.W_OK):
            # Renaming over it would succeed; a shell's ">" would not, and neither do we.
            raise OutputError("cannot write (Permission denied: the file is read-only)", SourceLocation(shown))
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"the folder {parent} does not exist", SourceLocation(shown))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"cannot write here ({_reason(exc)})", SourceLocation(shown)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in _encoded(content):
                fh.write(chunk)
        # mkstemp creates 0600 files; a report is an ordinary file for colleagues to read
        # (an existing report keeps its own permissions).
        mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException as exc:  # Ctrl-C included: never leave the temporary file
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write ({_reason(exc)})", SourceLocation(shown)) from None
        raise
