"""Word .docx: the paragraphs of the main document part, with ``zipfile`` and
``xml.etree`` from the standard library.

Text: every paragraph (``w:p``, including those in tables and text boxes) becomes one
paragraph of ``Document.text``, separated by blank lines; empty paragraphs are dropped.
Within a paragraph the runs' text (``w:t``) is joined, ``w:tab`` becomes a tab and
``w:br``/``w:cr`` a newline. Deleted text of tracked changes, field codes and the
fallback copies of ``mc:AlternateContent`` are left out.

Metadata (source ``"docx"``): ``dc:title`` of ``docProps/core.xml``. Its
``dcterms:created`` is when the file was created, not when the story was published, so
it is only kept in ``Document.extra["created"]``.

Safety: the archive must be a valid ZIP; every part read is capped at
``MAX_PART_BYTES`` uncompressed (a "zip bomb" stops with an error, whatever its headers
claim); XML with a DOCTYPE is refused (no entity expansion).
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile

from factcheck.errors import InputError, SourceLocation
from factcheck.load.formats.base import Parsed
from factcheck.load.metadata import Metadata

SOURCE = "docx"

# The largest uncompressed size of any one part read from a .docx.
MAX_PART_BYTES = 100 * 1024 * 1024

_DEFAULT_DOCUMENT = "word/document.xml"
_DEFAULT_CORE = "docProps/core.xml"
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def looks_like_docx(data: bytes) -> bool:
    """A ZIP archive with a Word main document part (for sniffing standard input)."""
    return data.startswith(b"PK\x03\x04") and b"word/document.xml" in data


def _error(path: str, why: str) -> InputError:
    return InputError(f"not a valid .docx file ({why})", SourceLocation(path))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(zf: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    name = name.lstrip("/")
    try:
        return zf.getinfo(name)
    except KeyError:
        lowered = name.lower()
        return next((i for i in zf.infolist() if i.filename.lower() == lowered), None)


def _read_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> bytes:
    if info.file_size > MAX_PART_BYTES:
        raise _error(path, f"{info.filename} would expand to {info.file_size:,} bytes; the limit is {MAX_PART_BYTES:,}")
    with zf.open(info) as handle:
        data = handle.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise _error(path, f"{info.filename} expands to more than {MAX_PART_BYTES:,} bytes")
    if _DOCTYPE.search(data):
        raise _error(path, f"{info.filename} has a DOCTYPE, which .docx parts never have")
    return data


def _relationships(zf: zipfile.ZipFile, path: str) -> dict[str, str]:
    """Package relationships: type suffix ("officeDocument", "core-properties") → part name."""
    info = _find(zf, "_rels/.rels")
    if info is None:
        return {}
    try:
        root = ET.fromstring(_read_part(zf, info, path))
    except ET.ParseError:
        return {}
    found: dict[str, str] = {}
    for rel in root:
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if kind and target and rel.get("TargetMode") != "External":
            found.setdefault(kind, posixpath.normpath(target.lstrip("/")))
    return found


def _paragraphs(data: bytes, part: str, path: str) -> list[str]:
    paragraphs: list[str] = []
    open_paragraphs: list[list[str]] = []
    skip = 0  # inside mc:Fallback (a second copy of content already read from mc:Choice)
    try:
        for event, elem in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            name = _local(elem.tag)
            if name == "Fallback":
                skip += 1 if event == "start" else -1
                continue
            if skip:
                continue
            if event == "start":
                if name == "p":
                    open_paragraphs.append([])
                continue
            if name == "p":
                if open_paragraphs:
                    text = "".join(open_paragraphs.pop())
                    if text.strip():
                        paragraphs.append(text)
                continue
            if not open_paragraphs:
                continue
            pieces = open_paragraphs[-1]
            if name == "t":
                pieces.append(elem.text or "")
            elif name in ("tab", "ptab"):
                pieces.append("\t")
            elif name in ("br", "cr"):
                pieces.append("\n")
            elif name == "noBreakHyphen":
                pieces.append("-")
    except ET.ParseError as exc:
        raise _error(path, f"{part} is not well-formed XML: {exc}") from None
    return paragraphs


def _core_properties(data: bytes, part: str, path: str) -> dict[str, str]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise _error(path, f"{part} is not well-formed XML: {exc}") from None
    props: dict[str, str] = {}
    for child in root:
        if child.text and child.text.strip():
            props.setdefault(_local(child.tag), child.text.strip())
    return props


def parse_docx(data: bytes, path: str) -> list[Parsed]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            rels = _relationships(zf, path)
            part = rels.get("officeDocument", _DEFAULT_DOCUMENT)
            info = _find(zf, part) or _find(zf, _DEFAULT_DOCUMENT)
            if info is None:
                raise _error(path, "it has no word/document.xml")
            paragraphs = _paragraphs(_read_part(zf, info, path), info.filename, path)
            core_name = rels.get("core-properties", _DEFAULT_CORE)
            core_info = _find(zf, core_name)
            core = _core_properties(_read_part(zf, core_info, path), core_name, path) if core_info else {}
    except InputError:
        raise
    except zipfile.BadZipFile as exc:
        raise _error(path, f"not a readable ZIP archive: {exc}") from None
    except RuntimeError as exc:  # encrypted members
        raise _error(path, str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - zipfile/zlib raise many types on damaged archives
        raise _error(path, f"damaged archive: {type(exc).__name__}: {exc}") from None
    metadata = Metadata(source=SOURCE)
    if core.get("title"):
        metadata.values["title"] = " ".join(core["title"].split())
    if core.get("created"):
        metadata.extra["created"] = core["created"]
    return [Parsed(text="\n\n".join(paragraphs), format="docx", metadata=metadata)]
