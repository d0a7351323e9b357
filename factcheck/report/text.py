"""Text for the terminal: findings grouped by document, most severe first.

Each finding shows where it is, the sentence with the figure highlighted, what is
wrong in one line, and the evidence: value, source, outlet, date, and for a reference
series its citation; then a summary line. ``extract`` lists each document's claims.

Rendering goes through rich, with colour only when asked: ``use_color()`` is what the
CLI asks (a terminal, ``NO_COLOR`` unset); without colour the output is plain text
(the figure marked with ``«»``) and byte-identical from run to run. ``quiet`` prints
the summary line only.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Mapping
from itertools import pairwise
from typing import IO

from rich.cells import cell_len, chop_cells
from rich.console import Console
from rich.text import Text

from factcheck.models import Claim, Document, Finding
from factcheck.report.base import ReportView, format_date, plural, sentence_parts, summary_line
from factcheck.report.escape import one_line, strip_controls
from factcheck.report.numbers import format_interval, format_value

WIDTH = 100

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
# A long agreement list would bury the findings; the JSON report keeps every one.
AGREEMENTS_SHOWN = 25
FIGURE_STYLE = {"error": "bold red underline", "warning": "bold yellow underline", "info": "bold cyan underline"}


def use_color(stream: IO[str] | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether the CLI should colour text written to ``stream`` (default stdout).

    No when ``NO_COLOR`` is set to anything (https://no-color.org), when ``TERM`` is
    ``dumb``, or when the stream is not a terminal (a pipe, a file, ``--output``);
    ``FORCE_COLOR`` set to anything but ``0`` forces colour on.
    """
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", "") != "":
        return False
    force = env.get("FORCE_COLOR")
    if force is not None and force not in ("", "0"):
        return True
    if env.get("TERM") == "dumb":
        return False
    stream = sys.stdout if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def terminal_width(stream: IO[str] | None = None) -> int:
    """The terminal's width for ``stream`` (``WIDTH`` when it is not a terminal)."""
    try:
        fd = (sys.stdout if stream is None else stream).fileno()
        return max(40, os.get_terminal_size(fd).columns)
    except (AttributeError, ValueError, OSError):
        return WIDTH


def document_heading(doc: Document) -> str:
    details = [x for x in (doc.title, doc.outlet, doc.published.isoformat() if doc.published else "no date") if x]
    return f"{doc.path}  ({', '.join(details)})"


def _where(claim: Claim | None) -> str:
    if claim is None or claim.line is None:
        return ""
    return f"{claim.line}:{claim.column}"


def _clean(text: str | None) -> str:
    return one_line(text or "")


_WORD = re.compile(r"\s*\S+\s*")
# Characters one terminal cell wide whatever follows them: ASCII, Latin letters without
# combining marks, and the dashes, quotes and ellipsis of news copy.
_SINGLE_CELL_TEXT = re.compile("[\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e]*")


def wrap_plain(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` terminal cells, as rich's
    ``Text.wrap(overflow="fold")`` cuts it (a break before the word that does not fit,
    a word wider than a line folded), each line right-stripped.

    The plain report is the full report of a whole archive (15 MB for 10,000 articles),
    and rich's per-line machinery was most of its cost; ``tests/report`` checks this
    against rich on random text, wide characters and long words included.
    """
    measure = len if _SINGLE_CELL_TEXT.fullmatch(text) else cell_len
    if measure(text.rstrip()) <= width:
        return [text.rstrip()]
    breaks: list[int] = []
    used = 0
    for m in _WORD.finditer(text):
        start, word = m.start(), m.group()
        need = measure(word.rstrip())
        if need <= width - used:
            used += measure(word)
        elif need > width:
            pieces = chop_cells(word, width)
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            used = measure(pieces[-1])
        elif used and start:
            breaks.append(start)
            used = measure(word)
    bounds = [0, *breaks, len(text)]
    return [text[a:b].rstrip() for a, b in pairwise(bounds)]


class TextFormatter:
    name = "text"
    description = "human-readable text for the terminal (the default)"

    def __init__(self, color: bool = False, width: int = WIDTH, quiet: bool = False) -> None:
        self.color = color
        self.width = width
        self.quiet = quiet
        # Plain text is written directly (same bytes as rich's rendering, which the
        # tests check by turning this off); colour needs rich.
        self.direct = not color

    # -- plumbing -------------------------------------------------------------------------
    def _console(self, buffer: io.StringIO) -> Console:
        return Console(
            file=buffer,
            width=self.width,
            force_terminal=self.color,
            color_system="standard" if self.color else None,
            no_color=not self.color,
            force_jupyter=False,
            force_interactive=False,
            legacy_windows=False,
            highlight=False,
            markup=False,
            emoji=False,
            soft_wrap=False,
            _environ={},
        )

    def render(self, view: ReportView) -> str:
        buffer = io.StringIO()
        console = self._console(buffer)
        if self.quiet:
            self._print(console, Text(summary_line(view)), wrap=False)
        elif view.command == "extract":
            self._claims(console, view)
        else:
            self._findings(console, view)
        out = buffer.getvalue()
        # rich pads nothing in plain mode, but strip trailing blanks for stable goldens.
        return "\n".join(line.rstrip() for line in out.split("\n"))

    def _style(self, style: str) -> str:
        return style if self.color else ""

    def _print(self, console: Console, text: Text | None = None, *, wrap: bool = True) -> None:
        """``console.print(text)``, wrapped to the width unless ``wrap`` is false
        (rich's ``soft_wrap``); in plain mode written directly, same bytes."""
        if not self.direct:
            if wrap:
                console.print() if text is None else console.print(text)
            else:
                console.print(text, soft_wrap=True, overflow="ignore", crop=False)
            return
        plain = "" if text is None else text.plain
        lines = wrap_plain(plain, self.width) if wrap else [plain]
        console.file.write("".join(line + "\n" for line in lines))

    # -- run ------------------------------------------------------------------------------
    def _findings(self, console: Console, view: ReportView) -> None:
        for doc, findings in view.findings_by_document():
            self._print(console, Text(_clean(document_heading(doc)), style=self._style("bold")))
            shown = [f for f in findings if not f.suppressed]
            for f in shown:
                self._finding(console, view, f, doc)
            hidden = len(findings) - len(shown)
            if hidden:
                self._print(
                    console, Text(f"  ({hidden} suppressed finding{'s' if hidden != 1 else ''} not shown; see --format json)",
                         style=self._style("dim"))
                )
            self._print(console)
        self._agreements(console, view)
        for note in view.report.notes:
            if note.startswith("warning: "):  # e.g. an unused suppression
                self._print(console, Text(_clean(note), style=self._style("yellow")))
            else:
                self._print(console, Text(f"note: {_clean(note)}", style=self._style("dim")))
        counts = view.severity_counts()
        worst = next((s for s in ("error", "warning", "info") if counts[s]), None)
        self._print(
            console, Text(summary_line(view), style=self._style(SEVERITY_STYLE[worst] if worst else "bold green")),
            wrap=False,
        )

    def _agreements(self, console: Console, view: ReportView) -> None:
        # A clean report must say what was compared, or a reader cannot tell "checked and
        # consistent" from "never compared".
        agreements = view.report.agreements
        if not agreements:
            return
        self._print(console, Text(f"Checked and found consistent ({plural(len(agreements), 'comparison')}):",
                           style=self._style("bold green")))
        for a in agreements[:AGREEMENTS_SHOWN]:
            self._print(console, Text(f"  ✓ {_clean(a.summary)}", style=self._style("green")))
        if len(agreements) > AGREEMENTS_SHOWN:
            self._print(console, Text(f"  … and {len(agreements) - AGREEMENTS_SHOWN} more (--format json lists them all)",
                               style=self._style("dim")))
        self._print(console)

    def _finding(self, console: Console, view: ReportView, f: Finding, doc: Document) -> None:
        claim = view.claims_by_id.get(f.claim)
        head = Text("  ")
        head.append(f"{f.severity:<7}", style=self._style(SEVERITY_STYLE[f.severity]))
        head.append(f" {_where(claim):>7}  ")
        head.append(f.rule, style=self._style("magenta"))
        if claim is not None:
            head.append("  ")
            head.append(f"“{_clean(claim.surface)}”", style=self._style("bold"))
            if claim.figure or f.figure:
                head.append(f"  [{_clean(view.figure_label(f.figure or claim.figure))}]", style=self._style("dim"))
        self._print(console, head)
        indent = " " * 11
        if claim is not None and claim.sentence:
            before, figure, after = sentence_parts(claim, doc)
            line = Text()
            line.append(_clean(before) + (" " if before and before[-1:].isspace() else ""))
            line.append(
                _clean(figure) if self.color else f"«{_clean(figure)}»",
                style=self._style(FIGURE_STYLE[f.severity]),
            )
            line.append((" " if after[:1].isspace() else "") + _clean(after))
            self._wrapped(console, Text(indent) + Text("> ", style=self._style("dim")), line, indent + "  ")
        self._wrapped(console, Text(indent), Text(_clean(f.message)), indent)
        for reason in f.also():
            prefix = Text(indent) + Text("also: ", style=self._style("bold"))
            self._wrapped(console, prefix, Text(f"{_clean(reason.message)} ({_clean(reason.rule)})"), indent + "  ")
        for ev in view.evidence(f):
            parts = ev.parts()
            label = "reference" if ev.is_reference else "evidence"
            prefix = Text(indent) + Text(f"{label}: ", style=self._style("bold blue" if ev.is_reference else "bold"))
            self._wrapped(console, prefix, Text(" — ".join(_clean(p) for p in parts)), indent + "  ")

    def _wrapped(self, console: Console, prefix: Text, body: Text, indent: str) -> None:
        """Print ``prefix`` + ``body``, the body wrapped to the width, continuation
        lines indented by ``indent``."""
        room = max(20, self.width - max(len(prefix), len(indent)))
        if self.direct:
            # Same bytes as the rich path below, without its per-line cost.
            first, rest = prefix.plain, indent
            write = console.file.write
            for i, text in enumerate(wrap_plain(body.plain, room)):
                write(((first if i == 0 else rest) + text).rstrip() + "\n")
            return
        lines = body.wrap(console, room, overflow="fold")
        for i, line in enumerate(lines):
            line = (prefix if i == 0 else Text(indent)) + line
            line.rstrip()
            self._print(console, line, wrap=False)

    # -- extract -------------------------------------------------------------------------
    def _claims(self, console: Console, view: ReportView) -> None:
        for doc in view.shown_documents():
            self._print(console, Text(_clean(document_heading(doc)), style=self._style("bold")))
            for c in view.claims_by_doc.get(doc.id, []):
                context = " | ".join(
                    f"{k}={_clean(str(v))}"
                    for k, v in (
                        ("entity", c.entity), ("predicate", c.predicate), ("location", c.location),
                        ("by", c.attribution), ("as_of", format_date(c.as_of, c.as_of_precision) if c.as_of else None),
                        ("figure", c.figure),
                    )
                    if v
                )
                line = Text(f"  {_where(c):>7}  ")
                line.append(f"{strip_controls(repr(c.surface), keep_newlines=False):<28}", style=self._style("bold"))
                line.append(f" {c.qualifier:<8} {format_value(c):<22} {format_interval(c):<26} ")
                line.append(context, style=self._style("dim"))
                line.rstrip()
                self._print(console, line, wrap=False)
            self._print(console)
        self._print(console, Text(summary_line(view)), wrap=False)
