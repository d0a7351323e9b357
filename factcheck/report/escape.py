"""Escaping user text for each output: article text, titles, paths and rule messages
are data, never markup or commands, whatever characters they contain.

* terminals: control characters (ESC sequences could recolour or move the cursor)
  are shown as U+FFFD;
* HTML: ``html.escape`` with quotes, for text and attribute values alike; JSON inside
  a ``<script>`` block has ``<``, ``>``, ``&`` and U+2028/U+2029 as ``\\uXXXX`` so
  neither ``</script>`` nor ``<!--`` can appear in it;
* Markdown: CommonMark backslash escapes for every character that can start or end
  markup, ``&`` as an entity, so HTML in the text stays text;
* GitHub workflow commands: the escaping of ``@actions/core`` (``%``, CR and LF in
  the message; also ``:`` and ``,`` in properties);
* CSV: cells starting with ``= + - @`` (or TAB/CR) that are text get a leading
  apostrophe, so spreadsheets do not run them as formulas.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# C0 controls except TAB and LF, DEL and the C1 controls (0x9B is a one-byte CSI).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_ALL = re.compile("[\x00-\x1f\x7f-\x9f]")


def strip_controls(text: str, keep_newlines: bool = True) -> str:
    """Control characters replaced by U+FFFD (TAB and, if asked, LF kept)."""
    pattern = _CONTROL if keep_newlines else _CONTROL_ALL
    return pattern.sub("\ufffd", text)


def one_line(text: str) -> str:
    """Whitespace runs (newlines included) collapsed to one space, controls replaced."""
    return strip_controls(" ".join(text.split()), keep_newlines=False)


# -- HTML ------------------------------------------------------------------------------
def h(value: Any) -> str:
    """Text for HTML content or a quoted attribute value."""
    return html.escape(strip_controls("" if value is None else str(value)), quote=True)


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</``, no ``<!--``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# -- Markdown --------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
_MD_LINE_START = re.compile(r"^([#+\-=>])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def md(text: Any, line_start: bool = False) -> str:
    """Inline Markdown text that renders exactly as ``text`` (on one line).

    Characters that CommonMark or GitHub Markdown read as markup anywhere in a line
    (emphasis, code, links, HTML, tables, strikethrough, math) are backslash-escaped,
    and, with ``line_start``, those that do at the start of a line (headings, lists,
    quotes, "1." items); ``&`` becomes ``&amp;`` so entities and HTML stay literal.
    """
    s = one_line("" if text is None else str(text))
    s = s.replace("&", "&amp;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    if line_start:
        s = _MD_LINE_START.sub(r"\\\1", s)
        s = _MD_ORDERED.sub(r"\1\\\2", s)
    return s


def md_code(text: Any) -> str:
    """An inline code span holding ``text`` literally (fence longer than any run of
    backticks inside it)."""
    s = one_line("" if text is None else str(text))
    longest = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") or not s.strip() else ""
    return f"{fence}{pad}{s}{pad}{fence}"


_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


def md_link(label: str, url: str | None) -> str:
    """``[label](<url>)`` for an http(s) URL without spaces or brackets; otherwise the
    URL as code, never a live link to an odd scheme (``javascript:``)."""
    if url and _SAFE_URL.match(url) and not any(c in url for c in "()[]"):
        return f"[{md(label)}](<{url}>)"
    if url:
        return md_code(url) if label == url else f"{md(label)} {md_code(url)}"
    return md(label)


# -- GitHub workflow commands ----------------------------------------------------------
def gh_data(text: str) -> str:
    """The message part of ``::error ...::message``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """A property value (``file=``, ``title=``) of a workflow command."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


# -- CSV -------------------------------------------------------------------------------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """A text cell that a spreadsheet will not evaluate (OWASP CSV injection advice)."""
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value
