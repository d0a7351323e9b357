"""Tasks sent to the cluster a few at a time, their results taken in the order sent.

The check phase cuts an archive's items into many tasks. Submitting them all at once
would put every task's arguments (the pickled items of the whole archive) in transit
at the same moment, held by the client and the scheduler until each task ran: on a
10,000-article archive that more than doubled the client's memory, and it grows with
the archive. ``in_order`` keeps at most ``limit`` tasks out (enough that no worker
waits for the client) and builds a task's arguments only when it is submitted, so
what is in transit is bounded by the task size, not by the archive.

Tasks are cut to about ``CHUNK_ITEMS`` items (``part_count``): small enough that one
task's arguments stay a few MiB, large enough that the per-task cost does not dominate.
A unit the checks must read whole (a figure and its parts, one frame group, one
document) is never cut, so a task can be larger; Dask's warning about a "large graph"
is then about data that has to travel, and says nothing a user could act on, so it is
not shown.
"""

from __future__ import annotations

import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from factcheck.check.base import Item
from factcheck.models import Document

if TYPE_CHECKING:
    from distributed import Client, Future

# Items per check task, about (a task's pickled items are about 2 KB each).
CHUNK_ITEMS = 2_500
# Tasks out per worker thread at a time.
IN_FLIGHT = 2


def part_count(items: int, workers: int) -> int:
    """How many parts ``items`` items are cut into: at least two per worker (so each
    has work while the other's answer is read), more when that keeps parts small."""
    return max(2 * max(1, workers), -(-items // CHUNK_ITEMS))


@dataclass(frozen=True)
class Call:
    """A task to submit: ``func`` over the arguments ``args()`` builds when it is sent;
    ``tag`` says what its result is for."""

    tag: Any
    func: Callable[..., Any]
    args: Callable[[], tuple[Any, ...]]


def in_order(
    client: Client, calls: Iterable[Call], limit: int, meanwhile: Callable[[], None] | None = None,
) -> Iterator[tuple[Any, Any]]:
    """``(tag, result)`` of every call, in the order given, with at most ``limit`` out at
    a time; ``meanwhile`` runs on the client once the first ones are out. What is still
    out when the caller stops (an error, Ctrl-C) is cancelled."""
    upcoming = iter(calls)
    window: deque[tuple[Any, Future]] = deque()

    def fill() -> None:
        while len(window) < max(1, limit):
            call = next(upcoming, None)
            if call is None:
                return
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
                window.append((call.tag, client.submit(call.func, *call.args(), pure=False)))

    try:
        fill()
        if meanwhile is not None:
            meanwhile()
        while window:
            tag, future = window.popleft()
            result = future.result()
            future.release()
            fill()
            yield tag, result
    finally:
        if window:
            client.cancel([f for _, f in window])


def without_texts(items: Iterable[Item], stripped: dict[str, Document]) -> list[Item]:
    """``items`` with their documents' texts left out (``stripped``: the text-less
    copies made so far, by document id). The checks a worker runs over figures and
    frame groups read a document's outlet, title, path and date, never its text (the
    names a frame group needs go with the task, ``names.texts_of``), and a text would
    be pickled once into every task one of its claims is in."""
    out = []
    for item in items:
        doc = item.doc
        if doc is not None and doc.text:
            light = stripped.get(doc.id)
            if light is None:
                light = stripped[doc.id] = doc.model_copy(update={"text": ""})
            item = replace(item, doc=light)
        out.append(item)
    return out
