"""Extraction on the cluster: batches of documents to the workers, claims back in order.

``extract_documents`` (``factcheck.extract.documents``) takes an ``extractor``: anything
with ``map(tasks)`` yielding the raw claims of each ``(text, published)`` task in the
order given, used as a context manager. ``ClusterExtractor`` is one: the tasks (each
distinct text once: ``extract_documents`` has removed copies and what the claim index
already has) go out in batches whose Dask key is the SHA-256 of their contents, so a
batch is one task however often it is retried, and a worker lost mid-run costs the
batches it held, which Dask runs again elsewhere: no document is lost or extracted
twice into the result. Claims come back as JSON (exact floats, as with the local
worker pool) and are yielded in task order, so the client, the only writer, fills the
claim index and the progress bar advances by documents done across the workers.

At most ``IN_FLIGHT`` batches per worker are out at a time: the client never holds
the texts and claims of a whole archive of millions of articles in transit.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from factcheck.extract.parallel import Task
from factcheck.models import CLAIM_LIST, Claim

if TYPE_CHECKING:
    from distributed import Client, Future

    from factcheck.extract.budget import Budget
    from factcheck.extract.context.gazetteer import Gazetteer
    from factcheck.places import Place

# Documents per batch at most (fewer when there are few, so every worker gets several).
MAX_BATCH = 32
# Batches out per worker: enough that no worker waits for the client, few enough that
# the client's memory does not grow with the archive.
IN_FLIGHT = 4

# -- the worker side -------------------------------------------------------------------

_gazetteers: dict[str, Any] = {}


def _gazetteer(digest: str, places: list[Place] | None) -> Gazetteer | None:
    """The gazetteer of ``places``, built once per worker process."""
    if places is None:
        return None
    found = _gazetteers.get(digest)
    if found is None:
        from factcheck.extract.context.gazetteer import Gazetteer

        found = _gazetteers[digest] = Gazetteer(places)
    return found


def extract_batch(
    tasks: list[tuple[str, date | None]], places: list[Place] | None, digest: str, budget: Budget | None = None
) -> list[bytes]:
    """On a worker: the claims of each task, as JSON."""
    from factcheck.extract import extract

    gazetteer = _gazetteer(digest, places)
    return [CLAIM_LIST.dump_json(extract(text, published, gazetteer, budget)) for text, published in tasks]


# -- the client side -------------------------------------------------------------------


def batch_key(tasks: Sequence[Task], digest: str) -> str:
    """The Dask key of a batch: its texts and dates (and the gazetteer) decide its claims."""
    h = hashlib.sha256(digest.encode())
    for text, published in tasks:
        h.update(b"\0")
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\1" + (published.isoformat() if published else "").encode())
    return f"factcheck-extract-{h.hexdigest()}"


class ClusterExtractor:
    """``factcheck.extract.parallel.Extractor``'s interface on a Dask cluster."""

    def __init__(
        self, client: Client, gazetteer: Gazetteer | None, places: Any, digest: str, workers: int,
        budget: Budget | None = None,
    ) -> None:
        self.client = client
        self.gazetteer = gazetteer
        self.places = places  # the places of the gazetteer, held on the cluster (or None)
        self.digest = digest
        self.budget = budget
        self.workers = max(1, workers)
        self._pending: list[Future] = []

    def __enter__(self) -> ClusterExtractor:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        """After an error (or Ctrl-C), what is still out is cancelled."""
        if self._pending:
            self.client.cancel(self._pending)
            self._pending = []

    @property
    def parallel(self) -> bool:
        return True

    def map(self, tasks: Sequence[Task]) -> Iterator[list[Claim]]:
        """The claims of each task, in order (without ids: see ``extract_documents``)."""
        size = max(1, min(MAX_BATCH, len(tasks) // (self.workers * 8) or 1))
        batches = [list(tasks[k : k + size]) for k in range(0, len(tasks), size)]
        window: deque[Future] = deque()
        upcoming = iter(batches)

        def submit() -> bool:
            batch = next(upcoming, None)
            if batch is None:
                return False
            future = self.client.submit(
                extract_batch, batch, self.places, self.digest, self.budget, key=batch_key(batch, self.digest),
            )
            window.append(future)
            self._pending.append(future)
            return True

        for _ in range(self.workers * IN_FLIGHT):
            if not submit():
                break
        while window:
            future = window.popleft()
            encoded = future.result()
            self._pending.remove(future)
            future.release()
            submit()
            for data in encoded:
                yield CLAIM_LIST.validate_json(data)
