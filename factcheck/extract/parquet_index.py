"""The claim index as a folder of Parquet partitions (``--index-format parquet``).

For archives too large for one SQLite file: the same entries as ``ClaimIndex``
(``factcheck.extract.index``: claims per extractor version, document content and
publication date, before ids are given; the same extractor version), in Parquet files
that any number of them can be copied, listed or read by other tools (pyarrow, Dask,
DuckDB; hive-style folder names). It needs pyarrow (``pip install 'factcheck[parquet]'``,
also in ``factcheck[dask]``).

Layout::

    DIR/factcheck-index.json                         what the folder is, and its schema
    DIR/extractions/extractor=<version>/bucket=<h>/<digest>.parquet
        content, published, chars, n_claims, claims (zlib JSON, as in SQLite), created
    DIR/documents/<digest>.parquet                   path, content, published, chars, seen

``bucket`` is the first hex digit of the content hash, so a lookup reads only the
buckets of the keys it looks for, and of those first the two key columns. Files are
written whole, under a temporary name and renamed, and named by the digest of what
they hold: a file is never half-written and never changed, so a reader never sees one
being written, and two runs writing the same entries at once write the same file. An
entry found in two files (two runs extracted the same document) is the same entry.
Writes are batched (``BATCH`` documents, or every ``FLUSH_SECONDS``): few large files,
not one per document. Only the process running factcheck (on a cluster: the client)
writes; the workers need no shared storage.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from factcheck.extract.index import BufferedWrites, IndexFileError, Key, Pending, Stored
from factcheck.extract.index_stats import IndexStats, VersionStats
from factcheck.load.files import current_inputs
from factcheck.models import CLAIM_LIST, Claim

SCHEMA_VERSION = 1
MARKER = "factcheck-index.json"
FORMAT_NAME = "factcheck claim index (parquet)"
# Documents per write: files of thousands of rows, which Parquet reads efficiently.
BATCH = 10_000
FLUSH_SECONDS = 60.0

_ENTRY_COLUMNS = ("content", "published", "chars", "n_claims", "claims", "created")
_DOCUMENT_COLUMNS = ("path", "content", "published", "chars", "seen")


def require_pyarrow() -> Any:
    """pyarrow's Parquet module, or a clear error: it is an optional extra."""
    try:
        import pyarrow  # type: ignore[import-untyped]  # noqa: F401
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise IndexFileError("--index-format parquet needs pyarrow: pip install 'factcheck[parquet]'") from None
    return pq


class ParquetIndex(BufferedWrites):
    """An open Parquet claim index for one extractor version (``ClaimIndex``'s methods)."""

    batch = BATCH
    flush_seconds = FLUSH_SECONDS

    def __init__(self, path: Path, extractor: str) -> None:
        self.path = Path(path)
        self.extractor = extractor
        self._pq = require_pyarrow()
        super().__init__()
        self._prepare()

    @classmethod
    @contextmanager
    def open(cls, path: Path, extractor: str) -> Iterator[ParquetIndex]:
        index = cls(path, extractor)
        try:
            yield index
            index.flush()
        finally:
            index.close()

    def _prepare(self) -> None:
        marker = self.path / MARKER
        if self.path.exists() and not self.path.is_dir():
            raise IndexFileError(f"{self.path}: is a file, not a Parquet index folder (an SQLite index needs no --index-format)")
        inputs = current_inputs()
        if inputs is not None and self.path in inputs:
            raise IndexFileError(f"{self.path}: is one of this run's inputs; factcheck never overwrites its inputs")
        if marker.is_file():
            try:
                meta = json.loads(marker.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise IndexFileError(f"{self.path}: not a usable factcheck index: {MARKER}: {exc}") from None
            if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
                raise IndexFileError(f"{self.path}: {MARKER} does not describe a factcheck Parquet index")
            if meta.get("schema") != SCHEMA_VERSION:
                raise IndexFileError(
                    f"{self.path}: index schema {meta.get('schema')}, this factcheck reads schema {SCHEMA_VERSION}; "
                    "delete the folder or give another --index"
                )
            return
        if self.path.is_dir() and any(self.path.iterdir()):
            raise IndexFileError(f"{self.path}: is a folder but not a factcheck Parquet index (no {MARKER})")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            _write_atomic(marker, json.dumps({"format": FORMAT_NAME, "schema": SCHEMA_VERSION}).encode())
        except OSError as exc:
            raise IndexFileError(f"{self.path}: cannot create the index: {exc.strerror or exc}") from None

    def close(self) -> None:
        return None

    # -- lookup ----------------------------------------------------------------------

    def _version_dir(self, extractor: str | None = None) -> Path:
        return self.path / "extractions" / f"extractor={extractor or self.extractor}"

    def _read(self, file: Path, columns: Sequence[str]) -> dict[str, list[Any]]:
        try:
            return self._pq.read_table(file, columns=list(columns)).to_pydict()
        except (OSError, ValueError, KeyError) as exc:  # pyarrow's errors derive from these
            raise IndexFileError(f"{file}: not a usable index partition: {exc}") from None

    def lookup(self, keys: Sequence[Key]) -> dict[Key, Stored]:
        """The entries this extractor version has for any of ``keys``."""
        wanted: dict[str, set[Key]] = defaultdict(set)
        for key in keys:
            wanted[key[0][:1]].add(key)
        found: dict[Key, Stored] = {}
        for bucket, in_bucket in sorted(wanted.items()):
            for file in sorted((self._version_dir() / f"bucket={bucket}").glob("*.parquet")):
                cols = self._read(file, ("content", "published"))
                rows = [
                    k for k, key in enumerate(zip(cols["content"], cols["published"], strict=True))
                    if key in in_bucket and key not in found
                ]
                if not rows:
                    continue
                claims = self._pq.read_table(file, columns=["claims"]).column(0).take(rows).to_pylist()
                for k, blob in zip(rows, claims, strict=True):
                    found.setdefault((cols["content"][k], cols["published"][k]), Stored(blob))
        return found

    # -- store -----------------------------------------------------------------------

    def flush(self) -> None:
        self._flushed = time.monotonic()
        pending, self._pending = self._pending, []
        seen, self._seen = self._seen, []
        now = time.time()
        buckets: dict[str, list[Pending]] = defaultdict(list)
        for p in pending:
            buckets[p.key[0][:1]].append(p)
        for bucket, entries in sorted(buckets.items()):
            columns: dict[str, list[Any]] = {
                "content": [p.key[0] for p in entries],
                "published": [p.key[1] for p in entries],
                "chars": [p.chars for p in entries],
                "n_claims": [len(p.claims) for p in entries],
                "claims": [zlib.compress(CLAIM_LIST.dump_json(p.claims), 1) for p in entries],
                "created": [now] * len(entries),
            }
            self._write_table(self._version_dir() / f"bucket={bucket}", columns)
        if seen:
            documents: dict[str, list[Any]] = {
                "path": [s[0] for s in seen], "content": [s[1][0] for s in seen],
                "published": [s[1][1] for s in seen], "chars": [s[2] for s in seen], "seen": [now] * len(seen),
            }
            self._write_table(self.path / "documents", documents)

    def _write_table(self, folder: Path, columns: dict[str, list[Any]]) -> None:
        """One Parquet file of ``columns`` in ``folder``, named by the digest of its rows
        (not of the write time: the same rows are the same file)."""
        import pyarrow as pa  # type: ignore[import-untyped]

        digest = hashlib.sha256()
        for name in sorted(columns):
            if name not in ("created", "seen"):
                digest.update(name.encode() + b"\0" + repr(columns[name]).encode())
        table = pa.table(columns)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{digest.hexdigest()[:32]}.parquet"
            temporary = folder / f".{target.name}.{os.getpid()}.tmp"
            self._pq.write_table(table, temporary, compression="zstd")
            os.replace(temporary, target)
        except OSError as exc:
            raise IndexFileError(f"{folder}: cannot write to the index: {exc.strerror or exc}") from None

    # -- maintenance -----------------------------------------------------------------

    def _documents(self) -> dict[str, tuple[Key, int, float]]:
        """Each recorded path's latest content, length and time seen."""
        latest: dict[str, tuple[Key, int, float]] = {}
        for file in sorted((self.path / "documents").glob("*.parquet")):
            cols = self._read(file, _DOCUMENT_COLUMNS)
            for path, content, published, chars, seen in zip(*(cols[c] for c in _DOCUMENT_COLUMNS), strict=True):
                if path not in latest or seen >= latest[path][2]:
                    latest[path] = ((content, published), chars, seen)
        return latest

    def _versions(self) -> list[str]:
        root = self.path / "extractions"
        return sorted(p.name.partition("=")[2] for p in root.glob("extractor=*") if p.is_dir())

    def _entries(self, extractor: str) -> Iterator[tuple[Path, dict[str, list[Any]]]]:
        for file in sorted(self._version_dir(extractor).glob("bucket=*/*.parquet")):
            yield file, self._read(file, ("content", "published", "chars", "n_claims"))

    def stats(self) -> IndexStats:
        self.flush()
        versions = []
        for extractor in self._versions():
            keys: dict[Key, tuple[int, int]] = {}
            for _, cols in self._entries(extractor):
                for content, published, chars, n in zip(*(cols[c] for c in _ENTRY_COLUMNS[:4]), strict=True):
                    keys[(content, published)] = (chars, n)
            versions.append(VersionStats(extractor, len(keys), sum(n for _, n in keys.values()),
                                         sum(c for c, _ in keys.values()), extractor == self.extractor))
        current = {k for _, cols in self._entries(self.extractor) for k in zip(cols["content"], cols["published"], strict=True)}
        docs = self._documents()
        size = sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())
        return IndexStats(
            path=str(self.path), size_bytes=size, schema=SCHEMA_VERSION, journal_mode="none: Parquet partitions",
            extractor=self.extractor, documents=len(docs),
            documents_current=sum(1 for key, _, _ in docs.values() if key in current),
            last_seen=max((s for _, _, s in docs.values()), default=None),
            versions=tuple(sorted(versions, key=lambda v: not v.current)),
        )

    def prune(self) -> int:
        """Delete the entries of other extractor versions and those no recorded path has
        now (files rewritten without them); returns how many were deleted."""
        self.flush()
        deleted = 0
        for extractor in self._versions():
            if extractor != self.extractor:
                deleted += sum(len(cols["content"]) for _, cols in self._entries(extractor))
                shutil.rmtree(self._version_dir(extractor))
        live = {key for key, _, _ in self._documents().values()}
        for file, cols in list(self._entries(self.extractor)):
            keep = [k for k, key in enumerate(zip(cols["content"], cols["published"], strict=True)) if key in live]
            if len(keep) == len(cols["content"]):
                continue
            deleted += len(cols["content"]) - len(keep)
            if keep:
                table = self._pq.read_table(file).take(keep)
                self._write_table(file.parent, {c: table.column(c).to_pylist() for c in _ENTRY_COLUMNS})
            file.unlink()
        return deleted

    def entries(self) -> Iterable[tuple[str, str, str, int]]:
        """(extractor, content, published, n_claims) of every entry, each once."""
        found: dict[tuple[str, str, str], int] = {}
        for extractor in self._versions():
            for _, cols in self._entries(extractor):
                for content, published, n in zip(cols["content"], cols["published"], cols["n_claims"], strict=True):
                    found[(extractor, content, published)] = n
        return [(*key, n) for key, n in found.items()]


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
