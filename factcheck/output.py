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


def write_output(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
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
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise
