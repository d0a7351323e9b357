"""The chart's axes: the ranges of days and values it spans, the ticks, and the
gridlines and labels drawn for them."""

from __future__ import annotations

import math
from datetime import date, timedelta

from factcheck.report.escape import h
from factcheck.report.numbers import format_number
from factcheck.report.timeline.series import SeriesPoint
from factcheck.report.timeline.svg_frame import Frame, px


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


def fit_axes(frame: Frame, dated: list[SeriesPoint]) -> list[float]:
    """Set the frame's days and values to span the ``dated`` points (with a margin) and
    return the value ticks; the top of the value axis is the last tick."""
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
    return ticks


def draw_axes(out: list[str], frame: Frame, ticks: list[float]) -> None:
    """The gridlines at the value ticks, the labels of both axes and the day axis."""
    width = frame.width
    out.append('<g class="fc-axes" stroke="#e5e7eb" stroke-width="1">')
    for t in ticks:
        y = frame.y(t)
        out.append(f'<line x1="{frame.left}" y1="{px(y)}" x2="{width - frame.right}" y2="{px(y)}"/>')
    out.append("</g>")
    out.append('<g class="fc-labels" fill="#374151">')
    for t in ticks:
        out.append(f'<text x="{frame.left - 6}" y="{px(frame.y(t) + 4)}" text-anchor="end">{h(compact(t))}</text>')
    for day, text in date_ticks(date.fromordinal(frame.d0), date.fromordinal(frame.d1)):
        x = frame.x(day)
        if x > width - 34:  # its label would be cut off at the right edge
            continue
        out.append(f'<line x1="{px(x)}" y1="{px(frame.y_bottom)}" x2="{px(x)}" y2="{px(frame.y_bottom + 4)}" stroke="#9ca3af"/>')
        out.append(f'<text x="{px(x)}" y="{px(frame.y_bottom + 16)}" text-anchor="middle">{h(text)}</text>')
    out.append("</g>")
    out.append(
        f'<line x1="{frame.left}" y1="{px(frame.y_bottom)}" x2="{width - frame.right}" y2="{px(frame.y_bottom)}" stroke="#9ca3af"/>'
    )
