"""Extracting documents: each document's claims with stable ids, its line numbers, and
the claim index and the worker pool that make a large archive cheap.

``extract_document`` gives the claims of one document with their ids (``claim_id``:
document, position and surface), document id and source line and column (front matter
counted). ``extract_documents`` does it for many, in worker processes with ``jobs``
(``factcheck.extract.parallel``), reading what a claim index already has
(``factcheck.extract.index``) instead of extracting it again, and extracting each
distinct (text, date) once: a syndicated copy takes the claims of its original. The
result never depends on ``jobs`` or on the index: ids, document and line numbers are
set here, after both.
"""

from __future__ import annotations

import hashlib
import os
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from factcheck.extract import extract
from factcheck.extract.budget import Budget
from factcheck.extract.context.trusted import build
from factcheck.extract.context.gazetteer import Gazetteer
from factcheck.extract.index import (
    ClaimIndex,
    IndexFormat,
    extractor_version,
    key_for,
    resolve_index_path,
)
from factcheck.extract.parallel import Extractor, Task, input_size, parallel_min_chars
from factcheck.extract.parquet_index import ParquetIndex
from factcheck.models import Claim, DocPath, Document

# A progress bar factory: progress(description, total) -> context giving advance().
Progress = Callable[[str, int], AbstractContextManager[Callable[..., None]]]


class Extracting(Protocol):
    """What ``extract_documents`` extracts with: an ``Extractor`` (this machine's
    processes) or a cluster's (``factcheck.cluster.extraction.ClusterExtractor``)."""

    def __enter__(self) -> Any: ...

    def __exit__(self, exc_type: object, *_: object) -> None: ...

    def map(self, tasks: Sequence[Task]) -> Iterator[list[Claim]]: ...


def claim_id(doc_id: str, start: int, end: int, surface: str) -> str:
    """Stable claim id: the same document, position and surface give the same id."""
    digest = hashlib.sha256(f"{doc_id}\0{start}\0{end}\0{surface}".encode()).hexdigest()
    return f"{doc_id}-{digest[:10]}"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def extract_document(doc: Document, gazetteer: Gazetteer | None = None, budget: Budget | None = None) -> list[Claim]:
    """The claims of one document, with ids, document id and source line/column set."""
    return identified(doc, extract(doc.text, doc.published, gazetteer, budget))


# Claims made here share one set of "fields set" (every field is set): pydantic keeps a
# set per model instance otherwise, about 2 KB each, the largest part of a claim's memory.
_ALL_FIELDS = set(Claim.model_fields)


def identified(doc: Document, found: Sequence[Claim]) -> list[Claim]:
    """Claims as extraction returns them, given their ids, document and line/column.

    The claims are built with ``context.trusted.build`` from already validated values (no
    validation twice); claims quoting the same sentence share one string."""
    starts = _line_starts(doc.text)
    sentences: dict[str, str] = {}
    claims: list[Claim] = []
    ids = {c.start: claim_id(doc.id, c.start, c.end, c.surface) for c in found}
    for c in found:
        line_index = bisect_right(starts, c.start) - 1
        values = dict(c.__dict__)
        values.update(
            id=ids[c.start],
            doc=doc.id,
            line=line_index + 1 + doc.line_offset,
            column=c.start - starts[line_index] + 1,
            sentence=sentences.setdefault(c.sentence, c.sentence),
        )
        if c.pair_start is not None:
            values["pair"] = ids.get(c.pair_start)  # the other value of "from X to Y"
        frame = c.frame
        if frame is not None and (frame.whole_start is not None or frame.value_of_start is not None):
            # The whole a part belongs to, and the claim a value is of, by their ids here.
            values["frame"] = frame.model_copy(update={
                "part_of": ids.get(frame.whole_start) if frame.whole_start is not None else None,
                "value_of": ids.get(frame.value_of_start) if frame.value_of_start is not None else None,
            })
        claims.append(build(Claim, _ALL_FIELDS, values))
    return claims


@dataclass
class ExtractionTally:
    """Where the claims of a run's documents came from: ``extracted`` texts read now,
    documents whose text the index ``unchanged`` had, and ``copies``: documents with
    the same text (and date) as one extracted now, which take its claims. They add up
    to the documents."""

    extracted: int = 0
    unchanged: int = 0
    copies: int = 0


def extract_documents(
    docs: Sequence[Document],
    gazetteer: Gazetteer | None = None,
    advance: Callable[..., None] | None = None,
    *,
    jobs: int | None = 1,
    index: ClaimIndex | ParquetIndex | None = None,
    progress: Progress | None = None,
    extractor: Extracting | None = None,
    tally: ExtractionTally | None = None,
    budget: Budget | None = None,
) -> list[Claim]:
    """The claims of every document, in document order.

    ``advance`` is called after each document (a progress bar), or ``progress`` makes
    the bar. ``jobs``: worker processes (None: one per core; inputs under
    ``factcheck.extract.parallel.PARALLEL_MIN_CHARS`` characters stay in this
    process), or ``extractor``, a worker pool started earlier (``early_extractor``).
    ``index``: an open claim index; documents it has are not extracted again, and fresh
    extractions are added to it. ``tally`` is filled in with where the claims came from.
    ``budget``: how much of each document is read (``factcheck.extract.budget``).
    """
    keys = [key_for(d.text, d.published) for d in docs]
    stored = index.lookup(keys) if index is not None else {}
    if index is not None:
        for doc, key in zip(docs, keys, strict=True):
            path = _index_path(doc)
            if path is not None:
                index.seen(path, key, len(doc.text))
    # Each distinct (text, date) is extracted (or decoded from the index) once: syndicated
    # copies and repeated records cost one extraction. Claims get their ids as soon as
    # they arrive, so only one document's raw claims are held at a time.
    positions: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(keys):
        positions.setdefault(key, []).append(i)
    todo = [places[0] for key, places in positions.items() if key not in stored]
    if tally is not None:
        tally.extracted = len(todo)
        tally.unchanged = sum(len(positions[key]) for key in stored)
        tally.copies = len(docs) - tally.extracted - tally.unchanged
    per_doc: list[list[Claim]] = [[] for _ in docs]

    def place(key: tuple[str, str], raw: list[Claim]) -> int:
        for i in positions[key]:
            per_doc[i] = identified(docs[i], raw)
        return len(positions[key])

    chars = sum(len(docs[i].text) for i in todo)
    # The worker pool starts before the progress bar (a thread), so workers can be forked.
    if extractor is None:
        extractor = Extractor(gazetteer, jobs, chars=chars, documents=len(todo), budget=budget)
    with extractor:
        bar = progress("Extracting claims", len(docs)) if progress is not None else nullcontext(advance)
        with bar as step:
            reused = sum(place(key, entry.claims()) for key, entry in stored.items())
            if step is not None and reused:
                step(reused)
            tasks = [(docs[i].text, docs[i].published) for i in todo]
            for i, claims in zip(todo, extractor.map(tasks), strict=True):
                if index is not None:
                    index.add(keys[i], len(docs[i].text), claims)
                placed = place(keys[i], claims)
                if step is not None:
                    step(placed)
    if index is not None:
        index.flush()
    return [claim for claims in per_doc for claim in claims]


def real_path(path: str) -> str:
    """A document path with its file resolved ("archive.jsonl#3" names a record; the
    file part decides whether two documents are the same)."""
    where = DocPath.parse(path)
    try:
        resolved = str(Path(where.file).resolve())
    except OSError:
        resolved = where.file
    return str(where.with_file(resolved)) if where.record else resolved


def _index_path(doc: Document) -> str | None:
    """The path the index records a document under: the real file (and record), or the
    path as reported when there is no such file (standard input is not recorded)."""
    if doc.path.startswith("<"):
        return None
    return real_path(doc.path) if os.path.exists(DocPath.parse(doc.path).file) else doc.path


def early_extractor(
    paths: Sequence[str], gazetteer: Gazetteer | None, jobs: int | None, index: Path | None,
    budget: Budget | None = None,
) -> Extractor | None:
    """A worker pool to start before the documents are read, when the files are large
    enough to be extracted in parallel anyway: the workers warm up (patterns, units,
    gazetteer) while this process reads. Not with an index, which may make extraction
    unnecessary."""
    if index is not None or (jobs is not None and jobs <= 1):
        return None
    enough = parallel_min_chars()
    size, files = input_size(paths, enough)
    if size < enough or files < 2:
        return None
    return Extractor(gazetteer, jobs, chars=size, documents=files, min_chars=enough, budget=budget)


@contextmanager
def open_index(
    path: Path | None, gazetteer: Gazetteer | None, fmt: IndexFormat = "sqlite", budget: Budget | None = None
) -> Iterator[ClaimIndex | ParquetIndex | None]:
    """The claim index at ``path`` for this extractor (``default``: the user cache
    directory's), an SQLite file or (``fmt`` "parquet") a folder of Parquet
    partitions, or None without a path."""
    if path is None:
        yield None
        return
    opened = ParquetIndex.open if fmt == "parquet" else ClaimIndex.open
    with opened(resolve_index_path(path, fmt), extractor_version(gazetteer, budget)) as index:
        yield index
