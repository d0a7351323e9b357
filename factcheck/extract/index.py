"""The claim index: extracted claims kept in SQLite, so an unchanged archive is not read twice.

``factcheck index PATH...`` fills it, ``factcheck run --index FILE`` and ``factcheck
extract --index FILE`` use it (and add what they extract); without ``--index`` factcheck
writes nothing anywhere. ``--index default`` is the file in the user cache directory
(``default_index_path``).

What is stored
    One entry per (extractor version, document content, publication date): the claims
    ``factcheck.extract.extract`` returned for that text, as JSON (zlib-compressed),
    *before* they get their document id, claim ids and line numbers. Those depend on the
    path the document is reported under and are recomputed on every run, so a claim
    has the same id whether it comes from the index or from a fresh extraction, and a
    file that moved is still found. The publication date is part of the key because
    relative dates ("on Monday") resolve against it. The content is the SHA-256 of the
    text as factcheck reads it (front matter and markup removed), so any change to the
    text, and only a change to the text, makes the file be read again.

The extractor version
    ``<package version>+<16 hex digits>``: the SHA-256 of the source of the extraction
    code (every module of ``factcheck.extract``, ``factcheck.models``,
    ``factcheck.places``), the version of pint (it names the units) and the places of the
    gazetteer in use (the rule set's ``places:``, else the shipped gazetteer). A changed
    extractor or gazetteer is a new version: its entries are looked up and written
    separately, and the old ones are never used again (``factcheck index --prune``
    deletes them).

Documents
    The index also records, per path, the content last seen there (for ``--stats`` and
    ``--prune``, which deletes entries that no recorded path has any more).

Concurrency
    The database is in WAL mode: readers never block, and writers take the write lock
    with ``BEGIN IMMEDIATE`` for one short transaction per batch of documents, waiting
    (up to ``timeout`` seconds) for each other instead of failing. Entries are keyed on
    content, so two processes that extract the same document write the same entry and
    the second write is ignored. Two runs may share one index safely.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from factcheck.errors import FactcheckError
from factcheck.extract.budget import Budget
from factcheck.extract.index_stats import IndexStats, VersionStats
from factcheck.load.files import current_inputs
from factcheck.models import CLAIM_LIST, Claim

if TYPE_CHECKING:
    from factcheck.extract.context.gazetteer import Gazetteer

SCHEMA_VERSION = 1
APPLICATION_ID = 0x46434958  # "FCIX": marks the file as a factcheck index
DEFAULT_NAME = "default"  # --index default
# --index-format: one SQLite file, or a folder of Parquet partitions (``parquet_index``).
IndexFormat = Literal["sqlite", "parquet"]
INDEX_FORMATS: tuple[IndexFormat, ...] = ("sqlite", "parquet")
# Entries are written in transactions of at most this many documents, and at least every
# FLUSH_SECONDS: an interrupted run keeps what it finished, and another process waiting
# for the write lock gets it soon.
BATCH = 256
FLUSH_SECONDS = 1.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS extractions (
    extractor TEXT NOT NULL,
    content   TEXT NOT NULL,   -- SHA-256 of the document text
    published TEXT NOT NULL,   -- YYYY-MM-DD, or '' for an undated document
    chars     INTEGER NOT NULL,
    n_claims  INTEGER NOT NULL,
    claims    BLOB NOT NULL,   -- zlib(JSON list of claims, without ids)
    created   REAL NOT NULL,
    PRIMARY KEY (extractor, content, published)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents (
    path      TEXT PRIMARY KEY,
    content   TEXT NOT NULL,
    published TEXT NOT NULL,
    chars     INTEGER NOT NULL,
    seen      REAL NOT NULL
) WITHOUT ROWID;
"""


class IndexFileError(FactcheckError):
    """The index file cannot be used: not a factcheck index, another schema, unwritable."""


# -- where, and which extractor ------------------------------------------------------


def default_index_path(fmt: IndexFormat = "sqlite") -> Path:
    """The index in the user cache directory: ``$XDG_CACHE_HOME/factcheck/index.sqlite3``
    (``~/.cache/factcheck/`` when unset); on macOS ``~/Library/Caches/factcheck/``, on
    Windows ``%LOCALAPPDATA%\\factcheck\\Cache\\``, unless ``XDG_CACHE_HOME`` is set.
    The Parquet index is the folder ``index.parquet`` there."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        base = Path(xdg) / "factcheck"
    elif sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        base = Path(local) / "factcheck" / "Cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / "factcheck"
    else:
        base = Path.home() / ".cache" / "factcheck"
    return base / ("index.parquet" if fmt == "parquet" else "index.sqlite3")


def resolve_index_path(given: Path | str, fmt: IndexFormat = "sqlite") -> Path:
    """``--index`` as given: ``default`` is ``default_index_path()`` (write ``./default``
    for a file of that name)."""
    if str(given) == DEFAULT_NAME:
        return default_index_path(fmt)
    return Path(given).expanduser()


# Ground-floor modules extraction reads figures with.
_CODE_MODULES = ("models.py", "places.py", "hedging.py", "units.py")


@functools.cache
def _code_digest() -> str:
    """SHA-256 of the extraction code (file names and contents) and pint's version."""
    import pint

    package = Path(__file__).resolve().parent.parent  # factcheck/
    files = sorted((package / "extract").rglob("*.py")) + [package / name for name in _CODE_MODULES]
    h = hashlib.sha256()
    for path in files:
        h.update(path.relative_to(package).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    h.update(f"pint {pint.__version__}".encode())
    return h.hexdigest()


def extractor_version(gazetteer: Gazetteer | None, budget: Budget | None = None) -> str:
    """The version of extraction that entries are stored under (see the module docstring):
    the code, the places and the budget (which decides what of a document is read)."""
    from factcheck import __version__
    from factcheck.extract.context.gazetteer import default_gazetteer

    places = (gazetteer if gazetteer is not None else default_gazetteer()).places
    data = json.dumps([p.model_dump(mode="json") for p in places], sort_keys=True, ensure_ascii=False)
    h = hashlib.sha256()
    h.update(_code_digest().encode())
    h.update(b"\0")
    h.update(data.encode("utf-8"))
    if budget is not None and budget != Budget():
        h.update(f"\0budget {budget.document_numbers} {budget.sentence_numbers} {budget.numbers_per_mib}".encode())
    return f"{__version__}+{h.hexdigest()[:16]}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


Key = tuple[str, str]  # (content hash, published or '')


def key_for(text: str, published: date | None) -> Key:
    return content_hash(text), published.isoformat() if published is not None else ""


# -- the index -------------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """One entry as stored: compressed JSON, decoded on demand."""

    blob: bytes

    def claims(self) -> list[Claim]:
        return CLAIM_LIST.validate_json(zlib.decompress(self.blob))


@dataclass
class Pending:
    """One document's fresh extraction, waiting to be written."""

    key: Key
    chars: int
    claims: list[Claim]


class BufferedWrites:
    """What an index queues between writes: fresh extractions and the paths seen, written
    by the subclass's ``flush`` every ``batch`` documents or ``flush_seconds``."""

    batch = BATCH
    flush_seconds = FLUSH_SECONDS

    def __init__(self) -> None:
        self._pending: list[Pending] = []
        self._seen: list[tuple[str, Key, int]] = []
        self._flushed = time.monotonic()

    def add(self, key: Key, chars: int, claims: list[Claim]) -> None:
        """Queue a fresh extraction; written by ``flush`` (called every ``batch`` documents
        or ``flush_seconds``, and on closing)."""
        self._pending.append(Pending(key, chars, claims))
        if len(self._pending) >= self.batch or time.monotonic() - self._flushed >= self.flush_seconds:
            self.flush()

    def seen(self, path: str, key: Key, chars: int) -> None:
        """Record that ``path`` has this content now (written with ``flush``)."""
        self._seen.append((path, key, chars))
        if len(self._seen) >= 4 * self.batch:
            self.flush()

    def flush(self) -> None:
        raise NotImplementedError


class ClaimIndex(BufferedWrites):
    """An open claim index for one extractor version.

    >>> with ClaimIndex.open(path, extractor_version(gazetteer)) as index:
    ...     found = index.lookup([key_for(text, published)])
    """

    def __init__(self, path: Path, extractor: str, *, timeout: float = 120.0) -> None:
        self.path = Path(path)
        self.extractor = extractor
        self.timeout = timeout
        super().__init__()
        self._conn = self._connect()

    @classmethod
    @contextmanager
    def open(cls, path: Path, extractor: str, *, timeout: float = 120.0) -> Iterator[ClaimIndex]:
        index = cls(path, extractor, timeout=timeout)
        try:
            yield index
            index.flush()
        finally:
            index.close()

    # -- connection ----------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            hint = " (a Parquet index: add --index-format parquet)" if (self.path / "factcheck-index.json").is_file() else ""
            raise IndexFileError(f"{self.path}: is a folder, not an index file{hint}")
        inputs = current_inputs()
        if inputs is not None and self.path in inputs:
            # An empty draft named as the index would otherwise become a database.
            raise IndexFileError(f"{self.path}: is one of this run's inputs; factcheck never overwrites its inputs")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IndexFileError(f"{self.path}: cannot create its folder: {exc.strerror or exc}") from None
        try:
            # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE for writes, so
            # a writer waits for the lock up front instead of failing on upgrade).
            conn = sqlite3.connect(str(self.path), timeout=self.timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise IndexFileError(f"{self.path}: cannot open the index: {exc}") from None
        try:
            self._prepare(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise IndexFileError(f"{self.path}: not a usable factcheck index: {exc}") from None
        except BaseException:
            conn.close()
            raise
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        self._check_ours(conn)
        # WAL is persistent: set once, by whichever process creates the file. Switching
        # needs a moment without other connections, so retry while another one is busy.
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as exc:
                if not _busy(exc) or time.monotonic() > deadline:
                    raise
                mode = ""
            if str(mode).lower() == "wal":
                break
            if time.monotonic() > deadline:
                raise IndexFileError(f"{self.path}: cannot switch the index to WAL mode (journal mode {mode!r})")
            time.sleep(0.05)
        conn.execute("PRAGMA synchronous = NORMAL")  # safe in WAL mode: never corrupts
        with self._write(conn):
            self._check_ours(conn)
            if conn.execute("PRAGMA application_id").fetchone()[0] == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                conn.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif int(row[0]) != SCHEMA_VERSION:
                raise IndexFileError(
                    f"{self.path}: index schema {row[0]}, this factcheck reads schema {SCHEMA_VERSION}; "
                    "delete the file or give another --index"
                )

    def _check_ours(self, conn: sqlite3.Connection) -> None:
        """Refuse another program's database before changing anything in it: ours has our
        application id, or is empty (being created)."""
        # One statement, so one snapshot: read apart, the id could be read before another
        # process commits the new index and the tables after, which looks like a stranger.
        app_id, tables = conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id()), (SELECT count(*) FROM sqlite_master)"
        ).fetchone()
        if app_id == APPLICATION_ID:
            return
        if app_id != 0 or tables:
            raise IndexFileError(f"{self.path}: is an SQLite database but not a factcheck index")

    @contextmanager
    def _write(self, conn: sqlite3.Connection | None = None) -> Iterator[sqlite3.Connection]:
        conn = conn if conn is not None else self._conn
        try:
            _retry(lambda: conn.execute("BEGIN IMMEDIATE"), self.timeout)
        except sqlite3.OperationalError as exc:
            raise IndexFileError(f"{self.path}: cannot write to the index: {exc}") from None
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            conn.execute("ROLLBACK")
            raise IndexFileError(f"{self.path}: cannot write to the index: {exc}") from None
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        _retry(lambda: conn.execute("COMMIT"), self.timeout)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    # -- lookup and store ----------------------------------------------------------------

    def lookup(self, keys: Sequence[Key]) -> dict[Key, Stored]:
        """The entries this extractor version has for any of ``keys`` (decoded lazily:
        ``entry.claims()``)."""
        found: dict[Key, Stored] = {}
        wanted = list(dict.fromkeys(keys))
        conn = self._conn
        conn.execute("BEGIN")  # one snapshot for the whole lookup
        try:
            for start in range(0, len(wanted), 400):
                chunk = wanted[start : start + 400]
                # (content, published) pairs as a VALUES list joined on the primary key.
                values = ",".join("(?, ?)" for _ in chunk)
                params = [part for key in chunk for part in key] + [self.extractor]
                rows = conn.execute(
                    f"WITH k(content, published) AS (VALUES {values}) "
                    "SELECT e.content, e.published, e.claims FROM k JOIN extractions e "
                    "ON e.extractor = ? AND e.content = k.content AND e.published = k.published",
                    params,
                ).fetchall()
                for content, published, blob in rows:
                    found[(content, published)] = Stored(blob)
        finally:
            conn.execute("COMMIT")
        return found

    def flush(self) -> None:
        self._flushed = time.monotonic()
        if not self._pending and not self._seen:
            return
        pending, self._pending = self._pending, []
        seen, self._seen = self._seen, []
        now = time.time()
        entries = [
            (self.extractor, p.key[0], p.key[1], p.chars, len(p.claims), zlib.compress(CLAIM_LIST.dump_json(p.claims), 1), now)
            for p in pending
        ]
        docs = [(path, key[0], key[1], chars, now) for path, key, chars in seen]
        with self._write() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO extractions (extractor, content, published, chars, n_claims, claims, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                entries,
            )
            conn.executemany(
                "INSERT INTO documents (path, content, published, chars, seen) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (path) DO UPDATE SET content = excluded.content, published = excluded.published, "
                "chars = excluded.chars, seen = excluded.seen",
                docs,
            )

    # -- maintenance ---------------------------------------------------------------------

    def stats(self) -> IndexStats:
        self.flush()
        conn = self._conn
        conn.execute("BEGIN")
        try:
            versions = tuple(
                VersionStats(extractor, entries, claims or 0, chars or 0, extractor == self.extractor)
                for extractor, entries, claims, chars in conn.execute(
                    "SELECT extractor, count(*), sum(n_claims), sum(chars) FROM extractions "
                    "GROUP BY extractor ORDER BY max(created) DESC"
                )
            )
            documents, last_seen = conn.execute("SELECT count(*), max(seen) FROM documents").fetchone()
            current = conn.execute(
                "SELECT count(*) FROM documents d WHERE EXISTS (SELECT 1 FROM extractions e "
                "WHERE e.extractor = ? AND e.content = d.content AND e.published = d.published)",
                (self.extractor,),
            ).fetchone()[0]
            schema = int(conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0])
        finally:
            conn.execute("COMMIT")
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        size = sum(
            os.path.getsize(p) for p in (self.path, Path(f"{self.path}-wal")) if os.path.exists(p)
        )
        return IndexStats(
            path=str(self.path), size_bytes=size, schema=schema, journal_mode=str(mode),
            extractor=self.extractor, documents=documents, documents_current=current,
            last_seen=last_seen, versions=versions,
        )

    def prune(self) -> int:
        """Delete the entries of other extractor versions and those no recorded path has
        now; returns how many were deleted."""
        self.flush()
        with self._write() as conn:
            deleted = conn.execute(
                "DELETE FROM extractions WHERE extractor <> ? OR NOT EXISTS (SELECT 1 FROM documents d "
                "WHERE d.content = extractions.content AND d.published = extractions.published)",
                (self.extractor,),
            ).rowcount
        _retry(lambda: self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)"), self.timeout)
        if deleted:
            self._conn.execute("VACUUM")
        return deleted

    def entries(self) -> Iterable[tuple[str, str, str, int]]:
        """(extractor, content, published, n_claims) of every entry (for tests and tools)."""
        return list(self._conn.execute("SELECT extractor, content, published, n_claims FROM extractions"))


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _retry(action, timeout: float) -> object:  # noqa: ANN001
    """Run ``action``, retrying while the database is busy (the busy timeout covers most
    waits; this covers the few SQLite reports at once, such as a WAL recovery)."""
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
