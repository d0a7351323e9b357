"""The chart's legend (above the plot) and the note on how to read a bar (below it)."""

from __future__ import annotations

from factcheck.report.escape import h
from factcheck.report.timeline.svg_frame import CHECKED_COLOR, CORPUS_COLOR, REFERENCE_COLOR, SEVERITY_COLOR, Frame


def draw_legend(out: list[str], frame: Frame) -> None:
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
