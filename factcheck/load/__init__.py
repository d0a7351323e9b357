"""Document loading: paths (files, folders, ``-``) → ``Document`` objects.

Formats: ``.txt``; ``.md``/``.markdown`` (optional YAML front matter); ``.html``/``.htm``;
``.docx``; ``.json`` and ``.jsonl`` (one document per record). Standard input (``-``) is
sniffed. Bytes are decoded by :mod:`factcheck.load.decode`; documents get stable ids from
:mod:`factcheck.load.ids`.

Metadata precedence per field, highest first (see :mod:`factcheck.load.metadata`):
explicit ``MetadataOverrides`` (CLI) > the document's own metadata (front matter, HTML
meta, .docx core properties, JSON record fields) > the folder's ``sources.yaml``
manifest. ``Document.metadata_source`` says where each field came from.

A manifest applies to the documents of its folder when the folder is given, and also to
a single file given on its own (the ``sources.yaml`` next to it), so that
``factcheck run seeds/000_….txt`` still knows the article's date.

Invisible characters inside a number (a zero-width space or joiner, a word joiner or a
soft hyphen between digits, as CMS copy-paste leaves them: "1\u200b000") are removed,
so that the number reads as one; see :func:`factcheck.load.decode.join_split_numbers`.
A publication date after today is accepted (an embargoed draft) with a warning.

Nothing given is ever modified: every file is opened read-only.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from factcheck.errors import InputError, SourceLocation
from factcheck.load.decode import decode_bytes, join_split_numbers, normalize_newlines
from factcheck.load.files import MAX_FILE_BYTES, read_file_bytes, read_stream, stat_path
from factcheck.load.formats import EXTENSIONS, BadRecord, Parsed, parse, parse_text
from factcheck.load.ids import document_id
from factcheck.load.manifest import MANIFEST_NAME, ManifestEntry, load_manifest
from factcheck.load.metadata import Metadata, merge
from factcheck.load.walk import Folder, display_path, format_for, join_shown, walk_folder
from factcheck.models import Document, Role

__all__ = [
    "MANIFEST_NAME",
    "MAX_FILE_BYTES",
    "STDIN",
    "STDIN_PATH",
    "SUPPORTED_EXTENSIONS",
    "MetadataOverrides",
    "decode_bytes",
    "document_id",
    "load_documents",
]

Warn = Callable[[str], None]

STDIN = "-"
STDIN_PATH = "<stdin>"
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(EXTENSIONS)

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MetadataOverrides:
    """Metadata given explicitly on the command line; None = not given. Beats everything."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None

    def metadata(self) -> Metadata:
        values = {k: v for k, v in vars(self).items() if v is not None and v != ""}
        return Metadata(source="cli", values=values)


def load_documents(
    paths: Sequence[str | Path],
    role: Role = "checked",
    overrides: MetadataOverrides | None = None,
    warn: Warn | None = None,
    stdin: TextIO | BinaryIO | None = None,
    bad_records: list[InputError] | None = None,
) -> list[Document]:
    """Read every document under ``paths`` (files, folders, ``-`` for standard input).

    Documents come in the order of ``paths``, a folder's members sorted by relative
    path. Raises ``InputError`` (``MetadataError`` for bad front matter, manifests or
    dates) naming the file; warnings (guessed encodings, manifest records naming missing
    files, a file given twice) go to ``warn``. With ``bad_records`` (a list), a bad
    record of a JSON or JSON Lines file is appended to it and the file's other records
    are read; without, it refuses the file.
    """
    loader = _Loader(role, overrides.metadata() if overrides else Metadata(source="cli"), warn if warn is not None else _log.warning, stdin)
    loader.bad_record = bad_records.append if bad_records is not None else None
    for given in paths:
        loader.load(os.fspath(given))
    return loader.documents


class _Loader:
    def __init__(self, role: Role, cli: Metadata, warn: Warn, stdin: TextIO | BinaryIO | None) -> None:
        self.role = role
        self.cli = cli
        self.warn = warn
        self.stdin = stdin
        self.documents: list[Document] = []
        self.loaded: dict[str, str] = {}  # real path → reported path
        self.stdin_read = False
        self.manifests: dict[str, dict[str, ManifestEntry]] = {}  # by real path of sources.yaml
        self.bad_record: BadRecord | None = None

    def load(self, given: str) -> None:
        if given == STDIN:
            self.load_stdin()
            return
        shown = display_path(given)
        st = stat_path(given, shown)
        if stat.S_ISDIR(st.st_mode):
            self.load_folder(given, shown)
        else:
            self.load_single(given, shown)

    # -- inputs ----------------------------------------------------------------------
    def load_stdin(self) -> None:
        if self.stdin_read:
            raise InputError("standard input ('-') can only be read once", SourceLocation(STDIN_PATH))
        self.stdin_read = True
        stream = self.stdin if self.stdin is not None else sys.stdin
        if stream is None:
            raise InputError("there is no standard input to read", SourceLocation(STDIN_PATH))
        data = read_stream(stream, STDIN_PATH)
        if isinstance(data, str):
            parsed = parse_text(normalize_newlines(data.removeprefix("\ufeff")), "sniff", STDIN_PATH, self.bad_record)
        else:
            parsed = parse(data, "sniff", STDIN_PATH, self.warn, self.bad_record)
        self.add(parsed, STDIN_PATH, [])

    def load_single(self, given: str, shown: str) -> None:
        if self.already_loaded(given, shown):
            return
        fmt = format_for(given) or "sniff"
        data = read_file_bytes(given, shown)
        layers = self.sibling_manifest(given, shown)
        self.add(parse(data, fmt, shown, self.warn, self.bad_record), shown, layers)

    def load_folder(self, given: str, shown: str) -> None:
        folder = walk_folder(given, shown, self.warn)
        if not folder.members:
            kinds = ", ".join(SUPPORTED_EXTENSIONS)
            raise InputError(
                f"no documents in this folder (looked for {kinds}; hidden files are skipped)",
                SourceLocation(shown),
            )
        per_file = self.folder_manifests(given, folder)
        for member in folder.members:
            if self.already_loaded(member.fs_path, member.shown):
                continue
            data = read_file_bytes(member.fs_path, member.shown)
            self.add(
                parse(data, member.fmt, member.shown, self.warn, self.bad_record),
                member.shown,
                per_file.get(member.rel, []),
            )

    # -- manifests -------------------------------------------------------------------
    def manifest(self, fs_path: str, shown: str) -> dict[str, ManifestEntry]:
        key = os.path.realpath(fs_path)
        if key not in self.manifests:
            self.manifests[key] = load_manifest(fs_path, shown, self.warn)
        return self.manifests[key]

    def folder_manifests(self, given: str, folder: Folder) -> dict[str, list[Metadata]]:
        known = {m.rel for m in folder.members}
        per_file: dict[str, list[Metadata]] = {}
        for manifest in folder.manifests:
            rel_dir = manifest.rel.rpartition("/")[0]
            for name, entry in self.manifest(manifest.fs_path, manifest.shown).items():
                rel = f"{rel_dir}/{name}" if rel_dir else name
                if rel in known:
                    per_file.setdefault(rel, []).append(entry.metadata)
                    continue
                target = os.path.join(given, *rel.split("/"))
                why = (
                    "which is hidden or not a supported document type"
                    if os.path.lexists(target)
                    else "which does not exist"
                )
                self.warn(f"{entry.location}: the manifest lists {name!r}, {why}; its record is not used")
        return per_file

    def sibling_manifest(self, given: str, shown: str) -> list[Metadata]:
        folder, name = os.path.split(given)
        if name == MANIFEST_NAME:
            return []
        candidate = os.path.join(folder, MANIFEST_NAME)
        try:
            if not stat.S_ISREG(os.stat(candidate).st_mode):
                return []
        except (OSError, ValueError):
            return []
        head, slash, _ = shown.rpartition("/")
        manifest_shown = join_shown(head or slash or ".", MANIFEST_NAME)
        entry = self.manifest(candidate, manifest_shown).get(name)
        return [entry.metadata] if entry is not None else []

    # -- documents -------------------------------------------------------------------
    def already_loaded(self, fs_path: str, shown: str) -> bool:
        real = os.path.realpath(fs_path)
        first = self.loaded.get(real)
        if first is not None:
            also = "" if first == shown else f" (as {first})"
            self.warn(f"{shown}: already loaded{also}; read once")
            return True
        self.loaded[real] = shown
        return False

    def add(self, parsed: list[Parsed], shown: str, manifest_layers: list[Metadata]) -> None:
        for p in parsed:
            path = shown + p.fragment
            values, sources, extra = merge([*manifest_layers, p.metadata, self.cli])
            published = values.get("published")
            if isinstance(published, date) and published > date.today():
                # An embargoed draft may carry tomorrow's date: checked as dated.
                self.warn(
                    f"{path}: publication date {published.isoformat()} is in the future "
                    f"(today is {date.today().isoformat()}); checked as of that date"
                )
            self.documents.append(
                Document(
                    id=document_id(path),
                    path=path,
                    role=self.role,
                    format=p.format,
                    text=join_split_numbers(p.text),
                    line_offset=p.line_offset,
                    metadata_source=sources,
                    extra=extra,
                    **values,
                )
            )
