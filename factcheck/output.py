"""Writing reports: to standard output, or to a file that is replaced in one step.

A report file is written to a temporary file beside the target and renamed over it,
so an interrupted run (Ctrl-C, a crash) never leaves a half-written report behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from factcheck.errors import OutputError


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_output(content: str | bytes, output: Path | None) -> None:
    """Write ``content`` (text, or bytes such as a PNG chart) to ``output`` or stdout."""
    if output is None or str(output) == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content)
            sys.stdout.flush()
        return
    target = Path(output)
    parent = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; --output needs a file name")
    if not parent.is_dir():
        raise OutputError(f"{target}: the folder {parent} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here ({exc.strerror or exc})") from None
    try:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp creates 0600 files; a report is an ordinary file for colleagues to read.
        os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise
