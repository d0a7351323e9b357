"""Parallel extraction: documents spread over worker processes, results in document order.

``Extractor(gazetteer, jobs)`` is a context manager; ``map(tasks)`` yields the claims of
each ``(text, published)`` task in the order given, whatever order the workers finish
in (``Pool.imap`` returns results by position), so ``--jobs 4`` gives the same bytes as
``--jobs 1``.

Each worker builds the gazetteer and warms the extractor (pint's unit registry, the
compiled patterns) once, in its initializer, never per document. Claims travel back as
JSON (pydantic's serializer: faster than pickling models, and exact: a float survives
the round trip bit for bit).

Small inputs are not worth a process start (about a second per worker, most of it
warming the extractor): below ``PARALLEL_MIN_CHARS`` characters, or with ``jobs`` 1,
everything runs in this process. When the files on disk are large enough
(``input_size``), ``factcheck.pipeline`` starts the workers before it reads the
documents, so that they warm up while it reads. On Linux workers are forked when this process has no
other thread (cheapest, and safe then); otherwise, and on other systems, they come from
a fork server or are spawned, which re-imports the main module: programs that call this
must guard their entry point with ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import stat
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import date
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING

from factcheck.models import CLAIM_LIST, Claim

if TYPE_CHECKING:
    from factcheck.extract.budget import Budget
    from factcheck.extract.context.gazetteer import Gazetteer
    from factcheck.places import Place

# Below this many characters to extract, extraction stays in this process: at about half
# a million characters per second per core, a worker's start-up (about 1 s) is not paid
# back by less than this. The environment variable FACTCHECK_PARALLEL_MIN_CHARS
# overrides it (0: always use workers when jobs > 1; the tests use it).
PARALLEL_MIN_CHARS = 1_000_000
# At most this many documents per message to a worker (fewer when there are few
# documents, so that every worker gets several chunks and the last ones finish together).
MAX_CHUNK = 16

Task = tuple[str, "date | None"]

_WARM_UP = (
    "More than 1.4 million people were sheltering in Rafah on Monday, about 5 km from the "
    "border, the UN said; $2.5bn in aid, 30% of it food, arrived since May 6."
)


def default_jobs() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def parallel_min_chars() -> int:
    value = os.environ.get("FACTCHECK_PARALLEL_MIN_CHARS", "").strip()
    try:
        return max(0, int(value)) if value else PARALLEL_MIN_CHARS
    except ValueError:
        return PARALLEL_MIN_CHARS


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def input_size(paths: Sequence[str], enough: int | None = None) -> tuple[int, int]:
    """(bytes, files) of the documents under ``paths`` as the loader would find them
    (supported extensions, hidden entries skipped), from the file system alone; the walk
    stops once it has ``enough`` bytes and two files. Used to start workers before the
    documents are read, so that they warm up while this process reads."""
    from factcheck.load.walk import format_for

    total, files = 0, 0
    pending = [p for p in paths if p != "-"]
    visited: set[tuple[int, int]] = set()  # folders seen (symlink loops)
    while pending:
        path = pending.pop()
        try:
            st = os.stat(path)
            if stat.S_ISDIR(st.st_mode):
                if (st.st_dev, st.st_ino) in visited:
                    continue
                visited.add((st.st_dev, st.st_ino))
                with os.scandir(path) as it:
                    for entry in it:
                        if entry.name.startswith("."):
                            continue
                        if entry.is_dir():
                            pending.append(entry.path)
                        elif format_for(entry.name) is not None and entry.is_file():
                            total += entry.stat().st_size
                            files += 1
            elif stat.S_ISREG(st.st_mode):
                total += st.st_size
                files += 1
        except OSError:
            continue  # the loader will say what is wrong
        if enough is not None and total >= enough and files >= 2:
            break
    return total, files


# -- the worker side -------------------------------------------------------------------

_gazetteer: Gazetteer | None = None
_budget: Budget | None = None


def _init(gazetteer: Gazetteer | list[Place] | None, budget: Budget | None = None) -> None:
    """Once per worker: the gazetteer (inherited when forked, else rebuilt from its
    places) and a warm-up extraction that builds pint's registry and the patterns."""
    global _gazetteer, _budget
    # Ctrl-C in a terminal signals the whole process group: the parent answers it (and
    # stops the workers); a worker printing its own KeyboardInterrupt would only be noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from factcheck.extract import extract
    from factcheck.extract.context.gazetteer import Gazetteer

    if isinstance(gazetteer, list):
        gazetteer = Gazetteer(gazetteer)
    _gazetteer = gazetteer
    _budget = budget
    extract(_WARM_UP, date(2024, 5, 20), _gazetteer)


def _work(task: Task) -> bytes:
    from factcheck.extract import extract

    text, published = task
    return CLAIM_LIST.dump_json(extract(text, published, _gazetteer, _budget))


# -- the parent side -------------------------------------------------------------------


class Extractor:
    """Extraction of many documents, in worker processes when it pays.

    The worker pool, if any, starts when the context is entered: enter it before
    starting threads (a progress bar) so that workers can be forked.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None,
        jobs: int | None = None,
        *,
        chars: int = 0,
        documents: int = 0,
        min_chars: int | None = None,
        budget: Budget | None = None,
    ) -> None:
        if min_chars is None:
            min_chars = parallel_min_chars()
        self.gazetteer = gazetteer
        self.budget = budget
        self.jobs = max(1, jobs if jobs is not None else default_jobs())
        workers = min(self.jobs, documents)
        self.workers = workers if workers > 1 and chars >= min_chars else 0
        self._pool = None

    def __enter__(self) -> Extractor:
        """Start the workers (if any); entering again, once they run, does nothing."""
        if self.workers and self._pool is None:
            ctx = _context()
            forked = ctx.get_start_method() == "fork"
            gazetteer = self.gazetteer if forked or self.gazetteer is None else list(self.gazetteer.places)
            self._pool = ctx.Pool(self.workers, initializer=_init, initargs=(gazetteer, self.budget))
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        """Stop the workers (at once after an error); then ``map`` runs in this process."""
        if self._pool is not None:
            if exc_type is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def map(self, tasks: Sequence[Task]) -> Iterator[list[Claim]]:
        """The claims of each task (without ids: see ``factcheck.pipeline``), in order."""
        if self._pool is None:
            from factcheck.extract import extract

            for text, published in tasks:
                yield extract(text, published, self.gazetteer, self.budget)
            return
        chunk = max(1, min(MAX_CHUNK, len(tasks) // (self.workers * 8)))
        for data in self._pool.imap(_work, tasks, chunksize=chunk):
            yield CLAIM_LIST.validate_json(data)
