"""The series of one figure across the corpus and the reference data.

``factcheck timeline FIGURE`` shows every claim the rules assigned to the figure, in
the checked documents, the corpus and the reference series, by the date it is about:
as a table in the terminal (``timeline_table``), or as an SVG chart
(``timeline_svg``), which the HTML report also embeds once per figure.

The reference series is drawn whole where the view has it (``ReportView.series``, from
the rule set), not only the points cited as evidence, but only around the figure's
claims: from ``REFERENCE_MARGIN`` days (or a quarter of the claims' span, if more)
before the earliest claim to as long after the latest, so a daily series of 450
points does not swamp a chart of two claims. A figure with no dated claim shows its
whole series.

In the chart each claim is an interval, not a point: "over 30,000" is a bar from
30,000 up with an arrow where it is unbounded, "about 1.5 million" a bar from 1.45 to
1.55 million; a closed end has a cap, an open end a hollow circle. The reference
series is a line through its points. Claims of the checked documents are orange,
flagged ones drawn in their severity's colour, thicker, and labelled.

PNG: ``svg_to_png`` rasterises with a headless chromium when one is installed (no
Python dependency); without it, write SVG.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.errors import UsageError
from factcheck.models import SEVERITY_RANK, Claim, Document
from factcheck.report.base import ReportView, format_date
from factcheck.report.escape import h, one_line
from factcheck.report.numbers import format_interval, format_number, format_value

SEVERITY_COLOR = {"error": "#c62828", "warning": "#b45309", "info": "#1d4ed8"}
REFERENCE_COLOR = "#0f766e"
CORPUS_COLOR = "#6b7280"
CHECKED_COLOR = "#ea580c"


@dataclass(frozen=True)
class SeriesPoint:
    """One claim of a figure's series, as the chart and the table show it."""

    claim: Claim
    document: Document | None
    day: date | None
    role: str  # "checked", "corpus" or "reference"
    flagged: str | None  # the worst severity of its unsuppressed findings
    suppressed: bool  # flagged only by suppressed findings
    evidence: bool  # evidence of some finding
    source: str
    where: str  # document path (and line), or the reference series' citation

    @property
    def lower(self) -> float | None:
        """The interval's lower end; None where it is unbounded."""
        c = self.claim
        return c.value if c.lower is None and c.upper is None else c.lower

    @property
    def upper(self) -> float | None:
        """The interval's upper end; None where it is unbounded."""
        c = self.claim
        return c.value if c.lower is None and c.upper is None else c.upper


# Days of reference series shown before the first and after the last claim of a figure.
REFERENCE_MARGIN = 14


def known_figures(view: ReportView) -> list[str]:
    return sorted({c.figure for c in view.report.claims if c.figure} | {f for f, pts in view.series.items() if pts})


def reference_window(claims: list[Claim]) -> tuple[date, date] | None:
    """The days of reference series shown with ``claims`` (the figure's claims from
    documents): their span widened by ``REFERENCE_MARGIN`` days or a quarter of the
    span; None when none is dated (then the whole series is shown)."""
    days = [c.as_of for c in claims if c.as_of is not None]
    if not days:
        return None
    first, last = min(days), max(days)
    margin = timedelta(days=max(REFERENCE_MARGIN, (last - first).days // 4))
    return first - margin, last + margin


def _figure_claims(view: ReportView, figure_id: str) -> list[Claim]:
    """The figure's claims in the report, plus the points of its reference series
    within ``reference_window`` that the report does not already carry."""
    claims = [c for c in view.report.claims if c.figure == figure_id]
    series = view.series.get(figure_id, ())
    if not series:
        return claims
    have = {c.id for c in claims}
    window = reference_window([c for c in claims if not view.is_reference(view.document_of(c))])
    for c in series:
        if c.id in have:
            continue
        if window is not None and (c.as_of is None or not window[0] <= c.as_of <= window[1]):
            continue
        claims.append(c)
    return claims


def resolve_figure(view: ReportView, name: str) -> str:
    """The figure id ``name`` means: an id, or a label (case and spaces ignored)."""
    figures = known_figures(view)
    if name in figures:
        return name

    def norm(s: str) -> str:
        return "".join(ch for ch in s.lower() if ch.isalnum())

    for fig in figures:
        if norm(fig) == norm(name) or norm(view.figure_label(fig)) == norm(name):
            return fig
    known = ", ".join(figures) if figures else "none (no claim was assigned to a figure)"
    raise UsageError(f"unknown figure {name!r}; figures in this run: {known}")


def figure_series(view: ReportView, figure_id: str) -> list[SeriesPoint]:
    """Every claim of the figure, sorted by date (undated last), reference first."""
    points = []
    order = {d.id: i for i, d in enumerate(view.report.documents)}
    for claim in _figure_claims(view, figure_id):
        doc = view.document_of(claim)
        reference = view.is_reference(doc)
        role = "reference" if reference else (doc.role if doc is not None else "corpus")
        findings = view.findings_by_claim.get(claim.id, [])
        active = [f for f in findings if not f.suppressed]
        flagged = max((f.severity for f in active), key=lambda s: SEVERITY_RANK[s]) if active else None
        ev = view.describe_evidence(claim)
        if reference:
            source, where = ev.source, ev.citation or (doc.path if doc else "")
        else:
            source = ev.source + (f", {ev.outlet}" if ev.outlet else "")
            where = ev.where or ""
        points.append(
            SeriesPoint(
                claim=claim,
                document=doc,
                day=claim.as_of,
                role=role,
                flagged=flagged,
                suppressed=bool(findings) and not active,
                evidence=claim.id in view.evidence_ids,
                source=source,
                where=where,
            )
        )

    def key(p: SeriesPoint) -> tuple[bool, int, int, int, int, str]:
        return (
            p.day is None,
            p.day.toordinal() if p.day else 0,
            0 if p.role == "reference" else (2 if p.role == "checked" else 1),
            order.get(p.claim.doc, 0),
            p.claim.start,
            p.claim.id,
        )

    return sorted(points, key=key)


def count_text(points: list[SeriesPoint]) -> str:
    """ "3 claims and 40 reference values" (reference points counted apart)."""
    refs = sum(1 for p in points if p.role == "reference")
    claims = len(points) - refs
    text = f"{claims} claim{'s' if claims != 1 else ''}"
    if refs:
        text += f" and {refs} reference value{'s' if refs != 1 else ''}"
    return text


# -- the table ---------------------------------------------------------------------------
def timeline_table(view: ReportView, figure_id: str, color: bool = False, width: int = 120) -> str:
    """The series as a table for the terminal (plain text unless ``color``)."""
    points = figure_series(view, figure_id)
    table = Table(
        title=f"{view.figure_label(figure_id)} ({figure_id}): {count_text(points)}",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
    )
    for column, justify, wrap in (("date", "left", False), ("value", "right", False), ("interval", "left", False),
                                  ("as written", "left", True), ("source", "left", True),
                                  ("document / series", "left", True), ("", "left", False)):
        table.add_column(column, justify=justify, overflow="fold", no_wrap=not wrap)  # type: ignore[arg-type]
    for p in points:
        flag = ""
        style = ""
        if p.flagged:
            flag = f"{p.flagged.upper()}"
            style = {"error": "bold red", "warning": "yellow", "info": "cyan"}[p.flagged]
        elif p.suppressed:
            flag = "suppressed"
        elif p.role == "checked":
            flag = "checked"
        elif p.role == "reference":
            style = "blue"
        table.add_row(
            format_date(p.day, p.claim.as_of_precision),
            format_value(p.claim),
            format_interval(p.claim),
            one_line(p.claim.surface) if p.role != "reference" else "(reference)",
            one_line(p.source),
            one_line(_series_name(p) if p.role == "reference" else p.where),
            flag,
            style=style if color else None,
        )
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
        no_color=not color, force_jupyter=False, force_interactive=False, legacy_windows=False,
        highlight=False, markup=False, emoji=False, _environ={},
    )
    console.print(table)
    undated = sum(1 for p in points if p.day is None)
    if undated:
        console.print(Text(f"{undated} undated claim(s) listed last"))
    cited: dict[str, str] = {}
    for p in points:
        if p.role == "reference" and p.document is not None:
            cited.setdefault(_series_name(p), p.document.url or p.document.path)
    for name, citation in cited.items():
        console.print(Text(f"reference series {one_line(name)}: {one_line(citation)}"), soft_wrap=True)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _series_name(p: SeriesPoint) -> str:
    doc = p.document
    return (doc.title or doc.path) if doc is not None else p.claim.doc


# -- the chart ---------------------------------------------------------------------------
def _f(x: float) -> str:
    return f"{x:.1f}"


def compact(x: float) -> str:
    """Axis labels: 1500000 -> "1.5M", 35000 -> "35k", 135 -> "135"."""
    ax = abs(x)
    for factor, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if ax >= factor:
            return f"{x / factor:.2f}".rstrip("0").rstrip(".") + suffix
    return format_number(round(x, 2))


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    t = first
    while True:  # up to the first tick at or above ``hi``, so the data sits under a gridline
        ticks.append(round(t, 10))
        if t >= hi - step * 1e-9:
            return ticks
        t += step


def date_ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    span = (hi - lo).days
    if span > 75:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        step = next(s for s in (1, 2, 3, 4, 6, 12, 24) if months / s <= 7)
        out = []
        y, m = lo.year, lo.month
        if lo.day != 1:
            m += 1
            if m > 12:
                y, m = y + 1, 1
        while date(y, m, 1) <= hi:
            if (m - 1) % step == 0 or step == 1:
                out.append((date(y, m, 1), f"{y}-{m:02d}"))
            m += 1
            if m > 12:
                y, m = y + 1, 1
        return out
    step = next(s for s in (1, 2, 7, 14, 28) if span / s <= 7)
    return [(lo + timedelta(days=d), (lo + timedelta(days=d)).isoformat()) for d in range(0, span + 1, step)]


@dataclass
class _Frame:
    width: int
    height: int
    left: int = 64
    right: int = 24
    top: int = 56
    bottom: int = 48
    d0: int = 0
    d1: int = 1
    y0: float = 0.0
    y1: float = 1.0

    def x(self, day: date) -> float:
        return self.left + (day.toordinal() - self.d0) / (self.d1 - self.d0) * (self.width - self.left - self.right)

    def y(self, value: float) -> float:
        plot = self.height - self.top - self.bottom
        return self.top + (1 - (value - self.y0) / (self.y1 - self.y0)) * plot

    @property
    def y_top(self) -> float:
        return float(self.top)

    @property
    def y_bottom(self) -> float:
        return float(self.height - self.bottom)


def timeline_svg(
    view: ReportView,
    figure_id: str,
    *,
    standalone: bool = True,
    width: int = 760,
    height: int = 300,
    dom_id: str | None = None,
    points: list[SeriesPoint] | None = None,
) -> str:
    """The figure's series as an SVG chart (``standalone`` adds the XML prolog);
    ``points`` is ``figure_series(view, figure_id)`` when the caller has it already."""
    if points is None:
        points = figure_series(view, figure_id)
    label = view.figure_label(figure_id)
    dated = [p for p in points if p.day is not None]
    frame = _Frame(width, height)
    out: list[str] = []
    id_attr = f' id="{h(dom_id)}"' if dom_id else ""
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg"{id_attr} class="fc-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{h(f"Timeline of {label}")}" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" font-size="11">'
    )
    out.append(f"<title>{h(f'{label}: {count_text(points)} by date')}</title>")
    out.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>')
    out.append(f'<text x="{frame.left}" y="18" font-size="13" font-weight="bold" fill="#111827">{h(label)}</text>')
    _legend(out, frame)
    if not dated:
        out.append(f'<text x="{frame.left}" y="{height // 2}" fill="#6b7280">no dated claims of this figure</text>')
        out.append("</svg>")
        return "\n".join(out) + "\n"

    days = [p.day.toordinal() for p in dated if p.day]
    lo_day, hi_day = min(days), max(days)
    pad = max(3, round((hi_day - lo_day) * 0.04))
    frame.d0, frame.d1 = lo_day - pad, hi_day + pad
    finite = [v for p in dated for v in (p.lower, p.upper, p.claim.value) if v is not None]
    vmax = max(finite) if finite else 1.0
    vmin = min(finite) if finite else 0.0
    frame.y0 = 0.0 if vmin >= 0 else vmin * 1.1
    frame.y1 = vmax * 1.1 if vmax > 0 else 1.0
    # An interval unbounded above needs room to show that it goes on upwards.
    open_above = [p.lower for p in dated if p.upper is None and p.lower is not None]
    if open_above:
        frame.y1 = max(frame.y1, max(open_above) * 1.25)
    ticks = nice_ticks(frame.y0, frame.y1)
    frame.y1 = ticks[-1]

    # axes and grid
    out.append('<g class="fc-axes" stroke="#e5e7eb" stroke-width="1">')
    for t in ticks:
        y = frame.y(t)
        out.append(f'<line x1="{frame.left}" y1="{_f(y)}" x2="{width - frame.right}" y2="{_f(y)}"/>')
    out.append("</g>")
    out.append('<g class="fc-labels" fill="#374151">')
    for t in ticks:
        out.append(f'<text x="{frame.left - 6}" y="{_f(frame.y(t) + 4)}" text-anchor="end">{h(compact(t))}</text>')
    for day, text in date_ticks(date.fromordinal(frame.d0), date.fromordinal(frame.d1)):
        x = frame.x(day)
        if x > width - 34:  # its label would be cut off at the right edge
            continue
        out.append(f'<line x1="{_f(x)}" y1="{_f(frame.y_bottom)}" x2="{_f(x)}" y2="{_f(frame.y_bottom + 4)}" stroke="#9ca3af"/>')
        out.append(f'<text x="{_f(x)}" y="{_f(frame.y_bottom + 16)}" text-anchor="middle">{h(text)}</text>')
    out.append("</g>")
    out.append(
        f'<line x1="{frame.left}" y1="{_f(frame.y_bottom)}" x2="{width - frame.right}" y2="{_f(frame.y_bottom)}" stroke="#9ca3af"/>'
    )

    # the reference series: a line through its points
    refs = [p for p in dated if p.role == "reference" and p.claim.value is not None]
    if refs:
        coords = " ".join(f"{_f(frame.x(p.day))},{_f(frame.y(p.claim.value))}" for p in refs if p.day and p.claim.value is not None)
        out.append(f'<polyline class="fc-ref-line" points="{coords}" fill="none" stroke="{REFERENCE_COLOR}" stroke-width="1.5"/>')

    # every claim as an interval; claims on the same day side by side
    offsets = _offsets(frame, [p for p in dated if p.role != "reference"])
    labelled: list[tuple[float, float, str, str]] = []
    # Points less than 8px apart on average: small dots, so the line stays readable.
    dense = len(refs) > 1 and (frame.width - frame.left - frame.right) / len(refs) < 8
    for p in dated:
        if p.role == "reference":
            _reference_point(out, frame, p, dense)
            continue
        x = frame.x(p.day) + offsets[p.claim.id]  # type: ignore[arg-type]
        color = SEVERITY_COLOR[p.flagged] if p.flagged else (CHECKED_COLOR if p.role == "checked" else CORPUS_COLOR)
        widthpx = 4 if p.flagged else (3 if p.role == "checked" else 2.5)
        _interval(out, frame, p, x, color, widthpx)
        if p.flagged:
            top = frame.y(p.upper) if p.upper is not None else frame.y_top
            bottom = frame.y(p.lower) if p.lower is not None else frame.y_bottom
            labelled.append((x, (top + bottom) / 2, p.claim.surface, color))
    for x, y, text, color in labelled:
        anchor = "end" if x > width * 0.6 else "start"
        dx = -10 if anchor == "end" else 10
        out.append(
            f'<text class="fc-flag-label" x="{_f(x + dx)}" y="{_f(y + 4)}" text-anchor="{anchor}" '
            f'fill="{color}" font-weight="bold" stroke="#ffffff" stroke-width="3" paint-order="stroke">{h(one_line(text))}</text>'
        )
    undated = len(points) - len(dated)
    if undated:
        out.append(
            f'<text x="{width - frame.right}" y="{height - 6}" text-anchor="end" fill="#6b7280" font-size="10">'
            f"{undated} undated claim{'s' if undated != 1 else ''} not drawn</text>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(out: list[str], frame: _Frame) -> None:
    items = [
        ("line", REFERENCE_COLOR, "reference series"),
        ("bar", CORPUS_COLOR, "other reporting"),
        ("bar", CHECKED_COLOR, "checked document"),
        ("bar", SEVERITY_COLOR["error"], "flagged (colour = severity)"),
    ]
    x = frame.left
    y = 38
    out.append('<g class="fc-legend" fill="#374151">')
    for kind, color, text in items:
        if kind == "line":
            out.append(f'<line x1="{x}" y1="{y - 4}" x2="{x + 16}" y2="{y - 4}" stroke="{color}" stroke-width="2"/>')
            out.append(f'<circle cx="{x + 8}" cy="{y - 4}" r="2.5" fill="{color}"/>')
        else:
            out.append(f'<line x1="{x + 8}" y1="{y - 10}" x2="{x + 8}" y2="{y + 2}" stroke="{color}" stroke-width="3"/>')
        out.append(f'<text x="{x + 20}" y="{y}">{h(text)}</text>')
        x += 28 + 6 * len(text)
    out.append("</g>")
    out.append(
        f'<text x="{frame.left}" y="{frame.height - 6}" fill="#6b7280" font-size="10">Each bar spans the values a '
        "claim allows; an arrow marks an unbounded end, a hollow circle an open one.</text>"
    )


def _offsets(frame: _Frame, points: list[SeriesPoint]) -> dict[str, float]:
    """Horizontal offsets so that claims drawn at (nearly) the same x do not overlap."""
    groups: list[list[SeriesPoint]] = []
    last_x: float | None = None
    for p in sorted(points, key=lambda p: (p.day, p.claim.doc, p.claim.start, p.claim.id)):  # type: ignore[arg-type, return-value]
        x = frame.x(p.day)  # type: ignore[arg-type]
        if last_x is not None and abs(x - last_x) < 6 and groups:
            groups[-1].append(p)
        else:
            groups.append([p])
            last_x = x
    offsets: dict[str, float] = {}
    for group in groups:
        n = len(group)
        for i, p in enumerate(group):
            offsets[p.claim.id] = (i - (n - 1) / 2) * 7
    return offsets


def _title(p: SeriesPoint) -> str:
    what = "reference" if p.role == "reference" else ("checked document" if p.role == "checked" else "corpus")
    flag = f", flagged ({p.flagged})" if p.flagged else (", suppressed finding" if p.suppressed else "")
    return one_line(
        f"{p.claim.surface} = {format_interval(p.claim)} — {p.source} — "
        f"{format_date(p.day, p.claim.as_of_precision)} — {what}{flag} — {p.where}"
    )


def _reference_point(out: list[str], frame: _Frame, p: SeriesPoint, dense: bool = False) -> None:
    assert p.day is not None
    x = frame.x(p.day)
    value = p.claim.value if p.claim.value is not None else p.lower
    if value is None:
        return
    out.append(f'<g class="fc-pt fc-ref" data-claim="{h(p.claim.id)}"><title>{h(_title(p))}</title>')
    if p.lower is not None and p.upper is not None and p.upper > p.lower:
        out.append(
            f'<line x1="{_f(x)}" y1="{_f(frame.y(p.upper))}" x2="{_f(x)}" y2="{_f(frame.y(p.lower))}" '
            f'stroke="{REFERENCE_COLOR}" stroke-width="1.5"/>'
        )
    r = 4.5 if p.evidence else (3 if not dense else 1.8)
    stroke = ' stroke="#ffffff" stroke-width="1"' if r > 2 else ""
    out.append(f'<circle cx="{_f(x)}" cy="{_f(frame.y(value))}" r="{r}" fill="{REFERENCE_COLOR}"{stroke}/>')
    out.append("</g>")


def _interval(out: list[str], frame: _Frame, p: SeriesPoint, x: float, color: str, widthpx: float) -> None:
    top = frame.y(p.upper) if p.upper is not None else frame.y_top + 6
    bottom = frame.y(p.lower) if p.lower is not None else frame.y_bottom - 6
    if bottom - top < 3:  # an exact figure: still an interval, drawn at least 3px tall
        mid = (top + bottom) / 2
        top, bottom = mid - 1.5, mid + 1.5
    checked = ' data-checked="1"' if p.role == "checked" else ""
    cls = "fc-pt fc-" + p.role + (f" fc-flag-{p.flagged}" if p.flagged else "")
    out.append(f'<g class="{cls}" data-claim="{h(p.claim.id)}"{checked}><title>{h(_title(p))}</title>')
    if p.flagged:
        out.append(
            f'<rect x="{_f(x - 7)}" y="{_f(top - 7)}" width="14" height="{_f(bottom - top + 14)}" rx="7" '
            f'fill="none" stroke="{color}" stroke-width="1.5" stroke-dasharray="3 2"/>'
        )
    out.append(
        f'<line x1="{_f(x)}" y1="{_f(top)}" x2="{_f(x)}" y2="{_f(bottom)}" stroke="{color}" '
        f'stroke-width="{widthpx}" stroke-linecap="butt"/>'
    )
    # the ends: arrows where unbounded, hollow circles where open, caps where closed
    for end, bound, is_open, direction in (
        (top, p.upper, p.claim.upper_open, -1),
        (bottom, p.lower, p.claim.lower_open, 1),
    ):
        if bound is None:
            tip = end + 6 * direction  # up from the top end, down from the bottom end
            out.append(
                f'<polygon points="{_f(x - 5)},{_f(end)} {_f(x + 5)},{_f(end)} {_f(x)},{_f(tip)}" fill="{color}"/>'
            )
        elif is_open:
            out.append(f'<circle cx="{_f(x)}" cy="{_f(end)}" r="3" fill="#ffffff" stroke="{color}" stroke-width="1.5"/>')
        else:
            out.append(f'<line x1="{_f(x - 5)}" y1="{_f(end)}" x2="{_f(x + 5)}" y2="{_f(end)}" stroke="{color}" stroke-width="2"/>')
    if p.claim.value is not None and p.lower is not None and p.upper is not None and p.lower < p.claim.value < p.upper:
        out.append(f'<circle cx="{_f(x)}" cy="{_f(frame.y(p.claim.value))}" r="2" fill="#ffffff"/>')
    out.append("</g>")


# -- PNG ---------------------------------------------------------------------------------
def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def svg_to_png(svg: str, width: int = 760, height: int = 300, chromium: str | None = None) -> bytes:
    """Rasterise an SVG with a headless chromium (``UsageError`` when none is installed)."""
    binary = chromium or find_chromium()
    if binary is None:
        raise UsageError("PNG output needs chromium (apt-get install chromium); write an .svg file instead")
    with tempfile.TemporaryDirectory(prefix="factcheck-png-") as tmp:
        src = Path(tmp) / "chart.html"
        # Wrapping in a page with no margin makes the screenshot exactly the chart.
        body = svg.split("?>", 1)[1] if svg.startswith("<?xml") else svg
        src.write_text(
            "<!doctype html><meta charset=utf-8><style>html,body{margin:0;background:#fff}</style>" + body,
            encoding="utf-8",
        )
        png = Path(tmp) / "chart.png"
        cmd = [
            binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--window-size={width},{height}", f"--screenshot={png}", src.as_uri(),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=120, check=False, env={**os.environ, "HOME": tmp})
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UsageError(f"PNG output: chromium failed ({exc}); write an .svg file instead") from None
        if not png.is_file():
            raise UsageError("PNG output: chromium wrote no image; write an .svg file instead")
        return png.read_bytes()


# -- what `factcheck timeline FIGURE` writes ---------------------------------------------
def render_timeline(
    view: ReportView,
    figure: str,
    output: Path | None = None,
    *,
    color: bool = False,
    width: int = 120,
) -> str | bytes:
    """The timeline of ``figure`` (an id or a label) for the CLI: a table for the
    terminal or a ``.txt`` file, an SVG chart for ``.svg``, a PNG for ``.png`` (via
    chromium). Unknown figures and other suffixes are ``UsageError``s."""
    figure_id = resolve_figure(view, figure)
    suffix = output.suffix.lower() if output is not None and str(output) != "-" else ""
    if suffix == ".svg":
        return timeline_svg(view, figure_id)
    if suffix == ".png":
        return svg_to_png(timeline_svg(view, figure_id))
    if suffix in ("", ".txt", ".text"):
        return timeline_table(view, figure_id, color=color and not suffix, width=width)
    raise UsageError(f"--output {output}: the timeline is written as .svg, .png or .txt")
