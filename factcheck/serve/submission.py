"""A submitted draft as a ``Document``: the loaders of ``factcheck.load`` on bytes or
text that never touch the disk, and the map from the text factcheck reads back to the
characters the client sent.

A draft arrives as pasted text, an uploaded file (.md, .txt, .html, .docx) or, for the
LanguageTool API, text or annotated ``data``. The format comes from the file name's
extension (as for a file on disk: ``factcheck.load.formats.EXTENSIONS``), pasted text is
sniffed (front matter makes it Markdown). Metadata given with the request beats the
draft's own (front matter, HTML meta, .docx properties), as options do on the command
line; a draft with no publication date anywhere is dated today.

Reading normalises the text (CRLF to LF, a BOM dropped, invisible characters inside
numbers removed), so claim offsets index ``Document.text``, not what was sent:
``OffsetMap`` takes them back to the submitted characters, which is what a LanguageTool
client underlines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.errors import InputError, SourceLocation, escape_controls
from factcheck.load import MetadataOverrides
from factcheck.load.decode import join_split_numbers, normalize_newlines
from factcheck.load.formats import EXTENSIONS, parse, parse_text
from factcheck.load.ids import document_id
from factcheck.load.metadata import Metadata, merge
from factcheck.models import Document

Warn = Callable[[str], None]

# What a newsroom drafts in; JSON records are archives, not drafts.
DRAFT_FORMATS: dict[str, str] = {ext: fmt for ext, fmt in EXTENSIONS.items() if fmt in ("txt", "md", "html", "docx")}
PASTED_NAME = "pasted-draft"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")


def _ignore(_: str) -> None:
    return None


def draft_name(filename: str | None) -> str:
    """The name a draft is reported under: the upload's base name with anything odd
    replaced (a path, a control character or markup in a file name is no concern of the
    report), or ``pasted-draft`` for pasted text."""
    if not filename:
        return PASTED_NAME
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE_NAME.sub("_", base).strip(" .")[:120]
    return cleaned or "draft"


def draft_format(name: str, given_name: bool) -> str:
    """The format of a draft named ``name``: by extension for an upload, sniffed for
    pasted text. Raises ``InputError`` for an upload of another type."""
    if not given_name:
        return "sniff"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    fmt = DRAFT_FORMATS.get(suffix)
    if fmt is None:
        kinds = ", ".join(sorted(DRAFT_FORMATS))
        raise InputError(f"not a draft factcheck reads (send {kinds})", SourceLocation(escape_controls(name)))
    return fmt


@dataclass(frozen=True)
class DraftMetadata:
    """Metadata sent with a draft; None: not given."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


def draft_document(
    content: bytes | str,
    filename: str | None = None,
    metadata: DraftMetadata | None = None,
    warn: Warn = _ignore,
    today: date | None = None,
) -> Document:
    """The checked ``Document`` of one submitted draft. ``content`` is an upload's bytes
    or pasted text. Raises ``InputError`` (HTTP 400) for an empty, binary or unreadable
    draft, as ``factcheck run`` does for such a file."""
    name = draft_name(filename)
    fmt = draft_format(name, filename is not None and filename != "")
    if (isinstance(content, str) and not content.strip()) or (isinstance(content, bytes) and not content.strip()):
        raise InputError("the draft is empty: paste its text or choose a file", SourceLocation(name))
    if isinstance(content, str):
        if "\x00" in content:
            raise InputError("binary data, not text (it holds NUL characters)", SourceLocation(name))
        parsed = parse_text(normalize_newlines(content.removeprefix("\ufeff")), fmt, name)
    else:
        parsed = parse(content, fmt, name, warn)
    if len(parsed) != 1:  # pragma: no cover - the draft formats hold one document each
        raise InputError("expected one document in the draft", SourceLocation(name))
    p = parsed[0]
    text = join_split_numbers(p.text)
    if not text.strip():
        raise InputError("the draft has no text to check", SourceLocation(name))
    meta = metadata if metadata is not None else DraftMetadata()
    given = MetadataOverrides(title=meta.title, outlet=meta.outlet, published=meta.published, url=meta.url).metadata()
    values, sources, extra = merge([p.metadata, given])
    if values.get("published") is None:
        values["published"] = today if today is not None else date.today()
        sources["published"] = "default"
    return Document(
        id=document_id(name),
        path=name,
        role="checked",
        format=p.format,
        text=text,
        line_offset=p.line_offset,
        metadata_source=sources,
        extra=extra,
        **values,
    )


class OffsetMap:
    """Positions in a derived text (what factcheck read) → positions in the original
    (what was sent). The derived text is the original with characters dropped (a CR
    of CRLF, a BOM, a zero-width space inside a number, markup) and a lone CR read as
    LF; a greedy walk over both aligns them."""

    def __init__(self, original: str, derived: str, start: int = 0) -> None:
        positions: list[int] = []
        i = start
        for ch in derived:
            while i < len(original) and original[i] != ch and not (ch == "\n" and original[i] == "\r"):
                i += 1
            positions.append(min(i, len(original)))
            i += 1
        positions.append(min(i, len(original)))
        self._positions = positions

    def __call__(self, offset: int) -> int:
        return self._positions[max(0, min(offset, len(self._positions) - 1))]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (offset, length) of the derived ``[start, end)``."""
        first = self(start)
        last = self(end - 1) + 1 if end > start else first
        return first, max(0, last - first)


@dataclass(frozen=True)
class Annotated:
    """LanguageTool's annotated text (the ``data`` field): the plain text to check and
    the map from it to offsets in the whole annotation, markup included, which is what
    LanguageTool reports offsets in."""

    text: str
    positions: tuple[int, ...]
    whole: str


def annotated_text(parts: Sequence[dict[str, str]]) -> Annotated:
    """``{"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}]}`` → the
    text factcheck reads: text parts as they are, markup as its ``interpretAs`` (or
    nothing)."""
    out: list[str] = []
    positions: list[int] = []
    whole = 0
    pieces: list[str] = []
    for part in parts:
        if "text" in part:
            piece = part["text"]
            out.append(piece)
            positions.extend(range(whole, whole + len(piece)))
            pieces.append(piece)
            whole += len(piece)
        else:
            markup = part.get("markup", "")
            shown = part.get("interpretAs", "")
            out.append(shown)
            positions.extend([whole] * len(shown))
            pieces.append(markup)
            whole += len(markup)
    positions.append(whole)
    return Annotated("".join(out), tuple(positions), "".join(pieces))
