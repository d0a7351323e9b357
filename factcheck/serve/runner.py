"""Checks run off the event loop, so the page and ``/healthz`` answer while drafts are
being checked.

A check is pure Python (extraction, matching, the rules): threads would share one core
under the GIL. With ``workers`` of 1 or more, ``Runner`` forks that many processes from
the server once the warm state is loaded: each inherits the rules and the corpus
(copy-on-write; frozen first, ``factcheck.util.gcpause.freeze_heap``, so the collector
does not touch, and so copy, the inherited objects) and checks one draft at a time. ``workers=0`` checks in a thread of
this process (the tests, and small machines).

A job is plain data in (``CheckJob``) and plain data out (``JobResult``): the body
already rendered, or an error as status and message. Nothing is shared between jobs,
and nothing is written anywhere.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from factcheck.errors import FactcheckError
from factcheck.report import FORMATTERS
from factcheck.serve.errors import status_of
from factcheck.serve.languagetool import languagetool_answer
from factcheck.serve.submission import DraftMetadata, OffsetMap, draft_document
from factcheck.serve.warm import WarmState
from factcheck.util import gcpause

Output = Literal["contract", "page", "languagetool"]

# How often a check process looks whether the server is still there.
PARENT_CHECK_SECONDS = 1.0

# Archive claims per figure the page's timelines draw besides the evidence.
TIMELINE_LIMIT = 150


@dataclass(frozen=True)
class CheckJob:
    """One draft to check and the answer wanted. ``positions`` (LanguageTool's
    annotated text) maps each character of ``content`` to the whole annotation."""

    content: bytes | str
    output: Output
    filename: str | None = None
    metadata: DraftMetadata = field(default_factory=DraftMetadata)
    as_of: date | None = None
    language: str = "auto"
    positions: tuple[int, ...] | None = None
    original: str | None = None


@dataclass(frozen=True)
class JobResult:
    """A rendered answer (``body``; the page also gets the contract JSON, for its
    download link) or an error (``status`` >= 400, ``error`` its class name)."""

    status: int = 200
    body: str = ""
    json: str = ""
    error: str = ""
    message: str = ""
    findings: int = 0
    title: str = ""
    # The job's time in the process that ran it: wall clock and CPU, milliseconds
    # (the answer's Server-Timing header).
    wall_ms: float = 0.0
    cpu_ms: float = 0.0
    # From the request's arrival at the runner to its answer (set by the server).
    total_ms: float = 0.0

    def server_timing(self) -> str:
        """The Server-Timing header (W3C): time waiting for a check process, the check
        itself (wall clock) and its CPU time, so a client or a load test sees where a
        slow answer spent its time."""
        queued = max(0.0, self.total_ms - self.wall_ms)
        return (f'queue;dur={queued:.1f};desc="waiting for a check process", '
                f'check;dur={self.wall_ms:.1f};desc="check and render", '
                f'cpu;dur={self.cpu_ms:.1f};desc="CPU time of the check"')


def run_job(state: WarmState, job: CheckJob) -> JobResult:
    """Check ``job``'s draft against ``state`` and render the answer. A user's error
    (an unreadable draft) comes back as a result, never raised: it must cross a process
    boundary, and is an answer, not a crash."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = _answer(state, job)
    return replace(result, wall_ms=(time.perf_counter() - wall) * 1000, cpu_ms=(time.process_time() - cpu) * 1000)


def _answer(state: WarmState, job: CheckJob) -> JobResult:
    try:
        draft = draft_document(job.content, job.filename, job.metadata)
        outcome = state.check(draft, as_of=job.as_of, timeline_limit=TIMELINE_LIMIT if job.output == "page" else 0)
        findings = sum(1 for f in outcome.report.findings if not f.suppressed)
        if job.output == "languagetool":
            original = job.original if job.original is not None else str(job.content)
            to_original = _offsets(job, draft.text, draft.line_offset)
            body = json.dumps(languagetool_answer(outcome.view, original, to_original, job.language), ensure_ascii=False)
            return JobResult(body=body, findings=findings)
        contract = FORMATTERS["json"].render(outcome.view)
        if job.output == "contract":
            return JobResult(body=contract, findings=findings)
        return JobResult(body=FORMATTERS["html"].render(outcome.view), json=contract, findings=findings,
                         title=draft.title or draft.path)
    except FactcheckError as exc:
        return JobResult(status=status_of(exc), error=type(exc).__name__, message=str(exc))


def _body_start(original: str, lines: int) -> int:
    """Where the text after the first ``lines`` lines of ``original`` starts (a
    Markdown body after its front matter); CRLF and a lone CR end a line too."""
    i = 0
    for _ in range(lines):
        nl = min((k for k in (original.find("\n", i), original.find("\r", i)) if k >= 0), default=-1)
        if nl < 0:
            return len(original)
        i = nl + (2 if original.startswith("\r\n", nl) else 1)
    return i


def _offsets(job: CheckJob, read: str, line_offset: int) -> Callable[[int, int], tuple[int, int]]:
    """Map a span of the text factcheck read to (offset, length) in what was sent."""
    text = job.content if isinstance(job.content, str) else ""
    # The walk starts at the body: a front matter's title would otherwise catch the
    # body's first characters.
    to_text = OffsetMap(text, read, start=_body_start(text, line_offset))
    if job.positions is None:
        return to_text.span
    positions = job.positions

    def span(start: int, end: int) -> tuple[int, int]:
        first, length = to_text.span(start, end)
        lo = positions[min(first, len(positions) - 1)]
        hi = positions[min(first + length - 1, len(positions) - 1)] + 1 if length else lo
        return lo, hi - lo

    return span


# -- the pool ----------------------------------------------------------------------------
_STATE: WarmState | None = None  # a forked worker's inherited state


def _in_worker(job: CheckJob) -> JobResult:
    assert _STATE is not None, "worker started without a warm state"
    return run_job(_STATE, job)


def _watch_parent(parent: int) -> None:
    """A check process's start: end it once the server is gone. Killed hard (or ended
    before it closed its pool), the server would otherwise leave its check processes
    running, each holding its copy of the archive, with no one to send them work."""

    # Forked after uvicorn took SIGTERM and SIGINT for its graceful shutdown, this
    # process inherited handlers that only set the server's flag: SIGTERM would be
    # ignored. Ctrl-C reaches the whole process group; the server ends these itself.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()


def _started(_: int) -> int:
    return os.getpid()


class Runner:
    """Where jobs run: ``workers`` forked processes, or a thread when 0."""

    def __init__(self, state: WarmState, workers: int) -> None:
        self.state = state
        self.workers = workers
        self._executor: Executor
        if workers >= 1 and sys.platform.startswith("linux"):
            global _STATE
            _STATE = state
            # Inherited objects stay in place: the collector writes no page of them.
            # Through gcpause, which then never walks them to ask whether they are.
            gcpause.freeze_heap()
            context = multiprocessing.get_context("fork")
            self._executor = ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=_watch_parent, initargs=(os.getpid(),)
            )
            # Fork every worker now, before the server starts its threads.
            list(self._executor.map(_started, range(workers)))
            self.pids = sorted({p.pid for p in getattr(self._executor, "_processes", {}).values()})
        else:
            self.workers = 0
            self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="factcheck-check")
            self.pids = []

    async def run(self, job: CheckJob) -> JobResult:
        loop = asyncio.get_running_loop()
        if self.workers:
            return await loop.run_in_executor(self._executor, _in_worker, job)
        return await loop.run_in_executor(self._executor, run_job, self.state, job)

    def close(self) -> None:
        """Stop taking jobs and end the check processes now (a job still running is
        abandoned: the server is going away)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        for pid in self.pids:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
