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
everything runs in this process. On Linux workers are forked when this process has no
other thread (cheapest, and safe then); otherwise, and on other systems, they come from
a fork server or are spawned, which re-imports the main module: programs that call this
must guard their entry point with ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import date
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING

from pydantic import TypeAdapter

from factcheck.models import Claim

if TYPE_CHECKING:
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

_CLAIMS = TypeAdapter(list[Claim])
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


# -- the worker side -------------------------------------------------------------------

_gazetteer: Gazetteer | None = None


def _init(gazetteer: Gazetteer | list[Place] | None) -> None:
    """Once per worker: the gazetteer (inherited when forked, else rebuilt from its
    places) and a warm-up extraction that builds pint's registry and the patterns."""
    global _gazetteer
    from factcheck.extract import extract
    from factcheck.extract.context.gazetteer import Gazetteer

    if isinstance(gazetteer, list):
        gazetteer = Gazetteer(gazetteer)
    _gazetteer = gazetteer
    extract(_WARM_UP, date(2024, 5, 20), _gazetteer)


def _work(task: Task) -> bytes:
    from factcheck.extract import extract

    text, published = task
    return _CLAIMS.dump_json(extract(text, published, _gazetteer))


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
    ) -> None:
        if min_chars is None:
            min_chars = parallel_min_chars()
        self.gazetteer = gazetteer
        self.jobs = max(1, jobs if jobs is not None else default_jobs())
        workers = min(self.jobs, documents)
        self.workers = workers if workers > 1 and chars >= min_chars else 0
        self._pool = None

    def __enter__(self) -> Extractor:
        if self.workers:
            ctx = _context()
            forked = ctx.get_start_method() == "fork"
            gazetteer = self.gazetteer if forked or self.gazetteer is None else list(self.gazetteer.places)
            self._pool = ctx.Pool(self.workers, initializer=_init, initargs=(gazetteer,))
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
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
                yield extract(text, published, self.gazetteer)
            return
        chunk = max(1, min(MAX_CHUNK, len(tasks) // (self.workers * 8)))
        for data in self._pool.imap(_work, tasks, chunksize=chunk):
            yield _CLAIMS.validate_json(data)
