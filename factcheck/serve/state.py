"""What a running server holds: its settings, and the warm state once it has loaded.

``ServeState.load`` runs once, in a thread of its own while the server already
answers (``/healthz`` says "loading", the check routes 503). It is the only writer:
it sets ``warm`` and ``runner`` and then flips ``status`` to "ready" (or "failed",
with the error's message). After that, requests only read.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from factcheck.errors import FactcheckError, escape_controls
from factcheck.pipeline import RuleSources
from factcheck.serve.limits import DEFAULT_MAX_BODY, DEFAULT_TIME_LIMIT
from factcheck.serve.runner import Runner
from factcheck.serve.warm import WarmState

Say = Callable[[str], None]


def say_on_stderr(message: str) -> None:
    print(f"factcheck serve: {escape_controls(message)}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class ServeSettings:
    """What ``factcheck serve`` was given. ``workers``: check processes (0: threads of
    the server process); ``keep_submissions``: a folder drafts are copied to (None:
    nothing submitted is written anywhere)."""

    corpus: Path | None = None
    rules: RuleSources | None = None  # None: the shipped rules
    index: Path | None = None
    workers: int = 1
    max_body: int = DEFAULT_MAX_BODY
    time_limit: float = DEFAULT_TIME_LIMIT
    token: str | None = None
    keep_submissions: Path | None = None


@contextmanager
def _line_progress(say: Say, description: str, total: int) -> Iterator[Callable[..., None]]:
    """A progress line every tenth of the work (a server's log is no terminal)."""
    done = 0
    step = max(1, total // 10)

    def advance(n: int = 1, *_: object) -> None:
        nonlocal done
        before = done
        done += n
        if total >= 100 and done // step != before // step and done < total:
            say(f"{description}: {done:,}/{total:,}")

    yield advance


class ServeState:
    """The server's state: ``status`` "loading" until ``load`` is done."""

    def __init__(self, settings: ServeSettings, say: Say = say_on_stderr) -> None:
        self.settings = settings
        self.say = say
        self.status: Literal["loading", "ready", "failed"] = "loading"
        self.message: str | None = None
        self.warm: WarmState | None = None
        self.runner: Runner | None = None
        self.ready = threading.Event()

    def load(self) -> None:
        """Load rules and corpus, start the check workers; never raises."""
        s = self.settings
        started = time.monotonic()
        where = str(s.corpus) if s.corpus is not None else "the shipped seed corpus"
        self.say(f"loading the rules and the corpus ({where})" + (f" through the index {s.index}" if s.index else ""))
        try:
            warm = WarmState.load(
                s.corpus, s.rules, s.index, warn=lambda m: self.say(f"warning: {m}"),
                progress=lambda d, t: _line_progress(self.say, d, t),
            )
            runner = Runner(warm, s.workers)
        except Exception as exc:  # noqa: BLE001 - said on the log and by /healthz, the server stays up
            self.message = str(exc) if isinstance(exc, FactcheckError) else f"{type(exc).__name__}: {exc}"
            self.status = "failed"
            self.say(f"error: {self.message}")
            self.ready.set()
            return
        self.warm, self.runner = warm, runner
        st = warm.stats
        self.status = "ready"
        self.say(
            f"ready: {st.documents:,} documents, {st.claims:,} claims ({st.kept_claims:,} of figures) "
            f"in {time.monotonic() - started:.1f} s; "
            + (f"{runner.workers} check process(es)" if runner.workers else "checks in threads")
        )
        self.ready.set()

    def close(self) -> None:
        if self.runner is not None:
            self.runner.close()
