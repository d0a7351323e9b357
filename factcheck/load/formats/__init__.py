"""Format readers and the choice between them.

``EXTENSIONS`` maps a (lower-case) file extension to a format; ``parse`` turns a file's
bytes into one ``Parsed`` per document it holds; ``sniff_format`` guesses the format of
standard input (or of an explicitly named file with an unknown extension): a Word
archive → docx, front matter → md, ``<html``/``<!doctype`` → html, else txt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.load.decode import decode_bytes
from factcheck.load.formats.base import Parsed
from factcheck.load.formats.docx import looks_like_docx, parse_docx
from factcheck.load.formats.html import declared_charset, parse_html
from factcheck.load.formats.records import BadRecord, parse_json, parse_jsonl
from factcheck.load.formats.text import parse_md, parse_txt
from factcheck.load.frontmatter import has_front_matter

Warn = Callable[[str], None]

EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".json": "json",
    ".jsonl": "jsonl",
}

_TEXT_READERS: dict[str, Callable[[str, str], list[Parsed]]] = {
    "txt": parse_txt,
    "md": parse_md,
    "html": parse_html,
}
# Formats of many records, one of which may be bad while the others are good.
_RECORD_READERS: dict[str, Callable[[str, str, BadRecord | None], list[Parsed]]] = {
    "json": parse_json,
    "jsonl": parse_jsonl,
}

# Leading XML declarations, comments and whitespace before <html or <!doctype.
_HTML_START = re.compile(r"(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def sniff_text_format(text: str) -> str:
    if has_front_matter(text):
        return "md"
    if _HTML_START.match(text[:4096]):
        return "html"
    return "txt"


def decode(data: bytes, fmt: str, path: str, warn: Warn | None) -> str:
    return decode_bytes(data, path, warn, declared=declared_charset(data) if fmt in ("html", "sniff") else None)


def parse(
    data: bytes, fmt: str, path: str, warn: Warn | None = None, bad_record: BadRecord | None = None
) -> list[Parsed]:
    """The documents in ``data``; ``fmt`` is a value of ``EXTENSIONS`` or ``"sniff"``.
    ``bad_record``: where the bad records of a JSON or JSON Lines file go, the good ones
    being read (None: a bad record refuses the file)."""
    if fmt == "docx" or (fmt == "sniff" and looks_like_docx(data)):
        return parse_docx(data, path)
    text = decode(data, fmt, path, warn)
    return parse_text(text, fmt, path, bad_record)


def parse_text(text: str, fmt: str, path: str, bad_record: BadRecord | None = None) -> list[Parsed]:
    """Like ``parse`` for text already decoded (newlines already ``\\n``)."""
    if fmt == "sniff":
        fmt = sniff_text_format(text)
    if fmt in _RECORD_READERS:
        return _RECORD_READERS[fmt](text, path, bad_record)
    return _TEXT_READERS[fmt](text, path)


__all__ = ["EXTENSIONS", "BadRecord", "Parsed", "parse", "parse_text", "sniff_text_format"]
