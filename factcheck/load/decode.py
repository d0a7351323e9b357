"""Bytes → text: encodings, byte-order marks, binary files, newlines.

The order of decisions (each step only runs if the previous ones did not decide):

1. Known binary signatures (PNG, PDF, ZIP, ELF, JPEG, ...) → ``InputError``.
2. A byte-order mark: UTF-32 LE/BE, UTF-8 (stripped), UTF-16 LE/BE. The rest must be
   valid in that encoding.
3. NUL bytes: UTF-16/UTF-32 without a BOM when the NUL pattern makes it obvious (every
   other byte is NUL for mostly-ASCII text) → decoded, with a warning; any other NUL
   bytes, or a file that is mostly control characters → ``InputError`` (binary).
4. Valid UTF-8 → done (no warning).
5. Otherwise a legacy encoding: the charset the document declares (HTML ``<meta
   charset>``) if any; else Windows-1252, which newsroom tools still write (smart
   quotes ’ “ ” as single bytes), when the result looks like Western European text;
   else charset-normalizer's guess; always with a warning naming the file and the
   encoding. If nothing decodes → ``InputError``.

Newlines are normalised to ``\\n`` (CRLF and lone CR), so offsets and line numbers mean
the same whatever system wrote the file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from factcheck.errors import InputError, SourceLocation

Warn = Callable[[str], None]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document; convert it to text first"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document (.doc); save it as .docx"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (b"\x00asm", "WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 LE must be tried before UTF-16 LE: its BOM starts with UTF-16 LE's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

# C0 controls that never occur in text (tab, LF, VT, FF, CR and ESC may).
_CONTROL_BYTES = bytes(range(0x01, 0x09)) + bytes(range(0x0E, 0x1B)) + bytes(range(0x1C, 0x20)) + b"\x7f"
_CONTROL_TABLE = bytes.maketrans(b"", b"")
_CONTROL_LIMIT = 0.10  # more than this share of control bytes: binary

# Letters Windows-1252 decodes to; runs of three or more of them in a row are rare in
# Western European text but are what Cyrillic, Greek, ... look like decoded as cp1252.
_CP1252_LETTERS = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
_LETTER = re.compile(f"[{_CP1252_LETTERS}]")
_LETTER_RUN = re.compile(f"[{_CP1252_LETTERS}]{{3,}}")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR → LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Invisible format characters that split a number when they sit between its digits:
# zero-width space, non-joiner and joiner, word joiner, zero-width no-break space (a
# BOM inside the text) and soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPLIT_NUMBER = re.compile(
    f"(?<=\\d)[{_INVISIBLE}]+(?=\\d|[.,]\\d)|(?<=\\d[.,])[{_INVISIBLE}]+(?=\\d)"
)


def join_split_numbers(text: str) -> str:
    """``text`` without the invisible characters that sit inside numbers ("1\u200b000"
    → "1000", "3.\u200b5" → "3.5"). Offsets and columns are those of the result, as
    they are after newline normalisation; elsewhere (a joiner in Persian or Hindi text,
    in an emoji) these characters are kept."""
    if not any(ch in text for ch in _INVISIBLE):
        return text
    return _SPLIT_NUMBER.sub("", text)


def _binary(path: str, why: str) -> InputError:
    return InputError(f"binary file, not text ({why})", SourceLocation(path))


def binary_signature(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts like, or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if what == "ZIP archive" and b"word/document.xml" in data:
                return "a Word document; give it the .docx extension"
            return what
    return None


_MIN_SNIFF_BYTES = 8


def _nul_pattern_encoding(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 (no BOM) when the NUL bytes line up the way they do for text."""
    n = len(data)
    # One or two characters are no evidence: "0\x00" is as likely a stray NUL as UTF-16.
    if n < _MIN_SNIFF_BYTES:
        return None
    if n % 4 == 0:
        units = n // 4
        # Code points stay below U+110000: the top byte is always NUL, the next nearly always.
        if data[3::4].count(0) == units and data[2::4].count(0) >= 0.9 * units and data[0::4].count(0) < units:
            return "utf-32-le", "UTF-32 LE"
        if data[0::4].count(0) == units and data[1::4].count(0) >= 0.9 * units and data[3::4].count(0) < units:
            return "utf-32-be", "UTF-32 BE"
    if n % 2 == 0:
        half = n // 2
        even_nul, odd_nul = data[0::2].count(0), data[1::2].count(0)
        if odd_nul >= 0.5 * half and even_nul <= 0.05 * half:
            return "utf-16-le", "UTF-16 LE"
        if even_nul >= 0.5 * half and odd_nul <= 0.05 * half:
            return "utf-16-be", "UTF-16 BE"
    return None


def _looks_western(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    if not letters:
        return True  # only punctuation outside ASCII: smart quotes, dashes, ellipses
    in_runs = sum(len(m) for m in _LETTER_RUN.findall(text))
    return in_runs <= 0.3 * letters


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a guesser failing is "no guess", never a crash
        return None
    if best is None or not best.encoding:
        return None
    return _codec_name(best.encoding)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, path: str, warn: Warn | None = None, declared: str | None = None) -> str:
    """Decode a document's bytes to text with ``\\n`` newlines.

    ``path`` names the document in errors and warnings. ``declared`` is a charset the
    document itself declares (used only if the bytes are not UTF-8). Raises
    ``InputError`` for binary data or bytes no encoding explains; nothing else.
    """
    if not data:
        return ""
    say = warn if warn is not None else (lambda _message: None)
    what = binary_signature(data)
    if what is not None:
        raise _binary(path, what)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom):], codec)
            if text is None and codec == "utf-32-le":
                continue  # FF FE 00 00 can also be UTF-16 LE text starting with U+0000
            if text is None:
                raise InputError(
                    f"starts with a {label} byte-order mark but is not valid {label}", SourceLocation(path)
                )
            return normalize_newlines(text)
    if b"\x00" in data:
        guess = _nul_pattern_encoding(data)
        text = _try(data, guess[0]) if guess else None
        if guess is None or text is None or _mostly_control(text.encode("utf-8", "surrogatepass")):
            raise _binary(path, "contains NUL bytes")
        say(f"{path}: no byte-order mark; read as {guess[1]} (guessed from the NUL bytes)")
        return normalize_newlines(text)
    if _mostly_control(data):
        raise _binary(path, "mostly control characters")
    text = _try(data, "utf-8")
    if text is not None:
        return normalize_newlines(text)
    return normalize_newlines(_decode_legacy(data, path, say, declared))


def _mostly_control(data: bytes) -> bool:
    removed = len(data) - len(data.translate(_CONTROL_TABLE, _CONTROL_BYTES))
    return removed > _CONTROL_LIMIT * len(data)


def _decode_legacy(data: bytes, path: str, say: Warn, declared: str | None) -> str:
    codec = _codec_name(declared) if declared else None
    if codec is not None and codec not in ("utf-8", "ascii"):
        text = _try(data, codec)
        if text is not None:
            say(f"{path}: not UTF-8; read as {codec} (the charset it declares)")
            return text
    cp1252 = _try(data, "cp1252")
    if cp1252 is not None and _looks_western(cp1252):
        say(f"{path}: not valid UTF-8; read as Windows-1252 (cp1252), guessed. Save it as UTF-8 to be sure.")
        return cp1252
    guess = _charset_normalizer_guess(data)
    if guess is not None and guess not in ("utf-8", "ascii"):
        text = _try(data, guess)
        if text is not None:
            say(f"{path}: not valid UTF-8; read as {guess}, guessed. Save it as UTF-8 to be sure.")
            return text
    if cp1252 is not None:
        say(f"{path}: not valid UTF-8; read as Windows-1252 (cp1252), guessed. Save it as UTF-8 to be sure.")
        return cp1252
    raise InputError(
        "not valid UTF-8 and its encoding could not be determined; save it as UTF-8",
        SourceLocation(path),
    )
