"""A progress bar on stderr for work that takes more than a moment.

::

    with progress("Reading documents", total=len(paths)) as advance:
        for path in paths:
            ...
            advance()

Nothing is drawn when stderr is not a terminal (CI logs, pipes), when ``enabled`` is
False (``--quiet``), or when the work finishes within ``delay`` seconds: the bar
appears only once the work has taken that long, and it disappears when done
(``transient``), so stdout and short runs are untouched.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

DELAY = 0.5


def progress_enabled(stream: IO[str] | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether a progress bar may be drawn on ``stream`` (default stderr)."""
    env = os.environ if environ is None else environ
    if env.get("TERM") == "dumb" or env.get("CI"):
        return False
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


@contextmanager
def progress(
    description: str,
    total: int | None,
    *,
    enabled: bool | None = None,
    stream: IO[str] | None = None,
    delay: float = DELAY,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Callable[..., None]]:
    """Yield ``advance(n=1)``; draw a bar on ``stream`` once the work outlasts ``delay``."""
    stream = sys.stderr if stream is None else stream
    if enabled is None:
        enabled = progress_enabled(stream)
    if not enabled:
        yield lambda n=1: None
        return
    started = clock()
    done = 0
    bar: Progress | None = None
    task = None

    def advance(n: int = 1) -> None:
        nonlocal done, bar, task
        done += n
        if bar is None:
            if clock() - started < delay:
                return
            console = Console(file=stream, stderr=True)
            bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            bar.start()
            task = bar.add_task(description, total=total, completed=done)
            return
        assert task is not None
        bar.update(task, completed=done)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.stop()
