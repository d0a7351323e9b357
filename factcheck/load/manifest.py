"""``sources.yaml``: metadata for the files of a folder.

The manifest (see ``seeds/sources.yaml``) is a YAML list of records::

    - file: 000_0938fca4ffc01957.txt      # relative to the manifest's folder
      title: Gallant and Austin
      outlet: Israel National News (Arutz Sheva)
      published: 2024-03-26
      url: https://...
      outlet_confidence: inferred         # anything else: kept in Document.extra

A manifest applies to the files of its own folder and below (``file`` may name
``sub/dir/x.md``); a deeper manifest beats a shallower one for the same file. It is the
lowest-precedence metadata (see :mod:`factcheck.load.metadata`). It is not a document.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import MetadataError, SourceLocation
from factcheck.load.decode import decode_bytes
from factcheck.load.files import read_file_bytes
from factcheck.load.metadata import Metadata, read_fields
from factcheck.util.yamlpos import load_yaml

MANIFEST_NAME = "sources.yaml"
SOURCE = "manifest"


@dataclass
class ManifestEntry:
    file: str  # normalised relative posix path
    metadata: Metadata
    location: SourceLocation  # of the record's ``file`` value


def normalize_member(name: str) -> str:
    """``./a\\b.txt`` → ``a/b.txt``: how manifest names and folder members are compared."""
    cleaned = posixpath.normpath(name.strip().replace("\\", "/"))
    return "" if cleaned == "." else cleaned


def load_manifest(
    fs_path: str | Path, shown: str, warn: Callable[[str], None] | None = None
) -> dict[str, ManifestEntry]:
    """The records of the manifest at ``fs_path`` (reported as ``shown``), by file name."""
    text = decode_bytes(read_file_bytes(fs_path, shown), shown, warn)
    yd = load_yaml(text, shown, error=MetadataError)
    if yd.data is None:
        return {}
    if not isinstance(yd.data, list):
        raise MetadataError(
            "a sources manifest must be a list of records, each starting '- file: NAME'", yd.locate(())
        )
    entries: dict[str, ManifestEntry] = {}
    for i, record in enumerate(yd.data):
        if not isinstance(record, dict):
            raise MetadataError("each manifest record must be a mapping with a 'file' key", yd.locate((i,)))
        name = record.get("file")
        if not isinstance(name, str) or not normalize_member(name):
            where = yd.locate((i, "file")) if "file" in record else yd.locate((i,))
            raise MetadataError("manifest record needs 'file': the file's name, relative to this folder", where)
        key = normalize_member(name)
        location = yd.locate((i, "file"))
        if key in entries:
            first = entries[key].location
            raise MetadataError(f"{name!r} is listed twice (first at line {first.line})", location)
        metadata = read_fields(
            record,
            SOURCE,
            lambda k, i=i: yd.locate((i, k)),  # type: ignore[misc]
            aliases={"date": "published"},
            drop=frozenset({"file"}),
        )
        entries[key] = ManifestEntry(key, metadata, location)
    return entries
